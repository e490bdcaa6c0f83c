/**
 * Personal-information protection compliance audits (个人信息保护合规审计): the audit cycle by
 * volume as data, the last completed audit, and the duties of regulator-ordered audits.
 *
 * - PIPL Art. 54 and NDS Regulations Art. 27: audit compliance regularly (定期), no interval set.
 * - CAC compliance-audit Measures (Order No. 18, in force 2025-05-01): a processor of the
 *   personal information of more than (超过: exclusive) 10,000,000 individuals audits at least
 *   once every two years.
 * - PIPL Art. 64 and the Measures: an audit the authority orders, by the deadline it sets.
 *
 * One duty per fact: the recurring audit duty is `privacy.compliance-audit` of the
 * personal-information duties (src/domain/privacy/duties.ts), computed from the same constants.
 * The audits recorded here feed it: its "last audit" is {@link lastCompletedPiAudit} — the latest
 * of the recorded audits' completion dates and the register profile's `lastComplianceAuditOn`.
 * The data-security duties list only the regulator-ordered audits ({@link orderedAuditDuties}).
 */
import type { Citation, Provenance } from '../citation';
import type { IsoDate } from '../calendar';
import { addMonths } from '../obligations/helpers';
import {
  COMPLIANCE_AUDIT_INTERVAL_MONTHS,
  COMPLIANCE_AUDIT_MEASURES_IN_FORCE,
  COMPLIANCE_AUDIT_THRESHOLD,
} from '../privacy/duties';
import { PIPL_IN_FORCE } from '../privacy/pipia-triggers';
import { NDS, PI_AUDIT_MEASURES } from './citations';
import type { DataSecurityOrganisationFacts } from './types';

/** One row of the audit cycle: above `individualsAbove` (exclusive), every `intervalMonths` (null: regularly, no interval). */
export interface PiAuditCycle {
  readonly id: 'over-10m' | 'regular';
  /** Applies to more than this many individuals (超过: the number itself is not enough). */
  readonly individualsAbove: number;
  readonly intervalMonths: number | null;
  readonly effectiveFrom: IsoDate;
  readonly citations: readonly Citation[];
  readonly provenance: Provenance;
}

/** The cycle as data, most demanding first (the figures are privacy/duties.ts' constants). */
export const PI_AUDIT_CYCLES: readonly PiAuditCycle[] = [
  {
    id: 'over-10m',
    individualsAbove: COMPLIANCE_AUDIT_THRESHOLD,
    intervalMonths: COMPLIANCE_AUDIT_INTERVAL_MONTHS,
    effectiveFrom: COMPLIANCE_AUDIT_MEASURES_IN_FORCE,
    citations: [PI_AUDIT_MEASURES.piplAudit, PI_AUDIT_MEASURES.frequency],
    provenance: 'confirmed',
  },
  {
    id: 'regular',
    individualsAbove: -1,
    intervalMonths: null,
    effectiveFrom: PIPL_IN_FORCE,
    citations: [PI_AUDIT_MEASURES.piplAudit, NDS.complianceAudit],
    provenance: 'confirmed',
  },
];

/** The row of the cycle that applies on `asOf` to `individuals` (null: before PIPL, or count unknown). */
export function piAuditCycle(individuals: number | null, asOf: IsoDate): PiAuditCycle | null {
  if (individuals === null) return null;
  return (
    PI_AUDIT_CYCLES.find((c) => individuals > c.individualsAbove && asOf >= c.effectiveFrom) ?? null
  );
}

type AuditRecord = DataSecurityOrganisationFacts['piAudits'][number];

/**
 * The last PI compliance audit completed on or before `asOf`: the latest of the recorded audits'
 * completion dates (any kind) and the date the register profile records. Null when none.
 */
export function lastCompletedPiAudit(
  audits: readonly Pick<AuditRecord, 'completedOn'>[],
  profileLastAuditOn: IsoDate | null | undefined,
  asOf: IsoDate,
): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of [profileLastAuditOn, ...audits.map((a) => a.completedOn)])
    if (d && d <= asOf && (best === null || d > best)) best = d;
  return best;
}

/** When the next audit is due under the cycle (null: no fixed interval, or nothing known). */
export function nextPiAuditDue(
  individuals: number | null,
  last: IsoDate | null,
  asOf: IsoDate,
): IsoDate | null {
  const cycle = piAuditCycle(individuals, asOf);
  if (!cycle || cycle.intervalMonths === null) return null;
  return addMonths(last ?? cycle.effectiveFrom, cycle.intervalMonths);
}

/** A duty draft of this module (finished by duties.ts). */
export interface OrderedAuditDraft {
  readonly audit: AuditRecord;
  readonly ruleId: 'datasec.pi-audit.ordered';
  readonly titleZh: string;
  readonly titleEn: string;
  readonly reasonZh: string;
  readonly reasonEn: string;
  readonly citations: readonly Citation[];
  readonly dueDate: IsoDate | null;
  readonly satisfied: boolean;
  readonly missingFact: boolean;
  readonly provenance: Provenance;
  readonly penaltyIds: readonly string[];
}

/**
 * Each regulator-ordered audit (PIPL Art. 64; Measures from 2025-05-01): due by the deadline the
 * authority set, done when completed on or before `asOf`. No deadline recorded: undetermined.
 */
export function orderedAuditDuties(
  audits: readonly AuditRecord[],
  asOf: IsoDate,
): OrderedAuditDraft[] {
  if (asOf < PIPL_IN_FORCE) return [];
  const measures = asOf >= COMPLIANCE_AUDIT_MEASURES_IN_FORCE;
  return audits
    .filter((a) => a.kind === 'regulator_ordered')
    .map((a) => {
      const done = a.completedOn !== null && a.completedOn <= asOf;
      const late = done && a.orderedDeadline !== null && a.completedOn! > a.orderedDeadline;
      return {
        audit: a,
        ruleId: 'datasec.pi-audit.ordered' as const,
        titleZh: '按监管要求委托专业机构进行个人信息保护合规审计',
        titleEn: 'Compliance audit ordered by the authority (by a professional body)',
        reasonZh: done
          ? `履行个人信息保护职责的部门要求开展的合规审计已于${a.completedOn}完成${late ? `（晚于要求的${a.orderedDeadline}）` : ''}。`
          : a.orderedDeadline
            ? `履行个人信息保护职责的部门要求委托专业机构进行合规审计，应在其规定的期限${a.orderedDeadline}前完成并报送审计报告。`
            : '履行个人信息保护职责的部门要求委托专业机构进行合规审计；未记录其规定的期限。',
        reasonEn: done
          ? `The compliance audit the authority ordered was completed on ${a.completedOn}${late ? ` (after the deadline ${a.orderedDeadline})` : ''}.`
          : a.orderedDeadline
            ? `The authority ordered a compliance audit by a professional body: complete it and submit the report by ${a.orderedDeadline}.`
            : 'The authority ordered a compliance audit by a professional body; its deadline is not recorded.',
        citations: measures
          ? [PI_AUDIT_MEASURES.piplOrderedAudit, PI_AUDIT_MEASURES.regulatorOrdered]
          : [PI_AUDIT_MEASURES.piplOrderedAudit],
        dueDate: a.orderedDeadline,
        satisfied: done,
        missingFact: a.orderedDeadline === null,
        provenance: 'confirmed',
        penaltyIds: ['pipl-66-1'],
      };
    });
}
