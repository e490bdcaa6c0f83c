import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingToday } from '../../app/clock';
import {
  createAssetCommand,
  createCoreBusinessCommand,
  createDependencyCommand,
  createFlowCommand,
  deleteAssetCommand,
  deleteCoreBusinessCommand,
  deleteDependencyCommand,
  deleteFlowCommand,
  recordDeterminationCommand,
  updateAssetCommand,
  updateCoreBusinessCommand,
  updateFlowCommand,
} from '../../app/cii/commands';
import { CII_WORKBOOK_MAX_BYTES, ciiWorkbook, readCiiWorkbook } from '../../app/cii-excel';
import { ciiFileQuery, importCiiFileCommand } from '../../app/cii/file';
import { presentDependency, presentFlow } from '../../app/cii/model';
import {
  assetsQuery,
  boundaryQuery,
  coreBusinessesQuery,
  coreBusinessQuery,
  determinationsQuery,
  dutiesQuery,
  flowsQuery,
  coreBusinessView,
  dependenciesQuery,
} from '../../app/cii/queries';
import {
  CiiAssetInputSchema,
  CiiAssetPatchSchema,
  CiiDependencyInputSchema,
  CiiDeterminationInputSchema,
  CiiFileSchema,
  CiiFlowInputSchema,
  CiiFlowPatchSchema,
  CoreBusinessInputSchema,
  CoreBusinessPatchSchema,
} from '../../shared/cii-schemas';
import { IsoDateSchema } from '../../shared/schemas';
import type { AccessScope } from '../../app/access';
import type { AppContext } from '../../app/context';
import { ValidationError } from '../../errors';
import { sm3Hex } from '../../security/secrets';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const sm3Buffer = (b: Buffer) => createHash('sm3').update(b).digest('hex');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const read = { access: { kind: 'org', permission: 'cii.read' } } as const;
const write = { access: { kind: 'org', permission: 'cii.write' } } as const;

const id = (what: string) => z.string().uuid(`must be a ${what} id (UUID)`);
const BusinessParams = OrgParams.extend({ businessId: id('core business') });
const AssetParams = OrgParams.extend({ assetId: id('asset') });
const DependencyParams = OrgParams.extend({ dependencyId: id('dependency') });
const FlowParams = OrgParams.extend({ flowId: id('flow') });

/** CII: core businesses, assets, dependencies, information flows, boundary and duties. */
export const ciiRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cii'];
    // The Excel workbook arrives as the raw body.
    app.addContentTypeParser(
      [XLSX, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: CII_WORKBOOK_MAX_BYTES + 1024 },
      (_req, body, done) => done(null, body),
    );
    const base = '/organisations/:orgId/cii';
    const assetView = async (scope: AccessScope, assetId: string) =>
      (await assetsQuery(ctx, scope)).find((a) => a.id === assetId)!;

    // --- core businesses ---
    app.get(
      `${base}/core-businesses`,
      { config: read, schema: { tags, summary: 'Core businesses (核心业务)', params: OrgParams } },
      async (req) => coreBusinessesQuery(ctx, scopeOf(req)),
    );
    app.post(
      `${base}/core-businesses`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Add a core business',
          params: OrgParams,
          body: CoreBusinessInputSchema,
        },
      },
      async (req, reply) => {
        const row = await createCoreBusinessCommand(ctx, req.actor, scopeOf(req), req.body);
        return reply.status(201).send(await coreBusinessView(ctx, scopeOf(req), row));
      },
    );
    app.get(
      `${base}/core-businesses/:businessId`,
      { config: read, schema: { tags, summary: 'A core business', params: BusinessParams } },
      async (req) => coreBusinessQuery(ctx, scopeOf(req), req.params.businessId),
    );
    app.patch(
      `${base}/core-businesses/:businessId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a core business (send the version you read)',
          params: BusinessParams,
          body: CoreBusinessPatchSchema,
        },
      },
      async (req) => {
        const row = await updateCoreBusinessCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.businessId,
          req.body,
        );
        return coreBusinessView(ctx, scopeOf(req), row);
      },
    );
    app.delete(
      `${base}/core-businesses/:businessId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Delete a core business with its flows and determinations',
          params: BusinessParams,
        },
      },
      async (req, reply) => {
        await deleteCoreBusinessCommand(ctx, req.actor, scopeOf(req), req.params.businessId);
        return reply.status(204).send();
      },
    );

    // --- assets ---
    app.get(
      `${base}/assets`,
      {
        config: read,
        schema: { tags, summary: 'Assets (network facilities, systems, …)', params: OrgParams },
      },
      async (req) => assetsQuery(ctx, scopeOf(req)),
    );
    app.post(
      `${base}/assets`,
      {
        config: write,
        schema: { tags, summary: 'Add an asset', params: OrgParams, body: CiiAssetInputSchema },
      },
      async (req, reply) => {
        const row = await createAssetCommand(ctx, req.actor, scopeOf(req), req.body);
        return reply.status(201).send(await assetView(scopeOf(req), row.id));
      },
    );
    app.patch(
      `${base}/assets/:assetId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit an asset (send the version you read)',
          params: AssetParams,
          body: CiiAssetPatchSchema,
        },
      },
      async (req) => {
        const row = await updateAssetCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assetId,
          req.body,
        );
        return assetView(scopeOf(req), row.id);
      },
    );
    app.delete(
      `${base}/assets/:assetId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Delete an asset (refused while a flow passes through it)',
          params: AssetParams,
        },
      },
      async (req, reply) => {
        await deleteAssetCommand(ctx, req.actor, scopeOf(req), req.params.assetId);
        return reply.status(204).send();
      },
    );

    // --- dependencies ---
    app.get(
      `${base}/dependencies`,
      {
        config: read,
        schema: { tags, summary: 'Typed dependencies between assets', params: OrgParams },
      },
      async (req) => dependenciesQuery(ctx, scopeOf(req)),
    );
    app.post(
      `${base}/dependencies`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Add a dependency',
          params: OrgParams,
          body: CiiDependencyInputSchema,
        },
      },
      async (req, reply) => {
        const row = await createDependencyCommand(ctx, req.actor, scopeOf(req), req.body);
        return reply.status(201).send(presentDependency(row));
      },
    );
    app.delete(
      `${base}/dependencies/:dependencyId`,
      {
        config: write,
        schema: { tags, summary: 'Delete a dependency', params: DependencyParams },
      },
      async (req, reply) => {
        await deleteDependencyCommand(ctx, req.actor, scopeOf(req), req.params.dependencyId);
        return reply.status(204).send();
      },
    );

    // --- flows ---
    app.get(
      `${base}/core-businesses/:businessId/flows`,
      {
        config: read,
        schema: { tags, summary: 'Critical business information flows', params: BusinessParams },
      },
      async (req) => flowsQuery(ctx, scopeOf(req), req.params.businessId),
    );
    app.post(
      `${base}/core-businesses/:businessId/flows`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Add an information flow (hops through assets with their life-cycle stage)',
          params: BusinessParams,
          body: CiiFlowInputSchema,
        },
      },
      async (req, reply) => {
        const row = await createFlowCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.businessId,
          req.body,
        );
        return reply.status(201).send(presentFlow(row));
      },
    );
    app.patch(
      `${base}/flows/:flowId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a flow (send the version you read)',
          params: FlowParams,
          body: CiiFlowPatchSchema,
        },
      },
      async (req) =>
        presentFlow(
          await updateFlowCommand(ctx, req.actor, scopeOf(req), req.params.flowId, req.body),
        ),
    );
    app.delete(
      `${base}/flows/:flowId`,
      { config: write, schema: { tags, summary: 'Delete a flow', params: FlowParams } },
      async (req, reply) => {
        await deleteFlowCommand(ctx, req.actor, scopeOf(req), req.params.flowId);
        return reply.status(204).send();
      },
    );

    // --- the exchange file (JSON here; the Excel workbook below) ---
    app.get(
      `${base}/export`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The CII model as an exchange file (dengbao.cii.v1): JSON, or ?format=xlsx',
          params: OrgParams,
          querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }).strict(),
        },
      },
      async (req, reply) => {
        const file = await ciiFileQuery(ctx, scopeOf(req));
        if (req.query.format === 'json') return file;
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="cii.xlsx"; filename*=UTF-8''${encodeURIComponent('关键信息基础设施资产与信息流.xlsx')}`,
          )
          .send(await ciiWorkbook(file));
      },
    );
    app.post(
      `${base}/import`,
      {
        config: write,
        bodyLimit: CII_WORKBOOK_MAX_BYTES + 1024,
        schema: {
          tags,
          summary:
            'Import an exchange file (JSON body, or the .xlsx workbook as the raw body): merges by key, all or nothing',
          params: OrgParams,
        },
      },
      async (req) => {
        if (Buffer.isBuffer(req.body)) {
          const { file, locate } = await readCiiWorkbook(req.body);
          return importCiiFileCommand(
            ctx,
            req.actor,
            scopeOf(req),
            file,
            { name: 'workbook.xlsx', sm3: sm3Buffer(req.body) },
            locate,
          );
        }
        const parsed = CiiFileSchema.safeParse(req.body);
        if (!parsed.success)
          throw new ValidationError(
            'the file is not a valid dengbao.cii.v1 exchange file; nothing was imported',
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        return importCiiFileCommand(ctx, req.actor, scopeOf(req), parsed.data, {
          name: 'request body',
          sm3: sm3Hex(JSON.stringify(req.body)),
        });
      },
    );

    // --- boundary, determinations, duties ---
    app.get(
      `${base}/core-businesses/:businessId/boundary`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'The computed CII boundary with reasons, and what changed since the last determination',
          params: BusinessParams,
        },
      },
      async (req) => boundaryQuery(ctx, scopeOf(req), req.params.businessId),
    );
    app.get(
      `${base}/core-businesses/:businessId/determinations`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Recorded boundary determinations, newest first',
          params: BusinessParams,
        },
      },
      async (req) => determinationsQuery(ctx, scopeOf(req), req.params.businessId),
    );
    app.post(
      `${base}/core-businesses/:businessId/determinations`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Record the boundary as computed now (边界认定)',
          params: BusinessParams,
          body: CiiDeterminationInputSchema,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await recordDeterminationCommand(
              ctx,
              req.actor,
              scopeOf(req),
              req.params.businessId,
              req.body.note ?? null,
            ),
          ),
    );
    app.get(
      `${base}/core-businesses/:businessId/duties`,
      {
        config: read,
        schema: {
          tags,
          summary: 'CII duties of a designated core business, with citations and due dates',
          params: BusinessParams,
          querystring: z.object({ asOf: IsoDateSchema.optional() }).strict(),
        },
      },
      async (req) =>
        dutiesQuery(
          ctx,
          scopeOf(req),
          req.params.businessId,
          req.query.asOf ?? beijingToday(ctx.clock),
        ),
    );
  };
