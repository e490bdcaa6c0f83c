import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createAppCheckCommand,
  deleteAppCheckCommand,
  updateAppCheckCommand,
} from '../../app/data-security/app-checks/commands';
import { appCheckQuery, appChecksQuery } from '../../app/data-security/app-checks/queries';
import type { AppContext } from '../../app/context';
import { AppCheckInputSchema, AppCheckPatchSchema } from '../../shared/data-security-schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const read = { access: { kind: 'org', permission: 'datasec.read' } } as const;
const write = { access: { kind: 'org', permission: 'datasec.write' } } as const;

const CheckParams = OrgParams.extend({ id: z.string().uuid('must be an app check id (UUID)') });

/**
 * App personal-information collection checks (App 个人信息收集检查): one app's description with
 * the flags the checks raise against the 2021 necessary-information rules, the 2019
 * identification method and PIPL, their counts and the exposure (PIPL Art. 66).
 */
export const appChecksRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['data-security'];
    const base = '/organisations/:orgId/data-security/app-checks';
    app.get(
      base,
      { config: read, schema: { tags, summary: 'App checks with their flags', params: OrgParams } },
      async (req) => appChecksQuery(ctx, scopeOf(req)),
    );
    app.post(
      base,
      {
        config: write,
        schema: {
          tags,
          summary: 'Check an app (over-collection, consent, SDKs, notice, permissions)',
          params: OrgParams,
          body: AppCheckInputSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createAppCheckCommand(ctx, req.actor, scopeOf(req), req.body)),
    );
    app.get(
      `${base}/:id`,
      { config: read, schema: { tags, summary: 'An app check', params: CheckParams } },
      async (req) => appCheckQuery(ctx, scopeOf(req), req.params.id),
    );
    app.patch(
      `${base}/:id`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit an app check (send the version you read)',
          params: CheckParams,
          body: AppCheckPatchSchema,
        },
      },
      async (req) => updateAppCheckCommand(ctx, req.actor, scopeOf(req), req.params.id, req.body),
    );
    app.delete(
      `${base}/:id`,
      { config: write, schema: { tags, summary: 'Delete an app check', params: CheckParams } },
      async (req, reply) => {
        await deleteAppCheckCommand(ctx, req.actor, scopeOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
