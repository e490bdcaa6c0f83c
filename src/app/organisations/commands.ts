import { randomUUID } from 'node:crypto';
import { encryptNullable } from '../../security/field-crypto';
import type { OrganisationFilingProfile } from '../../shared/filing-profile';
import type { OrganisationInput } from '../../shared/schemas';
import { insertMembership } from '../../store/repositories/accounts.repository';
import {
  createOrganisation,
  getOrganisation,
  updateOrganisation,
  type OrganisationColumns,
} from '../../store/repositories/organisations.repository';
import { audited, rowChanges, type Actor } from '../actor';
import {
  decryptOrganisationFilingProfile,
  encryptFilingProfile,
  organisationProfileProblems,
  profileForAudit,
  refuseProblems,
} from '../filing-profile';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';

/** Maps the input to columns, encrypting the contact phone and the filing profile with SM4. */
function columnsOf(
  ctx: AppContext,
  id: string,
  input: Partial<OrganisationInput>,
): Partial<OrganisationColumns> {
  const cols: Partial<OrganisationColumns> = {
    name: input.name,
    name_en: input.nameEn,
    credit_code: input.creditCode,
    region: input.region,
    sector: input.sector,
    contact_name: input.contactName,
    contact_phone_enc:
      input.contactPhone === undefined
        ? undefined
        : encryptNullable(ctx.cipher, input.contactPhone, {
            table: 'organisations',
            column: 'contact_phone_enc',
            rowId: id,
          }),
    filing_profile_enc:
      input.filingProfile === undefined
        ? undefined
        : encryptFilingProfile(ctx.cipher, 'organisations', id, input.filingProfile ?? null),
  };
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
}

/** Creates an organisation; the owner (default: the creating user, if any) becomes its owner. */
export function createOrganisationCommand(
  ctx: AppContext,
  actor: Actor,
  input: OrganisationInput,
  ownerUserId: string | null = actor.userId,
) {
  refuseProblems(organisationProfileProblems(input.filingProfile, ['filingProfile']));
  return audited(ctx, actor, async (trx, audit, now) => {
    const id = randomUUID();
    const row = await createOrganisation(
      trx,
      { ...columnsOf(ctx, id, input), name: input.name, id },
      now,
    );
    await audit({
      organisationId: row.id,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: row.id,
      changes: {
        ...rowChanges(null, row),
        ...profileChange(null, input.filingProfile ?? null),
      },
    });
    if (ownerUserId) {
      const membership = await insertMembership(trx, row.id, ownerUserId, 'owner', now);
      await audit({
        organisationId: row.id,
        action: 'member.add',
        entityType: 'membership',
        entityId: ownerUserId,
        changes: rowChanges(null, membership),
      });
    }
    return row;
  });
}

export function updateOrganisationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: Partial<OrganisationInput> & { version: number },
) {
  const id = inScope(within).organisationId;
  refuseProblems(organisationProfileProblems(input.filingProfile, ['filingProfile']));
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getOrganisation(trx, id);
    const { version, ...fields } = input;
    const after = await updateOrganisation(trx, id, version, columnsOf(ctx, id, fields), now);
    await audit({
      organisationId: id,
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: id,
      changes: {
        ...rowChanges(before, after),
        ...(fields.filingProfile === undefined
          ? {}
          : profileChange(
              decryptOrganisationFilingProfile(ctx.cipher, id, before.filing_profile_enc),
              fields.filingProfile ?? null,
            )),
      },
    });
    return after;
  });
}

/**
 * The profile's change as the audit log shows it (phones and e-mail masked; the encrypted
 * column itself is redacted), or nothing when it did not change.
 */
function profileChange(
  before: OrganisationFilingProfile | null,
  after: OrganisationFilingProfile | null,
): Record<string, { before: unknown; after: unknown }> {
  if (JSON.stringify(before) === JSON.stringify(after)) return {};
  return { filingProfile: { before: profileForAudit(before), after: profileForAudit(after) } };
}
