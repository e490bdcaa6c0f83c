import type { ErrorCode } from './shared/api-types';
import { codeOfMessage, say, type MessageCode, type Params } from './shared/vocabulary';

/**
 * The error catalogue. Every failure the user can cause has a stable code, an HTTP status and
 * details naming the field (and row/line for files). Server, CLI and tests rely on `code`.
 */
export interface ErrorDetail {
  /** Field path, e.g. `systems[2].grading.businessInformation[0].degree` or `line 4`. */
  readonly path: string;
  /** In English (the API's `message`); the code below gives every language. */
  readonly message: string;
  /** The vocabulary code of the message (src/shared/vocabulary), when it has one. */
  readonly code?: MessageCode;
  readonly params?: Params;
}

export type { ErrorCode };

/** A message by its vocabulary code: rendered in English for `message`, in any language by clients. */
export interface KeyedMessage {
  readonly code: MessageCode;
  readonly params?: Params;
}

/** A detail by its vocabulary code; `message` is its English text. */
export function detail(path: string, code: MessageCode, params: Params = {}): ErrorDetail {
  return { path, code, params, message: say(code, params, 'en') };
}

export class AppError extends Error {
  /** The vocabulary code of `message` (when keyed), and its params. */
  readonly messageCode: MessageCode | undefined;
  readonly params: Params;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string | KeyedMessage,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    const keyed = typeof message === 'string' ? null : message;
    super(keyed ? say(keyed.code, keyed.params ?? {}, 'en') : (message as string));
    this.name = 'AppError';
    this.messageCode = keyed?.code;
    this.params = keyed?.params ?? {};
  }
}

export class ValidationError extends AppError {
  constructor(message: string | KeyedMessage, details: readonly ErrorDetail[]) {
    super('VALIDATION_FAILED', 400, message, details);
  }
}

/** The request is valid but clashes with the current state (e.g. editing a completed assessment). */
export class ConflictError extends AppError {
  constructor(message: string | KeyedMessage) {
    super('CONFLICT', 409, message);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', 404, { code: 'error.not_found', params: { entity, id } });
  }
}

export class VersionConflictError extends AppError {
  constructor(
    entity: string,
    readonly currentVersion: number,
  ) {
    super('VERSION_CONFLICT', 409, {
      code: 'error.version_conflict',
      params: { entity, version: currentVersion },
    });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message: string | KeyedMessage = { code: 'error.unauthenticated' }) {
    super('UNAUTHENTICATED', 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string | KeyedMessage) {
    super('FORBIDDEN', 403, message);
  }
}

/** Too many attempts; `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', 429, {
      code: 'error.rate_limited',
      params: { seconds: retryAfterSeconds },
    });
  }
}

/** Sign-in refused because of repeated failures, until `lockedUntil` (ISO instant). */
export class AccountLockedError extends AppError {
  constructor(
    readonly lockedUntil: string,
    message: string | KeyedMessage,
  ) {
    super('ACCOUNT_LOCKED', 401, message);
  }
}

/**
 * Turns zod issues into details with dotted/indexed paths (`systems[2].name`); a message of the
 * vocabulary (the schemas' own) gets its code back.
 */
export function detailsFromZodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): ErrorDetail[] {
  return issues.map((i) => keyedDetail(formatPath(prefix, i.path), i.message));
}

/** A detail with the code of its message when the vocabulary knows the English text. */
export function keyedDetail(path: string, message: string): ErrorDetail {
  const found = codeOfMessage(message);
  return found ? { path, message, code: found.code, params: found.params } : { path, message };
}

export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

/** A unique or primary-key violation, from SQLite (better-sqlite3) or PostgreSQL (pg). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * The safe answer to a database error that a request can cause (a race or a value the database
 * refuses). A backstop: callers should turn these into named errors first. Null: a real fault.
 */
export function appErrorFromDatabase(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (isUniqueViolation(error)) {
    // PostgreSQL names the table; SQLite says "UNIQUE constraint failed: memberships.user_id".
    const e = error as { table?: unknown; message?: unknown };
    const table =
      (typeof e.table === 'string' ? e.table : undefined) ??
      /constraint failed: (\w+)\./.exec(String(e.message))?.[1];
    const what = table ? table.replace(/_/g, ' ') : 'row';
    return new ConflictError({ code: 'error.db_unique', params: { table: what } });
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new ConflictError({ code: 'error.db_foreign_key' });
  if (code === '40001' || code === '40P01' || code === 'SQLITE_BUSY')
    return new ConflictError({ code: 'error.db_busy' });
  // PostgreSQL class 22 (data exception): NUL or invalid byte, date/number out of range, too long.
  if (/^22[0-9A-Z]{3}$/.test(code) || code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH')
    return new ValidationError({ code: 'error.db_value_refused' }, [
      detail('(request)', 'error.db_value_detail'),
    ]);
  return null;
}
