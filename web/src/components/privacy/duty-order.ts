import type { PrivacyDutyDto } from '../../api/privacy-client';
import { STATE_GROUPS, stateGroup, type EffectiveState } from '../../lib/obligation-states';

/** The state the calendar shows: the effective one where the server sends it. */
export const dutyState = (d: PrivacyDutyDto) => (d.effectiveState ?? d.state) as EffectiveState;

const ORDER = new Map<string, number>(STATE_GROUPS.map((g, i) => [g, i]));

/** Most urgent first (the calendar's groups), then by due date (undated last). */
export function compareDuties(a: PrivacyDutyDto, b: PrivacyDutyDto): number {
  const group = (d: PrivacyDutyDto) => ORDER.get(stateGroup(dutyState(d))) ?? STATE_GROUPS.length;
  const byGroup = group(a) - group(b);
  if (byGroup !== 0) return byGroup;
  return (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31');
}
