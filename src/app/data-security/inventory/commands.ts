/**
 * Every change to the data inventory, each in one transaction with its audit entry. The audit
 * keeps codes, names, grades and counts — never descriptions, notes, owners or locations. The
 * computed grade and the catalog version it was computed with are stored on every write.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ValidationError, type ErrorDetail } from '../../../errors';
import {
  DATASEC_LIMITS,
  type DataResourceDto,
  type DataResourceInput,
  type DataResourcePatch,
} from '../../../shared/data-security-schemas';
import {
  countResourceRows,
  deleteResourceRow,
  getResourceRow,
  insertResourceRows,
  privacyActivityCodes,
  resourceIdByCode,
  updateResourceRow,
} from '../../../store/repositories/data-resources.repository';
import { organisationSystems } from '../../../store/repositories/privacy.repository';
import type { Database } from '../../../store/schema';
import { auditChanges } from '../../privacy/model';
import { audited, type Actor } from '../../actor';
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import {
  classifyResource,
  decryptResource,
  encryptResource,
  normaliseResource,
  presentResource,
  resourceForAudit,
  splitResource,
} from './model';
import { resourceProblems, type ResourceReferences } from './validate';

function refuse(problems: readonly ErrorDetail[]): void {
  if (problems.length === 0) return;
  throw new ValidationError(
    `the data resource has ${problems.length} problem(s); nothing was saved`,
    problems,
  );
}

async function references(
  db: Kysely<Database>,
  organisationId: string,
): Promise<{ refs: ResourceReferences; systemName: Map<string, string> }> {
  const [systems, activities] = await Promise.all([
    organisationSystems(db, organisationId),
    privacyActivityCodes(db, organisationId),
  ]);
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  return {
    refs: { systemKnown: (id) => systemName.has(id), activityCodes: activities },
    systemName,
  };
}

const codeTaken = (code: string) =>
  new ValidationError('a data resource with this code exists', [
    { path: 'code', message: `"${code}" is already a data resource of this inventory` },
  ]);

export function createResourceCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: DataResourceInput,
): Promise<DataResourceDto> {
  const { organisationId } = inScope(within);
  const resource = normaliseResource(input);
  return audited(ctx, actor, async (trx, audit, now) => {
    const { refs, systemName } = await references(trx, organisationId);
    refuse(resourceProblems(resource, resource.systemIds, 'systemIds', refs));
    if (await resourceIdByCode(trx, organisationId, resource.code)) throw codeTaken(resource.code);
    if ((await countResourceRows(trx, organisationId)) >= DATASEC_LIMITS.resourcesPerOrganisation)
      throw new ValidationError('the inventory is full', [
        {
          path: 'code',
          message: `an inventory holds at most ${DATASEC_LIMITS.resourcesPerOrganisation} data resources`,
        },
      ]);
    const id = randomUUID();
    const { classification, catalogVersion } = classifyResource(id, resource);
    const { code, name, content } = splitResource(resource);
    await insertResourceRows(trx, [
      {
        id,
        organisation_id: organisationId,
        code,
        name,
        grade: classification.grade,
        catalog_version: catalogVersion,
        data_enc: encryptResource(ctx.cipher, id, content),
        version: 1,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      },
    ]);
    await audit({
      organisationId,
      action: 'datasec.resource.create',
      entityType: 'data_resource',
      entityId: id,
      changes: auditChanges(null, resourceForAudit(resource, classification.grade)),
    });
    return presentResource(
      await getResourceRow(trx, organisationId, id),
      resource,
      classification,
      systemName,
      ctx.labelCitation,
    );
  });
}

export function updateResourceCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  resourceId: string,
  patch: DataResourcePatch,
): Promise<DataResourceDto> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await getResourceRow(trx, organisationId, resourceId);
    const before = decryptResource(ctx.cipher, row);
    const { version, ...fields } = patch;
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<DataResourceInput>;
    const after = normaliseResource({ ...before, ...defined });
    const { refs, systemName } = await references(trx, organisationId);
    refuse(resourceProblems(after, after.systemIds, 'systemIds', refs));
    if (after.code !== before.code) {
      const clash = await resourceIdByCode(trx, organisationId, after.code);
      if (clash && clash !== resourceId) throw codeTaken(after.code);
    }
    const { classification, catalogVersion } = classifyResource(resourceId, after);
    const { code, name, content } = splitResource(after);
    const updated = await updateResourceRow(
      trx,
      organisationId,
      resourceId,
      version,
      {
        code,
        name,
        grade: classification.grade,
        catalog_version: catalogVersion,
        data_enc: encryptResource(ctx.cipher, resourceId, content),
      },
      now,
    );
    await audit({
      organisationId,
      action: 'datasec.resource.update',
      entityType: 'data_resource',
      entityId: resourceId,
      changes: auditChanges(
        resourceForAudit(before, row.grade),
        resourceForAudit(after, classification.grade),
      ),
    });
    return presentResource(updated, after, classification, systemName, ctx.labelCitation);
  });
}

export function deleteResourceCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  resourceId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const row = await getResourceRow(trx, organisationId, resourceId);
    const before = decryptResource(ctx.cipher, row);
    await deleteResourceRow(trx, organisationId, resourceId);
    await audit({
      organisationId,
      action: 'datasec.resource.delete',
      entityType: 'data_resource',
      entityId: resourceId,
      changes: auditChanges(resourceForAudit(before, row.grade), null),
    });
  });
}
