import type { Citation, Provenance } from '../citation';
import type { IsoDate, WorkingDayCalendar } from '../calendar';
import type { ProtectionLevel, SystemType } from '../../shared/mlps';

/** A dated event recorded for a system (an assessment completed, a test carried out…). */
export interface DatedEvent {
  readonly completedOn: IsoDate;
}

/** A filing with public security (备案). */
export interface FilingFacts {
  readonly filedOn: IsoDate;
  readonly certificateNumber: string | null;
  readonly bureau: string | null;
}

/**
 * What the rules know about one system. `null` means "not known yet": a rule that needs it
 * reports it as a missing fact instead of guessing.
 */
export interface SystemFacts {
  readonly id: string;
  readonly name: string;
  readonly types: readonly SystemType[];
  /** Current protection level, or null when not yet graded. */
  readonly level: ProtectionLevel | null;
  /** When the level was determined (定级). */
  readonly gradedOn: IsoDate | null;
  /** When the system went (or is planned to go) into operation. */
  readonly goLiveOn: IsoDate | null;
  readonly isCii: boolean | null;
  readonly ciiDesignatedOn: IsoDate | null;
  readonly isNationalEgov: boolean | null;
  /** Whether the operator has an industry competent (regulatory) department (行业主管部门). */
  readonly hasCompetentAuthority: boolean | null;
  readonly expertReviewOn: IsoDate | null;
  readonly competentApprovalOn: IsoDate | null;
  /** Filings with public security, any order. */
  readonly filings: readonly FilingFacts[];
  /** Completed MLPS level assessments (等级测评). */
  readonly assessments: readonly DatedEvent[];
  /** Completed commercial-crypto application security assessments (密评). */
  readonly cryptoAssessments: readonly DatedEvent[];
  /** Completed CII cybersecurity testing and risk assessments. */
  readonly ciiRiskAssessments: readonly DatedEvent[];
  /** When the dedicated CII security management organisation was set up. */
  readonly ciiSecurityOrganisationOn: IsoDate | null;
}

export type SystemFactName = Exclude<keyof SystemFacts, 'id' | 'name'>;

/**
 * Where an obligation stands on the evaluation date.
 * - satisfied: the facts show it done
 * - overdue / due_soon (within 30 days) / upcoming: dated and not done
 * - standing: a continuing or event-triggered duty (e.g. report incidents within 1 hour)
 * - open: applies, not done, and no source sets a deadline
 * - undetermined: applies, but a fact needed for its date is missing
 */
export type ObligationState =
  'satisfied' | 'open' | 'overdue' | 'due_soon' | 'upcoming' | 'standing' | 'undetermined';

export interface Obligation {
  readonly ruleId: string;
  readonly systemId: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** Why it applies and how the date was computed. */
  readonly reasonZh: string;
  readonly reasonEn: string;
  readonly citations: readonly Citation[];
  readonly dueDate: IsoDate | null;
  /** For renewals: the first day the duty can be performed. */
  readonly windowOpensOn: IsoDate | null;
  /** For recurring duties: the interval in months. */
  readonly recurrenceMonths: number | null;
  /** For event-triggered duties: when the duty falls due, one of {@link EventDeadline}. */
  readonly eventDeadline: string | null;
  readonly state: ObligationState;
  readonly provenance: Provenance;
}

/**
 * When an event-triggered duty falls due: an ISO 8601 duration after the event ("PT1H") or
 * one of the markers below (codes for clients to label, not display text).
 */
export const EVENT_DEADLINES = {
  /** Promptly after the event, no hour count set (及时). */
  asap: 'ASAP',
  /** Before buying the product or service (采购前). */
  beforeProcurement: 'BEFORE_PROCUREMENT',
  /** As part of the purchase, before the supplier delivers (采购时). */
  onProcurement: 'ON_PROCUREMENT',
  /** Before the data leave the country (出境前). */
  beforeTransfer: 'BEFORE_TRANSFER',
  /** Before the person takes up the post (上岗前). */
  beforeAppointment: 'BEFORE_APPOINTMENT',
} as const;
export type EventDeadline =
  (typeof EVENT_DEADLINES)[keyof typeof EVENT_DEADLINES] | `PT${number}H` | `P${number}D`;

export interface MissingFact {
  readonly systemId: string;
  readonly fact: SystemFactName;
  readonly ruleId: string;
}

/** A rule of the registry: metadata plus a pure evaluation over one system. */
export interface ObligationRule {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly citations: readonly Citation[];
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate | null;
  /** Facts the rule reads; documented so the UI can ask for them. */
  readonly needs: readonly SystemFactName[];
  readonly provenance: Provenance;
  /** Where sources conflict or a detail is our reading, say so here. */
  readonly notes: string;
  readonly evaluate: (system: SystemFacts, asOf: IsoDate, context?: RuleContext) => RuleOutcome;
}

/**
 * Data a rule may need besides the system's facts, passed in so rules stay pure.
 * `calendar` is the China working-day calendar; null when the caller supplied none, in which
 * case a rule that counts working days reports its deadline as undetermined and says why.
 */
export interface RuleContext {
  readonly calendar: WorkingDayCalendar | null;
}

/**
 * A deadline counted in working days that could not be computed because a date falls outside
 * the years of the holiday data (or no calendar was supplied). The obligation is reported as
 * "undetermined" and this says which date, which years are covered, and what to do.
 */
export interface CalendarGap {
  readonly ruleId: string;
  readonly systemId: string;
  /** The date the count needed; null when no calendar was supplied at all. */
  readonly date: IsoDate | null;
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** What a rule returns for one system: obligations without state (the engine adds it). */
export interface RuleOutcome {
  readonly obligations: readonly DraftObligation[];
  readonly missing: readonly SystemFactName[];
}

export interface DraftObligation {
  readonly reasonZh: string;
  readonly reasonEn: string;
  readonly dueDate: IsoDate | null;
  readonly windowOpensOn?: IsoDate | null;
  readonly recurrenceMonths?: number | null;
  readonly eventDeadline?: EventDeadline | null;
  /**
   * A continuing duty with no date and nothing the facts can record as done (use commercial
   * crypto, train staff…): shown as "standing" rather than "open".
   */
  readonly standing?: boolean;
  readonly satisfied: boolean;
  /** Overrides the rule's citations (e.g. to add the article that triggered it). */
  readonly citations?: readonly Citation[];
  /**
   * Set when a working-day deadline could not be computed (date past the holiday data, or no
   * calendar): the obligation is "undetermined" and the gap is listed in the result.
   */
  readonly calendarGap?: Omit<CalendarGap, 'ruleId' | 'systemId'>;
}

export interface TraceEntry {
  readonly ruleId: string;
  readonly systemId: string;
  readonly outcome: 'applies' | 'not_applicable' | 'not_in_force' | 'missing_facts';
}

export interface EvaluationResult {
  readonly asOf: IsoDate;
  readonly obligations: readonly Obligation[];
  readonly missingFacts: readonly MissingFact[];
  readonly trace: readonly TraceEntry[];
  /** Working-day deadlines that could not be computed, with a message for each. */
  readonly calendarGaps: readonly CalendarGap[];
}
