import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { OBLIGATION_RULES } from '../../domain/obligations/evaluate';

export const rulesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/rules',
      {
        config: { access: { kind: 'signed_in' } },
        schema: {
          tags: ['rules'],
          summary: 'The obligation rule registry with sources and effective dates',
        },
      },
      async () => ({
        items: OBLIGATION_RULES.map((r) => ({
          id: r.id,
          titleZh: r.titleZh,
          titleEn: r.titleEn,
          effectiveFrom: r.effectiveFrom,
          effectiveTo: r.effectiveTo,
          needs: r.needs,
          provenance: r.provenance,
          notes: r.notes,
          citations: r.citations.map(ctx.labelCitation),
        })),
      }),
    );
  };
