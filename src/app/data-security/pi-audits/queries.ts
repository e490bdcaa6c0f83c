/**
 * Reading PI compliance audits, and what they feed: the last completed audit for the
 * personal-information duties' `privacy.compliance-audit` (one duty, fed by both the register
 * profile's date and the audits recorded here — src/domain/data-security/pi-audits.ts).
 */
import type { Kysely } from 'kysely';
import { lastCompletedPiAudit } from '../../../domain/data-security/pi-audits';
import type { IsoDate } from '../../../domain/calendar';
import type { PrivacyRegisterFile } from '../../../shared/privacy-schemas';
import type { Database } from '../../../store/schema';
import { inScope, type OrgScope } from '../../access';
import { beijingToday } from '../../clock';
import type { AppContext } from '../../context';
import { decryptDataSecurityProfile, getDataSecurityProfileRow } from '../profile/model';
import { getPiAuditRow, listPiAuditRows, presentPiAudit, type PiAuditView } from './model';

export async function piAuditsQuery(ctx: AppContext, within: OrgScope): Promise<PiAuditView[]> {
  const { organisationId } = inScope(within);
  const today = beijingToday(ctx.clock);
  return (await listPiAuditRows(ctx.store.db, organisationId)).map((r) =>
    presentPiAudit(ctx.cipher, r, today),
  );
}

export async function piAuditQuery(
  ctx: AppContext,
  within: OrgScope,
  auditId: string,
): Promise<PiAuditView> {
  const { organisationId } = inScope(within);
  return presentPiAudit(
    ctx.cipher,
    await getPiAuditRow(ctx.store.db, organisationId, auditId),
    beijingToday(ctx.clock),
  );
}

/** Completion dates of the organisation's recorded audits (clear column, no decryption). */
export async function completedPiAuditDates(
  db: Kysely<Database>,
  organisationId: string,
): Promise<{ completedOn: IsoDate | null }[]> {
  const rows = await db
    .selectFrom('pi_audits')
    .select('completed_on')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'completed')
    .execute();
  return rows.map((r) => ({ completedOn: r.completed_on }));
}

/**
 * The register file as the personal-information duties should see it on `asOf`: its last
 * compliance audit the latest of the profile's date and the audits recorded here, and its data
 * security officer the register's or, where it names none, the data-security profile's (so
 * `privacy.nds-large.security-officer` and `datasec.officer-and-body` agree).
 */
export async function withDataSecurityRecords(
  ctx: Pick<AppContext, 'store' | 'cipher'>,
  organisationId: string,
  file: PrivacyRegisterFile,
  asOf: IsoDate,
): Promise<PrivacyRegisterFile> {
  const [audits, profileRow] = await Promise.all([
    completedPiAuditDates(ctx.store.db, organisationId),
    getDataSecurityProfileRow(ctx.store.db, organisationId),
  ]);
  const dso = decryptDataSecurityProfile(ctx.cipher, profileRow).dataSecurityOfficer ?? null;
  if (audits.length === 0 && !dso) return file;
  const profile = file.profile;
  const last = lastCompletedPiAudit(audits, profile?.lastComplianceAuditOn ?? null, asOf);
  return {
    ...file,
    profile: {
      ...(profile ?? {
        ciiOperator: null,
        totalIndividuals: null,
        protectionOfficer: null,
        privacyNotices: [],
        freeTradeZone: null,
      }),
      lastComplianceAuditOn: last,
      dataSecurityOfficer: profile?.dataSecurityOfficer || dso,
    } as NonNullable<PrivacyRegisterFile['profile']>,
  };
}
