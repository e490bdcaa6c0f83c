import type { Kysely } from 'kysely';

/**
 * Level assessments: the project with its fixed baseline, test objects, per-object results,
 * evidence files, finding annotations, major-risk triggers and rectification items. Free text
 * that describes weaknesses (result records, reasons, finding notes, evidence) is stored SM4
 * field-encrypted (columns ending in `_enc`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organisations.id').onDelete('cascade');
  const assessment = (c: any) => c.notNull().references('assessments.id').onDelete('cascade');

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('system_id', 'varchar(36)', (c) =>
      c.notNull().references('systems.id').onDelete('cascade'),
    )
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('extensions', 'text', (c) => c.notNull())
    .addColumn('cloud_role', 'varchar(20)')
    .addColumn('period_start', 'varchar(10)')
    .addColumn('period_end', 'varchar(10)')
    .addColumn('agency', 'varchar(200)')
    .addColumn('report_number', 'varchar(100)')
    .addColumn('report_date', 'varchar(10)')
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('catalog_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('baseline', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // Bumped by every change to the assessment or anything in it (caches key on it).
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessments_system')
    .on('assessments')
    .columns(['organisation_id', 'system_id'])
    .execute();

  await db.schema
    .createTable('test_objects')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', assessment)
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('test_objects_assessment')
    .on('test_objects')
    .columns(['assessment_id', 'position'])
    .execute();

  await db.schema
    .createTable('assessment_results')
    .addColumn('assessment_id', 'varchar(36)', assessment)
    .addColumn('requirement_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('object_id', 'varchar(36)', (c) =>
      c.notNull().references('test_objects.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('result', 'varchar(20)', (c) => c.notNull())
    .addColumn('record_enc', 'text')
    .addColumn('reason_enc', 'text')
    .addColumn('recorded_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('reviewed_by', 'varchar(200)')
    .addColumn('reviewed_at', 'varchar(30)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_results_pk', [
      'assessment_id',
      'requirement_id',
      'object_id',
    ])
    .execute();

  await db.schema
    .createTable('assessment_evidence')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', assessment)
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('requirement_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('object_id', 'varchar(36)', (c) =>
      c.notNull().references('test_objects.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sm3', 'varchar(64)', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_evidence_row')
    .on('assessment_evidence')
    .columns(['assessment_id', 'requirement_id', 'object_id'])
    .execute();

  await db.schema
    .createTable('finding_notes')
    .addColumn('assessment_id', 'varchar(36)', assessment)
    .addColumn('requirement_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('risk', 'varchar(10)')
    .addColumn('observations', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text')
    .addColumn('confirmed_by', 'varchar(200)')
    .addColumn('confirmed_at', 'varchar(30)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('finding_notes_pk', ['assessment_id', 'requirement_id'])
    .execute();

  await db.schema
    .createTable('major_risks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', assessment)
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('trigger_id', 'varchar(10)', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('rectified', 'integer', (c) => c.notNull())
    .addColumn('rectified_on', 'varchar(10)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rectification_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', assessment)
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('system_id', 'varchar(36)', (c) =>
      c.notNull().references('systems.id').onDelete('cascade'),
    )
    .addColumn('requirement_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('owner', 'varchar(200)')
    .addColumn('due_date', 'varchar(10)')
    .addColumn('plan_enc', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('approver', 'varchar(200)')
    .addColumn('acceptance_reason', 'text')
    .addColumn('retest_result', 'varchar(20)')
    .addColumn('retest_on', 'varchar(10)')
    .addColumn('retest_by', 'varchar(200)')
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rectification_items_assessment')
    .on('rectification_items')
    .columns(['assessment_id', 'requirement_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('rectification_items_org_due')
    .on('rectification_items')
    .columns(['organisation_id', 'status', 'due_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'rectification_items',
    'major_risks',
    'finding_notes',
    'assessment_evidence',
    'assessment_results',
    'test_objects',
    'assessments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
