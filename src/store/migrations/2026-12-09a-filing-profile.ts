import type { Kysely } from 'kysely';

/**
 * The filing form's answers captured once (issue 15 part 1): `filing_profile_enc` on
 * `organisations` (表一: address, division code, head of the organisation, affiliation, type,
 * sector, the 2025 data survey and protection work plan) and on `systems` (表二: object number,
 * business and service answers, network, interconnection, key products, services, sub-system).
 * JSON, SM4 field-encrypted: it holds people's phone numbers and e-mail addresses. Null until
 * entered.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('filing_profile_enc', 'text').execute();
  await db.schema.alterTable('systems').addColumn('filing_profile_enc', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('systems').dropColumn('filing_profile_enc').execute();
  await db.schema.alterTable('organisations').dropColumn('filing_profile_enc').execute();
}
