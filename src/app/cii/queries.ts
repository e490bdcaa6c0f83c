import type { Kysely } from 'kysely';
import type { SystemFacts } from '../../domain/obligations/types';
import { diffBoundary } from '../../domain/cii/boundary';
import { gradingWarnings } from '../../domain/mlps/grading-warnings';
import { evaluateObligations } from '../../domain/obligations/evaluate';
import type { CiiAssetRef, CiiBoundaryResponse, CoreBusinessView } from '../../shared/cii-schemas';
import type { CiiDutiesDto } from '../../shared/api-types';
import type { ProtectionLevel, SystemType } from '../../shared/mlps';
import {
  getCoreBusiness,
  lastDeterminedAt,
  latestDetermination,
  listAssets,
  listCoreBusinesses,
  listDependencies,
  listDeterminations,
  listFlows,
} from '../../store/repositories/cii.repository';
import { loadRecords } from '../../store/repositories/records.repository';
import type { CiiCoreBusinessRow, Database } from '../../store/schema';
import {
  assetRefs,
  boundaryView,
  computeFor,
  presentAsset,
  presentCoreBusiness,
  presentDependency,
  presentDetermination,
  presentFlow,
} from './model';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { presentObligation, presentWarning } from '../presenters';
import { toSystemFacts } from '../system-facts';

async function systemIndex(db: Kysely<Database>, organisationId: string) {
  const rows = await db
    .selectFrom('systems')
    .select(['id', 'name', 'level'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, level: r.level }]));
}

export async function coreBusinessesQuery(
  ctx: AppContext,
  within: OrgScope,
): Promise<CoreBusinessView[]> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const [rows, flows, last] = await Promise.all([
    listCoreBusinesses(db, organisationId),
    listFlows(db, organisationId),
    lastDeterminedAt(db, organisationId),
  ]);
  return rows.map((r) =>
    presentCoreBusiness(r, {
      flowCount: flows.filter((f) => f.core_business_id === r.id).length,
      lastDeterminedAt: last.get(r.id) ?? null,
    }),
  );
}

export async function coreBusinessQuery(
  ctx: AppContext,
  within: OrgScope,
  businessId: string,
): Promise<CoreBusinessView> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const row = await getCoreBusiness(db, organisationId, businessId);
  return presentBusinessRow(db, organisationId, row);
}

export async function presentBusinessRow(
  db: Kysely<Database>,
  within: OrgScope,
  row: CiiCoreBusinessRow,
): Promise<CoreBusinessView> {
  const { organisationId } = inScope(within);
  const [flows, last] = await Promise.all([
    listFlows(db, organisationId, row.id),
    latestDetermination(db, organisationId, row.id),
  ]);
  return presentCoreBusiness(row, {
    flowCount: flows.length,
    lastDeterminedAt: last?.determined_at ?? null,
  });
}

export async function assetsQuery(ctx: AppContext, within: OrgScope) {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const [rows, systems] = await Promise.all([
    listAssets(db, organisationId),
    systemIndex(db, organisationId),
  ]);
  return rows.map((r) => presentAsset(r, systems));
}

/** The live boundary of a core business, everything the graph needs, and the change since the last determination. */
export async function boundaryQuery(
  ctx: AppContext,
  within: OrgScope,
  businessId: string,
): Promise<CiiBoundaryResponse> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const business = await getCoreBusiness(db, organisationId, businessId);
  const [assets, dependencies, flows, last, systems] = await Promise.all([
    listAssets(db, organisationId),
    listDependencies(db, organisationId),
    listFlows(db, organisationId, businessId),
    latestDetermination(db, organisationId, businessId),
    systemIndex(db, organisationId),
  ]);
  const boundary = computeFor(business, assets, dependencies, flows);
  let sinceLast: CiiBoundaryResponse['sinceLast'] = null;
  if (last) {
    const previous = (JSON.parse(last.inside) as CiiAssetRef[]).map((a) => a.assetId);
    const diff = diffBoundary(previous, boundary);
    const ref = assetRefs(assets);
    const before = new Map((JSON.parse(last.inside) as CiiAssetRef[]).map((a) => [a.assetId, a]));
    sinceLast = {
      determinationId: last.id,
      determinedAt: last.determined_at,
      added: diff.added.map(ref),
      removed: diff.removed.map((id) => before.get(id) ?? ref(id)),
    };
  }
  return {
    coreBusiness: presentCoreBusiness(business, {
      flowCount: flows.length,
      lastDeterminedAt: last?.determined_at ?? null,
    }),
    assets: assets.map((a) => presentAsset(a, systems)),
    dependencies: dependencies.map(presentDependency),
    flows: flows.map(presentFlow),
    boundary: boundaryView(boundary, assets, flows),
    sinceLast,
  };
}

export async function flowsQuery(ctx: AppContext, within: OrgScope, businessId: string) {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  await getCoreBusiness(db, organisationId, businessId);
  return (await listFlows(db, organisationId, businessId)).map(presentFlow);
}

export async function determinationsQuery(ctx: AppContext, within: OrgScope, businessId: string) {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  await getCoreBusiness(db, organisationId, businessId);
  return (await listDeterminations(db, organisationId, businessId)).map(presentDetermination);
}

/**
 * Systems that are CII because they sit inside the recorded boundary of a designated core
 * business: system id → the earliest designation date and the business names.
 */
export async function ciiDesignatedSystems(
  db: Kysely<Database>,
  within: OrgScope,
): Promise<Map<string, { designatedOn: string; businesses: string[] }>> {
  const { organisationId } = inScope(within);
  const out = new Map<string, { designatedOn: string; businesses: string[] }>();
  const businesses = (await listCoreBusinesses(db, organisationId)).filter(
    (b) => b.designated_on !== null,
  );
  if (businesses.length === 0) return out;
  const assetSystem = new Map(
    (await listAssets(db, organisationId))
      .filter((a) => a.system_id)
      .map((a) => [a.id, a.system_id!]),
  );
  for (const b of businesses) {
    const last = await latestDetermination(db, organisationId, b.id);
    if (!last) continue;
    for (const a of JSON.parse(last.inside) as CiiAssetRef[]) {
      const systemId = assetSystem.get(a.assetId);
      if (!systemId) continue;
      const seen = out.get(systemId);
      if (!seen) out.set(systemId, { designatedOn: b.designated_on!, businesses: [b.name] });
      else {
        if (b.designated_on! < seen.designatedOn) seen.designatedOn = b.designated_on!;
        if (!seen.businesses.includes(b.name)) seen.businesses.push(b.name);
      }
    }
  }
  return out;
}

/** A system's facts with the CII designation that its place in a recorded boundary implies. */
export function withCiiDesignation(
  facts: SystemFacts,
  designation: { designatedOn: string } | undefined,
): SystemFacts {
  if (!designation || facts.isCii === true) return facts;
  return {
    ...facts,
    isCii: true,
    ciiDesignatedOn: facts.ciiDesignatedOn ?? designation.designatedOn,
  };
}

const CII_DUTY_RULE = /^(cii|crypto)\./;

/**
 * The duties of a designated core business as one CII: the CII rules evaluated for the
 * business (dates and events pooled from the systems inside its recorded boundary), and the
 * grading warnings of those systems (CII below level 3).
 */
export async function dutiesQuery(
  ctx: AppContext,
  within: OrgScope,
  businessId: string,
  asOf: string,
): Promise<CiiDutiesDto> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const business = await getCoreBusiness(db, organisationId, businessId);
  const last = await latestDetermination(db, organisationId, businessId);
  const assets = await listAssets(db, organisationId);
  const insideIds = new Set(
    last ? (JSON.parse(last.inside) as CiiAssetRef[]).map((a) => a.assetId) : [],
  );
  const systemIds = [
    ...new Set(assets.filter((a) => insideIds.has(a.id) && a.system_id).map((a) => a.system_id!)),
  ];
  const systemRows = systemIds.length
    ? await db
        .selectFrom('systems')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', systemIds)
        .orderBy('name')
        .execute()
    : [];
  const records = await loadRecords(db, organisationId, systemIds);
  const facts = systemRows.map((r) => toSystemFacts(r, records.get(r.id)));
  const levels = facts.map((f) => f.level).filter((l): l is ProtectionLevel => l !== null);
  const earliest = (dates: (string | null)[]) =>
    dates.filter((d): d is string => d !== null).sort()[0] ?? null;
  const subject: SystemFacts = {
    id: business.id,
    name: business.name,
    types: [...new Set(facts.flatMap((f) => f.types))] as SystemType[],
    level: levels.length ? (Math.max(...levels) as ProtectionLevel) : null,
    gradedOn: earliest(facts.map((f) => f.gradedOn)),
    goLiveOn: earliest(facts.map((f) => f.goLiveOn)),
    isCii: business.designated_on !== null,
    ciiDesignatedOn: business.designated_on,
    isNationalEgov: facts.some((f) => f.isNationalEgov) || business.sector === 'e_government',
    hasCompetentAuthority: business.designating_authority !== null,
    expertReviewOn: null,
    competentApprovalOn: null,
    filings: [],
    assessments: facts.flatMap((f) => f.assessments),
    cryptoAssessments: facts.flatMap((f) => f.cryptoAssessments),
    ciiRiskAssessments: facts.flatMap((f) => f.ciiRiskAssessments),
    ciiSecurityOrganisationOn: earliest(facts.map((f) => f.ciiSecurityOrganisationOn)),
  };
  const result = evaluateObligations([subject], asOf);
  const obligations = result.obligations
    .filter((o) => CII_DUTY_RULE.test(o.ruleId))
    .map((o) => ({
      ...presentObligation(o, ctx.labelCitation),
      systemName: business.name,
      manualStatus: null,
      effectiveState: o.state,
    }));
  const systems = facts.map((f) => ({
    systemId: f.id,
    name: f.name,
    level: f.level,
    warnings:
      f.level === null
        ? []
        : gradingWarnings({ types: f.types, level: f.level, isCii: true, carriedLevels: [] })
            .filter((w) => w.code === 'CII_BELOW_LEVEL_3')
            .map((w) => presentWarning(w, ctx.labelCitation)),
  }));
  return {
    asOf,
    designated: business.designated_on !== null,
    determinedAt: last?.determined_at ?? null,
    obligations,
    missingFacts: result.missingFacts.filter((m) => CII_DUTY_RULE.test(m.ruleId)),
    systems,
  };
}

/** A core business row as the API shows it (flows and the last determination). */
export function coreBusinessView(
  ctx: Pick<AppContext, 'store'>,
  within: OrgScope,
  row: CiiCoreBusinessRow,
): Promise<CoreBusinessView> {
  return presentBusinessRow(ctx.store.db, inScope(within).organisationId, row);
}

/** The typed dependencies between the organisation's assets. */
export async function dependenciesQuery(ctx: Pick<AppContext, 'store'>, within: OrgScope) {
  return (await listDependencies(ctx.store.db, inScope(within).organisationId)).map(
    presentDependency,
  );
}

/** The ids and names of the organisation's core businesses (CLI: a business by name or id). */
export async function coreBusinessNamesQuery(
  ctx: Pick<AppContext, 'store'>,
  within: OrgScope,
): Promise<{ id: string; name: string }[]> {
  const rows = await listCoreBusinesses(ctx.store.db, inScope(within).organisationId);
  return rows.map((r) => ({ id: r.id, name: r.name }));
}
