/**
 * Documents (定级报告, 备案表, 等级测评报告, 整改方案): loads each one's data through the existing
 * read models and hands it to the pure builders in src/reports/documents/, then renders the
 * {@link ReportDocument} to Word or PDF. The API and the CLI both come through here.
 */
import { NotFoundError } from '../errors';
import { buildAssessmentReport } from '../reports/documents/assessment-report';
import { buildFilingForm } from '../reports/documents/filing-form';
import { buildGradingReport } from '../reports/documents/grading-report';
import { buildObligationsCalendar } from '../reports/documents/obligations-calendar';
import { buildRectificationPlan } from '../reports/documents/rectification-plan';
import type { Lang, ReportDocument } from '../reports/model';
import { renderDocx } from '../reports/render-docx';
import { renderPdf } from '../reports/render-pdf';
import type { SystemDetailDto } from '../shared/api-types';
import type { ProtectionLevel } from '../shared/mlps';
import { getAssessment } from '../store/repositories/assessments.repository';
import { getOrganisation } from '../store/repositories/organisations.repository';
import { presentAssessmentSummary } from './assessment/model';
import {
  findingsQuery,
  majorRisksQuery,
  scoreQuery,
  systemNames,
  workbookQuery,
} from './assessment/queries';
import { rectificationsQuery } from './assessment/rectification';
import { compensationsQuery } from './assessment/compensations';
import { verificationAppendices } from './assessment/verification';
import { assertSystemVisible, inScope, scopedSystemSet, type OrgScope } from './access';
import { majorRiskTriggerList } from './catalog-queries';
import type { AppContext } from './context';
import { listObligations } from './obligations';
import { presentOrganisation } from './presenters';
import { getSystemDetail } from './systems/detail';

export const REPORT_KINDS = [
  'grading',
  'filing',
  'assessment',
  'rectification',
  'calendar',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/** Documents of a system (id = system id); the others are of an assessment (id = assessment id). */
export const SYSTEM_REPORT_KINDS = ['grading', 'filing'] as const;
export const ASSESSMENT_REPORT_KINDS = ['assessment', 'rectification'] as const;
/** Documents of the organisation (id = organisation id). */
export const ORGANISATION_REPORT_KINDS = ['calendar'] as const;

export const REPORT_FORMATS = ['docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGS = ['zh', 'en'] as const;

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * Builds one document. `id` is the system id for `grading` / `filing`, the assessment id for
 * `assessment` / `rectification` and the organisation id for `calendar`; `asOf` (YYYY-MM-DD) is
 * the cover date where the data has none, the date overdue items count to, and the report date
 * standing in for a missing one. `within` is the caller's access scope: assessors reach their assigned
 * systems and their assessments only, and the calendar lists only those systems.
 */
export async function buildReport(
  ctx: AppContext,
  within: OrgScope,
  kind: ReportKind,
  id: string,
  lang: Lang,
  asOf: string,
): Promise<ReportDocument> {
  const { organisationId, systemIds, scope } = inScope(within);
  const organisation = presentOrganisation(
    await getOrganisation(ctx.store.db, organisationId),
    ctx.cipher,
  );
  switch (kind) {
    case 'grading':
    case 'filing': {
      assertSystemVisible(scope, id);
      const detail = await getSystemDetail(ctx, organisationId, id);
      const hostSystemName = await hostName(ctx, organisationId, detail);
      if (kind === 'grading') {
        return buildGradingReport({ organisation, detail, hostSystemName, date: asOf }, lang);
      }
      const levelCounts = await countsByLevel(ctx, organisationId);
      return buildFilingForm(
        { organisation, detail, hostSystemName, levelCounts, date: asOf },
        lang,
      );
    }
    case 'assessment': {
      const workbook = await workbookQuery(ctx, scope, id);
      const [findings, majorRisks, score, rectifications, system] = await Promise.all([
        findingsQuery(ctx, organisationId, id),
        majorRisksQuery(ctx, organisationId, id),
        scoreQuery(ctx, organisationId, id, asOf),
        rectificationsQuery(ctx, organisationId, { assessmentId: id }, asOf),
        systemOrNull(ctx, organisationId, workbook.assessment.systemId),
      ]);
      const verification = await verificationAppendices(ctx.store.db, id);
      const compensations = await compensationsQuery(ctx, organisationId, id);
      return buildAssessmentReport(
        {
          organisation,
          system: system?.system ?? null,
          workbook,
          findings,
          majorRisks,
          score,
          rectifications,
          triggers: majorRiskTriggerList(ctx.catalog),
          date: asOf,
          verification,
          compensations,
        },
        lang,
      );
    }
    case 'rectification': {
      const row = await getAssessment(ctx.store.db, organisationId, id, systemIds);
      const names = await systemNames(ctx.store.db, organisationId);
      const [rectifications, findings, score] = await Promise.all([
        rectificationsQuery(ctx, organisationId, { assessmentId: id }, asOf),
        findingsQuery(ctx, organisationId, id),
        scoreQuery(ctx, organisationId, id, asOf),
      ]);
      return buildRectificationPlan(
        {
          organisation,
          assessment: presentAssessmentSummary(row, names.get(row.system_id) ?? '', ctx.catalog),
          rectifications,
          findings,
          score,
          asOf,
        },
        lang,
      );
    }
    case 'calendar': {
      if (id !== organisationId) throw new NotFoundError('organisation', id);
      const obligations = await listObligations(ctx, organisationId, asOf, {
        onlyIds: scopedSystemSet(scope),
      });
      return buildObligationsCalendar({ organisation, obligations }, lang);
    }
  }
}

export function renderReport(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
  return format === 'docx' ? renderDocx(doc) : renderPdf(doc);
}

/** The document's file name (its title, without characters file systems refuse). */
export function reportFileName(doc: ReportDocument, format: ReportFormat): string {
  return `${safeFileStem(doc.title)}.${format}`;
}

/** `title` without characters file systems refuse ('report' when nothing is left). */
export function safeFileStem(title: string): string {
  return (
    [...title]
      .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c))
      .join('')
      .replace(/_+/g, '_')
      .trim() || 'report'
  );
}

/** An ASCII-only fallback name for clients that ignore `filename*`. */
export function asciiReportFileName(kind: ReportKind, format: ReportFormat): string {
  const names: Record<ReportKind, string> = {
    grading: 'grading-report',
    filing: 'filing-form',
    assessment: 'assessment-report',
    rectification: 'rectification-plan',
    calendar: 'obligations-calendar',
  };
  return `${names[kind]}.${format}`;
}

async function hostName(
  ctx: AppContext,
  organisationId: string,
  detail: SystemDetailDto,
): Promise<string | null> {
  const hostId = detail.system.hostSystemId;
  if (!hostId) return null;
  const row = await ctx.store.db
    .selectFrom('systems')
    .select('name')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', hostId)
    .executeTakeFirst();
  return row?.name ?? null;
}

async function countsByLevel(
  ctx: AppContext,
  organisationId: string,
): Promise<Partial<Record<ProtectionLevel, number>>> {
  const rows = await ctx.store.db
    .selectFrom('systems')
    .select('level')
    .where('organisation_id', '=', organisationId)
    .where('level', 'is not', null)
    .execute();
  const counts: Partial<Record<ProtectionLevel, number>> = {};
  for (const r of rows) {
    const level = r.level as ProtectionLevel;
    counts[level] = (counts[level] ?? 0) + 1;
  }
  return counts;
}

async function systemOrNull(ctx: AppContext, organisationId: string, systemId: string) {
  try {
    return await getSystemDetail(ctx, organisationId, systemId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
