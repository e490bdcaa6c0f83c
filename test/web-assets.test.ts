/**
 * The built web UI as the server sends it: a real `vite build` (into a temporary directory, so a
 * web/dist being rebuilt meanwhile does not matter) served by buildApp on a real port, read with
 * node:http so the bytes on the wire are checked, not what a client decoded.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildApp, type DengbaoApp } from '../src/server/app';
import type { Store } from '../src/store/database';
import { openTestStore, testContext } from './support';

const repoRoot = path.resolve(import.meta.dirname, '..');
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('web assets: compression, caching and the SPA fallback', () => {
  let dir: string;
  let store: Store;
  let app: DengbaoApp;
  let origin: string;
  let indexHtml: string;
  /** /assets/... of the entry script and of every file index.html makes the browser load. */
  let entry: string;
  let initial: string[];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dengbao-web-'));
    const build = spawnSync(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'web/vite.config.ts',
        '--outDir',
        dir,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    assert.equal(build.status, 0, `vite build failed:\n${build.stderr}${build.stdout}`);
    const opened = await openTestStore('sqlite');
    assert.ok(opened);
    store = opened;
    app = await buildApp({ ...testContext(store), webDir: dir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    indexHtml = readFileSync(path.join(dir, 'index.html'), 'utf8');
    entry = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1] ?? '';
    assert.ok(entry, `no entry script in index.html:\n${indexHtml}`);
    initial = [...indexHtml.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  });

  after(async () => {
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the build writes .br and .gz beside each JS and CSS file of 1 KB or more', () => {
    const assets = path.join(dir, 'assets');
    const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
    const big = files.filter((f) => statSync(path.join(assets, f)).size >= 1024);
    assert.ok(big.length > 5, `only ${big.length} assets of 1 KB or more`);
    for (const f of big) {
      const original = readFileSync(path.join(assets, f));
      assert.deepEqual(brotliDecompressSync(readFileSync(path.join(assets, `${f}.br`))), original);
      assert.deepEqual(gunzipSync(readFileSync(path.join(assets, `${f}.gz`))), original);
    }
  });

  it('ECharts and React Flow are not loaded by the first page, only with the pages using them', () => {
    const assets = readdirSync(path.join(dir, 'assets'));
    for (const lib of ['echarts', 'react-flow']) {
      assert.ok(
        assets.some((f) => f.startsWith(`${lib}-`) && f.endsWith('.js')),
        `no ${lib} chunk in ${assets.join(' ')}`,
      );
      assert.ok(
        !initial.some((f) => f.includes(`/${lib}-`)),
        `${lib} is loaded by index.html: ${initial.join(' ')}`,
      );
    }
    // Each page is a chunk of its own, not part of the entry.
    for (const page of ['CatalogPage', 'SystemDetailPage', 'AssessmentPage', 'AuditPage'])
      assert.ok(
        assets.some((f) => f.startsWith(`${page}-`) && f.endsWith('.js')),
        `no chunk for ${page}`,
      );
  });

  it('hashed assets are immutable for a year; brotli and gzip are sent when accepted', async () => {
    const onDisk = readFileSync(path.join(dir, entry));
    const plain = await fetchRaw(origin + entry);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['cache-control'], IMMUTABLE);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /accept-encoding/i);
    assert.deepEqual(plain.body, onDisk);

    const br = await fetchRaw(origin + entry, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['cache-control'], IMMUTABLE);
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.ok(br.body.length < onDisk.length / 2, `brotli: ${br.body.length} of ${onDisk.length}`);
    assert.deepEqual(brotliDecompressSync(br.body), onDisk);

    // What a browser on plain HTTP sends (Chromium offers br over HTTPS only).
    const gz = await fetchRaw(origin + entry, { 'accept-encoding': 'gzip, deflate' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers['cache-control'], IMMUTABLE);
    assert.deepEqual(gunzipSync(gz.body), onDisk);

    for (const file of initial) {
      const answer = await fetchRaw(origin + file, { 'accept-encoding': 'br' });
      assert.equal(answer.status, 200, file);
      assert.equal(answer.headers['cache-control'], IMMUTABLE, file);
    }
  });

  it('index.html is revalidated on every visit, for / and for client routes', async () => {
    for (const url of ['/', '/index.html', '/o/some-org/systems?tab=baseline', '/login']) {
      const answer = await fetchRaw(origin + url, { 'accept-encoding': 'gzip' });
      assert.equal(answer.status, 200, url);
      assert.equal(answer.headers['cache-control'], 'no-cache', url);
      assert.match(String(answer.headers['content-type']), /text\/html/, url);
      const html =
        answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;
      assert.equal(html.toString('utf8'), indexHtml, url);
    }
    const first = await fetchRaw(`${origin}/`);
    assert.ok(first.headers.etag);
    const again = await fetchRaw(`${origin}/`, { 'if-none-match': first.headers.etag });
    assert.equal(again.status, 304);

    const favicon = await fetchRaw(`${origin}/favicon.svg`);
    assert.equal(favicon.status, 200);
    assert.equal(favicon.headers['cache-control'], 'no-cache');
  });

  it('unknown API paths and missing assets get the JSON 404, not the page', async () => {
    for (const url of ['/api/no-such-thing', '/api/organisations/x/nope', '/assets/gone-1234.js']) {
      const answer = await fetchRaw(origin + url);
      assert.equal(answer.status, 404, url);
      assert.match(String(answer.headers['content-type']), /application\/json/, url);
      assert.equal(JSON.parse(answer.body.toString('utf8')).code, 'NOT_FOUND', url);
    }
  });

  it('a rebuilt web/dist is served without a restart', async () => {
    const extra = path.join(dir, 'assets', 'later-abc123.js');
    assert.equal(existsSync(extra), false);
    writeFileSync(extra, 'export const later = 1;\n');
    const answer = await fetchRaw(`${origin}/assets/later-abc123.js`);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.toString('utf8'), 'export const later = 1;\n');
  });
});
