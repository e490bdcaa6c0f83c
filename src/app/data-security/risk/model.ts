/**
 * Annual data-security risk assessments as the app reads them: the SM4-encrypted content (the
 * report's narrative, the submission record, the reopenings), the inventory snapshot frozen on
 * completion, the risks with their computed level, and the DTOs the API answers with.
 */
import {
  riskLevel,
  riskScore,
  isOpenRisk,
  type MissingReportPart,
  type RiskLevel,
  type RiskSummary,
} from '../../../domain/data-security/risk';
import type {
  DataGrade,
  DataResourceInput,
  ImportantDataProvision,
  RiskAssessmentInput,
  RiskAssessmentStatus,
  RiskItemInput,
  RiskStatus,
} from '../../../shared/data-security-schemas';
import type { FieldCipher } from '../../../security/field-crypto';
import type { ResourceRow, RiskAssessmentRow, RiskItemRow } from './store';

/** The submission to the authority (action report). */
export interface ReportRecord {
  readonly reportedOn: string;
  readonly recipient: string;
  readonly reference: string | null;
}

/** A reopening: back to draft with its reason and what it undid. */
export interface Reopening {
  readonly userId: string | null;
  readonly reason: string;
  readonly at: string;
  readonly from: RiskAssessmentStatus;
  readonly completedOn: string | null;
  readonly reportedOn: string | null;
}

/** What `content_enc` holds. */
export interface RiskAssessmentContent extends RiskAssessmentInput {
  readonly report: ReportRecord | null;
  readonly reopenings: readonly Reopening[];
}

/** One resource of the inventory as frozen on completion (no data content, NDS Art. 33 ¶1 (2)). */
export interface SnapshotResource {
  readonly code: string;
  readonly name: string;
  readonly grade: DataGrade;
  readonly description: string | null;
  readonly records: number | null;
  readonly bytes: number | null;
  readonly volumeText: string | null;
  readonly individuals: number;
  readonly formats: readonly string[];
  readonly locations: readonly string[];
  readonly owner: string | null;
  readonly recipients: readonly string[];
  readonly crossBorder: boolean;
  readonly crossBorderDestinations: readonly string[];
  /** The encrypted content could not be read (only the clear columns are known). */
  readonly unreadable?: boolean;
}

export interface SnapshotProvision {
  readonly code: string;
  readonly kind: string | null;
  readonly recipient: string | null;
  readonly dataResourceCodes: readonly string[];
  readonly startsOn: string | null;
  readonly riskAssessedOn: string | null;
  readonly statutoryDuty: boolean;
}

/** What `snapshot_enc` holds. */
export interface InventorySnapshot {
  readonly takenAt: string;
  readonly resources: readonly SnapshotResource[];
  readonly provisions: readonly SnapshotProvision[];
}

const contentBinding = (id: string) =>
  ({ table: 'data_risk_assessments', column: 'content_enc', rowId: id }) as const;
const snapshotBinding = (id: string) =>
  ({ table: 'data_risk_assessments', column: 'snapshot_enc', rowId: id }) as const;
const riskBinding = (id: string) =>
  ({ table: 'data_risk_items', column: 'content_enc', rowId: id }) as const;

export function encryptContent(
  cipher: FieldCipher,
  id: string,
  content: RiskAssessmentContent,
): string {
  return cipher.encrypt(JSON.stringify(content), contentBinding(id));
}

export function decryptContent(cipher: FieldCipher, row: RiskAssessmentRow): RiskAssessmentContent {
  const parsed = JSON.parse(
    cipher.decrypt(row.content_enc, contentBinding(row.id)),
  ) as Partial<RiskAssessmentContent>;
  return {
    year: parsed.year ?? row.year,
    title: parsed.title ?? row.title,
    periodFrom: parsed.periodFrom ?? `${row.year}-01-01`,
    periodTo: parsed.periodTo ?? `${row.year}-12-31`,
    assessor: parsed.assessor ?? null,
    scope: parsed.scope ?? null,
    method: parsed.method ?? null,
    managementMeasures: parsed.managementMeasures ?? null,
    technicalMeasures: parsed.technicalMeasures ?? null,
    provisionAssessments: parsed.provisionAssessments ?? null,
    exportSituation: parsed.exportSituation ?? null,
    other: parsed.other ?? null,
    conclusion: parsed.conclusion ?? null,
    report: parsed.report ?? null,
    reopenings: parsed.reopenings ?? [],
  };
}

export function encryptSnapshot(cipher: FieldCipher, id: string, s: InventorySnapshot): string {
  return cipher.encrypt(JSON.stringify(s), snapshotBinding(id));
}

export function decryptSnapshot(
  cipher: FieldCipher,
  row: RiskAssessmentRow,
): InventorySnapshot | null {
  if (!row.snapshot_enc) return null;
  return JSON.parse(cipher.decrypt(row.snapshot_enc, snapshotBinding(row.id))) as InventorySnapshot;
}

export function encryptRisk(cipher: FieldCipher, id: string, risk: RiskItemInput): string {
  return cipher.encrypt(JSON.stringify(risk), riskBinding(id));
}

export function decryptRisk(cipher: FieldCipher, row: RiskItemRow): RiskItemInput {
  const parsed = JSON.parse(cipher.decrypt(row.content_enc, riskBinding(row.id))) as RiskItemInput;
  return {
    ...parsed,
    code: row.code,
    status: row.status as RiskStatus,
    dueOn: row.due_on,
    closedOn: row.closed_on,
    dataResourceCodes: parsed.dataResourceCodes ?? [],
  };
}

/** A resource of the inventory for the snapshot: decrypted content, else its clear columns. */
export function snapshotResource(cipher: FieldCipher, row: ResourceRow): SnapshotResource {
  let d: Partial<DataResourceInput> = {};
  let unreadable = false;
  try {
    d = JSON.parse(
      cipher.decrypt(row.data_enc, { table: 'data_resources', column: 'data_enc', rowId: row.id }),
    ) as Partial<DataResourceInput>;
  } catch {
    unreadable = true;
  }
  return {
    code: row.code,
    name: row.name,
    grade: row.grade as DataGrade,
    description: d.description ?? null,
    records: d.records ?? null,
    bytes: d.bytes ?? null,
    volumeText: d.volumeText ?? null,
    individuals: d.individuals ?? 0,
    formats: d.formats ?? [],
    locations: d.locations ?? [],
    owner: d.owner ?? null,
    recipients: d.recipients ?? [],
    crossBorder: d.crossBorder ?? false,
    crossBorderDestinations: d.crossBorderDestinations ?? [],
    ...(unreadable ? { unreadable } : {}),
  };
}

export function snapshotProvision(
  cipher: FieldCipher,
  row: { id: string; code: string; data_enc: string },
): SnapshotProvision {
  let d: Partial<ImportantDataProvision>;
  try {
    d = JSON.parse(
      cipher.decrypt(row.data_enc, {
        table: 'important_data_provisions',
        column: 'data_enc',
        rowId: row.id,
      }),
    ) as Partial<ImportantDataProvision>;
  } catch {
    d = {};
  }
  return {
    code: row.code,
    kind: d.kind ?? null,
    recipient: d.recipient ?? null,
    dataResourceCodes: d.dataResourceCodes ?? [],
    startsOn: d.startsOn ?? null,
    riskAssessedOn: d.riskAssessedOn ?? null,
    statutoryDuty: d.statutoryDuty ?? false,
  };
}

/** The data-security profile's officer and body (NDS Art. 30), or nulls when unset/unreadable. */
export function profileOfficer(
  cipher: FieldCipher,
  row: { organisation_id: string; data_enc: string } | undefined,
): { dataSecurityOfficer: string | null; managementBody: string | null } {
  if (!row) return { dataSecurityOfficer: null, managementBody: null };
  try {
    const p = JSON.parse(
      cipher.decrypt(row.data_enc, {
        table: 'data_security_profiles',
        column: 'data_enc',
        rowId: row.organisation_id,
      }),
    ) as { dataSecurityOfficer?: string | null; managementBody?: string | null };
    return {
      dataSecurityOfficer: p.dataSecurityOfficer ?? null,
      managementBody: p.managementBody ?? null,
    };
  } catch {
    return { dataSecurityOfficer: null, managementBody: null };
  }
}

// ——— DTOs ———

export interface RiskItemDto extends RiskItemInput {
  readonly id: string;
  readonly assessmentId: string;
  /** likelihood × impact. */
  readonly score: number;
  /** From our matrix (src/domain/data-security/risk.ts RISK_MATRIX). */
  readonly level: RiskLevel;
  /** Open or in progress and past its due date (Beijing today). */
  readonly overdue: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A risk in the organisation's tracking list, with its assessment. */
export interface OrganisationRiskDto extends RiskItemDto {
  readonly assessment: {
    readonly id: string;
    readonly year: number;
    readonly title: string;
    readonly status: RiskAssessmentStatus;
  };
}

export interface RiskAssessmentSummaryDto {
  readonly id: string;
  readonly year: number;
  readonly title: string;
  readonly status: RiskAssessmentStatus;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly completedOn: string | null;
  readonly completedBy: string | null;
  readonly completedByName: string | null;
  readonly reportedOn: string | null;
  readonly risks: RiskSummary;
  readonly overdueRisks: number;
  readonly version: number;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RiskAssessmentDto
  extends
    RiskAssessmentSummaryDto,
    Omit<RiskAssessmentInput, 'year' | 'title' | 'periodFrom' | 'periodTo'> {
  readonly report: ReportRecord | null;
  readonly reopenings: readonly (Reopening & { readonly displayName: string | null })[];
  /** Required parts still missing (NDS Art. 33 ¶1; DSL Art. 30); empty once completed. */
  readonly missingParts: readonly MissingReportPart[];
  /** The inventory frozen on completion: when, and how many resources by grade. */
  readonly snapshot: {
    readonly takenAt: string;
    readonly resources: number;
    readonly important: number;
    readonly core: number;
    readonly provisions: number;
  } | null;
  readonly riskItems: readonly RiskItemDto[];
}

export function presentRisk(row: RiskItemRow, content: RiskItemInput, today: string): RiskItemDto {
  return {
    ...content,
    id: row.id,
    assessmentId: row.assessment_id,
    score: riskScore(content.likelihood, content.impact),
    level: riskLevel(content.likelihood, content.impact),
    overdue: isOpenRisk(row.status) && row.due_on !== null && row.due_on < today,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
