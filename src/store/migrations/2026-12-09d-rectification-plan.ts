import type { Kysely } from 'kysely';

/**
 * The rectification plan as a practitioner writes it (issue 15 part 6):
 *
 * - `rectification_items` gain the measure kind (technical / management), the measures — what
 *   will be done, SM4 field-encrypted like the plan since it describes the weakness —, a start
 *   date for the schedule, and budget lines and products as JSON arrays (bounded and validated
 *   by src/shared/rectification-plan-schemas.ts; amounts in CNY with two decimals).
 * - `rectification_plans`: one per assessment, the plan's overall objectives, principles and
 *   budget note, versioned. Created on the first save.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rectification_items')
    .addColumn('measure_kind', 'varchar(20)')
    .execute();
  await db.schema.alterTable('rectification_items').addColumn('measures_enc', 'text').execute();
  await db.schema
    .alterTable('rectification_items')
    .addColumn('start_date', 'varchar(10)')
    .execute();
  await db.schema
    .alterTable('rectification_items')
    .addColumn('budget_lines', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('rectification_items')
    .addColumn('products', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('rectification_plans')
    .addColumn('assessment_id', 'varchar(36)', (c) =>
      c.primaryKey().references('assessments.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('objectives', 'text')
    .addColumn('principles', 'text')
    .addColumn('budget_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rectification_plans').execute();
  for (const column of ['products', 'budget_lines', 'start_date', 'measures_enc', 'measure_kind'])
    await db.schema.alterTable('rectification_items').dropColumn(column).execute();
}
