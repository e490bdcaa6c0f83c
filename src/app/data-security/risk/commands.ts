/**
 * Every change to an annual data-security risk assessment (NDS Regulations Art. 33; DSL Art. 30)
 * and its risks, each in one transaction with its audit entry (codes, counts and which fields
 * changed; never the encrypted narrative). The rules:
 *
 * - one assessment per organisation and year (CONFLICT names the existing one; a completed one
 *   is changed by reopening it, not by opening another);
 * - edited (with its version) while draft; completed and reported ones are read-only;
 * - complete (`datasec.approve`, a signed-in person who is not its creator — separation of
 *   duties as for the PIPIA): every required part present (src/domain/data-security/risk.ts
 *   missingReportParts), the completion date not after today (Beijing); the inventory and the
 *   provisions on record are frozen into `snapshot_enc`;
 * - report (`datasec.write`): a completed assessment was sent to the authority: date, recipient,
 *   reference;
 * - reopen (`datasec.approve`): back to draft with a reason (the completion, submission and
 *   snapshot are dropped; the reopening keeps what it undid);
 * - delete: drafts never completed;
 * - risks: added and deleted while the assessment is draft; after completion only their
 *   tracking (status, closing, due date, owner, measures) changes, like rectification items.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { missingReportParts, riskLevel } from '../../../domain/data-security/risk';
import {
  ConflictError,
  detailsFromZodIssues,
  ForbiddenError,
  ValidationError,
  type ErrorDetail,
} from '../../../errors';
import {
  DATASEC_LIMITS,
  RiskAssessmentInputSchema,
  RiskItemInputSchema,
  type RiskAssessmentInput,
  type RiskAssessmentPatch,
  type RiskAssessmentTransition,
  type RiskItemInput,
  type RiskItemPatch,
} from '../../../shared/data-security-schemas';
import { can } from '../../../shared/roles';
import type { Database } from '../../../store/schema';
import { audited, rowChanges, type Actor } from '../../actor';
import { inScope, type OrgScope } from '../../access';
import { beijingToday } from '../../clock';
import type { AppContext } from '../../context';
import { reportPartsFacts } from './facts';
import {
  decryptContent,
  decryptRisk,
  encryptContent,
  encryptRisk,
  encryptSnapshot,
  snapshotProvision,
  snapshotResource,
  type InventorySnapshot,
  type RiskAssessmentContent,
} from './model';
import {
  assessmentOfYear,
  countRisks,
  deleteAssessment,
  deleteRisk,
  existingResourceCodes,
  getAssessment,
  getRisk,
  insertAssessment,
  insertRisk,
  inventoryRows,
  listRisks,
  provisionRows,
  riskWithCode,
  updateAssessmentColumns,
  updateRiskColumns,
  type RiskAssessmentRow,
  type RiskItemRow,
} from './store';

type Db = Kysely<Database>;

const NARRATIVE = [
  'assessor',
  'scope',
  'method',
  'managementMeasures',
  'technicalMeasures',
  'provisionAssessments',
  'exportSituation',
  'other',
  'conclusion',
] as const;

/** What the audit log keeps of the narrative: which parts are written and their lengths. */
const contentFacts = (c: RiskAssessmentContent) => ({
  period: `${c.periodFrom}..${c.periodTo}`,
  written: Object.fromEntries(
    NARRATIVE.filter((k) => c[k]?.trim()).map((k) => [k, c[k]!.length] as const),
  ),
  reported: c.report ? { reportedOn: c.report.reportedOn, recipient: c.report.recipient } : null,
  reopenings: c.reopenings.length,
});

/** The row for the audit log: no ciphertext of the snapshot (content_enc is redacted already). */
const auditRow = (row: RiskAssessmentRow | null) =>
  row ? { ...row, snapshot_enc: row.snapshot_enc ? '(snapshot)' : null } : null;

const READ_ONLY: Record<string, string> = {
  completed:
    'the risk assessment is completed and read-only; reopen it (action reopen, with a reason) to change it',
  reported:
    'the risk assessment was reported to the authority and is read-only; reopen it (action reopen, with a reason) to change it',
};

async function checkYearFree(
  db: Db,
  organisationId: string,
  year: number,
  exceptId?: string,
): Promise<void> {
  const other = await assessmentOfYear(db, organisationId, year, exceptId);
  if (other)
    throw new ConflictError(
      `the organisation has a risk assessment of ${year} already (${other.title}, ${other.status}); there is one per year: change that one, reopening it if it is completed`,
    );
}

/** Trimmed narrative; empty texts become null. */
function cleanInput(input: RiskAssessmentInput): RiskAssessmentInput {
  const out: Record<string, unknown> = { ...input };
  for (const k of NARRATIVE) out[k] = input[k]?.trim() || null;
  return out as RiskAssessmentInput;
}

export function createRiskAssessmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: RiskAssessmentInput,
): Promise<RiskAssessmentRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await checkYearFree(trx, organisationId, input.year);
    const id = randomUUID();
    const content: RiskAssessmentContent = { ...cleanInput(input), report: null, reopenings: [] };
    const row: RiskAssessmentRow = {
      id,
      organisation_id: organisationId,
      year: input.year,
      title: input.title,
      status: 'draft',
      content_enc: encryptContent(ctx.cipher, id, content),
      snapshot_enc: null,
      completed_on: null,
      completed_by: null,
      reported_on: null,
      version: 1,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertAssessment(trx, row);
    await audit({
      organisationId,
      action: 'datasec.risk_assessment.create',
      entityType: 'data_risk_assessment',
      entityId: id,
      changes: {
        ...rowChanges(null, auditRow(row)),
        content: { before: null, after: contentFacts(content) },
      },
    });
    return row;
  });
}

export function updateRiskAssessmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  id: string,
  patch: RiskAssessmentPatch,
): Promise<RiskAssessmentRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getAssessment(trx, organisationId, id);
    const lock = READ_ONLY[before.status];
    if (lock) throw new ConflictError(lock);
    const stored = decryptContent(ctx.cipher, before);
    const { version, ...fields } = patch;
    const merged = RiskAssessmentInputSchema.safeParse({
      ...pickInput(stored),
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    });
    if (!merged.success)
      throw new ValidationError(
        'the risk assessment has problems; nothing was saved',
        detailsFromZodIssues(merged.error.issues),
      );
    if (merged.data.year !== before.year)
      await checkYearFree(trx, organisationId, merged.data.year, id);
    const content: RiskAssessmentContent = { ...stored, ...cleanInput(merged.data) };
    const after = await updateAssessmentColumns(
      trx,
      organisationId,
      id,
      version,
      {
        year: content.year,
        title: content.title,
        content_enc: encryptContent(ctx.cipher, id, content),
      },
      now,
    );
    await audit({
      organisationId,
      action: 'datasec.risk_assessment.update',
      entityType: 'data_risk_assessment',
      entityId: id,
      changes: {
        ...rowChanges(auditRow(before), auditRow(after)),
        content: { before: contentFacts(stored), after: contentFacts(content) },
      },
    });
    return after;
  });
}

const pickInput = (c: RiskAssessmentContent): RiskAssessmentInput => {
  const { report: _report, reopenings: _reopenings, ...input } = c;
  return input;
};

/** The transition's rules; see the module comment. */
export function transitionRiskAssessmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  id: string,
  input: RiskAssessmentTransition,
): Promise<RiskAssessmentRow> {
  const { organisationId, scope } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getAssessment(trx, organisationId, id);
    const content = decryptContent(ctx.cipher, before);
    const today = beijingToday(ctx.clock);
    let columns: Partial<RiskAssessmentRow>;
    const extra: Record<string, { before: unknown; after: unknown }> = {};

    switch (input.action) {
      case 'complete': {
        if (!can(scope.role, 'datasec.approve'))
          throw new ForbiddenError('completing a risk assessment needs datasec.approve');
        if (!actor.userId)
          throw new ForbiddenError(
            'a risk assessment is completed by a signed-in person (not an API token or the CLI)',
          );
        if (actor.userId === before.created_by)
          throw new ForbiddenError(
            'separation of duties: the creator of a risk assessment may not complete it; another approver must',
          );
        if (before.status !== 'draft')
          throw new ConflictError(
            `the risk assessment is ${before.status}; only a draft can be completed`,
          );
        const dates: ErrorDetail[] = [];
        if (input.completedOn > today)
          dates.push({
            path: 'completedOn',
            message: `must not be after today (${today}, Beijing)`,
          });
        if (input.completedOn < content.periodFrom)
          dates.push({
            path: 'completedOn',
            message: `must not be before the assessed period starts (${content.periodFrom})`,
          });
        if (dates.length > 0)
          throw new ValidationError('the risk assessment cannot be completed', dates);
        const risks = (await listRisks(trx, organisationId, [id])).map((r) =>
          decryptRisk(ctx.cipher, r),
        );
        const missing = missingReportParts(
          await reportPartsFacts(ctx, trx, organisationId, content, risks),
        );
        if (missing.length > 0)
          throw new ValidationError(
            `the risk assessment lacks ${missing.length} required part(s) of the report`,
            missing.map((m) => ({ path: m.path, message: m.messageEn })),
          );
        const snapshot: InventorySnapshot = {
          takenAt: now,
          resources: (await inventoryRows(trx, organisationId)).map((r) =>
            snapshotResource(ctx.cipher, r),
          ),
          provisions: (await provisionRows(trx, organisationId)).map((r) =>
            snapshotProvision(ctx.cipher, r),
          ),
        };
        extra.snapshot = {
          before: null,
          after: {
            resources: snapshot.resources.length,
            important: snapshot.resources.filter((r) => r.grade === 'important').length,
            core: snapshot.resources.filter((r) => r.grade === 'core').length,
            provisions: snapshot.provisions.length,
          },
        };
        columns = {
          status: 'completed',
          completed_on: input.completedOn,
          completed_by: actor.userId,
          snapshot_enc: encryptSnapshot(ctx.cipher, id, snapshot),
        };
        break;
      }
      case 'report': {
        if (!can(scope.role, 'datasec.write'))
          throw new ForbiddenError(
            'recording the submission of a risk assessment needs datasec.write',
          );
        if (before.status !== 'completed')
          throw new ConflictError(
            `the risk assessment is ${before.status}; only a completed one is reported (complete it first; a reported one is reopened to report again)`,
          );
        const dates: ErrorDetail[] = [];
        if (input.reportedOn > today)
          dates.push({
            path: 'reportedOn',
            message: `must not be after today (${today}, Beijing)`,
          });
        if (before.completed_on && input.reportedOn < before.completed_on)
          dates.push({
            path: 'reportedOn',
            message: `must not be before the assessment was completed (${before.completed_on})`,
          });
        if (dates.length > 0) throw new ValidationError('the submission cannot be recorded', dates);
        const report = {
          reportedOn: input.reportedOn,
          recipient: input.recipient.trim(),
          reference: input.reference?.trim() || null,
        };
        extra.report = { before: null, after: report };
        columns = {
          status: 'reported',
          reported_on: input.reportedOn,
          content_enc: encryptContent(ctx.cipher, id, { ...content, report }),
        };
        break;
      }
      case 'reopen': {
        if (!can(scope.role, 'datasec.approve'))
          throw new ForbiddenError('reopening a risk assessment needs datasec.approve');
        if (before.status === 'draft')
          throw new ConflictError('the risk assessment is a draft already');
        const reason = input.reason.trim();
        const reopening = {
          userId: actor.userId,
          reason,
          at: now,
          from: before.status as 'completed' | 'reported',
          completedOn: before.completed_on,
          reportedOn: before.reported_on,
        };
        extra.reason_chars = { before: null, after: reason.length };
        columns = {
          status: 'draft',
          completed_on: null,
          completed_by: null,
          reported_on: null,
          snapshot_enc: null,
          content_enc: encryptContent(ctx.cipher, id, {
            ...content,
            report: null,
            reopenings: [...content.reopenings, reopening],
          }),
        };
        break;
      }
    }
    const after = await updateAssessmentColumns(
      trx,
      organisationId,
      id,
      input.version,
      columns,
      now,
    );
    await audit({
      organisationId,
      action: `datasec.risk_assessment.${input.action}`,
      entityType: 'data_risk_assessment',
      entityId: id,
      changes: { ...rowChanges(auditRow(before), auditRow(after)), ...extra },
    });
    return after;
  });
}

/** Deletes a draft that was never completed (a completed report stays on record). */
export function deleteRiskAssessmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  id: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const row = await getAssessment(trx, organisationId, id);
    if (row.status !== 'draft')
      throw new ConflictError(
        `the risk assessment is ${row.status}; only drafts are deleted (a completed assessment is kept as a record)`,
      );
    const content = decryptContent(ctx.cipher, row);
    const last = content.reopenings.at(-1);
    if (last)
      throw new ConflictError(
        `the risk assessment was completed on ${last.completedOn ?? '?'} before it was reopened; a completed assessment is kept as a record`,
      );
    const risks = await countRisks(trx, organisationId, id);
    if (!(await deleteAssessment(trx, organisationId, id, row.version)))
      throw new ConflictError('the risk assessment changed meanwhile; reload and try again');
    await audit({
      organisationId,
      action: 'datasec.risk_assessment.delete',
      entityType: 'data_risk_assessment',
      entityId: id,
      changes: {
        ...rowChanges(auditRow(row), null),
        risks_deleted: { before: risks, after: 0 },
      },
    });
  });
}

// ——— Risks ———

/** The inventory codes a risk names must exist (problems at dataResourceCodes[i]). */
async function checkResourceCodes(
  db: Db,
  organisationId: string,
  codes: readonly string[],
  known: ReadonlySet<string> = new Set(),
): Promise<void> {
  const fresh = codes.filter((c) => !known.has(c));
  const found = await existingResourceCodes(db, organisationId, fresh);
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code))
      problems.push({ path: `dataResourceCodes[${i}]`, message: `${code} is named twice` });
    seen.add(code);
    if (!known.has(code) && !found.has(code))
      problems.push({
        path: `dataResourceCodes[${i}]`,
        message: `${code} is not a data resource of the organisation's inventory`,
      });
  });
  if (problems.length > 0)
    throw new ValidationError(
      `the risk has ${problems.length} problem(s); nothing was saved`,
      problems,
    );
}

const riskFacts = (r: RiskItemInput) => ({
  code: r.code,
  area: r.area,
  likelihood: r.likelihood,
  impact: r.impact,
  resources: r.dataResourceCodes.length,
});

function cleanRisk(r: RiskItemInput): RiskItemInput {
  return {
    ...r,
    title: r.title.trim(),
    description: r.description?.trim() || null,
    measures: r.measures?.trim() || null,
    owner: r.owner?.trim() || null,
    closingNote: r.closingNote?.trim() || null,
    dueOn: r.dueOn ?? null,
    closedOn: r.closedOn ?? null,
  };
}

export function createRiskCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  input: RiskItemInput,
): Promise<RiskItemRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await getAssessment(trx, organisationId, assessmentId);
    if (assessment.status !== 'draft')
      throw new ConflictError(
        `the risk assessment is ${assessment.status}; risks are added while it is a draft (record a new risk in next year's assessment, or reopen this one)`,
      );
    if ((await countRisks(trx, organisationId, assessmentId)) >= DATASEC_LIMITS.risksPerAssessment)
      throw new ConflictError(
        `the risk assessment has ${DATASEC_LIMITS.risksPerAssessment} risks, the most it can hold`,
      );
    if (await riskWithCode(trx, assessmentId, input.code))
      throw new ValidationError('the risk has 1 problem(s); nothing was saved', [
        { path: 'code', message: `${input.code} is already a risk of this assessment` },
      ]);
    await checkResourceCodes(trx, organisationId, input.dataResourceCodes);
    const risk = cleanRisk(input);
    const id = randomUUID();
    const row: RiskItemRow = {
      id,
      assessment_id: assessmentId,
      organisation_id: organisationId,
      code: risk.code,
      status: risk.status,
      level: riskLevel(risk.likelihood, risk.impact),
      due_on: risk.dueOn ?? null,
      closed_on: risk.closedOn ?? null,
      content_enc: encryptRisk(ctx.cipher, id, risk),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertRisk(trx, row);
    await audit({
      organisationId,
      action: 'datasec.risk.create',
      entityType: 'data_risk_item',
      entityId: id,
      changes: {
        ...rowChanges(null, row),
        risk: { before: null, after: riskFacts(risk) },
      },
    });
    return row;
  });
}

/** What changes of a risk once its assessment is completed: its tracking to closure. */
const TRACKING_FIELDS = new Set([
  'status',
  'closedOn',
  'closingNote',
  'dueOn',
  'owner',
  'measures',
]);

export function updateRiskCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  riskId: string,
  patch: RiskItemPatch,
): Promise<RiskItemRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await getAssessment(trx, organisationId, assessmentId);
    const before = await getRisk(trx, organisationId, assessmentId, riskId);
    const stored = decryptRisk(ctx.cipher, before);
    const { version, ...fields } = patch;
    const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (assessment.status !== 'draft') {
      const locked = Object.keys(given).filter(
        (k) =>
          !TRACKING_FIELDS.has(k) &&
          JSON.stringify(given[k]) !== JSON.stringify(stored[k as keyof RiskItemInput]),
      );
      if (locked.length > 0)
        throw new ConflictError(
          `the risk assessment is ${assessment.status}; only the tracking of its risks changes (status, closedOn, closingNote, dueOn, owner, measures), not ${locked.join(', ')}`,
        );
    }
    const merged = RiskItemInputSchema.safeParse({ ...stored, ...given });
    if (!merged.success)
      throw new ValidationError(
        `the risk has ${merged.error.issues.length} problem(s); nothing was saved`,
        detailsFromZodIssues(merged.error.issues),
      );
    const risk = cleanRisk(merged.data);
    if (risk.code !== before.code) {
      const other = await riskWithCode(trx, assessmentId, risk.code);
      if (other && other.id !== riskId)
        throw new ValidationError('the risk has 1 problem(s); nothing was saved', [
          { path: 'code', message: `${risk.code} is already a risk of this assessment` },
        ]);
    }
    await checkResourceCodes(
      trx,
      organisationId,
      risk.dataResourceCodes,
      new Set(stored.dataResourceCodes),
    );
    const after = await updateRiskColumns(
      trx,
      organisationId,
      assessmentId,
      riskId,
      version,
      {
        code: risk.code,
        status: risk.status,
        level: riskLevel(risk.likelihood, risk.impact),
        due_on: risk.dueOn ?? null,
        closed_on: risk.closedOn ?? null,
        content_enc: encryptRisk(ctx.cipher, riskId, risk),
      },
      now,
    );
    const changedFields = Object.keys(given).filter(
      (k) => JSON.stringify(given[k]) !== JSON.stringify(stored[k as keyof RiskItemInput]),
    );
    await audit({
      organisationId,
      action: 'datasec.risk.update',
      entityType: 'data_risk_item',
      entityId: riskId,
      changes: {
        ...rowChanges(before, after),
        fields_changed: { before: null, after: changedFields },
      },
    });
    return after;
  });
}

export function deleteRiskCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  riskId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const assessment = await getAssessment(trx, organisationId, assessmentId);
    const row = await getRisk(trx, organisationId, assessmentId, riskId);
    if (assessment.status !== 'draft')
      throw new ConflictError(
        `the risk assessment is ${assessment.status}; its risks are tracked to closure (status closed or accepted), not deleted`,
      );
    if (!(await deleteRisk(trx, organisationId, assessmentId, riskId)))
      throw new ConflictError('the risk changed meanwhile; reload and try again');
    await audit({
      organisationId,
      action: 'datasec.risk.delete',
      entityType: 'data_risk_item',
      entityId: riskId,
      changes: rowChanges(row, null),
    });
  });
}
