import type { ErrorCode } from './shared/api-types';

/**
 * The error catalogue. Every failure the user can cause has a stable code, an HTTP status and
 * details naming the field (and row/line for files). Server, CLI and tests rely on `code`.
 */
export interface ErrorDetail {
  /** Field path, e.g. `systems[2].grading.businessInformation[0].degree` or `line 4`. */
  readonly path: string;
  readonly message: string;
}

export type { ErrorCode };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details: readonly ErrorDetail[]) {
    super('VALIDATION_FAILED', 400, message, details);
  }
}

/** The request is valid but clashes with the current state (e.g. editing a completed assessment). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', 409, message);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', 404, `${entity} ${id} not found`);
  }
}

export class VersionConflictError extends AppError {
  constructor(
    entity: string,
    readonly currentVersion: number,
  ) {
    super(
      'VERSION_CONFLICT',
      409,
      `${entity} was changed by someone else (now version ${currentVersion}); reload and apply your change again`,
    );
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'sign in first (session cookie or API token)') {
    super('UNAUTHENTICATED', 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', 403, message);
  }
}

/** Too many attempts; `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', 429, `too many attempts; retry in ${retryAfterSeconds} seconds`);
  }
}

/** Sign-in refused because of repeated failures, until `lockedUntil` (ISO instant). */
export class AccountLockedError extends AppError {
  constructor(
    readonly lockedUntil: string,
    message: string,
  ) {
    super('ACCOUNT_LOCKED', 401, message);
  }
}

/** Turns zod issues into details with dotted/indexed paths (`systems[2].name`). */
export function detailsFromZodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): ErrorDetail[] {
  return issues.map((i) => ({ path: formatPath(prefix, i.path), message: i.message }));
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
    return new ConflictError(
      `${what}: this already exists (created at the same time by another request); reload`,
    );
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new ConflictError('a row this refers to was changed or removed meanwhile; reload');
  if (code === '40001' || code === '40P01' || code === 'SQLITE_BUSY')
    return new ConflictError('the database was busy with a concurrent change; try again');
  // PostgreSQL class 22 (data exception): NUL or invalid byte, date/number out of range, too long.
  if (/^22[0-9A-Z]{3}$/.test(code) || code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH')
    return new ValidationError('a value is not accepted by the database', [
      { path: '(request)', message: 'a value is out of range, too long or contains a NUL byte' },
    ]);
  return null;
}
