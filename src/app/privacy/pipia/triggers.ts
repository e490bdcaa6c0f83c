/**
 * The PIPL Art. 55 triggers of the activities an assessment covers, found by the domain rule
 * (src/domain/privacy/pipia-triggers.ts) on each activity's register entry and merged by code:
 * one trigger per code with every covered activity it was found in and their reasons.
 */
import type { Citation } from '../../../domain/citation';
import {
  PIPIA_TRIGGER_CODES,
  pipiaTriggers,
  type PipiaClassification,
} from '../../../domain/privacy/pipia-triggers';
import type { ProcessingActivityFacts } from '../../../domain/privacy/types';
import { classify } from '../categories';
import { activityFacts } from '../facts';
import type { CoveredActivity, StoredTrigger } from './model';

/** Titles of the trigger codes (Chinese first). */
export const TRIGGER_TITLES: Readonly<Record<string, { zh: string; en: string }>> = {
  sensitive: { zh: '处理敏感个人信息', en: 'Processing sensitive personal information' },
  automated_decision: { zh: '利用个人信息进行自动化决策', en: 'Automated decision-making' },
  entrusted_processing: { zh: '委托处理个人信息', en: 'Entrusted processing' },
  provision_to_handler: {
    zh: '向其他个人信息处理者提供个人信息',
    en: 'Provision to other handlers',
  },
  public_disclosure: { zh: '公开个人信息', en: 'Public disclosure' },
  transfer_abroad: { zh: '向境外提供个人信息', en: 'Provision abroad' },
  other_major_impact: {
    zh: '其他对个人权益有重大影响的个人信息处理活动',
    en: 'Other processing with a major impact on individuals',
  },
  face_recognition: { zh: '应用人脸识别技术', en: 'Face recognition' },
};

/** Whether the activity's data make it "sensitive" for Art. 55(1), and minors under 14. */
export type Classify = (activity: CoveredActivity) => PipiaClassification;

/** The register's sensitive-information classifier (src/app/privacy/categories.ts). */
export const classifyActivityData: Classify = (a) => {
  const c = classify({
    dataCategories: a.data.dataCategories,
    dataSubjects: a.data.dataSubjects,
    minorsUnder14: a.data.minorsUnder14,
  });
  return { sensitive: c.sensitive, minorsUnder14: c.minorsUnder14 };
};

/** The rules' facts of a covered activity (one mapping, the register's). */
export const coveredActivityFacts = (a: CoveredActivity): ProcessingActivityFacts =>
  activityFacts(a.id, { ...a.data, code: a.code, name: a.name });

/** The triggers of the covered activities on `asOf`, merged by code in the order of the article. */
export function coveredTriggers(
  activities: readonly CoveredActivity[],
  asOf: string,
  classifyBy: Classify = classifyActivityData,
): StoredTrigger[] {
  const byCode = new Map<
    string,
    { citations: Citation[]; zh: string[]; en: string[]; activityIds: string[] }
  >();
  for (const a of activities) {
    for (const t of pipiaTriggers(coveredActivityFacts(a), classifyBy(a), { asOf })) {
      const entry = byCode.get(t.code) ?? { citations: [], zh: [], en: [], activityIds: [] };
      if (
        !entry.citations.some(
          (c) =>
            c.instrumentId === t.citation.instrumentId && c.provisionId === t.citation.provisionId,
        )
      )
        entry.citations.push(t.citation);
      entry.zh.push(`${a.code} ${a.name}：${t.reasonZh}`);
      entry.en.push(`${a.code} ${a.name}: ${t.reasonEn}`);
      entry.activityIds.push(a.id);
      byCode.set(t.code, entry);
    }
  }
  const order = (code: string) => {
    const i = (PIPIA_TRIGGER_CODES as readonly string[]).indexOf(code);
    return i < 0 ? PIPIA_TRIGGER_CODES.length : i;
  };
  return [...byCode.entries()]
    .sort(([x], [y]) => order(x) - order(y))
    .map(([code, e]) => ({
      code,
      titleZh: TRIGGER_TITLES[code]?.zh ?? code,
      titleEn: TRIGGER_TITLES[code]?.en ?? code,
      reasonZh: e.zh.join('\n'),
      reasonEn: e.en.join('\n'),
      citations: e.citations,
      activityIds: e.activityIds,
    }));
}
