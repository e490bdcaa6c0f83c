/**
 * Wire schemas and response shapes of GB/T 39204-2022 capability evaluations
 * (关键信息基础设施安全保护能力评价) of a core business: the evaluation, its results (one per
 * catalog requirement, the level assessment's result vocabulary), chapter scores, findings and
 * rectification items. Shared by the server, the CLI and the web UI.
 */
import { z } from 'zod';
import { label, say } from './vocabulary';
import type {
  Bilingual,
  CapabilityChapterId,
  CapabilityChapterKey,
  CapabilityClause,
  CapabilityProvenance,
  Principle,
} from '../catalogs/cii-capability-catalog.schema';
import type { VerificationStatus } from '../catalogs/knowledge-base.schema';
import { ITEM_RESULTS, RESULTS_NEEDING_REASON, type ItemResult } from './assessment-vocabulary';
import { IsoDateSchema, MAX_INT } from './schemas';

const name = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is limited to ${max} characters`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `limited to ${max} characters`).nullable().optional();

/** A GB/T 39204 clause or item id such as `6.1` or `7.9-j`. */
export const CapabilityRequirementIdSchema = z
  .string()
  .regex(
    /^(?:[6-9]|1[01])\.\d{1,2}(?:-[a-z])?$/,
    'must be a GB/T 39204 clause or item id such as 6.1 or 7.9-j',
  );

export const CII_EVALUATION_STATUSES = ['draft', 'completed'] as const;
export type CiiEvaluationStatus = (typeof CII_EVALUATION_STATUSES)[number];
export const CII_EVALUATION_STATUS_ZH: Readonly<Record<CiiEvaluationStatus, string>> = {
  draft: '评价中',
  completed: '已完成',
};

/** 未评 in addition to the assessment results. */
export const CII_OUTCOMES = [...ITEM_RESULTS, 'not_assessed'] as const;
export type CiiOutcome = (typeof CII_OUTCOMES)[number];

export const CII_RECTIFICATION_STATUSES = ['open', 'in_progress', 'done', 'accepted'] as const;
export type CiiRectificationStatus = (typeof CII_RECTIFICATION_STATUSES)[number];
export const CII_RECTIFICATION_STATUS_ZH: Readonly<Record<CiiRectificationStatus, string>> = {
  open: '待整改',
  in_progress: '整改中',
  done: '已整改',
  accepted: '风险接受',
};

export const CiiEvaluationInputSchema = z
  .object({
    title: name(200, 'title'),
    /** Who evaluates: the operator's own team or an agency's lead evaluator. */
    evaluator: optionalText(200),
    /** The evaluation agency, when one is contracted. */
    agency: optionalText(200),
    periodStart: IsoDateSchema.nullable().optional(),
    periodEnd: IsoDateSchema.nullable().optional(),
  })
  .strict()
  .refine((a) => !a.periodStart || !a.periodEnd || a.periodStart <= a.periodEnd, {
    message: 'periodEnd must not be before periodStart',
    path: ['periodEnd'],
  });
export type CiiEvaluationInput = z.infer<typeof CiiEvaluationInputSchema>;

/** One result; `version` 0 creates it, otherwise it must equal the stored version. */
export const CiiEvaluationResultRowSchema = z
  .object({
    requirementId: CapabilityRequirementIdSchema,
    result: z.enum(ITEM_RESULTS),
    /** What was found (required for 部分符合 and 不适用: why). Stored SM4-encrypted. */
    note: optionalText(4000),
    /** What was examined (documents, records, interviews). Stored SM4-encrypted. */
    evidence: optionalText(4000),
    version: z.number().int().min(0).max(MAX_INT),
  })
  .strict()
  .superRefine((row, ctx) => {
    if (RESULTS_NEEDING_REASON.includes(row.result) && !row.note?.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        // Keyed: the server finds the code from this English text and sends the Chinese beside it.
        message: say('validation.note_required_for', reasonParams(row.result), 'en'),
      });
    }
  });
export type CiiEvaluationResultRow = z.infer<typeof CiiEvaluationResultRowSchema>;

/** Several results at once: all are written or none. */
export const CiiEvaluationResultsInputSchema = z
  .object({
    rows: z
      .array(CiiEvaluationResultRowSchema)
      .min(1, 'give at least one row')
      .max(500, 'at most 500 rows per request'),
  })
  .strict();
export type CiiEvaluationResultsInput = z.infer<typeof CiiEvaluationResultsInputSchema>;

/** Complete or reopen: the evaluation's current version. */
export const CiiEvaluationTransitionSchema = z
  .object({ version: z.number().int().positive().max(MAX_INT) })
  .strict();
export type CiiEvaluationTransition = z.infer<typeof CiiEvaluationTransitionSchema>;

export const CiiRectificationInputSchema = z
  .object({
    requirementId: CapabilityRequirementIdSchema,
    owner: optionalText(200),
    dueOn: IsoDateSchema.nullable().optional(),
    /** The rectification plan. Stored SM4-encrypted. */
    plan: optionalText(4000),
  })
  .strict();
export type CiiRectificationInput = z.infer<typeof CiiRectificationInputSchema>;

export const CiiRectificationPatchSchema = z
  .object({
    version: z.number().int().positive().max(MAX_INT),
    owner: optionalText(200),
    dueOn: IsoDateSchema.nullable().optional(),
    plan: optionalText(4000),
    status: z.enum(CII_RECTIFICATION_STATUSES).optional(),
  })
  .strict();
export type CiiRectificationPatch = z.infer<typeof CiiRectificationPatchSchema>;

// --- responses -------------------------------------------------------------------------------

export interface CapabilityScoreDto {
  readonly total: number;
  readonly counts: Readonly<Record<CiiOutcome, number>>;
  readonly assessed: number;
  readonly applicable: number;
  /** 符合 ÷ (assessed − 不适用), 0–1; null when nothing applicable is assessed. */
  readonly conformanceRate: number | null;
  /** (符合 + ½ 部分符合) ÷ (assessed − 不适用), 0–1; null likewise. */
  readonly weightedRate: number | null;
  readonly complete: boolean;
}

export interface ChapterScoreDto extends CapabilityScoreDto {
  readonly chapterId: CapabilityChapterId;
  readonly key: CapabilityChapterKey;
  readonly title: Bilingual;
}

export interface CiiEvaluationSummaryDto {
  readonly id: string;
  readonly coreBusinessId: string;
  readonly title: string;
  readonly evaluator: string | null;
  readonly agency: string | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly status: CiiEvaluationStatus;
  readonly version: number;
  readonly catalogHash: string;
  /** The shipped catalog changed since the evaluation started (results are kept by id). */
  readonly catalogChanged: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly completedBy: string | null;
  readonly completedAt: string | null;
  readonly overall: CapabilityScoreDto;
}

/** One catalog requirement with its result (version 0 and result null = 未评). */
export interface CiiEvaluationRequirementDto {
  readonly requirementId: string;
  readonly kind: 'clause' | 'item';
  readonly chapterId: CapabilityChapterId;
  readonly clauseId: string;
  readonly title: Bilingual;
  readonly provenanceStatus: VerificationStatus;
  readonly result: ItemResult | null;
  readonly note: string | null;
  readonly evidence: string | null;
  readonly recordedBy: string | null;
  readonly recordedAt: string | null;
  readonly version: number;
}

export interface CiiFindingDto {
  readonly requirementId: string;
  readonly chapterId: CapabilityChapterId;
  readonly clauseId: string;
  readonly title: Bilingual;
  readonly result: 'non_compliant' | 'partial';
  readonly provenanceStatus: VerificationStatus;
  /** Its rectification item, if one was created. */
  readonly rectificationId: string | null;
}

export interface CiiRectificationDto {
  readonly id: string;
  readonly evaluationId: string;
  readonly requirementId: string;
  readonly owner: string | null;
  readonly dueOn: string | null;
  readonly plan: string | null;
  readonly status: CiiRectificationStatus;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CiiEvaluationDetailDto extends CiiEvaluationSummaryDto {
  readonly chapters: readonly ChapterScoreDto[];
  readonly requirements: readonly CiiEvaluationRequirementDto[];
  readonly findings: readonly CiiFindingDto[];
  readonly rectifications: readonly CiiRectificationDto[];
  /** Stored results whose ids the current catalog no longer has (shown, not scored). */
  readonly orphanedResults: readonly {
    readonly requirementId: string;
    readonly result: ItemResult;
  }[];
}

export interface CapabilityCatalogDto {
  readonly standard: {
    readonly id: string;
    readonly title: Bilingual;
    readonly publishedOn: string;
    readonly effectiveFrom: string;
    readonly scope: Bilingual;
    readonly provenance: CapabilityProvenance;
    readonly principles: {
      readonly items: readonly Principle[];
      readonly provenance: CapabilityProvenance;
    };
    readonly sources: Readonly<Record<string, Bilingual>>;
  };
  readonly chapters: readonly {
    readonly id: CapabilityChapterId;
    readonly key: CapabilityChapterKey;
    readonly title: Bilingual;
    readonly summary: Bilingual;
    readonly provenance: CapabilityProvenance;
    readonly clauses: readonly CapabilityClause[];
    readonly requirementIds: readonly string[];
  }[];
  readonly counts: {
    readonly requirements: number;
    readonly nodes: Readonly<Record<VerificationStatus, number>>;
    readonly keyPoints: Readonly<Record<VerificationStatus, number>>;
  };
  readonly catalogHash: string;
}

/** The params naming a result that needs a reason: 部分符合 (partial), 不适用 (not applicable). */
function reasonParams(result: ItemResult): { resultZh: string; result: string } {
  return {
    resultZh: label('item_result', result, 'zh'),
    result: result === 'not_applicable' ? 'not applicable' : result,
  };
}
