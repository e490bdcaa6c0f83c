import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

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

export interface Database {
  organisations: OrganisationsTable;
  systems: SystemsTable;
  gradings: GradingsTable;
  reviews: ReviewsTable;
  filings: FilingsTable;
  system_events: SystemEventsTable;
  obligation_statuses: ObligationStatusesTable;
}

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
