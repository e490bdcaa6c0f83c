/**
 * `npm run bench`: grading + obligations for 100,000 synthetic systems on one core, and listing
 * 10,000 systems through the API under 100 concurrent connections (autocannon) next to a bare
 * route that serves the same JSON from memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { systemClock } from '../src/app/clock';
import { gradeSystem } from '../src/domain/mlps/grading';
import { evaluateObligations } from '../src/domain/obligations/evaluate';
import { buildApp } from '../src/server/app';
import { openStore } from '../src/store/database';
import { generateSystems } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function benchEngines(count: number) {
  const { gradings, facts } = generateSystems(count);
  const runs: number[] = [];
  let obligations = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const graded = facts.map((f, i) => ({
      ...f,
      level: f.gradedOn ? gradeSystem(gradings[i]!).level : null,
    }));
    obligations = evaluateObligations(graded, '2026-06-30').obligations.length;
    runs.push(performance.now() - t0);
  }
  console.log(
    `engines: grading + obligations for ${count.toLocaleString()} systems: median ${median(runs).toFixed(0)} ms over 5 runs (min ${Math.min(...runs).toFixed(0)} ms), ${obligations.toLocaleString()} obligations`,
  );
}

async function load(url: string) {
  const result = await autocannon({ url, connections: 100, duration: 10, pipelining: 1 });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

async function benchApi(count: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  const app = await buildApp({
    store,
    clock: systemClock,
    labelCitation: citationLabeller(loadShippedKnowledgeBase()),
    webDir: '/nonexistent',
  });
  const org = (
    await app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: { name: '基准测试单位' },
    })
  ).json() as { id: string };
  const now = new Date().toISOString();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    organisation_id: org.id,
    name: `业务系统${String(i).padStart(5, '0')}`,
    description: null,
    types: '["ordinary_system"]',
    go_live_on: '2024-01-01',
    is_cii: 0,
    cii_designated_on: null,
    is_national_egov: 0,
    has_competent_authority: 0,
    competent_authority: null,
    responsible_department: null,
    host_system_id: null,
    cii_security_organisation_on: null,
    level: 1 + (i % 4),
    graded_on: '2024-02-01',
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await store.db
      .insertInto('systems')
      .values(rows.slice(i, i + 500))
      .execute();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/organisations/${org.id}/systems?limit=10000`;
  const body = await (await fetch(url)).text();
  const bare = Fastify();
  bare.get('/same', async (_req, reply) => reply.type('application/json').send(body));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/same`;
  const api = await load(url);
  const mem = await load(bareUrl);
  console.log(
    `api: list ${count.toLocaleString()} systems (${(body.length / 1e6).toFixed(1)} MB JSON), 100 connections, 10 s:`,
  );
  console.log(
    `  dengbao route  p50 ${api.p50} ms  p99 ${api.p99} ms  ${api.rps.toFixed(1)} req/s  errors ${api.errors}`,
  );
  console.log(
    `  bare in-memory p50 ${mem.p50} ms  p99 ${mem.p99} ms  ${mem.rps.toFixed(1)} req/s  errors ${mem.errors}`,
  );
  await bare.close();
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

benchEngines(100_000);
await benchApi(10_000);
