/**
 * The assessment workbook as Excel, within the caller's access scope (the Excel mapping itself
 * is src/app/assessment-excel.ts).
 */
import {
  exportWorkbook,
  importWorkbook,
  workbookMaxBytes,
  type WorkbookExportOptions,
} from '../assessment-excel';
import type { Actor } from '../actor';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { getAssessment } from '../../store/repositories/assessments.repository';

export { workbookMaxBytes };

/** The workbook as Excel and the assessment's title; NOT_FOUND outside the scope. */
export async function exportWorkbookQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  options: WorkbookExportOptions = {},
): Promise<{ buffer: Buffer; title: string }> {
  const { organisationId, systemIds } = inScope(within);
  const assessment = await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
  const buffer = await exportWorkbook(ctx, organisationId, assessmentId, options);
  return { buffer, title: assessment.title };
}

/** Imports a filled workbook, all or nothing; NOT_FOUND outside the scope. */
export async function importWorkbookCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  body: Buffer,
) {
  const { organisationId, systemIds } = inScope(within);
  await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
  return importWorkbook(ctx, actor, organisationId, assessmentId, body);
}
