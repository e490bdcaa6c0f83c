import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '../../errors';
import type {
  CiiAssetInput,
  CiiDependencyInput,
  CiiFlowInput,
  CoreBusinessInput,
} from '../../shared/cii-schemas';
import type {
  CiiAssetRow,
  CiiCoreBusinessRow,
  CiiDependencyRow,
  CiiDeterminationRow,
  CiiFlowRow,
  Database,
} from '../schema';
import { updateVersioned } from './versioned';

/*
 * CII model rows. Every read and write is scoped by organisation; the versioned tables
 * (core businesses, assets, flows) take the version the caller read and refuse stale ones.
 */

type VersionedTable = 'cii_core_businesses' | 'cii_assets' | 'cii_flows';

/**
 * An insert whose uniqueness was checked before: a racing insert that won meanwhile makes it a
 * CONFLICT, thrown without another query (PostgreSQL's transaction is aborted by then).
 */
async function conflictSafe(insert: () => Promise<unknown>, message: string): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(message);
    throw error;
  }
}

async function getRow<T extends VersionedTable | 'cii_determinations' | 'cii_dependencies'>(
  db: Kysely<Database>,
  table: T,
  organisationId: string,
  id: string,
  entity: string,
) {
  const row = await db
    .selectFrom(table as 'cii_assets')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(entity, id);
  return row as unknown;
}

async function deleteScoped(
  db: Kysely<Database>,
  table: VersionedTable | 'cii_dependencies',
  organisationId: string,
  id: string,
  entity: string,
): Promise<void> {
  const res = await db
    .deleteFrom(table as 'cii_assets')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError(entity, id);
}

/** The columns that have a value (an absent field leaves its column unchanged). */
const defined = <C extends Record<string, unknown>>(cols: C): Partial<C> =>
  Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined)) as Partial<C>;

// --- core businesses ----------------------------------------------------------------------------

function businessColumns(input: Partial<CoreBusinessInput>) {
  return defined({
    name: input.name,
    sector: input.sector,
    designating_authority: input.designatingAuthority,
    designation_notice: input.designationNotice,
    designated_on: input.designatedOn,
    description: input.description,
    chain_steps: input.chainSteps ? JSON.stringify(input.chainSteps) : undefined,
    info_categories: input.infoCategories ? JSON.stringify(input.infoCategories) : undefined,
    boundary_follow:
      input.boundaryFollow === undefined
        ? undefined
        : input.boundaryFollow === null
          ? null
          : JSON.stringify(input.boundaryFollow),
  });
}

export async function listCoreBusinesses(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('cii_core_businesses')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
}

export async function getCoreBusiness(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<CiiCoreBusinessRow> {
  return (await getRow(
    db,
    'cii_core_businesses',
    organisationId,
    id,
    'core business',
  )) as CiiCoreBusinessRow;
}

async function assertBusinessNameFree(
  db: Kysely<Database>,
  organisationId: string,
  name: string,
  selfId?: string,
) {
  const clash = await db
    .selectFrom('cii_core_businesses')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (clash && clash.id !== selfId)
    throw new ValidationError('a core business with this name exists', [
      { path: 'name', message: `"${name}" is already a core business of this organisation` },
    ]);
}

export async function insertCoreBusiness(
  db: Kysely<Database>,
  organisationId: string,
  input: CoreBusinessInput,
  now: string,
  id: string = randomUUID(),
): Promise<CiiCoreBusinessRow> {
  await assertBusinessNameFree(db, organisationId, input.name);
  await conflictSafe(
    () =>
      db
        .insertInto('cii_core_businesses')
        .values({
          designating_authority: null,
          designation_notice: null,
          designated_on: null,
          description: null,
          boundary_follow: null,
          chain_steps: '[]',
          info_categories: '[]',
          ...businessColumns(input),
          id,
          organisation_id: organisationId,
          name: input.name,
          sector: input.sector,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    `a core business named "${input.name}" was created at the same time`,
  );
  return getCoreBusiness(db, organisationId, id);
}

export async function updateCoreBusiness(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  expected: number,
  patch: Partial<CoreBusinessInput>,
  now: string,
): Promise<CiiCoreBusinessRow> {
  if (patch.name !== undefined) await assertBusinessNameFree(db, organisationId, patch.name, id);
  await updateVersioned(db, 'cii_core_businesses', {
    where: { organisation_id: organisationId, id },
    expected,
    columns: businessColumns(patch),
    now,
    entity: 'core business',
    current: async () => (await getCoreBusiness(db, organisationId, id)).version,
  });
  return getCoreBusiness(db, organisationId, id);
}

export const deleteCoreBusiness = (db: Kysely<Database>, organisationId: string, id: string) =>
  deleteScoped(db, 'cii_core_businesses', organisationId, id, 'core business');

// --- assets -------------------------------------------------------------------------------------

function assetColumns(input: Partial<CiiAssetInput>) {
  return defined({
    code: input.code,
    name: input.name,
    kind: input.kind,
    party: input.party,
    system_id: input.systemId,
    description: input.description,
  });
}

export async function listAssets(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('cii_assets')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('code')
    .execute();
}

export async function getAsset(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<CiiAssetRow> {
  return (await getRow(db, 'cii_assets', organisationId, id, 'asset')) as CiiAssetRow;
}

/** Checks the code is free and the linked system belongs to the organisation. */
async function checkAsset(
  db: Kysely<Database>,
  organisationId: string,
  input: Partial<CiiAssetInput>,
  selfId?: string,
) {
  if (input.code !== undefined) {
    const clash = await db
      .selectFrom('cii_assets')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (clash && clash.id !== selfId)
      throw new ValidationError('an asset with this code exists', [
        { path: 'code', message: `"${input.code}" is already used by another asset` },
      ]);
  }
  if (input.systemId) {
    const system = await db
      .selectFrom('systems')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', input.systemId)
      .executeTakeFirst();
    if (!system)
      throw new ValidationError('unknown system', [
        { path: 'systemId', message: `no system ${input.systemId} in this organisation` },
      ]);
  }
}

export async function insertAsset(
  db: Kysely<Database>,
  organisationId: string,
  input: CiiAssetInput,
  now: string,
  id: string = randomUUID(),
): Promise<CiiAssetRow> {
  await checkAsset(db, organisationId, input);
  await conflictSafe(
    () =>
      db
        .insertInto('cii_assets')
        .values({
          party: null,
          system_id: null,
          description: null,
          ...assetColumns(input),
          id,
          organisation_id: organisationId,
          code: input.code,
          name: input.name,
          kind: input.kind,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    `an asset with code "${input.code}" was created at the same time`,
  );
  return getAsset(db, organisationId, id);
}

export async function updateAsset(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  expected: number,
  patch: Partial<CiiAssetInput>,
  now: string,
): Promise<CiiAssetRow> {
  await checkAsset(db, organisationId, patch, id);
  await updateVersioned(db, 'cii_assets', {
    where: { organisation_id: organisationId, id },
    expected,
    columns: assetColumns(patch),
    now,
    entity: 'asset',
    current: async () => (await getAsset(db, organisationId, id)).version,
  });
  return getAsset(db, organisationId, id);
}

/** Flows that pass through an asset (an asset on a flow cannot be deleted). */
export async function flowsThrough(db: Kysely<Database>, organisationId: string, assetId: string) {
  const flows = await listFlows(db, organisationId);
  return flows.filter((f) =>
    (JSON.parse(f.hops) as { assetId: string }[]).some((h) => h.assetId === assetId),
  );
}

export const deleteAsset = (db: Kysely<Database>, organisationId: string, id: string) =>
  deleteScoped(db, 'cii_assets', organisationId, id, 'asset');

// --- dependencies -------------------------------------------------------------------------------

export async function listDependencies(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('cii_dependencies')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getDependency(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<CiiDependencyRow> {
  return (await getRow(
    db,
    'cii_dependencies',
    organisationId,
    id,
    'dependency',
  )) as CiiDependencyRow;
}

export async function insertDependency(
  db: Kysely<Database>,
  organisationId: string,
  input: CiiDependencyInput,
  now: string,
  id: string = randomUUID(),
): Promise<CiiDependencyRow> {
  const ends = await db
    .selectFrom('cii_assets')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [input.fromAssetId, input.toAssetId])
    .execute();
  const known = new Set(ends.map((e) => e.id));
  const problems = (['fromAssetId', 'toAssetId'] as const)
    .filter((k) => !known.has(input[k]))
    .map((k) => ({ path: k, message: `no asset ${input[k]} in this organisation` }));
  if (problems.length) throw new ValidationError('unknown asset', problems);
  const dup = await db
    .selectFrom('cii_dependencies')
    .select('id')
    .where('from_asset_id', '=', input.fromAssetId)
    .where('to_asset_id', '=', input.toAssetId)
    .where('kind', '=', input.kind)
    .executeTakeFirst();
  if (dup)
    throw new ValidationError('this dependency exists', [
      { path: 'kind', message: `the same ${input.kind} dependency is already recorded` },
    ]);
  await conflictSafe(
    () =>
      db
        .insertInto('cii_dependencies')
        .values({
          id,
          organisation_id: organisationId,
          from_asset_id: input.fromAssetId,
          to_asset_id: input.toAssetId,
          kind: input.kind,
          note: input.note ?? null,
          created_at: now,
        })
        .execute(),
    `the same ${input.kind} dependency was recorded at the same time`,
  );
  return getDependency(db, organisationId, id);
}

export const deleteDependency = (db: Kysely<Database>, organisationId: string, id: string) =>
  deleteScoped(db, 'cii_dependencies', organisationId, id, 'dependency');

// --- flows --------------------------------------------------------------------------------------

export async function listFlows(
  db: Kysely<Database>,
  organisationId: string,
  coreBusinessId?: string,
): Promise<CiiFlowRow[]> {
  return db
    .selectFrom('cii_flows')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .$if(coreBusinessId !== undefined, (q) => q.where('core_business_id', '=', coreBusinessId!))
    .orderBy('name')
    .execute();
}

export async function getFlow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<CiiFlowRow> {
  return (await getRow(db, 'cii_flows', organisationId, id, 'information flow')) as CiiFlowRow;
}

function flowColumns(input: Partial<CiiFlowInput>) {
  return defined({
    name: input.name,
    info_category: input.infoCategory,
    description: input.description,
    hops: input.hops ? JSON.stringify(input.hops) : undefined,
  });
}

/** Every hop names an asset of the organisation; the category is one of the business's. */
async function checkFlow(
  db: Kysely<Database>,
  organisationId: string,
  business: CiiCoreBusinessRow,
  input: Partial<CiiFlowInput>,
  selfId?: string,
) {
  const problems: { path: string; message: string }[] = [];
  if (input.hops) {
    const assets = new Set((await listAssets(db, organisationId)).map((a) => a.id));
    input.hops.forEach((h, i) => {
      if (!assets.has(h.assetId))
        problems.push({
          path: `hops[${i}].assetId`,
          message: `no asset ${h.assetId} in this organisation`,
        });
    });
  }
  if (input.infoCategory) {
    const categories = (JSON.parse(business.info_categories) as { name: string }[]).map(
      (c) => c.name,
    );
    if (!categories.includes(input.infoCategory))
      problems.push({
        path: 'infoCategory',
        message: `"${input.infoCategory}" is not one of the core business's information categories (${categories.join(', ') || 'none defined'})`,
      });
  }
  if (input.name !== undefined) {
    const clash = await db
      .selectFrom('cii_flows')
      .select('id')
      .where('core_business_id', '=', business.id)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash && clash.id !== selfId)
      problems.push({ path: 'name', message: `flow "${input.name}" exists in this business` });
  }
  if (problems.length) throw new ValidationError('invalid information flow', problems);
}

export async function insertFlow(
  db: Kysely<Database>,
  organisationId: string,
  business: CiiCoreBusinessRow,
  input: CiiFlowInput,
  now: string,
  id: string = randomUUID(),
): Promise<CiiFlowRow> {
  await checkFlow(db, organisationId, business, input);
  await conflictSafe(
    () =>
      db
        .insertInto('cii_flows')
        .values({
          info_category: null,
          description: null,
          ...flowColumns(input),
          id,
          organisation_id: organisationId,
          core_business_id: business.id,
          name: input.name,
          hops: JSON.stringify(input.hops),
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    `a flow named "${input.name}" was created at the same time`,
  );
  return getFlow(db, organisationId, id);
}

export async function updateFlow(
  db: Kysely<Database>,
  organisationId: string,
  business: CiiCoreBusinessRow,
  id: string,
  expected: number,
  patch: Partial<CiiFlowInput>,
  now: string,
  /** The caller has checked the references already (an import checks the whole file). */
  checked = false,
): Promise<CiiFlowRow> {
  if (!checked) await checkFlow(db, organisationId, business, patch, id);
  await updateVersioned(db, 'cii_flows', {
    where: { organisation_id: organisationId, id },
    expected,
    columns: flowColumns(patch),
    now,
    entity: 'information flow',
    current: async () => (await getFlow(db, organisationId, id)).version,
  });
  return getFlow(db, organisationId, id);
}

export const deleteFlow = (db: Kysely<Database>, organisationId: string, id: string) =>
  deleteScoped(db, 'cii_flows', organisationId, id, 'information flow');

/**
 * Inserts rows the caller has already checked, a few hundred per statement (an import of
 * thousands of assets; SQLite allows 32,766 and PostgreSQL 65,535 bound values per statement).
 */
export async function insertInChunks<T extends 'cii_assets' | 'cii_dependencies' | 'cii_flows'>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  chunk = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await conflictSafe(
      () =>
        db
          .insertInto(table)
          .values(rows.slice(i, i + chunk) as never)
          .execute(),
      'the CII model was changed at the same time (a code or name now exists); reload and try again',
    );
}

// --- determinations -----------------------------------------------------------------------------

export async function listDeterminations(
  db: Kysely<Database>,
  organisationId: string,
  coreBusinessId: string,
): Promise<CiiDeterminationRow[]> {
  return db
    .selectFrom('cii_determinations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('core_business_id', '=', coreBusinessId)
    .orderBy('sequence', 'desc')
    .execute();
}

export async function latestDetermination(
  db: Kysely<Database>,
  organisationId: string,
  coreBusinessId: string,
): Promise<CiiDeterminationRow | null> {
  return (await listDeterminations(db, organisationId, coreBusinessId))[0] ?? null;
}

/** Latest determination time per core business of the organisation. */
export async function lastDeterminedAt(
  db: Kysely<Database>,
  organisationId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('cii_determinations')
    .select(['core_business_id'])
    .select((eb) => eb.fn.max('determined_at').as('last'))
    .where('organisation_id', '=', organisationId)
    .groupBy('core_business_id')
    .execute();
  return new Map(rows.map((r) => [r.core_business_id, String(r.last)]));
}

/** Stores a determination as the next in its core business's sequence. */
export async function insertDetermination(
  db: Kysely<Database>,
  row: Omit<CiiDeterminationRow, 'sequence'>,
): Promise<CiiDeterminationRow> {
  const { last } = await db
    .selectFrom('cii_determinations')
    .select((eb) => eb.fn.max('sequence').as('last'))
    .where('core_business_id', '=', row.core_business_id)
    .executeTakeFirstOrThrow();
  const stored = { ...row, sequence: Number(last ?? 0) + 1 };
  await conflictSafe(
    () => db.insertInto('cii_determinations').values(stored).execute(),
    'another determination of this core business was stored at the same time; try again',
  );
  return stored;
}
