import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import { buildCiiBoundaryReportFor, ciiBoundaryAsciiFileName } from '../../app/cii/report';
import {
  renderReport,
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  REPORT_LANGS,
  reportFileName,
} from '../../app/reports';
import { IsoDateSchema } from '../../shared/schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';
import { contentDisposition } from './reports.routes';

const BoundaryReportQuery = z.object({
  lang: z.enum(REPORT_LANGS).default('zh'),
  /** The report date and the day the duties are evaluated for (default: today, Beijing time). */
  asOf: IsoDateSchema.optional(),
});

/** CII documents: the boundary determination report (关键信息基础设施边界识别报告) of a core business. */
export const ciiReportsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/organisations/:orgId/cii/core-businesses/:businessId/reports/boundary.:format',
      {
        config: { access: { kind: 'org', permission: 'cii.read' } },
        schema: {
          tags: ['cii', 'reports'],
          summary:
            'CII boundary determination report (关键信息基础设施边界识别报告) of a core business, as boundary.docx or boundary.pdf',
          params: OrgParams.extend({
            businessId: z.string().uuid('must be a core business id (UUID)'),
            format: z.enum(REPORT_FORMATS),
          }),
          querystring: BoundaryReportQuery,
        },
      },
      async (req, reply) => {
        const { businessId, format } = req.params;
        const doc = await buildCiiBoundaryReportFor(
          ctx,
          scopeOf(req),
          businessId,
          req.query.lang,
          req.query.asOf ?? beijingToday(ctx.clock),
        );
        const buffer = await renderReport(doc, format);
        return reply
          .header('content-type', REPORT_CONTENT_TYPES[format])
          .header(
            'content-disposition',
            contentDisposition(reportFileName(doc, format), ciiBoundaryAsciiFileName(format)),
          )
          .header('cache-control', 'private, no-store')
          .send(buffer);
      },
    );
  };
