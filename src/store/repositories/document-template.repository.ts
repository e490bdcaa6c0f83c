/**
 * An organisation's document template: its wording of document blocks (document_overrides, one
 * row per block and language) and its logo (organisation_logos). Every query names the
 * organisation: one organisation's rows are never read for another.
 */
import type { Kysely } from 'kysely';
import type { Database, DocumentOverrideRow, OrganisationLogoRow } from '../schema';

type Db = Kysely<Database>;

export async function listDocumentOverrides(
  db: Db,
  organisationId: string,
): Promise<DocumentOverrideRow[]> {
  return db
    .selectFrom('document_overrides')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('block_key')
    .execute();
}

/** The rows of one block (`<document>.<block>`), every language. */
export async function blockOverrides(
  db: Db,
  organisationId: string,
  blockKeys: readonly string[],
): Promise<DocumentOverrideRow[]> {
  if (blockKeys.length === 0) return [];
  return db
    .selectFrom('document_overrides')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('block_key', 'in', blockKeys)
    .execute();
}

/**
 * Inserts or replaces one block-and-language row unless a concurrent write got there first (a
 * stored row newer than `readVersion`, the block's version this change was checked against).
 * False when it did: nothing was written.
 */
export async function upsertDocumentOverride(
  db: Db,
  row: DocumentOverrideRow,
  readVersion: number,
): Promise<boolean> {
  const result = await db
    .insertInto('document_overrides')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'block_key'])
        .doUpdateSet({
          text: row.text,
          version: row.version,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        })
        .where('document_overrides.version', '<=', readVersion),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The logo's facts without its bytes. */
export type LogoFacts = Omit<OrganisationLogoRow, 'content_base64'>;

export async function logoFacts(db: Db, organisationId: string): Promise<LogoFacts | undefined> {
  return db
    .selectFrom('organisation_logos')
    .select([
      'organisation_id',
      'media_type',
      'sm3',
      'size',
      'width',
      'height',
      'version',
      'updated_by',
      'updated_at',
    ])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function getLogo(
  db: Db,
  organisationId: string,
): Promise<OrganisationLogoRow | undefined> {
  return db
    .selectFrom('organisation_logos')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Inserts or replaces the logo unless a concurrent write stored a version above `readVersion`. */
export async function upsertLogo(
  db: Db,
  row: OrganisationLogoRow,
  readVersion: number,
): Promise<boolean> {
  const { organisation_id: _key, ...rest } = row;
  const result = await db
    .insertInto('organisation_logos')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('organisation_id')
        .doUpdateSet(rest)
        .where('organisation_logos.version', '<=', readVersion),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Deletes the logo of `version`; the number of rows deleted (0: none, or another version). */
export async function deleteLogo(db: Db, organisationId: string, version: number): Promise<number> {
  const result = await db
    .deleteFrom('organisation_logos')
    .where('organisation_id', '=', organisationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
