import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import { dataSecurityDutiesQuery } from '../../app/data-security/duties/queries';
import { saveDataSecurityProfileCommand } from '../../app/data-security/profile/commands';
import { dataSecurityProfileQuery } from '../../app/data-security/profile/queries';
import {
  createProvisionCommand,
  deleteProvisionCommand,
  updateProvisionCommand,
} from '../../app/data-security/provisions/commands';
import { provisionsQuery } from '../../app/data-security/provisions/queries';
import {
  DataSecurityProfilePatchSchema,
  ImportantDataProvisionPatchSchema,
  ImportantDataProvisionSchema,
} from '../../shared/data-security-schemas';
import { IsoDateSchema } from '../../shared/schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const read = { access: { kind: 'org', permission: 'datasec.read' } } as const;
const write = { access: { kind: 'org', permission: 'datasec.write' } } as const;

const ProvisionParams = OrgParams.extend({
  provisionId: z.string().uuid('must be an important-data provision id (UUID)'),
});
const AsOf = z.object({ asOf: IsoDateSchema.optional() }).strict();

/**
 * The organisation's data-security profile, its provisions of important data (NDS Art. 31) and
 * its data-security duties on a date (important data, officer and body, annual risk
 * assessment, reorganisation, export, large platforms, regulator-ordered audits).
 */
export const dataSecurityDutiesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['data-security'];
    const base = '/organisations/:orgId/data-security';

    app.get(
      `${base}/profile`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'The data-security profile (important-data declaration, officer and body, platform figures, reorganisation)',
          params: OrgParams,
        },
      },
      async (req) => dataSecurityProfileQuery(ctx, scopeOf(req)),
    );
    app.put(
      `${base}/profile`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Save the data-security profile (send the version you read; 0 creates it)',
          params: OrgParams,
          body: DataSecurityProfilePatchSchema,
        },
      },
      async (req) => saveDataSecurityProfileCommand(ctx, req.actor, scopeOf(req), req.body),
    );

    app.get(
      `${base}/provisions`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Provisions of important data (providing, entrusting, joint processing)',
          params: OrgParams,
        },
      },
      async (req) => provisionsQuery(ctx, scopeOf(req)),
    );
    app.post(
      `${base}/provisions`,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Record a provision of important data (its resources must be important or core in the inventory)',
          params: OrgParams,
          body: ImportantDataProvisionSchema,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await createProvisionCommand(ctx, req.actor, scopeOf(req), req.body)),
    );
    app.patch(
      `${base}/provisions/:provisionId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a provision of important data (send the version you read)',
          params: ProvisionParams,
          body: ImportantDataProvisionPatchSchema,
        },
      },
      async (req) =>
        updateProvisionCommand(ctx, req.actor, scopeOf(req), req.params.provisionId, req.body),
    );
    app.delete(
      `${base}/provisions/:provisionId`,
      {
        config: write,
        schema: { tags, summary: 'Delete a provision of important data', params: ProvisionParams },
      },
      async (req, reply) => {
        await deleteProvisionCommand(ctx, req.actor, scopeOf(req), req.params.provisionId);
        return reply.status(204).send();
      },
    );

    app.get(
      `${base}/duties`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Data-security duties on a date (NDS Regulations, DSL) with citations, due dates, states and the penalties they risk; and the PI compliance-audit cycle',
          params: OrgParams,
          querystring: AsOf,
        },
      },
      async (req) =>
        dataSecurityDutiesQuery(ctx, scopeOf(req), req.query.asOf ?? beijingToday(ctx.clock)),
    );
  };
