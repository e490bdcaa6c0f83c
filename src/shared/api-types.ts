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
