import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { auditLogQuery, PLATFORM_CHAIN, verifyAuditQuery } from '../../app/audit/queries';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

// Stored times are UTC ISO strings: convert any offset to UTC so text comparison is correct.
const Instant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO date-time' })
  .transform((s) => new Date(s).toISOString());
const ListQuery = z
  .object({
    userId: z.string().uuid().optional(),
    entityType: z.string().max(60).optional(),
    entityId: z.string().max(300).optional(),
    action: z.string().max(60).optional(),
    from: Instant.optional(),
    to: Instant.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['audit'];
    const orgRead = { access: { kind: 'org', permission: 'audit.read' } } as const;
    app.get(
      '/organisations/:orgId/audit',
      {
        config: orgRead,
        schema: {
          tags,
          summary: 'The organisation’s audit log, newest first',
          params: OrgParams,
          querystring: ListQuery,
        },
      },
      async (req) => auditLogQuery(ctx, scopeOf(req).organisationId, req.query),
    );
    app.get(
      '/organisations/:orgId/audit/verify',
      {
        config: orgRead,
        schema: {
          tags,
          summary: 'Check the SM3 hash chain; names the first broken entry',
          params: OrgParams,
        },
      },
      async (req) => verifyAuditQuery(ctx, scopeOf(req).organisationId),
    );
    app.get(
      '/audit',
      {
        config: { access: { kind: 'platform_admin' } },
        schema: {
          tags,
          summary: 'The platform audit log (accounts, sign-ins), newest first',
          querystring: ListQuery,
        },
      },
      async (req) => auditLogQuery(ctx, PLATFORM_CHAIN, req.query),
    );
    app.get(
      '/audit/verify',
      {
        config: { access: { kind: 'platform_admin' } },
        schema: { tags, summary: 'Check the platform audit chain' },
      },
      async () => verifyAuditQuery(ctx, PLATFORM_CHAIN),
    );
  };
