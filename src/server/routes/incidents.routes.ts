import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { incidentReport } from '../../app/documents/incident-report';
import {
  addIncidentReportCommand,
  createIncidentCommand,
  deleteIncidentCommand,
  updateIncidentCommand,
} from '../../app/data-security/incidents/commands';
import { incidentQuery, incidentsQuery } from '../../app/data-security/incidents/queries';
import type { AppContext } from '../../app/context';
import {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  REPORT_LANGS,
  reportFileName,
} from '../../app/reports';
import {
  IncidentInputSchema,
  IncidentPatchSchema,
  IncidentReportSchema,
} from '../../shared/data-security-schemas';
import { MAX_INT } from '../../shared/schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';
import { contentDisposition } from './reports.routes';

const read = { access: { kind: 'org', permission: 'datasec.read' } } as const;
const write = { access: { kind: 'org', permission: 'datasec.write' } } as const;

const IncidentParams = OrgParams.extend({
  incidentId: z.string().uuid('must be an incident id (UUID)'),
});

/**
 * The incident register (网络安全事件) of an organisation: incidents with the grading guide's
 * suggestion and the reporting duties as of now (2025 Measures Art. 4 rows, escalations,
 * follow-up and closing reports, PIPL Art. 57), report records, and the report form
 * (网络安全事件信息报告表) as Word or PDF.
 */
export const incidentsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['data-security'];
    const base = '/organisations/:orgId/data-security/incidents';

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Incidents (网络安全事件), newest found first, with their reporting duties as of now',
          params: OrgParams,
        },
      },
      async (req) => incidentsQuery(ctx, scopeOf(req)),
    );
    app.post(
      base,
      {
        config: write,
        schema: {
          tags,
          summary: 'Record an incident (the reporting clock runs from foundAt)',
          params: OrgParams,
          body: IncidentInputSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createIncidentCommand(ctx, req.actor, scopeOf(req), req.body)),
    );
    app.get(
      `${base}/:incidentId`,
      {
        config: read,
        schema: {
          tags,
          summary: 'An incident with its suggested grade, criteria met and reporting duties',
          params: IncidentParams,
        },
      },
      async (req) => incidentQuery(ctx, scopeOf(req), req.params.incidentId),
    );
    app.patch(
      `${base}/:incidentId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit an incident (send the version you read)',
          params: IncidentParams,
          body: IncidentPatchSchema,
        },
      },
      async (req) =>
        updateIncidentCommand(ctx, req.actor, scopeOf(req), req.params.incidentId, req.body),
    );
    app.delete(
      `${base}/:incidentId`,
      {
        config: write,
        schema: { tags, summary: 'Delete an incident', params: IncidentParams },
      },
      async (req, reply) => {
        await deleteIncidentCommand(ctx, req.actor, scopeOf(req), req.params.incidentId);
        return reply.status(204).send();
      },
    );
    app.post(
      `${base}/:incidentId/reports`,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Record a report made (initial, follow-up or closing, to whom, when); send the version you read',
          params: IncidentParams,
          body: IncidentReportSchema.extend({ version: z.number().int().min(1).max(MAX_INT) }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await addIncidentReportCommand(
              ctx,
              req.actor,
              scopeOf(req),
              req.params.incidentId,
              req.body,
            ),
          ),
    );
    app.get(
      `${base}/:incidentId/report`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'The report form (网络安全事件信息报告表, 2025 Measures Art. 7) or the closing report (事件处置总结报告, Art. 8) as Word or PDF',
          params: IncidentParams,
          querystring: z
            .object({
              format: z.enum(REPORT_FORMATS).default('pdf'),
              kind: z.enum(['initial', 'closing']).default('initial'),
              lang: z.enum(REPORT_LANGS).default('zh'),
            })
            .strict(),
        },
      },
      async (req, reply) => {
        const { format, kind, lang } = req.query;
        const { doc, buffer } = await incidentReport(
          ctx,
          scopeOf(req),
          req.params.incidentId,
          format,
          kind,
          lang,
        );
        return reply
          .header('content-type', REPORT_CONTENT_TYPES[format])
          .header(
            'content-disposition',
            contentDisposition(reportFileName(doc, format), `incident-report.${format}`),
          )
          .header('cache-control', 'private, no-store')
          .send(buffer);
      },
    );
  };
