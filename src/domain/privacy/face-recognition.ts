/**
 * Duties of an activity that applies face recognition, under the 人脸识别技术应用安全管理办法
 * (CAC & MPS Order No. 19, in force 2025-06-01): separate consent, face recognition not the
 * only way to verify identity, storage inside the device, shortest retention, prior PIPIA, and
 * the filing with the provincial CAC (Art. 15) with its changes and deregistration.
 *
 * Readings (ours, documented):
 * - Separate consent is needed where the processing relies on consent (Measures: "基于个人同意
 *   处理人脸信息的"); an activity whose legal bases leave out `consent` gets no consent duty
 *   (PIPL Art. 13 ¶2). The register has no consent case of its own for face information: the
 *   Art. 29 separate consent for sensitive information (`art29_sensitive`) is the face consent;
 *   minors under 14 also need the guardian's consent (`art31_guardian`).
 * - Storage in the device: satisfied when `storedOnDevice`; when the face information leaves the
 *   device and a separate consent is on record, the duty is standing (the consent must name the
 *   transmission; we cannot read that from the record); otherwise open.
 * - Filing: "存储数量达到10万人" includes 100,000 (Civil Code Art. 1259). The count is reached on
 *   `reachedThresholdOn`; without that date a stored count of 100,000+ leaves the deadline
 *   undetermined. Reached before 2025-06-01: due 2025-07-14 (CAC announcement of 2025-05-28,
 *   which is 30 working days from 2025-06-01). A processor that stopped face recognition before
 *   its filing fell due owes no filing; one that stopped later still shows it overdue.
 * - After `stoppedOn` only the filing (if it was already overdue) and deregistration remain.
 */
import type { IsoDate, WorkingDayCalendar } from '../calendar';
import { workingDayDeadline } from '../obligations/helpers';
import type { RuleContext } from '../obligations/types';
import type { Provenance } from '../citation';
import {
  FACE_RECOGNITION_2025,
  FACE_RECOGNITION_FILING_NOTICE_2025,
  NDS_REGULATIONS,
  PIPL,
} from './citations';
import type { PrivacyDutyDraft } from './duties';
import { FACE_MEASURES_IN_FORCE } from './pipia-triggers';
import type { FaceRecognitionFacts, ProcessingActivityFacts } from './types';

/** Art. 15: stored face information of this many individuals (达到, inclusive) → filing. */
export const FACE_FILING_THRESHOLD = 100_000;
/** Art. 15: filing, change and deregistration each within 30 working days. */
export const FACE_FILING_WORKING_DAYS = 30;
/** CAC announcement of 2025-05-28: those at or above the number before 2025-06-01 file by this day. */
export const FACE_TRANSITIONAL_FILING_DUE: IsoDate = '2025-07-14';
/**
 * Articles 6–10 of the Measures: quoted with their numbers in two independent public copies (the
 * knowledge base names them under cac-face-recognition-2025); Art. 15 is named by the CAC
 * announcement.
 */
export const FACE_ARTICLE_NUMBERS_PROVENANCE: Provenance = 'confirmed';

const PENALTY = ['pipl-66-1'] as const;

const fmt = (n: number) => n.toLocaleString('en-US');

/** When the stored count reached 100,000 as of `asOf`; 'unknown' when reached without a date. */
export function faceThresholdReachedOn(
  face: FaceRecognitionFacts,
  asOf: IsoDate,
): IsoDate | 'unknown' | null {
  if (face.reachedThresholdOn !== null)
    return face.reachedThresholdOn <= asOf ? face.reachedThresholdOn : null;
  return face.storedIndividuals >= FACE_FILING_THRESHOLD ? 'unknown' : null;
}

type Deadline =
  | { readonly due: IsoDate; readonly gap?: undefined }
  | { readonly due: null; readonly gap: NonNullable<PrivacyDutyDraft['calendarGap']> };

// Per calendar, by start date: an estate has few distinct dates, and counting 30 working days
// walks the calendar day by day.
const deadlineCache = new WeakMap<WorkingDayCalendar, Map<IsoDate, Deadline>>();

function thirtyWorkingDays(context: RuleContext, from: IsoDate): Deadline {
  const calendar = context.calendar;
  let byDate = calendar ? deadlineCache.get(calendar) : undefined;
  const hit = byDate?.get(from);
  if (hit) return hit;
  const d = workingDayDeadline(context, from, FACE_FILING_WORKING_DAYS);
  const deadline: Deadline = d.ok ? { due: d.due } : { due: null, gap: d.gap };
  if (calendar) {
    if (!byDate) deadlineCache.set(calendar, (byDate = new Map()));
    if (byDate.size >= 10_000) byDate.clear();
    byDate.set(from, deadline);
  }
  return deadline;
}

/**
 * The face-recognition duties of one activity on `asOf` (none before 2025-06-01 or without face
 * recognition). Drafts: privacyDuties() adds the subject and the state.
 */
export function faceRecognitionDrafts(
  activity: ProcessingActivityFacts,
  asOf: IsoDate,
  context: RuleContext,
): PrivacyDutyDraft[] {
  const face = activity.faceRecognition;
  if (face === null || asOf < FACE_MEASURES_IN_FORCE) return [];
  const drafts: PrivacyDutyDraft[] = [];
  const stopped = face.stoppedOn !== null && face.stoppedOn <= asOf;
  const filedOn = face.filedOn !== null && face.filedOn <= asOf ? face.filedOn : null;
  const consentBased = activity.legalBases.includes('consent');
  const hasSeparate = activity.consents.includes('art29_sensitive');
  const articleProvenance = FACE_ARTICLE_NUMBERS_PROVENANCE;

  if (!stopped) {
    if (consentBased) {
      const minors = activity.minorsUnder14 > 0;
      const hasGuardian = activity.consents.includes('art31_guardian');
      const missing = [
        ...(hasSeparate ? [] : ['单独同意（art29_sensitive）']),
        ...(minors && !hasGuardian ? ['监护人同意（art31_guardian）'] : []),
      ];
      drafts.push({
        ruleId: 'privacy.face.separate-consent',
        titleZh: '人脸信息：取得个人单独同意',
        titleEn: 'Face information: separate consent',
        reasonZh:
          missing.length === 0
            ? `基于个人同意处理人脸信息，已记录单独同意${minors ? '及不满十四周岁未成年人监护人同意' : ''}。`
            : `基于个人同意处理人脸信息，应取得个人在充分知情前提下自愿、明确作出的单独同意${minors ? '；涉及不满十四周岁未成年人的，应取得其父母或其他监护人同意' : ''}。尚未记录：${missing.join('、')}。`,
        reasonEn:
          missing.length === 0
            ? `Face information processed on consent; separate consent${minors ? ' and guardian consent for minors under 14' : ''} recorded.`
            : `Face information processed on consent needs informed, voluntary, explicit separate consent${minors ? ', and for minors under 14 the consent of a parent or guardian' : ''}. Not recorded: ${[...(hasSeparate ? [] : ['separate consent (art29_sensitive)']), ...(minors && !hasGuardian ? ['guardian consent (art31_guardian)'] : [])].join(', ')}.`,
        citations: [
          FACE_RECOGNITION_2025.separateConsent,
          PIPL.sensitiveConsent,
          ...(minors ? [FACE_RECOGNITION_2025.minorsUnder14, PIPL.minorsUnder14] : []),
          // NDS Regulations Art. 22 (in force 2025-01-01, before the Measures) restates both.
          NDS_REGULATIONS.consentRules,
        ],
        dueDate: null,
        satisfied: missing.length === 0,
        provenance: articleProvenance,
        penaltyIds: [...PENALTY, 'nds-55'],
      });
    }

    drafts.push({
      ruleId: 'privacy.face.not-sole-verification',
      titleZh: '人脸识别不得作为唯一验证方式',
      titleEn: 'Face recognition not the only way to verify identity',
      reasonZh: face.alternativeOffered
        ? '已提供非人脸识别的其他合理、便捷验证方式。'
        : '实现相同目的或者达到同等业务要求存在其他非人脸识别方式的，不得将人脸识别作为唯一验证方式；个人不同意人脸验证的，应提供其他合理、便捷的方式。尚未记录替代方式。',
      reasonEn: face.alternativeOffered
        ? 'A reasonable, convenient non-face way to verify identity is offered.'
        : 'Where a non-face method serves the same purpose, face recognition must not be the only way to verify identity, and individuals who refuse it get another reasonable, convenient way. No alternative is recorded.',
      citations: [FACE_RECOGNITION_2025.notSoleVerification],
      dueDate: null,
      satisfied: face.alternativeOffered,
      provenance: articleProvenance,
      penaltyIds: PENALTY,
    });

    const transmitsOnConsent = !face.storedOnDevice && consentBased && hasSeparate;
    drafts.push({
      ruleId: 'privacy.face.storage-on-device',
      titleZh: '人脸信息存储于人脸识别设备内',
      titleEn: 'Keep face information inside the recognition device',
      reasonZh: face.storedOnDevice
        ? '人脸信息存储于人脸识别设备内，不通过互联网对外传输。'
        : transmitsOnConsent
          ? '人脸信息不仅存储于设备内；对外传输依赖已记录的单独同意，请确认该同意明确包含传输。'
          : '除法律、行政法规另有规定或者取得个人单独同意外，人脸信息应当存储于人脸识别设备内，不得通过互联网对外传输。登记册显示信息离开设备且未记录单独同意。',
      reasonEn: face.storedOnDevice
        ? 'Face information stays in the recognition device and is not sent over the internet.'
        : transmitsOnConsent
          ? 'Face information leaves the device on the strength of the recorded separate consent; make sure that consent names the transmission.'
          : 'Unless a law or administrative regulation provides otherwise or the individual gives separate consent, face information stays in the recognition device and is not sent over the internet. The register shows it leaving the device with no separate consent recorded.',
      citations: [FACE_RECOGNITION_2025.storageAndRetention],
      dueDate: null,
      standing: transmitsOnConsent,
      satisfied: face.storedOnDevice,
      provenance: articleProvenance,
      penaltyIds: PENALTY,
    });

    drafts.push({
      ruleId: 'privacy.face.minimal-retention',
      titleZh: '人脸信息保存期限最短',
      titleEn: 'Keep face information no longer than necessary',
      reasonZh:
        '除法律、行政法规另有规定外，人脸信息的保存期限不得超过实现处理目的所必需的最短时间（持续义务）。',
      reasonEn:
        'Unless a law or administrative regulation provides otherwise, face information is kept no longer than the shortest time the purpose needs (a continuing duty).',
      citations: [FACE_RECOGNITION_2025.storageAndRetention],
      dueDate: null,
      standing: true,
      satisfied: false,
      provenance: articleProvenance,
      penaltyIds: PENALTY,
    });

    const approved = activity.pipiaApprovedOn.filter((d) => d <= asOf).sort();
    const last = approved[approved.length - 1];
    drafts.push({
      ruleId: 'privacy.face.prior-pipia',
      titleZh: '人脸识别：事前个人信息保护影响评估',
      titleEn: 'Face recognition: prior PIPIA',
      reasonZh: last
        ? `已于${last}批准覆盖本活动的个人信息保护影响评估。`
        : '应用人脸识别技术处理人脸信息，应当事前进行个人信息保护影响评估并记录处理情况；尚无已批准的评估。',
      reasonEn: last
        ? `A PIPIA covering the activity was approved on ${last}.`
        : 'Face recognition needs a PIPIA before processing and records of the processing; no approved assessment yet.',
      citations: [FACE_RECOGNITION_2025.priorPipia, PIPL.pipiaTriggers],
      dueDate: null,
      satisfied: last !== undefined,
      provenance: articleProvenance,
      penaltyIds: PENALTY,
    });
  }

  drafts.push(...filingDrafts(face, asOf, context, filedOn, stopped));
  return drafts;
}

function filingDrafts(
  face: FaceRecognitionFacts,
  asOf: IsoDate,
  context: RuleContext,
  filedOn: IsoDate | null,
  stopped: boolean,
): PrivacyDutyDraft[] {
  const drafts: PrivacyDutyDraft[] = [];
  const reached = faceThresholdReachedOn(face, asOf);
  const base = {
    ruleId: 'privacy.face.filing',
    titleZh: '人脸识别备案（省级网信部门）',
    titleEn: 'Face-recognition filing with the provincial CAC',
    provenance: 'confirmed' as const,
    penaltyIds: PENALTY,
  };
  const countZh = `存储人脸信息${fmt(face.storedIndividuals)}人`;
  const countEn = `face information of ${fmt(face.storedIndividuals)} individuals stored`;
  if (filedOn !== null) {
    drafts.push({
      ...base,
      reasonZh: `已于${filedOn}向省级网信部门备案（${countZh}）。`,
      reasonEn: `Filed with the provincial CAC on ${filedOn} (${countEn}).`,
      citations: [FACE_RECOGNITION_2025.filing],
      dueDate: null,
      satisfied: true,
    });
  } else if (reached === 'unknown') {
    if (!stopped)
      drafts.push({
        ...base,
        reasonZh: `${countZh}，达到10万人（含本数），须在达到之日起${FACE_FILING_WORKING_DAYS}个工作日内备案；未记录达到10万人的日期，期限无法计算。`,
        reasonEn: `${countEn}, at or above 100,000: file within ${FACE_FILING_WORKING_DAYS} working days of reaching the number; the day it was reached is not recorded, so the deadline cannot be computed.`,
        citations: [FACE_RECOGNITION_2025.filing],
        dueDate: null,
        satisfied: false,
        missingFact: true,
      });
  } else if (reached !== null) {
    const transitional = reached < FACE_MEASURES_IN_FORCE;
    const deadline: Deadline = transitional
      ? { due: FACE_TRANSITIONAL_FILING_DUE }
      : thirtyWorkingDays(context, reached);
    const stoppedBeforeDue =
      stopped && deadline.due !== null && face.stoppedOn !== null && face.stoppedOn <= deadline.due;
    if (!stoppedBeforeDue) {
      const ruleZh = transitional
        ? `${reached}前已达到10万人（办法2025年6月1日施行前），按国家网信办2025年5月28日公告应于${FACE_TRANSITIONAL_FILING_DUE}前备案`
        : `存储数量于${reached}达到10万人（"达到"含本数），应在${FACE_FILING_WORKING_DAYS}个工作日内向所在地省级以上网信部门备案${deadline.due ? `（起算日不计入，按国务院放假安排计算，至${deadline.due}）` : ''}`;
      const ruleEn = transitional
        ? `The number was reached on ${reached}, before the Measures took effect on 2025-06-01: file by ${FACE_TRANSITIONAL_FILING_DUE} (CAC announcement of 2025-05-28)`
        : `The stored count reached 100,000 on ${reached} (inclusive): file with the provincial CAC within ${FACE_FILING_WORKING_DAYS} working days${deadline.due ? ` (start day not counted, State Council holiday calendar: by ${deadline.due})` : ''}`;
      drafts.push({
        ...base,
        reasonZh: `${countZh}；${ruleZh}。备案材料含个人信息保护影响评估报告。${deadline.gap ? deadline.gap.messageZh : ''}`,
        reasonEn: `${countEn}; ${ruleEn}. The filing includes the PIPIA report.${deadline.gap ? ` ${deadline.gap.messageEn}` : ''}`,
        citations: transitional
          ? [FACE_RECOGNITION_2025.filing, FACE_RECOGNITION_FILING_NOTICE_2025]
          : [FACE_RECOGNITION_2025.filing],
        dueDate: deadline.due,
        ...(deadline.gap ? { calendarGap: deadline.gap } : {}),
        satisfied: false,
      });
    }
  }

  if (
    filedOn !== null &&
    face.changedOn !== null &&
    face.changedOn <= asOf &&
    face.changedOn > filedOn
  ) {
    const changeFiled =
      face.changeFiledOn !== null &&
      face.changeFiledOn >= face.changedOn &&
      face.changeFiledOn <= asOf;
    const deadline = changeFiled ? null : thirtyWorkingDays(context, face.changedOn);
    drafts.push({
      ruleId: 'privacy.face.change-filing',
      titleZh: '人脸识别备案变更',
      titleEn: 'Update the face-recognition filing',
      reasonZh: changeFiled
        ? `备案事项于${face.changedOn}发生实质性变化，已于${face.changeFiledOn}办理变更备案。`
        : `备案事项于${face.changedOn}发生实质性变化，应在${FACE_FILING_WORKING_DAYS}个工作日内办理变更备案${deadline?.due ? `（至${deadline.due}）` : ''}。${deadline?.gap ? deadline.gap.messageZh : ''}`,
      reasonEn: changeFiled
        ? `The filed matters changed substantially on ${face.changedOn}; the change was filed on ${face.changeFiledOn}.`
        : `The filed matters changed substantially on ${face.changedOn}: file the change within ${FACE_FILING_WORKING_DAYS} working days${deadline?.due ? ` (by ${deadline.due})` : ''}.${deadline?.gap ? ` ${deadline.gap.messageEn}` : ''}`,
      citations: [FACE_RECOGNITION_2025.filing],
      dueDate: deadline?.due ?? null,
      ...(deadline?.gap ? { calendarGap: deadline.gap } : {}),
      satisfied: changeFiled,
      provenance: 'confirmed',
      penaltyIds: PENALTY,
    });
  }

  if (filedOn !== null && stopped && face.stoppedOn !== null) {
    const deregistered = face.deregisteredOn !== null && face.deregisteredOn <= asOf;
    const deadline = deregistered ? null : thirtyWorkingDays(context, face.stoppedOn);
    drafts.push({
      ruleId: 'privacy.face.deregistration',
      titleZh: '人脸识别备案注销',
      titleEn: 'Deregister the face-recognition filing',
      reasonZh: deregistered
        ? `已于${face.stoppedOn}停止应用人脸识别，并于${face.deregisteredOn}注销备案。`
        : `已于${face.stoppedOn}停止应用人脸识别，应在${FACE_FILING_WORKING_DAYS}个工作日内注销备案${deadline?.due ? `（至${deadline.due}）` : ''}。${deadline?.gap ? deadline.gap.messageZh : ''}`,
      reasonEn: deregistered
        ? `Face recognition stopped on ${face.stoppedOn}; the filing was deregistered on ${face.deregisteredOn}.`
        : `Face recognition stopped on ${face.stoppedOn}: deregister the filing within ${FACE_FILING_WORKING_DAYS} working days${deadline?.due ? ` (by ${deadline.due})` : ''}.${deadline?.gap ? ` ${deadline.gap.messageEn}` : ''}`,
      citations: [FACE_RECOGNITION_2025.filing],
      dueDate: deadline?.due ?? null,
      ...(deadline?.gap ? { calendarGap: deadline.gap } : {}),
      satisfied: deregistered,
      provenance: 'confirmed',
      penaltyIds: PENALTY,
    });
  }
  return drafts;
}
