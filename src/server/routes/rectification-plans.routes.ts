/**
 * The rectification plan's overall text (整改方案: objectives, principles, budget note), one per
 * assessment. The items' measures, schedule and costs go through PATCH /rectifications/:id.
 * Registered from assessments.routes.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  rectificationPlanQuery,
  saveRectificationPlanCommand,
} from '../../app/assessment/rectification';
import type { AppContext } from '../../app/context';
import { RectificationPlanInputSchema } from '../../shared/rectification-plan-schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

type App = Parameters<FastifyPluginAsyncZod>[0];

const read = { access: { kind: 'org', permission: 'assessments.read' } } as const;
const rectify = { access: { kind: 'org', permission: 'rectification.write' } } as const;
const AssessmentParams = OrgParams.extend({
  assessmentId: z.string().uuid('must be an assessment id (UUID)'),
});

export function registerRectificationPlanRoutes(app: App, ctx: AppContext): void {
  const tags = ['assessments'];
  const path = '/organisations/:orgId/assessments/:assessmentId/rectification-plan';

  app.get(
    path,
    {
      config: read,
      schema: {
        tags,
        summary:
          'The rectification plan’s objectives, principles and budget note (version 0: none yet)',
        params: AssessmentParams,
      },
    },
    async (req) => rectificationPlanQuery(ctx, scopeOf(req), req.params.assessmentId),
  );

  app.put(
    path,
    {
      config: rectify,
      schema: {
        tags,
        summary:
          'Save the rectification plan’s objectives, principles and budget note (version read; 0 creates)',
        params: AssessmentParams,
        body: RectificationPlanInputSchema,
      },
    },
    async (req) =>
      saveRectificationPlanCommand(ctx, req.actor, scopeOf(req), req.params.assessmentId, req.body),
  );
}
