/**
 * The backup archive: a gzip-compressed tar (readable with `tar xzf`) of plain files, with
 * manifest.json first. Only regular files with plain names are written or accepted: no
 * directories, links or paths, so extraction cannot write outside its directory.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fsyncSync,
  openSync,
  writeSync,
} from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;
/** Names inside the archive: plain file names only. */
export const ENTRY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Octal size field of 11 digits: up to 8 GiB per file. */
const MAX_ENTRY = 8 * 1024 ** 3 - 1;

export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (!ENTRY_NAME.test(name)) throw new ArchiveError(`archive entry name ${JSON.stringify(name)}`);
  if (size > MAX_ENTRY) throw new ArchiveError(`${name} is larger than 8 GiB`);
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, 'ascii');
  h.write(octal(0o600, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export interface ArchiveEntry {
  readonly name: string;
  /** File on disk to read the content from. */
  readonly file: string;
  readonly size: number;
}

/** Writes a .tar.gz of `entries` (in order) to `out`, created 0600 and fsynced. */
export async function writeArchive(
  out: string,
  entries: readonly ArchiveEntry[],
  mtime: Date,
): Promise<void> {
  async function* tar() {
    for (const e of entries) {
      yield header(e.name, e.size, mtime);
      let n = 0;
      for await (const chunk of createReadStream(e.file)) {
        n += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      if (n !== e.size) throw new ArchiveError(`${e.name} changed while being archived`);
      const pad = (BLOCK - (n % BLOCK)) % BLOCK;
      if (pad) yield Buffer.alloc(pad, 0);
    }
    yield Buffer.alloc(BLOCK * 2, 0);
  }
  const fd = openSync(out, 'wx', 0o600);
  await pipeline(tar, createGzip({ level: 6 }), createWriteStream('', { fd, autoClose: false }));
  fsyncSync(fd);
  closeSync(fd);
}

export interface ExtractedEntry {
  readonly name: string;
  readonly size: number;
  /** SM3 of the content, hex. */
  readonly sm3: string;
}

/**
 * Extracts every entry of a .tar.gz into `dir` (files created 0600), computing sizes and SM3
 * digests on the way. `limit(name)` gives the most bytes an entry may have (from the manifest,
 * once read; undefined: no such entry allowed); an entry beyond it stops extraction.
 */
export async function extractArchive(
  archive: string,
  dir: string,
  limit: (name: string, seen: readonly ExtractedEntry[]) => number | undefined,
): Promise<ExtractedEntry[]> {
  const extracted: ExtractedEntry[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  let current: {
    name: string;
    size: number;
    left: number;
    fd: number;
    hash: ReturnType<typeof createHash>;
  } | null = null;
  let pad = 0;
  let ended = false;

  const finish = () => {
    if (!current) return;
    fsyncSync(current.fd);
    closeSync(current.fd);
    extracted.push({ name: current.name, size: current.size, sm3: current.hash.digest('hex') });
    pad = (BLOCK - (current.size % BLOCK)) % BLOCK;
    current = null;
  };

  const consume = () => {
    for (;;) {
      if (ended) return;
      if (current) {
        if (buffer.length === 0) return;
        const take = Math.min(current.left, buffer.length);
        const part = buffer.subarray(0, take);
        writeSync(current.fd, part);
        current.hash.update(part);
        current.left -= take;
        buffer = buffer.subarray(take);
        if (current.left === 0) finish();
        continue;
      }
      if (pad) {
        const skip = Math.min(pad, buffer.length);
        buffer = buffer.subarray(skip);
        pad -= skip;
        if (pad) return;
      }
      if (buffer.length < BLOCK) return;
      const h = buffer.subarray(0, BLOCK);
      buffer = buffer.subarray(BLOCK);
      if (h.every((b) => b === 0)) {
        ended = true;
        return;
      }
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] as number);
      const stored = parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/s, '').trim(), 8);
      if (sum !== stored) throw new ArchiveError('not a dengbao backup (tar header checksum)');
      const name = h.toString('ascii', 0, 100).replace(/\0.*$/s, '');
      const type = h.toString('ascii', 156, 157);
      const prefix = h.toString('ascii', 345, 500).replace(/\0.*$/s, '');
      if ((type !== '0' && type !== '\0') || prefix || !ENTRY_NAME.test(name))
        throw new ArchiveError(
          `archive entry ${JSON.stringify(prefix ? `${prefix}/${name}` : name)} is not a plain file of a dengbao backup`,
        );
      const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
      if (!Number.isSafeInteger(size) || size < 0) throw new ArchiveError(`${name}: bad size`);
      if (extracted.some((e) => e.name === name))
        throw new ArchiveError(`archive holds ${name} twice`);
      const max = limit(name, extracted);
      if (max === undefined)
        throw new ArchiveError(`archive holds ${name}, which its manifest does not list`);
      if (size > max)
        throw new ArchiveError(
          `${name} is ${size} bytes in the archive but ${max} in its manifest`,
        );
      current = {
        name,
        size,
        left: size,
        fd: openSync(path.join(dir, name), 'wx', 0o600),
        hash: createHash('sm3'),
      };
      if (size === 0) finish();
    }
  };

  try {
    const gunzip = createReadStream(archive).pipe(createGunzip());
    for await (const chunk of gunzip) {
      buffer = buffer.length ? Buffer.concat([buffer, chunk as Buffer]) : (chunk as Buffer);
      consume();
      if (ended) {
        gunzip.destroy();
        break;
      }
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(
      `cannot read ${archive} as a dengbao backup (.tar.gz): ${(error as Error).message}`,
    );
  } finally {
    const open = current as { fd: number } | null;
    if (open) closeSync(open.fd);
  }
  if (current || !ended) throw new ArchiveError(`${archive} is truncated`);
  return extracted;
}

/** SM3 of a file, hex. */
export async function sm3File(file: string): Promise<string> {
  const hash = createHash('sm3');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
