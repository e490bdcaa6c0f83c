/**
 * Documents: the level-3 assessment report of a system with 20 test objects (1,086 result
 * rows in its appendix), built from the database and rendered to Word (target < 1 s) and PDF
 * (target < 3 s), with the process's peak memory (target < 500 MB). `npx tsx bench/reports.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { workbookQuery } from '../src/app/assessment/queries';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { systemClock } from '../src/app/clock';
import type { AppContext } from '../src/app/context';
import { buildReport, renderReport } from '../src/app/reports';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { openStore } from '../src/store/database';
import { createHospitalAssessment, recordSomeResults } from '../test/fixtures/assessment-fixture';
import { TWENTY_OBJECTS } from './assessment';
import { BENCH_KEYS } from './generate';

export async function benchReports(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-reports-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  const ctx: AppContext = {
    store,
    clock: systemClock,
    labelCitation: citationLabeller(loadShippedKnowledgeBase()),
    security: DEFAULT_SECURITY_CONFIG,
    cipher: createFieldCipher(parseKeyList(BENCH_KEYS, 'bench')),
    catalog: shippedMlpsCatalog(),
  };
  const fixture = await createHospitalAssessment(ctx, { objects: TWENTY_OBJECTS });
  const workbook = await workbookQuery(ctx, fixture.organisationId, fixture.assessmentId);
  await recordSomeResults(
    ctx,
    fixture,
    workbook.rows.map((r) => ({
      requirementId: r.requirementId,
      objectId: r.objectId,
      category: r.category,
    })),
  );
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  for (const format of ['docx', 'pdf'] as const) {
    const runs: number[] = [];
    let size = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const doc = await buildReport(
        ctx,
        fixture.organisationId,
        'assessment',
        fixture.assessmentId,
        'zh',
        '2026-04-20',
      );
      size = (await renderReport(doc, format)).length;
      runs.push(performance.now() - t0);
    }
    console.log(
      `reports  level-3 assessment report, 20 objects (${workbook.rows.length} result rows), ${format.toUpperCase()}: first ${runs[0]!.toFixed(0)} ms, then ${runs
        .slice(1)
        .map((r) => r.toFixed(0))
        .join(' / ')} ms, ${(size / 1024).toFixed(0)} KB`,
    );
  }
  clearInterval(sample);
  console.log(`reports  peak RSS during rendering: ${(peak / 1024 / 1024).toFixed(0)} MB`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReports();
