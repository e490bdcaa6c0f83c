import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { presentSystem } from '../../app/presenters';
import {
  addRecordCommand,
  createSystemCommand,
  deleteSystemCommand,
  recordGradingCommand,
  updateSystemCommand,
} from '../../app/systems/commands';
import { getSystemDetail } from '../../app/systems/detail';
import { presentSystemWithFiling, systemsQuery } from '../../app/systems/queries';
import { SYSTEM_TYPES } from '../../shared/mlps';
import {
  EventInputSchema,
  FilingInputSchema,
  GradingRecordInputSchema,
  ReviewInputSchema,
  SystemInputSchema,
  SystemPatchSchema,
} from '../../shared/schemas';
import { scopeOf } from '../auth';
import { OrgParams, SystemParams } from './params';

const ListQuery = z
  .object({
    q: z.string().max(200).optional(),
    level: z.coerce.number().int().min(1).max(5).optional(),
    type: z.enum(SYSTEM_TYPES).optional(),
    sort: z.enum(['name', 'level', 'gradedOn', 'updatedAt']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(10000).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const read = { access: { kind: 'org', permission: 'systems.read' } } as const;
const write = { access: { kind: 'org', permission: 'systems.write' } } as const;

export const systemsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['systems'];
    const detail = (req: FastifyRequest<{ Params: { systemId: string } }>) =>
      getSystemDetail(ctx, scopeOf(req), req.params.systemId);

    app.get(
      '/organisations/:orgId/systems',
      {
        config: read,
        schema: {
          tags,
          summary: 'List grading objects (systems)',
          params: OrgParams,
          querystring: ListQuery,
        },
      },
      async (req) => systemsQuery(ctx, scopeOf(req), req.query),
    );

    app.post(
      '/organisations/:orgId/systems',
      {
        config: write,
        schema: {
          tags,
          summary: 'Create a grading object',
          params: OrgParams,
          body: SystemInputSchema,
        },
      },
      async (req, reply) => {
        const row = await createSystemCommand(ctx, req.actor, scopeOf(req), req.body);
        return reply.status(201).send(presentSystem(row, undefined, ctx.cipher));
      },
    );

    app.get(
      '/organisations/:orgId/systems/:systemId',
      {
        config: read,
        schema: {
          tags,
          summary: 'A system with its grading, reviews, filings and warnings',
          params: SystemParams,
        },
      },
      async (req) => detail(req),
    );

    app.patch(
      '/organisations/:orgId/systems/:systemId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a system (optimistic: send the version you read)',
          params: SystemParams,
          body: SystemPatchSchema,
        },
      },
      async (req) => {
        const scope = scopeOf(req);
        const row = await updateSystemCommand(ctx, req.actor, scope, req.params.systemId, req.body);
        return presentSystemWithFiling(ctx, scope, row);
      },
    );

    app.delete(
      '/organisations/:orgId/systems/:systemId',
      {
        config: write,
        schema: { tags, summary: 'Delete a system and its records', params: SystemParams },
      },
      async (req, reply) => {
        await deleteSystemCommand(ctx, req.actor, scopeOf(req), req.params.systemId);
        return reply.status(204).send();
      },
    );

    app.post(
      '/organisations/:orgId/systems/:systemId/gradings',
      {
        config: write,
        schema: {
          tags,
          summary: 'Grade (or regrade) a system and record why',
          params: SystemParams,
          body: GradingRecordInputSchema,
        },
      },
      async (req, reply) => {
        await recordGradingCommand(ctx, req.actor, scopeOf(req), req.params.systemId, req.body);
        return reply.status(201).send(await detail(req));
      },
    );

    const records = [
      {
        suffix: 'reviews',
        kind: 'review',
        body: ReviewInputSchema,
        summary: 'Record an expert review or competent-authority approval',
      },
      {
        suffix: 'filings',
        kind: 'filing',
        body: FilingInputSchema,
        summary: 'Record a filing with public security',
      },
      {
        suffix: 'events',
        kind: 'event',
        body: EventInputSchema,
        summary: 'Record a completed assessment (MLPS, crypto, CII risk)',
      },
    ] as const;
    for (const r of records) {
      app.post(
        `/organisations/:orgId/systems/:systemId/${r.suffix}`,
        { config: write, schema: { tags, summary: r.summary, params: SystemParams, body: r.body } },
        async (req, reply) => {
          await addRecordCommand(
            ctx,
            req.actor,
            r.kind,
            scopeOf(req),
            req.params.systemId,
            req.body as never,
          );
          return reply.status(201).send(await detail(req));
        },
      );
    }
  };
