/**
 * Data-security duties for 5,000 organisations with a realistic mix: most hold no important
 * data, some hold important or core resources (declared or not, some abroad), with provisions,
 * annual risk assessments, reorganisations, large-platform figures and regulator-ordered PI
 * audits. Target: all 5,000 organisations' duties in < 1 s. Median of 5 runs after one warm-up.
 * Run alone with `npx tsx bench/data-duties.ts`, or as part of `npm run bench`.
 */
import { shippedHolidayCalendar } from '../src/catalogs/holiday-calendar';
import { dataSecurityDuties } from '../src/domain/data-security/duties';
import type { DataSecurityOrganisationFacts } from '../src/domain/data-security/types';
import { rng } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const pad = (n: number) => String(n).padStart(2, '0');

/** Deterministic synthetic organisations. */
export function generateOrganisations(count: number): DataSecurityOrganisationFacts[] {
  const random = rng(17);
  const date = (year: number) =>
    `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  const out: DataSecurityOrganisationFacts[] = [];
  for (let i = 0; i < count; i++) {
    const holder = random() < 0.3;
    const important = holder
      ? Array.from({ length: 1 + Math.floor(random() * 20) }, (_, j) => ({
          code: `DR-${j}`,
          name: `重要数据 ${j}`,
          crossBorder: random() < 0.1,
          declaredOn: random() < 0.5 ? date(2025) : null,
        }))
      : [];
    const platform = random() < 0.02;
    out.push({
      id: `org-${i}`,
      name: `单位 ${i}`,
      isCiiOperator: random() < 0.05,
      importantResources: important,
      coreResources: holder && random() < 0.05 ? [{ code: 'DR-C', name: '核心数据' }] : [],
      totalIndividuals: random() < 0.1 ? null : Math.floor(random() * 20_000_000),
      anyCrossBorder: random() < 0.2,
      importantDataDeclaredOn: holder && random() < 0.3 ? date(2025) : null,
      dataSecurityOfficer: holder && random() < 0.6 ? '负责人' : null,
      dataSecurityOfficerAppointedOn: null,
      managementBody: holder && random() < 0.6 ? '管理机构' : null,
      managementBodyEstablishedOn: null,
      registeredUsers: platform ? 50_000_000 + Math.floor(random() * 1e8) : null,
      monthlyActiveUsers: platform ? Math.floor(random() * 3e7) : null,
      majorImpactPlatform: platform ? random() < 0.8 : null,
      lastSocialResponsibilityReportOn: platform && random() < 0.5 ? date(2026) : null,
      reorganisation:
        random() < 0.01 ? { kind: 'merger', on: date(2026), disposalPlanReportedOn: null } : null,
      provisions: holder
        ? Array.from({ length: Math.floor(random() * 10) }, (_, j) => ({
            code: `P-${j}`,
            kind: (['provide', 'entrust', 'joint'] as const)[j % 3]!,
            recipient: `接收方 ${j}`,
            startsOn: date(2026),
            riskAssessedOn: random() < 0.5 ? date(2025) : null,
            statutoryDuty: random() < 0.05,
          }))
        : [],
      riskAssessments:
        holder && random() < 0.5
          ? [
              {
                year: 2025,
                completedOn: date(2025),
                reportedOn: random() < 0.7 ? '2025-12-20' : null,
              },
            ]
          : [],
      importantDataTransfers: important
        .filter((r) => r.crossBorder)
        .map((r, j) => ({
          id: `T-${j}`,
          name: `出境 ${j}`,
          assessmentApprovedOn: random() < 0.5 ? date(2025) : null,
          resourceCodes: [r.code],
        })),
      piAudits:
        random() < 0.05
          ? [
              {
                id: `A-${i}`,
                title: '责令审计',
                kind: 'regulator_ordered',
                completedOn: null,
                orderedDeadline: date(2026),
              },
            ]
          : [],
    });
  }
  return out;
}

export function benchDataDuties(count = 5_000): void {
  const orgs = generateOrganisations(count);
  const calendar = shippedHolidayCalendar();
  const runs: number[] = [];
  let duties = 0;
  const states = new Map<string, number>();
  // One warm-up run (JIT), not counted.
  for (const org of orgs) dataSecurityDuties(org, '2026-09-30', calendar);
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    duties = 0;
    states.clear();
    for (const org of orgs)
      for (const d of dataSecurityDuties(org, '2026-09-30', calendar)) {
        duties++;
        states.set(d.state, (states.get(d.state) ?? 0) + 1);
      }
    runs.push(performance.now() - t0);
  }
  const ms = median(runs);
  console.log(
    `datasec  duties of ${count.toLocaleString()} organisations: median ${ms.toFixed(0)} ms (min ${Math.min(...runs).toFixed(0)} ms, 5 runs; target < 1,000 ms), ` +
      `${duties.toLocaleString()} duties (${[...states].map(([k, v]) => `${k} ${v}`).join(', ')})`,
  );
  if (ms >= 1000) console.log('datasec  WARNING: over the 1 s target');
}

if (import.meta.url === `file://${process.argv[1]}`) benchDataDuties();
