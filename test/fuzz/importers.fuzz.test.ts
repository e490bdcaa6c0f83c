import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../support';
import { fuzzImporters } from './importers';
import {
  backstopped,
  FUZZ_IMPORT_RUNS,
  FUZZ_SEED,
  seedWorld,
  snapshotter,
  startHarness,
  type Harness,
} from './kit';

/**
 * Every file importer, fuzzed from a valid file (DENGBAO_FUZZ_IMPORT_RUNS inputs per mutation family;
 * workbooks twice that; seed DENGBAO_FUZZ_SEED): no 5xx, a refusal changes nothing, the server
 * stays healthy.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`fuzzing every importer on ${dialect}`, () => {
    let h: Harness | null;
    before(async () => {
      h = await startHarness(dialect);
    });
    after(async () => {
      await h?.close();
    });

    it(`refuses broken files with a 4xx and changes nothing (seed ${FUZZ_SEED}, ${FUZZ_IMPORT_RUNS} per kind)`, async (t) => {
      if (!h) return t.skip('database unavailable');
      const world = await seedWorld(h);
      const snapshot = await snapshotter(h.store);
      const started = performance.now();
      const { inputs, failures } = await fuzzImporters(h, world, snapshot, FUZZ_IMPORT_RUNS);
      const s = (performance.now() - started) / 1000;
      t.diagnostic(
        `${dialect}: ${inputs} importer inputs in ${s.toFixed(1)} s (seed ${FUZZ_SEED})`,
      );
      for (const b of backstopped) t.diagnostic(`database backstop (schema should refuse): ${b}`);
      assert.deepEqual(failures, [], failures.join('\n\n'));
    });
  });
}
