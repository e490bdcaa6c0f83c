/**
 * Scoring and conclusion of a level assessment, as versioned policies chosen by the report date:
 *
 * - `T2025` — 2025 report template (reports dated on/after 2025-03-20, 公网安〔2025〕1846号 Q21):
 *   compliance rate (符合率) and 符合 / 基本符合 / 不符合 (Q20), a 重大风险隐患 barring 符合.
 * - `T2021` — 2021 template: composite score (综合得分) and 优 / 良 / 中 / 差, where an open
 *   high-risk problem forces 差 and 优 also needs no open medium-risk problem.
 *
 * Every detail the sources leave open is a named parameter with its default and the reason for
 * it (see {@link T2025_DEFAULTS}, {@link T2021_DEFAULTS}); the README lists them.
 */
import type { BaselineRequirement, ItemResult, ResultRecord, RiskLevel, TestObject } from './types';
import { objectCovers } from './types';
import { compensationReason, type AppliedAdjustment } from './compensation';

export type PolicyId = 'T2025' | 'T2021';

/** First report date under the 2025 template (公网安〔2025〕1846号 Q21). */
export const T2025_FROM = '2025-03-20';

export interface T2025Params {
  /**
   * `count`: 符合 items ÷ applicable items (部分符合 counts 0; the only formula seen, in
   * third-party prompts, and what the report's 要求项符合率统计 chapter counts). `weighted`:
   * Σ weight × item score ÷ Σ weight, item score = mean over objects of 1 / 0.5 / 0.
   */
  readonly rateFormula: 'count' | 'weighted';
  /** Whether exactly 90 % / 60 % reach the higher band. The Q&A says 高于/低于 and leaves it open. */
  readonly inclusiveBoundaries: boolean;
  /** Whether a 重大风险隐患 already rectified at report time still bars 符合. */
  readonly rectifiedMajorRiskBars: boolean;
  /** Weight of items the catalog gives none (only level-3 general items have observed weights). */
  readonly missingWeight: number;
  /**
   * Whether an open high-risk problem bars 符合. One high-risk problem can trigger a 重大风险隐患
   * (公网安〔2025〕1846号 Q19) and that judgement is the assessor's: until a 重大风险隐患 is
   * recorded or the high risk is lowered or closed, dengbao does not call the system 符合.
   */
  readonly openHighRiskBars: boolean;
}

export interface T2021Params {
  /**
   * `layer-mean`: mean over the categories (layers) of Σ w × score ÷ Σ w, × 100 — the confirmed
   * pre-2021 form of M; the 2021 composite formula itself was not found. `item-weighted`: one
   * weighted mean over all applicable items.
   */
  readonly composite: 'layer-mean' | 'item-weighted';
  /** Score of 部分符合 (conventional 0.5; explicit in the pre-2021 formula). */
  readonly partialScore: number;
  readonly missingWeight: number;
}

export const T2025_DEFAULTS: T2025Params = {
  rateFormula: 'count',
  inclusiveBoundaries: true,
  rectifiedMajorRiskBars: false,
  missingWeight: 0.7,
  openHighRiskBars: true,
};

export const T2021_DEFAULTS: T2021Params = {
  composite: 'layer-mean',
  partialScore: 0.5,
  missingWeight: 0.7,
};

/** Per requirement: the merged result over its applicable test objects. */
export interface ItemOutcome {
  readonly requirementId: string;
  readonly category: BaselineRequirement['category'];
  /**
   * `unanswered` while an applicable object has no result; `untested` when no test object of
   * the assessment answers the item's category (add one, or the figure stays provisional).
   */
  readonly result: ItemResult | 'unanswered' | 'untested';
  /** Mean over non-N/A objects of 1 / partial / 0; null when not applicable or unanswered. */
  readonly score: number | null;
  readonly weight: number;
  readonly objectIds: readonly string[];
}

/** A security problem as scoring sees it: its risk and whether it is still open. */
export interface ProblemState {
  readonly risk: RiskLevel;
  /** Fixed and re-tested (rectification verified). Accepted risks stay open. */
  readonly closed: boolean;
}

export interface MajorRiskState {
  readonly rectified: boolean;
}

export interface ScoringInput {
  readonly requirements: readonly BaselineRequirement[];
  readonly objects: readonly TestObject[];
  readonly results: readonly ResultRecord[];
  readonly problems: readonly ProblemState[];
  readonly majorRisks: readonly MajorRiskState[];
  /** Report (cover) date, YYYY-MM-DD; chooses the policy. */
  readonly reportDate: string;
  /**
   * 整体测评: the results `results` already holds adjusted by compensation (see
   * compensation.ts), named in the conclusion's reasons.
   */
  readonly compensations?: readonly Pick<
    AppliedAdjustment,
    'requirementId' | 'original' | 'adjusted' | 'compensatingRequirementIds'
  >[];
}

export type Conclusion2025 = 'compliant' | 'basically_compliant' | 'non_compliant';
export type Rating2021 = 'excellent' | 'good' | 'fair' | 'poor';

export const CONCLUSION_ZH: Readonly<Record<Conclusion2025 | Rating2021, string>> = {
  compliant: '符合',
  basically_compliant: '基本符合',
  non_compliant: '不符合',
  excellent: '优',
  good: '良',
  fair: '中',
  poor: '差',
};

export interface ScoreResult {
  readonly policy: PolicyId;
  readonly params: T2025Params | T2021Params;
  /** 符合率 (T2025) or 综合得分 (T2021), 0–100, two decimals. */
  readonly value: number;
  readonly conclusion: Conclusion2025 | Rating2021;
  /** Why this conclusion, in words (zh / en). */
  readonly reasons: readonly { zh: string; en: string }[];
  readonly counts: {
    readonly items: number;
    readonly applicable: number;
    readonly compliant: number;
    readonly partial: number;
    readonly nonCompliant: number;
    readonly notApplicable: number;
    readonly unanswered: number;
    /** Items no test object answers. */
    readonly untested: number;
  };
  readonly risks: Readonly<Record<RiskLevel, { total: number; open: number }>>;
  readonly majorRisks: { readonly total: number; readonly rectified: number };
  /** e.g. "10（5个已整改）" as the 2025 template prints it. */
  readonly majorRiskLabel: string;
  /** Landed exactly on a band boundary the sources leave open. */
  readonly onBoundary: boolean;
  /** Unanswered rows or untested items: the figure is provisional. */
  readonly provisional: boolean;
  /**
   * The conclusion as one line, e.g. "基本符合 88.1%" or, while items are open,
   * "暂定：基本符合 73.53%（已测 34/211 项）" — never a bare figure over part of the items.
   */
  readonly headline: { zh: string; en: string };
  /** `value` is null where nothing in the category is applicable. */
  readonly byCategory: readonly {
    category: string;
    applicable: number;
    compliant: number;
    value: number | null;
  }[];
}

/** The policy that applies to a report dated `reportDate`. */
export function policyFor(reportDate: string): PolicyId {
  return reportDate >= T2025_FROM ? 'T2025' : 'T2021';
}

/** Merges per-object results into one outcome per requirement. */
export function itemOutcomes(
  input: Pick<ScoringInput, 'requirements' | 'objects' | 'results'>,
  partialScore = 0.5,
  missingWeight = 0.7,
): ItemOutcome[] {
  // Objects by position; results as one small code array per requirement (0 = none).
  const objectIndex = new Map<string, number>();
  input.objects.forEach((o, i) => objectIndex.set(o.id, i));
  const width = input.objects.length;
  const byRequirement = new Map<string, Uint8Array>();
  for (const r of input.results) {
    const at = objectIndex.get(r.objectId);
    if (at === undefined) continue;
    let codes = byRequirement.get(r.requirementId);
    if (codes === undefined) byRequirement.set(r.requirementId, (codes = new Uint8Array(width)));
    codes[at] = RESULT_CODE[r.result];
  }
  // Objects answering each control point: requirements of one control point share them.
  const byPoint = new Map<string, { at: number[]; ids: readonly string[] }>();
  const objectsFor = (requirement: BaselineRequirement) => {
    // A control point id belongs to one category: it alone keys the objects answering it.
    let entry = byPoint.get(requirement.controlPointId);
    if (entry === undefined) {
      const at: number[] = [];
      input.objects.forEach((o, i) => {
        if (objectCovers(o, requirement)) at.push(i);
      });
      entry = { at, ids: at.map((i) => input.objects[i]!.id) };
      byPoint.set(requirement.controlPointId, entry);
    }
    return entry;
  };
  const outcome = (
    requirement: BaselineRequirement,
    ids: readonly string[],
    result: ItemOutcome['result'],
    score: number | null,
  ): ItemOutcome => ({
    requirementId: requirement.id,
    category: requirement.category,
    weight: requirement.weight ?? missingWeight,
    objectIds: ids,
    result,
    score,
  });
  return input.requirements.map((requirement) => {
    const { at, ids } = objectsFor(requirement);
    if (at.length === 0) return outcome(requirement, ids, 'untested', null);
    const codes = byRequirement.get(requirement.id);
    if (codes === undefined) return outcome(requirement, ids, 'unanswered', null);
    let applicable = 0;
    let sum = 0;
    let compliant = 0;
    let nonCompliant = 0;
    for (const i of at) {
      const code = codes[i];
      if (code === NONE) return outcome(requirement, ids, 'unanswered', null);
      if (code === NOT_APPLICABLE) continue;
      applicable += 1;
      if (code === COMPLIANT) {
        sum += 1;
        compliant += 1;
      } else if (code === PARTIAL) {
        sum += partialScore;
      } else {
        nonCompliant += 1;
      }
    }
    if (applicable === 0) return outcome(requirement, ids, 'not_applicable', null);
    const result: ItemResult =
      compliant === applicable
        ? 'compliant'
        : nonCompliant === applicable
          ? 'non_compliant'
          : 'partial';
    return outcome(requirement, ids, result, sum / applicable);
  });
}

const NONE = 0;
const COMPLIANT = 1;
const PARTIAL = 2;
const NON_COMPLIANT = 3;
const NOT_APPLICABLE = 4;
const RESULT_CODE: Readonly<Record<ItemResult, number>> = {
  compliant: COMPLIANT,
  partial: PARTIAL,
  non_compliant: NON_COMPLIANT,
  not_applicable: NOT_APPLICABLE,
};

/**
 * Scores an assessment under the policy its report date selects (or `policy` when given).
 *
 * @example scoreAssessment(input).conclusion // 'basically_compliant'
 */
export function scoreAssessment(
  input: ScoringInput,
  overrides: { policy?: PolicyId; t2025?: Partial<T2025Params>; t2021?: Partial<T2021Params> } = {},
): ScoreResult {
  const policy = overrides.policy ?? policyFor(input.reportDate);
  const risks: Record<RiskLevel, { total: number; open: number }> = {
    high: { total: 0, open: 0 },
    medium: { total: 0, open: 0 },
    low: { total: 0, open: 0 },
  };
  for (const p of input.problems) {
    risks[p.risk].total += 1;
    if (!p.closed) risks[p.risk].open += 1;
  }
  const majorTotal = input.majorRisks.length;
  const majorRectified = input.majorRisks.filter((m) => m.rectified).length;
  const majorRisks = { total: majorTotal, rectified: majorRectified };
  const majorRiskLabel = `${majorTotal}（${majorRectified}个已整改）`;

  if (policy === 'T2025') {
    const params: T2025Params = { ...T2025_DEFAULTS, ...overrides.t2025 };
    const outcomes = itemOutcomes(input, 0.5, params.missingWeight);
    const counts = countOutcomes(outcomes);
    const value = round2(100 * rate2025(outcomes, params));
    const barring = params.rectifiedMajorRiskBars ? majorTotal : majorTotal - majorRectified;
    const atLeast = (threshold: number) =>
      params.inclusiveBoundaries ? value >= threshold : value > threshold;
    const reasons: { zh: string; en: string }[] = [];
    let conclusion: Conclusion2025;
    const highBars = params.openHighRiskBars ? risks.high.open : 0;
    if (atLeast(90) && barring === 0 && highBars > 0) {
      conclusion = 'basically_compliant';
      reasons.push({
        zh: `符合率 ${value}% 达到 90%，但存在 ${highBars} 个未整改的高风险问题，可能构成重大风险隐患（公网安〔2025〕1846号 问答19）；在测评人员判定前不判定为符合`,
        en: `rate ${value}% reaches 90% but ${highBars} open high-risk problem(s) may be major risks (MPS 1846 Q19): not 符合 until the assessor judges them`,
      });
    } else if (atLeast(90) && barring === 0) {
      conclusion = 'compliant';
      reasons.push({
        zh: `符合率 ${value}% 达到 90%，且无重大风险隐患`,
        en: `rate ${value}% reaches 90% with no major risk`,
      });
    } else if (atLeast(60)) {
      conclusion = 'basically_compliant';
      reasons.push(
        atLeast(90)
          ? {
              zh: `符合率 ${value}% 达到 90%，但存在 ${barring} 个重大风险隐患，不能判定为符合`,
              en: `rate ${value}% reaches 90% but ${barring} major risk(s) bar 符合`,
            }
          : {
              zh: `符合率 ${value}% 在 60% 与 90% 之间`,
              en: `rate ${value}% is between 60% and 90%`,
            },
      );
    } else {
      conclusion = 'non_compliant';
      reasons.push({ zh: `符合率 ${value}% 低于 60%`, en: `rate ${value}% is below 60%` });
    }
    const compensated = compensationReason(input.compensations ?? []);
    if (compensated) reasons.push(compensated);
    const provisional = counts.unanswered > 0 || counts.untested > 0;
    if (provisional) reasons.push(provisionalReason(counts));
    return {
      policy,
      params,
      value,
      conclusion,
      reasons,
      counts,
      risks,
      majorRisks,
      majorRiskLabel,
      onBoundary: value === 90 || value === 60,
      provisional,
      headline: headline(conclusion, `${value}%`, counts),
      byCategory: byCategory(outcomes, (list) => round2(100 * rate2025(list, params))),
    };
  }

  const params: T2021Params = { ...T2021_DEFAULTS, ...overrides.t2021 };
  const outcomes = itemOutcomes(input, params.partialScore, params.missingWeight);
  const counts = countOutcomes(outcomes);
  const value = round2(composite2021(outcomes, params));
  const reasons: { zh: string; en: string }[] = [];
  let conclusion: Rating2021;
  if (risks.high.open > 0 || value < 70) {
    conclusion = 'poor';
    if (risks.high.open > 0) {
      reasons.push({
        zh: `存在 ${risks.high.open} 个未整改的高风险问题`,
        en: `${risks.high.open} open high-risk problem(s)`,
      });
    }
    if (value < 70)
      reasons.push({ zh: `综合得分 ${value} 低于 70`, en: `score ${value} is below 70` });
  } else if (risks.medium.open === 0 && value >= 90) {
    conclusion = 'excellent';
    reasons.push({
      zh: `综合得分 ${value} ≥ 90，且无中、高风险问题`,
      en: `score ${value} ≥ 90 with no medium or high risk`,
    });
  } else if (value >= 80) {
    conclusion = 'good';
    reasons.push(
      value >= 90
        ? {
            zh: `综合得分 ${value} ≥ 90，但存在中风险问题`,
            en: `score ${value} ≥ 90 but medium risks are open`,
          }
        : {
            zh: `综合得分 ${value} ≥ 80，无高风险问题`,
            en: `score ${value} ≥ 80 with no high risk`,
          },
    );
  } else {
    conclusion = 'fair';
    reasons.push({
      zh: `综合得分 ${value} ≥ 70，无高风险问题`,
      en: `score ${value} ≥ 70 with no high risk`,
    });
  }
  const compensated = compensationReason(input.compensations ?? []);
  if (compensated) reasons.push(compensated);
  const provisional = counts.unanswered > 0 || counts.untested > 0;
  if (provisional) reasons.push(provisionalReason(counts));
  return {
    policy,
    params,
    value,
    conclusion,
    reasons,
    counts,
    risks,
    majorRisks,
    majorRiskLabel,
    onBoundary: false,
    provisional,
    headline: headline(conclusion, String(value), counts),
    byCategory: byCategory(outcomes, (list) =>
      round2(composite2021(list, { ...params, composite: 'item-weighted' })),
    ),
  };
}

function rate2025(outcomes: readonly ItemOutcome[], params: T2025Params): number {
  const applicable = outcomes.filter((o) => o.score !== null);
  // Nothing assessed yet is not 100 % compliance.
  if (applicable.length === 0) return 0;
  if (params.rateFormula === 'count') {
    return applicable.filter((o) => o.result === 'compliant').length / applicable.length;
  }
  const total = applicable.reduce((s, o) => s + o.weight, 0);
  return applicable.reduce((s, o) => s + o.weight * (o.score ?? 0), 0) / total;
}

function composite2021(outcomes: readonly ItemOutcome[], params: T2021Params): number {
  const applicable = outcomes.filter((o) => o.score !== null);
  // Nothing assessed yet scores 0, not 100 (P-RATING-2021's "no problems ⇒ 100" needs results).
  if (applicable.length === 0) return 0;
  const weighted = (list: readonly ItemOutcome[]) =>
    list.reduce((s, o) => s + o.weight * (o.score ?? 0), 0) /
    list.reduce((s, o) => s + o.weight, 0);
  if (params.composite === 'item-weighted') return 100 * weighted(applicable);
  const layers = new Map<string, ItemOutcome[]>();
  for (const o of applicable) {
    const list = layers.get(o.category);
    if (list === undefined) layers.set(o.category, [o]);
    else list.push(o);
  }
  const values = [...layers.values()].map(weighted);
  return (100 * values.reduce((s, v) => s + v, 0)) / values.length;
}

function countOutcomes(outcomes: readonly ItemOutcome[]): ScoreResult['counts'] {
  const count = (r: ItemOutcome['result']) => outcomes.filter((o) => o.result === r).length;
  return {
    items: outcomes.length,
    applicable: outcomes.filter((o) => o.score !== null).length,
    compliant: count('compliant'),
    partial: count('partial'),
    nonCompliant: count('non_compliant'),
    notApplicable: count('not_applicable'),
    unanswered: count('unanswered'),
    untested: count('untested'),
  };
}

function byCategory(
  outcomes: readonly ItemOutcome[],
  value: (list: readonly ItemOutcome[]) => number,
): ScoreResult['byCategory'] {
  const groups = new Map<string, ItemOutcome[]>();
  for (const o of outcomes) {
    const list = groups.get(o.category);
    if (list === undefined) groups.set(o.category, [o]);
    else list.push(o);
  }
  return [...groups.entries()].map(([category, list]) => {
    const applicable = list.filter((o) => o.score !== null);
    return {
      category,
      applicable: applicable.length,
      compliant: applicable.filter((o) => o.result === 'compliant').length,
      value: applicable.length === 0 ? null : value(applicable),
    };
  });
}

/** Items with a result over all items (not yet answered and untested ones are open). */
function coverage(counts: ScoreResult['counts']): { done: number; total: number } {
  return { done: counts.items - counts.unanswered - counts.untested, total: counts.items };
}

function provisionalReason(counts: ScoreResult['counts']): { zh: string; en: string } {
  const { done, total } = coverage(counts);
  const untested =
    counts.untested > 0
      ? { zh: `，${counts.untested} 项无测评对象`, en: `, ${counts.untested} with no test object` }
      : { zh: '', en: '' };
  return {
    zh: `暂定结论：已测 ${done}/${total} 项，${counts.unanswered} 项尚未全部录入${untested.zh}`,
    en: `provisional: ${done} of ${total} items done, ${counts.unanswered} not fully answered${untested.en}`,
  };
}

function headline(
  conclusion: Conclusion2025 | Rating2021,
  figure: string,
  counts: ScoreResult['counts'],
): { zh: string; en: string } {
  const zh = `${CONCLUSION_ZH[conclusion]} ${figure}`;
  const en = `${CONCLUSION_EN[conclusion]} ${figure}`;
  if (counts.unanswered === 0 && counts.untested === 0) return { zh, en };
  const { done, total } = coverage(counts);
  return {
    zh: `暂定：${zh}（已测 ${done}/${total} 项）`,
    en: `Provisional: ${en} (${done} of ${total} items done)`,
  };
}

const CONCLUSION_EN: Readonly<Record<Conclusion2025 | Rating2021, string>> = {
  compliant: 'Compliant',
  basically_compliant: 'Basically compliant',
  non_compliant: 'Non-compliant',
  excellent: 'Excellent',
  good: 'Good',
  fair: 'Fair',
  poor: 'Poor',
};

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
