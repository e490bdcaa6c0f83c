/**
 * Personal-information compliance audits (个人信息保护合规审计) as stored and shown: title, kind,
 * status and the planned and completion dates in clear (lists and the duty engines read them
 * without decrypting); the rest — auditor, period, scope, findings, the ordered deadline —
 * SM4-encrypted JSON bound to the row (src/store/reencrypt.ts).
 */
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../../errors';
import type { FieldCipher } from '../../../security/field-crypto';
import {
  PiAuditInputSchema,
  type PiAuditInput,
  type PiAuditKind,
  type PiAuditStatus,
} from '../../../shared/data-security-schemas';
import type { Database, PiAuditsTable } from '../../../store/schema';

export type PiAuditRow = PiAuditsTable;
type Content = Omit<PiAuditInput, 'title' | 'kind' | 'status' | 'plannedOn' | 'completedOn'>;

export interface PiAuditView extends PiAuditInput {
  readonly id: string;
  readonly version: number;
  /** Findings not closed or accepted, and those of them past their due day (on today's date). */
  readonly openFindings: number;
  readonly overdueFindings: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const binding = (id: string) => ({ table: 'pi_audits', column: 'content_enc', rowId: id });

/** Defaults filled, optional fields null (what a read gives back). */
export function normalisePiAudit(input: PiAuditInput): PiAuditInput {
  const a = PiAuditInputSchema.parse(input);
  return {
    ...a,
    auditor: a.auditor ?? null,
    orderedDeadline: a.orderedDeadline ?? null,
    completedOn: a.completedOn ?? null,
    scope: a.scope ?? null,
    reportReference: a.reportReference ?? null,
    findings: a.findings.map((f) => ({
      ...f,
      description: f.description ?? null,
      owner: f.owner ?? null,
      dueOn: f.dueOn ?? null,
      closedOn: f.closedOn ?? null,
    })),
  };
}

export function encryptPiAudit(cipher: FieldCipher, id: string, a: PiAuditInput): string {
  const {
    title: _title,
    kind: _kind,
    status: _status,
    plannedOn: _plannedOn,
    completedOn: _completedOn,
    ...content
  } = a;
  return cipher.encrypt(JSON.stringify(content), binding(id));
}

export function decryptPiAudit(cipher: FieldCipher, row: PiAuditRow): PiAuditInput {
  const content = JSON.parse(cipher.decrypt(row.content_enc, binding(row.id))) as Content;
  return {
    title: row.title,
    kind: row.kind as PiAuditKind,
    status: row.status as PiAuditStatus,
    plannedOn: row.planned_on,
    completedOn: row.completed_on,
    ...content,
  };
}

export function presentPiAudit(cipher: FieldCipher, row: PiAuditRow, today: string): PiAuditView {
  const a = decryptPiAudit(cipher, row);
  const open = a.findings.filter((f) => f.status === 'open' || f.status === 'in_progress');
  return {
    id: row.id,
    ...a,
    version: row.version,
    openFindings: open.length,
    overdueFindings: open.filter((f) => f.dueOn && f.dueOn < today).length,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listPiAuditRows(
  db: Kysely<Database>,
  organisationId: string,
): Promise<PiAuditRow[]> {
  return db
    .selectFrom('pi_audits')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('planned_on', 'desc')
    .orderBy('id')
    .execute();
}

export async function getPiAuditRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<PiAuditRow> {
  const row = await db
    .selectFrom('pi_audits')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('compliance audit', id);
  return row;
}

/** What the audit log keeps: kind, status, dates and finding codes with their status — no text. */
export function piAuditForAudit(a: PiAuditInput | null): Record<string, unknown> | null {
  if (!a) return null;
  return {
    title: a.title,
    kind: a.kind,
    status: a.status,
    plannedOn: a.plannedOn,
    completedOn: a.completedOn ?? null,
    orderedDeadline: a.orderedDeadline ?? null,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    findings: a.findings.map((f) => `${f.code}:${f.severity}:${f.status}`).join(','),
  };
}
