/**
 * The organisation's data-security profile (important-data declaration, officer and body,
 * large-platform figures, reorganisation) as stored and shown: one row per organisation, its
 * content SM4-encrypted JSON of DataSecurityProfile bound to the row (src/store/reencrypt.ts),
 * versioned like the privacy register profile.
 */
import type { Kysely } from 'kysely';
import { ConflictError, VersionConflictError, isUniqueViolation } from '../../../errors';
import type { FieldCipher } from '../../../security/field-crypto';
import {
  DataSecurityProfileSchema,
  type DataSecurityProfile,
} from '../../../shared/data-security-schemas';
import { updateVersioned } from '../../../store/repositories/versioned';
import type { Database, DataSecurityProfilesTable } from '../../../store/schema';

export type DataSecurityProfileRow = DataSecurityProfilesTable;

export interface DataSecurityProfileView extends DataSecurityProfile {
  /** 0 while no profile was saved (send 0 to create it). */
  readonly version: number;
  readonly updatedAt: string | null;
}

const binding = (organisationId: string) => ({
  table: 'data_security_profiles',
  column: 'data_enc',
  rowId: organisationId,
});

export const EMPTY_DATA_SECURITY_PROFILE: DataSecurityProfile = {
  operatorKind: null,
  province: null,
  importantDataDeclaredOn: null,
  importantDataDeclarationReference: null,
  dataSecurityOfficer: null,
  dataSecurityOfficerAppointedOn: null,
  managementBody: null,
  managementBodyEstablishedOn: null,
  registeredUsers: null,
  monthlyActiveUsers: null,
  majorImpactPlatform: null,
  lastSocialResponsibilityReportOn: null,
  reorganisation: null,
};

/** Every field present (null where not given), so a read gives back what was written. */
export function normaliseDataSecurityProfile(p: DataSecurityProfile): DataSecurityProfile {
  const parsed = DataSecurityProfileSchema.parse(p);
  const out: Record<string, unknown> = { ...EMPTY_DATA_SECURITY_PROFILE };
  for (const [k, v] of Object.entries(parsed)) out[k] = v ?? null;
  const r = parsed.reorganisation;
  out.reorganisation = r
    ? { ...r, disposalPlanReportedOn: r.disposalPlanReportedOn ?? null }
    : null;
  return out as DataSecurityProfile;
}

export function decryptDataSecurityProfile(
  cipher: FieldCipher,
  row: DataSecurityProfileRow | undefined,
): DataSecurityProfile {
  if (!row) return EMPTY_DATA_SECURITY_PROFILE;
  return {
    ...EMPTY_DATA_SECURITY_PROFILE,
    ...(JSON.parse(
      cipher.decrypt(row.data_enc, binding(row.organisation_id)),
    ) as DataSecurityProfile),
  };
}

export function presentDataSecurityProfile(
  cipher: FieldCipher,
  row: DataSecurityProfileRow | undefined,
): DataSecurityProfileView {
  return {
    ...decryptDataSecurityProfile(cipher, row),
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function getDataSecurityProfileRow(
  db: Kysely<Database>,
  organisationId: string,
): Promise<DataSecurityProfileRow | undefined> {
  return db
    .selectFrom('data_security_profiles')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Version 0 creates the row (refused when it exists); any other version updates it while current. */
export async function saveDataSecurityProfileRow(
  db: Kysely<Database>,
  cipher: FieldCipher,
  organisationId: string,
  expected: number,
  profile: DataSecurityProfile,
  now: string,
): Promise<DataSecurityProfileRow> {
  const current = async () => (await getDataSecurityProfileRow(db, organisationId))?.version ?? 0;
  const data_enc = cipher.encrypt(JSON.stringify(profile), binding(organisationId));
  if (expected === 0) {
    const version = await current();
    if (version !== 0) throw new VersionConflictError('data-security profile', version);
    try {
      await db
        .insertInto('data_security_profiles')
        .values({ organisation_id: organisationId, data_enc, version: 1, updated_at: now })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(
          'the data-security profile was created at the same time; reload it and try again',
        );
      throw error;
    }
  } else {
    await updateVersioned(db, 'data_security_profiles', {
      where: { organisation_id: organisationId },
      expected,
      columns: { data_enc },
      now,
      entity: 'data-security profile',
      current,
    });
  }
  return (await getDataSecurityProfileRow(db, organisationId))!;
}

/** What the audit log keeps of a profile: dates, figures and kinds; names only as present/absent. */
export function profileForAudit(p: DataSecurityProfile | null): Record<string, unknown> | null {
  if (!p) return null;
  return {
    operatorKind: p.operatorKind ?? null,
    province: p.province ?? null,
    importantDataDeclaredOn: p.importantDataDeclaredOn ?? null,
    dataSecurityOfficer: p.dataSecurityOfficer ? '***' : null,
    dataSecurityOfficerAppointedOn: p.dataSecurityOfficerAppointedOn ?? null,
    managementBody: p.managementBody ? '***' : null,
    managementBodyEstablishedOn: p.managementBodyEstablishedOn ?? null,
    registeredUsers: p.registeredUsers ?? null,
    monthlyActiveUsers: p.monthlyActiveUsers ?? null,
    majorImpactPlatform: p.majorImpactPlatform ?? null,
    lastSocialResponsibilityReportOn: p.lastSocialResponsibilityReportOn ?? null,
    reorganisation: p.reorganisation
      ? `${p.reorganisation.kind}@${p.reorganisation.on}${p.reorganisation.disposalPlanReportedOn ? `→${p.reorganisation.disposalPlanReportedOn}` : ''}`
      : null,
  };
}
