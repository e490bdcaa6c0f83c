import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clearWordingCommand,
  importWordingCommand,
  importWordingFromPractitionerWorkbookCommand,
  WORDING_MAX_FILE_BYTES,
  WORDING_SOURCES,
  wordingQuery,
} from '../../app/assessment/wording';
import type { AppContext } from '../../app/context';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const read = { access: { kind: 'org', permission: 'assessments.read' } } as const;
const write = { access: { kind: 'org', permission: 'assessments.write' } } as const;

/** Media types a wording file may be sent as (the raw body). */
const FILE_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
];

const ImportQuery = z.object({
  /** The file's name: its extension tells CSV from YAML/JSON, and it is kept as the source. */
  name: z.string().trim().max(200).optional(),
  source: z.enum(WORDING_SOURCES).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
  /**
   * Read the file as an assessor's own workbook (one sheet per test object) matched against this
   * assessment: its 测评项 texts at the assessment's level (source `workbook`).
   */
  assessmentId: z.string().uuid('must be an assessment id (UUID)').optional(),
});

/**
 * The standard's own wording (标准原文) of the organisation: loaded from its licensed copy or an
 * imported workbook, per requirement item; never shipped, never visible to another organisation.
 */
export const wordingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['requirement-wording'];
    app.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: WORDING_MAX_FILE_BYTES + 1024 },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/organisations/:orgId/requirement-wording',
      {
        config: read,
        schema: {
          tags,
          summary: "The organisation's own copy of the standard's wording, per requirement item",
          params: OrgParams,
        },
      },
      async (req) => wordingQuery(ctx, scopeOf(req)),
    );

    app.put(
      '/organisations/:orgId/requirement-wording',
      {
        config: write,
        bodyLimit: WORDING_MAX_FILE_BYTES + 1024,
        schema: {
          tags,
          summary:
            'Load wording from a file (.xlsx/.csv with 编号 or 条款 and 测评项/原文, or a YAML/JSON list of {requirementId, level, text}; or, with assessmentId, an assessor workbook read against that assessment) as the raw body: all or nothing, every problem by row and column',
          params: OrgParams,
          querystring: ImportQuery,
        },
      },
      async (req) => {
        const body = Buffer.isBuffer(req.body)
          ? req.body
          : req.body === undefined || req.body === null
            ? Buffer.alloc(0)
            : Buffer.from(JSON.stringify(req.body));
        if (req.query.assessmentId) {
          return importWordingFromPractitionerWorkbookCommand(
            ctx,
            req.actor,
            scopeOf(req),
            req.query.assessmentId,
            body,
            { fileName: req.query.name, dryRun: req.query.dryRun === 'true' },
          );
        }
        return importWordingCommand(ctx, req.actor, scopeOf(req), body, {
          fileName: req.query.name,
          source: req.query.source,
          dryRun: req.query.dryRun === 'true',
        });
      },
    );

    app.delete(
      '/organisations/:orgId/requirement-wording',
      {
        config: write,
        schema: {
          tags,
          summary: "Delete every entry of the organisation's wording",
          params: OrgParams,
        },
      },
      async (req) => clearWordingCommand(ctx, req.actor, scopeOf(req)),
    );
  };
