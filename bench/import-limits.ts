/**
 * The bounded spreadsheet reader under the files of issue 12: for each, the time to the answer,
 * the peak RSS of the process (worker included) and the longest event-loop stall meanwhile (what
 * /api/health would wait). Run alone with `npx tsx bench/import-limits.ts`, or from `npm run bench`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readSpreadsheet } from '../src/spreadsheet/reader';
import { inflationBomb, longCell, manyRows, manySheets } from '../test/fixtures/workbook-bombs';

const MB = 1024 * 1024;

export async function benchImportLimits(): Promise<void> {
  const cases: [string, () => Buffer][] = [
    ['legit: header + 100,000 data rows (the row limit)', () => manyRows(100_001)],
    ['legit: an honest 120 MB sheet', () => inflationBomb(1, 120 * MB)],
    ['bomb: 4 sheets × 450 MB, honest sizes', () => inflationBomb(4, 450 * MB)],
    ['bomb: 4 sheets × 450 MB, declaring 1 kB each', () => inflationBomb(4, 450 * MB, true)],
    ['bomb: 1,000,000 rows', () => manyRows(1_000_000)],
    ['bomb: 1,001 sheets', () => manySheets(1001)],
    ['bomb: a 40,000-character cell', () => longCell(40_000)],
  ];
  await readSpreadsheet(manySheets(1)); // start the worker once
  for (const [name, build] of cases) {
    const file = build();
    global.gc?.();
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 10);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const t0 = performance.now();
    let outcome: string;
    try {
      const book = await readSpreadsheet(file);
      outcome = `read, ${book.sheets.reduce((n, s) => n + s.rows.length, 0).toLocaleString()} rows`;
    } catch (e) {
      const detail = (e as { details?: { message: string }[] }).details?.[0]?.message ?? String(e);
      outcome = `400 “${detail.replace(/ \(.*$/, '')}”`;
    }
    const took = performance.now() - t0;
    loop.disable();
    clearInterval(sampler);
    console.log(
      `import   ${name} (${(file.length / MB).toFixed(1)} MB file): ${outcome} in ${took.toFixed(0)} ms; peak RSS ${(peakRss / MB).toFixed(0)} MB (${(baseRss / MB).toFixed(0)} MB before); longest event-loop stall ${(loop.max / 1e6).toFixed(0)} ms`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImportLimits();
