import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import {
  createPiAuditCommand,
  deletePiAuditCommand,
  updatePiAuditCommand,
} from '../../app/data-security/pi-audits/commands';
import { piAuditQuery, piAuditsQuery } from '../../app/data-security/pi-audits/queries';
import { PiAuditInputSchema, PiAuditPatchSchema } from '../../shared/data-security-schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const read = { access: { kind: 'org', permission: 'datasec.read' } } as const;
const write = { access: { kind: 'org', permission: 'datasec.write' } } as const;

const AuditParams = OrgParams.extend({
  auditId: z.string().uuid('must be a compliance audit id (UUID)'),
});

/**
 * Personal-information compliance audits (个人信息保护合规审计): plan, record completion and
 * track findings. Completed audits feed the personal-information duty privacy.compliance-audit;
 * audits the authority ordered are duties of GET …/data-security/duties.
 */
export const piAuditsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['data-security'];
    const base = '/organisations/:orgId/data-security/pi-audits';

    app.get(
      base,
      {
        config: read,
        schema: { tags, summary: 'PI compliance audits (newest planned first)', params: OrgParams },
      },
      async (req) => piAuditsQuery(ctx, scopeOf(req)),
    );
    app.post(
      base,
      {
        config: write,
        schema: {
          tags,
          summary: 'Plan or record a PI compliance audit with its findings',
          params: OrgParams,
          body: PiAuditInputSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createPiAuditCommand(ctx, req.actor, scopeOf(req), req.body)),
    );
    app.get(
      `${base}/:auditId`,
      { config: read, schema: { tags, summary: 'A PI compliance audit', params: AuditParams } },
      async (req) => piAuditQuery(ctx, scopeOf(req), req.params.auditId),
    );
    app.patch(
      `${base}/:auditId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a PI compliance audit (send the version you read)',
          params: AuditParams,
          body: PiAuditPatchSchema,
        },
      },
      async (req) =>
        updatePiAuditCommand(ctx, req.actor, scopeOf(req), req.params.auditId, req.body),
    );
    app.delete(
      `${base}/:auditId`,
      {
        config: write,
        schema: { tags, summary: 'Delete a PI compliance audit', params: AuditParams },
      },
      async (req, reply) => {
        await deletePiAuditCommand(ctx, req.actor, scopeOf(req), req.params.auditId);
        return reply.status(204).send();
      },
    );
  };
