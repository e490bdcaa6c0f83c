/**
 * The incident register's rows (security_incidents) as stored and shown: code, title, found_at
 * (UTC), grade and status in clear for lists and ordering; the whole IncidentInput SM4-encrypted
 * in `content_enc`, bound to its row (src/store/reencrypt.ts). The DTO carries the grading
 * guide's suggestion and the reporting duties computed at request time.
 */
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError, isUniqueViolation } from '../../../errors';
import type { FieldCipher } from '../../../security/field-crypto';
import {
  IncidentInputSchema,
  type IncidentDto,
  type IncidentInput,
  type OperatorKind,
} from '../../../shared/data-security-schemas';
import { shippedIncidentCriteria } from '../../../catalogs/incident-grading';
import { gradeIncident } from '../../../domain/data-security/incident-grading';
import { incidentReporting } from '../../../domain/data-security/incidents';
import type { IncidentFacts } from '../../../domain/data-security/types';
import { updateVersioned } from '../../../store/repositories/versioned';
import type { Database, SecurityIncidentsTable } from '../../../store/schema';
import { decryptDataSecurityProfile, getDataSecurityProfileRow } from '../profile/model';

export type IncidentRow = SecurityIncidentsTable;

const binding = (id: string) => ({ table: 'security_incidents', column: 'content_enc', rowId: id });

/** Every default filled in (what a read gives back). */
export const normaliseIncident = (input: IncidentInput): IncidentInput =>
  IncidentInputSchema.parse(input);

export const encryptIncident = (cipher: FieldCipher, id: string, input: IncidentInput): string =>
  cipher.encrypt(JSON.stringify(input), binding(id));

export function decryptIncident(cipher: FieldCipher, row: IncidentRow): IncidentInput {
  return JSON.parse(cipher.decrypt(row.content_enc, binding(row.id))) as IncidentInput;
}

export const utc = (instant: string): string => new Date(Date.parse(instant)).toISOString();

// ——— rows ———

export async function listIncidentRows(
  db: Kysely<Database>,
  organisationId: string,
): Promise<IncidentRow[]> {
  return db
    .selectFrom('security_incidents')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('found_at', 'desc')
    .orderBy('code')
    .execute();
}

export async function getIncidentRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<IncidentRow> {
  const row = await db
    .selectFrom('security_incidents')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('incident', id);
  return row;
}

export async function incidentIdByCode(
  db: Kysely<Database>,
  organisationId: string,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('security_incidents')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

export async function countIncidents(
  db: Kysely<Database>,
  organisationId: string,
): Promise<number> {
  const row = await db
    .selectFrom('security_incidents')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertIncidentRow(db: Kysely<Database>, row: IncidentRow): Promise<void> {
  try {
    await db.insertInto('security_incidents').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError('an incident with this code was created at the same time');
    throw error;
  }
}

export async function updateIncidentRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  expected: number,
  columns: Pick<IncidentRow, 'code' | 'title' | 'found_at' | 'grade' | 'status' | 'content_enc'>,
  now: string,
): Promise<IncidentRow> {
  try {
    await updateVersioned(db, 'security_incidents', {
      where: { organisation_id: organisationId, id },
      expected,
      columns,
      now,
      entity: 'incident',
      current: async () => (await getIncidentRow(db, organisationId, id)).version,
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError('an incident with this code was created at the same time');
    throw error;
  }
  return getIncidentRow(db, organisationId, id);
}

export async function deleteIncidentRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<void> {
  await db
    .deleteFrom('security_incidents')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

// ——— the organisation around an incident ———

export interface IncidentContext {
  readonly systems: readonly {
    readonly id: string;
    readonly name: string;
    readonly isCii: boolean;
  }[];
  /** From the data-security profile, or derived: cii_operator when any system is CII, else other. */
  readonly operatorKind: OperatorKind;
  readonly operatorKindFrom: 'profile' | 'systems';
  readonly resourceCodes: ReadonlySet<string>;
}

export async function incidentContext(
  db: Kysely<Database>,
  cipher: FieldCipher,
  organisationId: string,
): Promise<IncidentContext> {
  const [systems, profileRow, resources] = await Promise.all([
    db
      .selectFrom('systems')
      .select(['id', 'name', 'is_cii'])
      .where('organisation_id', '=', organisationId)
      .execute(),
    getDataSecurityProfileRow(db, organisationId),
    db
      .selectFrom('data_resources')
      .select('code')
      .where('organisation_id', '=', organisationId)
      .execute(),
  ]);
  const list = systems.map((s) => ({ id: s.id, name: s.name, isCii: Number(s.is_cii ?? 0) === 1 }));
  const declared = decryptDataSecurityProfile(cipher, profileRow).operatorKind ?? null;
  return {
    systems: list,
    operatorKind: declared ?? (list.some((s) => s.isCii) ? 'cii_operator' : 'other'),
    operatorKindFrom: declared ? 'profile' : 'systems',
    resourceCodes: new Set(resources.map((r) => r.code)),
  };
}

/** Contents of Art. 7 still empty: a follow-up report is due once the first report is in. */
export function missingContents(i: IncidentInput): string[] {
  const out: string[] = [];
  if (!i.impactDescription) out.push('impactDescription');
  if (!i.cause) out.push('cause');
  if (!i.trend) out.push('trend');
  return out;
}

export function incidentFacts(
  id: string,
  i: IncidentInput,
  context: IncidentContext,
): IncidentFacts {
  const cii = new Set(context.systems.filter((s) => s.isCii).map((s) => s.id));
  return {
    id,
    foundAt: i.foundAt,
    grade: i.grade ?? null,
    measures: i.measures,
    criteriaMet: i.criteriaMet,
    involvesCii: i.involvesCii ?? i.systemIds.some((s) => cii.has(s)),
    operatorKind: context.operatorKind,
    piIncident: i.piIncident
      ? {
          individuals: i.piIncident.individuals,
          notifiedAt: i.piIncident.notifiedAt ?? null,
          notificationNotRequiredReason: i.piIncident.notificationNotRequiredReason ?? null,
        }
      : null,
    reports: i.reports.map((r) => ({
      kind: r.kind,
      recipient: r.recipient,
      submittedAt: r.submittedAt,
    })),
    handledAt: i.handledAt ?? null,
  };
}

export interface IncidentView extends IncidentDto {
  /** Where the operator kind came from, and whether CII is involved (given or from the systems). */
  readonly operatorKindFrom: 'profile' | 'systems';
  readonly involvesCiiEffective: boolean;
  /** The grade the duties were computed with and whose it is. */
  readonly dutyGrade: IncidentDto['suggestedGrade'] | null;
  readonly dutyGradeFrom: 'operator' | 'suggestion' | 'none';
  readonly systems: readonly {
    readonly id: string;
    readonly name: string;
    readonly isCii: boolean;
  }[];
}

export function presentIncident(
  cipher: FieldCipher,
  row: IncidentRow,
  context: IncidentContext,
  now: Date,
): IncidentView {
  const input = decryptIncident(cipher, row);
  const grading = gradeIncident(input.measures, input.criteriaMet, shippedIncidentCriteria());
  const facts = incidentFacts(row.id, input, context);
  const reporting = incidentReporting(facts, now, {
    suggestedGrade: grading.suggestedGrade,
    missingContents: missingContents(input),
  });
  const byId = new Map(context.systems.map((s) => [s.id, s]));
  return {
    ...input,
    id: row.id,
    version: row.version,
    suggestedGrade: grading.suggestedGrade,
    criteriaFound: grading.criteriaFound,
    operatorKind: context.operatorKind,
    operatorKindFrom: context.operatorKindFrom,
    involvesCiiEffective: facts.involvesCii,
    regime: reporting.regime,
    dutyGrade: reporting.grade,
    dutyGradeFrom: reporting.gradeFrom,
    duties: reporting.duties,
    systems: input.systemIds.flatMap((id) => {
      const s = byId.get(id);
      return s ? [s] : [];
    }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of an incident: codes, grade, counts, times — never descriptions. */
export function incidentForAudit(i: IncidentInput | null): Record<string, unknown> | null {
  if (!i) return null;
  return {
    code: i.code,
    title: i.title,
    type: i.type,
    foundAt: i.foundAt,
    grade: i.grade ?? null,
    status: i.status,
    systems: i.systemIds.length,
    dataResources: i.dataResourceCodes.join(','),
    criteriaMet: i.criteriaMet.join(','),
    involvesCii: i.involvesCii ?? null,
    piIndividuals: i.piIncident?.individuals ?? null,
    piNotifiedAt: i.piIncident?.notifiedAt ?? null,
    reports: i.reports.map((r) => `${r.kind}:${r.recipient}@${r.submittedAt}`).join(','),
    handledAt: i.handledAt ?? null,
  };
}
