/**
 * Provisions of important data (NDS Regulations Art. 31) as stored and shown: code in clear,
 * the rest SM4-encrypted JSON bound to the row (src/store/reencrypt.ts), versioned.
 */
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../../errors';
import type { FieldCipher } from '../../../security/field-crypto';
import {
  ImportantDataProvisionSchema,
  type ImportantDataProvision,
} from '../../../shared/data-security-schemas';
import type { Database, ImportantDataProvisionsTable } from '../../../store/schema';

export type ProvisionRow = ImportantDataProvisionsTable;
type Content = Omit<ImportantDataProvision, 'code'>;

export interface ProvisionView extends ImportantDataProvision {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const binding = (id: string) => ({
  table: 'important_data_provisions',
  column: 'data_enc',
  rowId: id,
});

/** Defaults filled and absent optional fields as null (what a read gives back). */
export function normaliseProvision(p: ImportantDataProvision): ImportantDataProvision {
  const parsed = ImportantDataProvisionSchema.parse(p);
  return { ...parsed, riskAssessedOn: parsed.riskAssessedOn ?? null, note: parsed.note ?? null };
}

export function encryptProvision(
  cipher: FieldCipher,
  id: string,
  p: ImportantDataProvision,
): string {
  const { code: _code, ...content } = p;
  return cipher.encrypt(JSON.stringify(content), binding(id));
}

export function decryptProvision(cipher: FieldCipher, row: ProvisionRow): ImportantDataProvision {
  const content = JSON.parse(cipher.decrypt(row.data_enc, binding(row.id))) as Content;
  return { code: row.code, ...content };
}

export function presentProvision(cipher: FieldCipher, row: ProvisionRow): ProvisionView {
  return {
    id: row.id,
    ...decryptProvision(cipher, row),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listProvisionRows(
  db: Kysely<Database>,
  organisationId: string,
): Promise<ProvisionRow[]> {
  return db
    .selectFrom('important_data_provisions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('code')
    .execute();
}

export async function getProvisionRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<ProvisionRow> {
  const row = await db
    .selectFrom('important_data_provisions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('important-data provision', id);
  return row;
}

/** What the audit log keeps: code, kind, resource codes, dates — not the recipient or note. */
export function provisionForAudit(
  p: ImportantDataProvision | null,
): Record<string, unknown> | null {
  if (!p) return null;
  return {
    code: p.code,
    kind: p.kind,
    dataResourceCodes: p.dataResourceCodes.join(','),
    startsOn: p.startsOn,
    riskAssessedOn: p.riskAssessedOn ?? null,
    statutoryDuty: p.statutoryDuty,
  };
}
