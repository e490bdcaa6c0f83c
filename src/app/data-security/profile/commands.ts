/** Saving the data-security profile: validated, versioned, audited in one transaction. */
import { ValidationError, type ErrorDetail } from '../../../errors';
import type { DataSecurityProfile } from '../../../shared/data-security-schemas';
import { auditChanges } from '../../privacy/model';
import { audited, type Actor } from '../../actor';
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import {
  decryptDataSecurityProfile,
  getDataSecurityProfileRow,
  normaliseDataSecurityProfile,
  presentDataSecurityProfile,
  profileForAudit,
  saveDataSecurityProfileRow,
  type DataSecurityProfileView,
} from './model';

/** Cross-field checks the schema cannot express. */
export function dataSecurityProfileProblems(p: DataSecurityProfile): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (p.dataSecurityOfficerAppointedOn && !p.dataSecurityOfficer)
    problems.push({
      path: 'dataSecurityOfficerAppointedOn',
      message: 'give the data security officer the date belongs to',
    });
  if (p.managementBodyEstablishedOn && !p.managementBody)
    problems.push({
      path: 'managementBodyEstablishedOn',
      message: 'give the management body the date belongs to',
    });
  return problems;
}

export function saveDataSecurityProfileCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: DataSecurityProfile & { version: number },
): Promise<DataSecurityProfileView> {
  const { organisationId } = inScope(within);
  const { version, ...fields } = input;
  const profile = normaliseDataSecurityProfile(fields);
  const problems = dataSecurityProfileProblems(profile);
  if (problems.length > 0)
    throw new ValidationError(
      `the data-security profile has ${problems.length} problem(s); nothing was saved`,
      problems,
    );
  return audited(ctx, actor, async (trx, audit, now) => {
    const beforeRow = await getDataSecurityProfileRow(trx, organisationId);
    const before = beforeRow ? decryptDataSecurityProfile(ctx.cipher, beforeRow) : null;
    const row = await saveDataSecurityProfileRow(
      trx,
      ctx.cipher,
      organisationId,
      version,
      profile,
      now,
    );
    await audit({
      organisationId,
      action: 'datasec.profile.save',
      entityType: 'data_security_profile',
      entityId: organisationId,
      changes: auditChanges(profileForAudit(before), profileForAudit(profile)),
    });
    return presentDataSecurityProfile(ctx.cipher, row);
  });
}
