import { randomUUID } from 'node:crypto';
import { encryptNullable } from '../../security/field-crypto';
import type { OrganisationInput } from '../../shared/schemas';
import { insertMembership } from '../../store/repositories/accounts.repository';
import {
  createOrganisation,
  getOrganisation,
  updateOrganisation,
  type OrganisationColumns,
} from '../../store/repositories/organisations.repository';
import { audited, rowChanges, type Actor } from '../actor';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';

/** Maps the input to columns, encrypting the contact phone with SM4. */
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
      changes: rowChanges(null, row),
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
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getOrganisation(trx, id);
    const { version, ...fields } = input;
    const after = await updateOrganisation(trx, id, version, columnsOf(ctx, id, fields), now);
    await audit({
      organisationId: id,
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: id,
      changes: rowChanges(before, after),
    });
    return after;
  });
}
