import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deleteVerificationImportCommand,
  importVerificationCommand,
  verificationMaxBytes,
  verificationCandidates,
  verificationListQuery,
} from '../../app/assessment/verification';
import type { AppContext } from '../../app/context';
import { VerificationImportQuerySchema } from '../../shared/verification-schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const read = { access: { kind: 'org', permission: 'assessments.read' } } as const;
const write = { access: { kind: 'org', permission: 'assessments.write' } } as const;

const uuid = (what: string) => z.string().uuid(`must be ${what} id (UUID)`);
const AssessmentParams = OrgParams.extend({ assessmentId: uuid('an assessment') });
const ImportParams = AssessmentParams.extend({ importId: uuid('a verification import') });

/** Content types a scan report or penetration-test sheet arrives with (the content decides). */
/**
 * A body up to 1 MB above the bound still reaches the importer, which refuses it with a 400 naming
 * the file's size and the bound; beyond that the server answers 413.
 */
const bodyLimit = () => verificationMaxBytes() + 1024 * 1024;

const MEDIA_TYPES = [
  'application/octet-stream',
  'application/xml',
  'text/xml',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Verification tests (漏洞扫描, 渗透测试) of a level assessment. */
export const verificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['assessments'];

    app.addContentTypeParser(
      MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: bodyLimit() },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/organisations/:orgId/assessments/:assessmentId/verification',
      {
        config: write,
        bodyLimit: bodyLimit(),
        schema: {
          tags,
          summary: `Import a vulnerability scan (Greenbone/OpenVAS XML report, Nessus .nessus v2) or penetration-test findings (.xlsx/.csv) as the raw body (at most ${verificationMaxBytes() / 1024 / 1024} MB): hosts matched to test objects by IP address or name; dryRun=true previews; a commit is all or nothing and refuses unmatched hosts unless assigned (assign=host=object, repeatable) or allowUnassigned=true`,
          params: AssessmentParams,
          querystring: VerificationImportQuerySchema,
        },
      },
      async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const result = await importVerificationCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          body,
          {
            fileName: req.query.fileName,
            dryRun: req.query.dryRun,
            allowUnassigned: req.query.allowUnassigned,
            assign: req.query.assign,
          },
        );
        return reply.status(result.dryRun ? 200 : 201).send(result);
      },
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/verification',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Imported scan and penetration-test files, their findings (optionally of one test object; info items with includeInfo=true) and the high-risk candidates (case 6.4.3.2) per object',
          params: AssessmentParams,
          querystring: z.object({
            objectId: uuid('a test object').optional(),
            includeInfo: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional(),
          }),
        },
      },
      async (req) =>
        verificationListQuery(ctx, scopeOf(req), req.params.assessmentId, {
          objectId: req.query.objectId,
          includeInfo: req.query.includeInfo ?? false,
        }),
    );

    app.get(
      '/organisations/:orgId/assessments/:assessmentId/verification/candidates',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Per test object, the scan and penetration-test findings that make it a candidate for high-risk case 6.4.3.2 (exploitable high-risk vulnerability), with reasons',
          params: AssessmentParams,
        },
      },
      async (req) => {
        const items = await verificationCandidates(ctx, scopeOf(req), req.params.assessmentId);
        return { items, total: items.length };
      },
    );

    app.delete(
      '/organisations/:orgId/assessments/:assessmentId/verification/:importId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Delete an imported scan or penetration-test file and its findings',
          params: ImportParams,
        },
      },
      async (req, reply) => {
        await deleteVerificationImportCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.params.importId,
        );
        return reply.status(204).send();
      },
    );
  };
