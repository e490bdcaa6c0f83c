import type { ObligationRule } from '../types';

/** The incident-reporting Measures apply to incidents found from this day (Beijing). */
export const INCIDENT_MEASURES_DATE = '2025-11-01';

/**
 * Every network operator's standing incident-reporting duty under the 2025 Measures (Art. 4):
 * incidents graded 较大 (large) or above go to the provincial CAC of its locality within
 * 4 hours. Not for CII systems, whose incidents follow the 1-hour row (cii.incident-reporting).
 * The obligations engine does not know whether the operator is a central or state organ (2-hour
 * row to its own cyber-affairs body): the reason says so; the incident register
 * (src/domain/data-security/incidents.ts) picks the row from the data-security profile.
 */
export const incidentReportingRule: ObligationRule = {
  id: 'incidents.reporting',
  titleZh: '较大以上网络安全事件4小时内向属地省级网信部门报告',
  titleEn: 'Report incidents graded large or above to the provincial CAC within 4 hours',
  citations: [
    { instrumentId: 'cac-incident-reporting-2025', provisionId: 'art-4' },
    { instrumentId: 'cac-incident-reporting-2025', provisionId: 'annex' },
  ],
  effectiveFrom: INCIDENT_MEASURES_DATE,
  effectiveTo: null,
  needs: [],
  provenance: 'confirmed',
  notes:
    'Measures Art. 4: grade each incident by the annex; incidents graded 较大 or above are reported by operators other than CII and central/state organs to the provincial CAC of their locality within 4 hours (central and state organs: their own cyber-affairs body within 2 hours). Incidents graded 一般 need no report under Art. 4. CII systems have cii.incident-reporting (1 hour).',
  evaluate(s) {
    if (s.isCii === true) return { missing: [], obligations: [] };
    return {
      missing: [],
      obligations: [
        {
          satisfied: false,
          dueDate: null,
          eventDeadline: 'PT4H',
          reasonZh:
            '发生较大及以上网络安全事件时，须在4小时内向属地省级网信部门报告（中央和国家机关各部门及其直属单位：2小时内向本部门网信工作机构报告）；一般事件无需按第四条报告。在“数据安全 › 安全事件”中登记事件可计算具体时限。',
          reasonEn:
            'On an incident graded large or above, report to the provincial CAC within 4 hours (central and state organs: their own cyber-affairs body within 2 hours); general incidents need no report under Art. 4. Record incidents under Data security › Incidents for their exact deadlines.',
        },
      ],
    };
  },
};

export const INCIDENT_RULES: readonly ObligationRule[] = [incidentReportingRule];
