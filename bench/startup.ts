/**
 * Whole-process start-up of the compiled CLI and server (issue 13 targets: `--version` < 0.3 s,
 * `grade <file>` < 0.5 s, server answering /api/health < 1.5 s), median of several runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = path.resolve('bin/dengbao.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function timeCommand(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`dengbao ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function timeServerReady(env: NodeJS.ProcessEnv, workers: number): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--workers', String(workers)], {
    env: { ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - t0;
      if (performance.now() - t0 > 30_000) throw new Error('server not ready after 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchStartup(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-start-'));
  const file = path.join(dir, 'grade.yaml');
  writeFileSync(
    file,
    [
      'businessInformation:',
      '  - { object: citizen_legal_person, degree: serious }',
      '  - { object: social_order_public_interest, degree: serious }',
      'systemService:',
      '  - { object: social_order_public_interest, degree: serious }',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, DENGBAO_DATA_DIR: path.join(dir, 'data') };
  timeCommand(['db', 'migrate'], env); // the first start creates keys and schema: not measured
  const version = Array.from({ length: 9 }, () => timeCommand(['--version']));
  const grade = Array.from({ length: 9 }, () => timeCommand(['grade', file]));
  const ready: number[] = [];
  for (let i = 0; i < 5; i++) ready.push(await timeServerReady(env, 1));
  const readyWorkers: number[] = [];
  for (let i = 0; i < 3; i++) readyWorkers.push(await timeServerReady(env, 2));
  const f = (xs: number[]) =>
    `median ${(median(xs) / 1000).toFixed(2)} s (min ${(Math.min(...xs) / 1000).toFixed(2)} s)`;
  console.log(`start    dengbao --version: ${f(version)}; dengbao grade <file>: ${f(grade)}`);
  console.log(
    `start    server ready (/api/health 200), 1 process: ${f(ready)}; 2 workers: ${f(readyWorkers)}`,
  );
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStartup();
