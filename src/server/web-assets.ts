import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Files under /assets/ carry a content hash in their name: a browser may keep them for good. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files (favicon): the browser asks again each time (304 if same). */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/** Where the build puts its hashed files (Vite's `build.assetsDir`). */
const ASSETS_PREFIX = '/assets/';

/**
 * Serves the built web UI in `webDir` (web/dist) at /, when it has an index.html:
 * - the .br / .gz files the build wrote beside each asset (web/vite.config.ts) to browsers that
 *   accept them, with `Vary: Accept-Encoding`;
 * - hashed files under /assets/ cached for a year as immutable, everything else revalidated;
 * - index.html for any other GET outside /api and /assets (client-side routes); a missing asset
 *   and an unknown API path get the JSON 404.
 * Files are looked up per request, so a rebuilt web/dist is served without a restart.
 */
export async function registerWebAssets(app: FastifyInstance, webDir: string): Promise<void> {
  const indexFile = path.join(webDir, 'index.html');
  const assetsDir = path.join(webDir, 'assets');
  if (existsSync(indexFile)) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      preCompressed: true,
      // Set below per file: @fastify/send would say `public, max-age=0` for all.
      cacheControl: false,
      setHeaders(reply, file) {
        const hashed = path.dirname(file) === assetsDir;
        reply.header('cache-control', hashed ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    const clientRoute =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !url.startsWith('/api') &&
      !url.startsWith(ASSETS_PREFIX);
    if (clientRoute && existsSync(indexFile)) return reply.sendFile('index.html');
    return reply.status(404).send({
      code: 'NOT_FOUND',
      message: `no route ${request.method} ${url}`,
      details: [],
    });
  });
}
