/**
 * Findings (安全问题): one per requirement whose merged result is 不符合 or 部分符合, listing the
 * test objects where it failed. The high-risk judgement guide suggests a risk level: a recorded
 * symptom of an applicable case makes it high, unless a listed mitigation was also recorded (the
 * guide then allows lowering it — we suggest medium). Otherwise 不符合 suggests medium and
 * 部分符合 low. The assessor confirms or changes the suggestion; the suggestion never decides.
 */
import type { HighRiskCase } from '../../../catalogs/mlps-catalog.model';
import type { ItemOutcome } from './scoring';
import type { ItemResult, ResultRecord, RiskLevel } from './types';

export interface DerivedFinding {
  readonly requirementId: string;
  readonly result: Extract<ItemResult, 'partial' | 'non_compliant'>;
  /** Objects whose own result was 不符合 or 部分符合. */
  readonly objectIds: readonly string[];
}

/** The findings an assessment's results call for, in baseline order. */
export function deriveFindings(
  outcomes: readonly ItemOutcome[],
  results: readonly ResultRecord[],
): DerivedFinding[] {
  const failing = new Map<string, string[]>();
  for (const r of results) {
    if (r.result !== 'partial' && r.result !== 'non_compliant') continue;
    failing.set(r.requirementId, [...(failing.get(r.requirementId) ?? []), r.objectId]);
  }
  const out: DerivedFinding[] = [];
  for (const o of outcomes) {
    if (o.result !== 'partial' && o.result !== 'non_compliant') continue;
    const objects = new Set(failing.get(o.requirementId) ?? []);
    out.push({
      requirementId: o.requirementId,
      result: o.result,
      objectIds: o.objectIds.filter((id) => objects.has(id)),
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
 * and the assessor's observations.
 */
export function suggestRisk(
  finding: Pick<DerivedFinding, 'result'>,
  level: number,
  cases: readonly HighRiskCase[],
  observations: readonly CaseObservation[],
): RiskSuggestion {
  for (const c of cases) {
    if (c.minLevel > level) continue;
    const seen = observations.find((o) => o.caseId === c.id);
    if (seen === undefined || seen.symptoms.length === 0) continue;
    if (seen.mitigations.length > 0 && c.mitigations.length > 0) {
      return {
        risk: 'medium',
        caseId: c.id,
        reason: {
          zh: `符合高风险判定 ${c.id} 的情形，但已有缓解措施，可酌情降为中风险`,
          en: `matches high-risk case ${c.id}, but a listed mitigation is in place: may be lowered to medium`,
        },
      };
    }
    return {
      risk: 'high',
      caseId: c.id,
      reason: {
        zh: `符合高风险判定 ${c.id} 的情形${c.mitigations.length === 0 ? '，且该情形无缓解措施' : '，未见缓解措施'}`,
        en: `matches high-risk case ${c.id}${c.mitigations.length === 0 ? ' (no mitigation can lower it)' : ' and no mitigation is in place'}`,
      },
    };
  }
  return finding.result === 'non_compliant'
    ? {
        risk: 'medium',
        reason: {
          zh: '不符合，未命中高风险判定情形',
          en: 'non-compliant; no high-risk case observed',
        },
      }
    : {
        risk: 'low',
        reason: {
          zh: '部分符合，未命中高风险判定情形',
          en: 'partially compliant; no high-risk case observed',
        },
      };
}
