/**
 * Optimistic concurrency for the versioned tables: an update names the version the caller read
 * and succeeds only while the stored row still has it, so concurrent edits never silently
 * overwrite one another.
 */
import type { Kysely, Selectable, Updateable } from 'kysely';
import { VersionConflictError } from '../../errors';
import type { Database } from '../schema';

/** The tables whose rows carry an integer `version`. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { version: number } ? T : never;
}[keyof Database];

/** A table with an `updated_at` column takes `now` for it; one without takes none. */
type Stamp<T extends VersionedTable> = Database[T] extends { updated_at: string }
  ? { now: string }
  : { now?: never };

export type VersionedUpdate<T extends VersionedTable> = {
  /** The columns that pick out the row, e.g. `{ organisation_id, id }`; ANDed in this order. */
  where: Partial<Omit<Selectable<Database[T]>, 'version'>>;
  /** The version the caller read. */
  expected: number;
  /** The columns to change (version and updated_at are set here). */
  columns: Omit<Updateable<Database[T]>, 'version'>;
  /** Names the row in VERSION_CONFLICT's message, e.g. `system`. */
  entity: string;
  /** The row's version now; may throw (e.g. NOT_FOUND when the row is gone). */
  current: () => Promise<number>;
} & Stamp<T>;

/**
 * `update <table> set <columns>, version = expected + 1[, updated_at = now] where <where> and
 * version = expected`; VERSION_CONFLICT when no row matched.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  change: VersionedUpdate<T>,
): Promise<void> {
  const { where, expected, columns, entity, current } = change;
  const keys = Object.entries(where);
  // Without a key the update would hit every row of the table at that version.
  if (keys.length === 0 || keys.some(([, value]) => value === undefined)) {
    throw new Error(`updateVersioned(${table}): every key column needs a value`);
  }
  const { now } = change as { now?: string };
  // Kysely cannot type a query over a table chosen at run time; VersionedUpdate<T> has already
  // checked the key and the columns against that table.
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const name: string = table;
  let query = untyped
    .updateTable(name)
    .set({ ...columns, version: expected + 1, ...(now === undefined ? {} : { updated_at: now }) });
  for (const [column, value] of keys) query = query.where(column, '=', value);
  const res = await query.where('version', '=', expected).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    // Read the version after the failed update, not the one read before it: under concurrency
    // the row was changed by the writer that won, and its version is the one to reload from.
    throw new VersionConflictError(entity, await current());
  }
}
