import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { createApiToken, revokeApiTokenCommand } from '../../app/identity';
import { presentApiToken, tokensQuery } from '../../app/tokens/queries';
import { ROLES } from '../../shared/roles';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const TokenParams = OrgParams.extend({ tokenId: z.string().uuid() });
const CreateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    expiresInDays: z.number().int().min(1),
  })
  .strict();

const manage = { access: { kind: 'org', permission: 'tokens.manage' } } as const;

export const tokensRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['tokens'];
    app.get(
      '/organisations/:orgId/tokens',
      {
        config: manage,
        schema: {
          tags,
          summary: 'API tokens of the organisation (secrets are never shown again)',
          params: OrgParams,
        },
      },
      async (req) => tokensQuery(ctx, scopeOf(req)),
    );
    app.post(
      '/organisations/:orgId/tokens',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Create an API token for a role the caller may create tokens for (see the grant matrix); the secret is returned once',
          params: OrgParams,
          body: CreateBody,
        },
      },
      async (req, reply) => {
        const { token, row } = await createApiToken(ctx, req.actor, scopeOf(req), req.body);
        return reply.status(201).send({ ...presentApiToken(row), token });
      },
    );
    app.delete(
      '/organisations/:orgId/tokens/:tokenId',
      { config: manage, schema: { tags, summary: 'Revoke an API token', params: TokenParams } },
      async (req, reply) => {
        await revokeApiTokenCommand(
          ctx,
          req.actor,
          scopeOf(req).role,
          scopeOf(req),
          req.params.tokenId,
        );
        return reply.status(204).send();
      },
    );
  };
