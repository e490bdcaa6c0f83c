import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deleteLogoCommand,
  documentTemplateQuery,
  logoFileQuery,
  setLogoCommand,
  setTemplateBlockCommand,
} from '../../app/documents/template';
import type { AppContext } from '../../app/context';
import {
  LOGO_MAX_BYTES,
  LOGO_MAX_PIXELS,
  TemplateBlockInputSchema,
} from '../../shared/document-template-schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const read = { access: { kind: 'org', permission: 'org.read' } } as const;
const write = { access: { kind: 'org', permission: 'org.update' } } as const;

/**
 * A logo up to 64 KB over the bound still reaches the check, which answers 400 naming its size
 * and the bound; a larger body is refused by the server with 413 unread.
 */
const LOGO_BODY_LIMIT = LOGO_MAX_BYTES + 64 * 1024;

/** The bytes decide the type; these are what browsers and curl send a picture as. */
const LOGO_BODY_TYPES = ['image/png', 'image/jpeg', 'application/octet-stream'];

const BlockParams = OrgParams.extend({
  key: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Za-z0-9_.-]+$/, 'must be a block key such as assessment.statement'),
});
const VersionQuery = z.object({ version: z.coerce.number().int().min(0).optional() });

/**
 * 文书模板: the organisation's wording of the documents' blocks in Chinese and English and its
 * logo for the covers. Members read it; owners and administrators (org.update) change it.
 */
export const documentTemplateRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['document-template'];
    app.addContentTypeParser(
      LOGO_BODY_TYPES,
      { parseAs: 'buffer', bodyLimit: LOGO_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/organisations/:orgId/document-template',
      {
        config: read,
        schema: {
          tags,
          summary:
            "Every reword-able document block with its default texts (zh, en) and the organisation's own, and the logo",
          params: OrgParams,
        },
      },
      async (req) => documentTemplateQuery(ctx, scopeOf(req)),
    );

    app.put(
      '/organisations/:orgId/document-template/blocks/:key',
      {
        config: write,
        schema: {
          tags,
          summary:
            "Set a block's text in zh and/or en at the block's version (an empty text goes back to the default; keys not offered by a document are refused)",
          params: BlockParams,
          body: TemplateBlockInputSchema,
        },
      },
      async (req) =>
        setTemplateBlockCommand(ctx, req.actor, scopeOf(req), req.params.key, req.body),
    );

    app.get(
      '/organisations/:orgId/document-template/logo',
      {
        config: read,
        schema: { tags, summary: "Download the organisation's logo", params: OrgParams },
      },
      async (req, reply) => {
        const logo = await logoFileQuery(ctx, scopeOf(req));
        return reply
          .header('content-type', logo.mediaType)
          .header('cache-control', 'private, no-cache')
          .header('x-content-sm3', logo.sm3)
          .send(logo.content);
      },
    );

    app.put(
      '/organisations/:orgId/document-template/logo',
      {
        config: write,
        bodyLimit: LOGO_BODY_LIMIT,
        schema: {
          tags,
          summary: `Upload the logo as the raw body: PNG or JPEG by its content, at most ${LOGO_MAX_BYTES / 1024} KB and ${LOGO_MAX_PIXELS}×${LOGO_MAX_PIXELS} pixels; version = the stored logo's (0: none) when given`,
          params: OrgParams,
          querystring: VersionQuery,
        },
      },
      async (req) =>
        setLogoCommand(
          ctx,
          req.actor,
          scopeOf(req),
          Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          req.query.version,
        ),
    );

    app.delete(
      '/organisations/:orgId/document-template/logo',
      {
        config: write,
        schema: {
          tags,
          summary: 'Remove the logo (documents print none)',
          params: OrgParams,
          querystring: VersionQuery,
        },
      },
      async (req, reply) => {
        await deleteLogoCommand(ctx, req.actor, scopeOf(req), req.query.version);
        return reply.status(204).send();
      },
    );
  };
