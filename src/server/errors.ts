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
import type { ApiError } from '../shared/api-types';
import { ownMessageZh } from '../shared/messages-zh';

const zodZh = z.locales.zhCN().localeError;
const zodEn = z.locales.en().localeError;
type LocaleIssue = Parameters<typeof zodEn>[0];

/** Chinese for a zod issue: ours from the dictionary, zod's built-ins from its zhCN locale. */
function zhForIssue(keyword: string, message: string, params: Record<string, unknown>): string {
  const own = ownMessageZh(message);
  if (own) return own;
  const issue = { ...params, code: keyword } as unknown as LocaleIssue;
  const en = zodEn(issue);
  const enText = typeof en === 'string' ? en : en?.message;
  // A message equal to zod's default English is a built-in one: translate it; otherwise keep ours.
  if (enText !== message) return message;
  const zh = zodZh(issue);
  return (typeof zh === 'string' ? zh : zh?.message) ?? message;
}

/** Adds the Chinese wording to our own (non-zod) error details. */
function withZh(details: readonly { path: string; message: string }[]) {
  return details.map((d) => ({ ...d, messageZh: ownMessageZh(d.message) ?? d.message }));
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
          `invalid ${where}`,
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
        message: `invalid ${where}`,
        details: error.validation.map((v) => ({
          path: formatPath(
            '',
            v.instancePath
              .split('/')
              .filter(Boolean)
              .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
          ),
          message: v.message ?? 'invalid',
          messageZh: zhForIssue(
            v.keyword,
            v.message ?? 'invalid',
            v.params as Record<string, unknown>,
          ),
        })),
      };
      return reply.status(400).send(body);
    }
    if (error instanceof AppError) {
      const body: ApiError = {
        code: error.code,
        message: error.message,
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
      const body: ApiError = {
        code: 'DATA_INTEGRITY',
        message: error.message,
        details: [
          {
            path: '',
            message: error.message,
            messageZh:
              error.reason === 'binding'
                ? '存储的加密字段属于另一行（被复制或移动到此处），已拒绝读取；请从备份恢复该字段'
                : '存储的加密字段无法解密（被篡改、密钥缺失或不匹配），已拒绝读取；请检查密钥或从备份恢复',
          },
        ],
      };
      return reply.status(500).send(body);
    }
    if (error.statusCode && error.statusCode < 500) {
      const body: ApiError = { code: 'BAD_REQUEST', message: error.message, details: [] };
      return reply.status(error.statusCode).send(body);
    }
    request.log.error({ err: error, method: request.method, url: request.url }, 'request failed');
    const body: ApiError = {
      code: 'INTERNAL',
      message: 'internal error; see the server log',
      details: [],
    };
    return reply.status(500).send(body);
  });
}
