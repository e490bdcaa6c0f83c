/**
 * Scoring of a GB/T 39204-2022 capability evaluation (关键信息基础设施安全保护能力评价): per chapter
 * (activity) and overall, how many requirements are 符合 / 部分符合 / 不符合 / 不适用 / 未评, the
 * conformance rate, and the findings (不符合 and 部分符合 items) that become rectification items.
 *
 * The result vocabulary is the level assessment's (src/shared/assessment-vocabulary.ts), so an
 * assessor records both kinds of evaluation the same way.
 *
 * GB/T 39204-2022 defines no score, rate formula or conclusion. In particular the MLPS conclusion
 * bands (符合 / 基本符合 / 不符合 at 90 % / 60 %, or 优 / 良 / 中 / 差) belong to the GB/T 28448
 * level-assessment report templates and are deliberately NOT applied here. The rates below are
 * plain counts for the operator's own tracking: {@link CapabilityScore.conformanceRate} counts
 * 部分符合 as 0, {@link CapabilityScore.weightedRate} as ½; 不适用 is left out of both.
 *
 * Pure: no I/O, no clock.
 */
import type {
  CapabilityChapterId,
  CapabilityChapterKey,
  Bilingual,
  CapabilityProvenance,
  CiiCapabilityCatalog,
} from '../../catalogs/cii-capability-catalog.schema';
import { ITEM_RESULTS, type ItemResult } from '../../shared/assessment-vocabulary';

/** 未评: a requirement of the catalog with no recorded result. */
export const NOT_ASSESSED = 'not_assessed' as const;
export type CapabilityOutcome = ItemResult | typeof NOT_ASSESSED;

export const CAPABILITY_OUTCOMES: readonly CapabilityOutcome[] = [...ITEM_RESULTS, NOT_ASSESSED];

export const NOT_ASSESSED_ZH = '未评';

export type OutcomeCounts = Readonly<Record<CapabilityOutcome, number>>;

export interface CapabilityScore {
  /** Assessable requirements in scope. */
  readonly total: number;
  readonly counts: OutcomeCounts;
  /** Requirements with a result (total − 未评). */
  readonly assessed: number;
  /** Assessed and applicable (assessed − 不适用): the denominator of the rates. */
  readonly applicable: number;
  /** 符合 ÷ applicable, 0–1 rounded to 4 places; null when nothing applicable is assessed. */
  readonly conformanceRate: number | null;
  /** (符合 + ½ 部分符合) ÷ applicable, 0–1 rounded to 4 places; null likewise. */
  readonly weightedRate: number | null;
  /** Every requirement has a result. */
  readonly complete: boolean;
}

export interface ChapterScore extends CapabilityScore {
  readonly chapterId: CapabilityChapterId;
  readonly key: CapabilityChapterKey;
  readonly title: Bilingual;
}

/** A requirement evaluated 不符合 or 部分符合. */
export interface CapabilityFinding {
  readonly requirementId: string;
  readonly chapterId: CapabilityChapterId;
  readonly clauseId: string;
  readonly title: Bilingual;
  readonly result: Extract<ItemResult, 'non_compliant' | 'partial'>;
  /** How well the requirement's clause id is sourced (a finding on an unverified clause needs a check). */
  readonly provenanceStatus: CapabilityProvenance['status'];
}

export interface EvaluationScore {
  readonly chapters: readonly ChapterScore[];
  readonly overall: CapabilityScore;
  /** In catalog order. */
  readonly findings: readonly CapabilityFinding[];
  /** Result keys that are not assessable requirements of this catalog (ignored in the score). */
  readonly unknownRequirementIds: readonly string[];
}

/** The results of an evaluation: requirement id → result (absent = 未评). */
export type CapabilityResults = ReadonlyMap<string, ItemResult>;

/** Scores an evaluation's results against the catalog. */
export function scoreCapabilityEvaluation(
  catalog: CiiCapabilityCatalog,
  results: CapabilityResults,
): EvaluationScore {
  const chapters: ChapterScore[] = [];
  const findings: CapabilityFinding[] = [];
  const overall = tally();
  for (const chapter of catalog.chapters) {
    const counts = tally();
    for (const requirement of chapter.requirements) {
      const result = results.get(requirement.id);
      const outcome: CapabilityOutcome = result ?? NOT_ASSESSED;
      counts[outcome] += 1;
      overall[outcome] += 1;
      if (result === 'non_compliant' || result === 'partial') {
        findings.push({
          requirementId: requirement.id,
          chapterId: chapter.id,
          clauseId: requirement.clauseId,
          title: requirement.title,
          result,
          provenanceStatus: requirement.provenance.status,
        });
      }
    }
    chapters.push({
      chapterId: chapter.id,
      key: chapter.key,
      title: chapter.title,
      ...summarise(counts),
    });
  }
  const unknownRequirementIds = [...results.keys()]
    .filter((id) => !catalog.requirementsById.has(id))
    .sort();
  return { chapters, overall: summarise(overall), findings, unknownRequirementIds };
}

function tally(): Record<CapabilityOutcome, number> {
  return Object.fromEntries(CAPABILITY_OUTCOMES.map((o) => [o, 0])) as Record<
    CapabilityOutcome,
    number
  >;
}

function summarise(counts: Record<CapabilityOutcome, number>): CapabilityScore {
  const total = CAPABILITY_OUTCOMES.reduce((n, o) => n + counts[o], 0);
  const assessed = total - counts.not_assessed;
  const applicable = assessed - counts.not_applicable;
  const rate = (value: number) =>
    applicable === 0 ? null : Math.round((value / applicable) * 10_000) / 10_000;
  return {
    total,
    counts: { ...counts },
    assessed,
    applicable,
    conformanceRate: rate(counts.compliant),
    weightedRate: rate(counts.compliant + counts.partial / 2),
    complete: counts.not_assessed === 0,
  };
}
