/**
 * Every change to the incident register, each in one transaction with its audit entry (codes,
 * grade, counts and times — never descriptions, causes or notes).
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, ValidationError, type ErrorDetail } from '../../../errors';
import {
  DATASEC_LIMITS,
  IncidentInputSchema,
  type IncidentInput,
  type IncidentPatch,
  type IncidentReport,
} from '../../../shared/data-security-schemas';
import { shippedIncidentCriteria } from '../../../catalogs/incident-grading';
import { audited, type Actor } from '../../actor';
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import { auditChanges } from '../../privacy/model';
import {
  countIncidents,
  decryptIncident,
  deleteIncidentRow,
  encryptIncident,
  getIncidentRow,
  incidentContext,
  incidentForAudit,
  incidentIdByCode,
  insertIncidentRow,
  normaliseIncident,
  presentIncident,
  updateIncidentRow,
  utc,
  type IncidentView,
} from './model';
import { incidentProblems } from './validate';

const criterionIds = () => new Set(shippedIncidentCriteria().map((c) => c.id));

function refuse(problems: readonly ErrorDetail[]): void {
  if (problems.length === 0) return;
  throw new ValidationError(
    { code: 'incidents.incident_problems', params: { count: String(problems.length) } },
    problems,
  );
}

const codeTaken = (code: string) =>
  new ValidationError({ code: 'incidents.code_exists' }, [
    {
      path: 'code',
      message: `"${code}" is already an incident of this organisation`,
      code: 'incidents.code_exists_detail',
      params: { code },
    },
  ]);

const columns = (i: IncidentInput) => ({
  code: i.code,
  title: i.title,
  found_at: utc(i.foundAt),
  grade: i.grade ?? null,
  status: i.status,
});

export function createIncidentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: IncidentInput,
): Promise<IncidentView> {
  const { organisationId } = inScope(within);
  const incident = normaliseIncident(input);
  return audited(ctx, actor, async (trx, audit, now) => {
    const context = await incidentContext(trx, ctx.cipher, organisationId);
    refuse(incidentProblems(incident, context, criterionIds()));
    if (await incidentIdByCode(trx, organisationId, incident.code)) throw codeTaken(incident.code);
    const count = await countIncidents(trx, organisationId);
    if (count >= DATASEC_LIMITS.incidentsPerOrganisation)
      throw new ConflictError({
        code: 'incidents.too_many_incidents',
        params: { count: String(count) },
      });
    const id = randomUUID();
    await insertIncidentRow(trx, {
      id,
      organisation_id: organisationId,
      ...columns(incident),
      content_enc: encryptIncident(ctx.cipher, id, incident),
      version: 1,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await audit({
      organisationId,
      action: 'datasec.incident.create',
      entityType: 'security_incident',
      entityId: id,
      changes: auditChanges(null, incidentForAudit(incident)),
    });
    return presentIncident(
      ctx.cipher,
      await getIncidentRow(trx, organisationId, id),
      context,
      ctx.clock.now(),
    );
  });
}

export function updateIncidentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  incidentId: string,
  patch: IncidentPatch,
): Promise<IncidentView> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await getIncidentRow(trx, organisationId, incidentId);
    const before = decryptIncident(ctx.cipher, row);
    const { version, ...fields } = patch;
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<IncidentInput>;
    const parsed = IncidentInputSchema.safeParse({ ...before, ...defined });
    if (!parsed.success)
      refuse(
        parsed.error.issues.map((issue) => ({
          path: issue.path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .replace(/^\./, ''),
          message: issue.message,
        })),
      );
    const after = parsed.data as IncidentInput;
    const context = await incidentContext(trx, ctx.cipher, organisationId);
    refuse(incidentProblems(after, context, criterionIds()));
    if (after.code !== before.code) {
      const clash = await incidentIdByCode(trx, organisationId, after.code);
      if (clash && clash !== incidentId) throw codeTaken(after.code);
    }
    const updated = await updateIncidentRow(
      trx,
      organisationId,
      incidentId,
      version,
      { ...columns(after), content_enc: encryptIncident(ctx.cipher, incidentId, after) },
      now,
    );
    await audit({
      organisationId,
      action: 'datasec.incident.update',
      entityType: 'security_incident',
      entityId: incidentId,
      changes: auditChanges(incidentForAudit(before), incidentForAudit(after)),
    });
    return presentIncident(ctx.cipher, updated, context, ctx.clock.now());
  });
}

/** Appends one report record (initial, follow-up or closing) to the incident; versioned. */
export function addIncidentReportCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  incidentId: string,
  input: IncidentReport & { version: number },
): Promise<IncidentView> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await getIncidentRow(trx, organisationId, incidentId);
    const before = decryptIncident(ctx.cipher, row);
    const { version, ...report } = input;
    if (before.reports.length >= DATASEC_LIMITS.reportsPerIncident)
      throw new ConflictError({
        code: 'incidents.too_many_reports',
        params: { count: String(before.reports.length) },
      });
    const after = normaliseIncident({ ...before, reports: [...before.reports, report] });
    const context = await incidentContext(trx, ctx.cipher, organisationId);
    const problems = incidentProblems(after, context, criterionIds()).filter((p) =>
      p.path.startsWith(`reports[${after.reports.length - 1}]`),
    );
    refuse(problems.map((p) => ({ ...p, path: p.path.replace(/^reports\[\d+\]\./, '') })));
    const updated = await updateIncidentRow(
      trx,
      organisationId,
      incidentId,
      version,
      { ...columns(after), content_enc: encryptIncident(ctx.cipher, incidentId, after) },
      now,
    );
    await audit({
      organisationId,
      action: 'datasec.incident.report',
      entityType: 'security_incident',
      entityId: incidentId,
      changes: auditChanges(
        { code: before.code, reports: before.reports.length },
        {
          code: after.code,
          reports: after.reports.length,
          report: `${report.kind}:${report.recipient}@${report.submittedAt}`,
        },
      ),
    });
    return presentIncident(ctx.cipher, updated, context, ctx.clock.now());
  });
}

export function deleteIncidentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  incidentId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const row = await getIncidentRow(trx, organisationId, incidentId);
    const before = decryptIncident(ctx.cipher, row);
    await deleteIncidentRow(trx, organisationId, incidentId);
    await audit({
      organisationId,
      action: 'datasec.incident.delete',
      entityType: 'security_incident',
      entityId: incidentId,
      changes: auditChanges(incidentForAudit(before), null),
    });
  });
}
