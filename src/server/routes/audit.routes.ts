import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { verifyAuditView } from '../../app/audit-anchors';
import { listAudit } from '../../store/repositories/audit.repository';
import type { AuditEntryRow } from '../../store/schema';
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

const present = (r: AuditEntryRow) => ({
  id: r.id,
  seq: r.seq,
  at: r.at,
  actorUserId: r.actor_user_id,
  actorTokenId: r.actor_token_id,
  actorLabel: r.actor_label,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  changes: JSON.parse(r.changes) as unknown,
  requestId: r.request_id,
  sourceIp: r.source_ip,
  hash: r.hash,
});

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['audit'];
    const db = ctx.store.db;
    const list = async (orgId: string, query: z.infer<typeof ListQuery>) => {
      const { rows, total } = await listAudit(db, orgId, query);
      return { items: rows.map(present), total };
    };
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
      async (req) => list(req.params.orgId, req.query),
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
      async (req) => verifyAuditView(db, req.params.orgId, ctx.auditAnchorFile),
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
      async (req) => list('', req.query),
    );
    app.get(
      '/audit/verify',
      {
        config: { access: { kind: 'platform_admin' } },
        schema: { tags, summary: 'Check the platform audit chain' },
      },
      async () => verifyAuditView(db, '', ctx.auditAnchorFile),
    );
  };
