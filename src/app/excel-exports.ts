/**
 * Data for the Excel exports (src/reports/excel-exports.ts): the system inventory, an
 * assessment's findings and the obligations, through the same read models as the pages.
 */
import {
  findingsXlsx,
  obligationsXlsx,
  systemsInventoryXlsx,
  type SystemInventoryRow,
} from '../reports/excel-exports';
import { getAssessment } from '../store/repositories/assessments.repository';
import { getOrganisation } from '../store/repositories/organisations.repository';
import { latestFilings } from '../store/repositories/records.repository';
import { presentAssessmentSummary } from './assessment/model';
import { findingsQuery, systemNames } from './assessment/queries';
import { inScope, scopedSystemSet, type OrgScope } from './access';
import type { AppContext } from './context';
import { listObligations } from './obligations';
import { presentSystem } from './presenters';

/** Obligations that are the periodic level assessment (one rule per regime in force). */
const PERIODIC_ASSESSMENT_RULE = /^mlps\.periodic-assessment\b/;
const CLOSED = new Set(['satisfied', 'done', 'not_applicable']);

/** The systems the caller may see (assessors: assigned ones) as the inventory workbook. */
export async function systemsInventoryExport(
  ctx: AppContext,
  within: OrgScope,
  asOf: string,
): Promise<Buffer> {
  const { organisationId, systemIds, scope } = inScope(within);
  const onlyIds = scopedSystemSet(scope);
  const db = ctx.store.db;
  const organisation = await getOrganisation(db, organisationId);
  const rows =
    systemIds?.length === 0
      ? []
      : await db
          .selectFrom('systems')
          .selectAll()
          .where('organisation_id', '=', organisationId)
          .$if(systemIds !== undefined, (q) => q.where('id', 'in', [...(systemIds ?? [])]))
          .orderBy('name')
          .orderBy('id')
          .execute();
  const filings = await latestFilings(
    db,
    organisationId,
    rows.map((r) => r.id),
  );
  const obligations = await listObligations(ctx, organisationId, asOf, { onlyIds });
  const nextAssessment = new Map<string, string>();
  for (const o of obligations.items) {
    if (!PERIODIC_ASSESSMENT_RULE.test(o.ruleId) || !o.dueDate || CLOSED.has(o.effectiveState))
      continue;
    const current = nextAssessment.get(o.systemId);
    if (!current || o.dueDate < current) nextAssessment.set(o.systemId, o.dueDate);
  }
  const inventory: SystemInventoryRow[] = rows.map((r) => ({
    ...presentSystem(r, filings.get(r.id), ctx.cipher),
    filingBureau: filings.get(r.id)?.bureau ?? null,
    nextAssessmentDue: nextAssessment.get(r.id) ?? null,
  }));
  return systemsInventoryXlsx(inventory, organisation.name);
}

/** An assessment's findings as a workbook. */
export async function findingsExport(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
): Promise<{ buffer: Buffer; title: string }> {
  const { organisationId, systemIds } = inScope(within);
  const row = await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
  const names = await systemNames(ctx.store.db, organisationId);
  const assessment = presentAssessmentSummary(row, names.get(row.system_id) ?? '', ctx.catalog);
  const findings = await findingsQuery(ctx, within, assessmentId);
  return { buffer: await findingsXlsx(findings, assessment), title: assessment.title };
}

/** The obligations on `asOf` of the systems the caller may see, as a workbook. */
export async function obligationsExport(
  ctx: AppContext,
  within: OrgScope,
  asOf: string,
): Promise<Buffer> {
  const { organisationId, scope } = inScope(within);
  const organisation = await getOrganisation(ctx.store.db, organisationId);
  const obligations = await listObligations(ctx, organisationId, asOf, {
    onlyIds: scopedSystemSet(scope),
  });
  return obligationsXlsx(obligations, organisation.name);
}
