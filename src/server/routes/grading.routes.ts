import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { presentGradingResult } from '../../app/presenters';
import { gradeSystem } from '../../domain/mlps/grading';
import { GradingInputSchema } from '../../shared/schemas';

export const gradingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/grading/preview',
      {
        config: { access: { kind: 'signed_in' } },
        schema: {
          tags: ['grading'],
          summary: 'Compute a GB/T 22240-2020 grading without storing it',
          body: GradingInputSchema,
        },
      },
      async (req) => presentGradingResult(gradeSystem(req.body), ctx.labelCitation),
    );
  };
