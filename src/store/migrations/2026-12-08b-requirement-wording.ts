import type { Kysely } from 'kysely';

/**
 * The standard's own wording where the organisation holds it (issue 14): GB/T 22239 / GB/T 28448
 * texts loaded per requirement item from the organisation's licensed copy or an imported
 * workbook. The shipped catalog keeps its own words; these rows are never shipped and never
 * visible to another organisation. Licensed text, not secret: stored in plain text.
 *
 * `level` 0 stands for "every level" (a primary key column cannot be NULL in PostgreSQL); the
 * API shows it as null.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation_requirement_wording')
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('requirement_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('source_name', 'varchar(200)')
    .addColumn('updated_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_requirement_wording_pk', [
      'organisation_id',
      'requirement_id',
      'level',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisation_requirement_wording').execute();
}
