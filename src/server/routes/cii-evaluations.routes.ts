import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  completeCiiEvaluationCommand,
  createCiiEvaluationCommand,
  createCiiRectificationCommand,
  reopenCiiEvaluationCommand,
  updateCiiRectificationCommand,
  writeCiiEvaluationResultsCommand,
} from '../../app/cii/evaluation-commands';
import {
  capabilityCatalogQuery,
  ciiEvaluationDetailQuery,
  listCiiEvaluationsQuery,
  presentRectification,
} from '../../app/cii/evaluation-queries';
import type { AccessScope } from '../../app/access';
import type { AppContext } from '../../app/context';
import {
  CiiEvaluationInputSchema,
  CiiEvaluationResultsInputSchema,
  CiiEvaluationTransitionSchema,
  CiiRectificationInputSchema,
  CiiRectificationPatchSchema,
} from '../../shared/cii-evaluation-schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const read = { access: { kind: 'org', permission: 'cii.read' } } as const;
const write = { access: { kind: 'org', permission: 'cii.write' } } as const;

const uuid = (what: string) => z.string().uuid(`must be ${what} id (UUID)`);
const BusinessParams = OrgParams.extend({ businessId: uuid('a core business') });
const EvaluationParams = OrgParams.extend({ evaluationId: uuid('a capability evaluation') });
const RectificationParams = EvaluationParams.extend({
  rectificationId: uuid('a rectification item'),
});

/**
 * GB/T 39204-2022 capability evaluations (关键信息基础设施安全保护能力评价) of a core business:
 * the catalog, evaluations, bulk results, complete / reopen, rectification of findings.
 */
export const ciiEvaluationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cii'];
    const detail = (scope: AccessScope, id: string) => ciiEvaluationDetailQuery(ctx, scope, id);

    app.get(
      '/organisations/:orgId/cii/capability-catalog',
      {
        config: read,
        schema: {
          tags,
          summary:
            'The GB/T 39204-2022 capability catalog: chapters 6–11, clauses and items with provenance',
          params: OrgParams,
          querystring: z.object({ chapter: z.string().optional() }),
        },
      },
      async (req) => capabilityCatalogQuery(req.query.chapter),
    );

    app.get(
      '/organisations/:orgId/cii/core-businesses/:businessId/evaluations',
      {
        config: read,
        schema: {
          tags,
          summary: 'Capability evaluations of a core business, newest first, with overall scores',
          params: BusinessParams,
        },
      },
      async (req) => listCiiEvaluationsQuery(ctx, scopeOf(req), req.params.businessId),
    );

    app.post(
      '/organisations/:orgId/cii/core-businesses/:businessId/evaluations',
      {
        config: write,
        schema: {
          tags,
          summary: 'Start a capability evaluation of a core business (status draft)',
          params: BusinessParams,
          body: CiiEvaluationInputSchema,
        },
      },
      async (req, reply) => {
        const row = await createCiiEvaluationCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.businessId,
          req.body,
        );
        return reply.status(201).send(await detail(scopeOf(req), row.id));
      },
    );

    app.get(
      '/organisations/:orgId/cii/evaluations/:evaluationId',
      {
        config: read,
        schema: {
          tags,
          summary:
            'A capability evaluation: every requirement with its result, chapter scores, findings, rectification',
          params: EvaluationParams,
        },
      },
      async (req) => detail(scopeOf(req), req.params.evaluationId),
    );

    app.put(
      '/organisations/:orgId/cii/evaluations/:evaluationId/results',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Record results (each with its version: 0 creates); all rows are written or none',
          params: EvaluationParams,
          body: CiiEvaluationResultsInputSchema,
        },
      },
      async (req) => {
        await writeCiiEvaluationResultsCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.evaluationId,
          req.body,
        );
        return detail(scopeOf(req), req.params.evaluationId);
      },
    );

    app.post(
      '/organisations/:orgId/cii/evaluations/:evaluationId/complete',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Complete the evaluation (every requirement needs a result); it becomes read-only',
          params: EvaluationParams,
          body: CiiEvaluationTransitionSchema,
        },
      },
      async (req) => {
        await completeCiiEvaluationCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.evaluationId,
          req.body,
        );
        return detail(scopeOf(req), req.params.evaluationId);
      },
    );

    app.post(
      '/organisations/:orgId/cii/evaluations/:evaluationId/reopen',
      {
        config: write,
        schema: {
          tags,
          summary: 'Reopen a completed evaluation (back to draft)',
          params: EvaluationParams,
          body: CiiEvaluationTransitionSchema,
        },
      },
      async (req) => {
        await reopenCiiEvaluationCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.evaluationId,
          req.body,
        );
        return detail(scopeOf(req), req.params.evaluationId);
      },
    );

    app.post(
      '/organisations/:orgId/cii/evaluations/:evaluationId/rectifications',
      {
        config: write,
        schema: {
          tags,
          summary: 'Create a rectification item for a finding (不符合 / 部分符合)',
          params: EvaluationParams,
          body: CiiRectificationInputSchema,
        },
      },
      async (req, reply) => {
        const row = await createCiiRectificationCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.evaluationId,
          req.body,
        );
        return reply.status(201).send(presentRectification(ctx, row));
      },
    );

    app.patch(
      '/organisations/:orgId/cii/evaluations/:evaluationId/rectifications/:rectificationId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Update a rectification item (owner, due date, plan, status) with its version',
          params: RectificationParams,
          body: CiiRectificationPatchSchema,
        },
      },
      async (req) => {
        const row = await updateCiiRectificationCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.evaluationId,
          req.params.rectificationId,
          req.body,
        );
        return presentRectification(ctx, row);
      },
    );
  };
