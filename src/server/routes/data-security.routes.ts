import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stringify } from 'yaml';
import { z } from 'zod';
import {
  createResourceCommand,
  deleteResourceCommand,
  updateResourceCommand,
} from '../../app/data-security/inventory/commands';
import {
  INVENTORY_WORKBOOK_MAX_BYTES,
  inventoryWorkbook,
  readInventoryWorkbook,
} from '../../app/data-security/inventory/excel';
import {
  importInventoryFileCommand,
  inventoryFileQuery,
} from '../../app/data-security/inventory/file';
import {
  classificationQuery,
  filingInventoryQuery,
  resourceQuery,
  resourcesQuery,
} from '../../app/data-security/inventory/queries';
import { classifyInventoryFile } from '../../app/data-security/inventory/classify-file';
import { parseStructuredFile } from '../../app/structured-file';
import type { AppContext } from '../../app/context';
import {
  DATASEC_LIMITS,
  DataInventoryFileSchema,
  DataResourceInputSchema,
  DataResourcePatchSchema,
} from '../../shared/data-security-schemas';
import { ValidationError, formatPath } from '../../errors';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const sm3 = (b: Buffer | string) => createHash('sm3').update(b).digest('hex');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

const read = { access: { kind: 'org', permission: 'datasec.read' } } as const;
const write = { access: { kind: 'org', permission: 'datasec.write' } } as const;

const ResourceParams = OrgParams.extend({
  resourceId: z.string().uuid('must be a data resource id (UUID)'),
});
const DryRun = z.object({ dryRun: z.enum(['true', 'false']).optional() }).strict();

const attachment = (ascii: string, zh: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

/**
 * The data inventory (数据资源目录) and its classification under GB/T 43697-2024: resources,
 * the classification summary, the file and workbook both ways, and the rows of the filing's
 * 数据摸底调查表.
 */
export const dataSecurityRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['data-security'];
    app.addContentTypeParser(
      [XLSX, 'application/octet-stream', ...YAML_TYPES],
      { parseAs: 'buffer', bodyLimit: DATASEC_LIMITS.fileBytes },
      (_req, body, done) => done(null, body),
    );
    const base = '/organisations/:orgId/data-security';

    app.get(
      `${base}/resources`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Data resources (数据资源目录) with their classification',
          params: OrgParams,
        },
      },
      async (req) => resourcesQuery(ctx, scopeOf(req)),
    );
    app.post(
      `${base}/resources`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Add a data resource (graded on save)',
          params: OrgParams,
          body: DataResourceInputSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createResourceCommand(ctx, req.actor, scopeOf(req), req.body)),
    );
    app.get(
      `${base}/resources/:resourceId`,
      {
        config: read,
        schema: {
          tags,
          summary: 'A data resource with its classification',
          params: ResourceParams,
        },
      },
      async (req) => resourceQuery(ctx, scopeOf(req), req.params.resourceId),
    );
    app.patch(
      `${base}/resources/:resourceId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a data resource (send the version you read)',
          params: ResourceParams,
          body: DataResourcePatchSchema,
        },
      },
      async (req) =>
        updateResourceCommand(ctx, req.actor, scopeOf(req), req.params.resourceId, req.body),
    );
    app.delete(
      `${base}/resources/:resourceId`,
      {
        config: write,
        schema: { tags, summary: 'Delete a data resource', params: ResourceParams },
      },
      async (req, reply) => {
        await deleteResourceCommand(ctx, req.actor, scopeOf(req), req.params.resourceId);
        return reply.status(204).send();
      },
    );

    app.get(
      `${base}/classification`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Classification of every resource (grade, what decided, reasons, citations) with counts per grade and per personal-information kind',
          params: OrgParams,
        },
      },
      async (req) => classificationQuery(ctx, scopeOf(req)),
    );

    app.get(
      `${base}/filing-inventory`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Rows of the filing’s 数据摸底调查表 built from the inventory (all, or those a system holds)',
          params: OrgParams,
          querystring: z
            .object({ systemId: z.string().uuid('must be a system id (UUID)').optional() })
            .strict(),
        },
      },
      async (req) => filingInventoryQuery(ctx, scopeOf(req), req.query.systemId),
    );

    app.get(
      `${base}/export`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The inventory as a file (dengbao.data-inventory.v1): json, yaml or xlsx',
          params: OrgParams,
          querystring: z
            .object({ format: z.enum(['json', 'yaml', 'xlsx']).default('json') })
            .strict(),
        },
      },
      async (req, reply) => {
        const file = await inventoryFileQuery(ctx, scopeOf(req));
        if (req.query.format === 'json') return file;
        if (req.query.format === 'yaml')
          return reply
            .header('content-type', 'application/yaml; charset=utf-8')
            .header('content-disposition', attachment('data-inventory.yaml', '数据资源目录.yaml'))
            .send(stringify(file));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment('data-inventory.xlsx', '数据资源目录.xlsx'))
          .send(await inventoryWorkbook(file, classifyInventoryFile(file)));
      },
    );

    app.post(
      `${base}/import`,
      {
        config: write,
        bodyLimit: DATASEC_LIMITS.fileBytes,
        schema: {
          tags,
          summary:
            'Import the inventory (JSON body; YAML as application/yaml; the .xlsx workbook as the raw body): merges resources by code, all or nothing, every problem with its path or sheet/row/column; dryRun=true checks and counts without writing',
          params: OrgParams,
          querystring: DryRun,
        },
      },
      async (req) => {
        const dryRun = req.query.dryRun === 'true';
        const body = req.body;
        if (Buffer.isBuffer(body)) {
          const isZip = body.length >= 4 && body.readUInt32LE(0) === 0x04034b50;
          if (isZip || (req.headers['content-type'] ?? '').startsWith(XLSX)) {
            if (body.length > INVENTORY_WORKBOOK_MAX_BYTES)
              throw new ValidationError('the workbook is too large', [
                {
                  path: 'body',
                  message: `at most ${INVENTORY_WORKBOOK_MAX_BYTES / 1024 / 1024} MB`,
                },
              ]);
            const { file, locate } = await readInventoryWorkbook(body);
            return importInventoryFileCommand(
              ctx,
              req.actor,
              scopeOf(req),
              file,
              { name: 'workbook.xlsx', sm3: sm3(body) },
              { dryRun, locate },
            );
          }
          const file = parseStructuredFile(
            body.toString('utf8'),
            DataInventoryFileSchema,
            'the inventory file',
          );
          return importInventoryFileCommand(
            ctx,
            req.actor,
            scopeOf(req),
            file,
            { name: 'inventory file', sm3: sm3(body) },
            { dryRun },
          );
        }
        const parsed = DataInventoryFileSchema.safeParse(body);
        if (!parsed.success)
          throw new ValidationError(
            'the body is not a valid dengbao.data-inventory.v1 file; nothing was imported',
            parsed.error.issues.map((i) => ({ path: formatPath('', i.path), message: i.message })),
          );
        return importInventoryFileCommand(
          ctx,
          req.actor,
          scopeOf(req),
          parsed.data,
          { name: 'request body', sm3: sm3(JSON.stringify(body)) },
          { dryRun },
        );
      },
    );
  };
