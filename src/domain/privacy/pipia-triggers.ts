/**
 * Which processing activities need a personal-information protection impact assessment
 * (个人信息保护影响评估, PIPIA) before processing, and why: PIPL Art. 55 (1)–(5), plus the 2025
 * face-recognition Measures (prior PIPIA for any face recognition). Pure: the caller passes the
 * classification (src/domain/privacy/sensitive.ts) of the activity's data categories.
 *
 * Readings (ours, documented):
 * - Art. 55(3) "委托处理个人信息、向其他个人信息处理者提供个人信息、公开个人信息": an entrusted
 *   processor (受托人, Art. 21) → `entrusted_processing`; another handler (Art. 23) and a joint
 *   handler (Art. 20) → `provision_to_handler` (handing data to a joint handler is providing it
 *   to another handler; Art. 20 only shares the liability between them).
 * - Art. 55(1) sensitive: the catalog classification, or sensitive / under-14 individuals counted
 *   on the activity, or face recognition (face information is biometric, Art. 28).
 * - Art. 55(4) abroad: any recipient whose country is not `CN`, whatever its relationship.
 */
import type { Citation } from '../citation';
import type { IsoDate } from '../calendar';
import { addMonths } from '../obligations/helpers';
import { FACE_RECOGNITION_2025, PIPL } from './citations';
import type { ProcessingActivityFacts } from './types';

export const PIPIA_TRIGGER_CODES = [
  'sensitive',
  'automated_decision',
  'entrusted_processing',
  'provision_to_handler',
  'public_disclosure',
  'transfer_abroad',
  'other_major_impact',
  'face_recognition',
] as const;
export type PipiaTriggerCode = (typeof PIPIA_TRIGGER_CODES)[number];

export interface PipiaTrigger {
  readonly code: PipiaTriggerCode;
  readonly citation: Citation;
  readonly reasonZh: string;
  readonly reasonEn: string;
}

/** What the sensitive-information classifier says about the activity's data categories. */
export interface PipiaClassification {
  readonly sensitive: boolean;
  readonly minorsUnder14: boolean;
}

/** PIPL entered into force; no PIPIA duty before. */
export const PIPL_IN_FORCE: IsoDate = '2021-11-01';
/** The 2025 face-recognition Measures (CAC/MPS Order No. 19) entered into force. */
export const FACE_MEASURES_IN_FORCE: IsoDate = '2025-06-01';
/** PIPL Art. 56 ¶2: report and processing records kept "至少保存三年". */
export const PIPIA_RETENTION_YEARS = 3;

export interface PipiaTriggerOptions {
  /**
   * Date of the evaluation. When given, nothing is triggered before PIPL's entry into force
   * and the face-recognition trigger only from 2025-06-01. Omitted: today's law.
   */
  readonly asOf?: IsoDate;
}

/**
 * The Art. 55 triggers (and the face-recognition Measures' prior PIPIA) that apply to an
 * activity, in the order of the article, each with its citation and reason.
 *
 * @example
 * pipiaTriggers(hrAbroad, { sensitive: false, minorsUnder14: false }).map((t) => t.code)
 * // ['transfer_abroad']
 */
export function pipiaTriggers(
  activity: ProcessingActivityFacts,
  classification: PipiaClassification,
  options: PipiaTriggerOptions = {},
): PipiaTrigger[] {
  const asOf = options.asOf;
  if (asOf !== undefined && asOf < PIPL_IN_FORCE) return [];
  const triggers: PipiaTrigger[] = [];
  const art55 = PIPL.pipiaTriggers;

  const why: { zh: string; en: string }[] = [];
  if (classification.sensitive)
    why.push({
      zh: '数据类别含敏感个人信息',
      en: 'its data categories include sensitive personal information',
    });
  if (classification.minorsUnder14 || activity.minorsUnder14 > 0)
    why.push({
      zh: '处理不满十四周岁未成年人的个人信息（第二十八条）',
      en: 'it processes personal information of minors under 14 (Art. 28)',
    });
  if (activity.sensitiveIndividuals > 0)
    why.push({
      zh: `登记了${activity.sensitiveIndividuals}人的敏感个人信息`,
      en: `sensitive personal information of ${activity.sensitiveIndividuals} individuals is recorded`,
    });
  if (activity.faceRecognition !== null)
    why.push({
      zh: '应用人脸识别（人脸信息属于生物识别信息）',
      en: 'it uses face recognition (face information is biometric)',
    });
  if (why.length > 0)
    triggers.push({
      code: 'sensitive',
      citation: art55,
      reasonZh: `处理敏感个人信息（个人信息保护法第五十五条第一项）：${why.map((w) => w.zh).join('；')}。`,
      reasonEn: `Processes sensitive personal information (PIPL Art. 55(1)): ${why.map((w) => w.en).join('; ')}.`,
    });

  if (activity.automatedDecisionMaking)
    triggers.push({
      code: 'automated_decision',
      citation: art55,
      reasonZh: '利用个人信息进行自动化决策（第五十五条第二项）。',
      reasonEn: 'Uses personal information for automated decision-making (Art. 55(2)).',
    });

  const entrusted = activity.recipients.filter((r) => r.relationship === 'entrusted_processor');
  if (entrusted.length > 0)
    triggers.push({
      code: 'entrusted_processing',
      citation: art55,
      reasonZh: `委托处理个人信息（第五十五条第三项）：${entrusted.length}个受托人。`,
      reasonEn: `Entrusts the processing of personal information (Art. 55(3)): ${entrusted.length} entrusted processor(s).`,
    });

  const handlers = activity.recipients.filter(
    (r) => r.relationship === 'other_handler' || r.relationship === 'joint_handler',
  );
  if (handlers.length > 0) {
    const joint = handlers.filter((r) => r.relationship === 'joint_handler').length;
    triggers.push({
      code: 'provision_to_handler',
      citation: art55,
      reasonZh: `向其他个人信息处理者提供个人信息（第五十五条第三项）：${handlers.length}个接收方${joint > 0 ? `，其中${joint}个共同处理者（向共同处理者提供数据按"提供"对待）` : ''}。`,
      reasonEn: `Provides personal information to other handlers (Art. 55(3)): ${handlers.length} recipient(s)${joint > 0 ? `, of which ${joint} joint handler(s) (handing data to a joint handler counts as providing it)` : ''}.`,
    });
  }

  if (activity.publicDisclosure)
    triggers.push({
      code: 'public_disclosure',
      citation: art55,
      reasonZh: '公开个人信息（第五十五条第三项）。',
      reasonEn: 'Discloses personal information publicly (Art. 55(3)).',
    });

  const countries = [
    ...new Set(activity.recipients.filter((r) => r.country !== 'CN').map((r) => r.country)),
  ].sort();
  if (countries.length > 0)
    triggers.push({
      code: 'transfer_abroad',
      citation: art55,
      reasonZh: `向境外提供个人信息（第五十五条第四项）：${countries.join('、')}。`,
      reasonEn: `Provides personal information abroad (Art. 55(4)): ${countries.join(', ')}.`,
    });

  const other = activity.otherMajorImpact?.trim();
  if (other)
    triggers.push({
      code: 'other_major_impact',
      citation: art55,
      reasonZh: `其他对个人权益有重大影响的个人信息处理活动（第五十五条第五项）：${other}`,
      reasonEn: `Other processing with a major impact on individuals (Art. 55(5)): ${other}`,
    });

  if (activity.faceRecognition !== null && (asOf === undefined || asOf >= FACE_MEASURES_IN_FORCE))
    triggers.push({
      code: 'face_recognition',
      citation: FACE_RECOGNITION_2025.priorPipia,
      reasonZh:
        '应用人脸识别技术处理人脸信息，应当事前进行个人信息保护影响评估（人脸识别技术应用安全管理办法，2025年6月1日起施行）。',
      reasonEn:
        'Face recognition needs a prior PIPIA (2025 Face Recognition Measures, in force 2025-06-01).',
    });

  return triggers;
}

/** Whether the activity needs a PIPIA before processing (any trigger applies). */
export function pipiaRequired(
  activity: ProcessingActivityFacts,
  classification: PipiaClassification,
  options: PipiaTriggerOptions = {},
): boolean {
  return pipiaTriggers(activity, classification, options).length > 0;
}

/**
 * Last day the PIPIA report and its processing records must be kept: approval + 3 years (PIPL
 * Art. 56 ¶2 "至少保存三年"; the period ends on the corresponding day, Civil Code Art. 202), and
 * 29 February approvals run to 28 February. Deletion is refused up to and including this day.
 */
export function pipiaRetainUntil(approvedOn: IsoDate): IsoDate {
  return addMonths(approvedOn, PIPIA_RETENTION_YEARS * 12);
}
