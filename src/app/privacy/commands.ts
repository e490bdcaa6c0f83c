/**
 * Every change to the processing register, each in one transaction with its audit entry. The
 * audit keeps codes, names, keys and counts — never purposes, notes or contacts.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, ValidationError, type ErrorDetail } from '../../errors';
import type {
  ActivityInput,
  ActivityPatch,
  RegisterProfile,
  TransferBatchInput,
} from '../../shared/privacy-schemas';
import { PIPL } from '../../domain/privacy/citations';
import {
  activityIdByCode,
  batchCounts,
  deleteActivityRow,
  deleteBatchRow,
  getActivityRow,
  getBatchRow,
  getProfileRow,
  insertActivityRows,
  insertBatchRows,
  listActivityRows,
  listBatchRows,
  organisationSystems,
  saveProfileRow,
  updateActivityRow,
} from '../../store/repositories/privacy.repository';
import type { Database } from '../../store/schema';
import type { Kysely } from 'kysely';
import { audited, type Actor } from '../actor';
import { inScope, type OrgScope } from '../access';
import { beijingToday } from '../clock';
import type { AppContext } from '../context';
import {
  activityForAudit,
  auditChanges,
  decryptActivity,
  decryptProfile,
  encryptActivity,
  encryptProfile,
  normaliseActivity,
  normaliseProfile,
  presentActivity,
  presentBatch,
  presentProfile,
  splitActivity,
  type ActivityView,
  type RegisterProfileView,
  type TransferBatchView,
} from './model';
import { activityProblems, batchProblems, profileProblems } from './validate';

function refuse(problems: readonly ErrorDetail[], what: 'activity' | 'profile' | 'batch'): void {
  if (problems.length === 0) return;
  const count = problems.length;
  if (what === 'activity')
    throw new ValidationError(`the activity has ${count} problem(s); nothing was saved`, problems);
  if (what === 'profile')
    throw new ValidationError(
      `the register profile has ${count} problem(s); nothing was saved`,
      problems,
    );
  throw new ValidationError(
    `the transfer batch has ${count} problem(s); nothing was saved`,
    problems,
  );
}

async function references(
  db: Kysely<Database>,
  ctx: AppContext,
  organisationId: string,
  activityId?: string,
) {
  const [profileRow, systems, batches] = await Promise.all([
    getProfileRow(db, organisationId),
    organisationSystems(db, organisationId),
    activityId ? batchCounts(db, organisationId, activityId) : Promise.resolve(undefined),
  ]);
  const ids = new Set(systems.map((s) => s.id));
  return {
    noticeVersions: new Set(
      decryptProfile(ctx.cipher, profileRow).privacyNotices.map((n) => n.version),
    ),
    systemKnown: (id: string) => ids.has(id),
    ...(batches ? { batchesByTransfer: batches } : {}),
  };
}

// --- profile ------------------------------------------------------------------------------------

export function saveRegisterProfileCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: RegisterProfile & { version: number },
): Promise<RegisterProfileView> {
  const { organisationId } = inScope(within);
  const { version, ...fields } = input;
  const profile = normaliseProfile(fields);
  refuse(profileProblems(profile), 'profile');
  return audited(ctx, actor, async (trx, audit, now) => {
    const beforeRow = await getProfileRow(trx, organisationId);
    const before = beforeRow ? decryptProfile(ctx.cipher, beforeRow) : null;
    // A notice version still named by an activity cannot go.
    const kept = new Set(profile.privacyNotices.map((n) => n.version));
    const dropped = (before?.privacyNotices ?? []).filter((n) => !kept.has(n.version));
    if (dropped.length > 0) {
      const users = (await listActivityRows(trx, organisationId))
        .map((r) => decryptActivity(ctx.cipher, r))
        .filter((a) => dropped.some((n) => n.version === a.privacyNoticeVersion));
      if (users.length > 0)
        throw new ValidationError('a privacy notice version in use cannot be removed', [
          {
            path: 'privacyNotices',
            message: `version(s) ${[...new Set(users.map((a) => a.privacyNoticeVersion))].join(', ')} are in force for activities ${users.map((a) => a.code).join(', ')}; change those activities first`,
          },
        ]);
    }
    const row = await saveProfileRow(
      trx,
      organisationId,
      version,
      () => encryptProfile(ctx.cipher, organisationId, profile),
      now,
    );
    const shape = (p: RegisterProfile | null) =>
      p && {
        ciiOperator: p.ciiOperator ?? null,
        totalIndividuals: p.totalIndividuals ?? null,
        protectionOfficer: p.protectionOfficer ? '***' : null,
        dataSecurityOfficer: p.dataSecurityOfficer ? '***' : null,
        lastComplianceAuditOn: p.lastComplianceAuditOn ?? null,
        privacyNotices: p.privacyNotices.map((n) => `${n.version}@${n.effectiveFrom}`).join(','),
        freeTradeZone: p.freeTradeZone ?? null,
      };
    await audit({
      organisationId,
      action: 'privacy.profile.save',
      entityType: 'privacy_register_profile',
      entityId: organisationId,
      changes: auditChanges(shape(before), shape(profile)),
    });
    return presentProfile(ctx.cipher, row);
  });
}

// --- activities ---------------------------------------------------------------------------------

export function createActivityCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: ActivityInput,
): Promise<ActivityView> {
  const { organisationId } = inScope(within);
  const activity = normaliseActivity(input);
  return audited(ctx, actor, async (trx, audit, now) => {
    const refs = await references(trx, ctx, organisationId);
    refuse(activityProblems(activity, activity.systemIds, 'systemIds', refs), 'activity');
    if (await activityIdByCode(trx, organisationId, activity.code))
      throw new ValidationError('an activity with this code exists', [
        {
          path: 'code',
          message: `"${activity.code}" is already an activity of this register`,
        },
      ]);
    const id = randomUUID();
    const { code, name, content } = splitActivity(activity);
    await insertActivityRows(trx, [
      {
        id,
        organisation_id: organisationId,
        code,
        name,
        data_enc: encryptActivity(ctx.cipher, id, content),
        retain_until: null,
        version: 1,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      },
    ]);
    await audit({
      organisationId,
      action: 'privacy.activity.create',
      entityType: 'privacy_activity',
      entityId: id,
      changes: auditChanges(null, activityForAudit(activity)),
    });
    return presentActivity(ctx.cipher, await getActivityRow(trx, organisationId, id));
  });
}

export function updateActivityCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  activityId: string,
  patch: ActivityPatch,
): Promise<ActivityView> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await getActivityRow(trx, organisationId, activityId);
    const before = decryptActivity(ctx.cipher, row);
    const { version, ...fields } = patch;
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<ActivityInput>;
    const after = normaliseActivity({ ...before, ...defined });
    const refs = await references(trx, ctx, organisationId, activityId);
    refuse(activityProblems(after, after.systemIds, 'systemIds', refs), 'activity');
    if (after.code !== before.code) {
      const clash = await activityIdByCode(trx, organisationId, after.code);
      if (clash && clash !== activityId)
        throw new ValidationError('an activity with this code exists', [
          {
            path: 'code',
            message: `"${after.code}" is already an activity of this register`,
          },
        ]);
    }
    const { code, name, content } = splitActivity(after);
    const updated = await updateActivityRow(
      trx,
      organisationId,
      activityId,
      version,
      { code, name, data_enc: encryptActivity(ctx.cipher, activityId, content) },
      now,
    );
    await audit({
      organisationId,
      action: 'privacy.activity.update',
      entityType: 'privacy_activity',
      entityId: activityId,
      changes: auditChanges(activityForAudit(before), activityForAudit(after)),
    });
    return presentActivity(ctx.cipher, updated);
  });
}

/**
 * Deletes an activity with its batches — refused while its records must be kept: PIPL Art. 56
 * keeps the impact-assessment report and the processing records at least three years (the
 * PIPIA approval sets `retain_until`).
 */
export function deleteActivityCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  activityId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const row = await getActivityRow(trx, organisationId, activityId);
    const today = beijingToday(ctx.clock);
    if (row.retain_until && row.retain_until >= today)
      throw new ConflictError(
        `activity ${row.code} must be kept until ${row.retain_until} (inclusive): an approved personal-information protection impact assessment covers it, and its report and processing records are kept at least three years (PIPL Art. 56)`,
      );
    const before = decryptActivity(ctx.cipher, row);
    const batches = await listBatchRows(trx, organisationId, activityId);
    await deleteActivityRow(trx, organisationId, activityId);
    await audit({
      organisationId,
      action: 'privacy.activity.delete',
      entityType: 'privacy_activity',
      entityId: activityId,
      changes: auditChanges({ ...activityForAudit(before), batches: batches.length }, null),
    });
  });
}

/** The provision the deletion refusal rests on (for clients that cite it). */
export const RETENTION_CITATION = PIPL.pipiaContentAndRetention;

// --- transfer batches ---------------------------------------------------------------------------

export function addBatchCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  activityId: string,
  input: TransferBatchInput,
): Promise<TransferBatchView> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await getActivityRow(trx, organisationId, activityId);
    const activity = decryptActivity(ctx.cipher, row);
    refuse(batchProblems(input, activity), 'batch');
    const id = randomUUID();
    await insertBatchRows(trx, [
      {
        id,
        organisation_id: organisationId,
        activity_id: activityId,
        transfer_key: input.transferKey,
        transferred_on: input.transferredOn,
        individuals: input.individuals,
        sensitive_individuals: input.sensitiveIndividuals,
        note: input.note ?? null,
        created_at: now,
      },
    ]);
    await audit({
      organisationId,
      action: 'privacy.batch.create',
      entityType: 'privacy_transfer_batch',
      entityId: id,
      changes: auditChanges(null, {
        activity: activity.code,
        transferKey: input.transferKey,
        transferredOn: input.transferredOn,
        individuals: input.individuals,
        sensitiveIndividuals: input.sensitiveIndividuals,
      }),
    });
    return presentBatch(await getBatchRow(trx, organisationId, id));
  });
}

export function deleteBatchCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  batchId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const row = await getBatchRow(trx, organisationId, batchId);
    const activity = await getActivityRow(trx, organisationId, row.activity_id);
    const today = beijingToday(ctx.clock);
    if (activity.retain_until && activity.retain_until >= today)
      throw new ConflictError(
        `the batches of activity ${activity.code} are processing records kept until ${activity.retain_until} (PIPL Art. 56)`,
      );
    await deleteBatchRow(trx, organisationId, batchId);
    await audit({
      organisationId,
      action: 'privacy.batch.delete',
      entityType: 'privacy_transfer_batch',
      entityId: batchId,
      changes: auditChanges(
        {
          activity: activity.code,
          transferKey: row.transfer_key,
          transferredOn: row.transferred_on,
          individuals: Number(row.individuals),
          sensitiveIndividuals: Number(row.sensitive_individuals),
        },
        null,
      ),
    });
  });
}
