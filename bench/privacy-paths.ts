/**
 * Cross-border paths for a large register: 10,000 processing activities, each with one transfer
 * abroad, and 100,000 dated transfer batches spread over two years, with the mix a real register
 * has (exemption grounds, important data, mechanisms on record, sensitive batches). Target: the
 * whole engine (paths, counts, duties on the working-day calendar) in < 1 s. Median of 5 runs.
 * Run alone with `npx tsx bench/privacy-paths.ts`, or as part of `npm run bench`.
 */
import { shippedHolidayCalendar } from '../src/catalogs/holiday-calendar';
import { crossBorderPaths } from '../src/domain/privacy/cross-border';
import type {
  OutboundTransferFacts,
  PrivacyOrganisationFacts,
  TransferBatchFacts,
} from '../src/domain/privacy/types';
import type { ExemptionGround, MechanismRecord } from '../src/shared/privacy-schemas';
import { rng } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const COUNTRIES = ['DE', 'US', 'SG', 'JP', 'HK', 'GB', 'FR', 'KR'];
const GROUNDS: readonly ExemptionGround[] = [
  'contract_with_individual',
  'cross_border_hr',
  'collected_abroad',
  'emergency',
  'ftz_negative_list',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Deterministic synthetic register: `activities` transfers sharing `batches` batches. */
export function generateTransfers(activities: number, batches: number): OutboundTransferFacts[] {
  const random = rng(16);
  const perTransfer = Math.floor(batches / activities);
  const extra = batches - perTransfer * activities;
  const out: OutboundTransferFacts[] = [];
  for (let i = 0; i < activities; i++) {
    const list: TransferBatchFacts[] = [];
    const count = perTransfer + (i < extra ? 1 : 0);
    for (let j = 0; j < count; j++) {
      const year = random() < 0.5 ? 2025 : 2026;
      list.push({
        transferredOn: `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
        individuals: Math.floor(random() * 50),
        sensitiveIndividuals: random() < 0.1 ? Math.floor(random() * 5) : 0,
      });
    }
    const roll = random();
    const mechanism: MechanismRecord | null =
      roll < 0.3
        ? {
            kind: 'standard_contract',
            contractEffectiveOn: `2026-${pad(1 + (i % 11))}-15`,
            filedOn: i % 3 === 0 ? null : `2026-${pad(1 + (i % 11))}-25`,
          }
        : roll < 0.35
          ? { kind: 'security_assessment', approvedOn: `2025-${pad(1 + (i % 12))}-10` }
          : roll < 0.4
            ? { kind: 'certification', approvedOn: '2025-05-20' }
            : null;
    out.push({
      id: `PA-${i}/T1`,
      activityId: `PA-${i}`,
      activityName: `处理活动 ${i}`,
      recipientName: `Recipient ${i % 500}`,
      country: COUNTRIES[i % COUNTRIES.length] as string,
      exemption: random() < 0.15 ? (GROUNDS[i % GROUNDS.length] as ExemptionGround) : null,
      importantData: random() < 0.01,
      containsPersonalInformation: random() > 0.02,
      sensitive: list.some((b) => b.sensitiveIndividuals > 0),
      mechanism,
      batches: list,
    });
  }
  return out;
}

export function benchPrivacyPaths(activities = 10_000, batches = 100_000): void {
  const transfers = generateTransfers(activities, batches);
  const calendar = shippedHolidayCalendar();
  const org: PrivacyOrganisationFacts = { isCiiOperator: false, totalIndividuals: 3_000_000 };
  const runs: number[] = [];
  let result: ReturnType<typeof crossBorderPaths> | null = null;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    result = crossBorderPaths(org, transfers, '2026-09-30', { calendar });
    runs.push(performance.now() - t0);
  }
  const r = result as ReturnType<typeof crossBorderPaths>;
  const byPath = new Map<string, number>();
  for (const p of r.paths) byPath.set(p.path, (byPath.get(p.path) ?? 0) + 1);
  const ms = median(runs);
  console.log(
    `privacy  cross-border paths, ${activities.toLocaleString()} activities / ${batches.toLocaleString()} batches: median ${ms.toFixed(0)} ms (min ${Math.min(...runs).toFixed(0)} ms, 5 runs; target < 1,000 ms), ` +
      `${r.duties.length.toLocaleString()} duties, paths ${[...byPath].map(([k, v]) => `${k} ${v}`).join(', ')}; counted ${r.counts.individuals.toLocaleString()} + ${r.counts.sensitiveIndividuals.toLocaleString()} sensitive, ${r.counts.exemptBatches.toLocaleString()} exempt batches left out`,
  );
  if (ms >= 1000) console.log('privacy  WARNING: over the 1 s target');
}

if (import.meta.url === `file://${process.argv[1]}`) benchPrivacyPaths();
