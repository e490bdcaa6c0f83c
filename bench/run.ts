/**
 * `npm run bench`:
 * 1. grading + obligations for 100,000 synthetic systems on one core (median of 5 runs);
 * 2. listing the systems of a 10,000-system organisation through the API, authenticated with an
 *    API token, at 100 concurrent connections (autocannon; the server runs in its own process),
 *    next to a bare route serving the same JSON from memory;
 * 3. sign-in (scrypt password check + session) under load;
 * 4. audit-chain verification of 1,000,000 entries (bench/audit-verify.ts);
 * 5. GB/T 22239 catalog load + validation and baseline computation (bench/catalog.ts);
 * 6. assessments: scoring 1,000 level-3 cloud assessments, the workbook API under load
 *    (bench/assessment.ts) and a 10,000-row Excel import (bench/assessment-excel.ts), and the
 *    spreadsheet reader under the zip and row bombs of issue 12 (bench/import-limits.ts);
 * 7. documents: a 20-object level-3 assessment report as Word and PDF (bench/reports.ts);
 * 8. the CII boundary kernel over 1,000,000 assets / 5,000,000 dependencies vs plain C, and the
 *    stored CII model of a large operator (import, boundary query, determination; bench/cii-model.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_ACTOR } from '../src/app/actor';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { systemClock } from '../src/app/clock';
import type { AppContext } from '../src/app/context';
import { createApiToken, createUser } from '../src/app/identity';
import { gradeSystem } from '../src/domain/mlps/grading';
import { evaluateObligations } from '../src/domain/obligations/evaluate';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { openStore } from '../src/store/database';
import { insertMembership } from '../src/store/repositories/accounts.repository';
import { createOrganisation } from '../src/store/repositories/organisations.repository';
import { benchAuditVerify } from './audit-verify';
import { benchCatalog } from './catalog';
import { load, startServer } from './load';
import { benchAssessments } from './assessment';
import { benchWorkbookImport } from './assessment-excel';
import { benchImportLimits } from './import-limits';
import { benchReports } from './reports';
import { benchCiiBoundary } from './cii-boundary';
import { benchCiiModel } from './cii-model';
import { BENCH_KEYS, generateSystems } from './generate';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const PASSWORD = 'Dengbao#Load-2026';

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

async function benchApi(count: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const store = await openStore({ kind: 'sqlite', file });
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

  const api = await startServer(['api', file]);
  const origin = `http://127.0.0.1:${api.port}`;
  const base = `${origin}/api/organisations/${org.id}/systems`;
  const headers = { authorization: `Bearer ${token}` };
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
    const bare = await startServer(['bare', json]);
    console.log(
      `api      list ${s.label}, ${(body.length / 1024).toFixed(0)} KB, ${s.connections} connections, 10 s each:`,
    );
    console.log(
      `           dengbao (token)  ${await load({ url: base + s.query, headers, connections: s.connections })}`,
    );
    console.log(
      `           bare in-memory   ${await load({ url: `http://127.0.0.1:${bare.port}/same`, connections: s.connections })}`,
    );
    bare.child.kill();
  }
  api.child.kill();
  rmSync(dir, { recursive: true, force: true });
}

benchCatalog();
benchEngines(100_000);
await benchApi(10_000);
await benchAuditVerify(1_000_000);
await benchAssessments();
await benchWorkbookImport();
await benchImportLimits();
await benchReports();
benchCiiBoundary();
await benchCiiModel();
