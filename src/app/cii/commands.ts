import { randomUUID } from 'node:crypto';
import { diffBoundary } from '../../domain/cii/boundary';
import { explainInclusion } from '../../domain/cii/explain';
import { ConflictError } from '../../errors';
import type {
  CiiAssetInput,
  CiiAssetPatch,
  CiiAssetRef,
  CiiDependencyInput,
  CiiFlowInput,
  CiiFlowPatch,
  CoreBusinessInput,
  CoreBusinessPatch,
} from '../../shared/cii-schemas';
import {
  deleteAsset,
  deleteCoreBusiness,
  deleteDependency,
  deleteFlow,
  flowsThrough,
  getAsset,
  getCoreBusiness,
  getDependency,
  getFlow,
  insertAsset,
  insertCoreBusiness,
  insertDependency,
  insertDetermination,
  insertFlow,
  latestDetermination,
  listAssets,
  listDependencies,
  listFlows,
  updateAsset,
  updateCoreBusiness,
  updateFlow,
} from '../../store/repositories/cii.repository';
import { audited, rowChanges, type Actor } from '../actor';
import { assetRefs, computeFor, presentDetermination } from './model';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';

/*
 * Every change to the CII model, each in one transaction with its audit entry.
 */

export function createCoreBusinessCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: CoreBusinessInput,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await insertCoreBusiness(trx, organisationId, input, now);
    await audit({
      organisationId,
      action: 'cii.core_business.create',
      entityType: 'cii_core_business',
      entityId: row.id,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

export function updateCoreBusinessCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  businessId: string,
  patch: CoreBusinessPatch,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getCoreBusiness(trx, organisationId, businessId);
    const { version, ...fields } = patch;
    if (fields.infoCategories) {
      // A flow's category must stay one of the business's categories.
      const names = new Set(fields.infoCategories.map((c) => c.name));
      const orphan = (await listFlows(trx, organisationId, businessId)).find(
        (f) => f.info_category && !names.has(f.info_category),
      );
      if (orphan)
        throw new ConflictError(
          `information category "${orphan.info_category}" is used by flow "${orphan.name}"; change the flow first`,
        );
    }
    const after = await updateCoreBusiness(trx, organisationId, businessId, version, fields, now);
    await audit({
      organisationId,
      action: 'cii.core_business.update',
      entityType: 'cii_core_business',
      entityId: businessId,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

export function deleteCoreBusinessCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  businessId: string,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const before = await getCoreBusiness(trx, organisationId, businessId);
    await deleteCoreBusiness(trx, organisationId, businessId);
    await audit({
      organisationId,
      action: 'cii.core_business.delete',
      entityType: 'cii_core_business',
      entityId: businessId,
      changes: rowChanges(before, null),
    });
  });
}

export function createAssetCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: CiiAssetInput,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await insertAsset(trx, organisationId, input, now);
    await audit({
      organisationId,
      action: 'cii.asset.create',
      entityType: 'cii_asset',
      entityId: row.id,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

export function updateAssetCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assetId: string,
  patch: CiiAssetPatch,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getAsset(trx, organisationId, assetId);
    const { version, ...fields } = patch;
    const after = await updateAsset(trx, organisationId, assetId, version, fields, now);
    await audit({
      organisationId,
      action: 'cii.asset.update',
      entityType: 'cii_asset',
      entityId: assetId,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

/** Deleting an asset that a flow passes through would silently change the flow: refused. */
export function deleteAssetCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assetId: string,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const before = await getAsset(trx, organisationId, assetId);
    const flows = await flowsThrough(trx, organisationId, assetId);
    if (flows.length)
      throw new ConflictError(
        `asset ${before.code} is a hop of flow(s) ${flows.map((f) => `"${f.name}"`).join(', ')}; remove it from those flows first`,
      );
    await deleteAsset(trx, organisationId, assetId);
    await audit({
      organisationId,
      action: 'cii.asset.delete',
      entityType: 'cii_asset',
      entityId: assetId,
      changes: rowChanges(before, null),
    });
  });
}

export function createDependencyCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: CiiDependencyInput,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await insertDependency(trx, organisationId, input, now);
    await audit({
      organisationId,
      action: 'cii.dependency.create',
      entityType: 'cii_dependency',
      entityId: row.id,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

export function deleteDependencyCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  dependencyId: string,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const before = await getDependency(trx, organisationId, dependencyId);
    await deleteDependency(trx, organisationId, dependencyId);
    await audit({
      organisationId,
      action: 'cii.dependency.delete',
      entityType: 'cii_dependency',
      entityId: dependencyId,
      changes: rowChanges(before, null),
    });
  });
}

export function createFlowCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  businessId: string,
  input: CiiFlowInput,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const business = await getCoreBusiness(trx, organisationId, businessId);
    const row = await insertFlow(trx, organisationId, business, input, now);
    await audit({
      organisationId,
      action: 'cii.flow.create',
      entityType: 'cii_flow',
      entityId: row.id,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

export function updateFlowCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  flowId: string,
  patch: CiiFlowPatch,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getFlow(trx, organisationId, flowId);
    const business = await getCoreBusiness(trx, organisationId, before.core_business_id);
    const { version, ...fields } = patch;
    const after = await updateFlow(trx, organisationId, business, flowId, version, fields, now);
    await audit({
      organisationId,
      action: 'cii.flow.update',
      entityType: 'cii_flow',
      entityId: flowId,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

export function deleteFlowCommand(ctx: AppContext, actor: Actor, within: OrgScope, flowId: string) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const before = await getFlow(trx, organisationId, flowId);
    await deleteFlow(trx, organisationId, flowId);
    await audit({
      organisationId,
      action: 'cii.flow.delete',
      entityType: 'cii_flow',
      entityId: flowId,
      changes: rowChanges(before, null),
    });
  });
}

/**
 * Records the boundary as computed now (认定): a snapshot of the inside assets with their
 * reasons, the boundary points and what changed since the previous determination.
 */
export function recordDeterminationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  businessId: string,
  note: string | null,
) {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const business = await getCoreBusiness(trx, organisationId, businessId);
    const [assets, dependencies, flows, previous] = await Promise.all([
      listAssets(trx, organisationId),
      listDependencies(trx, organisationId),
      listFlows(trx, organisationId, businessId),
      latestDetermination(trx, organisationId, businessId),
    ]);
    const boundary = computeFor(business, assets, dependencies, flows);
    const ref = assetRefs(assets);
    const names = new Map(assets.map((a) => [a.id, `${a.code} ${a.name}`]));
    const flowNames = new Map(flows.map((f) => [f.id, f.name]));
    const previousInside: CiiAssetRef[] = previous ? JSON.parse(previous.inside) : [];
    const diff = diffBoundary(
      previousInside.map((a) => a.assetId),
      boundary,
    );
    const before = new Map(previousInside.map((a) => [a.assetId, a]));
    const row = await insertDetermination(trx, {
      id: randomUUID(),
      organisation_id: organisationId,
      core_business_id: businessId,
      determined_at: now,
      determined_by: actor.label,
      note,
      rules_id: boundary.rules.id,
      inside: JSON.stringify(
        boundary.inside.map((i) => ({
          ...ref(i.assetId),
          explanationZh: explainInclusion(
            i.reason,
            (id) => names.get(id) ?? id,
            (id) => flowNames.get(id) ?? id,
          ).zh,
        })),
      ),
      boundary_points: JSON.stringify(
        boundary.boundaryPoints.map((p) => ({
          inside: ref(p.insideAssetId),
          external: ref(p.externalAssetId),
        })),
      ),
      added: JSON.stringify(diff.added.map(ref)),
      removed: JSON.stringify(diff.removed.map((id) => before.get(id) ?? ref(id))),
    });
    await audit({
      organisationId,
      action: 'cii.determination.record',
      entityType: 'cii_core_business',
      entityId: businessId,
      changes: {
        inside: { before: previousInside.length, after: boundary.inside.length },
        added: { before: null, after: diff.added.map((id) => ref(id).code).join(', ') },
        removed: { before: null, after: diff.removed.map((id) => ref(id).code).join(', ') },
        rules: { before: previous?.rules_id ?? null, after: boundary.rules.id },
      },
    });
    return presentDetermination(row);
  });
}
