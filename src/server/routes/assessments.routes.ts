import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addMajorRiskCommand,
  addTestObjectCommand,
  createAssessmentCommand,
  deleteAssessmentCommand,
  deleteMajorRiskCommand,
  deleteTestObjectCommand,
  reviewResultsCommand,
  updateAssessmentCommand,
  updateMajorRiskCommand,
  updateTestObjectCommand,
  writeFindingNoteCommand,
  writeResultsCommand,
} from '../../app/assessment/commands';
import {
  attachEvidence,
  deleteEvidenceCommand,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MEDIA_TYPES,
  evidenceFileQuery,
  evidenceListQuery,
} from '../../app/assessment/evidence';
import {
  assessmentQuery,
  assessmentsQuery,
  dashboardQuery,
  findingsQuery,
  majorRisksQuery,
  presentResult,
  scoreQuery,
  workbookQuery,
  workbookRevisionQuery,
} from '../../app/assessment/queries';
import {
  generateRectificationsCommand,
  rectificationQuery,
  rectificationsQuery,
  retestRectificationCommand,
  updateRectificationCommand,
} from '../../app/assessment/rectification';
import {
  exportWorkbookQuery,
  importWorkbookCommand,
  workbookMaxBytes,
} from '../../app/assessment/workbook';
import { parseKinds, practitionerImportCommand } from '../../app/assessment/practitioner/import';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import { NotFoundError } from '../../errors';
import {
  AssessmentInputSchema,
  AssessmentPatchSchema,
  BulkResultInputSchema,
  FindingNoteInputSchema,
  MajorRiskInputSchema,
  MajorRiskPatchSchema,
  RectificationPatchSchema,
  RectificationRetestSchema,
  RequirementIdSchema,
  ResultInputSchema,
  ReviewInputSchema,
  TestObjectInputSchema,
  TestObjectPatchSchema,
} from '../../shared/assessment-schemas';
import { ImportQuerySchema } from '../../shared/practitioner-import';
import { IsoDateSchema } from '../../shared/schemas';
import { scopeOf } from '../auth';
import { registerCompensationRoutes } from './assessment-compensations.routes';
import { registerRectificationPlanRoutes } from './rectification-plans.routes';
import { OrgParams, SystemParams } from './params';

const read = { access: { kind: 'org', permission: 'assessments.read' } } as const;
const write = { access: { kind: 'org', permission: 'assessments.write' } } as const;
const review = { access: { kind: 'org', permission: 'assessments.review' } } as const;
const rectify = { access: { kind: 'org', permission: 'rectification.write' } } as const;

const uuid = (what: string) => z.string().uuid(`must be ${what} id (UUID)`);
const AssessmentParams = OrgParams.extend({ assessmentId: uuid('an assessment') });
const ObjectParams = AssessmentParams.extend({ objectId: uuid('a test object') });
const ResultParams = ObjectParams.extend({ requirementId: RequirementIdSchema });
const FindingParams = AssessmentParams.extend({ requirementId: RequirementIdSchema });
const MajorRiskParams = AssessmentParams.extend({ majorRiskId: uuid('a major-risk') });
const EvidenceParams = AssessmentParams.extend({ evidenceId: uuid('an evidence') });
const RectificationParams = OrgParams.extend({ rectificationId: uuid('a rectification item') });

/** Level assessments (等级测评): projects, workbook, evidence, findings, score, rectification. */
export const assessmentsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['assessments'];
    const today = () => beijingToday(ctx.clock);
    // 整体测评 compensations and 上次测评问题整改情况 (issue 14 parts 7 and 8).
    registerCompensationRoutes(app, ctx);
    // 整改方案: the plan's overall text (issue 15 part 6).
    registerRectificationPlanRoutes(app, ctx);

    // Evidence files arrive as the raw body with their own content type.
    app.addContentTypeParser(
      [...Object.keys(EVIDENCE_MEDIA_TYPES), 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: Math.max(EVIDENCE_MAX_BYTES, workbookMaxBytes()) + 1024 },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/organisations/:orgId/assessments',
      {
        config: read,
        schema: {
          tags,
          summary: 'List level assessments (optionally of one system)',
          params: OrgParams,
          querystring: z.object({ systemId: uuid('a system').optional() }),
        },
      },
      async (req) => assessmentsQuery(ctx, scopeOf(req), { systemId: req.query.systemId }),
    );

    app.post(
      '/organisations/:orgId/systems/:systemId/assessments',
      {
        config: write,
        schema: {
          tags,
          summary: "Start a level assessment; the system's baseline is fixed now",
          params: SystemParams,
          body: AssessmentInputSchema,
        },
      },
      async (req, reply) => {
        const scope = scopeOf(req);
        const row = await createAssessmentCommand(
          ctx,
          req.actor,
          scope,
          req.params.systemId,
          req.body,
        );
        return reply.status(201).send(await assessmentQuery(ctx, scope, row.id));
      },
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId',
      {
        config: read,
        schema: { tags, summary: 'An assessment with its test objects', params: AssessmentParams },
      },
      async (req) => assessmentQuery(ctx, scopeOf(req), req.params.assessmentId),
    );

    app.patch(
      '/organisations/:orgId/assessments/:assessmentId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit an assessment (period, agency, report number and date, team, status)',
          params: AssessmentParams,
          body: AssessmentPatchSchema,
        },
      },
      async (req) => {
        const scope = scopeOf(req);
        const row = await updateAssessmentCommand(
          ctx,
          req.actor,
          scope,
          req.params.assessmentId,
          req.body,
        );
        return assessmentQuery(ctx, scope, row.id);
      },
    );

    app.delete(
      '/organisations/:orgId/assessments/:assessmentId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Delete an assessment and everything recorded in it',
          params: AssessmentParams,
        },
      },
      async (req, reply) => {
        await deleteAssessmentCommand(ctx, req.actor, scopeOf(req), req.params.assessmentId);
        return reply.status(204).send();
      },
    );

    app.post(
      '/organisations/:orgId/assessments/:assessmentId/objects',
      {
        config: write,
        schema: {
          tags,
          summary: 'Add a test object (测评对象)',
          params: AssessmentParams,
          body: TestObjectInputSchema,
        },
      },
      async (req, reply) => {
        const row = await addTestObjectCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.body,
        );
        return reply.status(201).send(row);
      },
    );

    app.patch(
      '/organisations/:orgId/assessments/:assessmentId/objects/:objectId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a test object',
          params: ObjectParams,
          body: TestObjectPatchSchema,
        },
      },
      async (req) => {
        return updateTestObjectCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.params.objectId,
          req.body,
        );
      },
    );

    app.delete(
      '/organisations/:orgId/assessments/:assessmentId/objects/:objectId',
      {
        config: write,
        schema: { tags, summary: 'Remove a test object and its results', params: ObjectParams },
      },
      async (req, reply) => {
        await deleteTestObjectCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.params.objectId,
        );
        return reply.status(204).send();
      },
    );

    /**
     * The workbook is large (thousands of rows) and read far more often than written: serve it
     * from a per-process cache keyed by the assessment's revision, which every change bumps in
     * the database — so several servers on one database never serve a stale copy.
     */
    const workbookCache = new Map<
      string,
      { revision: number; body: string; gzip: Buffer; brotli: Buffer }
    >();
    app.get(
      '/organisations/:orgId/assessments/:assessmentId/workbook',
      {
        config: read,
        schema: {
          tags,
          summary: 'The workbook: every requirement × applicable test object, with results (ETag)',
          params: AssessmentParams,
        },
      },
      async (req, reply) => {
        const { assessmentId } = req.params;
        const scope = scopeOf(req);
        const revision = await workbookRevisionQuery(ctx, scope, assessmentId);
        const etag = `W/"wb-${assessmentId}-${revision}"`;
        reply.header('etag', etag).header('cache-control', 'private, no-cache');
        if (req.headers['if-none-match'] === etag) return reply.status(304).send();
        let cached = workbookCache.get(assessmentId);
        if (cached?.revision !== revision) {
          const body = JSON.stringify(await workbookQuery(ctx, scope, assessmentId));
          // Compressed once per revision. Rows repeat their requirement's text once per object,
          // farther apart than gzip's 32 kB window: brotli with a 4 MB window sends a 1.2 MB
          // workbook of 40 objects as ~37 kB (gzip ~150 kB). Quality 5 takes tens of ms.
          cached = {
            revision,
            body,
            gzip: gzipSync(body),
            brotli: brotliCompressSync(body, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: 5,
                [zlib.BROTLI_PARAM_LGWIN]: 22,
                [zlib.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body),
              },
            }),
          };
          workbookCache.delete(assessmentId);
          workbookCache.set(assessmentId, cached);
          if (workbookCache.size > 64)
            workbookCache.delete(workbookCache.keys().next().value as string);
        }
        reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
        const accepted = String(req.headers['accept-encoding'] ?? '');
        if (/\bbr\b/.test(accepted)) {
          return reply.header('content-encoding', 'br').send(cached.brotli);
        }
        if (/\bgzip\b/.test(accepted)) {
          return reply.header('content-encoding', 'gzip').send(cached.gzip);
        }
        return reply.send(cached.body);
      },
    );

    app.put(
      '/organisations/:orgId/assessments/:assessmentId/results/:requirementId/:objectId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Record one result (version 0 creates; a stale version answers 409)',
          params: ResultParams,
          body: ResultInputSchema,
        },
      },
      async (req) => {
        const [row] = await writeResultsCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          {
            rows: [
              {
                requirementId: req.params.requirementId,
                objectId: req.params.objectId,
                ...req.body,
              },
            ],
          },
        );
        return presentResult(ctx, row!);
      },
    );

    app.post(
      '/organisations/:orgId/assessments/:assessmentId/results',
      {
        config: write,
        schema: {
          tags,
          summary: 'Record many results at once (all or nothing)',
          params: AssessmentParams,
          body: BulkResultInputSchema,
        },
      },
      async (req) => {
        const rows = await writeResultsCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.body,
        );
        return {
          items: rows.map((r) => ({
            requirementId: r.requirement_id,
            objectId: r.object_id,
            result: r.result,
            version: r.version,
          })),
          total: rows.length,
        };
      },
    );

    app.post(
      '/organisations/:orgId/assessments/:assessmentId/results/review',
      {
        config: review,
        schema: {
          tags,
          summary: 'Sign off results (复核); not your own',
          params: AssessmentParams,
          body: ReviewInputSchema,
        },
      },
      async (req, reply) => {
        await reviewResultsCommand(ctx, req.actor, scopeOf(req), req.params.assessmentId, req.body);
        return reply.status(204).send();
      },
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/evidence',
      {
        config: read,
        schema: {
          tags,
          summary: 'Evidence files of the assessment (optionally of one row)',
          params: AssessmentParams,
          querystring: z.object({
            requirementId: RequirementIdSchema.optional(),
            objectId: uuid('a test object').optional(),
          }),
        },
      },
      async (req) => {
        return evidenceListQuery(ctx, scopeOf(req), req.params.assessmentId, req.query);
      },
    );

    app.post(
      '/organisations/:orgId/assessments/:assessmentId/evidence',
      {
        config: write,
        bodyLimit: EVIDENCE_MAX_BYTES + 1024,
        schema: {
          tags,
          summary: `Attach an evidence file (raw body with its content type; at most ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB; stored SM4-encrypted with its SM3 digest)`,
          params: AssessmentParams,
          querystring: z.object({
            requirementId: RequirementIdSchema,
            objectId: uuid('a test object'),
            fileName: z.string().min(1, 'give the file name').max(255),
          }),
        },
      },
      async (req, reply) => {
        const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
        const evidence = await attachEvidence(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          {
            requirementId: req.query.requirementId,
            objectId: req.query.objectId,
            fileName: req.query.fileName,
            mediaType,
            content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          },
        );
        return reply.status(201).send(evidence);
      },
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/evidence/:evidenceId',
      {
        config: read,
        schema: { tags, summary: 'Download an evidence file', params: EvidenceParams },
      },
      async (req, reply) => {
        const file = await evidenceFileQuery(
          ctx,
          scopeOf(req),
          req.params.assessmentId,
          req.params.evidenceId,
        );
        return reply
          .header('content-type', file.mediaType)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .header('x-content-sm3', file.sm3)
          .send(file.content);
      },
    );

    app.delete(
      '/organisations/:orgId/assessments/:assessmentId/evidence/:evidenceId',
      {
        config: write,
        schema: { tags, summary: 'Remove an evidence file', params: EvidenceParams },
      },
      async (req, reply) => {
        await deleteEvidenceCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.params.evidenceId,
        );
        return reply.status(204).send();
      },
    );

    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/export.xlsx',
      {
        config: read,
        schema: {
          tags,
          summary:
            'The workbook as Excel (one sheet per test object, as assessors use); guidance=true adds 测评步骤 / 预期结果 / 判定依据',
          params: AssessmentParams,
          querystring: z.object({ guidance: z.enum(['true', 'false']).optional() }).strict(),
        },
      },
      async (req, reply) => {
        const { buffer, title } = await exportWorkbookQuery(
          ctx,
          scopeOf(req),
          req.params.assessmentId,
          { guidance: req.query.guidance === 'true' },
        );
        const name = `${title}-测评结果记录.xlsx`;
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="workbook.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(buffer);
      },
    );

    app.post(
      '/organisations/:orgId/assessments/:assessmentId/import',
      {
        config: write,
        bodyLimit: workbookMaxBytes() + 1024,
        schema: {
          tags,
          summary: `Import a filled workbook (.xlsx as the raw body): all or nothing, every problem by sheet, row and column`,
          description:
            'layout=dengbao (default): the workbook exported by dengbao. layout=auto: an assessor’s own workbook (one sheet per test object; header, IP line, weights and item codes detected); dryRun=true previews it per sheet without writing; skipUnmatched=true leaves out rows that match no requirement; kinds: JSON object sheet name → test-object kind.',
          params: AssessmentParams,
          querystring: ImportQuerySchema,
        },
      },
      async (req) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const { layout, dryRun, skipUnmatched, kinds } = req.query;
        if (layout === 'auto') {
          return practitionerImportCommand(
            ctx,
            req.actor,
            scopeOf(req),
            req.params.assessmentId,
            body,
            {
              dryRun: dryRun === 'true',
              skipUnmatched: skipUnmatched === 'true',
              kinds: parseKinds(kinds),
            },
          );
        }
        return importWorkbookCommand(ctx, req.actor, scopeOf(req), req.params.assessmentId, body);
      },
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/findings',
      {
        config: read,
        schema: {
          tags,
          summary: 'Findings (安全问题) with suggested and confirmed risk levels',
          params: AssessmentParams,
        },
      },
      async (req) => {
        const items = await findingsQuery(ctx, scopeOf(req), req.params.assessmentId);
        return { items, total: items.length };
      },
    );

    app.put(
      '/organisations/:orgId/assessments/:assessmentId/findings/:requirementId',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Record the observed high-risk symptoms and mitigations, and confirm the risk level',
          params: FindingParams,
          body: FindingNoteInputSchema,
        },
      },
      async (req) => {
        // Only a finding takes a note: refuse before writing, so a 404 stores nothing.
        const findings = await findingsQuery(ctx, scopeOf(req), req.params.assessmentId);
        if (!findings.some((f) => f.requirementId === req.params.requirementId))
          throw new NotFoundError('finding', req.params.requirementId);
        await writeFindingNoteCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.params.requirementId,
          req.body,
        );
        const items = await findingsQuery(ctx, scopeOf(req), req.params.assessmentId);
        const finding = items.find((f) => f.requirementId === req.params.requirementId);
        if (!finding) throw new NotFoundError('finding', req.params.requirementId);
        return finding;
      },
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/major-risks',
      {
        config: read,
        schema: {
          tags,
          summary: 'Major-risk triggers (重大风险隐患) recorded',
          params: AssessmentParams,
        },
      },
      async (req) => {
        const items = await majorRisksQuery(ctx, scopeOf(req), req.params.assessmentId);
        return { items, total: items.length };
      },
    );

    app.post(
      '/organisations/:orgId/assessments/:assessmentId/major-risks',
      {
        config: write,
        schema: {
          tags,
          summary: 'Record a major-risk trigger',
          params: AssessmentParams,
          body: MajorRiskInputSchema,
        },
      },
      async (req, reply) => {
        const row = await addMajorRiskCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.body,
        );
        const items = await majorRisksQuery(ctx, scopeOf(req), req.params.assessmentId);
        return reply.status(201).send(items.find((m) => m.id === row.id));
      },
    );

    app.patch(
      '/organisations/:orgId/assessments/:assessmentId/major-risks/:majorRiskId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a major-risk trigger (note, rectified)',
          params: MajorRiskParams,
          body: MajorRiskPatchSchema,
        },
      },
      async (req) => {
        await updateMajorRiskCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.params.majorRiskId,
          req.body,
        );
        const items = await majorRisksQuery(ctx, scopeOf(req), req.params.assessmentId);
        return items.find((m) => m.id === req.params.majorRiskId);
      },
    );

    app.delete(
      '/organisations/:orgId/assessments/:assessmentId/major-risks/:majorRiskId',
      {
        config: write,
        schema: { tags, summary: 'Remove a major-risk trigger', params: MajorRiskParams },
      },
      async (req, reply) => {
        await deleteMajorRiskCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.params.majorRiskId,
        );
        return reply.status(204).send();
      },
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/score',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Compliance rate / score and conclusion, before and after rectification (policy by report date)',
          params: AssessmentParams,
          querystring: z.object({ asOf: IsoDateSchema.optional() }),
        },
      },
      async (req) => {
        return scoreQuery(ctx, scopeOf(req), req.params.assessmentId, req.query.asOf ?? today());
      },
    );

    app.post(
      '/organisations/:orgId/assessments/:assessmentId/rectifications',
      {
        config: rectify,
        schema: {
          tags,
          summary: 'Create a rectification item for every finding that has none',
          params: AssessmentParams,
        },
      },
      async (req, reply) => {
        await generateRectificationsCommand(ctx, req.actor, scopeOf(req), req.params.assessmentId);
        const items = await rectificationsQuery(
          ctx,
          scopeOf(req),
          { assessmentId: req.params.assessmentId },
          today(),
        );
        return reply.status(201).send({ items, total: items.length });
      },
    );

    app.get(
      '/organisations/:orgId/rectifications',
      {
        config: read,
        schema: {
          tags,
          summary: 'Rectification items (整改) of the organisation or one assessment',
          params: OrgParams,
          querystring: z.object({ assessmentId: uuid('an assessment').optional() }),
        },
      },
      async (req) => {
        const items = await rectificationsQuery(
          ctx,
          scopeOf(req),
          req.query.assessmentId ? { assessmentId: req.query.assessmentId } : {},
          today(),
        );
        return { items, total: items.length };
      },
    );

    app.patch(
      '/organisations/:orgId/rectifications/:rectificationId',
      {
        config: rectify,
        schema: {
          tags,
          summary:
            'Plan and track a rectification item (owner, due date, plan, status, risk acceptance)',
          params: RectificationParams,
          body: RectificationPatchSchema,
        },
      },
      async (req) => {
        const scope = scopeOf(req);
        await updateRectificationCommand(
          ctx,
          req.actor,
          scope,
          req.params.rectificationId,
          req.body,
          today(),
        );
        return rectificationQuery(ctx, scope, req.params.rectificationId, today());
      },
    );

    app.post(
      '/organisations/:orgId/rectifications/:rectificationId/retest',
      {
        config: write,
        schema: {
          tags,
          summary: 'Record the re-test (复测): 符合 verifies the item, anything else reopens it',
          params: RectificationParams,
          body: RectificationRetestSchema,
        },
      },
      async (req) => {
        const scope = scopeOf(req);
        await retestRectificationCommand(
          ctx,
          req.actor,
          scope,
          req.params.rectificationId,
          req.body,
          today(),
        );
        return rectificationQuery(ctx, scope, req.params.rectificationId, today());
      },
    );

    app.get(
      '/organisations/:orgId/assessment-dashboard',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Per system: conclusion, rate/score, risks, rectification counts and burndown, next assessment due',
          params: OrgParams,
        },
      },
      async (req) => dashboardQuery(ctx, scopeOf(req), today()),
    );
  };
