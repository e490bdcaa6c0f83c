/**
 * 数据安全风险评估报告: one annual risk assessment with its narrative, the inventory (frozen on
 * completion; live for a draft), the provisions of important data, the risks with their levels,
 * the incidents found in the period (clear columns of the incident register) and the
 * organisation's data-security officer and body, to the builder.
 */
import { RISK_MATRIX, summariseRisks } from '../../domain/data-security/risk';
import { DSL, NDS } from '../../domain/data-security/citations';
import {
  buildDataRiskReport,
  type DataRiskReportRisk,
} from '../../reports/documents/data-risk-report/build';
import type { Lang, ReportDocument } from '../../reports/model';
import type { RiskAssessmentStatus } from '../../shared/data-security-schemas';
import { userNames } from '../../store/repositories/pipia.repository';
import { getOrganisation } from '../../store/repositories/organisations.repository';
import { inScope, type OrgScope } from '../access';
import { beijingDateOf, beijingToday } from '../clock';
import type { AppContext } from '../context';
import {
  decryptContent,
  decryptRisk,
  decryptSnapshot,
  presentRisk,
  profileOfficer,
  snapshotProvision,
  snapshotResource,
} from '../data-security/risk/model';
import {
  getAssessment,
  incidentRows,
  inventoryRows,
  listRisks,
  profileRow,
  provisionRows,
} from '../data-security/risk/store';
import { presentOrganisation } from '../presenters';
import { renderReport, type ReportFormat } from '../reports';
import { documentOverrides, type DocumentSource } from './source';

/** 00:00 Beijing of a date as a UTC instant (Beijing is UTC+8 all year). */
const beijingMidnightUtc = (isoDate: string): string =>
  new Date(Date.parse(`${isoDate}T00:00:00+08:00`)).toISOString();
const nextDay = (isoDate: string): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function dataRiskReportDocument(
  { ctx, within, organisation, overrides, lang, asOf }: DocumentSource,
  assessmentId: string,
): Promise<ReportDocument> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const row = await getAssessment(db, organisationId, assessmentId);
  const content = decryptContent(ctx.cipher, row);
  const snapshot = decryptSnapshot(ctx.cipher, row);
  const inventory = snapshot
    ? { takenAt: beijingDateOf(snapshot.takenAt), resources: snapshot.resources }
    : {
        takenAt: null,
        resources: (await inventoryRows(db, organisationId)).map((r) =>
          snapshotResource(ctx.cipher, r),
        ),
      };
  const provisions =
    snapshot?.provisions ??
    (await provisionRows(db, organisationId)).map((r) => snapshotProvision(ctx.cipher, r));
  const risks = (await listRisks(db, organisationId, [row.id])).map((r) =>
    presentRisk(r, decryptRisk(ctx.cipher, r), asOf),
  );
  const incidents = await incidentRows(
    db,
    organisationId,
    beijingMidnightUtc(content.periodFrom),
    beijingMidnightUtc(nextDay(content.periodTo)),
  );
  const names = await userNames(
    db,
    [row.created_by, row.completed_by].filter((x): x is string => !!x),
  );
  const reportRisks: DataRiskReportRisk[] = [...risks]
    .sort((x, y) => y.score - x.score || x.code.localeCompare(y.code))
    .map((r) => ({
      code: r.code,
      title: r.title,
      description: r.description ?? null,
      area: r.area,
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
      level: r.level,
      measures: r.measures ?? null,
      owner: r.owner ?? null,
      dueOn: r.dueOn ?? null,
      status: r.status,
      closedOn: r.closedOn ?? null,
    }));
  return buildDataRiskReport(
    {
      organisation,
      asOf,
      assessment: {
        year: row.year,
        title: row.title,
        status: row.status as RiskAssessmentStatus,
        periodFrom: content.periodFrom,
        periodTo: content.periodTo,
        assessor: content.assessor ?? null,
        scope: content.scope ?? null,
        method: content.method ?? null,
        managementMeasures: content.managementMeasures ?? null,
        technicalMeasures: content.technicalMeasures ?? null,
        provisionAssessments: content.provisionAssessments ?? null,
        exportSituation: content.exportSituation ?? null,
        other: content.other ?? null,
        conclusion: content.conclusion ?? null,
        createdByName: row.created_by ? (names.get(row.created_by) ?? null) : null,
        completedOn: row.completed_on,
        completedByName: row.completed_by ? (names.get(row.completed_by) ?? null) : null,
        report: content.report,
      },
      profile: profileOfficer(ctx.cipher, await profileRow(db, organisationId)),
      inventory,
      provisions,
      risks: reportRisks,
      summary: summariseRisks(
        risks.map((r) => ({
          code: r.code,
          level: r.level,
          status: r.status,
          area: r.area,
          dueOn: r.dueOn ?? null,
        })),
      ),
      overdue: risks.filter((r) => r.overdue).length,
      incidents: incidents.map((i) => ({
        code: i.code,
        title: i.title,
        foundOn: beijingDateOf(i.found_at),
        grade: i.grade,
        status: i.status,
      })),
      matrix: RISK_MATRIX,
      cited: {
        art33: ctx.labelCitation(NDS.annualRiskAssessment),
        art31: ctx.labelCitation(NDS.provisionRiskAssessment),
        dsl30: ctx.labelCitation(DSL.riskAssessment),
      },
      overrides,
    },
    lang,
  );
}

/** Builds and renders the report (the route's and the CLI's one call). */
export async function dataRiskReport(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  format: ReportFormat,
  lang: Lang,
  asOf: string = beijingToday(ctx.clock),
): Promise<{ doc: ReportDocument; buffer: Buffer }> {
  const { organisationId } = inScope(within);
  const organisation = presentOrganisation(
    await getOrganisation(ctx.store.db, organisationId),
    ctx.cipher,
  );
  const doc = await dataRiskReportDocument(
    {
      ctx,
      within,
      organisation,
      overrides: await documentOverrides(ctx, organisationId),
      lang,
      asOf,
    },
    assessmentId,
  );
  return { doc, buffer: await renderReport(doc, format) };
}
