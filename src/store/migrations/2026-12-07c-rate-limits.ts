import type { Kysely } from 'kysely';

/**
 * Request rate limits counted in the database, so every server process on the same database
 * (`serve --workers`, or several servers on one PostgreSQL) shares one count per client.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    // Route and client, e.g. `POST /api/session|203.0.113.7`.
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    // Start of the current fixed window, in milliseconds since the epoch.
    .addColumn('window_start_ms', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_windows_start')
    .on('rate_limit_windows')
    .column('window_start_ms')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
}
