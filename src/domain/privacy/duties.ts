/**
 * Every personal-information duty of an organisation on a date: per activity the PIPIA
 * (PIPL Art. 55), the separate consents (Arts. 23, 25, 26, 29, 39; guardian consent Art. 31; for
 * Arts. 29/31 also NDS Regulations Art. 22 from 2025-01-01), the records of providing and
 * entrusting (NDS Regulations Art. 12) and the face-recognition duties; per organisation the PI
 * protection officer (Art. 52), the compliance audit (Art. 54; CAC audit Measures 2025), the NDS
 * Regulations Art. 28 duties for 10 million individuals; and the transfer duties of the
 * cross-border engine. States as in the obligations engine (stateOf). Pure: the calendar and the
 * classifier are arguments.
 *
 * Readings (ours, documented):
 * - "Before processing" duties (PIPIA, separate consent) have no date the register can give:
 *   an activity in the register is taken to be processing already, so a missing one is `open`
 *   (applies, not done, no date) rather than dated.
 * - Separate consent applies where the activity relies on consent (`legalBases` has `consent`);
 *   PIPL Art. 13 ¶2: the other six bases need no consent. Art. 23 for other and joint handlers in
 *   the mainland; Art. 39 for every recipient abroad (entrusted processors included: the data
 *   leave the country); Art. 29 for sensitive categories, sensitive individuals or face
 *   recognition; Art. 31 for minors under 14 (their own duty, not Art. 29 as well).
 * - Organisation thresholds: 以上 includes the number, 超过 excludes it (Civil Code Art. 1259).
 */
import type { Citation, Provenance } from '../citation';
import type { IsoDate, WorkingDayCalendar } from '../calendar';
import { DUE_SOON_DAYS, stateOf } from '../obligations/evaluate';
import { addCalendarDays, addMonths } from '../obligations/helpers';
import type { DraftObligation } from '../obligations/types';
import type { ConsentCase } from '../../shared/privacy-schemas';
import { NDS_REGULATIONS, PI_COMPLIANCE_AUDIT_2025, PIPL } from './citations';
import { crossBorderPaths } from './cross-border';
import { faceRecognitionDrafts } from './face-recognition';
import {
  PIPL_IN_FORCE,
  pipiaRetainUntil,
  pipiaTriggers,
  type PipiaClassification,
} from './pipia-triggers';
import type {
  CrossBorderResult,
  OutboundTransferFacts,
  PrivacyDuty,
  PrivacyOrganisationFacts,
  ProcessingActivityFacts,
} from './types';

/** A duty before its subject and state are known (built by the rules of this folder). */
export interface PrivacyDutyDraft extends DraftObligation {
  readonly ruleId: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly citations: readonly Citation[];
  readonly provenance: Provenance;
  readonly penaltyIds: readonly string[];
  /** A fact needed for the date is missing: undated → "undetermined" instead of "open". */
  readonly missingFact?: boolean;
}

/**
 * PIPL Art. 52 leaves the number to the CAC ("处理个人信息达到国家网信部门规定数量"). 1,000,000
 * individuals (以上, inclusive), set by the compliance-audit Measures (in force 2025-05-01, so the
 * duty is checked from that day), is the figure reported for the CAC's rules; UNVERIFIED against
 * an official text (article number not seen either). Change it here once seen.
 */
export const PI_OFFICER_THRESHOLD = 1_000_000;
export const PI_OFFICER_THRESHOLD_PROVENANCE: Provenance = 'unverified';
/** Audit Measures: "处理超过1000万人个人信息的" (超过: 10,000,000 itself is not enough) audit every 2 years. */
export const COMPLIANCE_AUDIT_THRESHOLD = 10_000_000;
export const COMPLIANCE_AUDIT_INTERVAL_MONTHS = 24;
export const COMPLIANCE_AUDIT_MEASURES_IN_FORCE: IsoDate = '2025-05-01';
/** NDS Regulations Art. 28: "处理1000万人以上个人信息的" (以上: 10,000,000 included). */
export const NDS_LARGE_PROCESSOR_THRESHOLD = 10_000_000;
export const NDS_REGULATIONS_IN_FORCE: IsoDate = '2025-01-01';

/** Organisation facts, plus what the register profile records for the organisation duties. */
export interface PrivacyDutyOrganisationFacts extends PrivacyOrganisationFacts {
  /** Subject of the organisation duties; defaults to `organisation`. */
  readonly id?: string;
  readonly name?: string;
  /** 个人信息保护负责人 recorded in the register profile (null/absent: none recorded). */
  readonly protectionOfficer?: string | null;
  /** The last completed PI protection compliance audit. */
  readonly lastComplianceAuditOn?: IsoDate | null;
  /** 网络数据安全负责人 (NDS Regulations Art. 30) where recorded. */
  readonly dataSecurityOfficer?: string | null;
}

export interface PrivacyDutyOptions {
  readonly calendar?: WorkingDayCalendar | null;
  /** The sensitive-information classifier (sensitive.ts) applied to an activity's categories. */
  readonly classify: (activity: ProcessingActivityFacts) => PipiaClassification;
  /**
   * The cross-border engine's result for `transfers` on `asOf` when the caller has it already
   * (e.g. to show the paths too); omitted, privacyDuties computes it with crossBorderPaths().
   */
  readonly crossBorder?: CrossBorderResult;
}

const PIPL_PENALTY = ['pipl-66-1'] as const;

const fmt = (n: number) => n.toLocaleString('en-US');

/** Separate-consent cases with their article, in the order of the law. */
const CONSENT_RULES: Record<
  ConsentCase,
  { readonly citation: Citation; readonly titleZh: string; readonly titleEn: string }
> = {
  art23_provision: {
    citation: PIPL.provisionToOtherHandler,
    titleZh: '向其他个人信息处理者提供：单独同意',
    titleEn: 'Provision to another handler: separate consent',
  },
  art25_disclosure: {
    citation: PIPL.publicDisclosure,
    titleZh: '公开个人信息：单独同意',
    titleEn: 'Public disclosure: separate consent',
  },
  art26_public_camera: {
    citation: PIPL.publicCameras,
    titleZh: '公共场所图像采集用于其他目的：单独同意',
    titleEn: 'Public-camera images used beyond public security: separate consent',
  },
  art29_sensitive: {
    citation: PIPL.sensitiveConsent,
    titleZh: '处理敏感个人信息：单独同意',
    titleEn: 'Sensitive personal information: separate consent',
  },
  art31_guardian: {
    citation: PIPL.minorsUnder14,
    titleZh: '不满十四周岁未成年人：监护人同意',
    titleEn: 'Minors under 14: consent of a parent or guardian',
  },
  art39_abroad: {
    citation: PIPL.transferConsent,
    titleZh: '向境外提供个人信息：单独同意',
    titleEn: 'Provision abroad: separate consent',
  },
};

/** Which consent cases an activity needs, with why (empty when it does not rely on consent). */
export function requiredConsents(
  activity: ProcessingActivityFacts,
  classification: PipiaClassification,
): { readonly case: ConsentCase; readonly whyZh: string; readonly whyEn: string }[] {
  if (!activity.legalBases.includes('consent')) return [];
  const out: { case: ConsentCase; whyZh: string; whyEn: string }[] = [];
  const domesticHandlers = activity.recipients.filter(
    (r) =>
      r.country === 'CN' &&
      (r.relationship === 'other_handler' || r.relationship === 'joint_handler'),
  ).length;
  if (domesticHandlers > 0)
    out.push({
      case: 'art23_provision',
      whyZh: `向境内${domesticHandlers}个其他（或共同）个人信息处理者提供个人信息`,
      whyEn: `personal information is provided to ${domesticHandlers} other (or joint) handler(s) in the mainland`,
    });
  if (activity.publicDisclosure)
    out.push({
      case: 'art25_disclosure',
      whyZh: '公开个人信息',
      whyEn: 'personal information is disclosed publicly',
    });
  if (activity.publicCameraImages)
    out.push({
      case: 'art26_public_camera',
      whyZh: '公共场所图像、身份识别信息用于维护公共安全以外的目的',
      whyEn: 'public-camera images or identity data are used beyond public security',
    });
  if (
    classification.sensitive ||
    activity.sensitiveIndividuals > 0 ||
    activity.faceRecognition !== null
  )
    out.push({
      case: 'art29_sensitive',
      whyZh:
        activity.faceRecognition !== null ? '处理敏感个人信息（含人脸信息）' : '处理敏感个人信息',
      whyEn:
        activity.faceRecognition !== null
          ? 'sensitive personal information (including face information) is processed'
          : 'sensitive personal information is processed',
    });
  if (classification.minorsUnder14 || activity.minorsUnder14 > 0)
    out.push({
      case: 'art31_guardian',
      whyZh: '处理不满十四周岁未成年人的个人信息',
      whyEn: 'personal information of minors under 14 is processed',
    });
  const abroad = [
    ...new Set(activity.recipients.filter((r) => r.country !== 'CN').map((r) => r.country)),
  ].sort();
  if (abroad.length > 0)
    out.push({
      case: 'art39_abroad',
      whyZh: `向境外提供个人信息（${abroad.join('、')}）`,
      whyEn: `personal information is provided abroad (${abroad.join(', ')})`,
    });
  return out;
}

function activityDrafts(
  activity: ProcessingActivityFacts,
  classification: PipiaClassification,
  asOf: IsoDate,
  calendar: WorkingDayCalendar | null,
): PrivacyDutyDraft[] {
  const drafts: PrivacyDutyDraft[] = [];
  const triggers = pipiaTriggers(activity, classification, { asOf });
  if (triggers.length > 0) {
    const approved = activity.pipiaApprovedOn.filter((d) => d <= asOf).sort();
    const last = approved[approved.length - 1];
    const list = triggers.map((t) => t.reasonZh).join('');
    const listEn = triggers.map((t) => t.reasonEn).join(' ');
    drafts.push({
      ruleId: 'privacy.pipia',
      titleZh: '个人信息保护影响评估（事前）',
      titleEn: 'Personal-information protection impact assessment (before processing)',
      reasonZh: last
        ? `已于${last}批准评估；报告和处理情况记录至少保存至${pipiaRetainUntil(last)}（第五十六条，三年）。触发情形：${list}`
        : `应在处理前进行个人信息保护影响评估并记录处理情况；尚无已批准的评估（活动已登记，视为正在处理，应立即补做）。触发情形：${list}`,
      reasonEn: last
        ? `Assessment approved on ${last}; report and records kept at least until ${pipiaRetainUntil(last)} (Art. 56, three years). Triggers: ${listEn}`
        : `A PIPIA with records of the processing is due before processing; none is approved (the activity is registered, so taken to be processing: assess now). Triggers: ${listEn}`,
      citations: [
        PIPL.pipiaTriggers,
        PIPL.pipiaContentAndRetention,
        ...triggers.filter((t) => t.citation !== PIPL.pipiaTriggers).map((t) => t.citation),
      ],
      dueDate: null,
      satisfied: last !== undefined,
      provenance: 'confirmed',
      penaltyIds: PIPL_PENALTY,
    });
  }
  // One duty per fact: the face consent duty (Measures + PIPL Arts. 29/31) replaces the plain
  // Art. 29/31 ones, and privacy.pipia (whose triggers include face recognition) the face PIPIA.
  const face = faceRecognitionDrafts(activity, asOf, { calendar }).filter(
    (d) => d.ruleId !== 'privacy.face.prior-pipia',
  );
  const faceConsent = face.some((d) => d.ruleId === 'privacy.face.separate-consent');
  for (const need of requiredConsents(activity, classification)) {
    // The face consent covers Art. 31 only where minors are counted on the activity.
    if (
      faceConsent &&
      (need.case === 'art29_sensitive' ||
        (need.case === 'art31_guardian' && activity.minorsUnder14 > 0))
    )
      continue;
    const rule = CONSENT_RULES[need.case];
    const recorded = activity.consents.includes(need.case);
    // NDS Regulations Art. 22 restates these two (penalty Art. 55) from 2025-01-01.
    const nds =
      asOf >= NDS_REGULATIONS_IN_FORCE &&
      (need.case === 'art29_sensitive' || need.case === 'art31_guardian');
    drafts.push({
      ruleId: `privacy.consent.${need.case}`,
      titleZh: rule.titleZh,
      titleEn: rule.titleEn,
      reasonZh: recorded
        ? `${need.whyZh}，已记录同意。`
        : `${need.whyZh}，且以个人同意为处理依据：处理前须取得${need.case === 'art31_guardian' ? '父母或其他监护人的同意' : '个人的单独同意'}，登记册中尚无记录。`,
      reasonEn: recorded
        ? `${need.whyEn}; the consent is recorded.`
        : `${need.whyEn[0]?.toUpperCase()}${need.whyEn.slice(1)} on the basis of consent: ${need.case === 'art31_guardian' ? "a parent's or guardian's consent" : 'separate consent'} is needed before processing and none is recorded.`,
      citations: nds
        ? [rule.citation, PIPL.legalBases, NDS_REGULATIONS.consentRules]
        : [rule.citation, PIPL.legalBases],
      dueDate: null,
      satisfied: recorded,
      provenance: 'confirmed',
      penaltyIds: nds ? [...PIPL_PENALTY, 'nds-55'] : PIPL_PENALTY,
    });
  }
  drafts.push(...face);

  // NDS Regulations Art. 12: records of providing and entrusting kept at least three years.
  const handedOver = activity.recipients.length;
  if (handedOver > 0 && asOf >= NDS_REGULATIONS_IN_FORCE)
    drafts.push({
      ruleId: 'privacy.provision-records',
      titleZh: '提供、委托处理个人信息的处理情况记录（至少保存3年）',
      titleEn: 'Records of providing and entrusting personal information (kept 3 years or more)',
      reasonZh: `本活动向${handedOver}个接收方（受托人、其他或共同处理者）提供或委托处理个人信息：应通过合同等约定处理目的、方式、范围及安全保护义务，并对其履行义务进行监督；提供、委托处理的处理情况记录应至少保存3年（持续义务）。`,
      reasonEn: `The activity hands personal information to ${handedOver} recipient(s) (entrusted processors, other or joint handlers): agree purpose, method, scope and security duties by contract and supervise them; keep records of the provision or entrustment for at least 3 years (a continuing duty).`,
      citations: [NDS_REGULATIONS.recordsOfProvision],
      dueDate: null,
      standing: true,
      satisfied: false,
      provenance: 'confirmed',
      penaltyIds: ['nds-55'],
    });
  return drafts;
}

function organisationDrafts(org: PrivacyDutyOrganisationFacts, asOf: IsoDate): PrivacyDutyDraft[] {
  const drafts: PrivacyDutyDraft[] = [];
  const total = org.totalIndividuals;
  const unknownZh = '未登记单位处理个人信息的总人数，无法判断是否达到门槛。';
  const unknownEn =
    'The total of individuals whose information the organisation processes is not recorded, so the threshold cannot be checked.';

  // PIPL Art. 52: protection officer above the CAC's number.
  const officer = org.protectionOfficer?.trim() || null;
  const officerBase = {
    ruleId: 'privacy.protection-officer',
    titleZh: '指定个人信息保护负责人',
    titleEn: 'Appoint a personal-information protection officer',
    citations: [PIPL.protectionOfficer, PI_COMPLIANCE_AUDIT_2025.protectionOfficer],
    dueDate: null,
    provenance: PI_OFFICER_THRESHOLD_PROVENANCE,
    penaltyIds: PIPL_PENALTY,
  };
  if (asOf < COMPLIANCE_AUDIT_MEASURES_IN_FORCE) {
    // No number set by the CAC yet: nothing to check.
  } else if (total === null) {
    drafts.push({
      ...officerBase,
      reasonZh: unknownZh,
      reasonEn: unknownEn,
      satisfied: false,
      missingFact: true,
    });
  } else if (total >= PI_OFFICER_THRESHOLD) {
    drafts.push({
      ...officerBase,
      reasonZh: `处理${fmt(total)}人的个人信息，达到${fmt(PI_OFFICER_THRESHOLD)}人（以上，含本数；该数量未经官方文本核实），应指定个人信息保护负责人并公开其联系方式、报送履行个人信息保护职责的部门。${officer ? `已登记：${officer}。` : '尚未登记。'}`,
      reasonEn: `Processes personal information of ${fmt(total)} individuals, at or above ${fmt(PI_OFFICER_THRESHOLD)} (figure not verified against an official text): appoint a PI protection officer, publish the contact and report it to the authority. ${officer ? `Recorded: ${officer}.` : 'None recorded.'}`,
      satisfied: officer !== null,
    });
  }

  // PIPL Art. 54 + CAC compliance-audit Measures (in force 2025-05-01).
  if (total === null) {
    drafts.push({
      ruleId: 'privacy.compliance-audit',
      titleZh: '个人信息保护合规审计',
      titleEn: 'Personal-information protection compliance audit',
      reasonZh: unknownZh,
      reasonEn: unknownEn,
      citations: [PIPL.complianceAudit],
      dueDate: null,
      satisfied: false,
      missingFact: true,
      provenance: 'confirmed',
      penaltyIds: PIPL_PENALTY,
    });
  } else if (total > COMPLIANCE_AUDIT_THRESHOLD && asOf >= COMPLIANCE_AUDIT_MEASURES_IN_FORCE) {
    const last =
      org.lastComplianceAuditOn && org.lastComplianceAuditOn <= asOf
        ? org.lastComplianceAuditOn
        : null;
    const due = addMonths(
      last ?? COMPLIANCE_AUDIT_MEASURES_IN_FORCE,
      COMPLIANCE_AUDIT_INTERVAL_MONTHS,
    );
    drafts.push({
      ruleId: 'privacy.compliance-audit',
      titleZh: '个人信息保护合规审计（每两年至少一次）',
      titleEn: 'PI protection compliance audit (at least every two years)',
      reasonZh: `处理${fmt(total)}人的个人信息，超过1000万人（"超过"不含本数），应每两年至少开展一次合规审计；${last ? `上次审计${last}，下次不晚于${due}` : `未记录审计，自办法施行（${COMPLIANCE_AUDIT_MEASURES_IN_FORCE}）起两年内即${due}前完成首次审计（首次期限为本工具的推算）`}。`,
      reasonEn: `Processes personal information of ${fmt(total)} individuals, more than 10,000,000 (exclusive): audit at least every two years; ${last ? `last audit ${last}, next by ${due}` : `no audit recorded, the first is due within two years of the Measures taking effect (${COMPLIANCE_AUDIT_MEASURES_IN_FORCE}), by ${due} (our reading of the first period)`}.`,
      citations: [PIPL.complianceAudit, PI_COMPLIANCE_AUDIT_2025.frequency],
      dueDate: due,
      recurrenceMonths: COMPLIANCE_AUDIT_INTERVAL_MONTHS,
      satisfied: false,
      provenance: last ? 'confirmed' : 'derived',
      penaltyIds: PIPL_PENALTY,
    });
  } else {
    drafts.push({
      ruleId: 'privacy.compliance-audit',
      titleZh: '个人信息保护合规审计（定期）',
      titleEn: 'PI protection compliance audit (regularly)',
      reasonZh: `应定期对处理个人信息遵守法律、行政法规的情况进行合规审计；处理${fmt(total)}人的个人信息，未超过1000万人，法规未规定频次（持续义务）。${org.lastComplianceAuditOn ? `上次审计${org.lastComplianceAuditOn}。` : ''}`,
      reasonEn: `Audit compliance regularly; with ${fmt(total)} individuals (not more than 10,000,000) no frequency is set (a continuing duty).${org.lastComplianceAuditOn ? ` Last audit ${org.lastComplianceAuditOn}.` : ''}`,
      citations: [PIPL.complianceAudit],
      dueDate: null,
      standing: true,
      satisfied: false,
      provenance: 'confirmed',
      penaltyIds: PIPL_PENALTY,
    });
  }

  // NDS Regulations Art. 28 → Arts. 30 and 32 for 10 million individuals and more.
  if (
    total !== null &&
    total >= NDS_LARGE_PROCESSOR_THRESHOLD &&
    asOf >= NDS_REGULATIONS_IN_FORCE
  ) {
    const dso = org.dataSecurityOfficer?.trim() || null;
    const whyZh = `处理${fmt(total)}人的个人信息，达到1000万人以上（含本数），还应遵守网络数据安全管理条例对重要数据处理者的规定`;
    const whyEn = `Processes personal information of ${fmt(total)} individuals, 10,000,000 or more (inclusive): the NDS Regulations' duties of important-data processors also apply`;
    drafts.push({
      ruleId: 'privacy.nds-large.security-officer',
      titleZh: '明确网络数据安全负责人和管理机构',
      titleEn: 'Name a network data security officer and management body',
      reasonZh: `${whyZh}（第三十条）。${dso ? `已登记：${dso}。` : '尚未登记网络数据安全负责人。'}`,
      reasonEn: `${whyEn} (Art. 30). ${dso ? `Recorded: ${dso}.` : 'No data security officer recorded.'}`,
      citations: [NDS_REGULATIONS.largeProcessors, NDS_REGULATIONS.importantDataOfficerAndBody],
      dueDate: null,
      satisfied: dso !== null,
      provenance: 'confirmed',
      penaltyIds: ['nds-57'],
    });
    drafts.push({
      ruleId: 'privacy.nds-large.reorganisation',
      titleZh: '合并、分立、解散、破产时报告数据处置方案',
      titleEn: 'Report the data disposal plan on merger, division, dissolution or bankruptcy',
      reasonZh: `${whyZh}（第三十二条）：发生合并、分立、解散、被宣告破产等情况时，应向省级以上有关主管部门报告数据处置方案（事件触发）。`,
      reasonEn: `${whyEn} (Art. 32): on merger, division, dissolution or bankruptcy, report the data disposal plan to the provincial or higher competent department (event-triggered).`,
      citations: [NDS_REGULATIONS.largeProcessors, NDS_REGULATIONS.disposalOnReorganisation],
      dueDate: null,
      standing: true,
      satisfied: false,
      provenance: 'confirmed',
      penaltyIds: ['nds-57'],
    });
  }
  return drafts;
}

function finish(
  draft: PrivacyDutyDraft,
  subject: PrivacyDuty['subject'],
  asOf: IsoDate,
  dueSoonUntil: IsoDate,
): PrivacyDuty {
  return {
    ruleId: draft.ruleId,
    subject,
    titleZh: draft.titleZh,
    titleEn: draft.titleEn,
    reasonZh: draft.reasonZh,
    reasonEn: draft.reasonEn,
    citations: draft.citations,
    dueDate: draft.dueDate,
    eventDeadline: draft.eventDeadline ?? null,
    state: stateOf(draft, asOf, dueSoonUntil, draft.missingFact === true),
    provenance: draft.provenance,
    penaltyIds: draft.penaltyIds,
  };
}

/**
 * The face-recognition duties of one activity on `asOf`, stated (the face-recognition view: all
 * of them, the prior PIPIA included; privacyDuties lists that one as privacy.pipia).
 */
export function faceRecognitionDuties(
  activity: ProcessingActivityFacts,
  asOf: IsoDate,
  options: { readonly calendar?: WorkingDayCalendar | null } = {},
): PrivacyDuty[] {
  const dueSoonUntil = addCalendarDays(asOf, DUE_SOON_DAYS);
  const subject = { kind: 'activity' as const, id: activity.id, name: activity.name };
  return faceRecognitionDrafts(activity, asOf, { calendar: options.calendar ?? null }).map((d) =>
    finish(d, subject, asOf, dueSoonUntil),
  );
}

/**
 * The personal-information duties of an organisation on `asOf`: organisation duties first, then
 * each activity's, then the transfer duties of the cross-border engine (crossBorderPaths over
 * `transfers`, or `options.crossBorder` when given). None before PIPL took effect (2021-11-01).
 *
 * @example
 * privacyDuties(org, activities, transfers, '2026-03-01', { calendar, classify }).filter(
 *   (d) => d.state === 'overdue',
 * )
 */
export function privacyDuties(
  org: PrivacyDutyOrganisationFacts,
  activities: readonly ProcessingActivityFacts[],
  transfers: readonly OutboundTransferFacts[],
  asOf: IsoDate,
  options: PrivacyDutyOptions,
): PrivacyDuty[] {
  if (asOf < PIPL_IN_FORCE) return [];
  const dueSoonUntil = addCalendarDays(asOf, DUE_SOON_DAYS);
  const calendar = options.calendar ?? null;
  const duties: PrivacyDuty[] = [];
  const orgSubject = {
    kind: 'organisation' as const,
    id: org.id ?? 'organisation',
    name: org.name ?? '本单位',
  };
  for (const d of organisationDrafts(org, asOf))
    duties.push(finish(d, orgSubject, asOf, dueSoonUntil));
  for (const activity of activities) {
    const subject = { kind: 'activity' as const, id: activity.id, name: activity.name };
    for (const d of activityDrafts(activity, options.classify(activity), asOf, calendar))
      duties.push(finish(d, subject, asOf, dueSoonUntil));
  }
  // The activity duties above already hold consent (Art. 39) and the PIPIA (Art. 55(4)) with
  // what is on record; the engine's transfer-level copies of them would list each twice.
  const crossBorder =
    options.crossBorder ?? crossBorderPaths(org, transfers, asOf, { calendar, piplDuties: false });
  duties.push(...crossBorder.duties);
  return duties;
}
