import { gradeSystem } from '../../domain/mlps/grading';
import { ValidationError, type ErrorDetail } from '../../errors';
import type { SystemsFile } from '../../shared/schemas';
import { decryptNarrative, encryptNarrative } from './grading-narrative';
import { knownGuideIds } from './sector-guidance';
import {
  insertEvent,
  insertFiling,
  insertGrading,
  insertReview,
  loadRecords,
} from '../../store/repositories/records.repository';
import { createSystem, updateSystemColumns } from '../../store/repositories/systems.repository';
import {
  getOrganisation,
  updateOrganisation,
} from '../../store/repositories/organisations.repository';
import { randomUUID } from 'node:crypto';
import { audited, rowChanges, type Actor } from '../actor';
import type { AppContext } from '../context';
import {
  decryptOrganisationFilingProfile,
  decryptSystemFilingProfile,
  encryptFilingProfile,
  organisationProfileProblems,
  profileForAudit,
  systemProfileProblems,
} from '../filing-profile';
import { systemProfileChange } from './commands';

/**
 * Imports systems with their grading, reviews, filings and assessment records, and the
 * organisation's filing profile when the file has one, all or nothing: duplicate names (in the
 * file or already stored) and filing-profile answers that are not the form's options are
 * reported together, each with its row and field, and nothing is written.
 */
export async function importSystems(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  file: SystemsFile,
): Promise<{ created: number }> {
  const existing = new Set(
    (
      await ctx.store.db
        .selectFrom('systems')
        .select('name')
        .where('organisation_id', '=', organisationId)
        .execute()
    ).map((r) => r.name),
  );
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const knownGuides = knownGuideIds();
  file.systems.forEach((s, i) => {
    if (existing.has(s.name))
      problems.push({
        path: `systems[${i}].name`,
        message: `a system named "${s.name}" already exists`,
      });
    if (seen.has(s.name))
      problems.push({
        path: `systems[${i}].name`,
        message: `"${s.name}" appears twice in the file`,
      });
    seen.add(s.name);
    s.grading?.narrative?.sectorGuidance.forEach((a, j) => {
      if (!knownGuides.has(a.guideId))
        problems.push({
          path: `systems[${i}].grading.narrative.sectorGuidance[${j}].guideId`,
          message: `unknown sector grading guide "${a.guideId}"`,
        });
    });
    if (s.hostSystemId)
      problems.push({
        path: `systems[${i}].hostSystemId`,
        message: 'host links are not imported; set them after import',
      });
    problems.push(...systemProfileProblems(s.filingProfile, ['systems', i, 'filingProfile']));
  });
  problems.push(
    ...organisationProfileProblems(file.organisation?.filingProfile, [
      'organisation',
      'filingProfile',
    ]),
  );
  if (problems.length)
    throw new ValidationError(
      `import refused: ${problems.length} problem(s), nothing was written`,
      problems,
    );

  await audited(ctx, actor, async (trx, audit, now) => {
    const orgProfile = file.organisation?.filingProfile;
    if (orgProfile !== undefined) {
      // The file's 表一 answers replace the stored ones (null clears them), audited as an update.
      const before = await getOrganisation(trx, organisationId);
      const after = await updateOrganisation(
        trx,
        organisationId,
        before.version,
        {
          filing_profile_enc: encryptFilingProfile(
            ctx.cipher,
            'organisations',
            organisationId,
            orgProfile ?? null,
          ),
        },
        now,
      );
      const previous = decryptOrganisationFilingProfile(
        ctx.cipher,
        organisationId,
        before.filing_profile_enc,
      );
      await audit({
        organisationId,
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: organisationId,
        changes: {
          ...rowChanges(before, after),
          filingProfile: {
            before: profileForAudit(previous),
            after: profileForAudit(orgProfile ?? null),
          },
        },
      });
    }
    for (const s of file.systems) {
      const { grading, reviews, filings, events, ...fields } = s;
      const id = randomUUID();
      const row = await createSystem(trx, organisationId, fields, now, {
        id,
        filing_profile_enc: encryptFilingProfile(
          ctx.cipher,
          'systems',
          id,
          s.filingProfile ?? null,
        ),
      });
      if (grading) {
        const result = gradeSystem(grading);
        await updateSystemColumns(
          trx,
          organisationId,
          row.id,
          row.version,
          { level: result.level, graded_on: grading.gradedOn },
          now,
        );
        const gradingId = randomUUID();
        await insertGrading(trx, {
          id: gradingId,
          organisation_id: organisationId,
          system_id: row.id,
          level: result.level,
          previous_level: null,
          graded_on: grading.gradedOn,
          reason: grading.reason,
          input: JSON.stringify({
            businessInformation: grading.businessInformation,
            systemService: grading.systemService,
          }),
          result: JSON.stringify(result),
          recorded_by: actor.label,
          narrative: encryptNarrative(ctx.cipher, gradingId, grading.narrative),
          created_at: now,
        });
      }
      for (const r of reviews) await insertReview(trx, organisationId, row.id, r, now);
      for (const f of filings) await insertFiling(trx, organisationId, row.id, f, now);
      for (const e of events) await insertEvent(trx, organisationId, row.id, e, now);
      await audit({
        organisationId,
        action: 'system.import',
        entityType: 'system',
        entityId: row.id,
        changes: {
          ...rowChanges(null, row),
          ...systemProfileChange(null, s.filingProfile ?? null),
          records: {
            before: null,
            after: {
              gradings: grading ? 1 : 0,
              reviews: reviews.length,
              filings: filings.length,
              events: events.length,
            },
          },
        },
      });
    }
  });
  return { created: file.systems.length };
}

const orNull = <T>(v: T | null) => v ?? undefined;

/** Exports an organisation's systems in the import format (round-trips through importSystems). */
export async function exportSystems(ctx: AppContext, organisationId: string): Promise<SystemsFile> {
  const db = ctx.store.db;
  const rows = await db
    .selectFrom('systems')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
  const records = await loadRecords(db, organisationId);
  const organisation = await getOrganisation(db, organisationId);
  const orgProfile = decryptOrganisationFilingProfile(
    ctx.cipher,
    organisationId,
    organisation.filing_profile_enc,
  );
  return {
    format: 'dengbao.systems.v1',
    ...(orgProfile ? { organisation: { filingProfile: orgProfile } } : {}),
    systems: rows.map((r) => {
      const filingProfile = decryptSystemFilingProfile(ctx.cipher, r.id, r.filing_profile_enc);
      const rec = records.get(r.id);
      const g = rec?.gradings.at(-1);
      const input = g
        ? (JSON.parse(g.input) as Pick<
            NonNullable<SystemsFile['systems'][number]['grading']>,
            'businessInformation' | 'systemService'
          >)
        : null;
      return {
        name: r.name,
        description: orNull(r.description),
        types: JSON.parse(r.types),
        goLiveOn: orNull(r.go_live_on),
        isCii: r.is_cii === null ? undefined : r.is_cii === 1,
        ciiDesignatedOn: orNull(r.cii_designated_on),
        isNationalEgov: r.is_national_egov === null ? undefined : r.is_national_egov === 1,
        hasCompetentAuthority:
          r.has_competent_authority === null ? undefined : r.has_competent_authority === 1,
        competentAuthority: orNull(r.competent_authority),
        responsibleDepartment: orNull(r.responsible_department),
        ciiSecurityOrganisationOn: orNull(r.cii_security_organisation_on),
        ...(filingProfile ? { filingProfile } : {}),
        grading:
          g && input
            ? {
                ...input,
                gradedOn: g.graded_on,
                reason: g.reason,
                ...(g.narrative
                  ? { narrative: decryptNarrative(ctx.cipher, g.id, g.narrative) }
                  : {}),
              }
            : undefined,
        reviews: (rec?.reviews ?? []).map((v) => ({
          kind: v.kind as 'expert_review',
          reviewedOn: v.reviewed_on,
          reviewer: v.reviewer,
          opinion: orNull(v.opinion),
          agreedLevel: v.agreed_level,
        })),
        filings: (rec?.filings ?? []).map((f) => ({
          filedOn: f.filed_on,
          bureau: f.bureau,
          certificateNumber: orNull(f.certificate_number),
          level: f.level,
        })),
        events: (rec?.events ?? []).map((e) => ({
          kind: e.kind as 'mlps_assessment',
          completedOn: e.completed_on,
          agency: orNull(e.agency),
          reportNumber: orNull(e.report_number),
        })),
      };
    }),
  };
}
