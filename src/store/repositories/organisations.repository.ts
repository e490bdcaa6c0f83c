import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../errors';
import type { Database, OrganisationRow } from '../schema';
import { updateVersioned } from './versioned';

/** Organisation columns a caller provides (the contact phone already encrypted). */
export type OrganisationColumns = Omit<
  OrganisationRow,
  'id' | 'version' | 'created_at' | 'updated_at'
>;

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
  columns: Partial<OrganisationColumns> & { name: string; id?: string },
  now: string,
): Promise<OrganisationRow> {
  const row: OrganisationRow = {
    // Given when a field is encrypted before the insert (the ciphertext is bound to the row id).
    id: columns.id ?? randomUUID(),
    name: columns.name,
    name_en: columns.name_en ?? null,
    credit_code: columns.credit_code ?? null,
    region: columns.region ?? null,
    sector: columns.sector ?? null,
    contact_name: columns.contact_name ?? null,
    contact_phone_enc: columns.contact_phone_enc ?? null,
    filing_profile_enc: columns.filing_profile_enc ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('organisations').values(row).execute();
  return row;
}

/** Optimistic update: VERSION_CONFLICT when `expected` is stale. */
export async function updateOrganisation(
  db: Kysely<Database>,
  id: string,
  expected: number,
  columns: Partial<OrganisationColumns>,
  now: string,
): Promise<OrganisationRow> {
  await updateVersioned(db, 'organisations', {
    where: { id },
    expected,
    columns,
    now,
    entity: 'organisation',
    current: async () => (await getOrganisation(db, id)).version,
  });
  return getOrganisation(db, id);
}
