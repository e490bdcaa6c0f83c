import type { Kysely } from 'kysely';

/** Who recorded each grading (the history says who changed the level, when and why). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('gradings').addColumn('recorded_by', 'varchar(200)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('gradings').dropColumn('recorded_by').execute();
}
