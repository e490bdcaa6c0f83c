import type { Kysely } from 'kysely';

/**
 * GB/T 39204-2022 capability evaluations of a core business: the evaluation (with the hash of
 * the catalog it started from), one result per catalog requirement, and rectification items for
 * its findings. Notes, evidence descriptions and plans are SM4 field-encrypted (`_enc`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organisations.id').onDelete('cascade');
  const evaluation = (c: any) => c.notNull().references('cii_evaluations.id').onDelete('cascade');

  await db.schema
    .createTable('cii_evaluations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('core_business_id', 'varchar(36)', (c) =>
      c.notNull().references('cii_core_businesses.id').onDelete('cascade'),
    )
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('evaluator', 'varchar(200)')
    .addColumn('agency', 'varchar(200)')
    .addColumn('period_start', 'varchar(10)')
    .addColumn('period_end', 'varchar(10)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('catalog_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('completed_by', 'varchar(200)')
    .addColumn('completed_at', 'varchar(30)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cii_evaluations_business')
    .on('cii_evaluations')
    .columns(['organisation_id', 'core_business_id'])
    .execute();

  await db.schema
    .createTable('cii_evaluation_results')
    .addColumn('evaluation_id', 'varchar(36)', evaluation)
    .addColumn('requirement_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('result', 'varchar(20)', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('evidence_enc', 'text')
    .addColumn('recorded_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('cii_evaluation_results_pk', ['evaluation_id', 'requirement_id'])
    .execute();

  await db.schema
    .createTable('cii_evaluation_rectifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'varchar(36)', evaluation)
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('requirement_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner', 'varchar(200)')
    .addColumn('due_on', 'varchar(10)')
    .addColumn('plan_enc', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('cii_evaluation_rectifications_requirement', [
      'evaluation_id',
      'requirement_id',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'cii_evaluation_rectifications',
    'cii_evaluation_results',
    'cii_evaluations',
  ])
    await db.schema.dropTable(table).execute();
}
