import type { Kysely } from 'kysely';

/**
 * The words of the 定级报告 on each grading (issue 15 part 4): `gradings.narrative` holds the
 * JSON GradingNarrative — 业务信息描述, 系统服务描述, 边界与网络拓扑说明, one harm argument per
 * harmed object and degree, and the answers to the sector grading guides — SM4-encrypted and
 * bound to the grading's id (src/app/systems/grading-narrative.ts; listed in ENCRYPTED_COLUMNS).
 * Null on gradings recorded before (their report prints the fill-in blanks it always did).
 * `text` on both SQLite and PostgreSQL: the texts are size-bound by the wire schema.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('gradings').addColumn('narrative', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('gradings').dropColumn('narrative').execute();
}
