import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../support';
import {
  backstopped,
  FUZZ_RUNS,
  FUZZ_SEED,
  counters,
  seedWorld,
  snapshotter,
  startHarness,
  type Harness,
} from './kit';
import { fuzzRoutes } from './routes';

/**
 * Every route's request schema, fuzzed (DENGBAO_FUZZ_RUNS inputs per route, seed
 * DENGBAO_FUZZ_SEED): no 5xx, a 4xx changes nothing, the server stays healthy.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`fuzzing every route on ${dialect}`, () => {
    let h: Harness | null;
    before(async () => {
      h = await startHarness(dialect);
    });
    after(async () => {
      await h?.close();
    });

    it(`answers no 5xx and changes nothing on a 4xx (seed ${FUZZ_SEED}, ${FUZZ_RUNS} per route)`, async (t) => {
      if (!h) return t.skip('database unavailable');
      const world = await seedWorld(h);
      const snapshot = await snapshotter(h.store);
      const started = performance.now();
      const { routes, inputs, failures } = await fuzzRoutes(h, world, snapshot, FUZZ_RUNS);
      const s = (performance.now() - started) / 1000;
      t.diagnostic(
        `${dialect}: ${inputs} inputs over ${routes} routes in ${s.toFixed(1)} s (seed ${FUZZ_SEED}; ${counters.ok2xx} 2xx, ${counters.rejected4xx} 4xx so far)`,
      );
      for (const b of backstopped) t.diagnostic(`database backstop (schema should refuse): ${b}`);
      assert.deepEqual(failures, [], failures.join('\n\n'));
    });
  });
}
