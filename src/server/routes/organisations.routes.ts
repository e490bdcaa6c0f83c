import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import {
  createOrganisationCommand,
  updateOrganisationCommand,
} from '../../app/organisation-commands';
import { presentOrganisation } from '../../app/presenters';
import { MAX_INT, OrganisationInputSchema } from '../../shared/schemas';
import { listUserOrganisations } from '../../store/repositories/accounts.repository';
import { getOrganisation } from '../../store/repositories/organisations.repository';
import { orgAccessOf } from '../auth';
import { OrgParams } from './params';

export const organisationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.store.db;
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
      async (req) => {
        const p = req.principal;
        if (p?.kind === 'token') {
          const org = await getOrganisation(db, p.organisationId);
          return { items: [presentOrganisation(org, ctx.cipher, p.role)], total: 1 };
        }
        const mine = await listUserOrganisations(db, p?.kind === 'user' ? p.userId : '');
        const items = await Promise.all(
          mine.map(async (m) =>
            presentOrganisation(await getOrganisation(db, m.id), ctx.cipher, m.role),
          ),
        );
        return { items, total: items.length };
      },
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
      async (req) =>
        presentOrganisation(
          await getOrganisation(db, req.params.orgId),
          ctx.cipher,
          orgAccessOf(req).role,
        ),
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
          await updateOrganisationCommand(ctx, req.actor, req.params.orgId, req.body),
          ctx.cipher,
          orgAccessOf(req).role,
        ),
    );
  };
