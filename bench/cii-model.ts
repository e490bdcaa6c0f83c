/**
 * The CII model through the app layer on an SQLite file: importing a large operator's exchange
 * file (10,000 assets, 40,000 dependencies, 200 flows in 5 core businesses), computing a core
 * business's boundary with its explanations (what GET …/boundary serves) and recording a
 * determination. Run alone with `npx tsx bench/cii-model.ts`, or from `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_ACTOR } from '../src/app/actor';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { recordDeterminationCommand } from '../src/app/cii/commands';
import { importCiiFileCommand } from '../src/app/cii/file';
import { boundaryQuery } from '../src/app/cii/queries';
import { systemClock } from '../src/app/clock';
import type { AppContext } from '../src/app/context';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import {
  CII_ASSET_KINDS,
  CII_DEPENDENCY_KINDS,
  CII_LIFECYCLE_STAGES,
  type CiiFile,
} from '../src/shared/cii-schemas';
import { openStore } from '../src/store/database';
import { listCoreBusinesses } from '../src/store/repositories/cii.repository';
import { createOrganisation } from '../src/store/repositories/organisations.repository';
import { BENCH_KEYS } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** A deterministic synthetic estate (a small linear congruential generator, no Math.random). */
export function syntheticCiiFile(assets: number, dependencies: number, flows: number): CiiFile {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((seed / 4_294_967_296) * n);
  };
  const code = (i: number) => `A${String(i).padStart(6, '0')}`;
  const seen = new Set<string>();
  const deps: CiiFile['dependencies'] = [];
  while (deps.length < dependencies) {
    const from = rnd(assets);
    const to = rnd(assets);
    const kind = CII_DEPENDENCY_KINDS[rnd(4)]!;
    const key = `${from}|${to}|${kind}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    deps.push({ from: code(from), to: code(to), kind });
  }
  return {
    format: 'dengbao.cii.v1',
    assets: Array.from({ length: assets }, (_, i) => ({
      code: code(i),
      name: `资产${i}`,
      kind: i % 97 === 0 ? 'external_system' : CII_ASSET_KINDS[i % 9]!,
    })),
    dependencies: deps,
    coreBusinesses: Array.from({ length: 5 }, (_, b) => ({
      name: `核心业务${b + 1}`,
      sector: 'energy' as const,
      designatedOn: '2025-01-01',
      chainSteps: [],
      infoCategories: [{ name: '调度数据', important: true }],
      flows: Array.from({ length: flows / 5 }, (_, f) => ({
        name: `信息流${f + 1}`,
        infoCategory: '调度数据',
        hops: Array.from({ length: 6 }, (_, h) => ({
          asset: code(rnd(assets)),
          stage: CII_LIFECYCLE_STAGES[h]!,
        })),
      })),
    })),
  };
}

export async function benchCiiModel(
  assets = 10_000,
  dependencies = 40_000,
  flows = 200,
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-cii-'));
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
    const org = await createOrganisation(
      store.db,
      { name: '某省电网公司' },
      new Date().toISOString(),
    );
    const file = syntheticCiiFile(assets, dependencies, flows);
    const t0 = performance.now();
    await importCiiFileCommand(ctx, CLI_ACTOR, org.id, file, { name: 'bench', sm3: '-' });
    const imported = performance.now() - t0;
    const t1 = performance.now();
    await importCiiFileCommand(ctx, CLI_ACTOR, org.id, file, { name: 'bench', sm3: '-' });
    const unchanged = performance.now() - t1;
    const businessId = (await listCoreBusinesses(store.db, org.id))[0]!.id;
    const queries: number[] = [];
    let inside = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      inside = (await boundaryQuery(ctx, org.id, businessId)).boundary.inside.length;
      queries.push(performance.now() - t);
    }
    const t2 = performance.now();
    await recordDeterminationCommand(ctx, CLI_ACTOR, org.id, businessId, null);
    const determined = performance.now() - t2;
    console.log(
      `cii      model of ${assets.toLocaleString()} assets / ${dependencies.toLocaleString()} dependencies / ${flows} flows, SQLite: import ${imported.toFixed(0)} ms (again, unchanged ${unchanged.toFixed(0)} ms); boundary query with explanations median ${median(queries).toFixed(0)} ms (${inside.toLocaleString()} inside); record a determination ${determined.toFixed(0)} ms`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCiiModel();
