/**
 * App personal-information collection checks: one app's description (what it collects for
 * which function, its permissions, SDKs, privacy notice and consent flow) against the necessary
 * scope of its type (常见类型移动互联网应用程序必要个人信息范围规定, 2021), the 2019
 * identification method (App违法违规收集使用个人信息行为认定方法), PIPL and the NDS Regulations.
 *
 * Pure: the catalog (src/catalogs/app-necessary-pi) comes in as data, with the sensitive data
 * categories of src/catalogs/pi-categories. Each flag names the rule it breaks (the catalog's
 * requirement: severity, titles, citations) and the penalty it exposes the operator to.
 *
 * Matching: a collected item is within the necessary scope when it names (by catalog id or by
 * its Chinese name) one of the type's necessary items; free text never matches, so describe
 * collected items with the catalog's ids.
 */
import type {
  AppCheckFlagDto,
  AppCheckInput,
  NoticeElement,
} from '../../shared/data-security-schemas';

/** The catalog data the checks read (structurally the shipped app-necessary-pi catalog). */
export interface AppCheckCatalog {
  readonly items: readonly {
    readonly id: string;
    readonly nameZh: string;
    readonly nameEn: string;
    readonly piCategory: string | null;
  }[];
  readonly types: readonly {
    readonly id: string;
    readonly nameZh: string;
    readonly nameEn: string;
    readonly noPersonalInformationNeeded: boolean;
    readonly items: readonly { readonly item: string }[];
  }[];
  readonly requirements: readonly {
    readonly id: string;
    readonly severity: 'high' | 'medium' | 'low';
    readonly titleZh: string;
    readonly titleEn: string;
    readonly citations: readonly { readonly instrumentId: string; readonly provisionId: string }[];
  }[];
  readonly enforcement: readonly {
    readonly id: string;
    readonly titleZh: string;
    readonly titleEn: string;
    readonly descriptionZh: string;
    readonly descriptionEn: string;
  }[];
  /** Data-category codes that are sensitive personal information (PIPL Art. 28). */
  readonly sensitiveCategories: ReadonlySet<string>;
}

/** PIPL Art. 66 ¶1 and ¶2 (src/catalogs/penalties/penalties.yaml). */
export const APP_PENALTY_ID = 'pipl-66-1';
export const APP_SERIOUS_PENALTY_ID = 'pipl-66-2';

/** The NDS Regulations (privacy-rule contents, Art. 21) apply from this day. */
export const NDS_REGULATIONS_IN_FORCE = '2025-01-01';

/**
 * Permissions that reach sensitive data or sensors (location, camera, microphone, contacts, SMS,
 * call log, calendar, photos), matched on Android permission names and iOS usage-description
 * keys. Our own list for the check, not a list from the rules.
 */
export const SENSITIVE_PERMISSIONS: readonly {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly pattern: RegExp;
}[] = [
  { key: 'location', zh: '位置', en: 'location', pattern: /LOCATION/i },
  { key: 'camera', zh: '相机', en: 'camera', pattern: /CAMERA/i },
  { key: 'microphone', zh: '麦克风', en: 'microphone', pattern: /RECORD_AUDIO|MICROPHONE/i },
  { key: 'contacts', zh: '通讯录', en: 'contacts', pattern: /CONTACTS/i },
  { key: 'sms', zh: '短信', en: 'SMS', pattern: /SMS/i },
  { key: 'call_log', zh: '通话记录', en: 'call log', pattern: /CALL_LOG/i },
  { key: 'calendar', zh: '日历', en: 'calendar', pattern: /CALENDAR/i },
  { key: 'photos', zh: '相册', en: 'photos', pattern: /PHOTO|MEDIA_IMAGES|EXTERNAL_STORAGE/i },
];

export interface OverCollectedItem {
  readonly item: string;
  readonly piCategory: string | null;
  readonly function: string;
  /** The item asked for although the user declines it (the basic function is refused). */
  readonly requiredToUse: boolean;
}

export interface AppCheckSummary {
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly total: number;
}

export interface AppCheckExposure {
  /** Penalty ids the flags expose the operator to (PIPL Art. 66 ¶1; ¶2 when serious). */
  readonly penaltyIds: readonly string[];
  /** PIPL Art. 66 ¶1: an app processing personal information unlawfully may be ordered to suspend or stop its service. */
  readonly serviceSuspensionRisk: boolean;
  /** Regulators' practice: notice, rectification deadline, then removal from app stores. */
  readonly removalRisk: boolean;
  readonly summaryZh: string;
  readonly summaryEn: string;
  readonly enforcement: readonly {
    readonly id: string;
    readonly titleZh: string;
    readonly titleEn: string;
    readonly descriptionZh: string;
    readonly descriptionEn: string;
  }[];
}

export interface AppCheckResult {
  /** The app type found (null: none given). */
  readonly appType: {
    readonly id: string;
    readonly nameZh: string;
    readonly nameEn: string;
  } | null;
  readonly flags: readonly AppCheckFlagDto[];
  readonly summary: AppCheckSummary;
  readonly overCollected: readonly OverCollectedItem[];
  readonly exposure: AppCheckExposure;
}

interface Finding {
  readonly id: string;
  readonly detailZh: string;
  readonly detailEn: string;
  readonly subjects: readonly string[];
}

const list = (xs: readonly string[]) => xs.join('、');
const listEn = (xs: readonly string[]) => xs.join(', ');

/** Notice elements the law requires of this app (PIPL Art. 17, 30; NDS Art. 21 from 2025). */
export function requiredNoticeElements(
  input: AppCheckInput,
  sensitiveCategories: ReadonlySet<string>,
): NoticeElement[] {
  const required: NoticeElement[] = [
    'handler_identity_contact',
    'purposes_methods_types',
    'retention_period',
    'rights_channels',
  ];
  if (input.collected.some((c) => c.piCategory && sensitiveCategories.has(c.piCategory)))
    required.push('sensitive_necessity_impact');
  if (input.checkedOn >= NDS_REGULATIONS_IN_FORCE) {
    required.push('collection_list');
    if (input.sdks.length > 0) required.push('third_party_list');
  }
  return required;
}

const NOTICE_LABELS: Record<NoticeElement, { zh: string; en: string }> = {
  handler_identity_contact: { zh: '处理者名称和联系方式', en: 'handler and contact' },
  purposes_methods_types: { zh: '处理目的、方式和种类', en: 'purposes, methods and categories' },
  sensitive_necessity_impact: {
    zh: '敏感个人信息的必要性和影响',
    en: 'necessity and impact of sensitive information',
  },
  retention_period: { zh: '保存期限', en: 'retention period' },
  rights_channels: { zh: '行使权利的方式和程序', en: 'how to exercise rights' },
  third_party_list: { zh: '第三方（SDK）共享清单', en: 'list of third parties (SDKs)' },
  collection_list: { zh: '个人信息收集清单', en: 'list of information collected' },
  minors_rules: { zh: '未成年人个人信息处理规则', en: 'rules for minors' },
};

/** Checks one app; the flags in catalog order of the requirements, with counts and exposure. */
export function checkApp(input: AppCheckInput, catalog: AppCheckCatalog): AppCheckResult {
  const type = input.appType ? catalog.types.find((t) => t.id === input.appType) : undefined;
  const itemsById = new Map(catalog.items.map((i) => [i.id, i]));
  const necessary = new Set<string>();
  for (const entry of type?.items ?? []) {
    necessary.add(entry.item);
    const item = itemsById.get(entry.item);
    if (item) necessary.add(item.nameZh);
  }
  const inScope = (item: string) => necessary.has(item.trim());
  const label = (item: string) => itemsById.get(item)?.nameZh ?? item;
  const labelEn = (item: string) => itemsById.get(item)?.nameEn ?? item;

  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);

  // --- necessary scope (2021 rules Arts. 3–5; PIPL Arts. 6, 16) ---
  const overCollected: OverCollectedItem[] = [];
  if (type) {
    for (const c of input.collected)
      if (c.basicFunction && !inScope(c.item))
        overCollected.push({
          item: c.item,
          piCategory: c.piCategory ?? null,
          function: c.function,
          requiredToUse: c.requiredToUse,
        });
    if (overCollected.length > 0) {
      const names = overCollected.map((o) => o.item);
      add({
        id: 'over_collection',
        subjects: names,
        detailZh: type.noPersonalInformationNeeded
          ? `${type.nameZh}的基本功能无须任何个人信息，但为基本功能收集了：${list(names.map(label))}。`
          : `${type.nameZh}的必要个人信息范围不包括为基本功能收集的：${list(names.map(label))}。`,
        detailEn: type.noPersonalInformationNeeded
          ? `The basic function of ${type.nameEn} needs no personal information at all, yet it collects: ${listEn(names.map(labelEn))}.`
          : `The necessary scope of ${type.nameEn} does not include these items collected for the basic function: ${listEn(names.map(labelEn))}.`,
      });
    }
  } else {
    add({
      id: 'type_not_assessed',
      subjects: input.appType ? [input.appType] : [],
      detailZh: input.appType
        ? `“${input.appType}”不是 39 类常见类型之一，未对照必要个人信息范围评估。`
        : '未指定 App 类型，未对照必要个人信息范围评估。',
      detailEn: input.appType
        ? `"${input.appType}" is not one of the 39 common types; the necessary scope was not assessed.`
        : 'No app type was given; the necessary scope was not assessed.',
    });
  }
  const nonNecessary = (c: AppCheckInput['collected'][number]) =>
    type ? !inScope(c.item) : !c.basicFunction;
  const forced = input.collected.filter((c) => c.requiredToUse && nonNecessary(c));
  if (forced.length > 0 || !input.consent.basicUsableOnRefusal) {
    const names = forced.map((c) => c.item);
    add({
      id: 'basic_function_refused',
      subjects: names,
      detailZh:
        names.length > 0
          ? `用户不提供以下非必要个人信息即无法使用基本功能：${list(names.map(label))}。`
          : '用户拒绝非必要个人信息或权限后，基本功能不可用。',
      detailEn:
        names.length > 0
          ? `The basic function is refused unless the user provides these non-necessary items: ${listEn(names.map(labelEn))}.`
          : 'The basic function is not usable once the user declines non-necessary items or permissions.',
    });
  }

  // --- consent (2019 item 3; PIPL Art. 14) ---
  const early = input.collected.filter((c) => c.collectedBeforeConsent).map((c) => c.item);
  if (early.length > 0 || !input.consent.beforeCollection)
    add({
      id: 'collection_before_consent',
      subjects: early,
      detailZh:
        early.length > 0
          ? `以下个人信息在用户同意前即被收集：${list(early.map(label))}。`
          : '在用户同意隐私政策前即开始收集个人信息或打开权限。',
      detailEn:
        early.length > 0
          ? `Collected before the user agreed: ${listEn(early.map(labelEn))}.`
          : 'Collection starts, or permissions are opened, before the user agrees.',
    });

  // --- third parties (2019 items 2 and 5; PIPL Art. 23) ---
  const hidden = input.sdks.filter((s) => s.items.length > 0 && !s.disclosedInNotice);
  if (hidden.length > 0)
    add({
      id: 'sdk_undisclosed',
      subjects: hidden.map((s) => s.name),
      detailZh: `以下 SDK 收集个人信息但未在隐私政策中列明：${hidden.map((s) => `${s.name}（${list(s.items)}）`).join('；')}。`,
      detailEn: `These SDKs collect personal information not listed in the privacy notice: ${hidden.map((s) => `${s.name} (${listEn(s.items)})`).join('; ')}.`,
    });

  // --- the notice (2019 items 1 and 2; PIPL Art. 17; NDS Art. 21) ---
  if (!input.privacyPolicyUrl)
    add({
      id: 'no_privacy_policy',
      subjects: [],
      detailZh: '未提供隐私政策地址。',
      detailEn: 'No privacy policy address is given.',
    });
  else {
    const given = new Set(input.noticeElements);
    const missing = requiredNoticeElements(input, catalog.sensitiveCategories).filter(
      (e) => !given.has(e),
    );
    if (missing.length > 0)
      add({
        id: 'notice_incomplete',
        subjects: missing,
        detailZh: `隐私政策缺少：${list(missing.map((m) => NOTICE_LABELS[m].zh))}。`,
        detailEn: `The privacy notice lacks: ${listEn(missing.map((m) => NOTICE_LABELS[m].en))}.`,
      });
  }
  const undisclosed = input.collected.filter((c) => !c.disclosedInNotice).map((c) => c.item);
  if (undisclosed.length > 0)
    add({
      id: 'item_not_disclosed',
      subjects: undisclosed,
      detailZh: `隐私政策未列明：${list(undisclosed.map(label))}。`,
      detailEn: `Not listed in the privacy notice: ${listEn(undisclosed.map(labelEn))}.`,
    });

  // --- permissions (2019 items 2, 3 and 4; GB/T 41391-2022 clause 6) ---
  const sensitiveNoPurpose = input.permissions.filter(
    (p) => !p.purpose && SENSITIVE_PERMISSIONS.some((s) => s.pattern.test(p.name)),
  );
  if (sensitiveNoPurpose.length > 0)
    add({
      id: 'sensitive_permission_no_purpose',
      subjects: sensitiveNoPurpose.map((p) => p.name),
      detailZh: `申请以下敏感权限未说明目的：${list(sensitiveNoPurpose.map((p) => p.name))}。`,
      detailEn: `Sensitive permissions requested without a stated purpose: ${listEn(sensitiveNoPurpose.map((p) => p.name))}.`,
    });
  const upfront = input.permissions.filter(
    (p) => (p.requestedAt === 'install' || p.requestedAt === 'first_launch') && !p.function,
  );
  if (upfront.length > 0)
    add({
      id: 'permission_without_function',
      subjects: upfront.map((p) => p.name),
      detailZh: `安装或首次启动时即申请、且无对应功能的权限：${list(upfront.map((p) => p.name))}。`,
      detailEn: `Requested at install or first launch with no function needing them: ${listEn(upfront.map((p) => p.name))}.`,
    });

  // --- the consent flow ---
  const consentFlag = (ok: boolean, id: string, zh: string, en: string) => {
    if (!ok) add({ id, subjects: [], detailZh: zh, detailEn: en });
  };
  consentFlag(
    input.consent.noRepeatedPrompts,
    'repeated_prompts',
    '用户拒绝后仍反复弹窗征求同意。',
    'The app asks again after the user declined.',
  );
  consentFlag(
    input.consent.unbundled,
    'bundled_consent',
    '以一揽子方式要求同意全部功能或权限。',
    'Consent to all functions or permissions is asked at once.',
  );
  consentFlag(
    input.consent.withdrawalAvailable,
    'no_withdrawal',
    '未提供撤回同意的途径。',
    'There is no way to withdraw consent.',
  );
  consentFlag(
    input.consent.accountDeletionAvailable,
    'no_account_deletion',
    '未提供注销账号或删除个人信息的功能。',
    'There is no way to close the account or erase personal information.',
  );
  consentFlag(
    input.consent.personalisationOptOut,
    'no_personalisation_opt_out',
    '个性化推送未提供关闭选项。',
    'Personalised push cannot be turned off.',
  );

  const order = new Map(catalog.requirements.map((r, i) => [r.id, i]));
  findings.sort((a, b) => (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999));
  const flags: AppCheckFlagDto[] = findings.map((f) => {
    const req = catalog.requirements.find((r) => r.id === f.id);
    if (!req) throw new Error(`the app catalog has no requirement ${f.id}`);
    return {
      id: f.id,
      severity: req.severity,
      titleZh: req.titleZh,
      titleEn: req.titleEn,
      detailZh: f.detailZh,
      detailEn: f.detailEn,
      subjects: f.subjects,
      citations: req.citations.map((c) => ({
        instrumentId: c.instrumentId,
        provisionId: c.provisionId,
      })),
      penaltyIds: f.id === 'type_not_assessed' ? [] : [APP_PENALTY_ID],
    };
  });
  const count = (s: 'high' | 'medium' | 'low') => flags.filter((f) => f.severity === s).length;
  const summary = {
    high: count('high'),
    medium: count('medium'),
    low: count('low'),
    total: flags.length,
  };
  return {
    appType: type ? { id: type.id, nameZh: type.nameZh, nameEn: type.nameEn } : null,
    flags,
    summary,
    overCollected,
    exposure: exposureOf(flags, summary, catalog),
  };
}

function exposureOf(
  flags: readonly AppCheckFlagDto[],
  summary: AppCheckSummary,
  catalog: AppCheckCatalog,
): AppCheckExposure {
  const penaltyIds = [...new Set(flags.flatMap((f) => f.penaltyIds))];
  const unlawful = penaltyIds.length > 0;
  const removal = summary.high + summary.medium > 0;
  return {
    penaltyIds: unlawful ? [...penaltyIds, APP_SERIOUS_PENALTY_ID] : [],
    serviceSuspensionRisk: unlawful,
    removalRisk: removal,
    summaryZh: unlawful
      ? '个人信息保护法第六十六条第一款：责令改正、警告、没收违法所得，对违法处理个人信息的应用程序可责令暂停或者终止提供服务；拒不改正的，并处一百万元以下罚款，对直接责任人员处一万元以上十万元以下罚款。情节严重的适用第二款（五千万元以下或上一年度营业额百分之五以下罚款等）。'
      : '未发现违反收集使用规则的情形。',
    summaryEn: unlawful
      ? "PIPL Art. 66 ¶1: order to correct, warning, confiscation of unlawful gains, and the app may be ordered to suspend or stop its service; refusing to correct adds a fine of up to ¥1,000,000 and ¥10,000–100,000 on the persons responsible. Serious cases fall under ¶2 (up to ¥50 million or 5% of the previous year's turnover, among others)."
      : 'No breach of the collection rules was found.',
    enforcement: removal ? catalog.enforcement : [],
  };
}
