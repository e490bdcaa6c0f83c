import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * What several server processes on one database need.
 *
 * Request rate limits counted in the database, so every server process on the same database
 * (`serve --workers`, or several servers on one PostgreSQL) shares one count per client.
 *
 * A revision per organisation, bumped by the database itself whenever a system or a filing of
 * the organisation changes (triggers, so no write path can forget it). A server may keep a
 * computed answer (the systems list) while the revision it was computed at is still current,
 * and any server's change makes every other server's copy stale at once.
 */
export const REVISION_TABLES = ['systems', 'filings'] as const;

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;
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
  // The systems list pages by name with id as tie-breaker: with id in the index the database
  // reads the 50 rows of a page in order instead of sorting the whole organisation each time.
  await db.schema
    .createIndex('systems_org_name_id')
    .on('systems')
    .columns(['organisation_id', 'name', 'id'])
    .execute();
  await db.schema.dropIndex('systems_org_name').execute();

  await db.schema
    .createTable('organisation_revisions')
    .addColumn('organisation_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute();
  if (isPostgres(db)) {
    await sql
      .raw(
        `create function bump_organisation_revision() returns trigger language plpgsql as $$
begin
  insert into organisation_revisions (organisation_id, revision)
    values (case when tg_op = 'DELETE' then old.organisation_id else new.organisation_id end, 1)
    on conflict (organisation_id) do update set revision = organisation_revisions.revision + 1;
  return null;
end $$`,
      )
      .execute(db);
    for (const table of REVISION_TABLES)
      await sql
        .raw(
          `create trigger ${table}_bump_revision after insert or update or delete on ${table}
             for each row execute function bump_organisation_revision()`,
        )
        .execute(db);
    return;
  }
  for (const table of REVISION_TABLES)
    for (const [event, row] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const)
      await sql
        .raw(
          `create trigger ${table}_bump_revision_${event} after ${event} on ${table} begin
             insert into organisation_revisions (organisation_id, revision)
               values (${row}.organisation_id, 1)
               on conflict (organisation_id) do update set revision = revision + 1;
           end`,
        )
        .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of REVISION_TABLES)
      await sql.raw(`drop trigger if exists ${table}_bump_revision on ${table}`).execute(db);
    await sql`drop function if exists bump_organisation_revision()`.execute(db);
  } else {
    for (const table of REVISION_TABLES)
      for (const event of ['insert', 'update', 'delete'])
        await sql.raw(`drop trigger if exists ${table}_bump_revision_${event}`).execute(db);
  }
  await db.schema.dropTable('organisation_revisions').execute();
  await db.schema
    .createIndex('systems_org_name')
    .on('systems')
    .columns(['organisation_id', 'name'])
    .execute();
  await db.schema.dropIndex('systems_org_name_id').execute();
  await db.schema.dropTable('rate_limit_windows').execute();
}
