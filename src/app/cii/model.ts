import {
  computeBoundary,
  DEFAULT_BOUNDARY_RULES,
  type Boundary,
  type BoundaryInput,
  type BoundaryRules,
} from '../../domain/cii/boundary';
import { explainExclusion, explainInclusion } from '../../domain/cii/explain';
import type {
  CiiAssetKind,
  CiiAssetRef,
  CiiAssetView,
  CiiBoundaryView,
  CiiDependencyKind,
  CiiDependencyView,
  CiiDeterminationView,
  CiiFlowView,
  CiiSector,
  CoreBusinessView,
} from '../../shared/cii-schemas';
import type {
  CiiAssetRow,
  CiiCoreBusinessRow,
  CiiDependencyRow,
  CiiDeterminationRow,
  CiiFlowRow,
} from '../../store/schema';

/* Rows → views, and the stored model → the boundary engine's input. */

export function presentCoreBusiness(
  row: CiiCoreBusinessRow,
  extra: { flowCount: number; lastDeterminedAt: string | null },
): CoreBusinessView {
  return {
    id: row.id,
    name: row.name,
    sector: row.sector as CiiSector,
    designatingAuthority: row.designating_authority,
    designationNotice: row.designation_notice,
    designatedOn: row.designated_on,
    description: row.description,
    chainSteps: JSON.parse(row.chain_steps),
    infoCategories: JSON.parse(row.info_categories),
    boundaryFollow: row.boundary_follow ? JSON.parse(row.boundary_follow) : null,
    flowCount: extra.flowCount,
    lastDeterminedAt: extra.lastDeterminedAt,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentAsset(
  row: CiiAssetRow,
  systems: ReadonlyMap<string, { name: string; level: number | null }>,
): CiiAssetView {
  const system = row.system_id ? systems.get(row.system_id) : undefined;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as CiiAssetKind,
    external: row.kind === 'external_system',
    party: row.party,
    systemId: row.system_id,
    systemName: system?.name ?? null,
    systemLevel: system?.level ?? null,
    description: row.description,
    version: row.version,
  };
}

export const presentDependency = (row: CiiDependencyRow): CiiDependencyView => ({
  id: row.id,
  fromAssetId: row.from_asset_id,
  toAssetId: row.to_asset_id,
  kind: row.kind as CiiDependencyKind,
  note: row.note,
});

export const presentFlow = (row: CiiFlowRow): CiiFlowView => ({
  id: row.id,
  coreBusinessId: row.core_business_id,
  name: row.name,
  infoCategory: row.info_category,
  description: row.description,
  hops: JSON.parse(row.hops),
  version: row.version,
});

export const presentDetermination = (row: CiiDeterminationRow): CiiDeterminationView => ({
  id: row.id,
  coreBusinessId: row.core_business_id,
  determinedAt: row.determined_at,
  determinedBy: row.determined_by,
  note: row.note,
  rulesId: row.rules_id,
  inside: JSON.parse(row.inside),
  boundaryPoints: JSON.parse(row.boundary_points),
  added: JSON.parse(row.added),
  removed: JSON.parse(row.removed),
});

/** The rules a core business uses: the default, or its own choice of followed dependencies. */
export function rulesOf(business: CiiCoreBusinessRow): BoundaryRules {
  if (!business.boundary_follow) return DEFAULT_BOUNDARY_RULES;
  return {
    ...DEFAULT_BOUNDARY_RULES,
    id: `${DEFAULT_BOUNDARY_RULES.id}+custom`,
    follow: JSON.parse(business.boundary_follow),
  };
}

export function boundaryInput(
  assets: readonly CiiAssetRow[],
  dependencies: readonly CiiDependencyRow[],
  flows: readonly CiiFlowRow[],
): BoundaryInput {
  return {
    assets: assets.map((a) => ({ id: a.id, name: a.name, external: a.kind === 'external_system' })),
    dependencies: dependencies.map((d) => ({
      from: d.from_asset_id,
      to: d.to_asset_id,
      kind: d.kind as CiiDependencyKind,
    })),
    flows: flows.map((f) => ({ id: f.id, name: f.name, hops: JSON.parse(f.hops) })),
  };
}

/** The computed boundary with a sentence per inside asset. */
export function boundaryView(
  boundary: Boundary,
  assets: readonly CiiAssetRow[],
  flows: readonly CiiFlowRow[],
): CiiBoundaryView {
  const assetName = nameLookup(assets);
  const flowNames = new Map(flows.map((f) => [f.id, f.name]));
  const external = new Set(assets.filter((a) => a.kind === 'external_system').map((a) => a.id));
  return {
    rules: boundary.rules,
    inside: boundary.inside.map((i) => {
      const text = explainInclusion(i.reason, assetName, (id) => flowNames.get(id) ?? id);
      return { ...i, explanationZh: text.zh, explanationEn: text.en };
    }),
    outside: boundary.outside,
    outsideExplanations: Object.fromEntries(
      boundary.outside.map((id) => [id, explainExclusion(external.has(id))]),
    ),
    boundaryPoints: boundary.boundaryPoints,
  };
}

function nameLookup(assets: readonly CiiAssetRow[]) {
  const names = new Map(assets.map((a) => [a.id, `${a.code} ${a.name}`]));
  return (id: string) => names.get(id) ?? id;
}

export function assetRefs(assets: readonly CiiAssetRow[]) {
  const byId = new Map(assets.map((a) => [a.id, a]));
  return (id: string): CiiAssetRef => {
    const a = byId.get(id);
    return { assetId: id, code: a?.code ?? '?', name: a?.name ?? '(deleted)' };
  };
}

export function computeFor(
  business: CiiCoreBusinessRow,
  assets: readonly CiiAssetRow[],
  dependencies: readonly CiiDependencyRow[],
  flows: readonly CiiFlowRow[],
): Boundary {
  return computeBoundary(boundaryInput(assets, dependencies, flows), rulesOf(business));
}
