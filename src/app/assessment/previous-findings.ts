/**
 * 上次测评问题整改情况: the previous assessment's findings with their rectification state and the
 * item's outcome in the new assessment (see previous.ts for starting from the previous one).
 */
import { itemOutcomes } from '../../domain/mlps/assessment/scoring';
import type { ItemResultCode, RectificationStatusCode } from '../../shared/api-types';
import type { PreviousFindingsDto } from '../../shared/compensation-schemas';
import {
  getAssessment,
  listRectifications,
  listResults,
  listTestObjects,
} from '../../store/repositories/assessments.repository';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { compensatedResults, resultRecords } from './compensations';
import { baselineOf, scoringRequirements, testObjectsOf } from './model';
import { currentFindings } from './queries';

/**
 * 上次测评问题整改情况: the findings of the assessment this one started from, with their risk,
 * rectification state and the item's outcome now. `previous` is null when it started from none.
 */
export async function previousFindingsQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
): Promise<PreviousFindingsDto> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const assessment = await getAssessment(db, organisationId, assessmentId, systemIds);
  if (!assessment.previous_assessment_id) return { previous: null, items: [], total: 0 };
  const previous = await db
    .selectFrom('assessments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', assessment.previous_assessment_id)
    .executeTakeFirst();
  if (!previous) return { previous: null, items: [], total: 0 };
  const [findings, rectifications, objects, results] = await Promise.all([
    currentFindings(ctx, db, previous),
    listRectifications(db, organisationId, { assessmentId: previous.id }),
    listTestObjects(db, assessment.id),
    listResults(db, assessment.id),
  ]);
  const rectBy = new Map(rectifications.map((r) => [r.requirement_id, r]));
  // The item's outcome now (with this assessment's compensations).
  const baseline = baselineOf(assessment);
  const now = await compensatedResults(db, assessment, objects, resultRecords(results));
  const outcomes = new Map(
    itemOutcomes({
      requirements: scoringRequirements(baseline),
      objects: testObjectsOf(objects),
      results: now.results,
    }).map((o) => [o.requirementId, o.result]),
  );
  const items: PreviousFindingsDto['items'] = findings.map((f) => {
    const rect = rectBy.get(f.requirementId);
    return {
      requirementId: f.requirementId,
      clause: f.clause,
      category: f.category,
      title: f.title,
      result: f.result,
      risk: f.effectiveRisk,
      objects: f.objects
        .filter((o) => o.result === 'partial' || o.result === 'non_compliant')
        .map((o) => o.name),
      description: f.description,
      rectification: rect
        ? {
            id: rect.id,
            status: rect.status as RectificationStatusCode,
            retestResult: (rect.retest_result as ItemResultCode | null) ?? null,
            closedOn: rect.closed_on,
          }
        : null,
      currentResult: (outcomes.get(f.requirementId) as ItemResultCode | undefined) ?? null,
    };
  });
  return {
    previous: {
      id: previous.id,
      title: previous.title,
      reportDate: previous.report_date,
      reportNumber: previous.report_number,
    },
    items,
    total: items.length,
  };
}
