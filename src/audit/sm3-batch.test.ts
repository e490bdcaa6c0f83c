import assert from 'node:assert/strict';
import { hash } from 'node:crypto';
import { describe, it } from 'node:test';
import { GENESIS_HASH } from './chain';
import { firstMismatch, parsePackedBatch, Sm3BatchWorker, type HashInputs } from './sm3-batch';

const sm3 = (s: string | Uint8Array) => hash('sm3', s, 'hex');

/** Packs entries the way verifyAudit's SQL does. */
function pack(entries: { seq: string; prev: string; hash: string; canonical: string }[]): Buffer {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  return Buffer.from(
    entries
      .map(
        (e) =>
          `${e.seq},${bytes(e.prev)},${bytes(e.hash)},${bytes(e.canonical)};${e.hash}${e.prev}${e.canonical}`,
      )
      .join(''),
    'utf8',
  );
}

/** A consistent run of entries from the genesis. */
function chain(n: number) {
  const entries = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const canonical = `{"changes":{"名称":{"after":"系统${seq};,","before":null}},"seq":${seq}}`;
    const h = sm3(prev + canonical);
    entries.push({ seq: String(seq), prev, hash: h, canonical });
    prev = h;
  }
  return entries;
}

describe('packed batches', () => {
  it('parses and links a packed batch, and its hash inputs hash to the hashes', () => {
    const entries = chain(4);
    const parsed = parsePackedBatch(pack(entries), { seq: 0, hash: GENESIS_HASH });
    assert.equal(parsed.linked, true);
    assert.equal(parsed.count, 4);
    assert.deepEqual(parsed.end, { seq: 4, hash: entries[3]!.hash });
    assert.equal(firstMismatch(parsed.inputs, parsed.hashes), -1);
    const rest = parsePackedBatch(pack(entries.slice(2)), { seq: 2, hash: entries[1]!.hash });
    assert.equal(rest.linked && rest.count === 2, true);
    assert.equal(parsePackedBatch(new Uint8Array(0), { seq: 0, hash: GENESIS_HASH }).linked, true);
  });

  it('stops at anything that does not link on', () => {
    const start = { seq: 0, hash: GENESIS_HASH };
    const cases: [string, (e: ReturnType<typeof chain>) => void][] = [
      ['gap', (e) => e.splice(1, 1)],
      ['swapped', (e) => ([e[1], e[2]] = [e[2]!, e[1]!])],
      ['seq text', (e) => (e[1]!.seq = 'x')],
      ['negative seq', (e) => (e[1]!.seq = '-2')],
      ['wrong prev', (e) => (e[2]!.prev = e[0]!.hash)],
      ['short prev', (e) => (e[2]!.prev = e[1]!.hash.slice(1))],
      ['long hash', (e) => (e[1]!.hash += '0')],
    ];
    for (const [name, tamper] of cases) {
      const entries = chain(4);
      tamper(entries);
      const parsed = parsePackedBatch(pack(entries), start);
      assert.equal(parsed.linked, false, name);
      assert.ok(parsed.count < 4, name);
    }
    // Truncated or malformed packing.
    const packed = pack(chain(2));
    for (const bad of [
      packed.subarray(0, packed.length - 1),
      Buffer.from('1,64,64;'),
      Buffer.from('1,,,;'),
    ])
      assert.equal(parsePackedBatch(bad, start).linked, false);
  });

  it('finds the first mismatch here and on the worker', async () => {
    const entries = chain(5);
    entries[3]!.canonical = entries[3]!.canonical.replace('系统4', '系统X');
    const parsed = parsePackedBatch(pack(entries), { seq: 0, hash: GENESIS_HASH });
    assert.equal(parsed.linked, true);
    assert.equal(firstMismatch(parsed.inputs, parsed.hashes), 3);
    const copy = (): HashInputs => ({
      data: Uint8Array.from(parsed.inputs.data),
      ranges: parsed.inputs.ranges,
    });
    const worker = new Sm3BatchWorker();
    try {
      assert.equal(await worker.firstMismatch(copy(), parsed.hashes), 3);
      assert.equal(await worker.firstMismatch(copy(), parsed.hashes.slice(0, 3)), -1);
      // A view into a larger buffer is copied, not transferred.
      const view = { data: parsed.inputs.data, ranges: parsed.inputs.ranges };
      assert.equal(await worker.firstMismatch(view, parsed.hashes), 3);
    } finally {
      await worker.close();
    }
    await assert.rejects(worker.firstMismatch(copy(), parsed.hashes), /exited/);
  });
});
