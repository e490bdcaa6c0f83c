import type { Kysely } from 'kysely';

/**
 * Overall assessment (整体测评) and year over year (issue 14 parts 7 and 8):
 *
 * - `assessment_compensations`: the assessor's compensation records — the failing item (on one
 *   test object, or every object when `object_id` is null), the scope (item / control_point /
 *   layer), the compensating item and object, the adjusted result and the reason (free text,
 *   SM4 field-encrypted like the other assessment texts). Deleting an object deletes the
 *   compensations that name it.
 * - `assessments.previous_assessment_id`: the assessment a new one started from (its objects
 *   were copied; its results and findings are shown beside the new ones). Deleting the earlier
 *   assessment leaves the later one without it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const object = (c: any) => c.references('test_objects.id').onDelete('cascade');
  await db.schema
    .createTable('assessment_compensations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', (c) =>
      c.notNull().references('assessments.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('requirement_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('object_id', 'varchar(36)', object)
    .addColumn('scope', 'varchar(20)', (c) => c.notNull())
    .addColumn('compensating_requirement_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('compensating_object_id', 'varchar(36)', object)
    .addColumn('adjusted_result', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_compensations_assessment')
    .on('assessment_compensations')
    .columns(['assessment_id', 'requirement_id'])
    .execute();

  await db.schema
    .alterTable('assessments')
    .addColumn('previous_assessment_id', 'varchar(36)', (c) =>
      c.references('assessments.id').onDelete('set null'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessments').dropColumn('previous_assessment_id').execute();
  await db.schema.dropTable('assessment_compensations').execute();
}
