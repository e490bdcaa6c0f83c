/**
 * An assessor's own workbook (issue 14): preview and commit of a 30-sheet, 1,030-row
 * practitioner workbook through the import use case on a SQLite file — read, header detection,
 * matching against the baseline, then one transaction creating 30 objects and writing every
 * result (target: preview + commit < 2 s). Run alone with `npx tsx bench/practitioner-import.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAssessmentCommand } from '../src/app/assessment/commands';
import { practitionerImportCommand } from '../src/app/assessment/practitioner/import';
import { openStore } from '../src/store/database';
import { createHospitalAssessment } from '../test/fixtures/assessment-fixture';
import { largeWorkbook } from '../test/fixtures/practitioner/workbooks';
import { testContext } from '../test/support';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function benchPractitionerImport(runs = 5): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-practitioner-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
  const ctx = testContext(store, '2026-04-01');
  // The hospital fixture's system is a level-3 cloud tenant: the workbook's baseline.
  const base = await createHospitalAssessment(ctx, { objects: [] });
  const { buffer } = await largeWorkbook(30);
  const previews: number[] = [];
  const commits: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    const assessment = await createAssessmentCommand(
      ctx,
      base.actor,
      base.organisationId,
      base.systemId,
      { title: `bench ${run}` },
    );
    const t0 = performance.now();
    const preview = await practitionerImportCommand(
      ctx,
      base.actor,
      base.organisationId,
      assessment.id,
      buffer,
      { dryRun: true },
    );
    const t1 = performance.now();
    const done = await practitionerImportCommand(
      ctx,
      base.actor,
      base.organisationId,
      assessment.id,
      buffer,
    );
    const t2 = performance.now();
    if (done.written?.objectsCreated !== 30) throw new Error('the import did not write 30 objects');
    rows = preview.totals.rows;
    previews.push(t1 - t0);
    commits.push(t2 - t1);
  }
  const total = previews.map((p, i) => p + commits[i]!);
  console.log(
    `import   practitioner workbook, 30 sheets / ${rows.toLocaleString()} rows (${(buffer.length / 1024).toFixed(0)} KB), SQLite file, median of ${runs}: preview ${median(previews).toFixed(0)} ms + commit ${median(commits).toFixed(0)} ms = ${median(total).toFixed(0)} ms (target < 2 s)`,
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPractitionerImport();
