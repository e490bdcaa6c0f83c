/** Benchmark server processes (dengbao itself and a bare comparison) and autocannon summaries. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';

/** The bare comparison server (bench/api-server.ts) in its own process(es). */
export function startServer(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('bench/api-server.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      const m = /PORT (\d+)/.exec(chunk.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The compiled `dengbao serve --workers N`, as an operator starts it; resolves once it answers. */
export async function startDengbao(
  env: NodeJS.ProcessEnv,
  workers: number,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.resolve('bin/dengbao.js'), 'serve', '--workers', String(workers)],
    {
      env: { ...env, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (let i = 0; ; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, port };
    if (i > 600 || child.exitCode !== null) throw new Error('dengbao did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export interface LoadResult {
  readonly line: string;
  readonly p99: number;
  readonly rps: number;
}

export async function loadResult(opts: autocannon.Options): Promise<LoadResult> {
  const r = await autocannon({ duration: 10, ...opts });
  return {
    line: `p50 ${String(r.latency.p50).padStart(5)} ms  p99 ${String(r.latency.p99).padStart(5)} ms  ${r.requests.average.toFixed(0).padStart(6)} req/s  non-2xx/errors ${r.non2xx + r.errors}`,
    p99: r.latency.p99,
    rps: r.requests.average,
  };
}

export async function load(opts: autocannon.Options): Promise<string> {
  return (await loadResult(opts)).line;
}
