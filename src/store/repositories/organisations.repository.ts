import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError, VersionConflictError } from '../../errors';
import type { OrganisationInput } from '../../shared/schemas';
import type { Database, OrganisationRow } from '../schema';

export async function listOrganisations(db: Kysely<Database>): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').selectAll().orderBy('name').execute();
}

export async function getOrganisation(db: Kysely<Database>, id: string): Promise<OrganisationRow> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('organisation', id);
  return row;
}

export async function createOrganisation(
  db: Kysely<Database>,
  input: OrganisationInput,
  now: string,
): Promise<OrganisationRow> {
  const row: OrganisationRow = {
    id: randomUUID(),
    name: input.name,
    name_en: input.nameEn ?? null,
    credit_code: input.creditCode ?? null,
    region: input.region ?? null,
    sector: input.sector ?? null,
    contact_name: null,
    contact_phone_enc: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('organisations').values(row).execute();
  return row;
}

export async function updateOrganisation(
  db: Kysely<Database>,
  id: string,
  input: Partial<OrganisationInput> & { version: number },
  now: string,
): Promise<OrganisationRow> {
  const current = await getOrganisation(db, id);
  const res = await db
    .updateTable('organisations')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.creditCode !== undefined && { credit_code: input.creditCode }),
      ...(input.region !== undefined && { region: input.region }),
      ...(input.sector !== undefined && { sector: input.sector }),
      version: input.version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0)
    throw new VersionConflictError('organisation', current.version);
  return getOrganisation(db, id);
}
