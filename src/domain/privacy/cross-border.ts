/**
 * Cross-border path engine (数据出境路径): for an organisation and a date, which path each of its
 * transfers abroad needs — CAC security assessment (数据出境安全评估), standard contract filing or
 * certification (个人信息出境标准合同 / 个人信息保护认证), or exempt with its ground — and the
 * duties that follow, stated like the obligations engine states obligations.
 *
 * Three regimes by date ({@link regimeOn}):
 * - `pipl-2021` (2021-11-01 … 2022-08-31): PIPL alone. CII operators: security assessment
 *   (Art. 40); everyone else: one of the Art. 38 mechanisms, no volume threshold in force.
 * - `cac-2022` (2022-09-01 … 2024-03-21): Security Assessment Measures (CAC Order No. 11) Art. 4,
 *   counting since 1 January of the PREVIOUS year ("自上年1月1日起"); below the thresholds a
 *   standard contract (Standard Contract Measures, CAC Order No. 13, only from 2023-06-01) or
 *   certification.
 * - `cac-2024` (from 2024-03-22): Provisions on Promoting and Regulating Cross-border Data Flows
 *   (CAC Order No. 16) Arts. 3–8, counting since 1 January of the as-of year ("自当年1月1日起").
 *
 * Thresholds read as the law reads: "以上" / "达到" include the number, "不满" excludes it (Civil
 * Code Art. 1259). Counts are organisation-wide: every batch of every transfer dated from
 * `countedFrom` to `asOf`, except the batches of transfers exempt on their own ground
 * ({@link EXEMPT_BATCHES_COUNT}).
 *
 * Performance: one pass over the batches to sum them (per-day buckets, so the day a threshold was
 * reached comes from a sort of the distinct days, not of the batches), one pass per transfer over
 * its own batches; explanations shared by all transfers are built once.
 *
 * Pure: no clock, no I/O; the working-day calendar is an argument.
 */
import type { Citation, Provenance } from '../citation';
import { CalendarRangeError, isIsoDate, type IsoDate, type WorkingDayCalendar } from '../calendar';
import { DUE_SOON_DAYS, stateOf } from '../obligations/evaluate';
import { addCalendarDays, addMonths, workingDayDeadline } from '../obligations/helpers';
import { EVENT_DEADLINES, type DraftObligation } from '../obligations/types';
import type { ExemptionGround, MechanismRecord } from '../../shared/privacy-schemas';
import {
  CROSS_BORDER_2024,
  EXPORT_ASSESSMENT_2022,
  PIPL,
  STANDARD_CONTRACT_2023,
} from './citations';
import type {
  CrossBorderCounts,
  CrossBorderPath,
  CrossBorderRegime,
  CrossBorderResult,
  OutboundTransferFacts,
  PrivacyDuty,
  PrivacyOrganisationFacts,
  TransferPath,
} from './types';

// ---------------------------------------------------------------------------------------------
// Parameters (each with its source and status)
// ---------------------------------------------------------------------------------------------

/** Days on which the instruments took effect. */
export const CROSS_BORDER_DATES = {
  /** PIPL in force (PIPL Art. 74). */
  pipl: '2021-11-01',
  /** Security Assessment Measures (CAC Order No. 11) in force. */
  assessmentMeasures: '2022-09-01',
  /** Standard Contract Measures (CAC Order No. 13) in force. */
  standardContractMeasures: '2023-06-01',
  /** 2024 Provisions (CAC Order No. 16) in force on publication. */
  provisions2024: '2024-03-22',
} as const satisfies Record<string, IsoDate>;

/** Volume thresholds (individuals). Inclusive ("以上") unless the name says otherwise. */
export const CROSS_BORDER_THRESHOLDS = {
  /** 2024 Provisions Art. 7(2): ≥ 1,000,000 individuals' non-sensitive PI → assessment. */
  assessmentNonSensitive2024: 1_000_000,
  /** 2024 Provisions Art. 7(2): ≥ 10,000 individuals' sensitive PI → assessment. */
  assessmentSensitive2024: 10_000,
  /** 2024 Provisions Art. 8 / Art. 5(4): ≥ 100,000 non-sensitive → contract; "不满" below it → exempt. */
  contractNonSensitive2024: 100_000,
  /** 2022 Measures Art. 4(2): processor of ≥ 1,000,000 individuals' PI → assessment. */
  processorTotal2022: 1_000_000,
  /** 2022 Measures Art. 4(3): ≥ 100,000 individuals' PI since 1 Jan of the previous year. */
  cumulative2022: 100_000,
  /** 2022 Measures Art. 4(3): ≥ 10,000 individuals' sensitive PI since 1 Jan of the previous year. */
  cumulativeSensitive2022: 10_000,
} as const;

/**
 * Whether batches of transfers exempt on their own ground (2024 Provisions Arts. 3, 4, 5(1)–(3),
 * 6) count towards the organisation's cumulative volumes. `false` follows the CAC's answers to
 * questions on the 2024 Provisions as reported (personal information sent under an exemption is
 * not counted in the cumulative numbers). UNVERIFIED: the verification of the texts for issue 16
 * found no official wording on it (the CAC filing guide's "属于第三条至第六条规定情形的，从其规定"
 * supports it without saying it). Exported so a caller (or a test) can see and flip it.
 */
export const EXEMPT_BATCHES_COUNT = false;

/** Standard Contract Measures Art. 7: file within 10 working days of the contract's effect. Confirmed. */
export const STANDARD_CONTRACT_FILING_WORKING_DAYS = 10;

/** Validity of a security-assessment result, by the regime in force on its approval day. */
export const ASSESSMENT_VALIDITY_YEARS = {
  /** 2024 Provisions Art. 9: 3 years from the day the result is issued. Confirmed. */
  provisions2024: 3,
  /** 2022 Measures Art. 14: 2 years from the day the result is issued. Confirmed. */
  measures2022: 2,
} as const;

/**
 * Whether a result issued before 2024-03-22 keeps the 2 years of the 2022 Measures (true) or
 * takes the 3 years of the 2024 Provisions, which prevail over the Measures where they conflict
 * (Art. 13). No text seen says which: OUR READING, kept as a parameter (the validity of an
 * administrative decision is normally that of the rule under which it was issued).
 */
export const PRE_2024_RESULTS_KEEP_TWO_YEARS = true;

/**
 * Renewal, confirmed in both texts: 2024 Provisions Art. 9 — an extension (of 3 years) may be
 * applied for "在有效期届满前60个工作日内"; 2022 Measures Art. 14 — a new declaration "有效期届满
 * 60个工作日前". Which procedure applies follows the as-of date (the Provisions prevail from
 * 2024-03-22, Art. 13). How the 60 days are counted backwards is our reading: see renewalDraft.
 */
export const ASSESSMENT_RENEWAL_WORKING_DAYS = 60;

/** Penalty provisions (src/catalogs/penalties) a breach of a cross-border PI duty risks. */
export const CROSS_BORDER_PENALTY_IDS = ['pipl-66-1', 'pipl-66-2'] as const;

// ---------------------------------------------------------------------------------------------
// Regimes and labels
// ---------------------------------------------------------------------------------------------

export const CROSS_BORDER_REGIMES: readonly CrossBorderRegime[] = [
  {
    id: 'pipl-2021',
    titleZh: '《个人信息保护法》第三十八条至第四十条（尚无数量门槛）',
    titleEn: 'PIPL Arts. 38–40 (no volume thresholds in force yet)',
    inForceFrom: CROSS_BORDER_DATES.pipl,
    inForceTo: '2022-08-31',
    citations: [PIPL.transferMechanisms, PIPL.transferConsent, PIPL.localisation],
  },
  {
    id: 'cac-2022',
    titleZh: '《数据出境安全评估办法》第四条（自上年1月1日起累计）及《个人信息出境标准合同办法》',
    titleEn:
      'Security Assessment Measures Art. 4 (counted since 1 January of the previous year) and the Standard Contract Measures',
    inForceFrom: CROSS_BORDER_DATES.assessmentMeasures,
    inForceTo: '2024-03-21',
    citations: [
      EXPORT_ASSESSMENT_2022.thresholds,
      STANDARD_CONTRACT_2023.conditions,
      PIPL.transferMechanisms,
    ],
  },
  {
    id: 'cac-2024',
    titleZh: '《促进和规范数据跨境流动规定》第三条至第八条（自当年1月1日起累计）',
    titleEn:
      'Provisions on Promoting and Regulating Cross-border Data Flows, Arts. 3–8 (counted since 1 January of the year)',
    inForceFrom: CROSS_BORDER_DATES.provisions2024,
    inForceTo: null,
    citations: [
      CROSS_BORDER_2024.securityAssessment,
      CROSS_BORDER_2024.standardContract,
      CROSS_BORDER_2024.exemptions,
      CROSS_BORDER_2024.prevailsOverEarlier,
    ],
  },
];

const [PIPL_REGIME, MEASURES_REGIME, PROVISIONS_REGIME] = CROSS_BORDER_REGIMES as [
  CrossBorderRegime,
  CrossBorderRegime,
  CrossBorderRegime,
];

/**
 * The regime that sets the cross-border rules on `asOf`.
 * @throws RangeError before 2021-11-01 (PIPL not yet in force); TypeError on an invalid date.
 */
export function regimeOn(asOf: IsoDate): CrossBorderRegime {
  if (!isIsoDate(asOf)) throw new TypeError(`asOf must be an ISO date (YYYY-MM-DD), got ${asOf}`);
  if (asOf < CROSS_BORDER_DATES.pipl)
    throw new RangeError(
      `No cross-border path before ${CROSS_BORDER_DATES.pipl}: the Personal Information Protection Law was not in force on ${asOf} (个人信息保护法自2021年11月1日起施行).`,
    );
  if (asOf < CROSS_BORDER_DATES.assessmentMeasures) return PIPL_REGIME;
  if (asOf < CROSS_BORDER_DATES.provisions2024) return MEASURES_REGIME;
  return PROVISIONS_REGIME;
}

/** Labels of the paths, Chinese first, for the UI and CLI. */
export const pathLabel: Readonly<
  Record<CrossBorderPath, { readonly zh: string; readonly en: string }>
> = {
  security_assessment: { zh: '申报数据出境安全评估', en: 'CAC security assessment' },
  standard_contract_or_certification: {
    zh: '订立个人信息出境标准合同或通过个人信息保护认证',
    en: 'Standard contract or personal-information protection certification',
  },
  exempt: { zh: '免予申报、订立标准合同和认证', en: 'Exempt' },
  art38_mechanism: {
    zh: '具备《个人信息保护法》第三十八条规定的出境条件',
    en: 'A PIPL Art. 38 transfer mechanism',
  },
};

/** Labels of the exemption grounds a user can claim, with the 2024 Provisions article. */
export const exemptionLabel: Readonly<
  Record<ExemptionGround, { readonly zh: string; readonly en: string }>
> = {
  no_personal_information: {
    zh: '不包含个人信息或者重要数据（第三条）',
    en: 'No personal information or important data (Art. 3)',
  },
  collected_abroad: {
    zh: '境外收集和产生的个人信息传输至境内处理后向境外提供（第四条）',
    en: 'Personal information collected abroad, processed in China and sent back (Art. 4)',
  },
  contract_with_individual: {
    zh: '为订立、履行个人作为一方当事人的合同所必需（第五条第一项）',
    en: 'Necessary for a contract with the individual (Art. 5(1))',
  },
  cross_border_hr: {
    zh: '跨境人力资源管理所必需（第五条第二项）',
    en: 'Necessary for cross-border human-resources management (Art. 5(2))',
  },
  emergency: {
    zh: '紧急情况下为保护自然人的生命健康和财产安全所必需（第五条第三项）',
    en: 'Necessary in an emergency to protect life, health or property (Art. 5(3))',
  },
  ftz_negative_list: {
    zh: '自由贸易试验区负面清单外的数据（第六条）',
    en: 'Data outside a free-trade zone negative list (Art. 6)',
  },
};

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

const P24 = '《促进和规范数据跨境流动规定》';
const M22 = '《数据出境安全评估办法》';
const SC23 = '《个人信息出境标准合同办法》';
const PIPL_ZH = '《个人信息保护法》';

/** 1234567 → "1,234,567". */
function n(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 2026-01-01 → 2026年1月1日. */
function zhDate(date: IsoDate): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

// ---------------------------------------------------------------------------------------------
// Mechanisms
// ---------------------------------------------------------------------------------------------

/** The last day a security-assessment result approved on `approvedOn` is valid (inclusive). */
export function assessmentValidUntil(approvedOn: IsoDate): IsoDate {
  const years =
    approvedOn >= CROSS_BORDER_DATES.provisions2024 || !PRE_2024_RESULTS_KEEP_TWO_YEARS
      ? ASSESSMENT_VALIDITY_YEARS.provisions2024
      : ASSESSMENT_VALIDITY_YEARS.measures2022;
  // Civil Code Art. 201–203: the start day is not counted, a period of years ends on the
  // corresponding day of the last year.
  return addMonths(approvedOn, years * 12);
}

function validAssessment(m: MechanismRecord | null, asOf: IsoDate): boolean {
  return (
    m !== null &&
    m.kind === 'security_assessment' &&
    !!m.approvedOn &&
    m.approvedOn <= asOf &&
    asOf <= assessmentValidUntil(m.approvedOn)
  );
}

function mechanismSatisfies(
  path: CrossBorderPath,
  m: MechanismRecord | null,
  asOf: IsoDate,
): boolean {
  if (path === 'exempt') return true;
  if (m === null) return false;
  if (validAssessment(m, asOf)) return true;
  if (path === 'security_assessment') return false;
  if (m.kind === 'certification') return !!m.approvedOn && m.approvedOn <= asOf;
  if (m.kind !== 'standard_contract') return false;
  // Transfers may start once the contract is in effect (Standard Contract Measures); filing it
  // within 10 working days is its own duty, so a late filing is one overdue duty, not two.
  return (
    (!!m.contractEffectiveOn && m.contractEffectiveOn <= asOf) || (!!m.filedOn && m.filedOn <= asOf)
  );
}

/**
 * `n` working days before `date` (the n-th working day strictly before it), or the calendar gap.
 * The mirror of calendar.addWorkingDays; the obligations helpers only count forwards.
 */
function workingDaysBefore(
  calendar: WorkingDayCalendar | null,
  date: IsoDate,
  days: number,
):
  | { readonly ok: true; readonly date: IsoDate }
  | { readonly ok: false; readonly gap: NonNullable<DraftObligation['calendarGap']> } {
  if (calendar === null)
    return {
      ok: false,
      gap: {
        date: null,
        firstYear: null,
        lastYear: null,
        messageZh: `未提供工作日日历，无法计算${date}前${days}个工作日的日期。`,
        messageEn: `No working-day calendar was supplied, so ${days} working days before ${date} cannot be counted.`,
      },
    };
  try {
    let day = date;
    for (let counted = 0; counted < days;) {
      day = addCalendarDays(day, -1);
      if (calendar.isWorkingDay(day)) counted++;
    }
    return { ok: true, date: day };
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    return {
      ok: false,
      gap: {
        date: error.date,
        firstYear: error.firstYear,
        lastYear: error.lastYear,
        messageZh: `${error.messageZh}${date}前${days}个工作日的日期待补充该年国务院办公厅放假通知后计算。`,
        messageEn: `No State Council holiday arrangement for ${error.year} yet (date ${error.date}; holiday data covers ${error.firstYear}–${error.lastYear}). The day ${days} working days before ${date} is computed once that year's notice is in the data.`,
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

interface Decision {
  readonly path: CrossBorderPath;
  readonly exemption: ExemptionGround | null;
  readonly decidedBy: readonly Citation[];
  readonly zh: string;
  readonly en: string;
  /** First day the deciding condition held in the counting window (null: the whole window). */
  readonly since: IsoDate | null;
  /** The decision rests on an unknown fact (2022: total individuals processed). */
  readonly unknown: boolean;
  /** Batches of this transfer are left out of the organisation's counts. */
  readonly excludeBatches: boolean;
}

const decision = (
  d: Partial<Decision> & Pick<Decision, 'path' | 'decidedBy' | 'zh' | 'en'>,
): Decision => ({
  exemption: null,
  since: null,
  unknown: false,
  excludeBatches: false,
  ...d,
});

const WITHOUT_PI: readonly ExemptionGround[] = ['no_personal_information'];

/** Note added when a ground is claimed on a date the 2024 Provisions were not in force. */
function claimNotInForce(ground: ExemptionGround, asOf: IsoDate): { zh: string; en: string } {
  const label = exemptionLabel[ground];
  return {
    zh: `所主张的豁免“${label.zh}”出自${P24}，该规定自2024年3月22日起施行，${zhDate(asOf)}尚不适用，不予豁免。`,
    en: `The claimed exemption "${label.en}" comes from the 2024 Provisions, in force from 2024-03-22; on ${asOf} it does not apply, so the transfer is not exempt.`,
  };
}

/**
 * Decision that does not depend on the organisation's counts (a claimed ground, important data,
 * CII operator, …), or null when the counts decide.
 */
function decideOwn(
  t: OutboundTransferFacts,
  org: PrivacyOrganisationFacts,
  regime: CrossBorderRegime,
  asOf: IsoDate,
  ftz: FtzStanding,
): { decision: Decision | null; noteZh: string; noteEn: string } {
  let noteZh = '';
  let noteEn = '';
  // No personal information and no important data: outside every regime's scope.
  if (!t.containsPersonalInformation && !t.importantData) {
    if (regime === PROVISIONS_REGIME)
      return {
        noteZh,
        noteEn,
        decision: decision({
          path: 'exempt',
          exemption: 'no_personal_information',
          decidedBy: [CROSS_BORDER_2024.noPersonalInformation],
          zh: `向境外提供的数据不包含个人信息或者重要数据，免予申报数据出境安全评估、订立标准合同和认证（${P24}第三条）。`,
          en: 'The data sent abroad contain no personal information and no important data: exempt from the security assessment, standard contract and certification (2024 Provisions Art. 3).',
          excludeBatches: true,
        }),
      };
    const cite =
      regime === MEASURES_REGIME ? EXPORT_ASSESSMENT_2022.scope : PIPL.transferMechanisms;
    return {
      noteZh,
      noteEn,
      decision: decision({
        path: 'exempt',
        decidedBy: [cite],
        zh:
          regime === MEASURES_REGIME
            ? `向境外提供的数据不包含个人信息或者重要数据，不属于${M22}第二条的适用范围，也不适用${PIPL_ZH}第三十八条。`
            : `向境外提供的数据不包含个人信息或者重要数据，不适用${PIPL_ZH}第三十八条。`,
        en:
          regime === MEASURES_REGIME
            ? 'The data sent abroad contain no personal information and no important data: outside the scope of the Security Assessment Measures (Art. 2) and of PIPL Art. 38.'
            : 'The data sent abroad contain no personal information and no important data: PIPL Art. 38 does not apply.',
        excludeBatches: true,
      }),
    };
  }

  const claim = t.exemption;
  if (claim !== null && regime !== PROVISIONS_REGIME) {
    const note = claimNotInForce(claim, asOf);
    noteZh = note.zh;
    noteEn = note.en;
  }

  if (regime === PIPL_REGIME) {
    if (org.isCiiOperator)
      return {
        noteZh,
        noteEn,
        decision: decision({
          path: 'security_assessment',
          decidedBy: [PIPL.localisation],
          zh: `关键信息基础设施运营者确需向境外提供个人信息的，应当通过国家网信部门组织的安全评估（${PIPL_ZH}第四十条）。`,
          en: 'A critical information infrastructure operator that needs to send personal information abroad must pass the CAC security assessment (PIPL Art. 40).',
        }),
      };
    return {
      noteZh,
      noteEn,
      decision: decision({
        path: 'art38_mechanism',
        decidedBy: [PIPL.transferMechanisms],
        zh:
          (t.containsPersonalInformation
            ? ''
            : `该出境不含个人信息、含重要数据，重要数据出境的安全评估程序${zhDate(asOf)}尚未施行；暂按第三十八条的条件处理（本系统的理解）。`) +
          `向境外提供个人信息应当具备${PIPL_ZH}第三十八条规定的条件之一（安全评估、个人信息保护认证、标准合同或其他条件）；` +
          `${zhDate(asOf)}尚无国家网信部门规定的数量门槛（${M22}自2022年9月1日起施行）。` +
          (t.importantData && t.containsPersonalInformation
            ? `所涉重要数据的出境安全评估办法同样自2022年9月1日起施行。`
            : ''),
        en:
          (t.containsPersonalInformation
            ? ''
            : `The transfer carries important data and no personal information; on ${asOf} no assessment procedure for important data was in force yet, so it is treated like a PIPL Art. 38 transfer (our reading). `) +
          'Sending personal information abroad needs one of the PIPL Art. 38 mechanisms (security assessment, certification, standard contract or another condition); ' +
          `on ${asOf} the CAC had set no volume thresholds (the Security Assessment Measures took effect on 2022-09-01).` +
          (t.importantData && t.containsPersonalInformation
            ? ' The assessment measures for the important data it carries also took effect on 2022-09-01.'
            : ''),
      }),
    };
  }

  if (regime === MEASURES_REGIME) {
    if (t.importantData)
      return {
        noteZh,
        noteEn,
        decision: decision({
          path: 'security_assessment',
          decidedBy: [EXPORT_ASSESSMENT_2022.thresholds],
          zh: `向境外提供重要数据，应当申报数据出境安全评估（${M22}第四条第一项）。`,
          en: 'Important data sent abroad: a security assessment must be declared (Security Assessment Measures Art. 4(1)).',
        }),
      };
    if (org.isCiiOperator)
      return {
        noteZh,
        noteEn,
        decision: decision({
          path: 'security_assessment',
          decidedBy: [EXPORT_ASSESSMENT_2022.thresholds, PIPL.localisation],
          zh: `关键信息基础设施运营者向境外提供个人信息，应当申报数据出境安全评估（${M22}第四条第二项）。`,
          en: 'A critical information infrastructure operator sending personal information abroad must declare a security assessment (Security Assessment Measures Art. 4(2)).',
        }),
      };
    if (
      org.totalIndividuals !== null &&
      org.totalIndividuals >= CROSS_BORDER_THRESHOLDS.processorTotal2022
    )
      return {
        noteZh,
        noteEn,
        decision: decision({
          path: 'security_assessment',
          decidedBy: [EXPORT_ASSESSMENT_2022.thresholds],
          zh: `处理个人信息 ${n(org.totalIndividuals)} 人，达到100万人，向境外提供个人信息应当申报数据出境安全评估（${M22}第四条第二项）。`,
          en: `Processes the personal information of ${n(org.totalIndividuals)} people, reaching 1,000,000: sending personal information abroad needs a security assessment (Security Assessment Measures Art. 4(2)).`,
        }),
      };
    return { noteZh, noteEn, decision: null };
  }

  // 2024 Provisions: the grounds a user can claim, checked against the facts.
  if (claim !== null) {
    const label = exemptionLabel[claim];
    if (WITHOUT_PI.includes(claim)) {
      if (t.containsPersonalInformation) {
        noteZh = `所主张的豁免“${label.zh}”与登记不符：该出境包含个人信息，不予豁免。`;
        noteEn = `The claimed exemption "${label.en}" contradicts the register: the transfer carries personal information, so it is not exempt.`;
      } else {
        noteZh = `所主张的豁免“${label.zh}”不适用：该出境包含重要数据（${P24}第三条以不包含重要数据为条件）。`;
        noteEn = `The claimed exemption "${label.en}" does not apply: the transfer carries important data (Art. 3 requires none).`;
      }
    } else if (t.importantData) {
      noteZh = `所主张的豁免“${label.zh}”不及于重要数据：该出境包含重要数据，仍须申报安全评估。`;
      noteEn = `The claimed exemption "${label.en}" does not cover important data: the transfer carries important data, which still needs a security assessment.`;
    } else if (claim === 'ftz_negative_list' && ftz.kind === 'refused') {
      // Art. 6: only a processor in a zone whose list is in effect; otherwise the counts decide.
      noteZh = `所主张的豁免“${label.zh}”不予适用：${ftz.zh}（${P24}第六条）；按数量门槛判断。`;
      noteEn = `The claimed exemption "${label.en}" does not apply: ${ftz.en} (2024 Provisions Art. 6); the thresholds decide.`;
    } else {
      const cite =
        claim === 'collected_abroad'
          ? CROSS_BORDER_2024.collectedAbroad
          : claim === 'ftz_negative_list'
            ? CROSS_BORDER_2024.freeTradeZones
            : CROSS_BORDER_2024.exemptions;
      return {
        noteZh,
        noteEn,
        decision: decision({
          path: 'exempt',
          exemption: claim,
          decidedBy: [cite],
          zh: `主张的豁免情形：${label.zh}，${P24}规定免予申报数据出境安全评估、订立标准合同和认证${EXEMPT_BATCHES_COUNT ? '' : '；该出境的批次不计入累计人数'}。${claim === 'ftz_negative_list' ? ftz.zh : ''}请留存证明确属该情形的材料。`,
          en: `Claimed exemption: ${label.en} of the 2024 Provisions — no security assessment, standard contract or certification${EXEMPT_BATCHES_COUNT ? '' : '; its batches are left out of the cumulative counts'}.${claim === 'ftz_negative_list' ? ` ${ftz.en}` : ''} Keep evidence that the transfer really falls under it.`,
          excludeBatches: !EXEMPT_BATCHES_COUNT,
        }),
      };
    }
  }
  if (t.importantData)
    return {
      noteZh,
      noteEn,
      decision: decision({
        path: 'security_assessment',
        decidedBy: [CROSS_BORDER_2024.securityAssessment],
        zh: org.isCiiOperator
          ? `关键信息基础设施运营者向境外提供重要数据，应当申报数据出境安全评估（${P24}第七条第一项）。`
          : `向境外提供重要数据，应当申报数据出境安全评估（${P24}第七条第二项）。`,
        en: org.isCiiOperator
          ? 'A critical information infrastructure operator sending important data abroad must declare a security assessment (2024 Provisions Art. 7(1)).'
          : 'Important data sent abroad: a security assessment must be declared (2024 Provisions Art. 7(2)).',
      }),
    };
  if (org.isCiiOperator)
    return {
      noteZh,
      noteEn,
      decision: decision({
        path: 'security_assessment',
        decidedBy: [CROSS_BORDER_2024.securityAssessment],
        zh: `关键信息基础设施运营者向境外提供个人信息，应当申报数据出境安全评估，不论数量（${P24}第七条第一项）。`,
        en: 'A critical information infrastructure operator sending personal information abroad must declare a security assessment, whatever the volume (2024 Provisions Art. 7(1)).',
      }),
    };
  return { noteZh, noteEn, decision: null };
}

/** Per-day sums of the counted batches, to find the day a threshold was reached. */
interface DaySums {
  individuals: number;
  sensitive: number;
  /** 2022 regime: individuals whose PI of any kind was sent (larger of the two per batch). */
  personal: number;
}

interface Totals {
  readonly individuals: number;
  readonly sensitive: number;
  readonly personal: number;
  readonly days: Map<IsoDate, DaySums>;
}

/** First day (ascending) on which the running sums satisfy `reached`, or null. */
function firstDayReached(totals: Totals, reached: (s: DaySums) => boolean): IsoDate | null {
  if (
    !reached({
      individuals: totals.individuals,
      sensitive: totals.sensitive,
      personal: totals.personal,
    })
  )
    return null;
  const days = [...totals.days.keys()].sort();
  const run: DaySums = { individuals: 0, sensitive: 0, personal: 0 };
  for (const day of days) {
    const s = totals.days.get(day) as DaySums;
    run.individuals += s.individuals;
    run.sensitive += s.sensitive;
    run.personal += s.personal;
    if (reached(run)) return day;
  }
  return null;
}

/** The decision the organisation's counts make (shared by every transfer they decide). */
function decideByCounts(
  org: PrivacyOrganisationFacts,
  regime: CrossBorderRegime,
  totals: Totals,
  countedFrom: IsoDate,
  asOf: IsoDate,
): Decision {
  const from = zhDate(countedFrom);
  if (regime === PROVISIONS_REGIME) {
    const T = CROSS_BORDER_THRESHOLDS;
    const ns = totals.individuals;
    const s = totals.sensitive;
    const countsZh = `自${from}起累计向境外提供个人信息（不含敏感个人信息）${n(ns)} 人、敏感个人信息 ${n(s)} 人`;
    const countsEn = `Since ${countedFrom}: ${n(ns)} individuals' personal information (not sensitive) and ${n(s)} individuals' sensitive personal information sent abroad`;
    if (s >= T.assessmentSensitive2024 || ns >= T.assessmentNonSensitive2024) {
      const bySensitive = s >= T.assessmentSensitive2024;
      return decision({
        path: 'security_assessment',
        decidedBy: [CROSS_BORDER_2024.securityAssessment],
        since: firstDayReached(
          totals,
          (r) =>
            r.sensitive >= T.assessmentSensitive2024 ||
            r.individuals >= T.assessmentNonSensitive2024,
        ),
        zh: bySensitive
          ? `自${from}起累计向境外提供敏感个人信息 ${n(s)} 人，达到1万人（${P24}第七条第二项），应当申报数据出境安全评估。`
          : `自${from}起累计向境外提供个人信息（不含敏感个人信息）${n(ns)} 人，达到100万人（${P24}第七条第二项），应当申报数据出境安全评估。`,
        en: bySensitive
          ? `Since ${countedFrom}, ${n(s)} individuals' sensitive personal information sent abroad, reaching 10,000 (2024 Provisions Art. 7(2)): a security assessment must be declared.`
          : `Since ${countedFrom}, ${n(ns)} individuals' personal information (not sensitive) sent abroad, reaching 1,000,000 (2024 Provisions Art. 7(2)): a security assessment must be declared.`,
      });
    }
    if (ns >= T.contractNonSensitive2024 || s > 0) {
      const bySensitive = s > 0;
      return decision({
        path: 'standard_contract_or_certification',
        decidedBy: [CROSS_BORDER_2024.standardContract],
        since: firstDayReached(
          totals,
          (r) => r.sensitive > 0 || r.individuals >= T.contractNonSensitive2024,
        ),
        zh: bySensitive
          ? `${countsZh}；敏感个人信息不满1万人（${P24}第八条），应当订立个人信息出境标准合同或者通过个人信息保护认证。`
          : `${countsZh}；个人信息（不含敏感个人信息）达到10万人、不满100万人（${P24}第八条），应当订立个人信息出境标准合同或者通过个人信息保护认证。`,
        en: bySensitive
          ? `${countsEn}; sensitive personal information of fewer than 10,000 individuals (2024 Provisions Art. 8): a standard contract or certification is needed.`
          : `${countsEn}; personal information (not sensitive) of at least 100,000 and fewer than 1,000,000 individuals (2024 Provisions Art. 8): a standard contract or certification is needed.`,
      });
    }
    return decision({
      path: 'exempt',
      decidedBy: [CROSS_BORDER_2024.exemptions],
      zh: `${countsZh}；关键信息基础设施运营者以外的数据处理者累计不满10万人且未提供敏感个人信息，免予申报数据出境安全评估、订立标准合同和认证（${P24}第五条第四项）。`,
      en: `${countsEn}; a processor that is not a CII operator, below 100,000 individuals and with no sensitive personal information sent, is exempt (2024 Provisions Art. 5(4)).`,
    });
  }

  // 2022 Measures Art. 4(3), then the unknown total, then the standard contract.
  const T = CROSS_BORDER_THRESHOLDS;
  const p = totals.personal;
  const s = totals.sensitive;
  const countsZh = `自${from}（上年1月1日）起累计向境外提供 ${n(p)} 人的个人信息、其中敏感个人信息 ${n(s)} 人`;
  const countsEn = `Since ${countedFrom} (1 January of the previous year): the personal information of ${n(p)} individuals sent abroad, sensitive personal information of ${n(s)}`;
  const countingNoteZh = '（每批按个人信息人数与敏感个人信息人数的较大者计人数）';
  const countingNoteEn = ' (each batch counted as the larger of its two figures)';
  if (p >= T.cumulative2022 || s >= T.cumulativeSensitive2022) {
    return decision({
      path: 'security_assessment',
      decidedBy: [EXPORT_ASSESSMENT_2022.thresholds],
      since: firstDayReached(
        totals,
        (r) => r.personal >= T.cumulative2022 || r.sensitive >= T.cumulativeSensitive2022,
      ),
      zh:
        s >= T.cumulativeSensitive2022
          ? `${countsZh}，敏感个人信息达到1万人（${M22}第四条第三项），应当申报数据出境安全评估。`
          : `${countsZh}${countingNoteZh}，达到10万人（${M22}第四条第三项），应当申报数据出境安全评估。`,
      en:
        s >= T.cumulativeSensitive2022
          ? `${countsEn}; sensitive personal information reaches 10,000 (Security Assessment Measures Art. 4(3)): a security assessment must be declared.`
          : `${countsEn}${countingNoteEn}, reaching 100,000 (Security Assessment Measures Art. 4(3)): a security assessment must be declared.`,
    });
  }
  if (org.totalIndividuals === null)
    return decision({
      path: 'security_assessment',
      decidedBy: [EXPORT_ASSESSMENT_2022.thresholds],
      unknown: true,
      zh: `${countsZh}，未达第四条第三项的数量；但未登记本单位处理个人信息的总人数，无法排除“处理100万人以上个人信息”（${M22}第四条第二项）。在确认不满100万人之前按须申报安全评估对待；确认不满100万人的，可订立标准合同或者通过认证。`,
      en: `${countsEn}, below Art. 4(3); but the number of individuals whose personal information the organisation processes is not recorded, so "processing the personal information of 1,000,000 people or more" (Security Assessment Measures Art. 4(2)) cannot be ruled out. Treated as needing a security assessment until the total is confirmed below 1,000,000; then a standard contract or certification suffices.`,
    });
  const below = `${countsZh}，未达10万人和1万人；处理个人信息 ${n(org.totalIndividuals)} 人，不满100万人，且非关键信息基础设施运营者`;
  const belowEn = `${countsEn}, below 100,000 and 10,000; processes the personal information of ${n(org.totalIndividuals)} people, fewer than 1,000,000, and is not a CII operator`;
  if (asOf >= CROSS_BORDER_DATES.standardContractMeasures)
    return decision({
      path: 'standard_contract_or_certification',
      decidedBy: [STANDARD_CONTRACT_2023.conditions, PIPL.transferMechanisms],
      zh: `${below}（${SC23}第四条），可以订立个人信息出境标准合同或者通过个人信息保护认证。`,
      en: `${belowEn} (Standard Contract Measures Art. 4): a standard contract or certification may be used.`,
    });
  return decision({
    path: 'standard_contract_or_certification',
    decidedBy: [PIPL.transferMechanisms],
    zh: `${below}，无须申报安全评估；应当具备${PIPL_ZH}第三十八条规定的其他条件（个人信息保护认证或标准合同）。${SC23}自2023年6月1日起施行，${zhDate(asOf)}尚无备案要求。`,
    en: `${belowEn}: no security assessment; another PIPL Art. 38 mechanism is needed (certification or a standard contract). The Standard Contract Measures took effect on 2023-06-01; on ${asOf} no filing was required yet.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Duties
// ---------------------------------------------------------------------------------------------

interface DutyMeta {
  readonly ruleId: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly provenance: Provenance;
}

const DUTIES = {
  assessment: {
    ruleId: 'privacy.cross-border.security-assessment',
    titleZh: '数据出境前申报并通过安全评估',
    titleEn: 'Declare and pass the security assessment before the transfer',
    provenance: 'confirmed',
  },
  contract: {
    ruleId: 'privacy.cross-border.standard-contract',
    titleZh: '出境前订立个人信息出境标准合同或通过个人信息保护认证',
    titleEn: 'Conclude a standard contract or obtain certification before the transfer',
    provenance: 'confirmed',
  },
  art38: {
    ruleId: 'privacy.cross-border.art38-mechanism',
    titleZh: '出境前具备个人信息保护法第三十八条规定的条件',
    titleEn: 'Have a PIPL Art. 38 mechanism in place before the transfer',
    provenance: 'confirmed',
  },
  filing: {
    ruleId: 'privacy.cross-border.standard-contract-filing',
    titleZh: '标准合同生效之日起10个工作日内向省级网信部门备案',
    titleEn:
      'File the standard contract with the provincial CAC within 10 working days of its effect',
    // 10 working days, provincial CAC: confirmed (CAC filing guides); "Art. 7" from memory.
    provenance: 'derived',
  },
  renewal: {
    ruleId: 'privacy.cross-border.assessment-renewal',
    titleZh: '安全评估结果有效期届满前申请延期或重新申报',
    titleEn: 'Apply to extend (or re-declare) the security assessment before its result expires',
    // Figures confirmed; the backwards count of the 60 working days is our reading.
    provenance: 'derived',
  },
  consent: {
    ruleId: 'privacy.cross-border.notice-and-consent',
    titleZh: '向境外提供个人信息前告知并取得个人单独同意',
    titleEn: 'Inform the individuals and obtain their separate consent before sending abroad',
    provenance: 'confirmed',
  },
  notice: {
    ruleId: 'privacy.cross-border.notice-and-consent',
    titleZh: '向境外提供个人信息前告知个人',
    titleEn: 'Inform the individuals before sending their information abroad',
    provenance: 'derived',
  },
  pipia: {
    ruleId: 'privacy.cross-border.pipia',
    titleZh: '向境外提供个人信息前开展个人信息保护影响评估',
    titleEn: 'Carry out a personal-information protection impact assessment before sending abroad',
    provenance: 'confirmed',
  },
  volumeUnknown: {
    ruleId: 'privacy.cross-border.total-individuals-unknown',
    titleZh: '登记处理个人信息的总人数以确定出境路径',
    titleEn: 'Record the number of individuals processed to settle the transfer path',
    provenance: 'confirmed',
  },
} as const satisfies Record<string, DutyMeta>;

const CONTRACT_FREE_GROUNDS: readonly ExemptionGround[] = [
  'contract_with_individual',
  'cross_border_hr',
  'emergency',
];

/**
 * A free-trade-zone negative list as the engine reads it (2024 Provisions Art. 6): the shipped
 * catalog's records (src/catalogs/ftz-negative-lists, shippedFtzLists()) fit this shape.
 */
export interface FtzNegativeListFacts {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly zoneZh: string;
  readonly zoneEn: string;
  /** First day in effect (inclusive). */
  readonly effectiveFrom: IsoDate;
  /** Last day in effect (inclusive); null: still in effect. */
  readonly effectiveTo: IsoDate | null;
}

/**
 * The organisation facts the cross-border engine reads: the shared PrivacyOrganisationFacts plus
 * the free-trade-zone negative list the organisation is registered under (register profile
 * `freeTradeZone`). Optional, so every PrivacyOrganisationFacts is one.
 */
export interface CrossBorderOrganisationFacts extends PrivacyOrganisationFacts {
  readonly freeTradeZoneListId?: string | null;
}

/** Whether a claimed `ftz_negative_list` exemption rests on a list in effect (computed once). */
type FtzStanding =
  | { readonly kind: 'listed'; readonly zh: string; readonly en: string }
  | { readonly kind: 'refused'; readonly zh: string; readonly en: string }
  | { readonly kind: 'unchecked'; readonly zh: string; readonly en: string };

/**
 * Art. 6: "自贸试验区内数据处理者向境外提供负面清单外的数据" — the processor must be in a zone
 * whose list (approved and filed) is in effect on the as-of day. Whether the data are outside
 * the list stays the user's claim. Without `lists` (a caller that passes none) the claim is taken
 * as stated, and the explanation says the list was not checked.
 */
function ftzStanding(
  org: CrossBorderOrganisationFacts,
  lists: readonly FtzNegativeListFacts[] | undefined,
  asOf: IsoDate,
): FtzStanding {
  if (lists === undefined)
    return {
      kind: 'unchecked',
      zh: '未提供自由贸易试验区负面清单数据，未核对本单位所依据的清单。',
      en: 'No free-trade-zone negative lists were supplied, so the list relied on was not checked.',
    };
  const id = org.freeTradeZoneListId ?? null;
  if (id === null)
    return {
      kind: 'refused',
      zh: '登记簿概况未指明本单位注册所在自由贸易试验区的负面清单',
      en: 'the register profile names no free-trade-zone negative list the organisation is registered under',
    };
  const list = lists.find((l) => l.id === id);
  if (list === undefined)
    return {
      kind: 'refused',
      zh: `登记的负面清单“${id}”不在已知清单中（已知：${lists.map((l) => l.id).join('、') || '无'}）`,
      en: `the named negative list "${id}" is not a known list (known: ${lists.map((l) => l.id).join(', ') || 'none'})`,
    };
  if (asOf < list.effectiveFrom)
    return {
      kind: 'refused',
      zh: `《${list.titleZh}》自${zhDate(list.effectiveFrom)}起施行，${zhDate(asOf)}尚未施行`,
      en: `the ${list.titleEn} is in effect from ${list.effectiveFrom}; on ${asOf} it was not yet`,
    };
  if (list.effectiveTo !== null && asOf > list.effectiveTo)
    return {
      kind: 'refused',
      zh: `《${list.titleZh}》施行至${zhDate(list.effectiveTo)}，${zhDate(asOf)}已不再适用`,
      en: `the ${list.titleEn} was in effect until ${list.effectiveTo}; on ${asOf} it no longer applies`,
    };
  return {
    kind: 'listed',
    zh: `本单位依据的清单：《${list.titleZh}》（自${zhDate(list.effectiveFrom)}起施行），所出境数据应在清单之外。`,
    en: `List relied on: ${list.titleEn} (in effect from ${list.effectiveFrom}); the data sent must be outside it.`,
  };
}

export interface CrossBorderOptions {
  /**
   * The China working-day calendar (shippedHolidayCalendar()) for the working-day deadlines;
   * null: those deadlines are "undetermined", with a message.
   */
  readonly calendar: WorkingDayCalendar | null;
  /**
   * Whether to list, per transfer, the PIPL duties that hold whatever the path (Art. 39 notice
   * and separate consent, Art. 55(4) PIPIA). Default true. A caller that states them per
   * activity, with the consents and approved PIPIAs on record (privacyDuties), may turn them off.
   */
  readonly piplDuties?: boolean;
  /**
   * The free-trade-zone negative lists (shippedFtzLists()): a claimed `ftz_negative_list`
   * exemption counts only if the organisation names one of them in effect on the as-of day.
   * Omitted: the claim is taken as stated, with a note that no list was checked.
   */
  readonly ftzLists?: readonly FtzNegativeListFacts[];
}

/**
 * The path each transfer abroad needs on `asOf`, the organisation-wide counts that decided, and
 * the duties that follow (with their state on `asOf`).
 *
 * @throws RangeError when `asOf` is before 2021-11-01 (PIPL not in force).
 *
 * @example
 * crossBorderPaths({ isCiiOperator: false, totalIndividuals: 2_000_000 }, transfers, '2026-06-30',
 *   { calendar: shippedHolidayCalendar() }).paths[0].path // 'standard_contract_or_certification'
 */
export function crossBorderPaths(
  org: CrossBorderOrganisationFacts,
  transfers: readonly OutboundTransferFacts[],
  asOf: IsoDate,
  options: CrossBorderOptions,
): CrossBorderResult {
  const regime = regimeOn(asOf);
  const year = Number(asOf.slice(0, 4));
  // "自当年1月1日起" (2024) / "自上年1月1日起" (2022); PIPL alone sets no window: the as-of year,
  // for information.
  const countedFrom: IsoDate =
    regime === MEASURES_REGIME
      ? `${String(year - 1).padStart(4, '0')}-01-01`
      : `${asOf.slice(0, 4)}-01-01`;

  // 1. Decisions that do not depend on the counts; they say which batches are left out.
  const ftz = ftzStanding(org, options.ftzLists, asOf);
  const own = transfers.map((t) => decideOwn(t, org, regime, asOf, ftz));

  // 2. One pass over the counted batches: totals and per-day sums.
  const days = new Map<IsoDate, DaySums>();
  let individuals = 0;
  let sensitive = 0;
  let personal = 0;
  let exemptBatches = 0;
  for (let i = 0; i < transfers.length; i++) {
    const t = transfers[i] as OutboundTransferFacts;
    const exclude = own[i]?.decision?.excludeBatches === true;
    for (const b of t.batches) {
      const d = b.transferredOn;
      if (d < countedFrom || d > asOf) continue;
      // Validated at the boundary (zod); a caller that skipped it gets a named error, not a sum.
      if (!(b.individuals >= 0 && b.sensitiveIndividuals >= 0))
        throw new RangeError(
          `Transfer ${t.id}, batch of ${d}: individuals and sensitiveIndividuals must be numbers ≥ 0 (got ${b.individuals}, ${b.sensitiveIndividuals})`,
        );
      if (exclude) {
        exemptBatches++;
        continue;
      }
      const larger =
        b.individuals > b.sensitiveIndividuals ? b.individuals : b.sensitiveIndividuals;
      individuals += b.individuals;
      sensitive += b.sensitiveIndividuals;
      personal += larger;
      const s = days.get(d);
      if (s === undefined)
        days.set(d, {
          individuals: b.individuals,
          sensitive: b.sensitiveIndividuals,
          personal: larger,
        });
      else {
        s.individuals += b.individuals;
        s.sensitive += b.sensitiveIndividuals;
        s.personal += larger;
      }
    }
  }
  const counts: CrossBorderCounts = {
    countedFrom,
    countedTo: asOf,
    individuals,
    sensitiveIndividuals: sensitive,
    exemptBatches,
  };

  // 3. The counts' decision, once (only the regimes with thresholds use it).
  let byCounts: Decision | null = null;
  const countsDecision = (): Decision =>
    (byCounts ??= decideByCounts(
      org,
      regime,
      { individuals, sensitive, personal, days },
      countedFrom,
      asOf,
    ));

  // 4. Paths and duties.
  const dueSoonUntil = addCalendarDays(asOf, DUE_SOON_DAYS);
  const paths: TransferPath[] = [];
  const duties: PrivacyDuty[] = [];
  let unknownVolume = false;
  const mechanismCitations = new Map<Decision, readonly Citation[]>();
  // Filing deadlines by contract date: a register has few distinct dates.
  const filingDeadlines = new Map<IsoDate, ReturnType<typeof workingDayDeadline>>();
  const filingDeadline = (from: IsoDate) => {
    let hit = filingDeadlines.get(from);
    if (hit === undefined)
      filingDeadlines.set(
        from,
        (hit = workingDayDeadline(
          { calendar: options.calendar },
          from,
          STANDARD_CONTRACT_FILING_WORKING_DAYS,
        )),
      );
    return hit;
  };
  // One subject object per transfer, shared by its duties.
  let lastTransfer: OutboundTransferFacts | null = null;
  let lastSubject: PrivacyDuty['subject'] | null = null;
  const subjectOf = (t: OutboundTransferFacts): PrivacyDuty['subject'] => {
    if (t !== lastTransfer || lastSubject === null) {
      lastTransfer = t;
      lastSubject = {
        kind: 'transfer',
        id: t.id,
        name: `${t.activityName} → ${t.recipientName} (${t.country})`,
      };
    }
    return lastSubject;
  };
  const push = (
    meta: DutyMeta,
    t: OutboundTransferFacts,
    draft: DraftObligation,
    citations: readonly Citation[],
    factsMissing = false,
  ) => {
    duties.push({
      ruleId: meta.ruleId,
      subject: subjectOf(t),
      titleZh: meta.titleZh,
      titleEn: meta.titleEn,
      reasonZh: draft.reasonZh,
      reasonEn: draft.reasonEn,
      citations,
      dueDate: draft.dueDate,
      eventDeadline: draft.eventDeadline ?? null,
      state: stateOf(draft, asOf, dueSoonUntil, factsMissing),
      provenance: meta.provenance,
      penaltyIds: CROSS_BORDER_PENALTY_IDS,
    });
  };

  for (let i = 0; i < transfers.length; i++) {
    const t = transfers[i] as OutboundTransferFacts;
    const o = own[i] as ReturnType<typeof decideOwn>;
    const d = o.decision ?? countsDecision();
    if (d.unknown) unknownVolume = true;
    const m = t.mechanism ?? null;
    const satisfies = mechanismSatisfies(d.path, m, asOf);
    paths.push({
      transferId: t.id,
      path: d.path,
      exemption: d.exemption,
      decidedBy: d.decidedBy,
      explanationZh: o.noteZh ? `${d.zh}${o.noteZh}` : d.zh,
      explanationEn: o.noteEn ? `${d.en} ${o.noteEn}` : d.en,
      mechanismSatisfies: satisfies,
    });

    // The mechanism the path needs.
    if (d.path !== 'exempt') {
      const meta =
        d.path === 'security_assessment'
          ? DUTIES.assessment
          : d.path === 'standard_contract_or_certification'
            ? DUTIES.contract
            : DUTIES.art38;
      let citations = mechanismCitations.get(d);
      if (citations === undefined)
        mechanismCitations.set(
          d,
          (citations =
            d.path === 'art38_mechanism'
              ? [PIPL.transferMechanisms]
              : [...d.decidedBy, PIPL.transferMechanisms]),
        );
      const expired =
        m !== null &&
        m.kind === 'security_assessment' &&
        !!m.approvedOn &&
        m.approvedOn <= asOf &&
        !satisfies
          ? assessmentValidUntil(m.approvedOn)
          : null;
      if (satisfies) {
        push(
          meta,
          t,
          {
            satisfied: true,
            dueDate: null,
            reasonZh: `${d.zh}已具备：${mechanismZh(m)}。`,
            reasonEn: `${d.en} In place: ${mechanismEn(m)}.`,
          },
          citations,
        );
      } else {
        // A batch of this transfer sent in the window since the condition held, without the
        // mechanism: the duty fell due on that day. Otherwise: due before the next transfer.
        const start = latestOf(
          d.since ?? countedFrom,
          countedFrom,
          expired ? addCalendarDays(expired, 1) : null,
        );
        let first: IsoDate | null = null;
        for (const b of t.batches) {
          const day = b.transferredOn;
          if (day >= start && day <= asOf && (first === null || day < first)) first = day;
        }
        const whyZh = expired ? `原安全评估结果有效期至${expired}，已届满。` : '';
        const whyEn = expired
          ? ` The earlier assessment result was valid until ${expired} and has expired.`
          : '';
        const sentZh = first ? `${first}已有批次出境而未具备相应条件。` : '数据出境前应当具备。';
        const sentEn = first
          ? ` A batch left on ${first} without it.`
          : ' Needed before data leave the country.';
        push(
          meta,
          t,
          {
            satisfied: false,
            // On an unknown fact the path itself is uncertain: undetermined, not dated.
            dueDate: d.unknown ? null : first,
            eventDeadline: first || d.unknown ? null : EVENT_DEADLINES.beforeTransfer,
            reasonZh: `${d.zh}${whyZh}${sentZh}`,
            reasonEn: `${d.en}${whyEn}${sentEn}`,
          },
          citations,
          d.unknown,
        );
      }
    }

    // Standard contract filing (from 2023-06-01, when the path is a contract and one is recorded).
    if (
      d.path === 'standard_contract_or_certification' &&
      m !== null &&
      m.kind === 'standard_contract' &&
      asOf >= CROSS_BORDER_DATES.standardContractMeasures
    )
      push(
        DUTIES.filing,
        t,
        filingDraft(m, asOf, filingDeadline),
        [STANDARD_CONTRACT_2023.filing],
        !m.contractEffectiveOn && !(m.filedOn && m.filedOn <= asOf),
      );

    // Validity and renewal of an assessment the path relies on.
    if (
      d.path === 'security_assessment' &&
      m !== null &&
      m.kind === 'security_assessment' &&
      m.approvedOn &&
      m.approvedOn <= asOf &&
      satisfies
    )
      push(DUTIES.renewal, t, renewalDraft(m.approvedOn, asOf, options.calendar), [
        ...(m.approvedOn < CROSS_BORDER_DATES.provisions2024
          ? [EXPORT_ASSESSMENT_2022.validity]
          : []),
        ...(asOf >= CROSS_BORDER_DATES.provisions2024
          ? [CROSS_BORDER_2024.assessmentValidity]
          : []),
      ]);

    // PIPL duties that apply to every transfer of personal information, exempt or not.
    if (t.containsPersonalInformation && options.piplDuties !== false) {
      const remain = d.path === 'exempt' && regime === PROVISIONS_REGIME;
      // PIPL Art. 13 ¶2 (in force since 2021): a contract / HR / emergency basis needs no consent,
      // whether or not the 2024 Provisions exempt the transfer from the mechanisms.
      const noConsent = t.exemption !== null && CONTRACT_FREE_GROUNDS.includes(t.exemption);
      const consent = piplDuty('consent', noConsent, remain);
      push(consent.meta, t, consent.draft, consent.citations);
      const pipia = piplDuty('pipia', false, remain);
      push(pipia.meta, t, pipia.draft, pipia.citations);
    }
  }

  if (unknownVolume) {
    const draft: DraftObligation = {
      satisfied: false,
      dueDate: null,
      reasonZh: `未登记本单位处理个人信息的总人数：${M22}第四条第二项以处理100万人以上个人信息为申报安全评估的条件，无法判断是否适用。请在登记簿概况中填写总人数。`,
      reasonEn:
        'The number of individuals whose personal information the organisation processes is not recorded: Security Assessment Measures Art. 4(2) makes 1,000,000 or more a trigger for the security assessment, so the path cannot be settled. Record the total in the register profile.',
    };
    duties.push({
      ruleId: DUTIES.volumeUnknown.ruleId,
      subject: { kind: 'organisation', id: 'organisation', name: '本单位 / organisation' },
      titleZh: DUTIES.volumeUnknown.titleZh,
      titleEn: DUTIES.volumeUnknown.titleEn,
      reasonZh: draft.reasonZh,
      reasonEn: draft.reasonEn,
      citations: [EXPORT_ASSESSMENT_2022.thresholds],
      dueDate: null,
      eventDeadline: null,
      state: stateOf(draft, asOf, dueSoonUntil, true),
      provenance: DUTIES.volumeUnknown.provenance,
      penaltyIds: CROSS_BORDER_PENALTY_IDS,
    });
  }

  return { asOf, regime, counts, paths, duties };
}

/** The PIPL Art. 39 and Art. 55(4) duties: a few fixed texts, built once and shared. */
const piplDutyCache = new Map<
  string,
  { meta: DutyMeta; draft: DraftObligation; citations: readonly Citation[] }
>();

function piplDuty(kind: 'consent' | 'pipia', noConsent: boolean, remain: boolean) {
  const key = `${kind}:${noConsent}:${remain}`;
  let hit = piplDutyCache.get(key);
  if (hit !== undefined) return hit;
  const remainZh = remain ? `豁免出境手续不免除该义务（${P24}第十条）。` : '';
  const remainEn = remain
    ? ' An exemption from the transfer procedures does not lift this duty (2024 Provisions Art. 10).'
    : '';
  const remainCite = remain ? [CROSS_BORDER_2024.piplDutiesRemain] : [];
  const base = { satisfied: false, dueDate: null, eventDeadline: EVENT_DEADLINES.beforeTransfer };
  if (kind === 'pipia')
    hit = {
      meta: DUTIES.pipia,
      citations: [PIPL.pipiaTriggers, ...remainCite],
      draft: {
        ...base,
        reasonZh: `向境外提供个人信息前，应当事前进行个人信息保护影响评估并记录处理情况（${PIPL_ZH}第五十五条第四项）。${remainZh}`,
        reasonEn: `Before sending personal information abroad, carry out a personal-information protection impact assessment and record the processing (PIPL Art. 55(4)).${remainEn}`,
      },
    };
  else if (noConsent)
    hit = {
      meta: DUTIES.notice,
      citations: [PIPL.transferConsent, PIPL.legalBases, ...remainCite],
      draft: {
        ...base,
        reasonZh: `向境外提供个人信息前，应当向个人告知境外接收方的名称、联系方式、处理目的、处理方式、个人信息种类及行使权利的方式（${PIPL_ZH}第三十九条）；所依据的合同履行、人力资源管理或紧急情况属于第十三条第一款第二项至第七项情形，不需取得同意（第十三条第二款，本系统的理解）。${remainZh}`,
        reasonEn: `Before sending personal information abroad, tell the individuals the recipient's name and contact, the purpose, method and kinds of information, and how to exercise their rights (PIPL Art. 39); the contract, HR or emergency ground is an Art. 13 ¶1 (2)–(7) basis, so no consent is needed (Art. 13 ¶2, our reading).${remainEn}`,
      },
    };
  else
    hit = {
      meta: DUTIES.consent,
      citations: [PIPL.transferConsent, ...remainCite],
      draft: {
        ...base,
        reasonZh: `向境外提供个人信息前，应当向个人告知境外接收方的名称、联系方式、处理目的、处理方式、个人信息种类及行使权利的方式，并取得个人的单独同意（${PIPL_ZH}第三十九条）。${remainZh}`,
        reasonEn: `Before sending personal information abroad, tell the individuals the recipient's name and contact, the purpose, method and kinds of information, and how to exercise their rights, and obtain their separate consent (PIPL Art. 39).${remainEn}`,
      },
    };
  piplDutyCache.set(key, hit);
  return hit;
}

function latestOf(...dates: readonly (IsoDate | null)[]): IsoDate {
  let best = '';
  for (const d of dates) if (d !== null && d > best) best = d;
  return best;
}

function mechanismZh(m: MechanismRecord | null): string {
  if (m === null) return '无';
  const ref = m.reference ? `（编号 ${m.reference}）` : '';
  if (m.kind === 'security_assessment')
    return `安全评估于${m.approvedOn}通过，有效期至${assessmentValidUntil(m.approvedOn as IsoDate)}${ref}`;
  if (m.kind === 'certification') return `个人信息保护认证于${m.approvedOn}取得${ref}`;
  return m.filedOn
    ? `标准合同于${m.filedOn}备案${ref}`
    : `标准合同于${m.contractEffectiveOn}生效${ref}`;
}

function mechanismEn(m: MechanismRecord | null): string {
  if (m === null) return 'none';
  const ref = m.reference ? ` (no. ${m.reference})` : '';
  if (m.kind === 'security_assessment')
    return `security assessment passed on ${m.approvedOn}, valid until ${assessmentValidUntil(m.approvedOn as IsoDate)}${ref}`;
  if (m.kind === 'certification') return `certification obtained on ${m.approvedOn}${ref}`;
  return m.filedOn
    ? `standard contract filed on ${m.filedOn}${ref}`
    : `standard contract in effect since ${m.contractEffectiveOn}${ref}`;
}

/** Standard Contract Measures Art. 7: filing within 10 working days of the contract's effect. */
function filingDraft(
  m: MechanismRecord,
  asOf: IsoDate,
  deadlineFrom: (from: IsoDate) => ReturnType<typeof workingDayDeadline>,
): DraftObligation {
  const days = STANDARD_CONTRACT_FILING_WORKING_DAYS;
  if (m.filedOn && m.filedOn <= asOf)
    return {
      satisfied: true,
      dueDate: null,
      reasonZh: `标准合同已于${m.filedOn}向省级网信部门备案${m.reference ? `（备案编号 ${m.reference}）` : ''}（${SC23}第七条）。`,
      reasonEn: `The standard contract was filed with the provincial CAC on ${m.filedOn}${m.reference ? ` (no. ${m.reference})` : ''} (Standard Contract Measures Art. 7).`,
    };
  if (!m.contractEffectiveOn)
    return {
      satisfied: false,
      dueDate: null,
      reasonZh: `应当在标准合同生效之日起${days}个工作日内向所在地省级网信部门备案（${SC23}第七条）；未登记合同生效日期，无法计算期限。`,
      reasonEn: `The standard contract must be filed with the provincial CAC within ${days} working days of taking effect (Standard Contract Measures Art. 7); its effective date is not recorded, so the deadline cannot be computed.`,
    };
  // A contract in effect before the Measures: counted from their entry into force (our reading).
  const from =
    m.contractEffectiveOn < CROSS_BORDER_DATES.standardContractMeasures
      ? CROSS_BORDER_DATES.standardContractMeasures
      : m.contractEffectiveOn;
  const fromNoteZh =
    from !== m.contractEffectiveOn
      ? `（合同于${m.contractEffectiveOn}生效，早于该办法施行，自2023年6月1日起算，本系统的理解）`
      : '';
  const fromNoteEn =
    from !== m.contractEffectiveOn
      ? ` (the contract took effect on ${m.contractEffectiveOn}, before the Measures; counted from 2023-06-01, our reading)`
      : '';
  const deadline = deadlineFrom(from);
  if (!deadline.ok)
    return {
      satisfied: false,
      dueDate: null,
      calendarGap: deadline.gap,
      reasonZh: `标准合同于${m.contractEffectiveOn}生效${fromNoteZh}，应当在${days}个工作日内向所在地省级网信部门备案（${SC23}第七条）。${deadline.gap.messageZh}`,
      reasonEn: `The standard contract took effect on ${m.contractEffectiveOn}${fromNoteEn}; it must be filed with the provincial CAC within ${days} working days (Standard Contract Measures Art. 7). ${deadline.gap.messageEn}`,
    };
  return {
    satisfied: false,
    dueDate: deadline.due,
    reasonZh: `标准合同于${m.contractEffectiveOn}生效${fromNoteZh}，应当在${days}个工作日内（按国务院办公厅放假安排计算，至${deadline.due}）向所在地省级网信部门备案（${SC23}第七条）。`,
    reasonEn: `The standard contract took effect on ${m.contractEffectiveOn}${fromNoteEn}; file it with the provincial CAC within ${days} working days, by ${deadline.due} on the State Council holiday calendar (Standard Contract Measures Art. 7).`,
  };
}

/**
 * Validity and renewal of an assessment result that is valid on the as-of day. The validity
 * follows the approval day ({@link assessmentValidUntil}); the procedure follows the as-of day:
 * - 2024 Provisions Art. 9 (from 2024-03-22): apply for the extension "within the 60 working days
 *   before expiry" — the window opens on the 60th working day strictly before the expiry day and
 *   the duty is due on the expiry day;
 * - 2022 Measures Art. 14 (before): declare again "60 working days before expiry" — due on the
 *   last working day that leaves 60 full working days before the expiry day.
 */
function renewalDraft(
  approvedOn: IsoDate,
  asOf: IsoDate,
  calendar: WorkingDayCalendar | null,
): DraftObligation {
  const until = assessmentValidUntil(approvedOn);
  const issued2024 = approvedOn >= CROSS_BORDER_DATES.provisions2024;
  const under2024 = asOf >= CROSS_BORDER_DATES.provisions2024;
  const years =
    issued2024 || !PRE_2024_RESULTS_KEEP_TWO_YEARS
      ? ASSESSMENT_VALIDITY_YEARS.provisions2024
      : ASSESSMENT_VALIDITY_YEARS.measures2022;
  const days = ASSESSMENT_RENEWAL_WORKING_DAYS;
  const window = workingDaysBefore(calendar, until, under2024 ? days : days + 1);
  const validityZh = issued2024
    ? `（${P24}第九条）`
    : `（${M22}第十四条；2024年3月22日前出具的结果按原有效期计算，本系统的理解）`;
  const validityEn = issued2024
    ? ' (2024 Provisions Art. 9)'
    : ' (Security Assessment Measures Art. 14; a result issued before 2024-03-22 keeps its original validity, our reading)';
  const baseZh = under2024
    ? `安全评估结果于${approvedOn}出具，有效期${years}年，至${until}${validityZh}。需要继续出境的，可以在有效期届满前${days}个工作日内申请延长有效期3年（${P24}第九条）`
    : `安全评估结果于${approvedOn}出具，有效期${years}年，至${until}${validityZh}。需要继续出境的，应当在有效期届满${days}个工作日前重新申报（${M22}第十四条）`;
  const baseEn = under2024
    ? `The assessment result was issued on ${approvedOn} and is valid for ${years} years, until ${until}${validityEn}. To keep transferring, apply within the ${days} working days before it expires for a 3-year extension (2024 Provisions Art. 9)`
    : `The assessment result was issued on ${approvedOn} and is valid for ${years} years, until ${until}${validityEn}. To keep transferring, declare again ${days} working days before it expires (Security Assessment Measures Art. 14)`;
  if (!window.ok)
    return under2024
      ? {
          // The deadline is the expiry, a calendar date: only the window's opening is unknown.
          satisfied: false,
          dueDate: until,
          reasonZh: `${baseZh}。${window.gap.messageZh}`,
          reasonEn: `${baseEn}. ${window.gap.messageEn}`,
        }
      : {
          satisfied: false,
          dueDate: null,
          calendarGap: window.gap,
          reasonZh: `${baseZh}。${window.gap.messageZh}`,
          reasonEn: `${baseEn}. ${window.gap.messageEn}`,
        };
  return {
    satisfied: false,
    dueDate: under2024 ? until : window.date,
    windowOpensOn: under2024 ? window.date : null,
    reasonZh: under2024
      ? `${baseZh}：申请期自${window.date}起，至${until}止。`
      : `${baseZh}：至迟于${window.date}。`,
    reasonEn: under2024
      ? `${baseEn}: from ${window.date} until ${until}.`
      : `${baseEn}: by ${window.date} at the latest.`,
  };
}
