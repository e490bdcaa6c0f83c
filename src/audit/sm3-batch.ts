/**
 * Verifying a long chain fast: the database packs a batch of entries into one byte string
 * ({@link parsePackedBatch}), the links are checked here, and the SM3s are computed on a worker
 * thread ({@link Sm3BatchWorker}) while the next batch is read (better-sqlite3 reads block the
 * main thread). Nothing here decides that a chain is broken: a batch that does not pass is
 * handed back to the row-by-row verification (src/store/repositories/audit.repository.ts), which
 * finds and explains the first broken entry.
 */
import { hash as oneShotHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ChainPosition } from './chain';

/** Hash inputs: byte ranges [start, end) of `data`, two numbers per input. */
export interface HashInputs {
  readonly data: Uint8Array;
  readonly ranges: Uint32Array;
}

/** Index of the first input whose hex SM3 is not `hashes[i]`, or -1 when all match. */
export function firstMismatch(inputs: HashInputs, hashes: readonly string[]): number {
  const { data, ranges } = inputs;
  for (let i = 0; i < hashes.length; i++) {
    const input = data.subarray(ranges[2 * i], ranges[2 * i + 1]);
    if (oneShotHash('sm3', input, 'hex') !== hashes[i]) return i;
  }
  return -1;
}

/**
 * A packed batch, as the database builds it: per entry, in seq order,
 *
 *     <seq>,<bytes of prev_hash>,<bytes of hash>,<bytes of canonical content>;<hash><prev_hash><canonical>
 *
 * The numbers come from SQL (not from stored values), so the split is unambiguous whatever the
 * columns hold; prev_hash and the canonical content are adjacent, so each entry's hash input is
 * one byte range.
 */
export interface ParsedBatch {
  /** Entries that link on from the start position (all of them when `linked`). */
  readonly count: number;
  /** Whether every entry had seq = previous + 1, 64-character hashes and prev_hash = previous hash. */
  readonly linked: boolean;
  readonly hashes: string[];
  readonly inputs: HashInputs;
  /** Position after the linked entries. */
  readonly end: ChainPosition;
}

const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const MINUS = 0x2d;

/** Checks the links of a packed batch from `start`; stops at the first entry that does not link. */
export function parsePackedBatch(packed: Uint8Array, start: ChainPosition): ParsedBatch {
  const data = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const hashes: string[] = [];
  const ranges: number[] = [];
  let pos = 0;
  let expected = start.seq + 1;
  let prev = start.hash;
  let linked = true;
  const int = (terminator: number): number => {
    let value = 0;
    let digits = 0;
    const negative = data[pos] === MINUS;
    if (negative) pos++;
    while (pos < data.length && data[pos] !== terminator) {
      const d = (data[pos] as number) - 0x30;
      if (d < 0 || d > 9 || digits > 15) return Number.NaN;
      value = value * 10 + d;
      digits++;
      pos++;
    }
    if (digits === 0 || data[pos] !== terminator) return Number.NaN;
    pos++;
    return negative ? -value : value;
  };
  while (pos < data.length) {
    const seq = int(COMMA);
    const prevBytes = int(COMMA);
    const hashBytes = int(COMMA);
    const contentBytes = int(SEMICOLON);
    if (
      seq !== expected ||
      prevBytes !== 64 ||
      hashBytes !== 64 ||
      !(contentBytes >= 0) ||
      pos + 128 + contentBytes > data.length
    ) {
      linked = false;
      break;
    }
    const hash = data.toString('latin1', pos, pos + 64);
    const prevHash = data.toString('latin1', pos + 64, pos + 128);
    if (prevHash !== prev) {
      linked = false;
      break;
    }
    hashes.push(hash);
    ranges.push(pos + 64, pos + 128 + contentBytes);
    pos += 128 + contentBytes;
    prev = hash;
    expected++;
  }
  return {
    count: hashes.length,
    linked,
    hashes,
    inputs: { data: packed, ranges: Uint32Array.from(ranges) },
    end: { seq: expected - 1, hash: prev },
  };
}

// Plain CommonJS so the worker needs no TypeScript loader (execArgv is emptied below); the same
// loop as firstMismatch.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
parentPort.on('message', ({ data, ranges, hashes }) => {
  let result = -1;
  for (let i = 0; i < hashes.length; i++) {
    if (hash('sm3', data.subarray(ranges[2 * i], ranges[2 * i + 1]), 'hex') !== hashes[i]) {
      result = i;
      break;
    }
  }
  parentPort.postMessage(result);
});
`;

/** One worker thread checking one batch at a time. Always `close()` it. */
export class Sm3BatchWorker {
  readonly #worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
  #pending: { resolve: (n: number) => void; reject: (e: Error) => void } | null = null;
  #failure: Error | null = null;

  constructor() {
    this.#worker.unref();
    this.#worker.on('message', (result: number) => {
      const pending = this.#pending;
      this.#pending = null;
      pending?.resolve(result);
    });
    const fail = (error: Error) => {
      this.#failure ??= error;
      const pending = this.#pending;
      this.#pending = null;
      pending?.reject(this.#failure);
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`SM3 worker exited (code ${code})`)));
  }

  /**
   * {@link firstMismatch} on the worker. `inputs.data` is transferred when it owns its whole
   * buffer (it is unusable afterwards), copied otherwise.
   */
  firstMismatch(inputs: HashInputs, hashes: readonly string[]): Promise<number> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#pending) return Promise.reject(new Error('SM3 worker is busy'));
    const { data, ranges } = inputs;
    const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
    return new Promise<number>((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#worker.postMessage(
        { data, ranges, hashes },
        whole && data.buffer instanceof ArrayBuffer ? [data.buffer] : [],
      );
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
