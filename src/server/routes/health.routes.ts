import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { healthQuery } from '../../app/bootstrap';
import type { AppContext } from '../../app/context';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['health'],
          summary: 'Liveness and store kind',
          response: {
            200: z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) }),
          },
        },
      },
      async () => healthQuery(ctx),
    );
  };
