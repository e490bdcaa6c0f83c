/**
 * The assessment workbook (测评结果记录表) in Excel: export and import of a 10,000-row workbook
 * (a level-3 cloud assessment with ~185 test objects) on an SQLite file in a temporary data
 * directory. Run alone with `npx tsx bench/assessment-excel.ts`, or from `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { addTestObjectCommand } from '../src/app/assessment/commands';
import { exportWorkbook, importWorkbook } from '../src/app/assessment-excel';
import { systemClock } from '../src/app/clock';
import type { AppContext } from '../src/app/context';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { openStore } from '../src/store/database';
import {
  createHospitalAssessment,
  fillExportedWorkbook,
  largeObjectList,
  rowsPerKind,
} from '../test/fixtures/assessment-fixture';
import { BENCH_KEYS } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(0)} ms`;

export async function benchWorkbookImport(minRows = 10_000, runs = 3): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-excel-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  try {
    const ctx: AppContext = {
      store,
      clock: systemClock,
      labelCitation: citationLabeller(loadShippedKnowledgeBase()),
      security: DEFAULT_SECURITY_CONFIG,
      cipher: createFieldCipher(parseKeyList(BENCH_KEYS, 'bench')),
      catalog: shippedMlpsCatalog(),
    };
    const f = await createHospitalAssessment(ctx, { objects: [] });
    const objects = largeObjectList(
      minRows,
      await rowsPerKind(ctx, f.organisationId, f.assessmentId),
    );
    for (const input of objects) {
      await addTestObjectCommand(ctx, f.actor, f.organisationId, f.assessmentId, input);
    }
    const exports: number[] = [];
    let exported: Buffer = Buffer.alloc(0);
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      exported = await exportWorkbook(ctx, f.organisationId, f.assessmentId);
      exports.push(performance.now() - t0);
    }
    const { buffer: filled, filled: rows } = await fillExportedWorkbook(exported, 11);
    const { buffer: refilled } = await fillExportedWorkbook(exported, 12);
    const clear = () =>
      store.db
        .deleteFrom('assessment_results')
        .where('assessment_id', '=', f.assessmentId)
        .execute();

    const first: number[] = [];
    const same: number[] = [];
    const changed: number[] = [];
    let updated = 0;
    for (let run = 0; run < runs; run++) {
      await clear();
      let t0 = performance.now();
      const created = await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, filled);
      first.push(performance.now() - t0);
      if (created.created !== rows)
        throw new Error(`expected ${rows} created, got ${created.created}`);
      t0 = performance.now();
      await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, filled);
      same.push(performance.now() - t0);
      t0 = performance.now();
      updated = (await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, refilled))
        .updated;
      changed.push(performance.now() - t0);
    }
    const label = `${rows.toLocaleString()} rows on ${objects.length} sheets, ${(filled.length / 1024).toFixed(0)} KB`;
    console.log(
      `excel    export workbook (${label}), SQLite file: median ${ms(median(exports))} (${runs} runs)`,
    );
    console.log(
      `excel    import workbook (${label}), SQLite file, median of ${runs}: first import ${ms(median(first))} (min ${ms(Math.min(...first))}); same file again ${ms(median(same))} (all unchanged); re-filled ${ms(median(changed))} (${updated.toLocaleString()} updated)`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWorkbookImport();
