/**
 * The worker thread that parses uploaded workbooks (started and reused by reader.ts): one file
 * per message, one reply per file.
 */
import { parentPort } from 'node:worker_threads';
import type { ImportLimits } from './limits';
import { parseWorkbook } from './parse';
import type { MessageCode, Params } from '../shared/vocabulary';
import { ReadError } from './types';
import { CORRUPT } from './zip';

export interface WorkerJob {
  readonly bytes: Uint8Array;
  readonly limits: ImportLimits;
}

export type WorkerReply =
  | { ok: true; workbook: ReturnType<typeof parseWorkbook> }
  | { ok: false; path: string; code: MessageCode; params: Params; cause?: string };

function parse({ bytes, limits }: WorkerJob): WorkerReply {
  try {
    return { ok: true, workbook: parseWorkbook(bytes, limits) };
  } catch (e) {
    return e instanceof ReadError
      ? { ok: false, path: e.path, code: e.code, params: e.params }
      : // Anything else the parser trips on is still a file it cannot read, not a server fault.
        { ok: false, path: 'file', code: CORRUPT, params: {}, cause: String(e) };
  }
}

parentPort?.on('message', (job: WorkerJob) => parentPort?.postMessage(parse(job)));
