import { CSL_2016_IN_FORCE, CSL_2025_IN_FORCE } from '../../citation';
import type { ObligationRule, RuleOutcome, SystemFacts } from '../types';
import { lastEvent, nextRecurrence } from '../helpers';

/** CII rules apply only to designated CII; an unknown designation is a missing fact. */
function forCii(s: SystemFacts, then: () => RuleOutcome): RuleOutcome {
  if (s.isCii === null) return { missing: ['isCii'], obligations: [] };
  if (!s.isCii) return { missing: [], obligations: [] };
  return then();
}

export const ciiAnnualTestingRule: ObligationRule = {
  id: 'cii.annual-testing',
  titleZh: '关键信息基础设施年度网络安全检测和风险评估',
  titleEn: 'Annual CII cybersecurity testing and risk assessment',
  citations: [
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-17' },
    { instrumentId: 'csl-2016', provisionId: 'art-38', ...CSL_2016_IN_FORCE },
    { instrumentId: 'csl-2025', provisionId: 'art-40', ...CSL_2025_IN_FORCE },
  ],
  effectiveFrom: '2021-09-01',
  effectiveTo: null,
  needs: ['isCii', 'ciiDesignatedOn', 'ciiRiskAssessments'],
  provenance: 'confirmed',
  notes:
    'At least once a year, by the operator or a service provider; problems found are fixed and reported as the protection work department requires. With none on record, the first is counted from designation (our reading).',
  evaluate(s, asOf) {
    return forCii(s, () => {
      const last = lastEvent(s.ciiRiskAssessments, asOf);
      if (last === null && s.ciiDesignatedOn === null)
        return { missing: ['ciiDesignatedOn'], obligations: [] };
      return {
        missing: [],
        obligations: [
          {
            satisfied: false,
            dueDate: nextRecurrence(last, s.ciiDesignatedOn ?? (last as string), 12),
            recurrenceMonths: 12,
            reasonZh: last
              ? `关键信息基础设施每年至少开展一次检测评估；上次完成于${last}。`
              : '关键信息基础设施每年至少开展一次检测评估；尚无记录，自认定之日起算。',
            reasonEn: last
              ? `CII is tested and risk-assessed at least yearly; last completed ${last}.`
              : 'CII is tested and risk-assessed at least yearly; none on record, counted from designation.',
          },
        ],
      };
    });
  },
};

export const ciiSecurityOrganisationRule: ObligationRule = {
  id: 'cii.security-organisation',
  titleZh: '设置专门安全管理机构并对负责人和关键岗位人员进行安全背景审查',
  titleEn: 'Set up a dedicated security organisation; background-check its head and key staff',
  citations: [
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-14' },
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-15' },
    { instrumentId: 'csl-2016', provisionId: 'art-34', ...CSL_2016_IN_FORCE },
    { instrumentId: 'csl-2025', provisionId: 'art-36', ...CSL_2025_IN_FORCE },
  ],
  effectiveFrom: '2021-09-01',
  effectiveTo: null,
  needs: ['isCii', 'ciiDesignatedOn', 'ciiSecurityOrganisationOn'],
  provenance: 'confirmed',
  notes:
    'The Regulations set no period after designation; we date the duty on the designation day, so an operator without the organisation shows it overdue from then.',
  evaluate(s) {
    return forCii(s, () => ({
      missing: s.ciiDesignatedOn === null ? ['ciiDesignatedOn'] : [],
      obligations: [
        {
          satisfied: s.ciiSecurityOrganisationOn !== null,
          dueDate: s.ciiDesignatedOn,
          reasonZh: s.ciiSecurityOrganisationOn
            ? `专门安全管理机构已于${s.ciiSecurityOrganisationOn}设立。`
            : '关键信息基础设施运营者须设置专门安全管理机构，负责人和关键岗位人员须经安全背景审查后上岗。',
          reasonEn: s.ciiSecurityOrganisationOn
            ? `Dedicated security organisation set up on ${s.ciiSecurityOrganisationOn}.`
            : 'A CII operator needs a dedicated security organisation; its head and key-post staff are background-checked before appointment.',
        },
      ],
    }));
  },
};

export const ciiIncidentReportingRule: ObligationRule = {
  id: 'cii.incident-reporting',
  titleZh: '关键信息基础设施网络安全事件1小时内报告',
  titleEn: 'Report CII cybersecurity incidents within 1 hour',
  citations: [
    { instrumentId: 'cac-incident-reporting-2025', provisionId: 'art-4' },
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-18' },
  ],
  effectiveFrom: '2025-11-01',
  effectiveTo: null,
  needs: ['isCii'],
  provenance: 'confirmed',
  notes:
    'For incidents graded 较大 (large) or above involving CII, the operator reports to the protection work department and public security immediately, within 1 hour. Before 2025-11-01 the Regulations required reporting without a fixed hour count (see cii.incident-reporting.2021).',
  evaluate(s) {
    return forCii(s, () => ({
      missing: [],
      obligations: [
        {
          satisfied: false,
          dueDate: null,
          eventDeadline: 'PT1H',
          reasonZh: '发生较大及以上网络安全事件时，须在1小时内向保护工作部门和公安机关报告。',
          reasonEn:
            'On an incident graded large or above, report to the protection work department and public security within 1 hour.',
        },
      ],
    }));
  },
};

export const ciiIncidentReporting2021Rule: ObligationRule = {
  ...ciiIncidentReportingRule,
  id: 'cii.incident-reporting.2021',
  titleZh: '关键信息基础设施重大网络安全事件报告',
  titleEn: 'Report major CII cybersecurity incidents',
  citations: [{ instrumentId: 'cii-regulations-2021', provisionId: 'art-18' }],
  effectiveFrom: '2021-09-01',
  effectiveTo: '2025-10-31',
  notes:
    'Regulations Art 18: report major incidents and threats to the protection work department and public security; no hour limit until the 2025 CAC measures.',
  evaluate(s) {
    return forCii(s, () => ({
      missing: [],
      obligations: [
        {
          satisfied: false,
          dueDate: null,
          eventDeadline: 'ASAP',
          reasonZh:
            '发生重大网络安全事件或发现重大网络安全威胁时，须按规定向保护工作部门和公安机关报告。',
          reasonEn:
            'Report major incidents and threats to the protection work department and public security.',
        },
      ],
    }));
  },
};

export const ciiMajorChangeRule: ObligationRule = {
  id: 'cii.major-change-report',
  titleZh: '关键信息基础设施发生较大变化时及时报告',
  titleEn: 'Report major changes that may affect CII identification',
  citations: [{ instrumentId: 'cii-regulations-2021', provisionId: 'art-11' }],
  effectiveFrom: '2021-09-01',
  effectiveTo: null,
  needs: ['isCii'],
  provenance: 'confirmed',
  notes:
    'On a major change the operator reports promptly; the protection work department re-identifies within 3 months.',
  evaluate(s) {
    return forCii(s, () => ({
      missing: [],
      obligations: [
        {
          satisfied: false,
          dueDate: null,
          eventDeadline: 'ASAP',
          reasonZh:
            '发生可能影响认定结果的较大变化时，须及时向保护工作部门报告；保护工作部门自收到报告之日起3个月内重新认定。',
          reasonEn:
            'Report a major change that may affect identification promptly; the department re-identifies within 3 months.',
        },
      ],
    }));
  },
};

export const CII_RULES: readonly ObligationRule[] = [
  ciiAnnualTestingRule,
  ciiSecurityOrganisationRule,
  ciiIncidentReportingRule,
  ciiIncidentReporting2021Rule,
  ciiMajorChangeRule,
];
