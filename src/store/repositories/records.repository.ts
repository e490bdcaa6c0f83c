import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EventInput, FilingInput, ReviewInput } from '../../shared/schemas';
import type { Database, FilingRow, GradingRow, ReviewRow, SystemEventRow } from '../schema';

/** Everything recorded about a set of systems, grouped per system id. */
export interface SystemRecords {
  gradings: GradingRow[];
  reviews: ReviewRow[];
  filings: FilingRow[];
  events: SystemEventRow[];
}

export async function insertGrading(
  db: Kysely<Database>,
  row: Omit<GradingRow, 'id'> & { id?: string },
): Promise<GradingRow> {
  // The caller may choose the id (an encrypted column is bound to it).
  const full = { ...row, id: row.id ?? randomUUID() };
  await db.insertInto('gradings').values(full).execute();
  return full;
}

export async function insertReview(
  db: Kysely<Database>,
  organisationId: string,
  systemId: string,
  input: ReviewInput,
  now: string,
): Promise<ReviewRow> {
  const row: ReviewRow = {
    id: randomUUID(),
    organisation_id: organisationId,
    system_id: systemId,
    kind: input.kind,
    reviewed_on: input.reviewedOn,
    reviewer: input.reviewer,
    opinion: input.opinion ?? null,
    agreed_level: input.agreedLevel,
    created_at: now,
  };
  await db.insertInto('reviews').values(row).execute();
  return row;
}

export async function insertFiling(
  db: Kysely<Database>,
  organisationId: string,
  systemId: string,
  input: FilingInput,
  now: string,
): Promise<FilingRow> {
  const row: FilingRow = {
    id: randomUUID(),
    organisation_id: organisationId,
    system_id: systemId,
    filed_on: input.filedOn,
    bureau: input.bureau,
    certificate_number: input.certificateNumber ?? null,
    level: input.level,
    created_at: now,
  };
  await db.insertInto('filings').values(row).execute();
  return row;
}

export async function insertEvent(
  db: Kysely<Database>,
  organisationId: string,
  systemId: string,
  input: EventInput,
  now: string,
): Promise<SystemEventRow> {
  const row: SystemEventRow = {
    id: randomUUID(),
    organisation_id: organisationId,
    system_id: systemId,
    kind: input.kind,
    completed_on: input.completedOn,
    agency: input.agency ?? null,
    report_number: input.reportNumber ?? null,
    created_at: now,
  };
  await db.insertInto('system_events').values(row).execute();
  return row;
}

/**
 * Loads the records of an organisation's systems (all of them, or the given ids) in four queries,
 * grouped by system id; each list is in date order.
 */
export async function loadRecords(
  db: Kysely<Database>,
  organisationId: string,
  systemIds?: readonly string[],
): Promise<Map<string, SystemRecords>> {
  const ids = systemIds ? (systemIds.length ? [...systemIds] : ['']) : null;
  const [gradings, reviews, filings, events] = await Promise.all([
    db
      .selectFrom('gradings')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .$if(ids !== null, (q) => q.where('system_id', 'in', ids as string[]))
      .orderBy('graded_on')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('reviews')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .$if(ids !== null, (q) => q.where('system_id', 'in', ids as string[]))
      .orderBy('reviewed_on')
      .execute(),
    db
      .selectFrom('filings')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .$if(ids !== null, (q) => q.where('system_id', 'in', ids as string[]))
      .orderBy('filed_on')
      .execute(),
    db
      .selectFrom('system_events')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .$if(ids !== null, (q) => q.where('system_id', 'in', ids as string[]))
      .orderBy('completed_on')
      .execute(),
  ]);
  const out = new Map<string, SystemRecords>();
  const bucket = (id: string) => {
    let r = out.get(id);
    if (!r) out.set(id, (r = { gradings: [], reviews: [], filings: [], events: [] }));
    return r;
  };
  for (const g of gradings) bucket(g.system_id).gradings.push(g);
  for (const r of reviews) bucket(r.system_id).reviews.push(r);
  for (const f of filings) bucket(f.system_id).filings.push(f);
  for (const e of events) bucket(e.system_id).events.push(e);
  return out;
}

/** The latest filing of each of the given systems (one query; for lists). */
export async function latestFilings(
  db: Kysely<Database>,
  organisationId: string,
  systemIds: readonly string[],
): Promise<Map<string, FilingRow>> {
  const out = new Map<string, FilingRow>();
  if (systemIds.length === 0) return out;
  const rows = await db
    .selectFrom('filings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('system_id', 'in', [...systemIds])
    .orderBy('filed_on')
    .orderBy('created_at')
    .execute();
  for (const r of rows) out.set(r.system_id, r);
  return out;
}

export async function listObligationStatuses(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('obligation_statuses')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .execute();
}

export async function upsertObligationStatus(
  db: Kysely<Database>,
  row: {
    organisation_id: string;
    obligation_key: string;
    system_id: string;
    status: string;
    note: string | null;
    updated_at: string;
  },
): Promise<void> {
  await db
    .insertInto('obligation_statuses')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'obligation_key'])
        .doUpdateSet({ status: row.status, note: row.note, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteObligationStatus(
  db: Kysely<Database>,
  organisationId: string,
  key: string,
): Promise<number> {
  const res = await db
    .deleteFrom('obligation_statuses')
    .where('organisation_id', '=', organisationId)
    .where('obligation_key', '=', key)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
