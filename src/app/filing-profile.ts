/**
 * The filing form's answers (表一 on the organisation, 表二 on each system): checked against the
 * form's option lists, stored as SM4-encrypted JSON bound to the row, and shown in the audit
 * log with phone numbers and e-mail addresses masked.
 */
import { FILING_FORM_OPTIONS } from '../catalogs/filing-form';
import { ValidationError, type ErrorDetail } from '../errors';
import { decryptNullable, encryptNullable, type FieldCipher } from '../security/field-crypto';
import {
  organisationFilingProfileIssues,
  systemFilingProfileIssues,
  type FilingProfileIssue,
  type FormPerson,
  type OrganisationFilingProfile,
  type SystemFilingProfile,
} from '../shared/filing-profile';
import { formatPath } from '../catalogs/validate';

type ProfileTable = 'organisations' | 'systems';

const binding = (table: ProfileTable, rowId: string) => ({
  table,
  column: 'filing_profile_enc',
  rowId,
});

/** The column value of a profile: SM4 over its JSON, bound to the row; null clears it. */
export function encryptFilingProfile(
  cipher: FieldCipher,
  table: ProfileTable,
  rowId: string,
  profile: OrganisationFilingProfile | SystemFilingProfile | null,
): string | null {
  return encryptNullable(
    cipher,
    profile === null ? null : JSON.stringify(profile),
    binding(table, rowId),
  );
}

export function decryptOrganisationFilingProfile(
  cipher: FieldCipher,
  rowId: string,
  token: string | null,
): OrganisationFilingProfile | null {
  const json = decryptNullable(cipher, token, binding('organisations', rowId));
  return json === null ? null : (JSON.parse(json) as OrganisationFilingProfile);
}

export function decryptSystemFilingProfile(
  cipher: FieldCipher,
  rowId: string,
  token: string | null,
): SystemFilingProfile | null {
  const json = decryptNullable(cipher, token, binding('systems', rowId));
  return json === null ? null : (JSON.parse(json) as SystemFilingProfile);
}

function details(
  issues: readonly FilingProfileIssue[],
  base: readonly (string | number)[],
): ErrorDetail[] {
  return issues.map((i) => ({ path: formatPath([...base, ...i.path]), message: i.message }));
}

/**
 * The problems of an organisation profile against the form's option lists, with paths below
 * `base` (e.g. `filingProfile.sectorCode`, `organisation.filingProfile.sectorCode`).
 */
export function organisationProfileProblems(
  profile: OrganisationFilingProfile | null | undefined,
  base: readonly (string | number)[],
): ErrorDetail[] {
  return profile
    ? details(organisationFilingProfileIssues(profile, FILING_FORM_OPTIONS), base)
    : [];
}

/** The problems of a system profile, with paths below `base` (e.g. `systems[2].filingProfile`). */
export function systemProfileProblems(
  profile: SystemFilingProfile | null | undefined,
  base: readonly (string | number)[],
): ErrorDetail[] {
  return profile ? details(systemFilingProfileIssues(profile, FILING_FORM_OPTIONS), base) : [];
}

/** Throws VALIDATION_FAILED naming every problem when there are any. */
export function refuseProblems(problems: readonly ErrorDetail[]): void {
  if (problems.length > 0)
    throw new ValidationError(
      `the filing profile has ${problems.length} problem(s); nothing was saved`,
      problems,
    );
}

const MASK = '***';
const maskPerson = (p: FormPerson | null | undefined): FormPerson | null | undefined =>
  p == null
    ? p
    : {
        ...p,
        officePhone: p.officePhone == null ? p.officePhone : MASK,
        mobilePhone: p.mobilePhone == null ? p.mobilePhone : MASK,
        email: p.email == null ? p.email : MASK,
      };

/** The profile as the audit log keeps it: phones and e-mail addresses masked. */
export function profileForAudit<P extends OrganisationFilingProfile | SystemFilingProfile>(
  profile: P | null,
): P | null {
  if (profile === null || !('head' in profile || 'departmentContact' in profile)) return profile;
  const org = profile as OrganisationFilingProfile;
  return {
    ...org,
    head: maskPerson(org.head),
    departmentContact: maskPerson(org.departmentContact),
  } as P;
}
