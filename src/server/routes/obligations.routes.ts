import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import {
  clearObligationStatusCommand,
  obligationsQuery,
  setObligationStatusCommand,
} from '../../app/obligations-scoped';
import { IsoDateSchema, ObligationStatusInputSchema } from '../../shared/schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const Query = z
  .object({ asOf: IsoDateSchema.optional(), systemId: z.string().uuid().optional() })
  .strict();
const KeyBody = z.object({ key: z.string().min(1).max(300) });

export const obligationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['obligations'];
    const write = { access: { kind: 'org', permission: 'obligations.write' } } as const;
    app.get(
      '/organisations/:orgId/obligations',
      {
        config: { access: { kind: 'org', permission: 'obligations.read' } },
        schema: {
          tags,
          summary:
            'Every obligation of the organisation on a date (default today, Beijing time), with citations',
          params: OrgParams,
          querystring: Query,
        },
      },
      async (req) =>
        obligationsQuery(ctx, scopeOf(req), req.query.asOf ?? beijingToday(ctx.clock), {
          systemId: req.query.systemId,
        }),
    );
    app.put(
      '/organisations/:orgId/obligations/status',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Mark an obligation done or not applicable (with reason; the note is stored encrypted)',
          params: OrgParams,
          body: ObligationStatusInputSchema.and(KeyBody).and(
            z.object({ asOf: IsoDateSchema.optional() }),
          ),
        },
      },
      async (req) => {
        const { key, asOf, ...status } = req.body;
        return setObligationStatusCommand(
          ctx,
          req.actor,
          scopeOf(req),
          key,
          status,
          asOf ?? beijingToday(ctx.clock),
        );
      },
    );
    app.delete(
      '/organisations/:orgId/obligations/status',
      {
        config: write,
        schema: {
          tags,
          summary: 'Clear a manual obligation status',
          params: OrgParams,
          querystring: KeyBody,
        },
      },
      async (req, reply) => {
        await clearObligationStatusCommand(ctx, req.actor, scopeOf(req), req.query.key);
        return reply.status(204).send();
      },
    );
  };
