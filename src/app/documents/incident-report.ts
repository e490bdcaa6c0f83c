/**
 * 网络安全事件信息报告表 / 事件处置总结报告: one incident of the register (decrypted), its grading
 * and reporting duties as of the app clock's now, to the builder.
 */
import { shippedIncidentGrading } from '../../catalogs/incident-grading';
import { INCIDENT_MEASURES_2025 } from '../../domain/data-security/citations';
import { REPORTING_ROWS } from '../../domain/data-security/incidents';
import {
  buildIncidentReport,
  type IncidentReportInput,
} from '../../reports/documents/incident-report/build';
import type { Lang, ReportDocument } from '../../reports/model';
import type { IncidentMeasures } from '../../shared/data-security-schemas';
import { getOrganisation } from '../../store/repositories/organisations.repository';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { incidentQuery } from '../data-security/incidents/queries';
import { presentOrganisation } from '../presenters';
import { renderReport, type ReportFormat } from '../reports';
import { documentOverrides } from './source';

const MEASURE_LABELS: Readonly<
  Record<keyof IncidentMeasures, { zh: string; en: string; unit: [string, string] }>
> = {
  ciiWholeOutageMinutes: {
    zh: '关键信息基础设施整体中断',
    en: 'CII whole outage',
    unit: ['分钟', 'min'],
  },
  ciiMainFunctionOutageMinutes: {
    zh: '关键信息基础设施主要功能中断',
    en: 'CII main-function outage',
    unit: ['分钟', 'min'],
  },
  portalUnreachableMinutes: {
    zh: '门户网站无法访问',
    en: 'Portal unreachable',
    unit: ['分钟', 'min'],
  },
  peopleAffected: { zh: '受影响人数', en: 'People affected', unit: ['人', 'people'] },
  populationShareAffectedPercent: {
    zh: '受影响人口比例',
    en: 'Population share affected',
    unit: ['%', '%'],
  },
  piLeakedIndividuals: {
    zh: '个人信息泄露人数',
    en: 'Individuals whose PI leaked',
    unit: ['人', 'people'],
  },
  economicLossYuan: { zh: '直接经济损失', en: 'Direct economic loss', unit: ['元', 'yuan'] },
  importantDataLeaked: { zh: '重要数据泄露', en: 'Important data leaked', unit: ['', ''] },
  coreDataLeaked: { zh: '核心数据泄露', en: 'Core data leaked', unit: ['', ''] },
};

export async function incidentReportDocument(
  ctx: AppContext,
  within: OrgScope,
  incidentId: string,
  kind: 'initial' | 'closing',
  lang: Lang,
): Promise<ReportDocument> {
  const { organisationId } = inScope(within);
  const organisation = presentOrganisation(
    await getOrganisation(ctx.store.db, organisationId),
    ctx.cipher,
  );
  const view = await incidentQuery(ctx, within, incidentId);
  const types = new Map(shippedIncidentGrading().types.map((t) => [t.id, t]));
  const type = types.get(view.type);
  const zh = lang === 'zh';
  const measures = Object.entries(view.measures).flatMap(([key, value]) => {
    if (value === null || value === undefined) return [];
    const l = MEASURE_LABELS[key as keyof IncidentMeasures];
    const shown =
      typeof value === 'boolean'
        ? zh
          ? value
            ? '是'
            : '否'
          : value
            ? 'Yes'
            : 'No'
        : `${value.toLocaleString('en-US')} ${l.unit[zh ? 0 : 1]}`.trim();
    return [{ label: { zh: l.zh, en: l.en }, value: shown }];
  });
  const row = view.involvesCiiEffective
    ? REPORTING_ROWS.cii
    : view.operatorKind === 'central_state_organ'
      ? REPORTING_ROWS.central_state_organ
      : REPORTING_ROWS.other;
  const input: IncidentReportInput = {
    organisation,
    kind,
    producedAt: ctx.clock.now().toISOString(),
    incident: {
      code: view.code,
      title: view.title,
      type: type ? { zh: type.nameZh, en: type.nameEn } : { zh: view.type, en: view.type },
      foundAt: view.foundAt,
      occurredAt: view.occurredAt ?? null,
      location: view.location ?? null,
      description: view.description ?? null,
      systems: view.systems.map((s) => ({ name: s.name, isCii: s.isCii })),
      dataResourceCodes: view.dataResourceCodes,
      involvesCii: view.involvesCiiEffective,
      operatorRow: { zh: row.labelZh, en: row.labelEn },
      grade: view.grade ?? null,
      suggestedGrade: view.suggestedGrade,
      gradeReason: view.gradeReason ?? null,
      criteriaFound: view.criteriaFound.map((c) => {
        const full = c as typeof c & { textZh?: string; textEn?: string };
        return {
          id: c.id,
          grade: c.grade,
          source: c.source,
          textZh: full.textZh ?? c.id,
          textEn: full.textEn ?? c.id,
        };
      }),
      measures,
      impactDescription: view.impactDescription ?? null,
      responseTaken: view.responseTaken ?? null,
      trend: view.trend ?? null,
      cause: view.cause ?? null,
      clues: view.clues ?? null,
      furtherMeasures: view.furtherMeasures ?? null,
      supportRequested: view.supportRequested ?? null,
      scenePreservation: view.scenePreservation ?? null,
      ransom: view.ransom
        ? {
            demand: view.ransom.demand ?? null,
            deadline: view.ransom.deadline ?? null,
            paymentMethod: view.ransom.paymentMethod ?? null,
            amount: view.ransom.amount ?? null,
          }
        : null,
      piIncident: view.piIncident
        ? {
            individuals: view.piIncident.individuals,
            categories: view.piIncident.categories,
            notifiedAt: view.piIncident.notifiedAt ?? null,
            notificationMethod: view.piIncident.notificationMethod ?? null,
            notificationNotRequiredReason: view.piIncident.notificationNotRequiredReason ?? null,
          }
        : null,
      status: view.status,
      handledAt: view.handledAt ?? null,
      reports: view.reports.map((r) => ({
        kind: r.kind,
        recipient: r.recipient,
        submittedAt: r.submittedAt,
        reference: r.reference ?? null,
      })),
    },
    duties: view.duties,
    cited: {
      timeLimits: ctx.labelCitation(INCIDENT_MEASURES_2025.timeLimits),
      contents: ctx.labelCitation(INCIDENT_MEASURES_2025.contents),
      closing: ctx.labelCitation(INCIDENT_MEASURES_2025.closingReport),
      gradingGuide: ctx.labelCitation(INCIDENT_MEASURES_2025.gradingGuide),
    },
    overrides: await documentOverrides(ctx, organisationId),
  };
  return buildIncidentReport(input, lang);
}

/** Builds and renders the form (the route's one call). */
export async function incidentReport(
  ctx: AppContext,
  within: OrgScope,
  incidentId: string,
  format: ReportFormat,
  kind: 'initial' | 'closing',
  lang: Lang,
): Promise<{ doc: ReportDocument; buffer: Buffer }> {
  const doc = await incidentReportDocument(ctx, within, incidentId, kind, lang);
  return { doc, buffer: await renderReport(doc, format) };
}
