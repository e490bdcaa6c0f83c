import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './2026-11-27-initial';
import * as security from './2026-11-27b-security';
import * as gradingRecorder from './2026-11-27c-grading-recorder';
import * as assessments from './2026-11-27d-assessments';
import * as cii from './2026-11-28-cii';
import * as ciiEvaluations from './2026-11-28b-cii-evaluations';
import * as access from './2026-12-07a-access';
import * as auditImmutable from './2026-12-07b-audit-immutable';
import * as manyServers from './2026-12-07c-many-servers';
import * as testObjectScope from './2026-12-08a-test-object-scope';
import * as requirementWording from './2026-12-08b-requirement-wording';
import * as verification from './2026-12-08c-verification';
import * as compensationsPrevious from './2026-12-08d-compensations-previous';
import * as filingProfile from './2026-12-09a-filing-profile';
import * as recordAttachments from './2026-12-09b-record-attachments';
import * as gradingNarrative from './2026-12-09c-grading-narrative';
import * as rectificationPlan from './2026-12-09d-rectification-plan';
import * as documentOverrides from './2026-12-09e-document-overrides';
import * as privacy from './2026-12-10a-privacy';
import * as dataSecurity from './2026-12-11a-data-security';

/** Migrations in code, one set for SQLite and PostgreSQL, keyed by date-prefixed name. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-27-initial': initial,
  '2026-11-27b-security': security,
  '2026-11-27c-grading-recorder': gradingRecorder,
  '2026-11-27d-assessments': assessments,
  '2026-11-28-cii': cii,
  '2026-11-28b-cii-evaluations': ciiEvaluations,
  '2026-12-07a-access': access,
  '2026-12-07b-audit-immutable': auditImmutable,
  '2026-12-07c-many-servers': manyServers,
  '2026-12-08a-test-object-scope': testObjectScope,
  '2026-12-08b-requirement-wording': requirementWording,
  '2026-12-08c-verification': verification,
  '2026-12-08d-compensations-previous': compensationsPrevious,
  '2026-12-09a-filing-profile': filingProfile,
  '2026-12-09b-record-attachments': recordAttachments,
  '2026-12-09c-grading-narrative': gradingNarrative,
  '2026-12-09d-rectification-plan': rectificationPlan,
  '2026-12-09e-document-overrides': documentOverrides,
  '2026-12-10a-privacy': privacy,
  '2026-12-11a-data-security': dataSecurity,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  // With an explicit schema, Kysely keeps its migration tables there (and looks for them there only).
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely checks for its migration table by introspecting every schema of the database; a schema
  // another process drops meanwhile (PostgreSQL tests each drop their own) fails that scan.
  for (let retry = 0; retry < 3 && error && droppedMeanwhile(error, schema); retry++)
    ({ error, results } = await migrator.migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** "schema "x" does not exist" about a schema other than ours: another one vanished mid-scan. */
function droppedMeanwhile(error: unknown, schema: string | undefined): boolean {
  const match = /schema "([^"]+)" does not exist/.exec(
    error instanceof Error ? error.message : String(error),
  );
  return match !== null && match[1] !== schema;
}
