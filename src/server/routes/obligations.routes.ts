import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import { clearObligationStatus, listObligations, setObligationStatus } from '../../app/obligations';
import { IsoDateSchema, ObligationStatusInputSchema } from '../../shared/schemas';
import { getOrganisation } from '../../store/repositories/organisations.repository';
import { OrgParams } from './params';

const Query = z
  .object({ asOf: IsoDateSchema.optional(), systemId: z.string().uuid().optional() })
  .strict();
const KeyBody = z.object({ key: z.string().min(1).max(300) });

export const obligationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['obligations'];
    app.get(
      '/organisations/:orgId/obligations',
      {
        schema: {
          tags,
          summary:
            'Every obligation of the organisation on a date (default today, Beijing time), with citations',
          params: OrgParams,
          querystring: Query,
        },
      },
      async (req) => {
        await getOrganisation(ctx.store.db, req.params.orgId);
        return listObligations(
          ctx,
          req.params.orgId,
          req.query.asOf ?? beijingToday(ctx.clock),
          req.query.systemId,
        );
      },
    );
    app.put(
      '/organisations/:orgId/obligations/status',
      {
        schema: {
          tags,
          summary: 'Mark an obligation done or not applicable (with reason)',
          params: OrgParams,
          body: ObligationStatusInputSchema.and(KeyBody).and(
            z.object({ asOf: IsoDateSchema.optional() }),
          ),
        },
      },
      async (req) => {
        const { key, asOf, ...status } = req.body;
        return setObligationStatus(
          ctx,
          req.params.orgId,
          key,
          status,
          asOf ?? beijingToday(ctx.clock),
        );
      },
    );
    app.delete(
      '/organisations/:orgId/obligations/status',
      {
        schema: {
          tags,
          summary: 'Clear a manual obligation status',
          params: OrgParams,
          querystring: KeyBody,
        },
      },
      async (req, reply) => {
        await clearObligationStatus(ctx, req.params.orgId, req.query.key);
        return reply.status(204).send();
      },
    );
  };
