/**
 * Rows of verification tests (漏洞扫描, 渗透测试): imported files and their findings. Every query
 * is scoped by assessment (the caller has checked the assessment against the organisation and
 * the access scope).
 */
import type { Insertable, Kysely } from 'kysely';
import type {
  Database,
  VerificationFindingRow,
  VerificationFindingsTable,
  VerificationImportRow,
  VerificationImportsTable,
} from '../schema';

type Db = Kysely<Database>;

/** Rows per insert statement (PostgreSQL allows 65,535 parameters; 24 columns a row). */
const CHUNK = 500;

export async function insertVerificationImport(
  db: Db,
  row: Insertable<VerificationImportsTable>,
  findings: readonly Insertable<VerificationFindingsTable>[],
): Promise<void> {
  await db.insertInto('verification_imports').values(row).execute();
  for (let at = 0; at < findings.length; at += CHUNK) {
    await db
      .insertInto('verification_findings')
      .values(findings.slice(at, at + CHUNK))
      .execute();
  }
}

export async function listVerificationImports(
  db: Db,
  assessmentId: string,
): Promise<VerificationImportRow[]> {
  return db
    .selectFrom('verification_imports')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('imported_at')
    .orderBy('id')
    .execute();
}

export async function getVerificationImport(
  db: Db,
  assessmentId: string,
  id: string,
): Promise<VerificationImportRow | undefined> {
  return db
    .selectFrom('verification_imports')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findVerificationImportBySm3(
  db: Db,
  assessmentId: string,
  sm3: string,
): Promise<VerificationImportRow | undefined> {
  return db
    .selectFrom('verification_imports')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('sm3', '=', sm3)
    .executeTakeFirst();
}

/** Deletes an import with its findings (cascade); the number of import rows deleted. */
export async function deleteVerificationImport(
  db: Db,
  assessmentId: string,
  id: string,
): Promise<number> {
  await db
    .deleteFrom('verification_findings')
    .where('assessment_id', '=', assessmentId)
    .where('import_id', '=', id)
    .execute();
  const result = await db
    .deleteFrom('verification_imports')
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The findings of an assessment (optionally of one object), in import and file order. */
export async function listVerificationFindings(
  db: Db,
  assessmentId: string,
  filter: { readonly objectId?: string | undefined; readonly minSeverity?: 'low' } = {},
): Promise<(VerificationFindingRow & { imported_at: string })[]> {
  let q = db
    .selectFrom('verification_findings as f')
    .innerJoin('verification_imports as i', 'i.id', 'f.import_id')
    .selectAll('f')
    .select('i.imported_at as imported_at')
    .where('f.assessment_id', '=', assessmentId);
  if (filter.objectId) q = q.where('f.object_id', '=', filter.objectId);
  if (filter.minSeverity === 'low') q = q.where('f.severity', '!=', 'info');
  return q.orderBy('i.imported_at').orderBy('f.import_id').orderBy('f.position').execute();
}
