/**
 * Two dengbao servers (separate processes, as on two machines) on one PostgreSQL database:
 * whatever one server learns, the other must honour — a session, a sign-in block, the sign-in
 * rate limit and the cached workbook of an assessment. And `serve --workers 2` on the embedded
 * SQLite store shares the rate limit between its workers the same way.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { postgresAvailable, TEST_PG_URL } from './support';

const PASSWORD = 'Dengbao#Cluster-2026';
const BIN = path.resolve('bin/dengbao.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function cli(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, `dengbao ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

async function startServer(
  env: NodeJS.ProcessEnv,
  workers = 1,
): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--workers', String(workers)], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, child };
    assert.ok(i < 600, 'the server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(base: string, username: string, password = PASSWORD) {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: res.status, session: { cookie, csrf: body.csrfToken ?? '' } as Session };
}

function call(base: string, s: Session, method: string, url: string, body?: unknown) {
  return fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('two servers on one PostgreSQL', () => {
  const schema = `t_cluster_${randomBytes(5).toString('hex')}`;
  let available = false;
  let a: { base: string; child: ChildProcess } | undefined;
  let b: { base: string; child: ChildProcess } | undefined;
  let orgId = '';
  let dir = '';

  before(async () => {
    available = await postgresAvailable();
    if (!available) return;
    dir = mkdtempSync(path.join(tmpdir(), 'dengbao-cluster-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: TEST_PG_URL,
      DATABASE_SCHEMA: schema,
      DENGBAO_ENCRYPTION_KEYS: `k1:${randomBytes(16).toString('hex')}`,
      DENGBAO_AUDIT_ANCHOR_FILE: path.join(dir, 'anchors.jsonl'),
      DENGBAO_SIGNIN_RATE_LIMIT: '8',
      DENGBAO_LOCKOUT_THRESHOLD: '3',
      LOG_LEVEL: 'warn',
    };
    cli(
      { ...env, DENGBAO_ADMIN_PASSWORD: PASSWORD },
      'users',
      'create-admin',
      '--username',
      'zhao.min',
    );
    orgId = cli(env, 'orgs', 'create', '--name', '某城市商业银行', '--owner', 'zhao.min');
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  });

  after(async () => {
    await Promise.all([stop(a?.child), stop(b?.child)]);
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (!available) return;
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('a session opened on one server works on the other, and ends on both', async (t) => {
    if (!available) return t.skip('PostgreSQL unavailable');
    const opened = await signIn(a!.base, 'zhao.min');
    assert.equal(opened.status, 200);
    const onB = await call(b!.base, opened.session, 'GET', '/api/session');
    assert.equal(onB.status, 200);
    assert.equal(((await onB.json()) as { user: { username: string } }).user.username, 'zhao.min');
    const out = await call(b!.base, opened.session, 'DELETE', '/api/session');
    assert.ok(out.status < 300, `sign-out on B: ${out.status}`);
    assert.equal((await call(a!.base, opened.session, 'GET', '/api/session')).status, 401);
  });

  it('a workbook cached by one server follows a result recorded on the other', async (t) => {
    if (!available) return t.skip('PostgreSQL unavailable');
    const { session } = await signIn(a!.base, 'zhao.min');
    const org = `/api/organisations/${orgId}`;
    const created = await call(a!.base, session, 'POST', `${org}/systems`, {
      name: '网上银行系统',
      types: ['ordinary_system'],
    });
    assert.equal(created.status, 201, await created.clone().text());
    const system = (await created.json()) as { id: string; version: number };
    const graded = await call(a!.base, session, 'POST', `${org}/systems/${system.id}/gradings`, {
      businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
      systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
      gradedOn: '2026-01-05',
      reason: '面向公众的网上银行业务',
      version: system.version,
    });
    assert.equal(graded.status, 201, await graded.clone().text());
    const started = await call(
      a!.base,
      session,
      'POST',
      `${org}/systems/${system.id}/assessments`,
      {
        title: '2026年度等级测评',
      },
    );
    assert.equal(started.status, 201, await started.clone().text());
    const assessment = `${org}/assessments/${((await started.json()) as { id: string }).id}`;
    const object = await call(a!.base, session, 'POST', `${assessment}/objects`, {
      name: '核心数据库服务器',
      kind: 'server',
    });
    assert.equal(object.status, 201, await object.clone().text());
    const objectId = ((await object.json()) as { id: string }).id;

    type Row = { requirementId: string; objectId: string; result: string | null };
    const resultOnA = async () => {
      const wb = (await (await call(a!.base, session, 'GET', `${assessment}/workbook`)).json()) as {
        rows: Row[];
      };
      return wb.rows.find((r) => r.requirementId === '8.1.4.1-a' && r.objectId === objectId)
        ?.result;
    };
    assert.equal(await resultOnA(), null); // now cached on A
    const put = await call(b!.base, session, 'PUT', `${assessment}/results/8.1.4.1-a/${objectId}`, {
      result: 'non_compliant',
      record: '存在弱口令 admin/123456，未启用口令复杂度策略',
      version: 0,
    });
    assert.equal(put.status, 200, await put.clone().text());
    assert.equal(await resultOnA(), 'non_compliant');
  });

  it('failed sign-ins on both servers add up to one block, seen by both', async (t) => {
    if (!available) return t.skip('PostgreSQL unavailable');
    // Threshold 3: two failures on A and one on B block this address for this name on both.
    assert.equal((await signIn(a!.base, 'zhao.min', 'wrong-password-1')).status, 401);
    assert.equal((await signIn(a!.base, 'zhao.min', 'wrong-password-2')).status, 401);
    assert.equal((await signIn(b!.base, 'zhao.min', 'wrong-password-3')).status, 401);
    assert.equal((await signIn(a!.base, 'zhao.min')).status, 401);
    assert.equal((await signIn(b!.base, 'zhao.min')).status, 401);
  });

  it('the sign-in rate limit counts requests to both servers together', async (t) => {
    if (!available) return t.skip('PostgreSQL unavailable');
    // 8 a minute per address; earlier tests already used some of this minute's requests.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const base = i % 2 === 0 ? a!.base : b!.base;
      statuses.push((await signIn(base, 'nobody', 'whatever-password')).status);
    }
    assert.ok(statuses.includes(429), `no 429 in ${statuses.join(',')}`);
    // Per-process counting would allow 8 on each server: 16 before the first refusal.
    const refusedFrom = statuses.indexOf(429);
    assert.ok(refusedFrom <= 8, `first 429 only after ${refusedFrom} requests`);
    const both = await Promise.all([
      signIn(a!.base, 'nobody', 'whatever'),
      signIn(b!.base, 'nobody', 'whatever'),
    ]);
    assert.deepEqual(
      both.map((r) => r.status),
      [429, 429],
    );
  });
});

describe('serve --workers 2 on the embedded SQLite store', () => {
  let dir = '';
  let server: { base: string; child: ChildProcess } | undefined;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dengbao-workers-'));
    const env = {
      ...process.env,
      DENGBAO_DATA_DIR: dir,
      DENGBAO_SIGNIN_RATE_LIMIT: '6',
      LOG_LEVEL: 'warn',
    };
    server = await startServer(env, 2);
  });
  after(async () => {
    await stop(server?.child);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from two processes and refuses the 7th sign-in of a minute, not the 13th', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await signIn(server!.base, 'nobody', 'whatever-password')).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 401, 429, 429]);
    const workers = spawnSync('ps', ['--ppid', String(server!.child.pid), '-o', 'pid='], {
      encoding: 'utf8',
    });
    assert.equal(workers.stdout.trim().split(/\s+/).length, 2, 'two worker processes');
  });
});
