/**
 * One entry for every verification file: the format is told by the content (zip → penetration-test
 * workbook; XML root → Greenbone or Nessus; a CSV whose header names the penetration-test columns),
 * never by the file name. Every refusal is a ValidationError (400) naming the place and why.
 */
import { ValidationError, detail } from '../errors';
import { readSpreadsheet } from '../spreadsheet/reader';
import { formatMb } from '../spreadsheet/zip';
import { parseGreenbone } from './greenbone';
import { parseNessus } from './nessus';
import { csvRows, looksLikePentestHeader, parsePentestCsv, parsePentestSheets } from './pentest';
import {
  DEFAULT_VERIFICATION_LIMITS,
  VerificationReadError,
  type ParsedVerificationFile,
  type VerificationLimits,
} from './types';
import { utf8Text } from './xml';

const UNREADABLE = { code: 'verification.unreadable' } as const;

export async function parseVerificationFile(
  buffer: Buffer,
  limits: VerificationLimits = DEFAULT_VERIFICATION_LIMITS,
): Promise<ParsedVerificationFile> {
  try {
    return await parse(buffer, limits);
  } catch (e) {
    if (e instanceof VerificationReadError) {
      throw new ValidationError(UNREADABLE, [detail(e.path, e.code, e.params)]);
    }
    throw e;
  }
}

async function parse(buffer: Buffer, limits: VerificationLimits): Promise<ParsedVerificationFile> {
  if (buffer.length === 0) throw new VerificationReadError('file', 'verification.empty_file');
  if (buffer.length > limits.maxFileBytes) {
    throw new VerificationReadError('file', 'verification.too_large', {
      size: formatMb(buffer.length),
      max: formatMb(limits.maxFileBytes),
    });
  }
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) {
    const workbook = await readSpreadsheet(buffer, {
      maxFileBytes: limits.maxFileBytes,
      maxRows: limits.maxFindings + 10,
    });
    return parsePentestSheets(workbook.sheets, limits);
  }
  const text = decode(buffer, limits);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) {
    const root = rootName(start);
    if (root === 'NessusClientData_v2') return parseNessus(text, limits);
    // parseGreenbone names any other root in its refusal.
    return parseGreenbone(text, limits);
  }
  const rows = csvRows(text, limits);
  if (rows.slice(0, 10).some((r) => looksLikePentestHeader(r.cells))) {
    return parsePentestCsv(text, limits);
  }
  throw new VerificationReadError('file', 'verification.unknown_format');
}

/** UTF-8, else GB18030 (Excel's default for Chinese CSV); binary refused. */
function decode(buffer: Buffer, limits: VerificationLimits): string {
  try {
    return utf8Text(buffer, limits);
  } catch (e) {
    if (!(e instanceof VerificationReadError) || e.code !== 'verification.not_utf8') throw e;
  }
  if (buffer.subarray(0, 8192).includes(0)) {
    throw new VerificationReadError('file', 'verification.unknown_format');
  }
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(buffer);
  } catch {
    throw new VerificationReadError('file', 'verification.not_utf8');
  }
}

/** The first element's name after declarations and comments (not a DOCTYPE: refused later). */
function rootName(text: string): string | null {
  const m =
    /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/.exec(
      text.slice(0, 64 * 1024),
    );
  return m?.[1] ?? null;
}

export type { ParsedVerificationFile, VerificationFinding } from './types';
