/**
 * GB/T 22239 catalog: reading + validating every catalog file (what start-up does), and baseline
 * computation. Run alone with `npx tsx bench/catalog.ts`, or as part of `npm run bench`.
 */
import {
  DEFAULT_MLPS_CATALOG_DIR,
  loadMlpsCatalog,
  validateMlpsCatalog,
} from '../src/catalogs/mlps-catalog';
import { readYamlDirectory } from '../src/catalogs/validate';
import { loadCiiCapabilityCatalogFrom } from '../src/catalogs/cii-capability-catalog';
import { baselineFor } from '../src/domain/mlps/baseline';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export function benchCatalog(): void {
  const loads: number[] = [];
  let requirements = 0;
  for (let run = 0; run < 10; run++) {
    const t0 = performance.now();
    const result = loadMlpsCatalog();
    loads.push(performance.now() - t0);
    if (!result.ok) throw new Error('the shipped catalog is invalid');
    requirements = result.catalog.requirements.length;
  }
  console.log(
    `catalog  start-up load (compiled copy) + full validation of ${requirements} requirements: first ${loads[0]!.toFixed(0)} ms (cold), median ${median(loads).toFixed(0)} ms`,
  );
  const ciiLoads: number[] = [];
  for (let run = 0; run < 10; run++) {
    const t0 = performance.now();
    if (!loadCiiCapabilityCatalogFrom().ok) throw new Error('the GB/T 39204 catalog is invalid');
    ciiLoads.push(performance.now() - t0);
  }
  console.log(
    `catalog  GB/T 39204 capability catalog from its YAML files + validation: first ${ciiLoads[0]!.toFixed(0)} ms (cold), median ${median(ciiLoads).toFixed(0)} ms (target < 50 ms warm)`,
  );

  // The slow path, taken when the YAML was edited without `dengbao catalog compile`.
  const read = readYamlDirectory(DEFAULT_MLPS_CATALOG_DIR);
  if (!read.ok) throw new Error('cannot read the catalog directory');
  const sources = read.sources;
  const yamlRuns: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    validateMlpsCatalog(sources);
    yamlRuns.push(performance.now() - t0);
  }
  console.log(
    `catalog  validate from the YAML texts (no compiled copy): median ${median(yamlRuns).toFixed(0)} ms`,
  );

  const result = loadMlpsCatalog();
  if (!result.ok) throw new Error('the shipped catalog is invalid');
  const catalog = result.catalog;
  baselineFor(catalog, 3, []); // builds the per-level index once, as the first request would
  for (const [label, level, extensions] of [
    ['level 3, general', 3, []],
    ['level 3, cloud tenant', 3, ['cloud']],
    ['level 4, every extension', 4, ['cloud', 'mobile', 'iot', 'ics', 'big_data']],
  ] as const) {
    const times: number[] = [];
    let items = 0;
    for (let run = 0; run < 2000; run++) {
      const t0 = performance.now();
      items = baselineFor(catalog, level, extensions, {
        cloudRole: label.includes('tenant') ? 'tenant' : undefined,
      }).counts.items;
      times.push(performance.now() - t0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `catalog  baseline ${label} (${items} items): median ${(median(times) * 1000).toFixed(0)} µs, p99 ${(sorted[Math.floor(sorted.length * 0.99)]! * 1000).toFixed(0)} µs`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchCatalog();
