/**
 * Reading GB/T 39204-2022 capability evaluations: the catalog as served to the UI, evaluations
 * of a core business with their scores, one evaluation with its results, findings and
 * rectification items, and scoring a plain results file (the CLI's `cii capability score`).
 *
 * The catalog is not part of AppContext: it is loaded lazily here (cached per process, a few
 * milliseconds).
 */
import type { Kysely } from 'kysely';
import { loadCiiCapabilityCatalog } from '../../catalogs/cii-capability-catalog';
import type { CiiCapabilityCatalog } from '../../catalogs/cii-capability-catalog.schema';
import { scoreCapabilityEvaluation, type EvaluationScore } from '../../domain/cii/capability';
import { ValidationError, type ErrorDetail } from '../../errors';
import { decryptNullable } from '../../security/field-crypto';
import { ITEM_RESULTS, type ItemResult } from '../../shared/assessment-vocabulary';
import type {
  CapabilityCatalogDto,
  CiiEvaluationDetailDto,
  CiiEvaluationRequirementDto,
  CiiEvaluationStatus,
  CiiEvaluationSummaryDto,
  CiiRectificationDto,
  CiiRectificationStatus,
} from '../../shared/cii-evaluation-schemas';
import {
  getEvaluatedBusiness,
  getEvaluation,
  listEvaluationRectifications,
  listEvaluationResults,
  listEvaluations,
  resultsOfEvaluations,
} from '../../store/repositories/cii-evaluations.repository';
import type { CiiEvaluationRectificationRow, CiiEvaluationRow, Database } from '../../store/schema';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';

/** The shipped GB/T 39204 catalog (validated and cached on first use). */
export function capabilityCatalog(): CiiCapabilityCatalog {
  return loadCiiCapabilityCatalog();
}

/** The catalog tree with provenance, optionally one chapter only. */
export function capabilityCatalogQuery(chapterId?: string): CapabilityCatalogDto {
  const catalog = capabilityCatalog();
  const chapters = catalog.chapters.filter((c) => chapterId === undefined || c.id === chapterId);
  if (chapterId !== undefined && chapters.length === 0) {
    throw new ValidationError('unknown chapter', [
      {
        path: 'chapter',
        message: `${chapterId} is not a chapter; use one of ${catalog.chapters.map((c) => c.id).join(', ')}`,
      },
    ]);
  }
  return {
    standard: catalog.standard,
    chapters: chapters.map((c) => ({
      id: c.id,
      key: c.key,
      title: c.title,
      summary: c.summary,
      provenance: c.provenance,
      clauses: c.clauses,
      requirementIds: c.requirements.map((r) => r.id),
    })),
    counts: {
      requirements: catalog.requirements.length,
      nodes: catalog.provenanceCounts.nodes,
      keyPoints: catalog.provenanceCounts.keyPoints,
    },
    catalogHash: catalog.sourceHash,
  };
}

function resultMap(
  rows: readonly { requirement_id: string; result: string }[],
): Map<string, ItemResult> {
  return new Map(rows.map((r) => [r.requirement_id, r.result as ItemResult]));
}

export function presentEvaluationSummary(
  row: CiiEvaluationRow,
  score: EvaluationScore,
  catalog: CiiCapabilityCatalog,
): CiiEvaluationSummaryDto {
  return {
    id: row.id,
    coreBusinessId: row.core_business_id,
    title: row.title,
    evaluator: row.evaluator,
    agency: row.agency,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status as CiiEvaluationStatus,
    version: row.version,
    catalogHash: row.catalog_hash,
    catalogChanged: row.catalog_hash !== catalog.sourceHash,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedBy: row.completed_by,
    completedAt: row.completed_at,
    overall: score.overall,
  };
}

export function presentRectification(
  ctx: Pick<AppContext, 'cipher'>,
  row: CiiEvaluationRectificationRow,
): CiiRectificationDto {
  return {
    id: row.id,
    evaluationId: row.evaluation_id,
    requirementId: row.requirement_id,
    owner: row.owner,
    dueOn: row.due_on,
    plan: decryptNullable(ctx.cipher, row.plan_enc, {
      table: 'cii_evaluation_rectifications',
      column: 'plan_enc',
      rowId: row.id,
    }),
    status: row.status as CiiRectificationStatus,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Evaluations of a core business (NOT_FOUND if it is not the organisation's), newest first. */
export async function listCiiEvaluationsQuery(
  ctx: AppContext,
  within: OrgScope,
  businessId: string,
  db: Kysely<Database> = ctx.store.db,
): Promise<{ items: CiiEvaluationSummaryDto[]; total: number }> {
  const { organisationId } = inScope(within);
  await getEvaluatedBusiness(db, organisationId, businessId);
  const catalog = capabilityCatalog();
  const rows = await listEvaluations(db, organisationId, businessId);
  const results = await resultsOfEvaluations(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((row) =>
    presentEvaluationSummary(
      row,
      scoreCapabilityEvaluation(catalog, resultMap(results.get(row.id) ?? [])),
      catalog,
    ),
  );
  return { items, total: items.length };
}

/** One evaluation: every catalog requirement with its result, chapter scores, findings, rectification. */
export async function ciiEvaluationDetailQuery(
  ctx: AppContext,
  within: OrgScope,
  evaluationId: string,
  db: Kysely<Database> = ctx.store.db,
): Promise<CiiEvaluationDetailDto> {
  const { organisationId } = inScope(within);
  const row = await getEvaluation(db, organisationId, evaluationId);
  const catalog = capabilityCatalog();
  const stored = await listEvaluationResults(db, evaluationId);
  const byId = new Map(stored.map((r) => [r.requirement_id, r]));
  const score = scoreCapabilityEvaluation(catalog, resultMap(stored));
  const rectifications = (await listEvaluationRectifications(db, evaluationId)).map((r) =>
    presentRectification(ctx, r),
  );
  const rectificationOf = new Map(rectifications.map((r) => [r.requirementId, r.id]));
  const requirements: CiiEvaluationRequirementDto[] = catalog.requirements.map((req) => {
    const result = byId.get(req.id);
    return {
      requirementId: req.id,
      kind: req.kind,
      chapterId: req.chapterId,
      clauseId: req.clauseId,
      title: req.title,
      provenanceStatus: req.provenance.status,
      result: (result?.result as ItemResult | undefined) ?? null,
      note: decryptNullable(ctx.cipher, result?.note_enc, {
        table: 'cii_evaluation_results',
        column: 'note_enc',
        rowId: [evaluationId, req.id],
      }),
      evidence: decryptNullable(ctx.cipher, result?.evidence_enc, {
        table: 'cii_evaluation_results',
        column: 'evidence_enc',
        rowId: [evaluationId, req.id],
      }),
      recordedBy: result?.recorded_by ?? null,
      recordedAt: result?.recorded_at ?? null,
      version: result?.version ?? 0,
    };
  });
  return {
    ...presentEvaluationSummary(row, score, catalog),
    chapters: score.chapters,
    requirements,
    findings: score.findings.map((f) => ({
      ...f,
      rectificationId: rectificationOf.get(f.requirementId) ?? null,
    })),
    rectifications,
    orphanedResults: score.unknownRequirementIds.map((id) => ({
      requirementId: id,
      result: byId.get(id)?.result as ItemResult,
    })),
  };
}

/**
 * Scores a plain results file — `{ "<requirement id>": "<result>", … }` — against the catalog.
 * Unknown ids and results are VALIDATION_FAILED naming the key; nothing is stored.
 */
export function scoreResultsFile(data: unknown): EvaluationScore {
  const catalog = capabilityCatalog();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ValidationError('the results file must be a JSON object', [
      { path: '(root)', message: 'expected { "<requirement id>": "<result>", … }' },
    ]);
  }
  const problems: ErrorDetail[] = [];
  const results = new Map<string, ItemResult>();
  for (const [id, value] of Object.entries(data)) {
    if (!catalog.requirementsById.has(id)) {
      problems.push({
        path: id,
        message: `not a requirement of the GB/T 39204 catalog (e.g. ${catalog.requirements[0]?.id}, 7.9-j)`,
      });
    } else if (!ITEM_RESULTS.includes(value as ItemResult)) {
      problems.push({
        path: id,
        message: `result must be one of ${ITEM_RESULTS.join(', ')} (got ${JSON.stringify(value)})`,
      });
    } else {
      results.set(id, value as ItemResult);
    }
  }
  if (problems.length > 0) throw new ValidationError('the results file has problems', problems);
  return scoreCapabilityEvaluation(catalog, results);
}
