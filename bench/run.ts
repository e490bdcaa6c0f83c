/**
 * `npm run bench`:
 * 1. grading + obligations for 100,000 synthetic systems on one core (median of 5 runs);
 * 2. listing systems of a 10,000-system organisation through the API at 100 concurrent connections
 *    (autocannon, server in its own process), next to a bare route serving the same JSON from memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { gradeSystem } from '../src/domain/mlps/grading';
import { evaluateObligations } from '../src/domain/obligations/evaluate';
import { openStore } from '../src/store/database';
import { createOrganisation } from '../src/store/repositories/organisations.repository';
import { generateSystems } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function benchEngines(count: number): void {
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
    `engines  grading + obligations, ${count.toLocaleString()} systems: median ${median(runs).toFixed(0)} ms (min ${Math.min(...runs).toFixed(0)} ms, 5 runs), ${obligations.toLocaleString()} obligations`,
  );
}

function startServer(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('bench/api-server.ts'), ...args],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      const m = /PORT (\d+)/.exec(chunk.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function load(url: string, connections: number) {
  const r = await autocannon({ url, connections, duration: 10 });
  return `p50 ${String(r.latency.p50).padStart(5)} ms  p99 ${String(r.latency.p99).padStart(5)} ms  ${r.requests.average.toFixed(0).padStart(6)} req/s  non-2xx/errors ${r.non2xx + r.errors}`;
}

async function benchApi(count: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const store = await openStore({ kind: 'sqlite', file });
  const now = new Date().toISOString();
  const org = await createOrganisation(store.db, { name: '基准测试单位' }, now);
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
  await store.close();

  const api = await startServer(['api', file]);
  const base = `http://127.0.0.1:${api.port}/api/organisations/${org.id}/systems`;
  const scenarios = [
    { label: 'page of 50 (sorted by name)', query: '?limit=50&sort=name', connections: 100 },
    { label: 'all 10,000 in one response', query: `?limit=${count}`, connections: 100 },
  ];
  for (const s of scenarios) {
    const body = await (await fetch(base + s.query)).text();
    const json = path.join(dir, 'body.json');
    writeFileSync(json, body);
    const bare = await startServer(['bare', json]);
    console.log(
      `api      list ${s.label}, ${(body.length / 1024).toFixed(0)} KB, ${s.connections} connections, 10 s each:`,
    );
    console.log(`           dengbao          ${await load(base + s.query, s.connections)}`);
    console.log(
      `           bare in-memory   ${await load(`http://127.0.0.1:${bare.port}/same`, s.connections)}`,
    );
    bare.child.kill();
  }
  api.child.kill();
  rmSync(dir, { recursive: true, force: true });
}

benchEngines(100_000);
await benchApi(10_000);
