import {
  CSL_2016_IN_FORCE,
  CSL_2025_IN_FORCE,
  type Citation,
  type Provenance,
} from '../../citation';
import type { IsoDate } from '../../calendar';
import {
  EVENT_DEADLINES,
  type EventDeadline,
  type ObligationRule,
  type RuleOutcome,
  type SystemFacts,
} from '../types';
import { lastEvent, nextRecurrence } from '../helpers';

/** The CII Regulations (State Council Decree 745) took effect on this day. */
export const CII_REGULATIONS_DATE: IsoDate = '2021-09-01';

/** CII rules apply only to designated CII; an unknown designation is a missing fact. */
function forCii(s: SystemFacts, then: () => RuleOutcome): RuleOutcome {
  if (s.isCii === null) return { missing: ['isCii'], obligations: [] };
  if (!s.isCii) return { missing: [], obligations: [] };
  return then();
}

/**
 * A CSL article in both texts: the 2016 number until 2025-12-31 and, from 2026-01-01, the number
 * in the amended law, where new Arts 3 and 20 shift old Arts 19–79 by two (derived, see the
 * knowledge base). The engine keeps the one in force on the evaluation date. Only the shifted
 * range is supported: articles before 19 moved by one and are cited by hand if ever needed.
 */
export function cslArticle(article2016: number): readonly Citation[] {
  if (!Number.isInteger(article2016) || article2016 < 19 || article2016 > 79)
    throw new RangeError(`CSL 2016 article ${article2016} is outside the +2 range (19–79)`);
  return [
    { instrumentId: 'csl-2016', provisionId: `art-${article2016}`, ...CSL_2016_IN_FORCE },
    { instrumentId: 'csl-2025', provisionId: `art-${article2016 + 2}`, ...CSL_2025_IN_FORCE },
  ];
}

/** What a CII duty without dates needs: its metadata and the one obligation it yields. */
interface StandingDuty {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly citations: readonly Citation[];
  readonly provenance: Provenance;
  readonly notes: string;
  /** The triggering event's deadline, or null for a continuing duty. */
  readonly eventDeadline: EventDeadline | null;
  readonly reasonZh: string;
  readonly reasonEn: string;
}

/**
 * A duty every designated CII carries from the Regulations on, triggered by an event (a
 * purchase, a transfer abroad, an appointment) or continuing. The facts record neither the events
 * nor their performance, so it is always "standing"; one outcome object is shared by all systems.
 */
function standingCiiRule(d: StandingDuty): ObligationRule {
  const applies: RuleOutcome = {
    missing: [],
    obligations: [
      {
        satisfied: false,
        dueDate: null,
        eventDeadline: d.eventDeadline,
        standing: d.eventDeadline === null,
        reasonZh: d.reasonZh,
        reasonEn: d.reasonEn,
      },
    ],
  };
  return {
    id: d.id,
    titleZh: d.titleZh,
    titleEn: d.titleEn,
    citations: d.citations,
    effectiveFrom: CII_REGULATIONS_DATE,
    effectiveTo: null,
    needs: ['isCii'],
    provenance: d.provenance,
    notes: d.notes,
    evaluate: (s) => forCii(s, () => applies),
  };
}

export const ciiAnnualTestingRule: ObligationRule = {
  id: 'cii.annual-testing',
  titleZh: '关键信息基础设施年度网络安全检测和风险评估',
  titleEn: 'Annual CII cybersecurity testing and risk assessment',
  citations: [{ instrumentId: 'cii-regulations-2021', provisionId: 'art-17' }, ...cslArticle(38)],
  effectiveFrom: CII_REGULATIONS_DATE,
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
  titleZh: '设置专门安全管理机构',
  titleEn: 'Set up a dedicated security management organisation',
  citations: [
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-14' },
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-15' },
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-16' },
    ...cslArticle(34),
  ],
  effectiveFrom: CII_REGULATIONS_DATE,
  effectiveTo: null,
  needs: ['isCii', 'ciiDesignatedOn', 'ciiSecurityOrganisationOn'],
  provenance: 'confirmed',
  notes:
    'The organisation carries the eight duties of Regulations Art 15 and is funded, staffed and heard in security and IT decisions (Art 16). The Regulations set no period after designation; we date the duty on the designation day, so an operator without the organisation shows it overdue from then. The background checks of its head and key-post staff are their own rule (cii.background-checks), as setting up the organisation does not show them done.',
  evaluate(s) {
    return forCii(s, () => ({
      missing: s.ciiDesignatedOn === null ? ['ciiDesignatedOn'] : [],
      obligations: [
        {
          satisfied: s.ciiSecurityOrganisationOn !== null,
          dueDate: s.ciiDesignatedOn,
          reasonZh: s.ciiSecurityOrganisationOn
            ? `专门安全管理机构已于${s.ciiSecurityOrganisationOn}设立。`
            : '关键信息基础设施运营者须设置专门安全管理机构，负责本单位关键信息基础设施安全保护，并保障其经费和人员。',
          reasonEn: s.ciiSecurityOrganisationOn
            ? `Dedicated security organisation set up on ${s.ciiSecurityOrganisationOn}.`
            : 'A CII operator needs a dedicated, funded and staffed security organisation in charge of protecting its CII.',
        },
      ],
    }));
  },
};

export const ciiIncidentReportingRule: ObligationRule = {
  id: 'cii.incident-reporting',
  titleZh: '关键信息基础设施较大以上网络安全事件1小时内报告',
  titleEn: 'Report CII incidents graded large or above within 1 hour',
  citations: [
    { instrumentId: 'cac-incident-reporting-2025', provisionId: 'art-4' },
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-18' },
    ...cslArticle(25),
  ],
  effectiveFrom: '2025-11-01',
  effectiveTo: null,
  needs: ['isCii'],
  provenance: 'confirmed',
  notes:
    'For incidents graded 较大 (large) or above involving CII, the operator reports to the protection work department and public security immediately, within 1 hour; the department reports 重大 and 特别重大 ones on to the CAC and the MPS within 30 minutes. Incidents graded 一般 need no report under Art. 4, and an incident of a CII operator that involves none of its CII follows the 4-hour row (incidents.reporting). Before 2025-11-01 the Regulations required reporting without a fixed hour count (see cii.incident-reporting.2021). The CAC measures implement the general reporting duty of CSL Art 25 (Art 27 of the amended law).',
  evaluate(s) {
    return forCii(s, () => ({
      missing: [],
      obligations: [
        {
          satisfied: false,
          dueDate: null,
          eventDeadline: 'PT1H',
          reasonZh:
            '涉及关键信息基础设施的较大及以上网络安全事件，须在1小时内向保护工作部门和公安机关报告；一般事件无需按第四条报告。',
          reasonEn:
            'On an incident involving CII graded large or above, report to the protection work department and public security within 1 hour; general incidents need no report under Art. 4.',
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
  citations: [{ instrumentId: 'cii-regulations-2021', provisionId: 'art-18' }, ...cslArticle(25)],
  effectiveFrom: CII_REGULATIONS_DATE,
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
          eventDeadline: EVENT_DEADLINES.asap,
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
  effectiveFrom: CII_REGULATIONS_DATE,
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
          eventDeadline: EVENT_DEADLINES.asap,
          reasonZh:
            '发生可能影响认定结果的较大变化时，须及时向保护工作部门报告；保护工作部门自收到报告之日起3个月内重新认定。',
          reasonEn:
            'Report a major change that may affect identification promptly; the department re-identifies within 3 months.',
        },
      ],
    }));
  },
};

export const ciiBackgroundChecksRule = standingCiiRule({
  id: 'cii.background-checks',
  titleZh: '对安全管理机构负责人和关键岗位人员进行安全背景审查',
  titleEn: 'Security background checks on the security organisation head and key-post staff',
  citations: [{ instrumentId: 'cii-regulations-2021', provisionId: 'art-14' }, ...cslArticle(34)],
  provenance: 'confirmed',
  notes:
    'Regulations Art 14 and CSL Art 34 (Art 36 of the amended law): the head of the dedicated organisation and the staff in key posts are security-vetted, with public security and state security assisting; key posts are those the organisation designates (Art 15). Vetting before taking up the post is our reading of "审查" attached to the appointment. GB/T 39204-2022 also asks for re-vetting when a key person\'s identity or background changes (clause not seen). The facts record no appointments, so the duty stays standing.',
  eventDeadline: EVENT_DEADLINES.beforeAppointment,
  reasonZh:
    '专门安全管理机构负责人和关键岗位人员上岗前须经安全背景审查（公安机关、国家安全机关予以协助）；人员变动时对新任人员同样适用。',
  reasonEn:
    'The head of the security organisation and key-post staff are security-vetted before taking up their posts (with public security and state security assisting); the same applies to every new appointee.',
});

export const ciiSecurityTrainingRule = standingCiiRule({
  id: 'cii.security-training',
  titleZh: '定期开展网络安全教育、技术培训和技能考核',
  titleEn: 'Regular security education, technical training and skills tests',
  citations: [{ instrumentId: 'cii-regulations-2021', provisionId: 'art-15' }, ...cslArticle(34)],
  provenance: 'confirmed',
  notes:
    'CSL Art 34 (Art 36 of the amended law) requires regular education, training and skills tests of staff; the dedicated organisation runs them (Regulations Art 15). No interval is set by law; GB/T 39204-2022 (a recommended standard) asks for at least 30 study hours per person a year (clause not seen). Continuing duty: training is not recorded in the facts.',
  eventDeadline: null,
  reasonZh: '关键信息基础设施运营者须定期对从业人员开展网络安全教育、技术培训和技能考核。',
  reasonEn:
    'A CII operator regularly gives its staff cybersecurity education and technical training and tests their skills.',
});

export const ciiBackupAndDrillsRule = standingCiiRule({
  id: 'cii.backup-and-drills',
  titleZh: '重要系统和数据库容灾备份，制定应急预案并定期演练',
  titleEn:
    'Disaster-recovery backups of important systems and databases; emergency plan with regular drills',
  citations: [
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-15' },
    ...cslArticle(34),
    ...cslArticle(25),
  ],
  provenance: 'confirmed',
  notes:
    "CSL Art 34 (Art 36 of the amended law) adds to the MLPS duties disaster-recovery backups of important systems and databases and an incident response plan exercised regularly; Regulations Art 15 gives the plan and drills to the dedicated organisation; CSL Art 25 (Art 27) is every operator's duty to keep a plan. No drill interval is set by law. Continuing duty: backups and drills are not recorded in the facts.",
  eventDeadline: null,
  reasonZh: '须对重要系统和数据库进行容灾备份，制定网络安全事件应急预案并定期组织演练。',
  reasonEn:
    'Important systems and databases need disaster-recovery backups, and the incident response plan is exercised regularly.',
});

export const ciiCybersecurityReviewRule = standingCiiRule({
  id: 'cii.cybersecurity-review',
  titleZh: '采购可能影响国家安全的网络产品和服务前申报网络安全审查',
  titleEn:
    'Cybersecurity review before buying network products or services that may affect national security',
  citations: [
    { instrumentId: 'cii-regulations-2021', provisionId: 'art-19' },
    ...cslArticle(35),
    {
      instrumentId: 'cac-cybersecurity-review-2021',
      provisionId: 'art-2',
      inForceFrom: '2022-02-15',
    },
    {
      instrumentId: 'cac-cybersecurity-review-2021',
      provisionId: 'art-5',
      inForceFrom: '2022-02-15',
    },
  ],
  provenance: 'confirmed',
  notes:
    'Regulations Art 19 and CSL Art 35 (Art 37 of the amended law, derived): prefer secure and trustworthy products and services; a purchase that may affect national security must pass the review. Under the Cybersecurity Review Measures (CAC Order No. 8, from 2022-02-15) the operator judges the risk before buying and files with the Cybersecurity Review Office; their article numbers are derived (Art 2) and unverified (Art 5). The 2020 Measures that applied before are not in the knowledge base. Buying without review: 1–10 times the purchase amount (Regulations Art 41). Purchases are not recorded in the facts, so the duty stays standing.',
  eventDeadline: EVENT_DEADLINES.beforeProcurement,
  reasonZh:
    '采购网络产品和服务前须预判其投入使用后的国家安全风险；影响或可能影响国家安全的，须申报并通过网络安全审查后方可采购。',
  reasonEn:
    'Before buying network products or services, judge the national-security risk they bring once in use; where national security is or may be affected, file for cybersecurity review and buy only once it is passed.',
});

export const ciiSupplierAgreementRule = standingCiiRule({
  id: 'cii.supplier-agreement',
  titleZh: '与网络产品和服务提供者签订安全保密协议',
  titleEn: 'Security and confidentiality agreement with suppliers',
  citations: [{ instrumentId: 'cii-regulations-2021', provisionId: 'art-20' }, ...cslArticle(36)],
  provenance: 'confirmed',
  notes:
    "Regulations Art 20 and CSL Art 36 (Art 38 of the amended law, derived): every purchase of network products or services comes with an agreement setting out the supplier's technical-support and security and confidentiality duties, and the operator supervises its performance. Penalty: Regulations Art 39(9). Purchases are not recorded in the facts, so the duty stays standing.",
  eventDeadline: EVENT_DEADLINES.onProcurement,
  reasonZh:
    '采购网络产品和服务时须与提供者签订安全保密协议，明确技术支持和安全保密义务与责任，并监督履行。',
  reasonEn:
    'Each purchase of network products or services needs a security and confidentiality agreement with the supplier stating its support and confidentiality duties, and the operator supervises performance.',
});

export const ciiDataLocalisationRule = standingCiiRule({
  id: 'cii.data-localisation',
  titleZh: '个人信息和重要数据境内存储，出境前申报安全评估',
  titleEn:
    'Store personal information and important data in China; security assessment before export',
  citations: [
    ...cslArticle(37),
    {
      instrumentId: 'cac-data-export-assessment-2022',
      provisionId: 'art-4',
      inForceFrom: '2022-09-01',
    },
  ],
  provenance: 'confirmed',
  notes:
    'CSL Art 37 (Art 39 of the amended law, derived): personal information and important data collected or generated in operations in China are stored in China; an export that business truly needs goes through a security assessment. From 2022-09-01 the Outbound Data Transfer Security Assessment Measures (CAC Order No. 11) Art 4 make a CII operator that exports personal information (and anyone exporting important data) file for the assessment with the CAC through the provincial CAC, whatever the volume. PIPL Art 40 says the same for personal information, and the 2024 CAC Provisions (Order No. 16) exempt some transfers; neither is in the knowledge base yet. Transfers are not recorded in the facts, so the duty stays standing.',
  eventDeadline: EVENT_DEADLINES.beforeTransfer,
  reasonZh:
    '在境内运营中收集和产生的个人信息和重要数据须在境内存储；因业务确需向境外提供的，须事先通过所在地省级网信部门向国家网信部门申报数据出境安全评估。',
  reasonEn:
    'Personal information and important data collected or generated in China stay in China; an export that business truly needs is first filed for the CAC security assessment through the provincial CAC.',
});

export const ciiCommercialCryptoRule = standingCiiRule({
  id: 'cii.commercial-crypto',
  titleZh: '使用商用密码进行保护并编制密码应用方案',
  titleEn: 'Protect the CII with commercial cryptography under a crypto application plan',
  citations: [
    { instrumentId: 'crypto-law-2019', provisionId: 'art-27' },
    { instrumentId: 'cca-regulations-2023', provisionId: 'art-38', inForceFrom: '2023-07-01' },
    { instrumentId: 'cca-regulations-2023', provisionId: 'art-39', inForceFrom: '2023-07-01' },
  ],
  provenance: 'confirmed',
  notes:
    'Cryptography Law Art 27: CII that laws and regulations require to be protected with commercial cryptography uses it; from 2023-07-01 the Commercial Cryptography Regulations Arts 38–39 add a crypto application plan, funding and staff, a crypto system built in step, and certified products with approved algorithms. We treat every designated CII as covered (our reading, as crypto.application-assessment does). The assessment itself is crypto.application-assessment. Continuing duty: crypto use is not recorded in the facts.',
  eventDeadline: null,
  reasonZh:
    '关键信息基础设施须使用商用密码进行保护，编制商用密码应用方案，同步规划、建设、运行密码保障系统，并使用检测认证合格的商用密码产品和服务。',
  reasonEn:
    'The CII is protected with commercial cryptography under a crypto application plan, with the crypto system planned, built and run in step and certified crypto products and services.',
});

export const ciiReorganisationReportRule = standingCiiRule({
  id: 'cii.reorganisation-report',
  titleZh: '运营者合并、分立、解散时及时报告并按要求处置',
  titleEn:
    'Report a merger, division or dissolution of the operator and dispose of the CII as directed',
  citations: [{ instrumentId: 'cii-regulations-2021', provisionId: 'art-21' }],
  provenance: 'confirmed',
  notes:
    'Regulations Art 21: on a merger, division or dissolution the operator reports promptly to the protection work department and disposes of the CII as it requires. Penalty: Regulations Art 39(10).',
  eventDeadline: EVENT_DEADLINES.asap,
  reasonZh:
    '运营者发生合并、分立、解散等情况时，须及时报告保护工作部门，并按要求处置关键信息基础设施。',
  reasonEn:
    'On a merger, division or dissolution, report promptly to the protection work department and dispose of the CII as it requires.',
});

export const CII_RULES: readonly ObligationRule[] = [
  ciiAnnualTestingRule,
  ciiSecurityOrganisationRule,
  ciiBackgroundChecksRule,
  ciiSecurityTrainingRule,
  ciiBackupAndDrillsRule,
  ciiIncidentReportingRule,
  ciiIncidentReporting2021Rule,
  ciiMajorChangeRule,
  ciiReorganisationReportRule,
  ciiCybersecurityReviewRule,
  ciiSupplierAgreementRule,
  ciiDataLocalisationRule,
  ciiCommercialCryptoRule,
];
