/**
 * Read models of level assessments: the workbook grid, findings with risk suggestions, major
 * risks, scores before and after rectification, rectification lists and dashboards. One scoring
 * function (src/domain/mlps/assessment/scoring.ts) serves the UI, the API, the CLI and reports.
 */
import type { Kysely } from 'kysely';
import { deriveFindings, suggestRisk } from '../../domain/mlps/assessment/findings';
import {
  CONCLUSION_ZH,
  scoreAssessment,
  type ProblemState,
  type ScoreResult,
} from '../../domain/mlps/assessment/scoring';
import type { ItemResult, ResultRecord, RiskLevel } from '../../domain/mlps/assessment/types';
import { decryptNullable } from '../../security/field-crypto';
import type {
  AssessmentDashboardDto,
  AssessmentDto,
  AssessmentScoreDto,
  CaseObservationDto,
  FindingDto,
  MajorRiskDto,
  RectificationStatusCode,
  ScoreResultDto,
  WorkbookDto,
  WorkbookProgressDto,
  WorkbookRowDto,
} from '../../shared/api-types';
import {
  assessmentRevision,
  evidenceCounts,
  getAssessment,
  listAssessments,
  listFindingNotes,
  listMajorRisks,
  listRectifications,
  listResults,
  listTestObjects,
} from '../../store/repositories/assessments.repository';
import type {
  AssessmentResultRow,
  AssessmentRow,
  Database,
  RectificationItemRow,
} from '../../store/schema';
import {
  baselineOf,
  itemsForObject,
  presentAssessment,
  presentAssessmentSummary,
  scoringRequirements,
  testObjectsOf,
  type FixedBaselineItem,
} from './model';
import { highRiskCaseList } from '../catalog-queries';
import { candidatesForAssessment, withVerificationObservations } from './verification';
import { compensatedResults } from './compensations';
import { previousResultsByKey } from './previous';
import { wordingForLevel } from './wording';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { NotFoundError } from '../../errors';

type Db = Kysely<Database>;

export async function systemNames(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('systems')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The workbook: every baseline requirement × every test object that answers its category. */
export async function workbookQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
): Promise<WorkbookDto> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const assessment = await getAssessment(db, organisationId, assessmentId, systemIds);
  const [objects, results, evidence, names, wording] = await Promise.all([
    listTestObjects(db, assessmentId),
    listResults(db, assessmentId),
    evidenceCounts(db, assessmentId),
    systemNames(db, organisationId),
    wordingForLevel(ctx, organisationId, assessment.level),
  ]);
  const byKey = new Map(results.map((r) => [`${r.requirement_id}\u0000${r.object_id}`, r]));
  const previous = await previousResultsByKey(ctx, db, assessment);
  const rows: WorkbookRowDto[] = [];
  const progress = new Map<string, WorkbookProgressDto>();
  for (const object of objects) {
    for (const item of itemsForObject(baselineOf(assessment), object)) {
      const key = `${item.id}\u0000${object.id}`;
      const stored = byKey.get(key);
      rows.push({
        requirementId: item.id,
        objectId: object.id,
        extension: item.extension,
        category: item.category,
        controlPointId: item.controlPointId,
        controlPoint: item.controlPoint,
        clause: item.clause,
        testId: item.testId,
        weight: item.weight,
        title: item.title,
        text: item.text,
        standardText: wording.get(item.id) ?? null,
        result: (stored?.result as ItemResult | undefined) ?? null,
        record: decryptNullable(ctx.cipher, stored?.record_enc ?? null, {
          table: 'assessment_results',
          column: 'record_enc',
          rowId: [assessmentId, item.id, object.id],
        }),
        reason: decryptNullable(ctx.cipher, stored?.reason_enc ?? null, {
          table: 'assessment_results',
          column: 'reason_enc',
          rowId: [assessmentId, item.id, object.id],
        }),
        recordedBy: stored?.recorded_by ?? null,
        recordedAt: stored?.recorded_at ?? null,
        reviewedBy: stored?.reviewed_by ?? null,
        reviewedAt: stored?.reviewed_at ?? null,
        evidenceCount: evidence.get(key) ?? 0,
        version: stored?.version ?? 0,
        previous: previous.get(`${item.id}\u0000${object.name}`) ?? null,
      });
      const p = progress.get(item.category) ?? {
        category: item.category,
        rows: 0,
        answered: 0,
        reviewed: 0,
      };
      p.rows += 1;
      if (stored) p.answered += 1;
      if (stored?.reviewed_by) p.reviewed += 1;
      progress.set(item.category, p);
    }
  }
  return {
    assessment: presentAssessment(
      assessment,
      names.get(assessment.system_id) ?? '',
      objects,
      ctx.catalog,
    ),
    rows,
    progress: [...progress.values()],
  };
}

/** Findings of the assessment's current results, with the assessor's notes and suggestions. */
export async function currentFindings(
  ctx: AppContext,
  db: Db,
  assessment: AssessmentRow,
): Promise<FindingDto[]> {
  const [objects, results, notes, rectifications] = await Promise.all([
    listTestObjects(db, assessment.id),
    listResults(db, assessment.id),
    listFindingNotes(db, assessment.id),
    listRectifications(db, assessment.organisation_id, { assessmentId: assessment.id }),
  ]);
  const baseline = baselineOf(assessment);
  const records: ResultRecord[] = results.map((r) => ({
    requirementId: r.requirement_id,
    objectId: r.object_id,
    result: r.result as ItemResult,
  }));
  const items = new Map(baseline.map((i) => [i.id, i]));
  const objectNames = new Map(objects.map((o) => [o.id, o.name]));
  const noteBy = new Map(notes.map((n) => [n.requirement_id, n]));
  const rectBy = new Map(rectifications.map((r) => [r.requirement_id, r]));
  const allCases = highRiskCaseList(ctx.catalog);
  // 整体测评: findings follow the compensated results; the recorded ones are shown beside them.
  const compensated = await compensatedResults(db, assessment, objects, records);
  const originals = new Map(
    compensated.adjustments.map((a) => [`${a.requirementId}\u0000${a.objectId}`, a.original]),
  );
  const findings = deriveFindings(
    scoringRequirements(baseline),
    testObjectsOf(objects),
    compensated.results,
  );
  // Exploitable high vulnerabilities found by a scan or penetration test on a failing object
  // count as observed symptoms of their guide case (6.4.3.2) for the suggestion.
  const scanned = await candidatesForAssessment(ctx, db, assessment, objects);
  return findings.map((f) => {
    const item = items.get(f.requirementId) as FixedBaselineItem;
    const note = noteBy.get(f.requirementId);
    const observations = note ? (JSON.parse(note.observations) as CaseObservationDto[]) : [];
    const cases = ctx.catalog.highRiskCasesByRequirement.get(f.requirementId) ?? [];
    const suggestion = suggestRisk(
      f,
      assessment.level,
      cases,
      withVerificationObservations(observations, scanned, f.requirementId, f.objectIds),
    );
    const confirmed = (note?.risk as RiskLevel | null | undefined) ?? null;
    const rect = rectBy.get(f.requirementId);
    return {
      requirementId: f.requirementId,
      clause: item.clause,
      category: item.category,
      extension: item.extension,
      controlPoint: item.controlPoint,
      title: item.title,
      result: f.result,
      objects: f.objects.map((o) => {
        const original = originals.get(`${f.requirementId}\u0000${o.objectId}`);
        return {
          id: o.objectId,
          name: objectNames.get(o.objectId) ?? o.objectId,
          result: o.result,
          ...(original !== undefined ? { originalResult: original } : {}),
        };
      }),
      failingObjectCount: f.objectIds.length,
      majorRiskTrigger: majorTriggerFor(ctx, suggestion.caseId, confirmed ?? suggestion.risk),
      suggested: {
        risk: suggestion.risk,
        reason: suggestion.reason,
        caseId: suggestion.caseId ?? null,
      },
      risk: confirmed,
      effectiveRisk: confirmed ?? suggestion.risk,
      observations,
      description: decryptNullable(ctx.cipher, note?.description_enc ?? null, {
        table: 'finding_notes',
        column: 'description_enc',
        rowId: [assessment.id, f.requirementId],
      }),
      confirmedBy: note?.confirmed_by ?? null,
      confirmedAt: note?.confirmed_at ?? null,
      highRiskCases: allCases.filter(
        (c) => cases.some((x) => x.id === c.id) && c.minLevel <= Math.min(assessment.level, 4),
      ),
      rectification: rect ? { id: rect.id, status: rect.status as RectificationStatusCode } : null,
      version: note?.version ?? 0,
    };
  });
}

/**
 * The 重大风险隐患 trigger a high-risk finding's guide case corresponds to (one high-risk problem
 * can trigger one: 公网安〔2025〕1846号 Q19), for the assessor to judge; null otherwise.
 */
function majorTriggerFor(
  ctx: AppContext,
  caseId: string | undefined,
  risk: RiskLevel,
): { id: string; title: { zh: string; en: string } } | null {
  if (risk !== 'high' || caseId === undefined) return null;
  const trigger = ctx.catalog.majorRiskTriggers.find((t) => t.highRiskCases.includes(caseId));
  return trigger ? { id: trigger.id, title: trigger.title } : null;
}

export async function findingsQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
): Promise<FindingDto[]> {
  const { organisationId, systemIds } = inScope(within);
  const assessment = await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
  return currentFindings(ctx, ctx.store.db, assessment);
}

export async function majorRisksQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
): Promise<MajorRiskDto[]> {
  const { organisationId, systemIds } = inScope(within);
  await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
  const rows = await listMajorRisks(ctx.store.db, assessmentId);
  return rows.map((r) => ({
    id: r.id,
    triggerId: r.trigger_id,
    title: ctx.catalog.majorRiskTriggers.find((t) => t.id === r.trigger_id)?.title ?? {
      zh: r.trigger_id,
      en: r.trigger_id,
    },
    note: decryptNullable(ctx.cipher, r.note_enc, {
      table: 'major_risks',
      column: 'note_enc',
      rowId: r.id,
    }),
    rectified: r.rectified === 1,
    rectifiedOn: r.rectified_on,
    version: r.version,
  }));
}

/**
 * The score as assessed and after rectification: verified items' re-test results replace the
 * failing rows of their requirement, and their problems are closed. The report date chooses the
 * policy; without one, `asOf` stands in.
 */
export async function scoreQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  asOf: string,
  db: Db = ctx.store.db,
): Promise<AssessmentScoreDto> {
  const { organisationId, systemIds } = inScope(within);
  const assessment = await getAssessment(db, organisationId, assessmentId, systemIds);
  const [objects, results, findings, majors, rectifications] = await Promise.all([
    listTestObjects(db, assessmentId),
    listResults(db, assessmentId),
    currentFindings(ctx, db, assessment),
    listMajorRisks(db, assessmentId),
    listRectifications(db, organisationId, { assessmentId }),
  ]);
  const reportDate = assessment.report_date ?? asOf;
  const requirements = scoringRequirements(baselineOf(assessment));
  const testObjects = testObjectsOf(objects);
  const recorded: ResultRecord[] = results.map((r) => ({
    requirementId: r.requirement_id,
    objectId: r.object_id,
    result: r.result as ItemResult,
  }));
  // 整体测评: compensated results count, and the conclusion names them.
  const compensated = await compensatedResults(db, assessment, objects, recorded);
  const records = compensated.results;
  const compensations = compensated.adjustments;
  const verified = new Map(
    rectifications
      .filter((r) => r.status === 'verified' && r.retest_result)
      .map((r) => [r.requirement_id, r.retest_result as ItemResult]),
  );
  const problemsBefore: ProblemState[] = findings.map((f) => ({
    risk: f.effectiveRisk,
    closed: false,
  }));
  const problemsAfter: ProblemState[] = findings.map((f) => ({
    risk: f.effectiveRisk,
    closed: verified.has(f.requirementId),
  }));
  const recordsAfter = records.map((r) =>
    verified.has(r.requirementId) && (r.result === 'partial' || r.result === 'non_compliant')
      ? { ...r, result: verified.get(r.requirementId) as ItemResult }
      : r,
  );
  const majorRisks = majors.map((m) => ({ rectified: m.rectified === 1 }));
  const before = scoreAssessment({
    requirements,
    objects: testObjects,
    results: records,
    problems: problemsBefore,
    majorRisks: majorRisks.map(() => ({ rectified: false })),
    reportDate,
    compensations,
  });
  const after = scoreAssessment({
    requirements,
    objects: testObjects,
    results: recordsAfter,
    problems: problemsAfter,
    majorRisks,
    reportDate,
    compensations,
  });
  // The 2025 template prints major risks as "N（M个已整改）" in both views.
  return {
    assessmentId,
    reportDate,
    before: presentScore({
      ...before,
      majorRisks: after.majorRisks,
      majorRiskLabel: after.majorRiskLabel,
    }),
    after: presentScore(after),
  };
}

export function presentScore(score: ScoreResult): ScoreResultDto {
  return {
    policy: score.policy,
    params: { ...score.params } as Record<string, string | number | boolean>,
    value: score.value,
    conclusion: score.conclusion,
    conclusionZh: CONCLUSION_ZH[score.conclusion],
    reasons: [...score.reasons],
    counts: { ...score.counts },
    risks: {
      high: { ...score.risks.high },
      medium: { ...score.risks.medium },
      low: { ...score.risks.low },
    },
    majorRisks: { ...score.majorRisks },
    majorRiskLabel: score.majorRiskLabel,
    onBoundary: score.onBoundary,
    provisional: score.provisional,
    headline: { ...score.headline },
    byCategory: score.byCategory.map((c) => ({ ...c })),
  };
}

/**
 * Per system: the latest assessment's conclusion before/after rectification, the next
 * assessment due (level 3+ yearly from the last report, 公网安〔2025〕1846号 Q11) and the
 * rectification counts; for the organisation, a weekly burndown of open items.
 */
export async function dashboardQuery(
  ctx: AppContext,
  within: OrgScope,
  today: string,
): Promise<AssessmentDashboardDto> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  let systemsQ = db
    .selectFrom('systems')
    .select(['id', 'name', 'level'])
    .where('organisation_id', '=', organisationId);
  if (systemIds) {
    if (systemIds.length === 0) return { systems: [], burndown: [], risks: emptyRisks() };
    systemsQ = systemsQ.where('id', 'in', [...systemIds]);
  }
  const systems = await systemsQ.orderBy('name').execute();
  const assessments = await listAssessments(db, organisationId, {
    systemIds: systems.map((s) => s.id),
  });
  const rectifications = await listRectifications(db, organisationId, {
    systemIds: systems.map((s) => s.id),
  });
  const risks = emptyRisks();
  const out: AssessmentDashboardDto['systems'] = [];
  for (const s of systems) {
    const latest = assessments
      .filter((a) => a.system_id === s.id)
      .sort((a, b) =>
        (b.report_date ?? b.created_at).localeCompare(a.report_date ?? a.created_at),
      )[0];
    let latestDto: AssessmentDashboardDto['systems'][number]['latest'] = null;
    if (latest) {
      const score = await scoreQuery(ctx, organisationId, latest.id, today);
      for (const level of ['high', 'medium', 'low'] as const) {
        risks[level].total += score.after.risks[level].total;
        risks[level].open += score.after.risks[level].open;
      }
      latestDto = {
        assessmentId: latest.id,
        title: latest.title,
        reportDate: latest.report_date,
        score: score.before,
        scoreAfter: score.after,
      };
    }
    const counts = { open: 0, in_progress: 0, fixed: 0, verified: 0, risk_accepted: 0, overdue: 0 };
    for (const r of rectifications.filter((x) => x.system_id === s.id)) {
      counts[r.status as RectificationStatusCode] += 1;
      if (
        r.status !== 'verified' &&
        r.status !== 'risk_accepted' &&
        r.due_date &&
        r.due_date < today
      ) {
        counts.overdue += 1;
      }
    }
    out.push({
      systemId: s.id,
      systemName: s.name,
      level: s.level,
      latest: latestDto,
      nextAssessmentDue:
        latest?.report_date && (s.level ?? 0) >= 3 ? addYears(latest.report_date, 1) : null,
      rectification: counts,
    });
  }
  return { systems: out, burndown: burndown(rectifications, today), risks };
}

function burndown(
  rows: readonly RectificationItemRow[],
  today: string,
): AssessmentDashboardDto['burndown'] {
  if (rows.length === 0) return [];
  const start = rows.map((r) => r.created_at.slice(0, 10)).sort()[0] as string;
  const points: AssessmentDashboardDto['burndown'] = [];
  for (let date = start; ; date = addDays(date, 7)) {
    const at = date > today ? today : date;
    const created = rows.filter((r) => r.created_at.slice(0, 10) <= at);
    const closed = created.filter((r) => r.closed_on !== null && r.closed_on <= at).length;
    points.push({ date: at, open: created.length - closed, closed });
    if (at >= today || points.length > 260) break;
  }
  return points;
}

function emptyRisks(): Record<RiskLevel, { total: number; open: number }> {
  return { high: { total: 0, open: 0 }, medium: { total: 0, open: 0 }, low: { total: 0, open: 0 } };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** The level assessments the caller may see (optionally of one system), newest first. */
export async function assessmentsQuery(
  ctx: AppContext,
  within: OrgScope,
  filter: { readonly systemId?: string | undefined } = {},
) {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const rows = await listAssessments(db, organisationId, { systemId: filter.systemId, systemIds });
  const names = await systemNames(db, organisationId);
  const items = rows.map((r) =>
    presentAssessmentSummary(r, names.get(r.system_id) ?? '', ctx.catalog),
  );
  return { items, total: items.length };
}

/** One assessment with its test objects; NOT_FOUND outside the caller's scope. */
export async function assessmentQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
): Promise<AssessmentDto> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const row = await getAssessment(db, organisationId, assessmentId, systemIds);
  const names = await systemNames(db, organisationId);
  return presentAssessment(
    row,
    names.get(row.system_id) ?? '',
    await listTestObjects(db, row.id),
    ctx.catalog,
  );
}

/** The assessment's revision (every change bumps it), to serve a cached workbook; NOT_FOUND outside the scope. */
export async function workbookRevisionQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
): Promise<number> {
  const { organisationId, systemIds } = inScope(within);
  const current = await assessmentRevision(ctx.store.db, organisationId, assessmentId, systemIds);
  if (!current) throw new NotFoundError('assessment', assessmentId);
  return current.revision;
}

/** A stored result as the API shows it (record and reason decrypted). */
export function presentResult(ctx: Pick<AppContext, 'cipher'>, row: AssessmentResultRow) {
  const rowId = [row.assessment_id, row.requirement_id, row.object_id];
  return {
    requirementId: row.requirement_id,
    objectId: row.object_id,
    result: row.result,
    record: decryptNullable(ctx.cipher, row.record_enc, {
      table: 'assessment_results',
      column: 'record_enc',
      rowId,
    }),
    reason: decryptNullable(ctx.cipher, row.reason_enc, {
      table: 'assessment_results',
      column: 'reason_enc',
      rowId,
    }),
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    version: row.version,
  };
}

/** One assessment's summary (list row); NOT_FOUND outside the caller's scope. */
export async function assessmentSummaryQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
) {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const row = await getAssessment(db, organisationId, assessmentId, systemIds);
  const names = await systemNames(db, organisationId);
  return presentAssessmentSummary(row, names.get(row.system_id) ?? '', ctx.catalog);
}
