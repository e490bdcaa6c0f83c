/**
 * Data security (数据安全) calls: the data inventory with its classification, the catalogs it
 * reads, the organisation's data-security profile, important-data provisions and duties as of a
 * date, annual risk assessments with their risks, and personal-information compliance audits
 * (src/server/routes/data-security*.routes.ts, data-risk.routes.ts, pi-audits.routes.ts).
 */
import type { z } from 'zod';
import type { CitationDto } from '../../../src/shared/api-types';
import type {
  CitationRef,
  DataGrade,
  DataResourceDto,
  DataResourceInputSchema,
  DataResourcePatchSchema,
  DataSecurityProfile,
  DataSecurityProfilePatchSchema,
  ImportantDataProvision,
  ImportantDataProvisionSchema,
  PiAuditInput,
  PiAuditInputSchema,
  PiAuditPatchSchema,
  RiskAssessmentInput,
  RiskAssessmentInputSchema,
  RiskAssessmentPatchSchema,
  RiskAssessmentStatus,
  RiskAssessmentTransition,
  RiskItemInput,
  RiskItemInputSchema,
  RiskItemPatchSchema,
} from '../../../src/shared/data-security-schemas';
import { org, RawBody, request } from './client';
import { asCitations, type PenaltyDto, type PrivacyDutyDto } from './privacy-client';

export type ResourceBody = z.input<typeof DataResourceInputSchema>;
export type ResourcePatchBody = z.input<typeof DataResourcePatchSchema>;
export type ProfileBody = z.input<typeof DataSecurityProfilePatchSchema>;
export type ProvisionBody = z.input<typeof ImportantDataProvisionSchema>;
export type AssessmentBody = z.input<typeof RiskAssessmentInputSchema>;
export type AssessmentPatchBody = z.input<typeof RiskAssessmentPatchSchema>;
export type RiskBody = z.input<typeof RiskItemInputSchema>;
export type RiskPatchBody = z.input<typeof RiskItemPatchSchema>;
export type AuditBody = z.input<typeof PiAuditInputSchema>;
export type AuditPatchBody = z.input<typeof PiAuditPatchSchema>;

/** A resource as the list shows it: the DTO with its classification's citations labelled. */
export type ResourceView = Omit<DataResourceDto, 'classification'> & {
  classification: Omit<DataResourceDto['classification'], 'citations'> & {
    citations: CitationDto[];
  };
};

export interface ClassificationEntryDto {
  id: string;
  catalogueId: string;
  nameZh: string;
  nameEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
  grade: DataGrade;
  sectorLevel: string | null;
  keywords: string[];
  piCategories: string[];
  threshold: { individuals: number; inclusive: boolean } | null;
  citation?: CitationRef & Partial<CitationDto>;
}

export interface ClassificationCatalogDto {
  version: string;
  sectors: { key: string; nameZh: string; nameEn: string }[];
  catalogues: {
    id: string;
    titleZh: string;
    titleEn: string;
    sectors: string[];
    instrumentId: string;
    effectiveFrom?: string;
    effectiveTo?: string | null;
    provenance?: string;
    entries: ClassificationEntryDto[];
  }[];
}

export interface ProfileView extends DataSecurityProfile {
  version: number;
  /** The operator kind the rules use (derived when the profile leaves it open). */
  operatorKindEffective?: string;
}

export interface ProvisionView extends ImportantDataProvision {
  id: string;
  version: number;
}

/** A data-security duty (same shape as a personal-information duty; subject kinds differ). */
export type DataSecurityDutyDto = Omit<PrivacyDutyDto, 'subject'> & {
  subject: { kind: string; id: string; name: string };
};

/** The periodic PI compliance audit: cycle by the individuals processed, last and next. */
export interface PiAuditCycleDto {
  cycle: string | null;
  intervalMonths: number | null;
  totalIndividuals: number | null;
  lastCompletedOn: string | null;
  nextDueOn: string | null;
}

export interface DataSecurityDutiesDto {
  asOf: string;
  duties: DataSecurityDutyDto[];
  piAudit?: PiAuditCycleDto;
}

export type RiskLevel = 'critical' | 'high' | 'medium' | 'low';

export interface RiskView extends RiskItemInput {
  id: string;
  version: number;
  assessmentId?: string;
  /** The level the server derived from likelihood × impact. */
  level?: RiskLevel;
  score?: number;
  overdue?: boolean;
  assessment?: { id: string; year: number; title: string };
  assessmentYear?: number;
  assessmentTitle?: string;
}

/** Risks of an assessment counted (src/domain/data-security/risk.ts summariseRisks). */
export interface RiskSummaryDto {
  total: number;
  open: number;
  byLevel: Partial<Record<RiskLevel, number>>;
  openHighOrCritical?: number;
}

/** A required part of the annual report still missing (NDS Art. 33 ¶1; DSL Art. 30). */
export interface MissingPartDto {
  part: string;
  path: string;
  messageZh: string;
  messageEn: string;
}

export interface AssessmentView extends RiskAssessmentInput {
  id: string;
  version: number;
  status: RiskAssessmentStatus;
  completedOn?: string | null;
  completedByName?: string | null;
  reportedOn?: string | null;
  report?: { reportedOn: string; recipient: string; reference: string | null } | null;
  reopenings?: { reason: string; at: string; displayName: string | null }[];
  missingParts?: MissingPartDto[];
  snapshot?: {
    takenAt: string;
    resources: number;
    important: number;
    core: number;
    provisions: number;
  } | null;
  risks?: RiskSummaryDto;
  overdueRisks?: number;
  riskItems?: RiskView[];
  updatedAt?: string;
}

export interface AuditView extends PiAuditInput {
  id: string;
  version: number;
  openFindings?: number;
  overdueFindings?: number;
  updatedAt?: string;
}

/** What an import answers (dry run or commit): counts by what it holds, whichever it names. */
export interface DataImportResult {
  dryRun?: boolean;
  resources?: { created: number; updated: number; unchanged?: number };
  provisions?: { created: number; updated: number; unchanged?: number };
  profile?: 'unchanged' | 'saved' | 'absent' | string;
  /** Grades of the imported resources after the import. */
  grades?: { general: number; important: number; core: number };
  /** Parts of the file this import does not write. */
  ignored?: { profile: boolean; provisions: number };
  [key: string]: unknown;
}

export type InventoryFileFormat = 'yaml' | 'json' | 'xlsx';

const base = (orgId: string) => `${org(orgId)}/data-security`;
const at = (orgId: string, kind: string, id: string) =>
  `${base(orgId)}/${kind}/${encodeURIComponent(id)}`;

/** Downloads are plain links (the session cookie authenticates). */
export const inventoryExportUrl = (orgId: string, format: InventoryFileFormat) =>
  `/api${base(orgId)}/export?format=${format}`;
export const riskReportUrl = (
  orgId: string,
  id: string,
  format: 'docx' | 'pdf',
  lang: 'zh' | 'en',
) => `/api${at(orgId, 'risk-assessments', id)}/report?format=${format}&lang=${lang}`;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Lists may come bare or wrapped (`items`, or the collection's own name). */
function items<T>(answer: unknown, ...names: string[]): T[] {
  if (Array.isArray(answer)) return answer as T[];
  const a = (answer ?? {}) as Record<string, unknown>;
  for (const name of ['items', ...names]) if (Array.isArray(a[name])) return a[name] as T[];
  return [];
}

const resource = (r: DataResourceDto): ResourceView => ({
  ...r,
  classification: { ...r.classification, citations: asCitations(r.classification?.citations) },
});

const withCitations = (d: DataSecurityDutyDto): DataSecurityDutyDto => ({
  ...d,
  citations: asCitations(d.citations),
  penalties: d.penalties?.map((p: PenaltyDto) => ({ ...p, citations: asCitations(p.citations) })),
});

export const dataSecurityApi = {
  // ——— inventory ———
  listResources: async (orgId: string) =>
    items<DataResourceDto>(
      await request<unknown>('GET', `${base(orgId)}/resources`),
      'resources',
    ).map(resource),
  getResource: async (orgId: string, id: string) =>
    resource(await request<DataResourceDto>('GET', at(orgId, 'resources', id))),
  createResource: async (orgId: string, body: ResourceBody) =>
    resource(await request<DataResourceDto>('POST', `${base(orgId)}/resources`, body)),
  patchResource: async (orgId: string, id: string, patch: ResourcePatchBody) =>
    resource(await request<DataResourceDto>('PATCH', at(orgId, 'resources', id), patch)),
  deleteResource: (orgId: string, id: string) =>
    request<null>('DELETE', at(orgId, 'resources', id)),
  importInventory: (orgId: string, file: Blob, kind: 'xlsx' | 'file', dryRun: boolean) =>
    request<DataImportResult>(
      'POST',
      `${base(orgId)}/import${dryRun ? '?dryRun=true' : ''}`,
      new RawBody(file, kind === 'xlsx' ? XLSX_TYPE : file.type || 'application/yaml'),
    ),

  classificationCatalog: async (): Promise<ClassificationCatalogDto> => {
    const c = await request<ClassificationCatalogDto>('GET', '/catalog/data-classification');
    return { ...c, sectors: c.sectors ?? [], catalogues: c.catalogues ?? [] };
  },

  // ——— profile, provisions, duties ———
  profile: (orgId: string) => request<ProfileView>('GET', `${base(orgId)}/profile`),
  putProfile: (orgId: string, body: ProfileBody) =>
    request<ProfileView>('PUT', `${base(orgId)}/profile`, body),
  listProvisions: async (orgId: string) =>
    items<ProvisionView>(await request<unknown>('GET', `${base(orgId)}/provisions`), 'provisions'),
  createProvision: (orgId: string, body: ProvisionBody) =>
    request<ProvisionView>('POST', `${base(orgId)}/provisions`, body),
  patchProvision: (
    orgId: string,
    id: string,
    patch: Partial<ProvisionBody> & { version: number },
  ) => request<ProvisionView>('PATCH', at(orgId, 'provisions', id), patch),
  deleteProvision: (orgId: string, id: string) =>
    request<null>('DELETE', at(orgId, 'provisions', id)),
  duties: async (orgId: string, asOf: string): Promise<DataSecurityDutiesDto> => {
    const answer = await request<unknown>(
      'GET',
      `${base(orgId)}/duties?asOf=${encodeURIComponent(asOf)}`,
    );
    const a = (Array.isArray(answer) ? {} : answer) as { asOf?: string; piAudit?: PiAuditCycleDto };
    return {
      asOf: a.asOf ?? asOf,
      piAudit: a.piAudit,
      duties: items<DataSecurityDutyDto>(answer, 'duties', 'obligations').map(withCitations),
    };
  },

  // ——— risk assessments ———
  listAssessments: async (orgId: string) =>
    items<AssessmentView>(
      await request<unknown>('GET', `${base(orgId)}/risk-assessments`),
      'assessments',
    ),
  getAssessment: (orgId: string, id: string) =>
    request<AssessmentView>('GET', at(orgId, 'risk-assessments', id)),
  createAssessment: (orgId: string, body: AssessmentBody) =>
    request<AssessmentView>('POST', `${base(orgId)}/risk-assessments`, body),
  patchAssessment: (orgId: string, id: string, patch: AssessmentPatchBody) =>
    request<AssessmentView>('PATCH', at(orgId, 'risk-assessments', id), patch),
  deleteAssessment: (orgId: string, id: string) =>
    request<null>('DELETE', at(orgId, 'risk-assessments', id)),
  transition: (orgId: string, id: string, body: RiskAssessmentTransition) =>
    request<AssessmentView>('POST', `${at(orgId, 'risk-assessments', id)}/transition`, body),
  listRisks: async (orgId: string, assessmentId: string) =>
    items<RiskView>(
      await request<unknown>('GET', `${at(orgId, 'risk-assessments', assessmentId)}/risks`),
      'risks',
    ),
  createRisk: (orgId: string, assessmentId: string, body: RiskBody) =>
    request<RiskView>('POST', `${at(orgId, 'risk-assessments', assessmentId)}/risks`, body),
  patchRisk: (orgId: string, assessmentId: string, riskId: string, patch: RiskPatchBody) =>
    request<RiskView>(
      'PATCH',
      `${at(orgId, 'risk-assessments', assessmentId)}/risks/${encodeURIComponent(riskId)}`,
      patch,
    ),
  deleteRisk: (orgId: string, assessmentId: string, riskId: string) =>
    request<null>(
      'DELETE',
      `${at(orgId, 'risk-assessments', assessmentId)}/risks/${encodeURIComponent(riskId)}`,
    ),
  openRisks: async (orgId: string) =>
    items<RiskView>(await request<unknown>('GET', `${base(orgId)}/risks?status=open`), 'risks'),

  // ——— PI compliance audits ———
  listAudits: async (orgId: string) =>
    items<AuditView>(await request<unknown>('GET', `${base(orgId)}/pi-audits`), 'audits'),
  getAudit: (orgId: string, id: string) => request<AuditView>('GET', at(orgId, 'pi-audits', id)),
  createAudit: (orgId: string, body: AuditBody) =>
    request<AuditView>('POST', `${base(orgId)}/pi-audits`, body),
  patchAudit: (orgId: string, id: string, patch: AuditPatchBody) =>
    request<AuditView>('PATCH', at(orgId, 'pi-audits', id), patch),
  deleteAudit: (orgId: string, id: string) => request<null>('DELETE', at(orgId, 'pi-audits', id)),
};
