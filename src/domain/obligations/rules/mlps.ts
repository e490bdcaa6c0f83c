import { CSL_2016_IN_FORCE, CSL_2025_IN_FORCE, type Citation } from '../../citation';
import type { IsoDate } from '../../calendar';
import type { ObligationRule, SystemFacts } from '../types';
import {
  addCalendarDays,
  addMonths,
  compareIsoDate,
  lastEvent,
  lastFiling,
  latest,
  nextRecurrence,
  workingDayDeadline,
} from '../helpers';

/**
 * Date of 公网安〔2025〕1846号; rules changed by that letter switch on this day. The transcription
 * omits the date; 2025-04-27 comes from one third-party analysis (derived, see the knowledge base).
 */
export const MPS_LETTER_1846_DATE: IsoDate = '2025-04-27';

/** CSL article carrying the MLPS duty, by the law version in force. */
const CSL_MLPS: readonly Citation[] = [
  { instrumentId: 'csl-2016', provisionId: 'art-21', ...CSL_2016_IN_FORCE },
  { instrumentId: 'csl-2025', provisionId: 'art-23', ...CSL_2025_IN_FORCE },
];

/** Filing is due 30 days after the later of grading and going live (2007 Measures Art 15). */
export const FILING_DEADLINE_DAYS = 30;

function filingDueDate(s: SystemFacts): IsoDate | null {
  const from = latest(s.gradedOn, s.goLiveOn);
  return from && s.gradedOn && s.goLiveOn ? addCalendarDays(from, FILING_DEADLINE_DAYS) : null;
}

export const gradingRule: ObligationRule = {
  id: 'mlps.grading',
  titleZh: '确定安全保护等级（定级）',
  titleEn: 'Grade the system (determine its protection level)',
  citations: [...CSL_MLPS, { instrumentId: 'gbt-22240-2020', provisionId: 'grading-process' }],
  effectiveFrom: '2017-06-01',
  effectiveTo: null,
  needs: ['level', 'goLiveOn'],
  provenance: 'derived',
  notes:
    'Every network operator must grade its systems under the MLPS. Grading belongs to the planning stage, so we date it no later than going live; that date is our reading, not a sourced deadline.',
  evaluate(s) {
    if (s.level !== null) {
      return {
        missing: [],
        obligations: [
          {
            satisfied: true,
            dueDate: s.goLiveOn,
            reasonZh: `已定为第${s.level}级${s.gradedOn ? `（${s.gradedOn}）` : ''}。`,
            reasonEn: `Graded level ${s.level}${s.gradedOn ? ` on ${s.gradedOn}` : ''}.`,
          },
        ],
      };
    }
    return {
      missing: s.goLiveOn ? ['level'] : ['level', 'goLiveOn'],
      obligations: [
        {
          satisfied: false,
          dueDate: s.goLiveOn,
          reasonZh:
            '网络运营者应按等级保护制度对每个定级对象确定安全保护等级，并在投入运行前完成。',
          reasonEn:
            'Every grading object must be graded under the MLPS, at the latest before it goes live.',
        },
      ],
    };
  },
};

export const expertReviewRule: ObligationRule = {
  id: 'mlps.expert-review',
  titleZh: '定级专家评审',
  titleEn: 'Expert review of the grading',
  citations: [
    { instrumentId: 'gbt-22240-2020', provisionId: 'expert-review' },
    { instrumentId: 'mps-letter-2025-1846', provisionId: 'q-2' },
  ],
  effectiveFrom: '2020-11-01',
  effectiveTo: null,
  needs: ['level', 'gradedOn', 'goLiveOn', 'expertReviewOn'],
  provenance: 'confirmed',
  notes:
    'GB/T 22240-2020 asks for expert review (security and business experts) when the preliminary level is 2 or above. It must precede filing, so it is due on the filing deadline.',
  evaluate(s) {
    if (s.level === null || s.level < 2)
      return { missing: s.level === null ? ['level'] : [], obligations: [] };
    const due = filingDueDate(s);
    return {
      missing: due ? [] : (['gradedOn', 'goLiveOn'] as const).filter((f) => s[f] === null),
      obligations: [
        {
          satisfied: s.expertReviewOn !== null,
          dueDate: due,
          reasonZh: `初步定级为第${s.level}级（第二级及以上须组织专家评审），评审须在备案前完成。`,
          reasonEn: `Preliminary level ${s.level} (level 2 and above needs expert review), to be held before filing.`,
        },
      ],
    };
  },
};

export const competentApprovalRule: ObligationRule = {
  id: 'mlps.competent-approval',
  titleZh: '行业主管部门核准定级结果',
  titleEn: 'Competent-authority approval of the grading',
  citations: [{ instrumentId: 'gbt-22240-2020', provisionId: 'competent-authority-approval' }],
  effectiveFrom: '2020-11-01',
  effectiveTo: null,
  needs: ['level', 'hasCompetentAuthority', 'competentApprovalOn'],
  provenance: 'confirmed',
  notes:
    'Approval is needed wherever the operator has an industry competent department, not from a level threshold (a third-party FAQ claiming "level 3+" contradicts the standard). Level 1 is left out because the review steps start at level 2 (unverified).',
  evaluate(s) {
    if (s.level === null || s.level < 2)
      return { missing: s.level === null ? ['level'] : [], obligations: [] };
    if (s.hasCompetentAuthority === null)
      return { missing: ['hasCompetentAuthority'], obligations: [] };
    if (!s.hasCompetentAuthority) return { missing: [], obligations: [] };
    return {
      missing: [],
      obligations: [
        {
          satisfied: s.competentApprovalOn !== null,
          dueDate: filingDueDate(s),
          reasonZh: '该定级对象有行业主管部门，定级结果须经其核准后备案。',
          reasonEn:
            'The operator has an industry competent department, which must approve the grading before filing.',
        },
      ],
    };
  },
};

export const filingRule: ObligationRule = {
  id: 'mlps.filing',
  titleZh: '向公安机关备案',
  titleEn: 'File with public security',
  citations: [...CSL_MLPS, { instrumentId: 'mps-mlps-measures-2007', provisionId: 'art-15' }],
  effectiveFrom: '2007-06-22',
  effectiveTo: null,
  needs: ['level', 'gradedOn', 'goLiveOn', 'filings'],
  provenance: 'confirmed',
  notes:
    'Level 2 and above file within 30 days after the level is determined (existing systems) or after going live (new systems); both cases reduce to 30 calendar days after the later of the two dates.',
  evaluate(s, asOf) {
    if (s.level === null || s.level < 2)
      return { missing: s.level === null ? ['level'] : [], obligations: [] };
    const filing = lastFiling(s.filings, asOf);
    const due = filingDueDate(s);
    return {
      missing: due ? [] : (['gradedOn', 'goLiveOn'] as const).filter((f) => s[f] === null),
      obligations: [
        {
          satisfied: filing !== null,
          dueDate: due,
          reasonZh: filing
            ? `已于${filing.filedOn}备案${filing.certificateNumber ? `，备案证明编号${filing.certificateNumber}` : ''}。`
            : `第${s.level}级对象须在定级或投入运行（以较晚者为准）后${FILING_DEADLINE_DAYS}日内到公安机关备案。`,
          reasonEn: filing
            ? `Filed on ${filing.filedOn}${filing.certificateNumber ? `, certificate ${filing.certificateNumber}` : ''}.`
            : `A level-${s.level} object must be filed within ${FILING_DEADLINE_DAYS} days after grading or going live, whichever is later.`,
        },
      ],
    };
  },
};

/**
 * Working days the public security bureau has to review a complete filing and issue the filing
 * certificate, counted from receipt of the materials (2007 Measures Art 17). UNVERIFIED: the
 * figure comes from a third-party transcription of the Measures and secondary pages repeating
 * it; no official publication of the text was found. Change it here (and in the knowledge base)
 * once the official text is seen.
 */
export const CERTIFICATE_ISSUANCE_WORKING_DAYS = 10;
export const CERTIFICATE_ISSUANCE_PROVENANCE = 'unverified' as const;

export const certificateIssuanceRule: ObligationRule = {
  id: 'mlps.filing-certificate-issuance',
  titleZh: '跟进公安机关核发备案证明',
  titleEn: 'Follow up the filing certificate with public security',
  citations: [{ instrumentId: 'mps-mlps-measures-2007', provisionId: 'art-17' }],
  effectiveFrom: '2007-06-22',
  effectiveTo: null,
  needs: ['level', 'filings'],
  provenance: CERTIFICATE_ISSUANCE_PROVENANCE,
  notes: `The bureau issues the certificate within ${CERTIFICATE_ISSUANCE_WORKING_DAYS} working days of receiving complete filing materials (2007 Measures Art 17; the figure is unverified against an official text, see CERTIFICATE_ISSUANCE_WORKING_DAYS). Counted on the China working-day calendar from the filing date, which we take as the day the bureau received the materials; the date past which the operator should chase the bureau. Satisfied once a certificate number is recorded. A filing whose count runs into a year without holiday data is undetermined, with the reason.`,
  evaluate(s, asOf, context) {
    const filing = lastFiling(s.filings, asOf);
    if (s.level === null || s.level < 2 || filing === null) return { missing: [], obligations: [] };
    const days = CERTIFICATE_ISSUANCE_WORKING_DAYS;
    if (filing.certificateNumber) {
      return {
        missing: [],
        obligations: [
          {
            satisfied: true,
            dueDate: null,
            reasonZh: `已取得备案证明（编号${filing.certificateNumber}）。`,
            reasonEn: `Filing certificate ${filing.certificateNumber} received.`,
          },
        ],
      };
    }
    const deadline = workingDayDeadline(context, filing.filedOn, days);
    if (!deadline.ok) {
      return {
        missing: [],
        obligations: [
          {
            satisfied: false,
            dueDate: null,
            calendarGap: deadline.gap,
            reasonZh: `已于${filing.filedOn}备案，尚未记录备案证明编号。公安机关应在收到完整备案材料之日起${days}个工作日内颁发备案证明（天数未经官方文本核实）。${deadline.gap.messageZh}`,
            reasonEn: `Filed on ${filing.filedOn}; no certificate number recorded. The bureau should issue the certificate within ${days} working days of receiving complete materials (figure not verified against an official text). ${deadline.gap.messageEn}`,
          },
        ],
      };
    }
    return {
      missing: [],
      obligations: [
        {
          satisfied: false,
          dueDate: deadline.due,
          reasonZh: `已于${filing.filedOn}备案，尚未记录备案证明编号。公安机关应在收到完整备案材料之日起${days}个工作日内（按国务院办公厅放假安排计算，至${deadline.due}）颁发备案证明；逾期未收到请向受理的公安机关查询（天数未经官方文本核实）。`,
          reasonEn: `Filed on ${filing.filedOn}; no certificate number recorded. The bureau should issue the certificate within ${days} working days of receiving complete materials (by ${deadline.due} on the State Council holiday calendar); if none has arrived by then, ask the bureau that accepted the filing (figure not verified against an official text).`,
        },
      ],
    };
  },
};

/** Filing certificates run 3 years (from 2025-01-01 for older filings), +1 year per completed assessment. */
export function filingCertificateExpiry(
  filedOn: IsoDate,
  assessments: readonly { completedOn: IsoDate }[],
): IsoDate {
  const start = compareIsoDate(filedOn, '2025-01-01') < 0 ? '2025-01-01' : filedOn;
  let expiry = addMonths(start, 36);
  const sorted = assessments.map((a) => a.completedOn).sort(compareIsoDate);
  for (const done of sorted) {
    // Only an assessment completed while the certificate is valid extends it.
    if (compareIsoDate(done, start) >= 0 && compareIsoDate(done, expiry) <= 0) {
      expiry = addMonths(expiry, 12);
    }
  }
  return expiry;
}

export const certificateRenewalRule: ObligationRule = {
  id: 'mlps.filing-certificate-renewal',
  titleZh: '备案证明到期换证',
  titleEn: 'Renew the filing certificate',
  citations: [{ instrumentId: 'mps-letter-2025-1846', provisionId: 'q-6' }],
  effectiveFrom: MPS_LETTER_1846_DATE,
  effectiveTo: null,
  needs: ['level', 'filings', 'assessments'],
  provenance: 'derived',
  notes:
    'Certificate valid 3 years (filings before 2025-01-01 count from 2025-01-01); each completed level assessment adds 1 year; renewal is requested in the 3 months before expiry. Our readings: an assessment extends only while the certificate is valid, and a renewal is recorded as a new filing that restarts the 3 years.',
  evaluate(s, asOf) {
    const filing = lastFiling(s.filings, asOf);
    if (s.level === null || s.level < 2 || filing === null) return { missing: [], obligations: [] };
    const expiry = filingCertificateExpiry(filing.filedOn, s.assessments);
    return {
      missing: [],
      obligations: [
        {
          satisfied: false,
          dueDate: expiry,
          windowOpensOn: addMonths(expiry, -3),
          reasonZh: `备案证明有效期至${expiry}（3年，每完成一次等级测评延长1年），须在到期前3个月内申请换证。`,
          reasonEn: `The filing certificate is valid until ${expiry} (3 years, plus 1 year per completed assessment); request renewal in the 3 months before expiry.`,
        },
      ],
    };
  },
};

export const templateRefilingRule: ObligationRule = {
  id: 'mlps.2025-template-refiling',
  titleZh: '按2025版定级报告和备案表模板重新备案',
  titleEn: 'Re-file with the 2025 grading-report and filing-form templates',
  citations: [{ instrumentId: 'mps-letter-2025-1846', provisionId: 'q-1' }],
  effectiveFrom: MPS_LETTER_1846_DATE,
  effectiveTo: null,
  needs: ['level', 'filings'],
  provenance: 'confirmed',
  notes:
    'Every system of level 2 or above already filed must be documented again on the 2025 templates, whether or not its level changes. No deadline was found in the sources, so none is set.',
  evaluate(s, asOf) {
    const filing = lastFiling(s.filings, asOf);
    if (s.level === null || s.level < 2 || filing === null) return { missing: [], obligations: [] };
    const onNewTemplate = compareIsoDate(filing.filedOn, MPS_LETTER_1846_DATE) >= 0;
    return {
      missing: [],
      obligations: [
        {
          satisfied: onNewTemplate,
          dueDate: null,
          reasonZh: onNewTemplate
            ? `最近一次备案（${filing.filedOn}）晚于公网安〔2025〕1846号，视为已使用2025版模板。`
            : `最近一次备案（${filing.filedOn}）早于公网安〔2025〕1846号，须按2025版模板重新提交定级报告和备案表。`,
          reasonEn: onNewTemplate
            ? `The latest filing (${filing.filedOn}) postdates MPS letter 1846 and is taken to use the 2025 templates.`
            : `The latest filing (${filing.filedOn}) predates MPS letter 1846; file the grading report and form again on the 2025 templates.`,
        },
      ],
    };
  },
};

function periodicAssessmentRule(
  id: string,
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate | null,
  monthsByLevel: Partial<Record<1 | 2 | 3 | 4 | 5, number>>,
  citations: readonly Citation[],
  notes: string,
): ObligationRule {
  return {
    id,
    titleZh: '定期开展等级测评',
    titleEn: 'Periodic level assessment',
    citations,
    effectiveFrom,
    effectiveTo,
    needs: ['level', 'gradedOn', 'goLiveOn', 'assessments'],
    provenance: 'confirmed',
    notes,
    evaluate(s, asOf) {
      const months = s.level === null ? undefined : monthsByLevel[s.level];
      if (months === undefined)
        return { missing: s.level === null ? ['level'] : [], obligations: [] };
      const last = lastEvent(s.assessments, asOf);
      const start = latest(s.gradedOn, s.goLiveOn);
      if (last === null && start === null)
        return { missing: ['gradedOn', 'goLiveOn'], obligations: [] };
      const due = nextRecurrence(last, start as IsoDate, months);
      return {
        missing: [],
        obligations: [
          {
            satisfied: false,
            dueDate: due,
            recurrenceMonths: months,
            reasonZh: last
              ? `第${s.level}级每${months}个月至少测评一次；上次测评完成于${last}。`
              : `第${s.level}级每${months}个月至少测评一次；尚无测评记录，自定级或投入运行起算。`,
            reasonEn: last
              ? `Level ${s.level} is assessed at least every ${months} months; last assessment completed ${last}.`
              : `Level ${s.level} is assessed at least every ${months} months; no assessment on record, counted from grading or going live.`,
          },
        ],
      };
    },
  };
}

const ASSESSMENT_FIRST_NOTE =
  'With no assessment on record the first is counted from the later of grading and going live (our reading; the sources give only the interval).';

export const periodicAssessment2007Rule = periodicAssessmentRule(
  'mlps.periodic-assessment.2007',
  '2007-06-22',
  addCalendarDays(MPS_LETTER_1846_DATE, -1),
  { 3: 12, 4: 6 },
  [{ instrumentId: 'mps-mlps-measures-2007', provisionId: 'art-14' }],
  `2007 Measures: level 3 at least yearly, level 4 at least every half year, level 5 by special need (no fixed interval). Superseded for assessment frequency by MPS letter 1846 (levels 3–5 yearly). ${ASSESSMENT_FIRST_NOTE}`,
);

export const periodicAssessment2025Rule = periodicAssessmentRule(
  'mlps.periodic-assessment.2025',
  MPS_LETTER_1846_DATE,
  null,
  { 3: 12, 4: 12, 5: 12 },
  [
    { instrumentId: 'mps-letter-2025-1846', provisionId: 'q-11' },
    { instrumentId: 'mps-mlps-measures-2007', provisionId: 'art-14' },
  ],
  `MPS letter 1846 Q11: levels 3, 4 and 5 are assessed once a year (replacing the half-yearly level-4 cadence of 2007). Level 2 has no mandatory frequency in the sources. ${ASSESSMENT_FIRST_NOTE}`,
);

export const MLPS_RULES: readonly ObligationRule[] = [
  gradingRule,
  expertReviewRule,
  competentApprovalRule,
  filingRule,
  certificateIssuanceRule,
  certificateRenewalRule,
  templateRefilingRule,
  periodicAssessment2007Rule,
  periodicAssessment2025Rule,
];
