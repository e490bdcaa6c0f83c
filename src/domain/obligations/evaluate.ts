import { citationsInForce } from '../citation';
import type { IsoDate, WorkingDayCalendar } from '../calendar';
import type { Citation } from '../citation';
import { addCalendarDays, compareIsoDate } from './helpers';
import { CII_RULES } from './rules/cii';
import { CRYPTO_RULES } from './rules/crypto';
import { INCIDENT_RULES } from './rules/incidents';
import { MLPS_RULES } from './rules/mlps';
import type {
  CalendarGap,
  DraftObligation,
  EvaluationResult,
  MissingFact,
  Obligation,
  ObligationRule,
  ObligationState,
  SystemFactName,
  SystemFacts,
  TraceEntry,
} from './types';

/** Every rule dengbao knows, in the order obligations are listed. */
export const OBLIGATION_RULES: readonly ObligationRule[] = [
  ...MLPS_RULES,
  ...CRYPTO_RULES,
  ...CII_RULES,
  ...INCIDENT_RULES,
];

/** A dated obligation within this many days is "due soon". */
export const DUE_SOON_DAYS = 30;

/**
 * Stable key of an obligation (rule, system, due date), used to record a manual status against
 * it. Computed on demand: bulk evaluations do not need it.
 */
export function obligationKey(o: Pick<Obligation, 'ruleId' | 'systemId' | 'dueDate'>): string {
  return `${o.ruleId}:${o.systemId}:${o.dueDate ?? '-'}`;
}

/** Whether a rule is in force on a date. */
export function isInForce(rule: ObligationRule, asOf: IsoDate): boolean {
  return (
    compareIsoDate(asOf, rule.effectiveFrom) >= 0 &&
    (rule.effectiveTo === null || compareIsoDate(asOf, rule.effectiveTo) <= 0)
  );
}

/**
 * Where a draft obligation stands on `asOf` (`dueSoonUntil` = asOf + {@link DUE_SOON_DAYS}).
 * Exported so the other engines' duties (src/domain/privacy) are stated the same way.
 */
export function stateOf(
  draft: DraftObligation,
  asOf: IsoDate,
  dueSoonUntil: IsoDate,
  factsMissing: boolean,
): ObligationState {
  if (draft.satisfied) return 'satisfied';
  if (draft.calendarGap) return 'undetermined';
  if (draft.eventDeadline || draft.standing === true) return 'standing';
  if (draft.dueDate === null) return factsMissing ? 'undetermined' : 'open';
  if (draft.dueDate < asOf) return 'overdue';
  if (draft.dueDate <= dueSoonUntil) return 'due_soon';
  return 'upcoming';
}

export interface EvaluateOptions {
  readonly rules?: readonly ObligationRule[];
  /** Record which rule applied to which system (off by default: it is one entry per rule × system). */
  readonly trace?: boolean;
  /**
   * The China working-day calendar (shippedHolidayCalendar() in src/catalogs/holiday-calendar.ts)
   * for deadlines counted in working days. Without it those deadlines are "undetermined".
   */
  readonly calendar?: WorkingDayCalendar | null;
}

/**
 * Derives every obligation of the given systems on `asOf`, with the facts still missing and a
 * trace of which rule applied to which system. Pure: same input, same output.
 *
 * @example
 * evaluateObligations([hospitalHis], '2026-01-15').obligations.filter(o => o.state === 'overdue')
 */
export function evaluateObligations(
  systems: readonly SystemFacts[],
  asOf: IsoDate,
  options: EvaluateOptions = {},
): EvaluationResult {
  const rules = options.rules ?? OBLIGATION_RULES;
  const tracing = options.trace === true;
  const obligations: Obligation[] = [];
  const missingFacts: MissingFact[] = [];
  const trace: TraceEntry[] = [];
  const calendarGaps: CalendarGap[] = [];
  const context = { calendar: options.calendar ?? null };
  const dueSoonUntil = addCalendarDays(asOf, DUE_SOON_DAYS);
  // Citations in force depend only on the list and asOf: filter each list once.
  const inForce = new Map<readonly Citation[], Citation[]>();
  const citationsFor = (list: readonly Citation[]) => {
    let hit = inForce.get(list);
    if (!hit) inForce.set(list, (hit = citationsInForce(list, asOf)));
    return hit;
  };
  const rulesInForce = rules.filter((r) => isInForce(r, asOf));
  const notInForce = rules.filter((r) => !isInForce(r, asOf));
  for (const system of systems) {
    if (tracing)
      for (const rule of notInForce)
        trace.push({ ruleId: rule.id, systemId: system.id, outcome: 'not_in_force' });
    for (const rule of rulesInForce) {
      const outcome = rule.evaluate(system, asOf, context);
      const missing = outcome.missing;
      for (let i = 0; i < missing.length; i++) {
        const fact = missing[i] as SystemFactName;
        if (missing.indexOf(fact) === i)
          missingFacts.push({ systemId: system.id, fact, ruleId: rule.id });
      }
      if (tracing)
        trace.push({
          ruleId: rule.id,
          systemId: system.id,
          outcome:
            outcome.obligations.length > 0
              ? 'applies'
              : outcome.missing.length > 0
                ? 'missing_facts'
                : 'not_applicable',
        });
      for (const draft of outcome.obligations) {
        if (draft.calendarGap)
          calendarGaps.push({ ruleId: rule.id, systemId: system.id, ...draft.calendarGap });
        obligations.push({
          ruleId: rule.id,
          systemId: system.id,
          titleZh: rule.titleZh,
          titleEn: rule.titleEn,
          reasonZh: draft.reasonZh,
          reasonEn: draft.reasonEn,
          citations: citationsFor(draft.citations ?? rule.citations),
          dueDate: draft.dueDate,
          windowOpensOn: draft.windowOpensOn ?? null,
          recurrenceMonths: draft.recurrenceMonths ?? null,
          eventDeadline: draft.eventDeadline ?? null,
          state: stateOf(draft, asOf, dueSoonUntil, outcome.missing.length > 0),
          provenance: rule.provenance,
        });
      }
    }
  }
  return { asOf, obligations, missingFacts, trace, calendarGaps };
}
