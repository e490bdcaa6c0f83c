/**
 * Issue 12, part 1, measured on the real server process (`src/server/main.ts` on a fresh SQLite
 * data directory), not inside the test runner: while the spreadsheet bombs are uploaded one after
 * another, /api/health answers within a second and the server's peak RSS (VmHWM) stays under
 * 512 MB. The in-process API tests (test/api/import-limits.test.ts) check the answers themselves.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflationBomb, manyRows } from './fixtures/workbook-bombs';
import { uploadWatchingHealth } from './health-probe';

const MB = 1024 * 1024;
const PASSWORD = 'Zhao-Min#2026-audit';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Peak resident set of a process so far, from the kernel (Linux). */
const peakRssOf = (pid: number): number => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
};

describe('the server process under spreadsheet bombs', () => {
  let dir: string;
  let server: ChildProcess;
  let base: string;
  let orgId: string;
  let cookie: string;
  let csrf: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bombs-'));
    const env = { ...process.env, DENGBAO_DATA_DIR: dir, LOG_LEVEL: 'warn' };
    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['bin/dengbao.js', ...args], {
        env: { ...env, DENGBAO_ADMIN_PASSWORD: PASSWORD },
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, `dengbao ${args.join(' ')}: ${r.stderr}`);
      return r.stdout.trim();
    };
    cli('users', 'create-admin', '--username', 'zhao.min', '--display-name', '赵敏');
    orgId = cli('orgs', 'create', '--name', '某城市商业银行', '--owner', 'zhao.min');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      assert.ok(i < 300, 'the server did not start within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhao.min', password: PASSWORD }),
    });
    assert.equal(signIn.status, 200, await signIn.clone().text());
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
  });

  after(() => {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 400 to each bomb, keeps /api/health under 1 s and its peak RSS under 512 MB', async (t) => {
    const bombs = [
      { name: '4 sheets × 450 MB, honest sizes', file: inflationBomb(4, 450 * MB, false) },
      { name: '4 sheets × 450 MB, declaring 1 kB each', file: inflationBomb(4, 450 * MB, true) },
      { name: '1,000,000 rows', file: manyRows(1_000_000) },
    ];
    for (const { name, file } of bombs) {
      const answer = await uploadWatchingHealth(
        base,
        `/api/organisations/${orgId}/cii/import`,
        file,
        { cookie, csrf },
      );
      const latencies = answer.healthMs;
      const worst = Math.max(...latencies);
      const peak = peakRssOf(server.pid!);
      t.diagnostic(
        `${name} (${(file.length / MB).toFixed(1)} MB): ${answer.status} after ${answer.tookMs.toFixed(0)} ms; ${latencies.length} health checks, slowest ${worst.toFixed(0)} ms; server peak RSS so far ${(peak / MB).toFixed(0)} MB`,
      );
      assert.equal(answer.status, 400, answer.body);
      assert.ok(worst < 1000, `health answered in ${worst.toFixed(0)} ms`);
      assert.ok(peak < 512 * MB, `server peak RSS ${(peak / MB).toFixed(0)} MB`);
    }
  });
});
