import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { presentOrganisation } from '../../app/presenters';
import { OrganisationInputSchema } from '../../shared/schemas';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from '../../store/repositories/organisations.repository';
import { OrgParams } from './params';

export const organisationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.store.db;
    const now = () => ctx.clock.now().toISOString();
    app.get(
      '/organisations',
      { schema: { tags: ['organisations'], summary: 'List organisations' } },
      async () => {
        const items = (await listOrganisations(db)).map(presentOrganisation);
        return { items, total: items.length };
      },
    );
    app.post(
      '/organisations',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Create an organisation (network operator)',
          body: OrganisationInputSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(presentOrganisation(await createOrganisation(db, req.body, now()))),
    );
    app.get(
      '/organisations/:orgId',
      { schema: { tags: ['organisations'], params: OrgParams } },
      async (req) => presentOrganisation(await getOrganisation(db, req.params.orgId)),
    );
    app.patch(
      '/organisations/:orgId',
      {
        schema: {
          tags: ['organisations'],
          params: OrgParams,
          body: OrganisationInputSchema.partial()
            .extend({ version: z.number().int().min(1) })
            .strict(),
        },
      },
      async (req) =>
        presentOrganisation(await updateOrganisation(db, req.params.orgId, req.body, now())),
    );
  };
