/**
 * `npm run bench`:
 * 0. whole-process start-up of the compiled CLI and server (bench/startup.ts);
 * 1. grading + obligations for 100,000 synthetic systems on one core (median of 5 runs);
 * 2. listing the systems of a 10,000-system organisation through the API, authenticated with an
 *    API token, at 100 concurrent connections (autocannon; `dengbao serve --workers <cores>`),
 *    next to a bare route serving the same JSON from memory in as many processes (bench/api.ts);
 * 3. sign-in (scrypt password check + session) under load;
 * 4. audit-chain verification of 1,000,000 entries (bench/audit-verify.ts);
 * 5. GB/T 22239 catalog load + validation and baseline computation (bench/catalog.ts);
 * 6. assessments: scoring 1,000 level-3 cloud assessments, the workbook API under load
 *    (bench/assessment.ts), a 10,000-row Excel import (bench/assessment-excel.ts), an assessor's
 *    own 30-sheet workbook previewed and imported (bench/practitioner-import.ts), and the
 *    spreadsheet reader under the zip and row bombs of issue 12 (bench/import-limits.ts);
 * 7. documents: a 40-object level-3 assessment report (2025 layout) as Word and PDF (bench/reports.ts);
 * 8. the CII boundary kernel over 1,000,000 assets / 5,000,000 dependencies vs plain C, and the
 *    stored CII model of a large operator (import, boundary query, determination; bench/cii-model.ts);
 * 9. personal information: cross-border paths for 10,000 activities and 100,000 transfer batches
 *    (bench/privacy-paths.ts).
 * 10. data security: the data-security duties of 5,000 organisations (bench/data-duties.ts) and
 *     the classification of 100,000 data resources (bench/data-classification.ts).
 */
import { gradeSystem } from '../src/domain/mlps/grading';
import { evaluateObligations } from '../src/domain/obligations/evaluate';
import { benchAuditVerify } from './audit-verify';
import { benchCatalog } from './catalog';
import { benchApi } from './api';
import { benchStartup } from './startup';
import { benchAssessments } from './assessment';
import { benchWorkbookImport } from './assessment-excel';
import { benchPractitionerImport } from './practitioner-import';
import { benchImportLimits } from './import-limits';
import { benchReports } from './reports';
import { benchCiiBoundary } from './cii-boundary';
import { benchCiiModel } from './cii-model';
import { benchPrivacyPaths } from './privacy-paths';
import { benchDataClassification } from './data-classification';
import { benchDataDuties } from './data-duties';
import { generateSystems } from './generate';
import { shippedHolidayCalendar } from '../src/catalogs/holiday-calendar';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function benchEngines(count: number): void {
  const { gradings, facts } = generateSystems(count);
  const calendar = shippedHolidayCalendar(); // as the app runs it: working-day deadlines on
  const runs: number[] = [];
  let obligations = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const graded = facts.map((f, i) => ({
      ...f,
      level: f.gradedOn ? gradeSystem(gradings[i]!).level : null,
    }));
    obligations = evaluateObligations(graded, '2026-06-30', { calendar }).obligations.length;
    runs.push(performance.now() - t0);
  }
  console.log(
    `engines  grading + obligations, ${count.toLocaleString()} systems: median ${median(runs).toFixed(0)} ms (min ${Math.min(...runs).toFixed(0)} ms, 5 runs), ${obligations.toLocaleString()} obligations`,
  );
}

await benchStartup();
benchCatalog();
benchEngines(100_000);
await benchApi(10_000);
await benchAuditVerify(1_000_000);
await benchAssessments();
await benchWorkbookImport();
await benchPractitionerImport();
await benchImportLimits();
await benchReports();
benchCiiBoundary();
await benchCiiModel();
benchPrivacyPaths();
benchDataClassification();
benchDataDuties();
