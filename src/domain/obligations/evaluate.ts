import { citationsInForce } from '../citation';
import { addCalendarDays, compareIsoDate, type IsoDate } from '../calendar';
import { CII_RULES } from './rules/cii';
import { CRYPTO_RULES } from './rules/crypto';
import { MLPS_RULES } from './rules/mlps';
import type {
  DraftObligation,
  EvaluationResult,
  MissingFact,
  Obligation,
  ObligationRule,
  ObligationState,
  SystemFacts,
  TraceEntry,
} from './types';

/** Every rule dengbao knows, in the order obligations are listed. */
export const OBLIGATION_RULES: readonly ObligationRule[] = [...MLPS_RULES, ...CRYPTO_RULES, ...CII_RULES];

/** A dated obligation within this many days is "due soon". */
export const DUE_SOON_DAYS = 30;

/** Whether a rule is in force on a date. */
export function isInForce(rule: ObligationRule, asOf: IsoDate): boolean {
  return (
    compareIsoDate(asOf, rule.effectiveFrom) >= 0 &&
    (rule.effectiveTo === null || compareIsoDate(asOf, rule.effectiveTo) <= 0)
  );
}

function stateOf(draft: DraftObligation, asOf: IsoDate, factsMissing: boolean): ObligationState {
  if (draft.satisfied) return 'satisfied';
  if (draft.eventDeadline) return 'standing';
  if (draft.dueDate === null) return factsMissing ? 'undetermined' : 'open';
  if (compareIsoDate(draft.dueDate, asOf) < 0) return 'overdue';
  if (compareIsoDate(draft.dueDate, addCalendarDays(asOf, DUE_SOON_DAYS)) <= 0) return 'due_soon';
  return 'upcoming';
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
  rules: readonly ObligationRule[] = OBLIGATION_RULES,
): EvaluationResult {
  const obligations: Obligation[] = [];
  const missingFacts: MissingFact[] = [];
  const trace: TraceEntry[] = [];
  for (const system of systems) {
    for (const rule of rules) {
      if (!isInForce(rule, asOf)) {
        trace.push({ ruleId: rule.id, systemId: system.id, outcome: 'not_in_force' });
        continue;
      }
      const outcome = rule.evaluate(system, asOf);
      for (const fact of new Set(outcome.missing)) {
        missingFacts.push({ systemId: system.id, fact, ruleId: rule.id });
      }
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
        obligations.push({
          key: `${rule.id}:${system.id}:${draft.dueDate ?? '-'}`,
          ruleId: rule.id,
          systemId: system.id,
          titleZh: rule.titleZh,
          titleEn: rule.titleEn,
          reasonZh: draft.reasonZh,
          reasonEn: draft.reasonEn,
          citations: citationsInForce(draft.citations ?? rule.citations, asOf),
          dueDate: draft.dueDate,
          windowOpensOn: draft.windowOpensOn ?? null,
          recurrenceMonths: draft.recurrenceMonths ?? null,
          eventDeadline: draft.eventDeadline ?? null,
          state: stateOf(draft, asOf, outcome.missing.length > 0),
          provenance: rule.provenance,
        });
      }
    }
  }
  return { asOf, obligations, missingFacts, trace };
}
