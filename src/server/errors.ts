import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  AccountLockedError,
  AppError,
  RateLimitedError,
  ValidationError,
  VersionConflictError,
  appErrorFromDatabase,
  formatPath,
} from '../errors';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPaths } from '../shared/schemas';
import { FieldCryptoError } from '../security/field-crypto';
import { z } from 'zod';
import type { ApiError, ApiErrorDetail, MessageParams } from '../shared/api-types';
import { codeOfMessage, messageZhOfCode } from '../shared/messages-zh';
import { say } from '../shared/vocabulary';

const zodZh = z.locales.zhCN().localeError;
const zodEn = z.locales.en().localeError;
type LocaleIssue = Parameters<typeof zodEn>[0];

/** The primitive params of a zod issue (`minimum`, `origin` …), for clients that word it themselves. */
function primitiveParams(params: Record<string, unknown>): MessageParams {
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params ?? {}))
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/**
 * A zod issue as a detail: ours by its vocabulary code (found from the schema's English text),
 * zod's built-ins as `zod.<issue>` in Chinese from zod's zhCN locale.
 */
function zodDetail(
  path: string,
  keyword: string,
  message: string,
  params: Record<string, unknown>,
): ApiErrorDetail {
  const own = codeOfMessage(message);
  if (own)
    return {
      path,
      message,
      messageZh: say(own.code, own.params, 'zh'),
      code: own.code,
      params: own.params,
    };
  const issue = { ...params, code: keyword } as unknown as LocaleIssue;
  const en = zodEn(issue);
  const enText = typeof en === 'string' ? en : en?.message;
  // A message equal to zod's default English is a built-in one: translate it; otherwise keep ours.
  const zh = enText === message ? zodZh(issue) : undefined;
  const zhText = (typeof zh === 'string' ? zh : zh?.message) ?? message;
  return {
    path,
    message,
    messageZh: zhText,
    code: `zod.${keyword}`,
    params: primitiveParams(params),
  };
}

/** Our own (non-zod) error details with their code, params and Chinese wording. */
export function withZh(
  details: readonly { path: string; message: string; code?: string; params?: MessageParams }[],
): ApiErrorDetail[] {
  return details.map((d) => {
    const keyed = d.code
      ? { code: d.code, params: d.params ?? {} }
      : (codeOfMessage(d.message) ?? null);
    const zh = keyed ? messageZhOfCode(keyed.code, keyed.params) : null;
    return keyed && zh
      ? { path: d.path, message: d.message, messageZh: zh, code: keyed.code, params: keyed.params }
      : { path: d.path, message: d.message, messageZh: d.message };
  });
}

/** The top-level message of an error with its code and Chinese, when the vocabulary has it. */
function topMessage(
  message: string,
  code?: string,
  params: MessageParams = {},
): Pick<ApiError, 'message' | 'messageZh' | 'messageCode' | 'params'> {
  const keyed = code ? { code, params } : codeOfMessage(message);
  const zh = keyed ? messageZhOfCode(keyed.code, keyed.params) : null;
  return keyed && zh
    ? { message, messageZh: zh, messageCode: keyed.code, params: keyed.params }
    : { message };
}

/**
 * Refuses NUL and other control characters anywhere in the path parameters, query and JSON body
 * (raw uploads are checked by their importers), before any route or the database sees them.
 */
function registerControlCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts: [string, unknown][] = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', typeof request.body === 'string' ? null : request.body],
    ];
    for (const [where, value] of parts) {
      const paths = controlCharacterPaths(value, 20);
      if (paths.length > 0)
        throw new ValidationError(
          { code: 'error.invalid_request', params: { where } },
          paths.map((p) => ({ path: formatPath('', p), message: CONTROL_CHARACTER_MESSAGE })),
        );
    }
  });
}

/** One error handler: known errors keep their code and details; anything else is a 500 without internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  registerControlCharacterGuard(app);
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    // A database refusal that slipped past the checks is still the request's fault, never a 500.
    const fromDb = raw instanceof AppError ? null : appErrorFromDatabase(raw);
    if (fromDb) request.log.warn({ err: raw, url: request.url }, 'database refused the request');
    const error = (fromDb ?? raw) as FastifyError;
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const body: ApiError = {
        code: 'VALIDATION_FAILED',
        ...topMessage(`invalid ${where}`, 'error.invalid_request', { where }),
        details: error.validation.map((v) =>
          zodDetail(
            formatPath(
              '',
              v.instancePath
                .split('/')
                .filter(Boolean)
                .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
            ),
            v.keyword,
            v.message ?? 'invalid',
            v.params as Record<string, unknown>,
          ),
        ),
      };
      return reply.status(400).send(body);
    }
    if (error instanceof AppError) {
      const body: ApiError = {
        code: error.code,
        ...topMessage(error.message, error.messageCode, error.params),
        details: withZh(error.details),
        ...(error instanceof VersionConflictError ? { currentVersion: error.currentVersion } : {}),
        ...(error instanceof AccountLockedError ? { lockedUntil: error.lockedUntil } : {}),
        ...(error instanceof RateLimitedError
          ? { retryAfterSeconds: error.retryAfterSeconds }
          : {}),
      };
      if (error instanceof RateLimitedError)
        void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.status).send(body);
    }
    if (error instanceof FieldCryptoError) {
      // Stored data, not the request, is at fault: say which field failed (never its value).
      request.log.error({ err: error, url: request.url }, 'stored encrypted value refused');
      const integrityCode =
        error.reason === 'binding' ? 'error.data_integrity_binding' : 'error.data_integrity';
      const body: ApiError = {
        code: 'DATA_INTEGRITY',
        message: error.message,
        messageZh: say(integrityCode, {}, 'zh'),
        details: [
          {
            path: '',
            message: error.message,
            messageZh: say(integrityCode, {}, 'zh'),
            code: integrityCode,
            params: {},
          },
        ],
      };
      return reply.status(500).send(body);
    }
    if (error.statusCode && error.statusCode < 500) {
      const body: ApiError = { code: 'BAD_REQUEST', ...topMessage(error.message), details: [] };
      return reply.status(error.statusCode).send(body);
    }
    request.log.error({ err: error, method: request.method, url: request.url }, 'request failed');
    const body: ApiError = {
      code: 'INTERNAL',
      ...topMessage(say('error.internal', {}, 'en'), 'error.internal'),
      details: [],
    };
    return reply.status(500).send(body);
  });
}
