import type { IsoDate } from '../domain/calendar';
import type { SystemFacts } from '../domain/obligations/types';
import type { ProtectionLevel, SystemType } from '../shared/mlps';
import type { SystemRow } from '../store/schema';
import type { SystemRecords } from '../store/repositories/records.repository';

const flag = (v: number | null): boolean | null => (v === null ? null : v === 1);

/** What the obligation rules know about a stored system and its records. */
export function toSystemFacts(row: SystemRow, records: SystemRecords | undefined): SystemFacts {
  const r = records ?? { gradings: [], reviews: [], filings: [], events: [] };
  const eventsOf = (kind: string) =>
    r.events
      .filter((e) => e.kind === kind)
      .map((e) => ({ completedOn: e.completed_on as IsoDate }));
  // A regrading needs a fresh review (MPS letter 1846 Q2): only reviews on or after the grading count.
  const lastReview = (kind: string) =>
    r.reviews
      .filter((v) => v.kind === kind && (!row.graded_on || v.reviewed_on >= row.graded_on))
      .at(-1)?.reviewed_on ?? null;
  return {
    id: row.id,
    name: row.name,
    types: JSON.parse(row.types) as SystemType[],
    level: row.level as ProtectionLevel | null,
    gradedOn: row.graded_on,
    goLiveOn: row.go_live_on,
    isCii: flag(row.is_cii),
    ciiDesignatedOn: row.cii_designated_on,
    isNationalEgov: flag(row.is_national_egov),
    hasCompetentAuthority: flag(row.has_competent_authority),
    expertReviewOn: lastReview('expert_review'),
    competentApprovalOn: lastReview('competent_approval'),
    filings: r.filings.map((f) => ({
      filedOn: f.filed_on,
      certificateNumber: f.certificate_number,
      bureau: f.bureau,
    })),
    assessments: eventsOf('mlps_assessment'),
    cryptoAssessments: eventsOf('crypto_assessment'),
    ciiRiskAssessments: eventsOf('cii_risk_assessment'),
    ciiSecurityOrganisationOn: row.cii_security_organisation_on,
  };
}
