import type { Kysely } from 'kysely';

/**
 * Personal-information protection (issue 16):
 *
 * - `privacy_register_profiles`: the organisation-wide facts of the register (CII operator
 *   override, total individuals, protection officer, privacy-notice versions), one per
 *   organisation, SM4-encrypted JSON, versioned.
 * - `privacy_activities`: processing activities (个人信息处理活动). Code and name in clear for
 *   lists and matching; everything else (purpose, categories, recipients, transfers, consents,
 *   face recognition …) as SM4-encrypted JSON of ActivityInput (src/shared/privacy-schemas.ts)
 *   without code and name. `retain_until`: no deletion before it (PIPL Art. 56 records).
 * - `privacy_transfer_batches`: dated batches of an activity's outbound transfer (by transfer
 *   key); counts only, in clear, so the path engine can sum 100,000 of them quickly.
 * - `privacy_pipias`: impact assessments; answers and conclusion SM4-encrypted JSON; the
 *   workflow (status, reviewers and their decisions, approval) in clear; `retain_until` set on
 *   approval to three years after it (PIPL Art. 56).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_register_profiles')
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.primaryKey().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('data_enc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('privacy_activities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('data_enc', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'varchar(10)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('privacy_activities_org_code', ['organisation_id', 'code'])
    .execute();

  await db.schema
    .createTable('privacy_transfer_batches')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('activity_id', 'varchar(36)', (c) =>
      c.notNull().references('privacy_activities.id').onDelete('cascade'),
    )
    .addColumn('transfer_key', 'varchar(40)', (c) => c.notNull())
    .addColumn('transferred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('individuals', 'integer', (c) => c.notNull())
    .addColumn('sensitive_individuals', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('privacy_transfer_batches_org_date')
    .on('privacy_transfer_batches')
    .columns(['organisation_id', 'transferred_on'])
    .execute();

  await db.schema
    .createTable('privacy_pipias')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    /** JSON array of activity ids. */
    .addColumn('activity_ids', 'text', (c) => c.notNull())
    /** Questionnaire version the answers follow (src/catalogs/pipia-questionnaire). */
    .addColumn('questionnaire_version', 'varchar(20)', (c) => c.notNull())
    /** JSON of the Art. 55 triggers found when the assessment was opened. */
    .addColumn('triggers', 'text', (c) => c.notNull())
    /** SM4-encrypted JSON {answers, conclusion}. */
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('overall_risk', 'varchar(10)')
    /** JSON array of {userId, decision: null|'agree'|'return', comment, decidedAt}. */
    .addColumn('reviews', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(30)')
    .addColumn('approved_by', 'varchar(36)')
    .addColumn('approved_on', 'varchar(10)')
    .addColumn('retain_until', 'varchar(10)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'privacy_pipias',
    'privacy_transfer_batches',
    'privacy_activities',
    'privacy_register_profiles',
  ])
    await db.schema.dropTable(table).execute();
}
