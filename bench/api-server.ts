/**
 * Benchmark server process: `api <sqliteFile>` serves dengbao on a store, `bare <jsonFile>` serves
 * one JSON body from memory. Prints `PORT <n>` once listening. Kept out of the load generator's
 * process so the two do not share an event loop.
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { systemClock } from '../src/app/clock';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { buildApp } from '../src/server/app';
import { openStore } from '../src/store/database';
import { BENCH_KEYS } from './generate';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'api' && mode !== 'bare')) {
  console.error('usage: api-server.ts api <sqliteFile> | bare <jsonFile>');
  process.exit(2);
}
let app: FastifyInstance;
if (mode === 'api') {
  const store = await openStore({ kind: 'sqlite', file });
  app = await buildApp({
    store,
    clock: systemClock,
    labelCitation: citationLabeller(loadShippedKnowledgeBase()),
    // The sign-in benchmark measures password checking, not the rate limiter.
    security: { ...DEFAULT_SECURITY_CONFIG, signInRateLimitPerMinute: 1_000_000 },
    cipher: createFieldCipher(parseKeyList(BENCH_KEYS, 'bench')),
    catalog: shippedMlpsCatalog(),
    webDir: '/nonexistent',
  });
} else {
  const body = readFileSync(file, 'utf8');
  app = Fastify();
  app.get('/*', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
}
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`PORT ${(app.server.address() as { port: number }).port}`);
