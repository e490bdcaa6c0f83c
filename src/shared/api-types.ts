/**
 * Response shapes of the HTTP API (what the server's presenters return). The web UI imports
 * these types; the server's response schemas are checked against them.
 */
import type { OrganisationFilingProfile, SystemFilingProfile } from './filing-profile';
import type { HarmDegree, HarmedObject, ProtectionLevel, SystemType } from './mlps';
import type { GradingNarrative } from './schemas';
import type { BudgetLine, MeasureKind, Product } from './rectification-plan-schemas';

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
  /** A stored encrypted value failed its check (altered, or moved from another row): 500. */
  | 'DATA_INTEGRITY'
  | 'INTERNAL';

/** Values of a message's placeholders (src/shared/vocabulary). */
export type MessageParams = Record<string, string | number>;

/**
 * One problem: `message` in English, `messageZh` in Chinese; `code` (with `params`) is its
 * vocabulary code (src/shared/vocabulary), `zod.<issue>` for zod's built-in checks, absent when
 * the message is not keyed yet.
 */
export interface ApiErrorDetail {
  path: string;
  message: string;
  messageZh?: string;
  code?: string;
  params?: MessageParams;
}

export interface ApiError {
  code: ErrorCode;
  /** In English; `messageZh` in Chinese, `messageCode` + `params` its vocabulary code. */
  message: string;
  messageZh?: string;
  messageCode?: string;
  params?: MessageParams;
  details: ApiErrorDetail[];
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
  /** 表一 of the filing form beyond the fields above (null: not entered yet). */
  filingProfile: OrganisationFilingProfile | null;
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
  /**
   * The full public reference: title, document number, date and provision, e.g.
   * 《中华人民共和国网络安全法》（中华人民共和国主席令第五十三号，2016-11-07公布）第二十一条.
   */
  referenceZh?: string;
  referenceEn?: string;
  /** The instrument on an official *.gov.cn site; null where none was found. */
  url?: string | null;
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
  /** The words of the 定级报告 (descriptions, harm arguments, sector-guide answers); null on older gradings. */
  narrative?: GradingNarrative | null;
  createdAt: string;
}

/** One sector grading guide (src/catalogs/sector-grading/) as the wizard and reports show it. */
export interface SectorGuideDto {
  id: string;
  sector: { code: string; zh: string; en: string };
  questionZh: string;
  questionEn: string;
  recommendedMinimum: ProtectionLevel;
  ruleZh: string;
  ruleEn: string;
  sources: {
    id: string;
    /** e.g. 《卫生行业信息安全等级保护工作的指导意见》（卫办发〔2011〕85号，卫生部，2011-11-29） */
    labelZh: string;
    labelEn: string;
    provisionZh: string | null;
    provisionEn: string | null;
    url: string | null;
    note: string;
    /** `rule`: the floor's source; `related`: a companion instrument on grading in the sector. */
    relation: 'rule' | 'related';
  }[];
  effectiveFrom: string;
  effectiveTo: string | null;
  status: 'confirmed' | 'unverified';
}

/** The sector guides bearing on a system, the user's answers and the recommended minimum. */
export interface SectorGuidanceDto {
  /** How the guides were picked: the organisation's 行业类别 code, its sector name, or all. */
  matchedBy: 'code' | 'name' | 'all';
  guides: { guide: SectorGuideDto; applies: boolean | null; meets: boolean | null }[];
  recommendedMinimum: ProtectionLevel | null;
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
  /** 表二 of the filing form beyond the fields above (null: not entered yet). */
  filingProfile: SystemFilingProfile | null;
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
  /** Sector grading guidance for this system (answers from the current grading). */
  sectorGuidance?: SectorGuidanceDto;
  /** Scans and diagrams attached to the system and its records, oldest first. */
  attachments: RecordAttachmentDto[];
}

/**
 * A scan (PDF/JPEG/PNG) attached to a record of a system (专家评审意见, 主管部门核准, 备案证明,
 * 测评报告) or to the system itself (网络拓扑图); stored SM4-encrypted with its SM3 digest.
 */
export interface RecordAttachmentDto {
  id: string;
  recordKind: 'review' | 'filing' | 'event' | 'system';
  /** The review, filing or event id; the system id when recordKind is 'system'. */
  recordId: string;
  purpose:
    | 'expert_review_opinion'
    | 'competent_approval'
    | 'filing_certificate'
    | 'assessment_report'
    | 'topology'
    | 'security_policies'
    | 'security_design'
    | 'product_list'
    | 'other';
  fileName: string;
  mediaType: string;
  size: number;
  sm3: string;
  createdAt: string;
  createdBy: string | null;
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

/** GET …/cii/core-businesses/{id}/duties: the CII duties of a core business. */
export interface CiiDutiesDto {
  asOf: string;
  /** Whether the business carries a designation date (认定); duties apply only then. */
  designated: boolean;
  /** The recorded boundary the systems below come from (null: none recorded yet). */
  determinedAt: string | null;
  obligations: ObligationDto[];
  missingFacts: { systemId: string; fact: string; ruleId: string }[];
  /** MLPS systems inside the recorded boundary, with the CII-below-level-3 warning. */
  systems: {
    systemId: string;
    name: string;
    level: number | null;
    warnings: GradingWarningDto[];
  }[];
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
  /** Human version of the catalog data and its changelog (newest first). */
  version?: string;
  changelog?: { version: string; date: string; changes: string }[];
  /** Content hash of the catalog data, the one assessments record as catalogHash. */
  sourceHash?: string;
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

// --- Level assessments (等级测评) ------------------------------------------------------------

export type ItemResultCode = 'compliant' | 'partial' | 'non_compliant' | 'not_applicable';
export type RiskLevelCode = 'high' | 'medium' | 'low';
export type RectificationStatusCode =
  'open' | 'in_progress' | 'fixed' | 'verified' | 'risk_accepted';

export interface TestObjectAttributesDto {
  ipAddresses: string[];
  os: string | null;
  version: string | null;
  model: string | null;
  vendor: string | null;
  location: string | null;
  role: string | null;
  importance: 'key' | 'important' | 'general' | null;
  dataClass: 'business' | 'personal' | 'authentication' | 'other' | null;
}

export interface TestObjectDto {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  attributes: TestObjectAttributesDto;
  /** The object's own control points; null = its kind's default set. */
  controlPoints: string[] | null;
  /** Baseline requirements this object answers (its workbook rows). */
  requirementCount: number;
  position: number;
  version: number;
}

export interface AssessmentSummaryDto {
  id: string;
  systemId: string;
  systemName: string;
  title: string;
  level: number;
  extensions: CatalogExtension[];
  cloudRole: 'provider' | 'tenant' | null;
  periodStart: string | null;
  periodEnd: string | null;
  agency: string | null;
  reportNumber: string | null;
  reportDate: string | null;
  team: string[];
  status: 'in_progress' | 'completed';
  /** SHA-256 of the catalog the baseline was fixed from. */
  catalogHash: string;
  /** The shipped catalog has changed since: the assessment keeps its fixed baseline. */
  catalogChanged: boolean;
  requirementCount: number;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AssessmentDto extends AssessmentSummaryDto {
  objects: TestObjectDto[];
  /** Control points no test object answers, by category (their items stay untested). */
  uncovered: { category: CatalogCategory; controlPointIds: string[] }[];
}

export interface WorkbookRowDto {
  requirementId: string;
  objectId: string;
  extension: CatalogExtension;
  category: CatalogCategory;
  controlPointId: string;
  controlPoint: BilingualDto;
  /** Clause at the assessment's level, e.g. `8.1.4.1 a)`. */
  clause: string;
  testId: string | null;
  weight: number | null;
  title: BilingualDto;
  /** The requirement as fixed in the baseline (our summary at this level). */
  text: BilingualDto;
  /** The standard's own wording where the organisation loaded it (标准原文); null otherwise. */
  standardText: string | null;
  result: ItemResultCode | null;
  record: string | null;
  reason: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  evidenceCount: number;
  /** 0 when nothing is recorded yet. */
  version: number;
  /**
   * The previous assessment's result and record for this item on the object of the same name
   * (when this assessment started from one); null otherwise.
   */
  previous?: { result: ItemResultCode; record: string | null } | null;
}

export interface WorkbookProgressDto {
  category: CatalogCategory;
  rows: number;
  answered: number;
  reviewed: number;
}

export interface WorkbookDto {
  assessment: AssessmentDto;
  rows: WorkbookRowDto[];
  progress: WorkbookProgressDto[];
}

/** A recorded result as `PUT …/results/{requirementId}/{objectId}` returns it. */
export interface ResultDto {
  requirementId: string;
  objectId: string;
  result: ItemResultCode;
  record: string | null;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
  version: number;
}

/** What an Excel import did (`POST …/import`). */
export interface ImportReportDto {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface EvidenceDto {
  id: string;
  requirementId: string;
  objectId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sm3: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface CaseObservationDto {
  caseId: string;
  symptoms: number[];
  mitigations: number[];
}

export interface FindingDto {
  requirementId: string;
  clause: string;
  category: CatalogCategory;
  extension: CatalogExtension;
  controlPoint: BilingualDto;
  title: BilingualDto;
  /** Worst over the objects. */
  result: 'partial' | 'non_compliant';
  /**
   * Every object answering the requirement with its own result (null = not answered yet);
   * `originalResult` is the recorded one where 整体测评 compensation adjusted `result`.
   */
  objects: {
    id: string;
    name: string;
    result: ItemResultCode | null;
    originalResult?: ItemResultCode;
  }[];
  /** Objects that are 不符合 or 部分符合. */
  failingObjectCount: number;
  suggested: { risk: RiskLevelCode; reason: BilingualDto; caseId: string | null };
  /** For a high risk: the 重大风险隐患 trigger its guide case corresponds to, to judge. */
  majorRiskTrigger: { id: string; title: BilingualDto } | null;
  /** Confirmed by the assessor; null until then. */
  risk: RiskLevelCode | null;
  /** `risk` if confirmed, else the suggestion. */
  effectiveRisk: RiskLevelCode;
  observations: CaseObservationDto[];
  description: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  highRiskCases: HighRiskCaseDto[];
  rectification: { id: string; status: RectificationStatusCode } | null;
  version: number;
}

export interface MajorRiskDto {
  id: string;
  triggerId: string;
  title: BilingualDto;
  note: string | null;
  rectified: boolean;
  rectifiedOn: string | null;
  version: number;
}

export interface RectificationDto {
  id: string;
  assessmentId: string;
  assessmentTitle: string;
  systemId: string;
  systemName: string;
  requirementId: string;
  clause: string;
  title: BilingualDto;
  risk: RiskLevelCode | null;
  owner: string | null;
  dueDate: string | null;
  plan: string | null;
  status: RectificationStatusCode;
  approver: string | null;
  acceptanceReason: string | null;
  retestResult: ItemResultCode | null;
  retestOn: string | null;
  retestBy: string | null;
  closedOn: string | null;
  overdue: boolean;
  /** 整改方案 (issue 15 part 6): 技术措施 / 管理措施, what will be done, schedule and costs. */
  measureKind: MeasureKind | null;
  measures: string | null;
  startDate: string | null;
  budgetLines: BudgetLine[];
  products: Product[];
  version: number;
  updatedAt: string;
}

export interface ScoreResultDto {
  policy: 'T2025' | 'T2021';
  params: Record<string, string | number | boolean>;
  value: number;
  conclusion:
    'compliant' | 'basically_compliant' | 'non_compliant' | 'excellent' | 'good' | 'fair' | 'poor';
  conclusionZh: string;
  reasons: BilingualDto[];
  counts: {
    items: number;
    applicable: number;
    compliant: number;
    partial: number;
    nonCompliant: number;
    notApplicable: number;
    unanswered: number;
    /** Items no test object answers (无适用测评对象). */
    untested: number;
  };
  risks: Record<RiskLevelCode, { total: number; open: number }>;
  majorRisks: { total: number; rectified: number };
  majorRiskLabel: string;
  onBoundary: boolean;
  provisional: boolean;
  /** e.g. "暂定：基本符合 73.53%（已测 34/211 项）" while items are open. */
  headline: BilingualDto;
  /** `value` is null where nothing in the category is applicable. */
  byCategory: { category: string; applicable: number; compliant: number; value: number | null }[];
}

export interface AssessmentScoreDto {
  assessmentId: string;
  reportDate: string;
  /** As assessed. */
  before: ScoreResultDto;
  /** With verified rectifications' re-test results applied and their problems closed. */
  after: ScoreResultDto;
}

export interface AssessmentDashboardDto {
  systems: {
    systemId: string;
    systemName: string;
    level: number | null;
    latest: {
      assessmentId: string;
      title: string;
      reportDate: string | null;
      score: ScoreResultDto;
      scoreAfter: ScoreResultDto;
    } | null;
    nextAssessmentDue: string | null;
    rectification: Record<RectificationStatusCode, number> & { overdue: number };
  }[];
  /** Open rectification items per week (for the burndown chart). */
  burndown: { date: string; open: number; closed: number }[];
  risks: Record<RiskLevelCode, { total: number; open: number }>;
}
