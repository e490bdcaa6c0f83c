import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import {
  createOrganisationCommand,
  updateOrganisationCommand,
} from '../../app/organisations/commands';
import { myOrganisationsQuery, organisationQuery } from '../../app/organisations/queries';
import { presentOrganisation } from '../../app/presenters';
import { MAX_INT, OrganisationInputSchema } from '../../shared/schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

export const organisationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['organisations'];
    app.get(
      '/organisations',
      {
        config: { access: { kind: 'signed_in' } },
        schema: {
          tags,
          summary: 'The organisations the caller belongs to, with the caller’s role',
        },
      },
      async (req) => myOrganisationsQuery(ctx, req.principal),
    );
    app.post(
      '/organisations',
      {
        config: { access: { kind: 'platform_admin' } },
        schema: {
          tags,
          summary: 'Create an organisation (network operator); the creator becomes its owner',
          body: OrganisationInputSchema,
        },
      },
      async (req, reply) => {
        const row = await createOrganisationCommand(ctx, req.actor, req.body);
        return reply.status(201).send(presentOrganisation(row, ctx.cipher, 'owner'));
      },
    );
    app.get(
      '/organisations/:orgId',
      {
        config: { access: { kind: 'org', permission: 'org.read' } },
        schema: { tags, params: OrgParams },
      },
      async (req) => organisationQuery(ctx, scopeOf(req)),
    );
    app.patch(
      '/organisations/:orgId',
      {
        config: { access: { kind: 'org', permission: 'org.update' } },
        schema: {
          tags,
          params: OrgParams,
          body: OrganisationInputSchema.partial()
            .extend({ version: z.number().int().min(1).max(MAX_INT) })
            .strict(),
        },
      },
      async (req) =>
        presentOrganisation(
          await updateOrganisationCommand(ctx, req.actor, scopeOf(req), req.body),
          ctx.cipher,
          scopeOf(req).role,
        ),
    );
  };
