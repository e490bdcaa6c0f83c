/**
 * The API under load, served by the compiled `dengbao serve --workers N` as an operator runs it:
 * sign-in, and listing the systems of a 10,000-system organisation (API token and session
 * cookie) at 100 concurrent connections, next to a bare Fastify route serving the same JSON from
 * memory in as many processes. Targets (issue 13): page of 50 with workers = cores at p99
 * < 100 ms and ≥ 30 % of the bare route's throughput. Run alone: `npx tsx bench/api.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_ACTOR } from '../src/app/actor';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { systemClock } from '../src/app/clock';
import type { AppContext } from '../src/app/context';
import { createApiToken, createUser } from '../src/app/identity';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { openStore } from '../src/store/database';
import { insertMembership } from '../src/store/repositories/accounts.repository';
import { createOrganisation } from '../src/store/repositories/organisations.repository';
import { BENCH_KEYS } from './generate';
import { load, loadResult, startDengbao, startServer, stopProcess } from './load';

const PASSWORD = 'Dengbao#Load-2026';

/** A SQLite data dir with one organisation of `count` graded systems, a viewer and its API token. */
export async function prepareApiData(
  count: number,
): Promise<{ dir: string; orgId: string; token: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
  const ctx: AppContext = {
    store,
    clock: systemClock,
    labelCitation: citationLabeller(loadShippedKnowledgeBase()),
    security: DEFAULT_SECURITY_CONFIG,
    cipher: createFieldCipher(parseKeyList(BENCH_KEYS, 'bench')),
    catalog: shippedMlpsCatalog(),
  };
  const now = new Date().toISOString();
  const org = await createOrganisation(store.db, { name: '基准测试单位' }, now);
  const user = await createUser(ctx, CLI_ACTOR, {
    username: 'bench',
    displayName: '基准',
    password: PASSWORD,
    mustChangePassword: false,
  });
  await insertMembership(store.db, org.id, user.id, 'viewer', now);
  const { token } = await createApiToken(ctx, CLI_ACTOR, org.id, {
    name: 'bench',
    role: 'viewer',
    expiresInDays: 1,
  });
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
  return { dir, orgId: org.id, token };
}

export async function benchApi(count: number, workers = availableParallelism()): Promise<void> {
  const { dir, orgId, token } = await prepareApiData(count);
  const api = await startDengbao(
    {
      ...process.env,
      DENGBAO_DATA_DIR: dir,
      DENGBAO_ENCRYPTION_KEYS: BENCH_KEYS,
      // The sign-in benchmark measures password checking, not the rate limiter.
      DENGBAO_SIGNIN_RATE_LIMIT: '10000',
    },
    workers,
  );
  const origin = `http://127.0.0.1:${api.port}`;
  const base = `${origin}/api/organisations/${orgId}/systems`;
  const headers = { authorization: `Bearer ${token}` };
  console.log(
    `api      dengbao serve --workers ${workers} (compiled), SQLite, ${count.toLocaleString()} systems`,
  );
  const signIn = await load({
    url: `${origin}/api/session`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    connections: 10,
  });
  console.log(`auth     sign-in (scrypt N=2^15 + session), 10 connections, 10 s: ${signIn}`);
  const cookieRes = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
  });
  const cookie = (cookieRes.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  console.log(
    `auth     session-cookie list (page of 50), 100 connections, 10 s: ${await load({ url: `${base}?limit=50&sort=name`, headers: { cookie }, connections: 100 })}`,
  );
  for (const s of [
    { label: 'page of 50 (sorted by name)', query: '?limit=50&sort=name', connections: 100 },
    // A whole 3 MB inventory at once is an export, not a page view: fewer clients at a time.
    {
      label: `all ${count.toLocaleString()} in one response`,
      query: `?limit=${count}`,
      connections: 10,
    },
  ]) {
    const body = await (await fetch(base + s.query, { headers })).text();
    const json = path.join(dir, 'body.json');
    writeFileSync(json, body);
    const bare = await startServer(['bare', json, String(workers)]);
    const ours = await loadResult({ url: base + s.query, headers, connections: s.connections });
    const theirs = await loadResult({
      url: `http://127.0.0.1:${bare.port}/same`,
      connections: s.connections,
    });
    console.log(
      `api      list ${s.label}, ${(body.length / 1024).toFixed(0)} KB, ${s.connections} connections, 10 s each, ${workers} processes:`,
    );
    console.log(`           dengbao (token)  ${ours.line}`);
    console.log(`           bare in-memory   ${theirs.line}`);
    console.log(
      `           dengbao/bare throughput ${((100 * ours.rps) / theirs.rps).toFixed(1)} %`,
    );
    await stopProcess(bare.child);
  }
  await stopProcess(api.child);
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const workers = process.env.BENCH_WORKERS ? Number(process.env.BENCH_WORKERS) : undefined;
  await benchApi(10_000, workers);
}
