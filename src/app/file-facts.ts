import { gradeSystem } from '../domain/mlps/grading';
import type { SystemFacts } from '../domain/obligations/types';
import type { SystemsFile } from '../shared/schemas';

/**
 * The rules' view of a systems file, without a database: lets `dengbao obligations file.yaml`
 * answer for an estate described in a file. Systems are identified by their name.
 */
export function factsFromSystemsFile(file: SystemsFile): SystemFacts[] {
  return file.systems.map((s) => {
    const level = s.grading ? gradeSystem(s.grading).level : null;
    const gradedOn = s.grading?.gradedOn ?? null;
    const lastReview = (kind: string) =>
      s.reviews
        .filter((r) => r.kind === kind && (!gradedOn || r.reviewedOn >= gradedOn))
        .map((r) => r.reviewedOn)
        .sort()
        .at(-1) ?? null;
    const events = (kind: string) =>
      s.events.filter((e) => e.kind === kind).map((e) => ({ completedOn: e.completedOn }));
    return {
      id: s.name,
      name: s.name,
      types: s.types,
      level,
      gradedOn,
      goLiveOn: s.goLiveOn ?? null,
      isCii: s.isCii ?? null,
      ciiDesignatedOn: s.ciiDesignatedOn ?? null,
      isNationalEgov: s.isNationalEgov ?? null,
      hasCompetentAuthority: s.hasCompetentAuthority ?? null,
      expertReviewOn: lastReview('expert_review'),
      competentApprovalOn: lastReview('competent_approval'),
      filings: s.filings.map((f) => ({
        filedOn: f.filedOn,
        certificateNumber: f.certificateNumber ?? null,
        bureau: f.bureau,
      })),
      assessments: events('mlps_assessment'),
      cryptoAssessments: events('crypto_assessment'),
      ciiRiskAssessments: events('cii_risk_assessment'),
      ciiSecurityOrganisationOn: s.ciiSecurityOrganisationOn ?? null,
    };
  });
}
