/**
 * Data classification for a large inventory: 100,000 data resources with the mix a real
 * inventory has (personal-information categories, sectors and their catalogue keywords, chosen
 * catalogue entries, head-count thresholds, impact analyses, declared grades), classified with
 * the shipped catalogs (src/catalogs/data-classification, src/catalogs/pi-categories). Target:
 * the whole batch, indexes included, in < 1 s. Median of 5 runs.
 * Run alone with `npx tsx bench/data-classification.ts`, or as part of `npm run bench`.
 */
import { shippedPiCategoryCatalog } from '../src/catalogs/pi-categories';
import { inventoryCatalog } from '../src/app/data-security/inventory/catalog';
import {
  classificationCounts,
  classifyDataResources,
  entryRef,
} from '../src/domain/data-security/classify';
import type { DataResourceFacts } from '../src/domain/data-security/types';
import {
  HARM_LEVELS,
  IMPACT_OBJECTS,
  type ImpactJudgement,
} from '../src/shared/data-security-schemas';
import { rng } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const NAMES = [
  '患者病历',
  '医学影像',
  '检验报告',
  '员工信息',
  '医保结算数据',
  '区域公共卫生监测数据',
  '生产工艺参数',
  '车辆轨迹数据',
  '客户订单',
  '设备运行日志',
  '财务报表',
  '供应商名录',
];

/** Deterministic synthetic inventory of `count` resources. */
export function generateResources(count: number): DataResourceFacts[] {
  const random = rng(17);
  const catalog = inventoryCatalog();
  const sectors = catalog.sectors.map((s) => s.key);
  const entries = catalog.catalogues.flatMap((c) => c.entries.map(entryRef));
  const pi = shippedPiCategoryCatalog().categories.map((c) => c.code);
  const out: DataResourceFacts[] = [];
  for (let i = 0; i < count; i++) {
    const piCount = random() < 0.6 ? 1 + Math.floor(random() * 5) : 0;
    const piCategories = Array.from(
      { length: piCount },
      () => pi[Math.floor(random() * pi.length)] as string,
    );
    const impacts: ImpactJudgement[] =
      random() < 0.5
        ? IMPACT_OBJECTS.filter(() => random() < 0.3).map((object) => ({
            object,
            degree: HARM_LEVELS[Math.floor(random() * HARM_LEVELS.length)]!,
            reason: null,
          }))
        : [];
    const declared = random() < 0.02;
    out.push({
      id: `r${i}`,
      code: `DR-${i}`,
      name: `${NAMES[i % NAMES.length]} ${i}`,
      description: random() < 0.5 ? `${NAMES[(i * 7) % NAMES.length]}的明细记录` : null,
      sector: sectors.length > 0 && random() < 0.7 ? sectors[i % sectors.length]! : null,
      individuals: piCount > 0 ? Math.floor(random() * 300_000) : 0,
      piCategories,
      catalogueEntry: entries.length > 0 && random() < 0.2 ? entries[i % entries.length]! : null,
      impacts,
      declaredGrade: declared ? 'important' : null,
      declaredOn: declared ? '2026-05-20' : null,
      crossBorder: random() < 0.05,
    });
  }
  return out;
}

export function benchDataClassification(count = 100_000): void {
  const resources = generateResources(count);
  const catalog = inventoryCatalog();
  const categories = shippedPiCategoryCatalog().categories;
  const runs: number[] = [];
  const cpu: number[] = [];
  let result: ReturnType<typeof classifyDataResources> = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    result = classifyDataResources(resources, catalog, categories);
    const c1 = process.cpuUsage(c0);
    runs.push(performance.now() - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  const counts = classificationCounts(result);
  const decided = new Map<string, number>();
  for (const c of result) decided.set(c.decidedBy, (decided.get(c.decidedBy) ?? 0) + 1);
  const ms = median(runs);
  console.log(
    `datasec  classification, ${count.toLocaleString()} resources (catalog ${catalog.version}): median ${ms.toFixed(0)} ms (min ${Math.min(...runs).toFixed(0)} ms, median CPU ${median(cpu).toFixed(0)} ms, 5 runs; target < 1,000 ms), ` +
      `general ${counts.grades.general.toLocaleString()}, important ${counts.grades.important.toLocaleString()}, core ${counts.grades.core.toLocaleString()} (${counts.provisional.toLocaleString()} provisional); decided by ${[...decided].map(([k, v]) => `${k} ${v.toLocaleString()}`).join(', ')}`,
  );
  if (ms >= 1000) console.log('datasec  WARNING: over the 1 s target');
}

if (import.meta.url === `file://${process.argv[1]}`) benchDataClassification();
