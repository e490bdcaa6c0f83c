import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import { pipiaReport } from '../../app/documents/pipia-report';
import {
  createPipiaCommand,
  deletePipiaCommand,
  transitionPipiaCommand,
  updatePipiaCommand,
} from '../../app/privacy/pipia/commands';
import { listPipiasQuery, pipiaDetailQuery, presentPipia } from '../../app/privacy/pipia/queries';
import {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  REPORT_LANGS,
  reportFileName,
} from '../../app/reports';
import {
  PipiaInputSchema,
  PipiaPatchSchema,
  PipiaTransitionSchema,
} from '../../shared/privacy-schemas';
import { IsoDateSchema } from '../../shared/schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';
import { contentDisposition } from './reports.routes';

const read = { access: { kind: 'org', permission: 'privacy.read' } } as const;
const write = { access: { kind: 'org', permission: 'privacy.write' } } as const;

const PipiaParams = OrgParams.extend({
  pipiaId: z.string().uuid('must be an impact assessment id (UUID)'),
});

/**
 * Personal-information protection impact assessments (PIPIA, 个人信息保护影响评估) of an
 * organisation: list, create from activities of the register, read, edit (draft / returned),
 * delete (drafts; approved ones after their retention), the workflow (submit, review, return,
 * approve) and the report as Word or PDF.
 */
export const pipiaRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['privacy'];
    const base = '/organisations/:orgId/privacy/pipias';

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary: 'Impact assessments (个人信息保护影响评估), newest first, without their answers',
          params: OrgParams,
        },
      },
      async (req) => listPipiasQuery(ctx, scopeOf(req)),
    );

    app.post(
      base,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Open an impact assessment of activities of the register: their PIPL Art. 55 triggers and the questionnaire version are recorded (status draft)',
          params: OrgParams,
          body: PipiaInputSchema,
        },
      },
      async (req, reply) => {
        const scope = scopeOf(req);
        const row = await createPipiaCommand(ctx, req.actor, scope, req.body);
        return reply.status(201).send(await presentPipia(ctx, scope.organisationId, row));
      },
    );

    app.get(
      `${base}/:pipiaId`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'An impact assessment: triggers, answers, conclusion, reviewers and their decisions, approval and retention',
          params: PipiaParams,
        },
      },
      async (req) => pipiaDetailQuery(ctx, scopeOf(req), req.params.pipiaId),
    );

    app.patch(
      `${base}/:pipiaId`,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Edit a draft or returned impact assessment with its version (answers replace the stored ones)',
          params: PipiaParams,
          body: PipiaPatchSchema,
        },
      },
      async (req) => {
        const scope = scopeOf(req);
        const row = await updatePipiaCommand(ctx, req.actor, scope, req.params.pipiaId, req.body);
        return presentPipia(ctx, scope.organisationId, row);
      },
    );

    app.delete(
      `${base}/:pipiaId`,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Delete a draft, or an approved impact assessment once its retention (PIPL Art. 56, three years) has run out',
          params: PipiaParams,
        },
      },
      async (req, reply) => {
        await deletePipiaCommand(ctx, req.actor, scopeOf(req), req.params.pipiaId);
        return reply.status(204).send();
      },
    );

    app.post(
      `${base}/:pipiaId/transitions`,
      {
        // Each action checks its own right: submit privacy.write, review a named reviewer,
        // return a named reviewer or privacy.approve, approve privacy.approve (not the creator).
        config: read,
        schema: {
          tags,
          summary:
            'Workflow: submit (draft/returned → in review), review (a named reviewer agrees), return (→ returned, with a comment), approve (→ approved; not by its creator)',
          params: PipiaParams,
          body: PipiaTransitionSchema,
        },
      },
      async (req) => {
        const scope = scopeOf(req);
        const row = await transitionPipiaCommand(
          ctx,
          req.actor,
          scope,
          req.params.pipiaId,
          req.body,
        );
        return presentPipia(ctx, scope.organisationId, row);
      },
    );

    app.get(
      `${base}/:pipiaId/report.:format`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'The impact assessment report (个人信息保护影响评估报告, after GB/T 39335) as report.docx or report.pdf; 草稿 watermark until approved',
          params: PipiaParams.extend({ format: z.enum(REPORT_FORMATS) }),
          querystring: z.object({
            lang: z.enum(REPORT_LANGS).default('zh'),
            asOf: IsoDateSchema.optional(),
          }),
        },
      },
      async (req, reply) => {
        const { doc, buffer } = await pipiaReport(
          ctx,
          scopeOf(req),
          req.params.pipiaId,
          req.params.format,
          req.query.lang,
          req.query.asOf ?? beijingToday(ctx.clock),
        );
        return reply
          .header('content-type', REPORT_CONTENT_TYPES[req.params.format])
          .header(
            'content-disposition',
            contentDisposition(
              reportFileName(doc, req.params.format),
              `pipia-report.${req.params.format}`,
            ),
          )
          .header('cache-control', 'private, no-store')
          .send(buffer);
      },
    );
  };
