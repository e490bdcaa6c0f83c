import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../../errors';
import type { SystemInput, SystemPatch } from '../../shared/schemas';
import type { Database, NewSystemRow, SystemRow, SystemRowUpdate } from '../schema';
import { updateVersioned } from './versioned';

export interface SystemListQuery {
  readonly q?: string | undefined;
  readonly level?: number | undefined;
  readonly type?: string | undefined;
  readonly sort?: 'name' | 'level' | 'gradedOn' | 'updatedAt' | undefined;
  readonly order?: 'asc' | 'desc' | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
  /** Restrict to these systems (assessors see only those assigned to them). */
  readonly onlyIds?: readonly string[] | undefined;
}

const NULLABLE_SORTS = new Set<string>(['level', 'graded_on']);

const SORT_COLUMNS = {
  name: 'name',
  level: 'level',
  gradedOn: 'graded_on',
  updatedAt: 'updated_at',
} as const;

const bool = (v: boolean | null | undefined) =>
  v === undefined ? undefined : v === null ? null : v ? 1 : 0;

function columnsFrom(input: Partial<SystemInput>): SystemRowUpdate {
  const cols: SystemRowUpdate = {
    name: input.name,
    description: input.description,
    types: input.types ? JSON.stringify(input.types) : undefined,
    go_live_on: input.goLiveOn,
    is_cii: bool(input.isCii),
    cii_designated_on: input.ciiDesignatedOn,
    is_national_egov: bool(input.isNationalEgov),
    has_competent_authority: bool(input.hasCompetentAuthority),
    competent_authority: input.competentAuthority,
    responsible_department: input.responsibleDepartment,
    host_system_id: input.hostSystemId,
    cii_security_organisation_on: input.ciiSecurityOrganisationOn,
  };
  return Object.fromEntries(
    Object.entries(cols).filter(([, v]) => v !== undefined),
  ) as SystemRowUpdate;
}

/** Lists an organisation's systems with filters, sort and paging; returns the page and the total. */
export async function listSystems(
  db: Kysely<Database>,
  organisationId: string,
  query: SystemListQuery = {},
): Promise<{ rows: SystemRow[]; total: number }> {
  let base = db.selectFrom('systems').where('organisation_id', '=', organisationId);
  if (query.q) base = base.where(sql<boolean>`lower(name) like ${`%${query.q.toLowerCase()}%`}`);
  if (query.level !== undefined) base = base.where('level', '=', query.level);
  if (query.type) base = base.where('types', 'like', `%"${query.type}"%`);
  if (query.onlyIds)
    base = base.where('id', 'in', query.onlyIds.length ? [...query.onlyIds] : ['']);
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const column = SORT_COLUMNS[query.sort ?? 'name'];
  const rows = await base
    .selectAll()
    // Ungraded systems (null level / date) sort last in both dialects; name and updated_at are never null.
    .$if(NULLABLE_SORTS.has(column), (q) =>
      q.orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`),
    )
    .orderBy(column, query.order ?? 'asc')
    .orderBy('id')
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
    .execute();
  return { rows, total: Number(total) };
}

/** A system of this organisation, or NOT_FOUND (also when it belongs to another organisation). */
export async function getSystem(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<SystemRow> {
  const row = await db
    .selectFrom('systems')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('system', id);
  return row;
}

async function checkHost(
  db: Kysely<Database>,
  organisationId: string,
  hostId: string | null | undefined,
  selfId?: string,
) {
  if (!hostId) return;
  if (hostId === selfId)
    throw new ValidationError('a system cannot be its own host', [
      { path: 'hostSystemId', message: 'must be another system' },
    ]);
  const host = await db
    .selectFrom('systems')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', hostId)
    .executeTakeFirst();
  if (!host)
    throw new ValidationError('unknown host system', [
      { path: 'hostSystemId', message: `no system ${hostId} in this organisation` },
    ]);
}

export async function createSystem(
  db: Kysely<Database>,
  organisationId: string,
  input: SystemInput,
  now: string,
  /** The row id and the encrypted filing profile, when the caller encrypted it for that id. */
  encrypted: { id: string; filing_profile_enc: string | null } | null = null,
): Promise<SystemRow> {
  await checkHost(db, organisationId, input.hostSystemId);
  const row: NewSystemRow = {
    description: null,
    go_live_on: null,
    is_cii: null,
    cii_designated_on: null,
    is_national_egov: null,
    has_competent_authority: null,
    competent_authority: null,
    responsible_department: null,
    host_system_id: null,
    cii_security_organisation_on: null,
    ...columnsFrom(input),
    id: encrypted?.id ?? randomUUID(),
    filing_profile_enc: encrypted?.filing_profile_enc ?? null,
    organisation_id: organisationId,
    name: input.name,
    types: JSON.stringify(input.types),
    level: null,
    graded_on: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('systems').values(row).execute();
  return getSystem(db, organisationId, row.id);
}

/** Optimistic update: bumps the version, or VERSION_CONFLICT when `expected` is stale. */
export async function updateSystemColumns(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  expected: number,
  columns: SystemRowUpdate,
  now: string,
): Promise<SystemRow> {
  await updateVersioned(db, 'systems', {
    where: { organisation_id: organisationId, id },
    expected,
    columns,
    now,
    entity: 'system',
    current: async () => (await getSystem(db, organisationId, id)).version,
  });
  return getSystem(db, organisationId, id);
}

export async function updateSystem(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  patch: SystemPatch,
  now: string,
  /** Columns the caller computed (the encrypted filing profile). */
  extra: SystemRowUpdate = {},
): Promise<SystemRow> {
  const { version, ...fields } = patch;
  await checkHost(db, organisationId, fields.hostSystemId, id);
  return updateSystemColumns(
    db,
    organisationId,
    id,
    version,
    { ...columnsFrom(fields), ...extra },
    now,
  );
}

export async function deleteSystem(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<void> {
  const res = await db
    .deleteFrom('systems')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError('system', id);
}
