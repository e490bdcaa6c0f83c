/** Where in the system page a missing fact is supplied. */
export type FactTarget = { tab: 'grading' | 'records' } | { edit: true };

const RECORD_FACTS = new Set([
  'expertReviewOn',
  'competentApprovalOn',
  'filings',
  'assessments',
  'cryptoAssessments',
  'ciiRiskAssessments',
]);
const GRADING_FACTS = new Set(['level', 'gradedOn']);

export function factTarget(fact: string): FactTarget {
  if (GRADING_FACTS.has(fact)) return { tab: 'grading' };
  if (RECORD_FACTS.has(fact)) return { tab: 'records' };
  return { edit: true };
}

export function factLink(orgId: string, systemId: string, fact: string): string {
  const target = factTarget(fact);
  const query = 'tab' in target ? `tab=${target.tab}` : 'edit=1';
  return `/o/${orgId}/systems/${systemId}?${query}`;
}
