import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/** Default worker count: one per core the process may use. */
export const defaultWorkerCount = (): number => availableParallelism();

/** Parses `--workers` / DENGBAO_WORKERS: a whole number from 1 to 64. */
export function parseWorkerCount(value: string | undefined): number {
  if (value === undefined || value === '') return defaultWorkerCount();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new Error(
      `--workers (or DENGBAO_WORKERS) must be a whole number from 1 to 64, got "${value}"`,
    );
  }
  return n;
}

/**
 * `dengbao serve --workers N`: N server processes sharing one port (node:cluster). They keep no
 * state of their own that matters: sessions, sign-in throttles, rate limits and the workbook
 * cache's revision all live in the database, so any worker (or another server on the same
 * PostgreSQL) can answer any request. The primary migrates the store and creates the key file
 * once while the workers load their code, and lets them open it when that is done; worker 0 keeps
 * the audit anchors. A worker that dies is replaced. The primary never loads the server itself.
 */
export async function serveWorkers(env: NodeJS.ProcessEnv, workers: number): Promise<void> {
  if (workers <= 1) {
    await (await import('./main')).startServer(env);
    return;
  }
  if (!cluster.isPrimary) {
    const prepared = storePrepared(); // listen before loading: an unheard message is lost
    const { startServer } = await import('./main');
    await prepared;
    await startServer(env);
    return;
  }
  let prepared = false;
  const waiting = new Set<Worker>();
  let stopping = false;
  const slots = new Map<Worker, number>();
  const fork = (index: number, restarts: number) => {
    const worker = cluster.fork({
      ...env,
      DENGBAO_WORKER_INDEX: String(index),
      DENGBAO_AUDIT_ANCHORS: index === 0 ? (env.DENGBAO_AUDIT_ANCHORS ?? 'on') : 'off',
    });
    slots.set(worker, index);
    worker.on('exit', (code, signal) => {
      slots.delete(worker);
      if (stopping) return;
      console.error(
        `dengbao: worker ${index} stopped (${signal ?? `exit ${code}`}); starting a new one`,
      );
      // Back off when a worker keeps dying at start (bad configuration), at most 30 s.
      setTimeout(() => fork(index, restarts + 1), Math.min(30_000, 250 * 2 ** restarts));
    });
    worker.on('message', (m: unknown) => {
      const said = (m as { dengbao?: string } | null)?.dengbao;
      if (said === 'listening') restarts = 0;
      // The worker asks once its listener is in place (a message sent before would be lost).
      if (said === 'store-wanted') {
        if (prepared) worker.send({ dengbao: 'store-prepared' });
        else waiting.add(worker);
      }
    });
  };
  for (let i = 0; i < workers; i++) fork(i, 0);
  try {
    await (await import('../app/prepare-store')).prepareStoreForWorkers(env);
  } catch (error) {
    stopping = true;
    for (const worker of slots.keys()) worker.process.kill('SIGTERM');
    throw error;
  }
  prepared = true;
  for (const worker of waiting)
    if (worker.isConnected()) worker.send({ dengbao: 'store-prepared' });
  waiting.clear();
  const stop = () => {
    stopping = true;
    for (const worker of slots.keys()) worker.process.kill('SIGTERM');
    const force = setTimeout(() => process.exit(0), 10_000);
    force.unref();
    cluster.on('exit', () => {
      if (slots.size === 0) process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** In a worker: resolves when the primary has migrated the store and created the keys. */
function storePrepared(): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      // Kept listening afterwards: dropping the last 'message' listener unrefs the IPC channel
      // a cluster worker receives its connections through.
      if ((m as { dengbao?: string } | null)?.dengbao === 'store-prepared') resolve();
    };
    process.on('message', onMessage);
    process.send?.({ dengbao: 'store-wanted' });
  });
}
