/**
 * The register's rows as the API shows them, and their SM4 columns: the profile and each
 * activity's content are JSON encrypted with the field cipher, bound to their row (table,
 * column and key, src/store/reencrypt.ts), like the organisations' filing profile.
 */
import type { FieldCipher } from '../../security/field-crypto';
import {
  ActivityInputSchema,
  RegisterProfileSchema,
  type ActivityInput,
  type RegisterProfile,
} from '../../shared/privacy-schemas';
import type { PrivacyProfileRow } from '../../store/repositories/privacy.repository';
import type { PrivacyActivityRow, PrivacyTransferBatchRow } from '../../store/schema';

/** What `data_enc` of an activity holds: the input without code and name. */
export type ActivityContent = Omit<ActivityInput, 'code' | 'name'>;

export interface RegisterProfileView extends RegisterProfile {
  /** 0 while no profile was saved (send 0 to create it). */
  readonly version: number;
  readonly updatedAt: string | null;
}

export interface ActivityView extends ActivityInput {
  readonly id: string;
  /** No deletion before this day (PIPL Art. 56: set when a PIPIA covering it is approved). */
  readonly retainUntil: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface TransferBatchView {
  readonly id: string;
  readonly activityId: string;
  readonly transferKey: string;
  readonly transferredOn: string;
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
  readonly note: string | null;
  readonly createdAt: string;
}

const profileBinding = (organisationId: string) => ({
  table: 'privacy_register_profiles',
  column: 'data_enc',
  rowId: organisationId,
});
const activityBinding = (id: string) => ({
  table: 'privacy_activities',
  column: 'data_enc',
  rowId: id,
});

/** The profile as stored: defaults applied, so a read gives what was written. */
export const normaliseProfile = (profile: RegisterProfile): RegisterProfile =>
  RegisterProfileSchema.parse(profile);

export function encryptProfile(
  cipher: FieldCipher,
  organisationId: string,
  profile: RegisterProfile,
): string {
  return cipher.encrypt(JSON.stringify(profile), profileBinding(organisationId));
}

export const EMPTY_PROFILE: RegisterProfile = {
  ciiOperator: null,
  totalIndividuals: null,
  protectionOfficer: null,
  dataSecurityOfficer: null,
  lastComplianceAuditOn: null,
  privacyNotices: [],
  freeTradeZone: null,
};

export function decryptProfile(
  cipher: FieldCipher,
  row: PrivacyProfileRow | undefined,
): RegisterProfile {
  if (!row) return EMPTY_PROFILE;
  const json = cipher.decrypt(row.data_enc, profileBinding(row.organisation_id));
  return { ...EMPTY_PROFILE, ...(JSON.parse(json) as RegisterProfile) };
}

export function presentProfile(
  cipher: FieldCipher,
  row: PrivacyProfileRow | undefined,
): RegisterProfileView {
  return {
    ...decryptProfile(cipher, row),
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
  };
}

/** An activity input with every default filled in (what a read gives back). */
export function normaliseActivity(input: ActivityInput): ActivityInput {
  return ActivityInputSchema.parse(input);
}

export function splitActivity(input: ActivityInput): {
  code: string;
  name: string;
  content: ActivityContent;
} {
  const { code, name, ...content } = input;
  return { code, name, content };
}

export function encryptActivity(cipher: FieldCipher, id: string, content: ActivityContent): string {
  return cipher.encrypt(JSON.stringify(content), activityBinding(id));
}

export function decryptActivity(cipher: FieldCipher, row: PrivacyActivityRow): ActivityInput {
  const content = JSON.parse(
    cipher.decrypt(row.data_enc, activityBinding(row.id)),
  ) as ActivityContent;
  return { code: row.code, name: row.name, ...content };
}

export function presentActivity(cipher: FieldCipher, row: PrivacyActivityRow): ActivityView {
  return {
    id: row.id,
    ...decryptActivity(cipher, row),
    retainUntil: row.retain_until,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentBatch(row: PrivacyTransferBatchRow): TransferBatchView {
  return {
    id: row.id,
    activityId: row.activity_id,
    transferKey: row.transfer_key,
    transferredOn: row.transferred_on,
    individuals: Number(row.individuals),
    sensitiveIndividuals: Number(row.sensitive_individuals),
    note: row.note,
    createdAt: row.created_at,
  };
}

/**
 * What the audit log keeps of an activity: code, name and the codes and counts the register
 * is about — never purposes, notes, contacts or recipients' names beyond their keys.
 */
export function activityForAudit(a: ActivityInput | null): Record<string, unknown> | null {
  if (!a) return null;
  return {
    code: a.code,
    name: a.name,
    legalBases: a.legalBases.join(','),
    dataCategories: a.dataCategories.join(','),
    dataSubjects: a.dataSubjects.join(','),
    individuals: a.individuals,
    sensitiveIndividuals: a.sensitiveIndividuals,
    minorsUnder14: a.minorsUnder14,
    retentionMonths: a.retentionMonths ?? null,
    systems: a.systemIds.length,
    recipients: a.recipients.map((r) => `${r.key}:${r.relationship}:${r.country}`).join(','),
    transfers: a.transfers
      .map((t) => `${t.key}→${t.recipientKey}${t.exemption ? `(${t.exemption})` : ''}`)
      .join(','),
    consents: a.consents.map((c) => c.case).join(','),
    faceRecognition: a.faceRecognition ? a.faceRecognition.storedIndividuals : null,
    privacyNoticeVersion: a.privacyNoticeVersion ?? null,
  };
}

/** The audit changes between two shapes of a record (only the fields that differ). */
export function auditChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, { before: unknown; after: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of keys) {
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}
