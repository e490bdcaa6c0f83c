import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Dates are ISO strings (YYYY-MM-DD) and timestamps ISO instants, stored as text in
 * both dialects so SQLite and PostgreSQL return the same values. Booleans are 0/1 integers for the
 * same reason; JSON is text.
 */
export interface OrganisationsTable {
  id: string;
  name: string;
  name_en: string | null;
  credit_code: string | null;
  region: string | null;
  sector: string | null;
  contact_name: string | null;
  /** SM4-encrypted contact phone (see src/security/field-crypto.ts). */
  contact_phone_enc: string | null;
  /** SM4-encrypted JSON of the filing form's 表一 answers (OrganisationFilingProfile). */
  filing_profile_enc: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SystemsTable {
  id: string;
  organisation_id: string;
  name: string;
  description: string | null;
  /** JSON array of SystemType */
  types: string;
  go_live_on: string | null;
  is_cii: number | null;
  cii_designated_on: string | null;
  is_national_egov: number | null;
  has_competent_authority: number | null;
  competent_authority: string | null;
  responsible_department: string | null;
  host_system_id: string | null;
  cii_security_organisation_on: string | null;
  /** SM4-encrypted JSON of the filing form's 表二 answers (SystemFilingProfile). */
  filing_profile_enc: string | null;
  /** Current level, kept in step with the latest grading. */
  level: number | null;
  graded_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GradingsTable {
  id: string;
  organisation_id: string;
  system_id: string;
  level: number;
  previous_level: number | null;
  graded_on: string;
  reason: string;
  /** JSON GradingInput */
  input: string;
  /** JSON GradingResult */
  result: string;
  /** Who recorded it: a user name, `token:<name>` or `cli`. */
  recorded_by: string | null;
  /** SM4-encrypted JSON GradingNarrative (descriptions, harm arguments, sector answers), or null. */
  narrative: string | null;
  created_at: string;
}

export interface ReviewsTable {
  id: string;
  organisation_id: string;
  system_id: string;
  kind: string;
  reviewed_on: string;
  reviewer: string;
  opinion: string | null;
  agreed_level: number;
  created_at: string;
}

export interface FilingsTable {
  id: string;
  organisation_id: string;
  system_id: string;
  filed_on: string;
  bureau: string;
  certificate_number: string | null;
  level: number;
  created_at: string;
}

export interface SystemEventsTable {
  id: string;
  organisation_id: string;
  system_id: string;
  kind: string;
  completed_on: string;
  agency: string | null;
  report_number: string | null;
  created_at: string;
}

export interface ObligationStatusesTable {
  organisation_id: string;
  obligation_key: string;
  system_id: string;
  status: string;
  note: string | null;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  is_platform_admin: number;
  failed_sign_ins: number;
  locked_until: string | null;
  disabled: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SM3 hash of the session cookie value; the value itself is never stored. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  source_ip: string | null;
}

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  role: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SystemAssignmentsTable {
  organisation_id: string;
  user_id: string;
  system_id: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  organisation_id: string;
  name: string;
  role: string;
  /** SM3 hash of the token secret; the secret is shown once at creation. */
  secret_hash: string;
  created_by: string | null;
  /** 'user' (checked against its creator on every use) or 'cli' (made with the CLI). */
  issued_by: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Failed sign-ins per (user name, source address); see migrations/2026-12-07a-access.ts. */
/** Bumped by database triggers on every change to an organisation's systems or filings. */
export interface OrganisationRevisionsTable {
  organisation_id: string;
  /** bigint: PostgreSQL returns it as a string, SQLite as a number. */
  revision: number | string;
}

/** A fixed rate-limit window per route and client, shared by every server process. */
export interface RateLimitWindowsTable {
  key: string;
  /** bigint: PostgreSQL returns it as a string, SQLite as a number. */
  window_start_ms: number | string;
  hits: number;
}

export interface SignInThrottlesTable {
  name_key: string;
  source: string;
  failures: number;
  total_failures: number;
  blocks: number;
  blocked_until: string | null;
  last_failure_at: string;
}

export interface AuditEntriesTable {
  id: string;
  organisation_id: string;
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_token_id: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON: { field: { before, after } } of the changed fields. */
  changes: string;
  request_id: string | null;
  source_ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AssessmentsTable {
  id: string;
  organisation_id: string;
  system_id: string;
  title: string;
  level: number;
  /** JSON array of extensions. */
  extensions: string;
  cloud_role: string | null;
  period_start: string | null;
  period_end: string | null;
  agency: string | null;
  report_number: string | null;
  report_date: string | null;
  /** JSON array of usernames. */
  team: string;
  /** SHA-256 of the catalog sources the baseline was fixed from. */
  catalog_hash: string;
  /** JSON: the baseline fixed at creation (see FixedBaselineItem). */
  baseline: string;
  status: string;
  version: number;
  /** Bumped by every change to the assessment or its objects, results and evidence. */
  revision: number;
  /** The assessment this one started from (objects copied, last results shown); null if none. */
  previous_assessment_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface TestObjectsTable {
  id: string;
  assessment_id: string;
  organisation_id: string;
  name: string;
  kind: string;
  description: string | null;
  /** JSON of TestObjectAttributes (missing fields = null). */
  attributes: Generated<string>;
  /** JSON array of control point ids; null = the kind's default requirement set. */
  control_points: string | null;
  position: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AssessmentResultsTable {
  assessment_id: string;
  requirement_id: string;
  object_id: string;
  organisation_id: string;
  result: string;
  record_enc: string | null;
  reason_enc: string | null;
  recorded_by: string;
  recorded_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  version: number;
}

export interface AssessmentEvidenceTable {
  id: string;
  assessment_id: string;
  organisation_id: string;
  requirement_id: string;
  object_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sm3: string;
  content_enc: string;
  uploaded_by: string;
  uploaded_at: string;
}

/** A scan or diagram attached to a record of a system (or to the system: record_kind 'system'). */
export interface RecordAttachmentsTable {
  id: string;
  organisation_id: string;
  system_id: string;
  /** 'review' | 'filing' | 'event' | 'system' */
  record_kind: string;
  /** The review, filing or event id; the system id for 'system'. */
  record_id: string;
  purpose: string;
  file_name: string;
  media_type: string;
  size: number;
  sm3: string;
  /** SM4-encrypted base64 of the file (see src/security/field-crypto.ts). */
  content_enc: string;
  created_at: string;
  created_by: string | null;
}

export interface FindingNotesTable {
  assessment_id: string;
  requirement_id: string;
  organisation_id: string;
  risk: string | null;
  /** JSON: CaseObservation[] */
  observations: string;
  description_enc: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  version: number;
  updated_at: string;
}

export interface MajorRisksTable {
  id: string;
  assessment_id: string;
  organisation_id: string;
  trigger_id: string;
  note_enc: string | null;
  rectified: number;
  rectified_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RectificationItemsTable {
  id: string;
  assessment_id: string;
  organisation_id: string;
  system_id: string;
  requirement_id: string;
  owner: string | null;
  due_date: string | null;
  plan_enc: string | null;
  status: string;
  approver: string | null;
  acceptance_reason: string | null;
  retest_result: string | null;
  retest_on: string | null;
  retest_by: string | null;
  closed_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  /** 'technical' | 'management' | null (migration 2026-12-09d). */
  measure_kind: string | null;
  /** What will be done, SM4 field-encrypted. */
  measures_enc: string | null;
  start_date: string | null;
  /** JSON array of budget lines (src/shared/rectification-plan-schemas.ts). */
  budget_lines: Generated<string>;
  /** JSON array of products to procure. */
  products: Generated<string>;
}

/** The rectification plan's overall text, one per assessment (migration 2026-12-09d). */
export interface RectificationPlansTable {
  assessment_id: string;
  organisation_id: string;
  objectives: string | null;
  principles: string | null;
  budget_note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CiiCoreBusinessesTable {
  id: string;
  organisation_id: string;
  name: string;
  sector: string;
  designating_authority: string | null;
  designation_notice: string | null;
  designated_on: string | null;
  description: string | null;
  /** JSON array of {name, description}. */
  chain_steps: string;
  /** JSON array of {name, description, important}. */
  info_categories: string;
  /** JSON BoundaryRules.follow, null = default rules. */
  boundary_follow: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CiiAssetsTable {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  kind: string;
  party: string | null;
  system_id: string | null;
  description: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CiiDependenciesTable {
  id: string;
  organisation_id: string;
  from_asset_id: string;
  to_asset_id: string;
  kind: string;
  note: string | null;
  created_at: string;
}

export interface CiiFlowsTable {
  id: string;
  organisation_id: string;
  core_business_id: string;
  name: string;
  info_category: string | null;
  description: string | null;
  /** JSON array of {assetId, stage, note}. */
  hops: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CiiDeterminationsTable {
  id: string;
  organisation_id: string;
  core_business_id: string;
  sequence: number;
  determined_at: string;
  determined_by: string;
  note: string | null;
  rules_id: string;
  inside: string;
  boundary_points: string;
  added: string;
  removed: string;
}

/** The standard's own wording an organisation loaded (level 0 = every level). */
export interface OrganisationRequirementWordingTable {
  organisation_id: string;
  requirement_id: string;
  level: number;
  text: string;
  /** 'licensed_copy' | 'workbook' */
  source: string;
  source_name: string | null;
  updated_by: string;
  updated_at: string;
}

/** An imported vulnerability-scan or penetration-test file of an assessment. */
export interface VerificationImportsTable {
  id: string;
  assessment_id: string;
  organisation_id: string;
  file_name: string;
  /** greenbone | nessus | pentest */
  format: string;
  sm3: string;
  size: number;
  scanner: string | null;
  scanner_version: string | null;
  scan_date: string | null;
  host_count: number;
  finding_count: number;
  /** JSON: findings by severity. */
  counts: string;
  imported_by: string;
  imported_at: string;
}

/** One finding of an imported verification file, on a test object or unassigned. */
export interface VerificationFindingsTable {
  id: string;
  import_id: string;
  assessment_id: string;
  organisation_id: string;
  object_id: string | null;
  position: number;
  /** scan | pentest */
  source: string;
  host: string | null;
  hostname: string | null;
  port: number | null;
  protocol: string | null;
  service: string | null;
  name: string;
  /** JSON array of CVE ids. */
  cves: string;
  /** CVSS base score in tenths (98 = 9.8). */
  cvss_tenths: number | null;
  cvss_version: string | null;
  /** critical | high | medium | low | info */
  severity: string;
  exploitable: number | null;
  qod: number | null;
  plugin_id: string | null;
  description_enc: string | null;
  solution_enc: string | null;
}

/** 整体测评: a compensation judged by the assessor (migration 2026-12-08d). */
export interface AssessmentCompensationsTable {
  id: string;
  assessment_id: string;
  organisation_id: string;
  requirement_id: string;
  /** null = every failing object of the item. */
  object_id: string | null;
  /** item / control_point / layer. */
  scope: string;
  compensating_requirement_id: string;
  /** null = the compensating item on every object answering it. */
  compensating_object_id: string | null;
  adjusted_result: string;
  reason_enc: string;
  recorded_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** An organisation's wording of one document block in one language (migration 2026-12-09e). */
export interface DocumentOverridesTable {
  organisation_id: string;
  /** `<document>.<block>.<lang>`, e.g. `assessment.statement.zh`. */
  block_key: string;
  /** '' = the default (a reset keeps the row so the version only goes up). */
  text: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

/** The organisation's logo for document covers (PNG or JPEG, migration 2026-12-09e). */
export interface OrganisationLogosTable {
  organisation_id: string;
  media_type: string;
  content_base64: string;
  sm3: string;
  size: number;
  width: number;
  height: number;
  version: number;
  updated_by: string;
  updated_at: string;
}

/** Organisation-wide facts of the personal-information register (SM4 JSON of RegisterProfile). */
export interface PrivacyRegisterProfilesTable {
  organisation_id: string;
  data_enc: string;
  version: number;
  updated_at: string;
}

/** A processing activity; `data_enc` is SM4 JSON of ActivityInput without code and name. */
export interface PrivacyActivitiesTable {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  data_enc: string;
  retain_until: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DataSecurityProfilesTable {
  organisation_id: string;
  data_enc: string;
  version: number;
  updated_at: string;
}

export interface DataResourcesTable {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  grade: string;
  catalog_version: string;
  data_enc: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportantDataProvisionsTable {
  id: string;
  organisation_id: string;
  code: string;
  data_enc: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DataRiskAssessmentsTable {
  id: string;
  organisation_id: string;
  year: number;
  title: string;
  status: string;
  content_enc: string;
  snapshot_enc: string | null;
  completed_on: string | null;
  completed_by: string | null;
  reported_on: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DataRiskItemsTable {
  id: string;
  assessment_id: string;
  organisation_id: string;
  code: string;
  status: string;
  level: string;
  due_on: string | null;
  closed_on: string | null;
  content_enc: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SecurityIncidentsTable {
  id: string;
  organisation_id: string;
  code: string;
  title: string;
  found_at: string;
  grade: string | null;
  status: string;
  content_enc: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AppChecksTable {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  checked_on: string;
  content_enc: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PiAuditsTable {
  id: string;
  organisation_id: string;
  title: string;
  kind: string;
  status: string;
  planned_on: string;
  completed_on: string | null;
  content_enc: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PrivacyTransferBatchesTable {
  id: string;
  organisation_id: string;
  activity_id: string;
  transfer_key: string;
  transferred_on: string;
  individuals: number;
  sensitive_individuals: number;
  note: string | null;
  created_at: string;
}

export interface PrivacyPipiasTable {
  id: string;
  organisation_id: string;
  title: string;
  status: string;
  activity_ids: string;
  questionnaire_version: string;
  triggers: string;
  content_enc: string;
  overall_risk: string | null;
  reviews: string;
  submitted_at: string | null;
  approved_by: string | null;
  approved_on: string | null;
  retain_until: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  organisations: OrganisationsTable;
  systems: SystemsTable;
  gradings: GradingsTable;
  reviews: ReviewsTable;
  filings: FilingsTable;
  system_events: SystemEventsTable;
  obligation_statuses: ObligationStatusesTable;
  users: UsersTable;
  sessions: SessionsTable;
  memberships: MembershipsTable;
  system_assignments: SystemAssignmentsTable;
  api_tokens: ApiTokensTable;
  sign_in_throttles: SignInThrottlesTable;
  rate_limit_windows: RateLimitWindowsTable;
  organisation_revisions: OrganisationRevisionsTable;
  audit_entries: AuditEntriesTable;
  assessments: AssessmentsTable;
  test_objects: TestObjectsTable;
  assessment_results: AssessmentResultsTable;
  assessment_evidence: AssessmentEvidenceTable;
  finding_notes: FindingNotesTable;
  major_risks: MajorRisksTable;
  rectification_items: RectificationItemsTable;
  rectification_plans: RectificationPlansTable;
  cii_core_businesses: CiiCoreBusinessesTable;
  cii_assets: CiiAssetsTable;
  cii_dependencies: CiiDependenciesTable;
  cii_flows: CiiFlowsTable;
  cii_determinations: CiiDeterminationsTable;
  cii_evaluations: CiiEvaluationsTable;
  cii_evaluation_results: CiiEvaluationResultsTable;
  cii_evaluation_rectifications: CiiEvaluationRectificationsTable;
  organisation_requirement_wording: OrganisationRequirementWordingTable;
  verification_imports: VerificationImportsTable;
  verification_findings: VerificationFindingsTable;
  assessment_compensations: AssessmentCompensationsTable;
  record_attachments: RecordAttachmentsTable;
  document_overrides: DocumentOverridesTable;
  organisation_logos: OrganisationLogosTable;
  privacy_register_profiles: PrivacyRegisterProfilesTable;
  privacy_activities: PrivacyActivitiesTable;
  privacy_transfer_batches: PrivacyTransferBatchesTable;
  privacy_pipias: PrivacyPipiasTable;
  data_security_profiles: DataSecurityProfilesTable;
  data_resources: DataResourcesTable;
  important_data_provisions: ImportantDataProvisionsTable;
  data_risk_assessments: DataRiskAssessmentsTable;
  data_risk_items: DataRiskItemsTable;
  security_incidents: SecurityIncidentsTable;
  app_checks: AppChecksTable;
  pi_audits: PiAuditsTable;
}

export type AssessmentRow = Selectable<AssessmentsTable>;
export type TestObjectRow = Selectable<TestObjectsTable>;
export type AssessmentResultRow = Selectable<AssessmentResultsTable>;
export type AssessmentEvidenceRow = Selectable<AssessmentEvidenceTable>;
export type FindingNoteRow = Selectable<FindingNotesTable>;
export type MajorRiskRow = Selectable<MajorRisksTable>;
export type RectificationItemRow = Selectable<RectificationItemsTable>;
export type RectificationPlanRow = Selectable<RectificationPlansTable>;
export type RequirementWordingRow = Selectable<OrganisationRequirementWordingTable>;
export type VerificationImportRow = Selectable<VerificationImportsTable>;
export type VerificationFindingRow = Selectable<VerificationFindingsTable>;
export type CompensationRow = Selectable<AssessmentCompensationsTable>;
export type RecordAttachmentRow = Selectable<RecordAttachmentsTable>;
export type DocumentOverrideRow = Selectable<DocumentOverridesTable>;
export type OrganisationLogoRow = Selectable<OrganisationLogosTable>;
export type PrivacyActivityRow = Selectable<PrivacyActivitiesTable>;
export type PrivacyTransferBatchRow = Selectable<PrivacyTransferBatchesTable>;
export type PrivacyPipiaRow = Selectable<PrivacyPipiasTable>;

export type OrganisationRow = Selectable<OrganisationsTable>;
export type SystemRow = Selectable<SystemsTable>;
export type NewSystemRow = Insertable<SystemsTable>;
export type SystemRowUpdate = Updateable<SystemsTable>;
export type GradingRow = Selectable<GradingsTable>;
export type ReviewRow = Selectable<ReviewsTable>;
export type FilingRow = Selectable<FilingsTable>;
export type SystemEventRow = Selectable<SystemEventsTable>;
export type ObligationStatusRow = Selectable<ObligationStatusesTable>;
/** Kept for symmetry with kysely's ColumnType where a column differs on insert. */
export type Timestamp = ColumnType<string, string, string>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type SignInThrottleRow = Selectable<SignInThrottlesTable>;
export type AuditEntryRow = Selectable<AuditEntriesTable>;

export type CiiCoreBusinessRow = Selectable<CiiCoreBusinessesTable>;
export type CiiAssetRow = Selectable<CiiAssetsTable>;
export type CiiDependencyRow = Selectable<CiiDependenciesTable>;
export type CiiFlowRow = Selectable<CiiFlowsTable>;
export type NewCiiAssetRow = Insertable<CiiAssetsTable>;
export type NewCiiDependencyRow = Insertable<CiiDependenciesTable>;
export type NewCiiFlowRow = Insertable<CiiFlowsTable>;
export type CiiDeterminationRow = Selectable<CiiDeterminationsTable>;

/** A GB/T 39204-2022 capability evaluation of a core business. */
export interface CiiEvaluationsTable {
  id: string;
  organisation_id: string;
  core_business_id: string;
  title: string;
  evaluator: string | null;
  agency: string | null;
  period_start: string | null;
  period_end: string | null;
  /** `draft` | `completed` (read-only until reopened). */
  status: string;
  catalog_hash: string;
  completed_by: string | null;
  completed_at: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CiiEvaluationResultsTable {
  evaluation_id: string;
  requirement_id: string;
  result: string;
  note_enc: string | null;
  evidence_enc: string | null;
  recorded_by: string;
  recorded_at: string;
  version: number;
}

export interface CiiEvaluationRectificationsTable {
  id: string;
  evaluation_id: string;
  organisation_id: string;
  requirement_id: string;
  owner: string | null;
  due_on: string | null;
  plan_enc: string | null;
  /** `open` | `in_progress` | `done` | `accepted`. */
  status: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type CiiEvaluationRow = Selectable<CiiEvaluationsTable>;
export type CiiEvaluationResultRow = Selectable<CiiEvaluationResultsTable>;
export type CiiEvaluationRectificationRow = Selectable<CiiEvaluationRectificationsTable>;
