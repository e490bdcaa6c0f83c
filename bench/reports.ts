/**
 * Documents: the level-3 assessment report (2025 layout) of a hospital system with 40 test
 * objects in an assessor's layout (every result row answered, a vulnerability scan and a
 * penetration test imported, the assessment completed), built from the database and rendered
 * to Word (target < 1 s) and PDF (target < 2 s), with the process's peak memory (target
 * < 500 MB). Build (queries + document model) and rendering are timed apart. The machine's load
 * average is printed with the figures, and the CPU time of the process (user + system, all
 * threads) beside the wall time: on a shared machine the wall time is an upper bound.
 * `npx tsx bench/reports.ts`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { updateAssessmentCommand } from '../src/app/assessment/commands';
import { workbookQuery } from '../src/app/assessment/queries';
import { importVerificationCommand } from '../src/app/assessment/verification';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { systemClock } from '../src/app/clock';
import type { AppContext } from '../src/app/context';
import { buildReport, renderReport } from '../src/app/reports';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { openStore } from '../src/store/database';
import { getAssessment } from '../src/store/repositories/assessments.repository';
import {
  createHospitalAssessment,
  practitionerObjects,
  recordSomeResults,
} from '../test/fixtures/assessment-fixture';
import { BENCH_KEYS } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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
  const fixture = await createHospitalAssessment(ctx, {
    objects: practitionerObjects(ctx.catalog),
  });
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
  const verification = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'verification');
  for (const name of ['greenbone-his.xml', 'pentest-his.csv']) {
    await importVerificationCommand(
      ctx,
      fixture.actor,
      fixture.organisationId,
      fixture.assessmentId,
      readFileSync(path.join(verification, name)),
      { fileName: name, allowUnassigned: true },
    );
  }
  const row = await getAssessment(ctx.store.db, fixture.organisationId, fixture.assessmentId);
  await updateAssessmentCommand(ctx, fixture.actor, fixture.organisationId, fixture.assessmentId, {
    status: 'completed',
    version: row.version,
  });

  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const load = loadavg()[0]!.toFixed(1);
  for (const format of ['docx', 'pdf'] as const) {
    const builds: number[] = [];
    const renders: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    for (let run = 0; run < 4; run++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const doc = await buildReport(
        ctx,
        fixture.organisationId,
        'assessment',
        fixture.assessmentId,
        'zh',
        '2026-04-20',
      );
      const t1 = performance.now();
      const bytes = await renderReport(doc, format);
      size = bytes.length;
      // BENCH_REPORT_OUT=<dir> keeps the rendered report to look at.
      if (process.env.BENCH_REPORT_OUT)
        writeFileSync(
          path.join(process.env.BENCH_REPORT_OUT, `assessment-report-40.${format}`),
          bytes,
        );
      builds.push(t1 - t0);
      renders.push(performance.now() - t1);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
    }
    const totals = builds.map((b, i) => b + renders[i]!);
    console.log(
      `reports  level-3 assessment report (2025 layout), 40 objects (${workbook.rows.length} result rows), ${format.toUpperCase()}: first ${totals[0]!.toFixed(0)} ms, then median ${median(totals.slice(1)).toFixed(0)} ms (build ${median(builds.slice(1)).toFixed(0)} + render ${median(renders.slice(1)).toFixed(0)} ms; CPU ${median(cpu.slice(1)).toFixed(0)} ms), ${(size / 1024).toFixed(0)} KB; load average ${load}`,
    );
  }
  clearInterval(sample);
  console.log(`reports  peak RSS during rendering: ${(peak / 1024 / 1024).toFixed(0)} MB`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReports();
