/**
 * SM3 over a batch of hash inputs, on a worker thread, so verifying a long chain can hash one
 * batch while the next is read from the database (better-sqlite3 reads block the main thread).
 * On two cores this takes verification of 1,000,000 entries from about the sum of reading and
 * hashing to about the larger of the two.
 */
import { hash as oneShotHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** Inputs as one buffer with offsets (SQLite blobs) or as strings (hashed as UTF-8). */
export type HashInputs =
  | { readonly kind: 'bytes'; readonly data: Uint8Array; readonly offsets: Uint32Array }
  | { readonly kind: 'strings'; readonly strings: readonly string[] };

/** Index of the first input whose hex SM3 is not `hashes[i]`, or -1 when all match. */
export function firstMismatch(inputs: HashInputs, hashes: readonly string[]): number {
  const n = hashes.length;
  for (let i = 0; i < n; i++) {
    const input =
      inputs.kind === 'bytes'
        ? inputs.data.subarray(inputs.offsets[i], inputs.offsets[i + 1])
        : (inputs.strings[i] as string);
    if (oneShotHash('sm3', input, 'hex') !== hashes[i]) return i;
  }
  return -1;
}

/** Packs byte inputs into one buffer + offsets (one transferable copy instead of n clones). */
export function packBytes(parts: readonly Uint8Array[]): HashInputs {
  const offsets = new Uint32Array(parts.length + 1);
  let total = 0;
  for (let i = 0; i < parts.length; i++) {
    total += (parts[i] as Uint8Array).byteLength;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < parts.length; i++) data.set(parts[i] as Uint8Array, offsets[i]);
  return { kind: 'bytes', data, offsets };
}

// Plain CommonJS so the worker needs no TypeScript loader (execArgv is emptied below).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
parentPort.on('message', ({ inputs, hashes }) => {
  let result = -1;
  for (let i = 0; i < hashes.length; i++) {
    const input = inputs.kind === 'bytes'
      ? inputs.data.subarray(inputs.offsets[i], inputs.offsets[i + 1])
      : inputs.strings[i];
    if (hash('sm3', input, 'hex') !== hashes[i]) { result = i; break; }
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

  /** {@link firstMismatch} on the worker. Byte inputs are transferred (unusable afterwards). */
  firstMismatch(inputs: HashInputs, hashes: readonly string[]): Promise<number> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#pending) return Promise.reject(new Error('SM3 worker is busy'));
    return new Promise<number>((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#worker.postMessage(
        { inputs, hashes },
        inputs.kind === 'bytes' ? [inputs.data.buffer as ArrayBuffer] : [],
      );
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
