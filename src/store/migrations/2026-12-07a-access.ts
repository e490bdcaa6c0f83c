import type { Kysely } from 'kysely';

/**
 * Sign-in throttling per (user name, source address) instead of a lock on the account: failures
 * from one address slow down only that address for that name, so nobody can lock another person
 * out from elsewhere, and names without an account are tracked exactly like real ones (no
 * enumeration). See src/app/sign-in-throttle.ts for the rules.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A token works only while its creator may still create it. 'cli' tokens (made with the CLI
  // by whoever holds the database) have no creator to check; a 'user' token whose creator row is
  // gone (created_by set null on delete) must not pass for one of them.
  await db.schema
    .alterTable('api_tokens')
    .addColumn('issued_by', 'varchar(10)', (c) => c.notNull().defaultTo('user'))
    .execute();
  await db
    .updateTable('api_tokens')
    .set({ issued_by: 'cli' })
    .where('created_by', 'is', null)
    .execute();

  await db.schema
    .createTable('sign_in_throttles')
    // The user name as typed, trimmed and lower-cased (whether or not such an account exists).
    .addColumn('name_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('source', 'varchar(64)', (c) => c.notNull())
    // Consecutive failures from this source since its last block (or success).
    .addColumn('failures', 'integer', (c) => c.notNull())
    // Failures since the account last signed in: shown to its owner at the next sign-in.
    .addColumn('total_failures', 'integer', (c) => c.notNull())
    // How many blocks in a row: each doubles the next one.
    .addColumn('blocks', 'integer', (c) => c.notNull())
    .addColumn('blocked_until', 'varchar(30)')
    .addColumn('last_failure_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_throttles_pk', ['name_key', 'source'])
    .execute();
  await db.schema
    .createIndex('sign_in_throttles_last_failure')
    .on('sign_in_throttles')
    .column('last_failure_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_throttles').execute();
  await db.schema.alterTable('api_tokens').dropColumn('issued_by').execute();
}
