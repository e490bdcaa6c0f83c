import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sendChecked, snapshotter, startHarness, type Harness } from './kit';

/**
 * On SQLite a fuzz run is promises only; unless each request lets the event loop turn,
 * light-my-request's setImmediate callbacks (each keeping its response alive) pile up and
 * `npm run fuzz` grows to gigabytes.
 */
describe('the fuzzing kit', () => {
  let h: Harness | null;
  before(async () => {
    h = await startHarness('sqlite');
  });
  after(async () => {
    await h?.close();
  });

  it('lets the event loop run queued immediates after every request', async () => {
    const owner = await h!.user('kit.owner', { admin: true });
    const snapshot = await snapshotter(h!.store);
    for (let i = 0; i < 3; i++) {
      let ran = false;
      setImmediate(() => {
        ran = true;
      });
      const res = await sendChecked(
        owner,
        { method: 'GET', url: '/api/organisations' },
        snapshot,
        'GET /api/organisations',
      );
      assert.equal(res.statusCode, 200);
      assert.ok(ran, `request ${i + 1}: the event loop did not turn`);
    }
  });
});
