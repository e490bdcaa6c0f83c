import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  addAttachmentCommand,
  deleteAttachmentCommand,
} from '../../app/attachments/commands';
import { attachmentFileQuery, systemAttachments } from '../../app/attachments/queries';
import { assertSystemVisible } from '../../app/access';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import { buildDossier } from '../../app/dossier';
import { REPORT_LANGS } from '../../app/reports';
import { AppError, detail } from '../../errors';
import { ATTACHMENT_PURPOSES, ATTACHMENT_RECORD_KINDS } from '../../shared/attachments';
import { IsoDateSchema } from '../../shared/schemas';
import { scopeOf } from '../auth';
import { contentDisposition } from './reports.routes';
import { SystemParams } from './params';

const read = { access: { kind: 'org', permission: 'systems.read' } } as const;
const write = { access: { kind: 'org', permission: 'systems.write' } } as const;

const AttachmentParams = SystemParams.extend({
  attachmentId: z.string().uuid('must be an attachment id (UUID)'),
});

const UploadQuery = z.object({
  recordKind: z.enum(ATTACHMENT_RECORD_KINDS),
  /** The review, filing or event id; for recordKind=system it may be left out. */
  recordId: z.string().uuid('must be a record id (UUID)').optional(),
  purpose: z.enum(ATTACHMENT_PURPOSES).optional(),
  fileName: z.string().min(1, 'give the file name').max(255),
});

const MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;

/**
 * Attachments on the records of a system (scans of 专家评审意见, 主管部门核准, 备案证明, 测评报告;
 * the 网络拓扑图) and the system's filing dossier (备案材料包) as one zip.
 */
export const attachmentsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['attachments'];

    // Uploads are the raw body with their own content type; any type is read here so a wrong
    // one gets the attachment's own 400 naming what is accepted rather than a bare 415.
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    // Fastify refuses an oversized body before any handler: say so in the attachment's words.
    app.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        throw new AppError('VALIDATION_FAILED', 413, { code: 'attachment.not_stored' }, [
          detail('body', 'app.file_too_large_mb', { mb: MB }),
        ]);
      }
      throw error;
    });

    app.get(
      '/organisations/:orgId/systems/:systemId/attachments',
      {
        config: read,
        schema: {
          tags,
          summary: 'Attachments of a system and its records (no content)',
          params: SystemParams,
        },
      },
      async (req) => {
        const scope = scopeOf(req);
        assertSystemVisible(scope, req.params.systemId);
        const items = await systemAttachments(
          ctx.store.db,
          scope.organisationId,
          req.params.systemId,
        );
        return { items, total: items.length };
      },
    );

    app.post(
      '/organisations/:orgId/systems/:systemId/attachments',
      {
        config: write,
        bodyLimit: ATTACHMENT_MAX_BYTES,
        schema: {
          tags,
          summary: `Attach a scan (PDF, JPEG or PNG; raw body with its content type; at most ${MB} MB) to a review, filing or assessment record of the system, or a topology diagram to the system; stored SM4-encrypted with its SM3 digest`,
          params: SystemParams,
          querystring: UploadQuery,
        },
      },
      async (req, reply) => {
        const attachment = await addAttachmentCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.systemId,
          {
            recordKind: req.query.recordKind,
            recordId: req.query.recordId,
            purpose: req.query.purpose,
            fileName: req.query.fileName,
            mediaType: req.headers['content-type'] ?? '',
            content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          },
        );
        return reply.status(201).send(attachment);
      },
    );

    app.get(
      '/organisations/:orgId/systems/:systemId/attachments/:attachmentId',
      {
        config: read,
        schema: {
          tags,
          summary: 'Download an attachment (its SM3 digest in x-content-sm3)',
          params: AttachmentParams,
        },
      },
      async (req, reply) => {
        const file = await attachmentFileQuery(
          ctx,
          scopeOf(req),
          req.params.systemId,
          req.params.attachmentId,
        );
        const ext = file.fileName.toLowerCase().match(/\.[a-z]{3,4}$/)?.[0] ?? '';
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition(file.fileName, `attachment${ext}`))
          .header('x-content-sm3', file.sm3)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );

    app.delete(
      '/organisations/:orgId/systems/:systemId/attachments/:attachmentId',
      {
        config: write,
        schema: { tags, summary: 'Remove an attachment', params: AttachmentParams },
      },
      async (req, reply) => {
        await deleteAttachmentCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.systemId,
          req.params.attachmentId,
        );
        return reply.status(204).send();
      },
    );

    app.get(
      '/organisations/:orgId/systems/:systemId/dossier.zip',
      {
        config: read,
        schema: {
          tags,
          summary:
            'The filing dossier (备案材料包) as one zip: 备案表 and 定级报告, the latest assessment’s 等级测评报告 and 整改方案 (Word and PDF), every attachment, and manifest.json / manifest.txt with each file’s size and SM3 digest',
          params: SystemParams,
          querystring: z.object({
            lang: z.enum(REPORT_LANGS).default('zh'),
            asOf: IsoDateSchema.optional(),
          }),
        },
      },
      async (req, reply) => {
        const dossier = await buildDossier(
          ctx,
          scopeOf(req),
          req.params.systemId,
          req.query.lang,
          req.query.asOf ?? beijingToday(ctx.clock),
        );
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', contentDisposition(dossier.fileName, 'dossier.zip'))
          .header('cache-control', 'private, no-store')
          .send(dossier.zip);
      },
    );
  };
