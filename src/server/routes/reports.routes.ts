import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessScope } from '../../app/access';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import { findingsExport, obligationsExport, systemsInventoryExport } from '../../app/excel-exports';
import {
  ASSESSMENT_REPORT_KINDS,
  asciiReportFileName,
  buildReport,
  ORGANISATION_REPORT_KINDS,
  renderReport,
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  REPORT_LANGS,
  reportFileName,
  safeFileStem,
  SYSTEM_REPORT_KINDS,
  type ReportFormat,
  type ReportKind,
} from '../../app/reports';
import { XLSX_CONTENT_TYPE } from '../../reports/excel-exports';
import type { Lang } from '../../reports/model';
import { IsoDateSchema } from '../../shared/schemas';
import { scopeOf } from '../auth';
import { OrgParams, SystemParams } from './params';

const ReportQuery = z.object({
  lang: z.enum(REPORT_LANGS).default('zh'),
  /** Cover date where the data has none, and the day overdue items count to (default: today). */
  asOf: IsoDateSchema.optional(),
});

/** A Content-Disposition that survives Chinese names: RFC 6266/5987 `filename*` plus an ASCII fallback. */
export function contentDisposition(name: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

const AsOfQuery = z.object({
  /** The day obligations and next assessments are computed for (default: today). */
  asOf: IsoDateSchema.optional(),
});

/** Documents as Word or PDF: grading report and filing form of a system; assessment report and rectification plan of an assessment; obligations calendar of an organisation. Excel exports of the system inventory, an assessment's findings and the obligations. */
export const reportsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reports'];

    const send = async (
      reply: FastifyReply,
      scope: AccessScope,
      kind: ReportKind,
      id: string,
      format: ReportFormat,
      query: { lang: Lang; asOf?: string | undefined },
    ) => {
      const doc = await buildReport(
        ctx,
        scope,
        kind,
        id,
        query.lang,
        query.asOf ?? beijingToday(ctx.clock),
      );
      const buffer = await renderReport(doc, format);
      return reply
        .header('content-type', REPORT_CONTENT_TYPES[format])
        .header(
          'content-disposition',
          contentDisposition(reportFileName(doc, format), asciiReportFileName(kind, format)),
        )
        .header('cache-control', 'private, no-store')
        .send(buffer);
    };

    const sendXlsx = (reply: FastifyReply, buffer: Buffer, name: string, ascii: string) =>
      reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', contentDisposition(name, ascii))
        .header('cache-control', 'private, no-store')
        .send(buffer);

    app.get(
      '/organisations/:orgId/systems/:systemId/reports/:kind.:format',
      {
        config: { access: { kind: 'org', permission: 'systems.read' } },
        schema: {
          tags,
          summary:
            'Grading report (定级报告) or filing form (备案表) of a system, as grading.docx, grading.pdf, filing.docx or filing.pdf',
          params: SystemParams.extend({
            kind: z.enum(SYSTEM_REPORT_KINDS),
            format: z.enum(REPORT_FORMATS),
          }),
          querystring: ReportQuery,
        },
      },
      // Assessors reach only assigned systems (the scope limits every query).
      async (req, reply) =>
        send(
          reply,
          scopeOf(req),
          req.params.kind,
          req.params.systemId,
          req.params.format,
          req.query,
        ),
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/reports/:kind.:format',
      {
        config: { access: { kind: 'org', permission: 'assessments.read' } },
        schema: {
          tags,
          summary:
            'Level assessment report (等级测评报告) or rectification plan (整改方案) of an assessment, as assessment.docx, assessment.pdf, rectification.docx or rectification.pdf',
          params: OrgParams.extend({
            assessmentId: z.string().uuid('must be an assessment id (UUID)'),
            kind: z.enum(ASSESSMENT_REPORT_KINDS),
            format: z.enum(REPORT_FORMATS),
          }),
          querystring: ReportQuery,
        },
      },
      // Assessors see the assessments of their assigned systems only.
      async (req, reply) =>
        send(
          reply,
          scopeOf(req),
          req.params.kind,
          req.params.assessmentId,
          req.params.format,
          req.query,
        ),
    );

    app.get(
      '/organisations/:orgId/reports/:kind.:format',
      {
        config: { access: { kind: 'org', permission: 'obligations.read' } },
        schema: {
          tags,
          summary:
            'Obligations calendar (合规义务日历) of the organisation, as calendar.docx or calendar.pdf',
          params: OrgParams.extend({
            kind: z.enum(ORGANISATION_REPORT_KINDS),
            format: z.enum(REPORT_FORMATS),
          }),
          querystring: ReportQuery,
        },
      },
      // Assessors see the obligations of their assigned systems only.
      async (req, reply) =>
        send(reply, scopeOf(req), req.params.kind, req.params.orgId, req.params.format, req.query),
    );

    app.get(
      '/organisations/:orgId/systems.xlsx',
      {
        config: { access: { kind: 'org', permission: 'systems.read' } },
        schema: {
          tags,
          summary: 'System inventory (定级对象清单) as an Excel workbook',
          params: OrgParams,
          querystring: AsOfQuery,
        },
      },
      async (req, reply) => {
        const asOf = req.query.asOf ?? beijingToday(ctx.clock);
        const buffer = await systemsInventoryExport(ctx, scopeOf(req), asOf);
        return sendXlsx(reply, buffer, `定级对象清单_${asOf}.xlsx`, 'systems.xlsx');
      },
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/findings.xlsx',
      {
        config: { access: { kind: 'org', permission: 'assessments.read' } },
        schema: {
          tags,
          summary: 'Findings (安全问题) of an assessment as an Excel workbook',
          params: OrgParams.extend({
            assessmentId: z.string().uuid('must be an assessment id (UUID)'),
          }),
        },
      },
      async (req, reply) => {
        const { buffer, title } = await findingsExport(ctx, scopeOf(req), req.params.assessmentId);
        return sendXlsx(reply, buffer, `${safeFileStem(title)}安全问题.xlsx`, 'findings.xlsx');
      },
    );

    app.get(
      '/organisations/:orgId/obligations.xlsx',
      {
        config: { access: { kind: 'org', permission: 'obligations.read' } },
        schema: {
          tags,
          summary: 'Obligations (合规义务) on a date as an Excel workbook',
          params: OrgParams,
          querystring: AsOfQuery,
        },
      },
      async (req, reply) => {
        const asOf = req.query.asOf ?? beijingToday(ctx.clock);
        const buffer = await obligationsExport(ctx, scopeOf(req), asOf);
        return sendXlsx(reply, buffer, `合规义务_${asOf}.xlsx`, 'obligations.xlsx');
      },
    );
  };
