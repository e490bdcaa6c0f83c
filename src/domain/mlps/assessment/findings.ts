/**
 * Findings (安全问题): one per requirement as soon as any test object answering it is 不符合 or
 * 部分符合 — unanswered objects do not hold a finding back — listing every object with its own
 * result. The finding's result is the worst over its objects, and so is its suggested risk:
 *
 * - a ticked symptom of an applicable high-risk guide case makes it 高风险, unless a listed
 *   mitigation is also recorded (the guide then allows lowering it: we suggest 中风险);
 * - a case whose symptom is the failure itself (`failureIsSymptom`: default or weak passwords,
 *   clear text, unpatched exploitable vulnerabilities) makes an object's 不符合 高风险 without a
 *   ticked symptom;
 * - otherwise 不符合 on any object suggests 中风险 and 部分符合 低风险.
 *
 * The assessor confirms or changes the suggestion; the suggestion never decides.
 */
import type { HighRiskCase } from '../../../catalogs/mlps-catalog.model';
import type { BaselineRequirement, ItemResult, ResultRecord, RiskLevel, TestObject } from './types';
import { objectCovers } from './types';

export type FailingResult = Extract<ItemResult, 'partial' | 'non_compliant'>;

export interface DerivedFinding {
  readonly requirementId: string;
  /** Worst over the objects: 不符合 if any object is 不符合. */
  readonly result: FailingResult;
  /** Objects whose own result was 不符合 or 部分符合. */
  readonly objectIds: readonly string[];
  /** Every object answering the requirement with its own result (null = not answered yet). */
  readonly objects: readonly { objectId: string; result: ItemResult | null }[];
}

/** The findings an assessment's per-object results call for, in baseline order. */
export function deriveFindings(
  requirements: readonly BaselineRequirement[],
  objects: readonly TestObject[],
  results: readonly ResultRecord[],
): DerivedFinding[] {
  const byRequirement = new Map<string, Map<string, ItemResult>>();
  for (const r of results) {
    let row = byRequirement.get(r.requirementId);
    if (row === undefined) byRequirement.set(r.requirementId, (row = new Map()));
    row.set(r.objectId, r.result);
  }
  const out: DerivedFinding[] = [];
  for (const requirement of requirements) {
    const answered = byRequirement.get(requirement.id);
    if (answered === undefined) continue;
    let failing = false;
    for (const result of answered.values()) {
      if (result === 'partial' || result === 'non_compliant') failing = true;
    }
    if (!failing) continue;
    const rows = objects
      .filter((o) => objectCovers(o, requirement))
      .map((o) => ({ objectId: o.id, result: answered.get(o.id) ?? null }));
    const failingIds = rows
      .filter((r) => r.result === 'partial' || r.result === 'non_compliant')
      .map((r) => r.objectId);
    // A result stored against an object that no longer answers the item is not a finding.
    if (failingIds.length === 0) continue;
    out.push({
      requirementId: requirement.id,
      result: rows.some((r) => r.result === 'non_compliant') ? 'non_compliant' : 'partial',
      objectIds: failingIds,
      objects: rows,
    });
  }
  return out;
}

/** What the assessor recorded against one guide case for a finding. */
export interface CaseObservation {
  readonly caseId: string;
  /** Indexes into the case's `symptoms` that were observed. */
  readonly symptoms: readonly number[];
  /** Indexes into the case's `mitigations` that are in place. */
  readonly mitigations: readonly number[];
}

export interface RiskSuggestion {
  readonly risk: RiskLevel;
  readonly reason: { zh: string; en: string };
  /** The case that drove it, if any. */
  readonly caseId?: string;
}

/**
 * Suggests a risk level for a finding at `level` from the guide cases linked to its requirement
 * and the assessor's observations. The finding's `result` is already the worst over its objects.
 */
export function suggestRisk(
  finding: Pick<DerivedFinding, 'result'>,
  level: number,
  cases: readonly HighRiskCase[],
  observations: readonly CaseObservation[],
): RiskSuggestion {
  const applicable = cases.filter((c) => c.minLevel <= level);
  for (const c of applicable) {
    const seen = observations.find((o) => o.caseId === c.id);
    if (seen === undefined || seen.symptoms.length === 0) continue;
    if (seen.mitigations.length > 0 && c.mitigations.length > 0) return mitigated(c);
    return {
      risk: 'high',
      caseId: c.id,
      reason: {
        zh: `符合高风险判定 ${c.id} 的情形${c.mitigations.length === 0 ? '，且该情形无缓解措施' : '，未见缓解措施'}`,
        en: `matches high-risk case ${c.id}${c.mitigations.length === 0 ? ' (no mitigation can lower it)' : ' and no mitigation is in place'}`,
      },
    };
  }
  if (finding.result === 'non_compliant') {
    const inherent = applicable.find((c) => c.failureIsSymptom === true);
    if (inherent !== undefined) {
      const seen = observations.find((o) => o.caseId === inherent.id);
      if (seen !== undefined && seen.mitigations.length > 0 && inherent.mitigations.length > 0) {
        return mitigated(inherent);
      }
      return {
        risk: 'high',
        caseId: inherent.id,
        reason: {
          zh: `不符合本身即高风险判定 ${inherent.id}（${inherent.title.zh}）的情形，未记录缓解措施`,
          en: `the failure itself is high-risk case ${inherent.id} (${inherent.title.en}); no mitigation recorded`,
        },
      };
    }
    return {
      risk: 'medium',
      reason: {
        zh: '至少一个测评对象不符合，未命中高风险判定情形',
        en: 'non-compliant on at least one object; no high-risk case observed',
      },
    };
  }
  return {
    risk: 'low',
    reason: {
      zh: '部分符合，未命中高风险判定情形',
      en: 'partially compliant; no high-risk case observed',
    },
  };
}

function mitigated(c: HighRiskCase): RiskSuggestion {
  return {
    risk: 'medium',
    caseId: c.id,
    reason: {
      zh: `符合高风险判定 ${c.id} 的情形，但已有缓解措施，可酌情降为中风险`,
      en: `matches high-risk case ${c.id}, but a listed mitigation is in place: may be lowered to medium`,
    },
  };
}
