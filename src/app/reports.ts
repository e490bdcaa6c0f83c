/**
 * Documents (定级报告, 备案表, 等级测评报告, 整改方案): loads each one's data through the existing
 * read models and hands it to the pure builders in src/reports/documents/, then renders the
 * {@link ReportDocument} to Word or PDF. The API and the CLI both come through here.
 */
import { NotFoundError } from '../errors';
import { buildObligationsCalendar } from '../reports/documents/obligations-calendar';
import type { Lang, ReportDocument } from '../reports/model';
import { renderDocx } from '../reports/render-docx';
import { renderPdf } from '../reports/render-pdf';
import { getOrganisation } from '../store/repositories/organisations.repository';
import { inScope, scopedSystemSet, type OrgScope } from './access';
import type { AppContext } from './context';
import { assessmentReportDocument } from './documents/assessment-report';
import { filingFormDocument } from './documents/filing-form';
import { gradingReportDocument } from './documents/grading-report';
import { rectificationPlanDocument } from './documents/rectification-plan';
import { documentOverrides, type DocumentSource } from './documents/source';
import { listObligations } from './obligations';
import { presentOrganisation } from './presenters';

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
  const { organisationId } = inScope(within);
  const organisation = presentOrganisation(
    await getOrganisation(ctx.store.db, organisationId),
    ctx.cipher,
  );
  const source: DocumentSource = {
    ctx,
    within,
    organisation,
    overrides: await documentOverrides(ctx, organisationId),
    lang,
    asOf,
  };
  switch (kind) {
    case 'grading':
      return gradingReportDocument(source, id);
    case 'filing':
      return filingFormDocument(source, id);
    case 'assessment':
      return assessmentReportDocument(source, id);
    case 'rectification':
      return rectificationPlanDocument(source, id);
    case 'calendar': {
      if (id !== organisationId) throw new NotFoundError('organisation', id);
      const obligations = await listObligations(ctx, organisationId, asOf, {
        onlyIds: scopedSystemSet(inScope(within).scope),
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
