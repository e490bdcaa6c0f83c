/**
 * Reading annual data-security risk assessments: the organisation's list (with a risk summary
 * each), one assessment with its narrative, risks and the required parts still missing, the
 * risks of one assessment, and every risk of the organisation for tracking to closure.
 */
import type { Kysely } from 'kysely';
import {
  missingReportParts,
  RISK_LEVELS,
  summariseRisks,
  type RiskLevel,
  type RiskSummary,
  type TrackedRisk,
  type TrackedRiskStatus,
} from '../../../domain/data-security/risk';
import type { RiskAssessmentStatus } from '../../../shared/data-security-schemas';
import { userNames } from '../../../store/repositories/pipia.repository';
import type { Database } from '../../../store/schema';
import { inScope, type OrgScope } from '../../access';
import { beijingToday } from '../../clock';
import type { AppContext } from '../../context';
import { reportPartsFacts } from './facts';
import {
  decryptContent,
  decryptRisk,
  decryptSnapshot,
  presentRisk,
  type OrganisationRiskDto,
  type RiskAssessmentDto,
  type RiskAssessmentSummaryDto,
  type RiskItemDto,
} from './model';
import {
  getAssessment,
  listAssessments,
  listRisks,
  type RiskAssessmentRow,
  type RiskItemRow,
} from './store';

type Db = Kysely<Database>;

const tracked = (r: RiskItemDto): TrackedRisk => ({
  code: r.code,
  level: r.level,
  status: r.status as TrackedRiskStatus,
  area: r.area,
  dueOn: r.dueOn ?? null,
});

const LEVEL_RANK: Record<RiskLevel, number> = Object.fromEntries(
  RISK_LEVELS.map((l, i) => [l, RISK_LEVELS.length - i]),
) as Record<RiskLevel, number>;

/** Most severe first, then earliest due, then code. */
const byUrgency = (a: RiskItemDto, b: RiskItemDto) =>
  LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
  (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
  a.code.localeCompare(b.code);

function presentRisks(ctx: AppContext, rows: readonly RiskItemRow[]): RiskItemDto[] {
  const today = beijingToday(ctx.clock);
  return rows.map((r) => presentRisk(r, decryptRisk(ctx.cipher, r), today));
}

function summary(
  row: RiskAssessmentRow,
  risks: readonly RiskItemDto[],
  names: ReadonlyMap<string, string>,
  period: { periodFrom: string; periodTo: string },
): RiskAssessmentSummaryDto {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    status: row.status as RiskAssessmentStatus,
    periodFrom: period.periodFrom,
    periodTo: period.periodTo,
    completedOn: row.completed_on,
    completedBy: row.completed_by,
    completedByName: row.completed_by ? (names.get(row.completed_by) ?? null) : null,
    reportedOn: row.reported_on,
    risks: summariseRisks(risks.map(tracked)),
    overdueRisks: risks.filter((r) => r.overdue).length,
    version: row.version,
    createdBy: row.created_by,
    createdByName: row.created_by ? (names.get(row.created_by) ?? null) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const userIdsOf = (rows: readonly RiskAssessmentRow[]) =>
  rows.flatMap((r) => [r.created_by, r.completed_by].filter((x): x is string => !!x));

export async function listRiskAssessmentsQuery(
  ctx: AppContext,
  within: OrgScope,
  db: Db = ctx.store.db,
): Promise<{ items: RiskAssessmentSummaryDto[]; total: number }> {
  const { organisationId } = inScope(within);
  const rows = await listAssessments(db, organisationId);
  const risks = presentRisks(
    ctx,
    await listRisks(
      db,
      organisationId,
      rows.map((r) => r.id),
    ),
  );
  const names = await userNames(db, userIdsOf(rows));
  const items = rows.map((r) =>
    summary(
      r,
      risks.filter((x) => x.assessmentId === r.id),
      names,
      decryptContent(ctx.cipher, r),
    ),
  );
  return { items, total: items.length };
}

export async function presentRiskAssessment(
  ctx: AppContext,
  organisationId: string,
  row: RiskAssessmentRow,
  db: Db = ctx.store.db,
): Promise<RiskAssessmentDto> {
  const content = decryptContent(ctx.cipher, row);
  const riskRows = await listRisks(db, organisationId, [row.id]);
  const risks = presentRisks(ctx, riskRows);
  const names = await userNames(db, [
    ...userIdsOf([row]),
    ...content.reopenings.flatMap((r) => (r.userId ? [r.userId] : [])),
  ]);
  const missingParts =
    row.status === 'draft'
      ? missingReportParts(await reportPartsFacts(ctx, db, organisationId, content, risks))
      : [];
  const snapshot = decryptSnapshot(ctx.cipher, row);
  const { report, reopenings, ...input } = content;
  return {
    ...input,
    ...summary(row, risks, names, content),
    report,
    reopenings: reopenings.map((r) => ({
      ...r,
      displayName: r.userId ? (names.get(r.userId) ?? null) : null,
    })),
    missingParts,
    snapshot: snapshot
      ? {
          takenAt: snapshot.takenAt,
          resources: snapshot.resources.length,
          important: snapshot.resources.filter((r) => r.grade === 'important').length,
          core: snapshot.resources.filter((r) => r.grade === 'core').length,
          provisions: snapshot.provisions.length,
        }
      : null,
    riskItems: [...risks].sort(byUrgency),
  };
}

export async function riskAssessmentDetailQuery(
  ctx: AppContext,
  within: OrgScope,
  id: string,
  db: Db = ctx.store.db,
): Promise<RiskAssessmentDto> {
  const { organisationId } = inScope(within);
  return presentRiskAssessment(
    ctx,
    organisationId,
    await getAssessment(db, organisationId, id),
    db,
  );
}

/** The risks of one assessment, most severe first, with their summary. */
export async function assessmentRisksQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  db: Db = ctx.store.db,
): Promise<{ items: RiskItemDto[]; total: number; summary: RiskSummary }> {
  const { organisationId } = inScope(within);
  await getAssessment(db, organisationId, assessmentId);
  const items = presentRisks(ctx, await listRisks(db, organisationId, [assessmentId])).sort(
    byUrgency,
  );
  return { items, total: items.length, summary: summariseRisks(items.map(tracked)) };
}

export function presentOneRisk(ctx: AppContext, row: RiskItemRow): RiskItemDto {
  return presentRisks(ctx, [row])[0]!;
}

/**
 * Every risk of the organisation's assessments (optionally only some statuses), each with its
 * assessment's year, most severe first: the tracking list, with the summary and the overdue count.
 */
export async function organisationRisksQuery(
  ctx: AppContext,
  within: OrgScope,
  statuses: readonly string[] = [],
  db: Db = ctx.store.db,
): Promise<{
  items: OrganisationRiskDto[];
  total: number;
  summary: RiskSummary;
  overdue: number;
  asOf: string;
}> {
  const { organisationId } = inScope(within);
  const assessments = new Map(
    (await listAssessments(db, organisationId)).map((a) => [a.id, a] as const),
  );
  const items = presentRisks(ctx, await listRisks(db, organisationId, undefined, statuses))
    .sort(byUrgency)
    .map((r): OrganisationRiskDto => {
      const a = assessments.get(r.assessmentId)!;
      return {
        ...r,
        assessment: {
          id: a.id,
          year: a.year,
          title: a.title,
          status: a.status as RiskAssessmentStatus,
        },
      };
    });
  return {
    items,
    total: items.length,
    summary: summariseRisks(items.map(tracked)),
    overdue: items.filter((r) => r.overdue).length,
    asOf: beijingToday(ctx.clock),
  };
}
