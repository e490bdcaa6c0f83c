/**
 * Suggested grade of a cybersecurity incident from the grading guide (网络安全事件分级指南, annex of
 * the 2025 incident-reporting Measures): the highest tier any criterion reaches, where a measured
 * criterion counts when the measured value is at or above its threshold (以上 includes the
 * number) and a qualitative one counts when the operator ticked it. Nothing met: 一般 (general).
 * Pure: the criteria come from the catalog (src/catalogs/incident-grading).
 */
import {
  INCIDENT_GRADES,
  type IncidentGrade,
  type IncidentMeasures,
} from '../../shared/data-security-schemas';
import type { IncidentCriterion } from './types';

export interface CriterionFound {
  readonly id: string;
  readonly grade: IncidentGrade;
  readonly source: IncidentCriterion['source'];
  readonly provenance: IncidentCriterion['provenance'];
  /** `measure`: the measured value reached the threshold; `ticked`: the operator said so. */
  readonly by: 'measure' | 'ticked';
  readonly textZh: string;
  readonly textEn: string;
}

export interface IncidentGrading {
  readonly suggestedGrade: IncidentGrade;
  /** Criteria met, highest grade first (catalog order within a grade). */
  readonly criteriaFound: readonly CriterionFound[];
  /** Ids ticked that the catalog does not know. */
  readonly unknownCriteria: readonly string[];
}

/** Higher first: especially_major (0) … general (3). */
export const gradeRank = (g: IncidentGrade): number => INCIDENT_GRADES.indexOf(g);

/** Whether grade `a` is `b` or above. */
export const atLeastGrade = (a: IncidentGrade, b: IncidentGrade): boolean =>
  gradeRank(a) <= gradeRank(b);

export function gradeIncident(
  measures: IncidentMeasures,
  criteriaMet: readonly string[],
  criteria: readonly IncidentCriterion[],
): IncidentGrading {
  const ticked = new Set(criteriaMet);
  const found: CriterionFound[] = [];
  for (const c of criteria) {
    let by: CriterionFound['by'] | null = null;
    if (c.measure) {
      const value = measures[c.measure.key];
      if (typeof value === 'number' && value >= c.measure.atLeast) by = 'measure';
    }
    if (by === null && ticked.has(c.id)) by = 'ticked';
    if (by)
      found.push({
        id: c.id,
        grade: c.grade,
        source: c.source,
        provenance: c.provenance,
        by,
        textZh: c.textZh,
        textEn: c.textEn,
      });
  }
  found.sort((a, b) => gradeRank(a.grade) - gradeRank(b.grade));
  const known = new Set(criteria.map((c) => c.id));
  return {
    suggestedGrade: found[0]?.grade ?? 'general',
    criteriaFound: found,
    unknownCriteria: criteriaMet.filter((id) => !known.has(id)),
  };
}
