import type { ObligationDto } from '../../../src/shared/api-types';

export type EffectiveState = ObligationDto['effectiveState'];

/** The calendar's groups, in the order a compliance officer works through them. */
export const STATE_GROUPS = [
  'overdue',
  'due_soon',
  'upcoming',
  'open',
  'standing',
  'undetermined',
  'completed',
  'not_applicable',
] as const;
export type StateGroup = (typeof STATE_GROUPS)[number];

export function stateGroup(state: EffectiveState): StateGroup {
  return state === 'satisfied' || state === 'done' ? 'completed' : state;
}

/** One colour per meaning across the app: red overdue, amber due soon, green done, grey not applicable. */
export const STATE_COLOURS: Record<StateGroup, string> = {
  overdue: 'red',
  due_soon: 'gold',
  upcoming: 'blue',
  open: 'purple',
  standing: 'cyan',
  undetermined: 'orange',
  completed: 'green',
  not_applicable: 'default',
};

const STATE_ORDER = new Map<StateGroup, number>(STATE_GROUPS.map((g, i) => [g, i]));

/** Most urgent first, then by due date (undated last). */
export function compareObligations(a: ObligationDto, b: ObligationDto): number {
  const byGroup =
    STATE_ORDER.get(stateGroup(a.effectiveState))! - STATE_ORDER.get(stateGroup(b.effectiveState))!;
  if (byGroup !== 0) return byGroup;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.systemName.localeCompare(b.systemName, 'zh-CN');
}
