/**
 * Response shapes of the HTTP API (what the server's presenters return). The web UI imports
 * these types; the server's response schemas are checked against them.
 */
import type { HarmDegree, HarmedObject, ProtectionLevel, SystemType } from './mlps';

/** Stable error codes of the API (the server's error catalogue in src/errors.ts uses these). */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'CONFLICT'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'ACCOUNT_LOCKED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'CSRF_FAILED'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** `messageZh` is the same message in Chinese (for zh-CN clients). */
  details: { path: string; message: string; messageZh?: string }[];
  /** For VERSION_CONFLICT: the version now stored. */
  currentVersion?: number;
  /** For ACCOUNT_LOCKED: until when (ISO instant). */
  lockedUntil?: string;
  /** For RATE_LIMITED: seconds to wait. */
  retryAfterSeconds?: number;
}

export interface OrganisationDto {
  id: string;
  name: string;
  nameEn: string | null;
  creditCode: string | null;
  region: string | null;
  sector: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** The caller's role in this organisation (absent for lists outside a membership). */
  role?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CitationDto {
  instrumentId: string;
  provisionId: string | null;
  /** e.g. 《中华人民共和国网络安全法》第二十一条 */
  labelZh: string;
  labelEn: string;
}

export interface MatrixCellDto {
  object: HarmedObject;
  degree: HarmDegree;
  level: ProtectionLevel;
}

export interface DimensionResultDto {
  dimension: 'business_information' | 'system_service';
  level: ProtectionLevel;
  cells: MatrixCellDto[];
  decisiveCells: MatrixCellDto[];
}

export interface GradingWarningDto {
  code: string;
  expectedAtLeast: ProtectionLevel;
  messageZh: string;
  messageEn: string;
  citations: CitationDto[];
  provenance: 'confirmed' | 'derived' | 'unverified';
}

export interface GradingResultDto {
  businessInformation: DimensionResultDto;
  systemService: DimensionResultDto;
  level: ProtectionLevel;
  decisiveDimensions: ('business_information' | 'system_service')[];
  citations: CitationDto[];
  /** The whole GB/T 22240-2020 table the result was read from, for display. */
  matrix: Record<HarmedObject, Record<HarmDegree, ProtectionLevel>>;
}

export interface GradingRecordDto {
  id: string;
  systemId: string;
  level: ProtectionLevel;
  previousLevel: ProtectionLevel | null;
  gradedOn: string;
  reason: string;
  /** Who recorded the grading (user name, `token:<name>` or `cli`). */
  recordedBy: string | null;
  result: GradingResultDto;
  createdAt: string;
}

export interface ReviewDto {
  id: string;
  kind: 'expert_review' | 'competent_approval';
  reviewedOn: string;
  reviewer: string;
  opinion: string | null;
  agreedLevel: ProtectionLevel;
  createdAt: string;
}

export interface FilingDto {
  id: string;
  filedOn: string;
  bureau: string;
  certificateNumber: string | null;
  level: ProtectionLevel;
  createdAt: string;
}

export interface EventDto {
  id: string;
  kind: 'mlps_assessment' | 'crypto_assessment' | 'cii_risk_assessment';
  completedOn: string;
  agency: string | null;
  reportNumber: string | null;
  createdAt: string;
}

export interface SystemSummaryDto {
  id: string;
  organisationId: string;
  name: string;
  types: SystemType[];
  level: ProtectionLevel | null;
  gradedOn: string | null;
  goLiveOn: string | null;
  isCii: boolean | null;
  filedOn: string | null;
  certificateNumber: string | null;
  version: number;
  updatedAt: string;
}

export interface SystemDto extends SystemSummaryDto {
  description: string | null;
  ciiDesignatedOn: string | null;
  isNationalEgov: boolean | null;
  hasCompetentAuthority: boolean | null;
  competentAuthority: string | null;
  responsibleDepartment: string | null;
  hostSystemId: string | null;
  ciiSecurityOrganisationOn: string | null;
  createdAt: string;
}

export interface SystemDetailDto {
  system: SystemDto;
  grading: GradingRecordDto | null;
  gradingHistory: GradingRecordDto[];
  reviews: ReviewDto[];
  filings: FilingDto[];
  events: EventDto[];
  warnings: GradingWarningDto[];
}

export interface ObligationDto {
  key: string;
  ruleId: string;
  systemId: string;
  systemName: string;
  titleZh: string;
  titleEn: string;
  reasonZh: string;
  reasonEn: string;
  citations: CitationDto[];
  dueDate: string | null;
  windowOpensOn: string | null;
  recurrenceMonths: number | null;
  eventDeadline: string | null;
  /** The engine's state; a manual status (done / not applicable) overrides it in `effectiveState`. */
  state: 'satisfied' | 'open' | 'overdue' | 'due_soon' | 'upcoming' | 'standing' | 'undetermined';
  manualStatus: {
    status: 'done' | 'not_applicable';
    note: string | null;
    updatedAt: string;
  } | null;
  effectiveState:
    | 'satisfied'
    | 'open'
    | 'overdue'
    | 'due_soon'
    | 'upcoming'
    | 'standing'
    | 'undetermined'
    | 'done'
    | 'not_applicable';
  provenance: 'confirmed' | 'derived' | 'unverified';
}

export interface ObligationsDto {
  asOf: string;
  items: ObligationDto[];
  missingFacts: { systemId: string; systemName: string; fact: string; ruleId: string }[];
}

export interface ListDto<T> {
  items: T[];
  total: number;
}

// --- GB/T 22239-2019 catalog ---------------------------------------------------------------

export type CatalogExtension = 'general' | 'cloud' | 'mobile' | 'iot' | 'ics' | 'big_data';
export type CatalogCategory =
  'PES' | 'CNS' | 'ABS' | 'CES' | 'SMC' | 'PSS' | 'ORS' | 'HRS' | 'CMS' | 'MMS';

export interface BilingualDto {
  zh: string;
  en: string;
}

export interface ProvenanceDto {
  status: 'confirmed' | 'derived' | 'unverified';
  sources: { key: string; description: BilingualDto }[];
  note: BilingualDto | null;
}

/** A requirement as it applies at one level (list rows, baselines). */
export interface CatalogItemDto {
  id: string;
  controlPointId: string;
  controlPointTitle: BilingualDto;
  extension: CatalogExtension;
  category: CatalogCategory;
  kind: 'technical' | 'management';
  level: 1 | 2 | 3 | 4;
  /** Control-point clause at this level plus item letter, e.g. `8.1.4.1 a)`. */
  clause: string;
  item: string;
  testId: string | null;
  weight: { value: number; source: string } | null;
  title: BilingualDto;
  /** The wording for this level (the level's own wording where it differs). */
  summary: BilingualDto;
  methods: ('interview' | 'inspect' | 'test')[];
  responsibility: 'provider' | 'tenant' | 'both' | null;
  provenanceStatus: 'confirmed' | 'derived' | 'unverified';
  highRiskCaseIds: string[];
  majorRiskTriggerIds: string[];
  alsoSatisfies: { catalog: string; controlId: string; relation: string; coverage: string }[];
}

export interface HighRiskCaseDto {
  id: string;
  extension: CatalogExtension;
  title: BilingualDto;
  requirementIds: string[];
  minLevel: number;
  conditions: string[];
  symptoms: BilingualDto[];
  mitigations: BilingualDto[];
  provenance: ProvenanceDto;
}

export interface MajorRiskTriggerDto {
  id: string;
  category: CatalogCategory | 'comprehensive';
  extension: CatalogExtension;
  title: BilingualDto;
  summary: BilingualDto;
  requirementIds: string[];
  highRiskCaseIds: string[];
  provenance: ProvenanceDto;
}

export interface CatalogRequirementDetailDto {
  id: string;
  controlPoint: {
    id: string;
    title: BilingualDto;
    clauses: Partial<Record<'1' | '2' | '3' | '4', string>>;
  };
  extension: CatalogExtension;
  category: CatalogCategory;
  kind: 'technical' | 'management';
  title: BilingualDto;
  summary: BilingualDto;
  methods: ('interview' | 'inspect' | 'test')[];
  evidence: BilingualDto[];
  responsibility: 'provider' | 'tenant' | 'both' | null;
  levels: {
    level: 1 | 2 | 3 | 4;
    clause: string;
    item: string;
    testId: string | null;
    weight: { value: number; source: string } | null;
    wording: BilingualDto | null;
  }[];
  provenance: ProvenanceDto;
  highRiskCases: HighRiskCaseDto[];
  majorRiskTriggers: MajorRiskTriggerDto[];
  alsoSatisfies: {
    crosswalkId: string;
    catalog: string;
    controlId: string;
    controlTitle: BilingualDto;
    relation: string;
    coverage: string;
    note: BilingualDto | null;
  }[];
}

export interface CatalogGapDto {
  extension: CatalogExtension;
  level: number;
  status: 'unverified' | 'incomplete' | 'missing' | 'sourced';
  note: BilingualDto | null;
}

/** Item and control-point counts of one level × extension, by category. */
export interface CatalogCountDto {
  level: 1 | 2 | 3 | 4;
  extension: CatalogExtension;
  items: number;
  controlPoints: number;
  byCategory: Partial<Record<CatalogCategory, number>>;
}

export interface CatalogSummaryDto {
  standard: string;
  counts: CatalogCountDto[];
  highRiskCases: number;
  highRiskCasesByExtension: Partial<Record<CatalogExtension, number>>;
  majorRiskTriggers: number;
  majorRiskEffectiveFrom: string | null;
  crosswalks: {
    id: string;
    title: BilingualDto;
    catalog: string;
    mappings: number;
    provenance: ProvenanceDto;
  }[];
  provenance: Record<'confirmed' | 'derived' | 'unverified', number>;
  /** Coverage of every extension at every level. */
  coverage: CatalogGapDto[];
}

export interface BaselineDto {
  level: number;
  requirementsLevel: number;
  extensions: CatalogExtension[];
  cloudRole: 'provider' | 'tenant' | null;
  note: BilingualDto | null;
  /** Parts the catalog does not fully source at this level: show them, never hide them. */
  gaps: CatalogGapDto[];
  counts: {
    items: number;
    controlPoints: number;
    byKind: { technical: number; management: number };
    byExtension: Partial<Record<CatalogExtension, number>>;
    byCategory: Partial<Record<CatalogCategory, number>>;
  };
  items: CatalogItemDto[];
  /** Set for a system's baseline. */
  system?: { id: string; name: string; types: SystemType[] };
}
