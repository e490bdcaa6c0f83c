import type { Kysely } from 'kysely';

/**
 * Data security (issue 17). Every table keeps its content as SM4-encrypted JSON of the wire
 * schema (src/shared/data-security-schemas.ts) and in clear only what lists, matching and the
 * engines need without decrypting (codes, names, grades, dates, statuses):
 *
 * - `data_security_profiles`: one per organisation (DataSecurityProfile), versioned.
 * - `data_resources`: the data inventory; `grade` is the computed classification, refreshed on
 *   every write and when the catalog version changes (`catalog_version`).
 * - `important_data_provisions`: provisions of important data (NDS Art. 31) and their prior
 *   risk assessments.
 * - `data_risk_assessments` / `data_risk_items`: annual risk assessments (NDS Art. 33) and their
 *   risks, tracked to closure; `snapshot_enc` freezes the inventory on completion.
 * - `security_incidents`: the incident register; `found_at` as a UTC instant for ordering and
 *   the reporting clock.
 * - `app_checks`: app personal-information collection checks.
 * - `pi_audits`: personal-information compliance audits with their findings.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_security_profiles')
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.primaryKey().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('data_enc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('data_resources')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('grade', 'varchar(10)', (c) => c.notNull())
    .addColumn('catalog_version', 'varchar(20)', (c) => c.notNull())
    .addColumn('data_enc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('data_resources_org_code', ['organisation_id', 'code'])
    .execute();

  await db.schema
    .createTable('important_data_provisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('data_enc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('important_data_provisions_org_code', ['organisation_id', 'code'])
    .execute();

  await db.schema
    .createTable('data_risk_assessments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    /** SM4-encrypted JSON of the inventory (resources with grades) at completion. */
    .addColumn('snapshot_enc', 'text')
    .addColumn('completed_on', 'varchar(10)')
    .addColumn('completed_by', 'varchar(36)')
    .addColumn('reported_on', 'varchar(10)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('data_risk_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', (c) =>
      c.notNull().references('data_risk_assessments.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)')
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('data_risk_items_assessment_code', ['assessment_id', 'code'])
    .execute();

  await db.schema
    .createTable('security_incidents')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('found_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('grade', 'varchar(20)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('security_incidents_org_code', ['organisation_id', 'code'])
    .execute();

  await db.schema
    .createTable('app_checks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('checked_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('app_checks_org_code', ['organisation_id', 'code'])
    .execute();

  await db.schema
    .createTable('pi_audits')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('planned_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('completed_on', 'varchar(10)')
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'pi_audits',
    'app_checks',
    'security_incidents',
    'data_risk_items',
    'data_risk_assessments',
    'important_data_provisions',
    'data_resources',
    'data_security_profiles',
  ])
    await db.schema.dropTable(table).execute();
}
