/**
 * The standard's own wording an organisation loaded (table organisation_requirement_wording).
 * Every query names the organisation: one organisation's rows are never read for another.
 */
import type { Kysely } from 'kysely';
import type { Database, RequirementWordingRow } from '../schema';

type Db = Kysely<Database>;

/** Level 0 in the table: the text holds for every level. */
export const ALL_LEVELS = 0;

export async function listWording(
  db: Db,
  organisationId: string,
): Promise<RequirementWordingRow[]> {
  return db
    .selectFrom('organisation_requirement_wording')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('requirement_id')
    .orderBy('level')
    .execute();
}

export async function countWording(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('organisation_requirement_wording')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The texts that apply at `level`: per requirement, the row of that level, else the row for
 * every level.
 */
export async function wordingAtLevel(
  db: Db,
  organisationId: string,
  level: number,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('organisation_requirement_wording')
    .select(['requirement_id', 'level', 'text'])
    .where('organisation_id', '=', organisationId)
    .where('level', 'in', [ALL_LEVELS, level])
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.level === ALL_LEVELS) out.set(r.requirement_id, r.text);
  for (const r of rows) if (r.level !== ALL_LEVELS) out.set(r.requirement_id, r.text);
  return out;
}

/** Inserts or replaces rows (key: organisation, requirement, level), in batches. */
export async function upsertWording(db: Db, rows: readonly RequirementWordingRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('organisation_requirement_wording')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'requirement_id', 'level']).doUpdateSet((eb) => ({
          text: eb.ref('excluded.text'),
          source: eb.ref('excluded.source'),
          source_name: eb.ref('excluded.source_name'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Deletes every row of the organisation; returns how many there were. */
export async function deleteWording(db: Db, organisationId: string): Promise<number> {
  const result = await db
    .deleteFrom('organisation_requirement_wording')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

/**
 * The wording shows in every workbook of the organisation: bump their revisions so that cached
 * workbooks (and their ETags) are not served with the old text.
 */
export async function bumpAssessmentRevisions(db: Db, organisationId: string): Promise<void> {
  await db
    .updateTable('assessments')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .execute();
}
