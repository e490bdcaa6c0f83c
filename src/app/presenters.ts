import type { Citation } from '../domain/citation';
import { decryptNullable, type FieldCipher } from '../security/field-crypto';
import { decryptOrganisationFilingProfile, decryptSystemFilingProfile } from './filing-profile';
import { LEVEL_MATRIX, type GradingResult } from '../domain/mlps/grading';
import type { GradingWarning } from '../domain/mlps/grading-warnings';
import { obligationKey } from '../domain/obligations/evaluate';
import type { Obligation } from '../domain/obligations/types';
import type {
  CitationDto,
  EventDto,
  FilingDto,
  GradingRecordDto,
  GradingResultDto,
  GradingWarningDto,
  OrganisationDto,
  ReviewDto,
  SystemDto,
  SystemSummaryDto,
} from '../shared/api-types';
import type { ProtectionLevel, SystemType } from '../shared/mlps';
import { decryptNarrative } from './systems/grading-narrative';
import type {
  FilingRow,
  GradingRow,
  OrganisationRow,
  ReviewRow,
  SystemEventRow,
  SystemRow,
} from '../store/schema';

/** Turns a citation into labels a reader recognises; provided by the knowledge base. */
export type CitationLabeller = (citation: Citation) => CitationDto;

const flag = (v: number | null): boolean | null => (v === null ? null : v === 1);

export function presentOrganisation(
  r: OrganisationRow,
  cipher: FieldCipher,
  role?: string,
): OrganisationDto {
  return {
    ...(role ? { role } : {}),
    contactName: r.contact_name,
    contactPhone: decryptNullable(cipher, r.contact_phone_enc, {
      table: 'organisations',
      column: 'contact_phone_enc',
      rowId: r.id,
    }),
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    creditCode: r.credit_code,
    region: r.region,
    sector: r.sector,
    filingProfile: decryptOrganisationFilingProfile(cipher, r.id, r.filing_profile_enc),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentSystemSummary(
  r: SystemRow,
  latestFiling: FilingRow | undefined,
): SystemSummaryDto {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    types: JSON.parse(r.types) as SystemType[],
    level: r.level as ProtectionLevel | null,
    gradedOn: r.graded_on,
    goLiveOn: r.go_live_on,
    isCii: flag(r.is_cii),
    filedOn: latestFiling?.filed_on ?? null,
    certificateNumber: latestFiling?.certificate_number ?? null,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function presentSystem(
  r: SystemRow,
  latestFiling: FilingRow | undefined,
  cipher: FieldCipher,
): SystemDto {
  return {
    ...presentSystemSummary(r, latestFiling),
    description: r.description,
    ciiDesignatedOn: r.cii_designated_on,
    isNationalEgov: flag(r.is_national_egov),
    hasCompetentAuthority: flag(r.has_competent_authority),
    competentAuthority: r.competent_authority,
    responsibleDepartment: r.responsible_department,
    hostSystemId: r.host_system_id,
    ciiSecurityOrganisationOn: r.cii_security_organisation_on,
    filingProfile: decryptSystemFilingProfile(cipher, r.id, r.filing_profile_enc),
    createdAt: r.created_at,
  };
}

export function presentGradingResult(
  result: GradingResult,
  label: CitationLabeller,
): GradingResultDto {
  return {
    businessInformation: {
      ...result.businessInformation,
      cells: [...result.businessInformation.cells],
      decisiveCells: [...result.businessInformation.decisiveCells],
    },
    systemService: {
      ...result.systemService,
      cells: [...result.systemService.cells],
      decisiveCells: [...result.systemService.decisiveCells],
    },
    level: result.level,
    decisiveDimensions: [...result.decisiveDimensions],
    citations: result.citations.map(label),
    matrix: LEVEL_MATRIX as GradingResultDto['matrix'],
  };
}

export function presentGrading(
  r: GradingRow,
  label: CitationLabeller,
  cipher: FieldCipher,
): GradingRecordDto {
  return {
    id: r.id,
    systemId: r.system_id,
    level: r.level as ProtectionLevel,
    previousLevel: r.previous_level as ProtectionLevel | null,
    gradedOn: r.graded_on,
    reason: r.reason,
    recordedBy: r.recorded_by,
    result: presentGradingResult(JSON.parse(r.result) as GradingResult, label),
    narrative: decryptNarrative(cipher, r.id, r.narrative),
    createdAt: r.created_at,
  };
}

export function presentWarning(w: GradingWarning, label: CitationLabeller): GradingWarningDto {
  return { ...w, citations: w.citations.map(label) };
}

export function presentReview(r: ReviewRow): ReviewDto {
  return {
    id: r.id,
    kind: r.kind as ReviewDto['kind'],
    reviewedOn: r.reviewed_on,
    reviewer: r.reviewer,
    opinion: r.opinion,
    agreedLevel: r.agreed_level as ProtectionLevel,
    createdAt: r.created_at,
  };
}

export function presentFiling(r: FilingRow): FilingDto {
  return {
    id: r.id,
    filedOn: r.filed_on,
    bureau: r.bureau,
    certificateNumber: r.certificate_number,
    level: r.level as ProtectionLevel,
    createdAt: r.created_at,
  };
}

export function presentEvent(r: SystemEventRow): EventDto {
  return {
    id: r.id,
    kind: r.kind as EventDto['kind'],
    completedOn: r.completed_on,
    agency: r.agency,
    reportNumber: r.report_number,
    createdAt: r.created_at,
  };
}

/** An engine obligation with its key, reason text and labelled citations (manual status not included). */
export function presentObligation(o: Obligation, label: CitationLabeller) {
  return { ...o, key: obligationKey(o), citations: o.citations.map(label) };
}
