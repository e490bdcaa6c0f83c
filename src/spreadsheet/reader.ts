/**
 * The one spreadsheet reader of every import. The upload is checked here (empty, too small, too
 * large, not a zip), then parsed in a worker thread with its own heap limit (parse.ts), so that a
 * hostile file costs the worker, never the server: the event loop keeps answering while a file is
 * read, a file that needs too much memory or time is refused, and every refusal is a
 * ValidationError (400) naming the limit and the place — nothing is imported.
 */
import { Worker } from 'node:worker_threads';
import { ValidationError, detail } from '../errors';
import type { MessageCode, Params } from '../shared/vocabulary';
import { importLimits, tighten, type ImportLimits } from './limits';
import type { CellValue, ParsedWorkbook, RowData } from './types';
import type { WorkerJob, WorkerReply } from './worker';
import { formatMb } from './zip';

export const UNREADABLE = { code: 'xlsx.unreadable' } as const;
/** The smallest possible zip archive (an empty one) has 22 bytes; an .xlsx has far more. */
const MIN_BYTES = 22;
/** Parses run one at a time: each worker may use its whole heap limit. */
const PARALLEL_PARSES = 1;

/** One worksheet's rows with values. */
export class Sheet {
  private readonly byNumber: Map<number, RowData>;
  constructor(
    readonly name: string,
    readonly rows: readonly RowData[],
  ) {
    this.byNumber = new Map(rows.map((r) => [r.r, r]));
  }
  /** The value at Excel row `r`, column `c` (1-based); null when empty. */
  cell(r: number, c: number): CellValue | null {
    return this.byNumber.get(r)?.cells[c - 1] ?? null;
  }
  /** The number of the last row with a value (0 for an empty sheet). */
  get lastRow(): number {
    return this.rows.at(-1)?.r ?? 0;
  }
}

export interface Workbook {
  readonly sheets: readonly Sheet[];
}

const refuse = (path: string, code: MessageCode, params: Params = {}): never => {
  throw new ValidationError(UNREADABLE, [detail(path, code, params)]);
};

/**
 * Reads an uploaded .xlsx within the limits of this process, tightened by the importer's own
 * (`own`). Throws a ValidationError for anything it will not read.
 */
export async function readSpreadsheet(
  buffer: Buffer,
  own: Partial<ImportLimits> = {},
): Promise<Workbook> {
  const limits = tighten(importLimits(), own);
  if (buffer.length === 0) refuse('file', 'xlsx.empty_file');
  if (buffer.length > limits.maxFileBytes) {
    refuse('file', 'xlsx.too_large_file', {
      size: formatMb(buffer.length),
      max: formatMb(limits.maxFileBytes),
    });
  }
  const zip = buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
  if (!zip) refuse('file', 'xlsx.not_xlsx');
  if (buffer.length < MIN_BYTES) refuse('file', 'xlsx.too_small', { bytes: buffer.length });
  const parsed = await inWorker(buffer, limits);
  return { sheets: parsed.sheets.map((s) => new Sheet(s.name, s.rows)) };
}

let running = 0;
const waiting: (() => void)[] = [];

async function inWorker(buffer: Buffer, limits: ImportLimits): Promise<ParsedWorkbook> {
  if (running >= PARALLEL_PARSES) await new Promise<void>((go) => waiting.push(go));
  running += 1;
  try {
    return await runJob(buffer, limits);
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/**
 * The parse worker, kept between files (starting one costs ~0.3 s of TypeScript loading) and
 * ended when idle; a worker that hit a limit or a timeout is thrown away.
 */
let idle: { worker: Worker; heapMb: number; timer: NodeJS.Timeout } | undefined;
const IDLE_MS = 30_000;

function takeWorker(heapMb: number): Worker {
  const kept = idle;
  idle = undefined;
  if (kept) {
    clearTimeout(kept.timer);
    if (kept.heapMb === heapMb) {
      kept.worker.ref();
      return kept.worker;
    }
    void kept.worker.terminate();
  }
  return new Worker(new URL('./worker-boot.mjs', import.meta.url), {
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: Math.min(32, Math.max(8, Math.floor(heapMb / 8))),
      stackSizeMb: 4,
    },
  });
}

function keepWorker(worker: Worker, heapMb: number): void {
  worker.unref(); // an idle worker never keeps the process (the CLI) alive
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = undefined;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, heapMb, timer };
}

function runJob(buffer: Buffer, limits: ImportLimits): Promise<ParsedWorkbook> {
  const bytes = new Uint8Array(buffer); // a copy, handed over to the worker
  const worker = takeWorker(limits.workerHeapMb);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void, reuse: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      fn();
      if (reuse) keepWorker(worker, limits.workerHeapMb);
      else void worker.terminate();
    };
    const refuse = (code: MessageCode, params: Params) =>
      settle(() => reject(new ValidationError(UNREADABLE, [detail('file', code, params)])), false);
    const tooBig = () => refuse('xlsx.out_of_memory', { mb: limits.workerHeapMb });
    const timer = setTimeout(
      () => refuse('xlsx.timeout', { seconds: limits.timeoutMs / 1000 }),
      limits.timeoutMs,
    );
    const onMessage = (reply: WorkerReply) =>
      settle(
        () =>
          reply.ok
            ? resolve(reply.workbook)
            : reject(
                new ValidationError(UNREADABLE, [detail(reply.path, reply.code, reply.params)]),
              ),
        true,
      );
    const onError = (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') tooBig();
      else settle(() => reject(e), false);
    };
    // Ended without a reply: killed by its limits.
    const onExit = () => tooBig();
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    const job: WorkerJob = { bytes, limits };
    worker.postMessage(job, [bytes.buffer]);
  });
}
