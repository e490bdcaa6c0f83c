/**
 * App checks as the API shows them: the input (content SM4-encrypted, bound to its row; code,
 * name and the check date in clear) with the flags, counts and exposure checkApp gives on the
 * shipped catalog.
 */
import { shippedAppCheckCatalog } from '../../../catalogs/app-necessary-pi';
import {
  checkApp,
  type AppCheckExposure,
  type AppCheckSummary,
  type OverCollectedItem,
} from '../../../domain/data-security/app-checks';
import type { FieldCipher } from '../../../security/field-crypto';
import {
  AppCheckInputSchema,
  type AppCheckFlagDto,
  type AppCheckInput,
} from '../../../shared/data-security-schemas';
import type { AppCheckRow } from './repository';

/** What `content_enc` holds: the input without code, name and check date. */
export type AppCheckContent = Omit<AppCheckInput, 'code' | 'name' | 'checkedOn'>;

export interface AppCheckView extends AppCheckInput {
  readonly id: string;
  readonly version: number;
  readonly appTypeName: { readonly zh: string; readonly en: string } | null;
  readonly flags: readonly AppCheckFlagDto[];
  readonly summary: AppCheckSummary;
  readonly overCollected: readonly OverCollectedItem[];
  readonly exposure: AppCheckExposure;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const binding = (id: string) => ({ table: 'app_checks', column: 'content_enc', rowId: id });

/** The input with every default filled in (what a read gives back). */
export const normaliseAppCheck = (input: AppCheckInput): AppCheckInput =>
  AppCheckInputSchema.parse(input);

export function splitAppCheck(input: AppCheckInput) {
  const { code, name, checkedOn, ...content } = input;
  return { code, name, checkedOn, content };
}

export function encryptAppCheck(cipher: FieldCipher, id: string, content: AppCheckContent): string {
  return cipher.encrypt(JSON.stringify(content), binding(id));
}

export function decryptAppCheck(cipher: FieldCipher, row: AppCheckRow): AppCheckInput {
  const content = JSON.parse(cipher.decrypt(row.content_enc, binding(row.id))) as AppCheckContent;
  return { code: row.code, name: row.name, checkedOn: row.checked_on, ...content };
}

/** The input with its check results (the DTO of every route). */
export function withResults(
  input: AppCheckInput,
): Omit<AppCheckView, 'id' | 'version' | 'createdAt' | 'updatedAt'> {
  const result = checkApp(input, shippedAppCheckCatalog());
  return {
    ...input,
    appTypeName: result.appType ? { zh: result.appType.nameZh, en: result.appType.nameEn } : null,
    flags: result.flags,
    summary: result.summary,
    overCollected: result.overCollected,
    exposure: result.exposure,
  };
}

export function presentAppCheck(cipher: FieldCipher, row: AppCheckRow): AppCheckView {
  return {
    id: row.id,
    ...withResults(decryptAppCheck(cipher, row)),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * What the audit log keeps of a check: code, name, date, type, platform and counts — never
 * permission purposes, item names, SDK names, URLs or notes.
 */
export function appCheckForAudit(a: AppCheckInput | null): Record<string, unknown> | null {
  if (!a) return null;
  const summary = checkApp(a, shippedAppCheckCatalog()).summary;
  return {
    code: a.code,
    name: a.name,
    checkedOn: a.checkedOn,
    appType: a.appType ?? null,
    platform: a.platform,
    permissions: a.permissions.length,
    collected: a.collected.length,
    sdks: a.sdks.length,
    noticeElements: a.noticeElements.length,
    flagsHigh: summary.high,
    flagsMedium: summary.medium,
    flagsLow: summary.low,
  };
}
