/**
 * The zip container of an .xlsx, read from its central directory and inflated entry by entry in
 * small steps. The sizes the archive declares are never trusted: the real inflated bytes are
 * counted as they come out, and inflating stops the moment the budget is spent.
 */
import { Inflate } from 'fflate';
import { ReadError } from './types';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** What every entry inflated so far has cost, against the limit. */
export interface InflateBudget {
  used: number;
  readonly max: number;
}

const MAX_ENTRIES = 100_000;
/** Compressed bytes per step: deflate's ratio is at most ~1032:1, so a step yields ≤ 4.2 MB. */
const STEP = 4096;

export const CORRUPT = 'xlsx.corrupt' as const;

const corrupt = (): never => {
  throw new ReadError('file', CORRUPT);
};

export const tooLargeInflated = (max: number) =>
  new ReadError('file', 'xlsx.too_large_inflated', { size: formatMb(max) });

export const formatMb = (bytes: number) =>
  `${Number.isInteger(bytes / 1024 / 1024) ? bytes / 1024 / 1024 : (bytes / 1024 / 1024).toFixed(1)} MB`;

/** The entries of the archive by lower-cased name (part names are case-insensitive). */
export function zipDirectory(buf: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0 && i >= buf.length - 22 - 65_535; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt();
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: an .xlsx within our size limits never needs them.
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES) corrupt();
  if (offset + size > eocd) corrupt();
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) corrupt();
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd) corrupt();
    const name = decoder
      .decode(buf.subarray(p + 46, p + 46 + nameLength))
      .replace(/\\/g, '/')
      .replace(/^\/+/, '');
    entries.set(name.toLowerCase(), { name, method, flags, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry, handing each piece to `onChunk` as it comes out. Throws a ReadError when
 * the budget is exceeded (counting real bytes) or the data is damaged.
 */
export function inflateEntry(
  buf: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onChunk: (chunk: Uint8Array) => void,
): void {
  if (entry.flags & 1) {
    throw new ReadError('file', 'xlsx.encrypted');
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const at = entry.localOffset;
  if (at + 30 > buf.length || view.getUint32(at, true) !== 0x04034b50) corrupt();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > buf.length) corrupt();
  const data = buf.subarray(start, end);
  const take = (chunk: Uint8Array) => {
    budget.used += chunk.length;
    if (budget.used > budget.max) throw tooLargeInflated(budget.max);
    if (chunk.length > 0) onChunk(chunk);
  };
  if (entry.method === 0) {
    for (let o = 0; o < data.length; o += 65_536) take(data.subarray(o, o + 65_536));
    return;
  }
  if (entry.method !== 8) corrupt();
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    take(chunk);
    if (final) finished = true;
  });
  try {
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
    for (let o = 0; o < data.length; o += STEP) {
      inflate.push(data.subarray(o, o + STEP), o + STEP >= data.length);
    }
  } catch (e) {
    if (e instanceof ReadError) throw e;
    corrupt(); // fflate's "invalid block type", "unexpected EOF" …
  }
  if (!finished) corrupt();
}
