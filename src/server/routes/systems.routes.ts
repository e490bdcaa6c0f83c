import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { presentSystem, presentSystemSummary } from '../../app/presenters';
import { recordGrading } from '../../app/record-grading';
import { getSystemDetail } from '../../app/system-detail';
import { SYSTEM_TYPES } from '../../shared/mlps';
import {
  EventInputSchema,
  FilingInputSchema,
  GradingRecordInputSchema,
  ReviewInputSchema,
  SystemInputSchema,
  SystemPatchSchema,
} from '../../shared/schemas';
import { getOrganisation } from '../../store/repositories/organisations.repository';
import {
  insertEvent,
  insertFiling,
  insertReview,
  latestFilings,
  loadRecords,
} from '../../store/repositories/records.repository';
import {
  createSystem,
  deleteSystem,
  getSystem,
  listSystems,
  updateSystem,
} from '../../store/repositories/systems.repository';
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

export const systemsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.store.db;
    const now = () => ctx.clock.now().toISOString();
    const tags = ['systems'];

    app.get(
      '/organisations/:orgId/systems',
      {
        schema: {
          tags,
          summary: 'List grading objects (systems)',
          params: OrgParams,
          querystring: ListQuery,
        },
      },
      async (req) => {
        await getOrganisation(db, req.params.orgId);
        const { rows, total } = await listSystems(db, req.params.orgId, req.query);
        const filings = await latestFilings(
          db,
          req.params.orgId,
          rows.map((r) => r.id),
        );
        return { items: rows.map((r) => presentSystemSummary(r, filings.get(r.id))), total };
      },
    );

    app.post(
      '/organisations/:orgId/systems',
      {
        schema: {
          tags,
          summary: 'Create a grading object',
          params: OrgParams,
          body: SystemInputSchema,
        },
      },
      async (req, reply) => {
        await getOrganisation(db, req.params.orgId);
        const row = await createSystem(db, req.params.orgId, req.body, now());
        return reply.status(201).send(presentSystem(row, undefined));
      },
    );

    app.get(
      '/organisations/:orgId/systems/:systemId',
      {
        schema: {
          tags,
          summary: 'A system with its grading, reviews, filings and warnings',
          params: SystemParams,
        },
      },
      async (req) => getSystemDetail(ctx, req.params.orgId, req.params.systemId),
    );

    app.patch(
      '/organisations/:orgId/systems/:systemId',
      {
        schema: {
          tags,
          summary: 'Edit a system (optimistic: send the version you read)',
          params: SystemParams,
          body: SystemPatchSchema,
        },
      },
      async (req) => {
        const row = await updateSystem(db, req.params.orgId, req.params.systemId, req.body, now());
        const records = await loadRecords(db, req.params.orgId, [row.id]);
        return presentSystem(row, records.get(row.id)?.filings.at(-1));
      },
    );

    app.delete(
      '/organisations/:orgId/systems/:systemId',
      { schema: { tags, summary: 'Delete a system and its records', params: SystemParams } },
      async (req, reply) => {
        await deleteSystem(db, req.params.orgId, req.params.systemId);
        return reply.status(204).send();
      },
    );

    app.post(
      '/organisations/:orgId/systems/:systemId/gradings',
      {
        schema: {
          tags,
          summary: 'Grade (or regrade) a system and record why',
          params: SystemParams,
          body: GradingRecordInputSchema,
        },
      },
      async (req, reply) => {
        await recordGrading(db, req.params.orgId, req.params.systemId, req.body, now());
        return reply
          .status(201)
          .send(await getSystemDetail(ctx, req.params.orgId, req.params.systemId));
      },
    );

    const child = <B extends z.ZodType>(
      suffix: string,
      summary: string,
      body: B,
      insert: (orgId: string, systemId: string, input: z.output<B>, at: string) => Promise<unknown>,
    ) =>
      app.post(
        `/organisations/:orgId/systems/:systemId/${suffix}`,
        { schema: { tags, summary, params: SystemParams, body } },
        async (req, reply) => {
          const { orgId, systemId } = req.params;
          await getSystem(db, orgId, systemId);
          await insert(orgId, systemId, req.body as z.output<B>, now());
          return reply.status(201).send(await getSystemDetail(ctx, orgId, systemId));
        },
      );
    child(
      'reviews',
      'Record an expert review or competent-authority approval',
      ReviewInputSchema,
      (o, s, i, at) => insertReview(db, o, s, i, at),
    );
    child('filings', 'Record a filing with public security', FilingInputSchema, (o, s, i, at) =>
      insertFiling(db, o, s, i, at),
    );
    child(
      'events',
      'Record a completed assessment (MLPS, crypto, CII risk)',
      EventInputSchema,
      (o, s, i, at) => insertEvent(db, o, s, i, at),
    );
  };
