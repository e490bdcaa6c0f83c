/**
 * 备案表: the system's detail (profile, reviews, filings, events, attachments), the organisation's
 * objects (总数, per level, this one's place for 表二（k/n）), the latest level assessment with
 * its conclusion, and the grading recorder's name, to the builder.
 */
import {
  assessmentOfEvent,
  type FilingAssessment,
} from '../../reports/documents/filing-form/input';
import { buildFilingForm } from '../../reports/documents/filing-form';
import type { ReportDocument } from '../../reports/model';
import type { SystemDetailDto } from '../../shared/api-types';
import { listAssessments } from '../../store/repositories/assessments.repository';
import type { AssessmentRow } from '../../store/schema';
import { scoreQuery } from '../assessment/queries';
import { assertSystemVisible, inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { getSystemDetail } from '../systems/detail';
import { countsByLevel, type DocumentSource } from './source';
import { filingInventoryQuery } from '../data-security/inventory/queries';

export async function filingFormDocument(
  { ctx, within, organisation, overrides, lang, asOf }: DocumentSource,
  systemId: string,
): Promise<ReportDocument> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const detail = await getSystemDetail(ctx, organisationId, systemId);
  const [levelCounts, place, assessment, recorderName, dataInventory] = await Promise.all([
    countsByLevel(ctx, organisationId),
    objectPlace(ctx, organisationId, systemId),
    latestLevelAssessment(ctx, within, detail, asOf),
    userDisplayName(ctx, detail.grading?.recordedBy ?? null),
    // 数据摸底调查表: the data inventory's rows for this object first (hand-entered as fallback).
    filingInventoryQuery(ctx, within, systemId),
  ]);
  return buildFilingForm(
    {
      organisation,
      detail,
      levelCounts,
      objectCount: place.total,
      position: place.position,
      assessment,
      recorderName,
      date: asOf,
      overrides,
      dataInventory,
    },
    lang,
  );
}

/**
 * The object's place among the organisation's grading objects (表二（k/n）): in the order they
 * were registered (by name within the same instant), so the numbering stays put as objects are
 * added.
 */
async function objectPlace(
  ctx: AppContext,
  organisationId: string,
  systemId: string,
): Promise<{ position: number; total: number }> {
  const rows = await ctx.store.db
    .selectFrom('systems')
    .select(['id', 'name', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .execute();
  // Sorted here, not in SQL: the same order under SQLite and PostgreSQL collations.
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => byCode(a.created_at, b.created_at) || byCode(a.name, b.name));
  return { position: rows.findIndex((r) => r.id === systemId) + 1, total: rows.length };
}

const assessmentDate = (r: AssessmentRow): string =>
  r.report_date ?? r.period_end ?? r.updated_at.slice(0, 10);

/**
 * The latest level assessment: the newest completed one in dengbao (with the engine's conclusion)
 * or the newest mlps_assessment event, whichever is later (dengbao's on the same day); else an
 * assessment under way (its agency only); else none.
 */
async function latestLevelAssessment(
  ctx: AppContext,
  within: OrgScope,
  detail: SystemDetailDto,
  asOf: string,
): Promise<FilingAssessment | null> {
  const { organisationId } = inScope(within);
  const rows = await listAssessments(ctx.store.db, organisationId, {
    systemId: detail.system.id,
  });
  const completed = rows
    .filter((r) => r.status === 'completed')
    .sort((a, b) => assessmentDate(b).localeCompare(assessmentDate(a)))[0];
  const event = detail.events
    .filter((e) => e.kind === 'mlps_assessment')
    .sort((a, b) => b.completedOn.localeCompare(a.completedOn))[0];
  if (completed && (!event || assessmentDate(completed) >= event.completedOn)) {
    const score = await scoreQuery(ctx, within, completed.id, asOf);
    return {
      kind: 'assessment',
      agency: completed.agency,
      reportNumber: completed.report_number,
      reportDate: completed.report_date ?? completed.period_end,
      status: 'completed',
      score: score.before,
    };
  }
  if (event) return assessmentOfEvent(event);
  const current = rows.find((r) => r.status !== 'completed');
  if (!current) return null;
  return {
    kind: 'assessment',
    agency: current.agency,
    reportNumber: current.report_number,
    reportDate: current.report_date,
    status: 'in_progress',
    score: null,
  };
}

/** A user's display name for a recorded-by label (a user name); null for `cli` and tokens. */
async function userDisplayName(ctx: AppContext, recordedBy: string | null): Promise<string | null> {
  if (!recordedBy || recordedBy === 'cli' || recordedBy.startsWith('token:')) return null;
  const row = await ctx.store.db
    .selectFrom('users')
    .select('display_name')
    .where('username', '=', recordedBy)
    .executeTakeFirst();
  return row?.display_name ?? null;
}
