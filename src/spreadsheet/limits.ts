import { z } from 'zod';

/**
 * Bounds of every spreadsheet import (assessment workbook, CII workbook and later ones). A file
 * beyond any of them is refused with a 400 naming the limit; nothing is imported. Every value
 * can be set by environment (a bad value is an error naming the variable); an importer may
 * tighten them further (the CII workbook: 10 MB, 50,000 rows).
 */
export interface ImportLimits {
  /** Size of the uploaded file. */
  readonly maxFileBytes: number;
  /** Real inflated size of all parts read, counted while inflating (never the declared sizes). */
  readonly maxInflatedBytes: number;
  readonly maxSheets: number;
  /** Rows holding a value per sheet, not counting the first (the header row). */
  readonly maxRows: number;
  /** Highest column holding a value (256 = IV, as in Excel 2003). */
  readonly maxColumns: number;
  /** Characters of one cell's text (32,767 is Excel's own limit). */
  readonly maxCellChars: number;
  /** Cells holding a value, all sheets together (and distinct shared strings). */
  readonly maxCells: number;
  /** Heap of the worker thread that parses a file; a file needing more is refused. */
  readonly workerHeapMb: number;
  /** A parse taking longer is stopped and refused. */
  readonly timeoutMs: number;
}

const MB = 1024 * 1024;
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  DENGBAO_IMPORT_MAX_FILE_BYTES: int(1024, 1024 * MB).default(20 * MB),
  DENGBAO_IMPORT_MAX_INFLATED_BYTES: int(64 * 1024, 4096 * MB).default(128 * MB),
  DENGBAO_IMPORT_MAX_SHEETS: int(1, 10_000).default(1_000),
  DENGBAO_IMPORT_MAX_ROWS: int(1, 1_048_575).default(100_000),
  DENGBAO_IMPORT_MAX_COLUMNS: int(1, 16_384).default(256),
  DENGBAO_IMPORT_MAX_CELL_CHARS: int(1, 10_000_000).default(32_767),
  DENGBAO_IMPORT_MAX_CELLS: int(1, 100_000_000).default(2_000_000),
  DENGBAO_IMPORT_WORKER_HEAP_MB: int(32, 65_536).default(256),
  DENGBAO_IMPORT_TIMEOUT_SECONDS: int(1, 3600).default(60),
});

/** The limits set by `env` (defaults for what is not set). */
export function importLimitsFromEnv(env: Record<string, string | undefined>): ImportLimits {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new Error(`invalid import limits:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    maxFileBytes: e.DENGBAO_IMPORT_MAX_FILE_BYTES,
    maxInflatedBytes: e.DENGBAO_IMPORT_MAX_INFLATED_BYTES,
    maxSheets: e.DENGBAO_IMPORT_MAX_SHEETS,
    maxRows: e.DENGBAO_IMPORT_MAX_ROWS,
    maxColumns: e.DENGBAO_IMPORT_MAX_COLUMNS,
    maxCellChars: e.DENGBAO_IMPORT_MAX_CELL_CHARS,
    maxCells: e.DENGBAO_IMPORT_MAX_CELLS,
    workerHeapMb: e.DENGBAO_IMPORT_WORKER_HEAP_MB,
    timeoutMs: e.DENGBAO_IMPORT_TIMEOUT_SECONDS * 1000,
  };
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = importLimitsFromEnv({});

let fromProcess: ImportLimits | undefined;

/** The limits of this process (its environment, read once). */
export function importLimits(): ImportLimits {
  fromProcess ??= importLimitsFromEnv(process.env);
  return fromProcess;
}

/** `base` tightened by an importer's own bounds (never loosened). */
export function tighten(base: ImportLimits, own: Partial<ImportLimits> = {}): ImportLimits {
  const out = { ...base } as Record<keyof ImportLimits, number>;
  for (const [k, v] of Object.entries(own) as [keyof ImportLimits, number | undefined][]) {
    if (v !== undefined) out[k] = Math.min(out[k], v);
  }
  return out;
}
