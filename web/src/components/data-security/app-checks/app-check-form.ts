/**
 * The app-check drawer's form values and their conversion to and from the wire body (the check
 * date as Dayjs in the form, YYYY-MM-DD on the wire; empty texts as null), and which collected
 * items fall outside the app type's necessary list. Pure, so it is unit-tested.
 */
import type { Dayjs } from 'dayjs';
import type { AppPlatform, NoticeElement } from '../../../../../src/shared/data-security-schemas';
import type { AppCatalogDto, AppCheckBody, AppCheckView } from '../../../api/app-checks-client';
import { fromIsoDate, todayInBeijing, toIsoDate } from '../../../lib/dates';

export const CONSENT_KEYS = [
  'beforeCollection',
  'unbundled',
  'basicUsableOnRefusal',
  'withdrawalAvailable',
  'accountDeletionAvailable',
  'noRepeatedPrompts',
  'personalisationOptOut',
] as const;
type ConsentKey = (typeof CONSENT_KEYS)[number];

export interface AppCheckFormValues {
  code?: string;
  name?: string;
  appType?: string | null;
  platform?: AppPlatform;
  appVersion?: string;
  packageId?: string;
  checkedOn?: Dayjs | null;
  checkedBy?: string;
  permissions?: {
    name?: string;
    purpose?: string;
    requestedAt?: 'install' | 'first_launch' | 'on_use' | 'background';
    function?: string;
  }[];
  collected?: {
    item?: string;
    function?: string;
    basicFunction?: boolean;
    requiredToUse?: boolean;
    collectedBeforeConsent?: boolean;
    disclosedInNotice?: boolean;
  }[];
  sdks?: {
    name?: string;
    vendor?: string;
    purpose?: string;
    items?: string[];
    disclosedInNotice?: boolean;
  }[];
  privacyPolicyUrl?: string;
  noticeElements?: NoticeElement[];
  consent?: Partial<Record<ConsentKey, boolean>>;
  note?: string;
}

const text = (v: string | undefined | null) => v?.trim() || null;
const trimmed = (v: string | undefined | null) => v?.trim() ?? '';

export const emptyAppCheck = (): AppCheckFormValues => ({
  platform: 'android',
  checkedOn: fromIsoDate(todayInBeijing()),
  permissions: [],
  collected: [],
  sdks: [],
  noticeElements: [],
  consent: Object.fromEntries(CONSENT_KEYS.map((k) => [k, false])),
});

export function toAppCheckForm(c: AppCheckView): AppCheckFormValues {
  return {
    code: c.code,
    name: c.name,
    appType: c.appType ?? null,
    platform: c.platform,
    appVersion: c.appVersion ?? '',
    packageId: c.packageId ?? '',
    checkedOn: fromIsoDate(c.checkedOn),
    checkedBy: c.checkedBy ?? '',
    permissions: c.permissions.map((p) => ({
      name: p.name,
      purpose: p.purpose ?? '',
      requestedAt: p.requestedAt,
      function: p.function ?? '',
    })),
    collected: c.collected.map((i) => ({ ...i })),
    sdks: c.sdks.map((s) => ({
      name: s.name,
      vendor: s.vendor ?? '',
      purpose: s.purpose ?? '',
      items: [...s.items],
      disclosedInNotice: s.disclosedInNotice,
    })),
    privacyPolicyUrl: c.privacyPolicyUrl ?? '',
    noticeElements: [...c.noticeElements],
    consent: { ...c.consent },
    note: c.note ?? '',
  };
}

export function toAppCheckBody(v: AppCheckFormValues): AppCheckBody {
  const consent = v.consent ?? {};
  return {
    code: trimmed(v.code),
    name: trimmed(v.name),
    appType: v.appType || null,
    platform: v.platform ?? 'other',
    appVersion: text(v.appVersion),
    packageId: text(v.packageId),
    checkedOn: toIsoDate(v.checkedOn) ?? '',
    checkedBy: text(v.checkedBy),
    permissions: (v.permissions ?? []).map((p) => ({
      name: trimmed(p?.name),
      purpose: text(p?.purpose),
      requestedAt: p?.requestedAt ?? 'on_use',
      function: text(p?.function),
    })),
    collected: (v.collected ?? []).map((i) => ({
      item: trimmed(i?.item),
      function: trimmed(i?.function),
      basicFunction: !!i?.basicFunction,
      requiredToUse: !!i?.requiredToUse,
      collectedBeforeConsent: !!i?.collectedBeforeConsent,
      disclosedInNotice: i?.disclosedInNotice ?? true,
    })),
    sdks: (v.sdks ?? []).map((s) => ({
      name: trimmed(s?.name),
      vendor: text(s?.vendor),
      purpose: text(s?.purpose),
      items: s?.items ?? [],
      disclosedInNotice: !!s?.disclosedInNotice,
    })),
    privacyPolicyUrl: text(v.privacyPolicyUrl),
    noticeElements: v.noticeElements ?? [],
    consent: Object.fromEntries(CONSENT_KEYS.map((k) => [k, !!consent[k]])) as Record<
      ConsentKey,
      boolean
    >,
    note: text(v.note),
  };
}

/** The necessary item ids of a type (empty when the type needs none or is unknown). */
export function necessaryItems(
  catalog: AppCatalogDto | undefined,
  typeId: string | null | undefined,
) {
  const type = catalog?.types.find((t) => t.id === typeId);
  return new Set((type?.items ?? []).map((i) => i.item));
}

/** An item collected beyond the type's necessary list (only judged once a type is chosen). */
export function isOverCollected(
  catalog: AppCatalogDto | undefined,
  typeId: string | null | undefined,
  item: string | undefined,
): boolean {
  if (!typeId || !item || !catalog?.types.some((t) => t.id === typeId)) return false;
  return !necessaryItems(catalog, typeId).has(item);
}
