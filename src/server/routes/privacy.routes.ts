import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stringify } from 'yaml';
import { z } from 'zod';
import {
  addBatchCommand,
  createActivityCommand,
  deleteActivityCommand,
  deleteBatchCommand,
  saveRegisterProfileCommand,
  updateActivityCommand,
} from '../../app/privacy/commands';
import { importPrivacyFileCommand, privacyFileQuery } from '../../app/privacy/file';
import {
  activitiesQuery,
  activityQuery,
  batchesQuery,
  registerProfileQuery,
} from '../../app/privacy/queries';
import {
  PRIVACY_WORKBOOK_MAX_BYTES,
  privacyWorkbook,
  readPrivacyWorkbook,
} from '../../app/privacy/excel';
import {
  classificationQuery,
  classificationsQuery,
  dutiesQuery,
  pathsQuery,
} from '../../app/privacy/engines';
import { parseStructuredFile } from '../../app/structured-file';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import {
  ActivityInputSchema,
  ActivityPatchSchema,
  PRIVACY_LIMITS,
  PrivacyRegisterFileSchema,
  RegisterProfilePatchSchema,
  TransferBatchInputSchema,
} from '../../shared/privacy-schemas';
import { IsoDateSchema } from '../../shared/schemas';
import { ValidationError, formatPath } from '../../errors';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const sm3 = (b: Buffer | string) => createHash('sm3').update(b).digest('hex');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSX_TYPES = `${XLSX} or application/octet-stream`;
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

const read = { access: { kind: 'org', permission: 'privacy.read' } } as const;
const write = { access: { kind: 'org', permission: 'privacy.write' } } as const;

const id = (what: string) => z.string().uuid(`must be a ${what} id (UUID)`);
const ActivityParams = OrgParams.extend({ activityId: id('processing activity') });
const BatchParams = OrgParams.extend({ batchId: id('transfer batch') });
const AsOf = z.object({ asOf: IsoDateSchema.optional() }).strict();
const DryRun = z.object({ dryRun: z.enum(['true', 'false']).optional() }).strict();

/**
 * The processing register (个人信息处理活动记录): profile, activities, dated transfer batches,
 * the file and workbook, and what the engines answer on it (paths abroad, duties, PIPIA
 * triggers).
 */
export const privacyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['privacy'];
    app.addContentTypeParser(
      [XLSX, 'application/octet-stream', ...YAML_TYPES],
      { parseAs: 'buffer', bodyLimit: PRIVACY_LIMITS.fileBytes },
      (_req, body, done) => done(null, body),
    );
    const base = '/organisations/:orgId/privacy';

    // --- profile ---
    app.get(
      `${base}/profile`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The register profile (CII operator, totals, officer, privacy notices)',
          params: OrgParams,
        },
      },
      async (req) => registerProfileQuery(ctx, scopeOf(req)),
    );
    app.put(
      `${base}/profile`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Save the register profile (send the version you read; 0 creates it)',
          params: OrgParams,
          body: RegisterProfilePatchSchema,
        },
      },
      async (req) => saveRegisterProfileCommand(ctx, req.actor, scopeOf(req), req.body),
    );

    // --- activities ---
    app.get(
      `${base}/activities`,
      {
        config: read,
        schema: { tags, summary: 'Processing activities (处理活动)', params: OrgParams },
      },
      async (req) => activitiesQuery(ctx, scopeOf(req)),
    );
    app.post(
      `${base}/activities`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Add a processing activity',
          params: OrgParams,
          body: ActivityInputSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createActivityCommand(ctx, req.actor, scopeOf(req), req.body)),
    );
    app.get(
      `${base}/activities/:activityId`,
      { config: read, schema: { tags, summary: 'A processing activity', params: ActivityParams } },
      async (req) => activityQuery(ctx, scopeOf(req), req.params.activityId),
    );
    app.patch(
      `${base}/activities/:activityId`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a processing activity (send the version you read)',
          params: ActivityParams,
          body: ActivityPatchSchema,
        },
      },
      async (req) =>
        updateActivityCommand(ctx, req.actor, scopeOf(req), req.params.activityId, req.body),
    );
    app.delete(
      `${base}/activities/:activityId`,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Delete a processing activity with its batches (refused before its retention ends: PIPL Art. 56)',
          params: ActivityParams,
        },
      },
      async (req, reply) => {
        await deleteActivityCommand(ctx, req.actor, scopeOf(req), req.params.activityId);
        return reply.status(204).send();
      },
    );
    app.get(
      `${base}/activities/:activityId/classification`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Sensitive classes of the activity (PIPL Art. 28) and its impact-assessment triggers (Art. 55), with reasons',
          params: ActivityParams,
        },
      },
      async (req) => classificationQuery(ctx, scopeOf(req), req.params.activityId),
    );

    app.get(
      `${base}/classification`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Sensitive classes and impact-assessment triggers of every activity of the register, with reasons',
          params: OrgParams,
        },
      },
      async (req) => classificationsQuery(ctx, scopeOf(req)),
    );

    // --- transfer batches ---
    app.get(
      `${base}/activities/:activityId/batches`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Dated batches of the activity’s transfers abroad',
          params: ActivityParams,
        },
      },
      async (req) => batchesQuery(ctx, scopeOf(req), req.params.activityId),
    );
    app.post(
      `${base}/activities/:activityId/batches`,
      {
        config: write,
        schema: {
          tags,
          summary: 'Record a batch of a transfer abroad (its transfer key must be the activity’s)',
          params: ActivityParams,
          body: TransferBatchInputSchema,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await addBatchCommand(ctx, req.actor, scopeOf(req), req.params.activityId, req.body),
          ),
    );
    app.delete(
      `${base}/batches/:batchId`,
      {
        config: write,
        schema: { tags, summary: 'Delete a transfer batch', params: BatchParams },
      },
      async (req, reply) => {
        await deleteBatchCommand(ctx, req.actor, scopeOf(req), req.params.batchId);
        return reply.status(204).send();
      },
    );

    // --- engines ---
    app.get(
      `${base}/paths`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'The path each transfer abroad needs on a date (security assessment, standard contract or certification, exempt), with the counts and articles that decided',
          params: OrgParams,
          querystring: AsOf,
        },
      },
      async (req) => pathsQuery(ctx, scopeOf(req), req.query.asOf ?? beijingToday(ctx.clock)),
    );
    app.get(
      `${base}/duties`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Personal-information duties on a date (filings, assessments, face recognition) with citations, working-day deadlines and the penalties they risk',
          params: OrgParams,
          querystring: AsOf,
        },
      },
      async (req) => dutiesQuery(ctx, scopeOf(req), req.query.asOf ?? beijingToday(ctx.clock)),
    );

    // --- the register file (YAML/JSON) ---
    app.get(
      `${base}/file`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The register as a file (dengbao.privacy.v1): JSON, or ?format=yaml',
          params: OrgParams,
          querystring: z.object({ format: z.enum(['json', 'yaml']).default('json') }).strict(),
        },
      },
      async (req, reply) => {
        const file = await privacyFileQuery(ctx, scopeOf(req));
        if (req.query.format === 'json') return file;
        return reply
          .header('content-type', 'application/yaml; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="privacy-register.yaml"; filename*=UTF-8''${encodeURIComponent('个人信息处理活动记录.yaml')}`,
          )
          .send(stringify(file));
      },
    );
    app.post(
      `${base}/file`,
      {
        config: write,
        bodyLimit: PRIVACY_LIMITS.fileBytes,
        schema: {
          tags,
          summary:
            'Import a register file (JSON body, or YAML as application/yaml): merges activities by code, adds new batches, all or nothing; dryRun=true checks and counts without writing',
          params: OrgParams,
          querystring: DryRun,
        },
      },
      async (req) => {
        const dryRun = req.query.dryRun === 'true';
        if (Buffer.isBuffer(req.body)) {
          const file = parseStructuredFile(
            req.body.toString('utf8'),
            PrivacyRegisterFileSchema,
            'the register file',
          );
          return importPrivacyFileCommand(
            ctx,
            req.actor,
            scopeOf(req),
            file,
            { name: 'register file', sm3: sm3(req.body) },
            { dryRun },
          );
        }
        const parsed = PrivacyRegisterFileSchema.safeParse(req.body);
        if (!parsed.success)
          throw new ValidationError(
            'the body is not a valid dengbao.privacy.v1 register file; nothing was imported',
            parsed.error.issues.map((i) => ({ path: formatPath('', i.path), message: i.message })),
          );
        return importPrivacyFileCommand(
          ctx,
          req.actor,
          scopeOf(req),
          parsed.data,
          { name: 'request body', sm3: sm3(JSON.stringify(req.body)) },
          { dryRun },
        );
      },
    );

    // --- the register workbook (Excel) ---
    app.get(
      `${base}/workbook.xlsx`,
      {
        config: read,
        schema: { tags, summary: 'The register as an Excel workbook', params: OrgParams },
      },
      async (req, reply) =>
        reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="privacy-register.xlsx"; filename*=UTF-8''${encodeURIComponent('个人信息处理活动记录.xlsx')}`,
          )
          .send(await privacyWorkbook(await privacyFileQuery(ctx, scopeOf(req)))),
    );
    app.post(
      `${base}/workbook.xlsx`,
      {
        config: write,
        bodyLimit: PRIVACY_WORKBOOK_MAX_BYTES + 1024,
        schema: {
          tags,
          summary:
            'Import the register workbook (the .xlsx as the raw body): every problem by sheet, row and column, all or nothing; dryRun=true checks and counts without writing',
          params: OrgParams,
          querystring: DryRun,
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body))
          throw new ValidationError('send the .xlsx workbook as the raw body', [
            { path: 'body', message: `content-type must be ${XLSX_TYPES}` },
          ]);
        const { file, locate } = await readPrivacyWorkbook(req.body);
        return importPrivacyFileCommand(
          ctx,
          req.actor,
          scopeOf(req),
          file,
          { name: 'workbook.xlsx', sm3: sm3(req.body) },
          { dryRun: req.query.dryRun === 'true', locate },
        );
      },
    );
  };
