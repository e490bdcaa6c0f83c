import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Audit entries are append-only in the database itself, not only by the application's good
 * manners: UPDATE and DELETE on `audit_entries` (and TRUNCATE on PostgreSQL) fail with
 * {@link AUDIT_APPEND_ONLY_MESSAGE}. Nothing in dengbao updates or deletes audit rows (no
 * retention, and audit rows never hold field ciphertext, so re-encryption never rewrites them).
 *
 * PostgreSQL: the trigger function is created unqualified, i.e. in the first schema of the
 * search_path (the store's schema), so stores in different schemas do not share it. UPDATE,
 * DELETE and TRUNCATE are also revoked from PUBLIC and from the role running the migration (the
 * table owner keeps the right to grant them back; a superuser ignores privileges but not
 * triggers). A role that owns the table can still drop the triggers: in production run the
 * server as a role that does not own the tables and has no UPDATE/DELETE/TRUNCATE on
 * audit_entries (see README), and keep the automatic anchors, which catch what slips through.
 */
export const AUDIT_APPEND_ONLY_MESSAGE = 'audit entries are append-only';

/** Trigger names (both dialects; `..._no_truncate` on PostgreSQL only). */
export const AUDIT_GUARD_TRIGGERS = [
  'audit_entries_no_update',
  'audit_entries_no_delete',
  'audit_entries_no_truncate',
] as const;

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    for (const [name, event] of [
      ['audit_entries_no_update', 'update'],
      ['audit_entries_no_delete', 'delete'],
    ] as const) {
      await sql
        .raw(
          `create trigger ${name} before ${event} on audit_entries ` +
            `begin select raise(abort, '${AUDIT_APPEND_ONLY_MESSAGE}'); end`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `create function audit_entries_append_only() returns trigger language plpgsql as $$
begin
  raise exception '${AUDIT_APPEND_ONLY_MESSAGE}' using errcode = 'P0001',
    hint = 'dengbao never changes or deletes audit entries (' || tg_op || ' refused)';
end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger audit_entries_no_update before update on audit_entries
         for each row execute function audit_entries_append_only()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger audit_entries_no_delete before delete on audit_entries
         for each row execute function audit_entries_append_only()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger audit_entries_no_truncate before truncate on audit_entries
         for each statement execute function audit_entries_append_only()`,
    )
    .execute(db);
  await sql`revoke update, delete, truncate on audit_entries from public`.execute(db);
  await sql`revoke update, delete, truncate on audit_entries from current_user`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropAuditGuard(db);
  if (isPostgres(db)) {
    await sql`drop function if exists audit_entries_append_only()`.execute(db);
    await sql`grant update, delete, truncate on audit_entries to current_user`.execute(db);
  }
}

/**
 * Removes the triggers (not the function or the revoked grants). For tests that play an attacker
 * with DDL rights on the database, to show that `audit verify` still catches the edit.
 */
export async function dropAuditGuard(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const name of AUDIT_GUARD_TRIGGERS) {
    if (pg) await sql.raw(`drop trigger if exists ${name} on audit_entries`).execute(db);
    else await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
}
