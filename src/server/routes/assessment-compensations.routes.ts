/**
 * Routes of the overall assessment (整体测评: compensation records) and of the previous
 * assessment's findings (上次测评问题整改情况). Registered from assessments.routes.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addCompensationCommand,
  compensationsQuery,
  deleteCompensationCommand,
  updateCompensationCommand,
} from '../../app/assessment/compensations';
import { previousFindingsQuery } from '../../app/assessment/previous-findings';
import type { AppContext } from '../../app/context';
import {
  CompensationInputSchema,
  CompensationPatchSchema,
} from '../../shared/compensation-schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

type App = Parameters<FastifyPluginAsyncZod>[0];

const read = { access: { kind: 'org', permission: 'assessments.read' } } as const;
const write = { access: { kind: 'org', permission: 'assessments.write' } } as const;

const uuid = (what: string) => z.string().uuid(`must be ${what} id (UUID)`);
const AssessmentParams = OrgParams.extend({ assessmentId: uuid('an assessment') });
const CompensationParams = AssessmentParams.extend({ compensationId: uuid('a compensation') });

export function registerCompensationRoutes(app: App, ctx: AppContext): void {
  const tags = ['assessments'];
  const base = '/organisations/:orgId/assessments/:assessmentId';

  app.get(
    `${base}/compensations`,
    {
      config: read,
      schema: {
        tags,
        summary:
          'Overall assessment (整体测评): compensations, what each adjusts now, and the outcomes they change',
        params: AssessmentParams,
      },
    },
    async (req) => compensationsQuery(ctx, scopeOf(req), req.params.assessmentId),
  );

  app.post(
    `${base}/compensations`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record a compensation: the failing item (on one object or all), the compensating item and object, the adjusted result and the reason',
        params: AssessmentParams,
        body: CompensationInputSchema,
      },
    },
    async (req, reply) => {
      const scope = scopeOf(req);
      const row = await addCompensationCommand(
        ctx,
        req.actor,
        scope,
        req.params.assessmentId,
        req.body,
      );
      const list = await compensationsQuery(ctx, scope, req.params.assessmentId);
      return reply.status(201).send(list.items.find((c) => c.id === row.id));
    },
  );

  app.patch(
    `${base}/compensations/:compensationId`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a compensation (optimistic version)',
        params: CompensationParams,
        body: CompensationPatchSchema,
      },
    },
    async (req) => {
      const scope = scopeOf(req);
      const row = await updateCompensationCommand(
        ctx,
        req.actor,
        scope,
        req.params.assessmentId,
        req.params.compensationId,
        req.body,
      );
      const list = await compensationsQuery(ctx, scope, req.params.assessmentId);
      return list.items.find((c) => c.id === row.id);
    },
  );

  app.delete(
    `${base}/compensations/:compensationId`,
    {
      config: write,
      schema: { tags, summary: 'Delete a compensation', params: CompensationParams },
    },
    async (req, reply) => {
      await deleteCompensationCommand(
        ctx,
        req.actor,
        scopeOf(req),
        req.params.assessmentId,
        req.params.compensationId,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    `${base}/previous-findings`,
    {
      config: read,
      schema: {
        tags,
        summary:
          '上次测评问题整改情况: the previous assessment’s findings with their rectification state and the outcome now',
        params: AssessmentParams,
      },
    },
    async (req) => previousFindingsQuery(ctx, scopeOf(req), req.params.assessmentId),
  );
}
