import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { createApiToken, listApiTokensWithState, revokeApiTokenCommand } from '../../app/identity';
import { ROLES } from '../../shared/roles';
import type { ApiTokenRow } from '../../store/schema';
import { orgAccessOf } from '../auth';
import { OrgParams } from './params';

const TokenParams = OrgParams.extend({ tokenId: z.string().uuid() });
const CreateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    expiresInDays: z.number().int().min(1),
  })
  .strict();

const present = (t: ApiTokenRow, state?: { createdBy: string | null; suspended: boolean }) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
  // True when the creator has left or may no longer create this role: the token answers 401.
  suspended: state?.suspended ?? false,
  createdBy: state?.createdBy ?? null,
});

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
      async (req) => {
        const items = (await listApiTokensWithState(ctx, req.params.orgId)).map((t) =>
          present(t.row, t),
        );
        return { items, total: items.length };
      },
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
        const { token, row } = await createApiToken(ctx, req.actor, req.params.orgId, req.body);
        return reply.status(201).send({ ...present(row), token });
      },
    );
    app.delete(
      '/organisations/:orgId/tokens/:tokenId',
      { config: manage, schema: { tags, summary: 'Revoke an API token', params: TokenParams } },
      async (req, reply) => {
        await revokeApiTokenCommand(
          ctx,
          req.actor,
          orgAccessOf(req).role,
          req.params.orgId,
          req.params.tokenId,
        );
        return reply.status(204).send();
      },
    );
  };
