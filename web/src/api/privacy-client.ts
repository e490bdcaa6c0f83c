/**
 * Personal-information protection (个人信息保护) calls: the register profile, processing
 * activities with their transfer batches, cross-border paths and duties as of a date, the
 * register file (YAML/JSON/Excel) and the sensitive-category catalog
 * (src/server/routes/privacy.routes.ts, src/server/routes/catalog.routes.ts).
 */
import type { z } from 'zod';
import type { CitationDto } from '../../../src/shared/api-types';
import type {
  ActivityInput,
  ActivityInputSchema,
  ActivityPatchSchema,
  PipiaStatus,
  PrivacyImportResult,
  RegisterProfile,
  RegisterProfilePatchSchema,
  TransferBatchInputSchema,
} from '../../../src/shared/privacy-schemas';
import { org, RawBody, request } from './client';

/** What the client sends (defaults such as `recipients: []` may be left out). */
export type ActivityBody = z.input<typeof ActivityInputSchema>;
export type ActivityPatchBody = z.input<typeof ActivityPatchSchema>;
export type TransferBatchBody = z.input<typeof TransferBatchInputSchema>;
export type RegisterProfileBody = z.input<typeof RegisterProfilePatchSchema>;

/** A processing activity as the server returns it. */
export interface ActivityView extends ActivityInput {
  id: string;
  version: number;
  createdAt?: string;
  updatedAt?: string;
  /** Status of the latest PIPIA covering the activity, when the server says. */
  pipiaStatus?: PipiaStatus | null;
  /** Whether a PIPIA is needed (PIPL Art. 55), when the server says. */
  pipiaRequired?: boolean;
  batchCount?: number;
  /** No deletion before this day (PIPL Art. 56: an approved PIPIA covers the activity). */
  retainUntil?: string | null;
}

/** An assessment as far as the register's list needs it (GET …/privacy/pipias). */
export interface PipiaStatusDto {
  id: string;
  title: string;
  status: PipiaStatus;
  activityIds: string[];
  approvedOn: string | null;
  updatedAt?: string;
}

export interface TransferBatchView {
  id: string;
  activityId?: string;
  transferKey: string;
  transferredOn: string;
  individuals: number;
  sensitiveIndividuals: number;
  note?: string | null;
  createdAt?: string;
}

export interface RegisterProfileView extends RegisterProfile {
  version: number;
  /** CII operator as taken from the systems (any system marked CII), before the override. */
  ciiOperatorFromSystems?: boolean;
  /** The value the engines use. */
  ciiOperatorEffective?: boolean;
}

/** One category of the sensitive-information classifier (GET /catalog/pi-categories). */
export interface PiCategoryDto {
  code: string;
  nameZh: string;
  nameEn: string;
  sensitive: boolean;
  /** PIPL Art. 28 class (biometric, religious_belief, …) when sensitive. */
  piplClass?: string | null;
  piplClassZh?: string | null;
  piplClassEn?: string | null;
  group?: string | null;
  groupZh?: string | null;
  groupEn?: string | null;
  noteZh?: string | null;
  noteEn?: string | null;
  examplesZh?: string | null;
  /** GB/T 35273-2020 Annex B lists it as 个人敏感信息 (a recommended standard: advice). */
  gbt35273Sensitive?: boolean;
  citations: CitationDto[];
}

/** Why an activity is sensitive and whether it needs a PIPIA (GET …/classification). */
export interface ActivityClassificationDto {
  activityId: string;
  code: string;
  name: string;
  sensitive: boolean;
  piplClasses: {
    class: string;
    labelZh: string;
    labelEn: string;
    categories: string[];
    citation: CitationDto;
  }[];
  gbt35273Only: string[];
  minorsUnder14: boolean;
  unknownCategories: string[];
  reasonsZh: string[];
  reasonsEn: string[];
  citations: CitationDto[];
  pipiaRequired: boolean;
  triggers: unknown[];
}

export type CrossBorderPathCode =
  'security_assessment' | 'standard_contract_or_certification' | 'exempt' | 'art38_mechanism';

export interface TransferPathDto {
  transferId: string;
  path: CrossBorderPathCode;
  exemption: string | null;
  decidedBy: CitationDto[];
  explanationZh: string;
  explanationEn: string;
  mechanismSatisfies: boolean;
  activityId?: string;
  activityCode?: string;
  activityName?: string;
  transferKey?: string;
  recipientName?: string;
  country?: string;
  individuals?: number;
  sensitiveIndividuals?: number;
}

export interface CrossBorderRegimeDto {
  id: string;
  titleZh: string;
  titleEn: string;
  inForceFrom: string;
  inForceTo: string | null;
  citations: CitationDto[];
}

export interface CrossBorderCountsDto {
  countedFrom: string;
  countedTo: string;
  individuals: number;
  sensitiveIndividuals: number;
  exemptBatches: number;
}

export interface PathsDto {
  asOf: string;
  regime: CrossBorderRegimeDto;
  counts: CrossBorderCountsDto;
  paths: TransferPathDto[];
}

export interface PenaltyDto {
  id: string;
  labelZh?: string;
  labelEn?: string;
  titleZh?: string;
  titleEn?: string;
  fineZh?: string;
  fineEn?: string;
  minFine?: number | null;
  maxFine?: number | null;
  citations?: CitationDto[];
}

/** A free-trade zone's data-export negative list (GET /catalog/ftz-negative-lists). */
export interface FtzListDto {
  readonly id: string;
  readonly zoneZh: string;
  readonly zoneEn: string;
  readonly publishedOn: string;
  readonly effectiveFrom: string;
}

/** Sanctions on the organisation in one tier of a penalty provision (GET /catalog/penalties). */
export interface OrganisationSanctionDto {
  warning: boolean;
  confiscation: boolean;
  fineMinCny: number | null;
  fineMaxCny: number | null;
  fineOptional: boolean;
  turnoverPercentMax: number | null;
  otherMeasuresZh?: string;
  otherMeasuresEn?: string;
}

/** A penalty provision of the catalog (罚则): the article, who imposes it, both tiers. */
export interface PenaltyCatalogEntryDto {
  id: string;
  instrumentId: string;
  provisionId: string;
  paragraph: number | null;
  titleZh: string;
  titleEn: string;
  inForceFrom: string;
  inForceTo: string | null;
  authorityZh: string;
  authorityEn: string;
  triggerZh: string;
  triggerEn: string;
  organisation: OrganisationSanctionDto;
  escalated: {
    conditionZh: string;
    conditionEn: string;
    organisation: OrganisationSanctionDto;
  } | null;
}

export interface PrivacyDutyDto {
  key?: string;
  ruleId: string;
  subject: { kind: 'organisation' | 'activity' | 'transfer' | 'pipia'; id: string; name: string };
  titleZh: string;
  titleEn: string;
  reasonZh: string;
  reasonEn: string;
  citations: CitationDto[];
  dueDate: string | null;
  state: string;
  effectiveState?: string;
  provenance: 'confirmed' | 'derived' | 'unverified';
  penaltyIds?: string[];
  penalties?: PenaltyDto[];
}

export interface DutiesDto {
  asOf: string;
  duties: PrivacyDutyDto[];
}

export type RegisterFileFormat = 'yaml' | 'json';

const base = (orgId: string) => `${org(orgId)}/privacy`;
const activity = (orgId: string, activityId: string) =>
  `${base(orgId)}/activities/${encodeURIComponent(activityId)}`;

/** Downloads are plain links (the session cookie authenticates). */
export const privacyFileUrl = (orgId: string, format: RegisterFileFormat) =>
  `/api${base(orgId)}/file?format=${format}`;
export const privacyWorkbookUrl = (orgId: string) => `/api${base(orgId)}/workbook.xlsx`;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A citation as the UI shows it. The engines' answers may carry bare knowledge-base references
 * ({instrumentId, provisionId}) where other routes send labelled ones; those are shown by their
 * ids rather than dropped.
 */
export function asCitation(c: Partial<CitationDto> & { instrumentId: string }): CitationDto {
  if (c.labelZh && c.labelEn) return c as CitationDto;
  const id = [c.instrumentId, c.provisionId].filter(Boolean).join(' · ');
  return { ...c, provisionId: c.provisionId ?? null, labelZh: id, labelEn: id };
}
type RawCitations = readonly (Partial<CitationDto> & { instrumentId: string })[] | undefined;
export const asCitations = (list: RawCitations): CitationDto[] => (list ?? []).map(asCitation);

/** Lists may come bare or as `{ items }`. */
const items = <T>(answer: T[] | { items: T[] } | { activities: T[] } | { batches: T[] }): T[] =>
  Array.isArray(answer)
    ? answer
    : 'items' in answer
      ? answer.items
      : 'activities' in answer
        ? answer.activities
        : answer.batches;

/** Duties may come as `{ duties }`, `{ obligations }` or bare. */
const duties = (answer: unknown, asOf: string): DutiesDto => {
  const a = (Array.isArray(answer) ? { duties: answer } : answer) as Partial<DutiesDto> & {
    obligations?: PrivacyDutyDto[];
  };
  return {
    asOf: a.asOf ?? asOf,
    duties: (a.duties ?? a.obligations ?? []).map((d) => ({
      ...d,
      citations: asCitations(d.citations),
      penalties: d.penalties?.map((p) => ({ ...p, citations: asCitations(p.citations) })),
    })),
  };
};

/** A category of the catalog, whichever names its answer uses (labelZh or nameZh). */
const category = (
  c: Partial<PiCategoryDto> & {
    code: string;
    labelZh?: string;
    labelEn?: string;
    note?: { zh: string; en: string } | null;
  },
): PiCategoryDto => ({
  ...c,
  code: c.code,
  noteZh: c.noteZh ?? c.note?.zh ?? null,
  noteEn: c.noteEn ?? c.note?.en ?? null,
  nameZh: c.nameZh ?? c.labelZh ?? c.code,
  nameEn: c.nameEn ?? c.labelEn ?? c.code,
  sensitive: c.sensitive ?? (c.piplClass !== null && c.piplClass !== undefined),
  citations: asCitations(c.citations),
});

export const privacyApi = {
  profile: (orgId: string) => request<RegisterProfileView>('GET', `${base(orgId)}/profile`),
  putProfile: (orgId: string, body: RegisterProfileBody) =>
    request<RegisterProfileView>('PUT', `${base(orgId)}/profile`, body),

  listActivities: async (orgId: string) =>
    items(
      await request<ActivityView[] | { items: ActivityView[] }>('GET', `${base(orgId)}/activities`),
    ),
  getActivity: (orgId: string, id: string) => request<ActivityView>('GET', activity(orgId, id)),
  createActivity: (orgId: string, body: ActivityBody) =>
    request<ActivityView>('POST', `${base(orgId)}/activities`, body),
  patchActivity: (orgId: string, id: string, patch: ActivityPatchBody) =>
    request<ActivityView>('PATCH', activity(orgId, id), patch),
  deleteActivity: (orgId: string, id: string) => request<null>('DELETE', activity(orgId, id)),
  classification: (orgId: string, id: string) =>
    request<ActivityClassificationDto>('GET', `${activity(orgId, id)}/classification`),

  listBatches: async (orgId: string, id: string) =>
    items(
      await request<TransferBatchView[] | { items: TransferBatchView[] }>(
        'GET',
        `${activity(orgId, id)}/batches`,
      ),
    ),
  createBatch: (orgId: string, id: string, body: TransferBatchBody) =>
    request<TransferBatchView>('POST', `${activity(orgId, id)}/batches`, body),
  deleteBatch: (orgId: string, batchId: string) =>
    request<null>('DELETE', `${base(orgId)}/batches/${encodeURIComponent(batchId)}`),

  paths: async (orgId: string, asOf: string): Promise<PathsDto> => {
    const d = await request<PathsDto>(
      'GET',
      `${base(orgId)}/paths?asOf=${encodeURIComponent(asOf)}`,
    );
    return {
      ...d,
      regime: { ...d.regime, citations: asCitations(d.regime.citations) },
      paths: d.paths.map((p) => ({ ...p, decidedBy: asCitations(p.decidedBy) })),
    };
  },
  duties: async (orgId: string, asOf: string) =>
    duties(
      await request<unknown>('GET', `${base(orgId)}/duties?asOf=${encodeURIComponent(asOf)}`),
      asOf,
    ),

  importWorkbook: (orgId: string, file: Blob, dryRun: boolean) =>
    request<PrivacyImportResult>(
      'POST',
      `${base(orgId)}/workbook.xlsx${dryRun ? '?dryRun=true' : ''}`,
      new RawBody(file, XLSX_TYPE),
    ),
  importFile: (orgId: string, file: Blob, dryRun: boolean) =>
    request<PrivacyImportResult>(
      'POST',
      `${base(orgId)}/file${dryRun ? '?dryRun=true' : ''}`,
      new RawBody(file, file.type || 'application/yaml'),
    ),

  pipias: async (orgId: string) =>
    items(
      await request<PipiaStatusDto[] | { items: PipiaStatusDto[] }>('GET', `${base(orgId)}/pipias`),
    ),

  /** Free-trade-zone negative lists a register profile may name (2024 Provisions Art. 6). */
  ftzLists: async () =>
    items(await request<{ items: FtzListDto[] }>('GET', '/catalog/ftz-negative-lists')),

  penalties: async () =>
    items(
      await request<PenaltyCatalogEntryDto[] | { items: PenaltyCatalogEntryDto[] }>(
        'GET',
        '/catalog/penalties',
      ),
    ),

  categories: async () => {
    const answer = await request<
      PiCategoryDto[] | { items: PiCategoryDto[] } | { categories: PiCategoryDto[] }
    >('GET', '/catalog/pi-categories');
    const list = Array.isArray(answer)
      ? answer
      : 'categories' in answer
        ? answer.categories
        : answer.items;
    return list.map(category);
  },
};
