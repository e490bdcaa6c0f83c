import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audited } from '../../app/actor';
import type { AppContext } from '../../app/context';
import { createApiToken } from '../../app/identity';
import { ForbiddenError, NotFoundError } from '../../errors';
import { ROLES } from '../../shared/roles';
import { listApiTokens, revokeApiToken } from '../../store/repositories/accounts.repository';
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

const present = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
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
        const items = (await listApiTokens(ctx.store.db, req.params.orgId)).map(present);
        return { items, total: items.length };
      },
    );
    app.post(
      '/organisations/:orgId/tokens',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create an API token for one role; the secret is returned once',
          params: OrgParams,
          body: CreateBody,
        },
      },
      async (req, reply) => {
        if (req.body.role === 'owner' && orgAccessOf(req).role !== 'owner') {
          throw new ForbiddenError('only an owner may create an owner token');
        }
        const { token, row } = await createApiToken(ctx, req.actor, req.params.orgId, req.body);
        return reply.status(201).send({ ...present(row), token });
      },
    );
    app.delete(
      '/organisations/:orgId/tokens/:tokenId',
      { config: manage, schema: { tags, summary: 'Revoke an API token', params: TokenParams } },
      async (req, reply) => {
        await audited(ctx, req.actor, async (trx, audit, now) => {
          const n = await revokeApiToken(trx, req.params.orgId, req.params.tokenId, now);
          if (n === 0) throw new NotFoundError('active token', req.params.tokenId);
          await audit({
            organisationId: req.params.orgId,
            action: 'token.revoke',
            entityType: 'api_token',
            entityId: req.params.tokenId,
            changes: { revoked_at: { before: null, after: now } },
          });
        });
        return reply.status(204).send();
      },
    );
  };
