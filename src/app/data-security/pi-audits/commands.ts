/** Planning, recording and removing PI compliance audits; each change audited in one transaction. */
import { randomUUID } from 'node:crypto';
import { ValidationError, type ErrorDetail } from '../../../errors';
import type { PiAuditInput, PiAuditPatch } from '../../../shared/data-security-schemas';
import { updateVersioned } from '../../../store/repositories/versioned';
import { audited, type Actor } from '../../actor';
import { inScope, type OrgScope } from '../../access';
import { beijingToday } from '../../clock';
import type { AppContext } from '../../context';
import { auditChanges } from '../../privacy/model';
import {
  decryptPiAudit,
  encryptPiAudit,
  getPiAuditRow,
  normalisePiAudit,
  piAuditForAudit,
  presentPiAudit,
  type PiAuditView,
} from './model';

/** Cross-field checks the schema cannot express. */
export function piAuditProblems(a: PiAuditInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (a.periodFrom > a.periodTo)
    problems.push({ path: 'periodTo', message: 'must not be before periodFrom' });
  if (a.status === 'completed' && !a.completedOn)
    problems.push({
      path: 'completedOn',
      message: 'give the date a completed audit was completed',
    });
  if (a.status !== 'completed' && a.completedOn)
    problems.push({
      path: 'completedOn',
      message: 'only a completed audit has a completion date; set status to completed',
    });
  if (a.orderedDeadline && a.kind !== 'regulator_ordered')
    problems.push({
      path: 'orderedDeadline',
      message:
        'only an audit the authority ordered (kind regulator_ordered) has an ordered deadline',
    });
  const seen = new Set<string>();
  a.findings.forEach((f, i) => {
    if (seen.has(f.code))
      problems.push({ path: `findings.${i}.code`, message: `"${f.code}" is listed twice` });
    seen.add(f.code);
    if (f.closedOn && f.status !== 'closed')
      problems.push({
        path: `findings.${i}.closedOn`,
        message: 'only a closed finding has a closing date',
      });
  });
  return problems;
}

function refuse(problems: readonly ErrorDetail[]): void {
  if (problems.length > 0)
    throw new ValidationError(
      `the compliance audit has ${problems.length} problem(s); nothing was saved`,
      problems,
    );
}

export function createPiAuditCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: PiAuditInput,
): Promise<PiAuditView> {
  const { organisationId } = inScope(within);
  const a = normalisePiAudit(input);
  refuse(piAuditProblems(a));
  return audited(ctx, actor, async (trx, audit, now) => {
    const id = randomUUID();
    await trx
      .insertInto('pi_audits')
      .values({
        id,
        organisation_id: organisationId,
        title: a.title,
        kind: a.kind,
        status: a.status,
        planned_on: a.plannedOn,
        completed_on: a.completedOn ?? null,
        content_enc: encryptPiAudit(ctx.cipher, id, a),
        version: 1,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit({
      organisationId,
      action: 'datasec.pi_audit.create',
      entityType: 'pi_audit',
      entityId: id,
      changes: auditChanges(null, piAuditForAudit(a)),
    });
    return presentPiAudit(
      ctx.cipher,
      await getPiAuditRow(trx, organisationId, id),
      beijingToday(ctx.clock),
    );
  });
}

export function updatePiAuditCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  auditId: string,
  patch: PiAuditPatch,
): Promise<PiAuditView> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await getPiAuditRow(trx, organisationId, auditId);
    const before = decryptPiAudit(ctx.cipher, row);
    const { version, ...fields } = patch;
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<PiAuditInput>;
    const after = normalisePiAudit({ ...before, ...defined });
    refuse(piAuditProblems(after));
    await updateVersioned(trx, 'pi_audits', {
      where: { organisation_id: organisationId, id: auditId },
      expected: version,
      columns: {
        title: after.title,
        kind: after.kind,
        status: after.status,
        planned_on: after.plannedOn,
        completed_on: after.completedOn ?? null,
        content_enc: encryptPiAudit(ctx.cipher, auditId, after),
      },
      now,
      entity: 'compliance audit',
      current: async () => (await getPiAuditRow(trx, organisationId, auditId)).version,
    });
    await audit({
      organisationId,
      action: 'datasec.pi_audit.update',
      entityType: 'pi_audit',
      entityId: auditId,
      changes: auditChanges(piAuditForAudit(before), piAuditForAudit(after)),
    });
    return presentPiAudit(
      ctx.cipher,
      await getPiAuditRow(trx, organisationId, auditId),
      beijingToday(ctx.clock),
    );
  });
}

export function deletePiAuditCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  auditId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const before = decryptPiAudit(ctx.cipher, await getPiAuditRow(trx, organisationId, auditId));
    await trx
      .deleteFrom('pi_audits')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', auditId)
      .execute();
    await audit({
      organisationId,
      action: 'datasec.pi_audit.delete',
      entityType: 'pi_audit',
      entityId: auditId,
      changes: auditChanges(piAuditForAudit(before), null),
    });
  });
}
