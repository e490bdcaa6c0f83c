import assert from 'node:assert/strict';
import { hash } from 'node:crypto';
import { describe, it } from 'node:test';
import { firstMismatch, packBytes, Sm3BatchWorker } from './sm3-batch';

const inputs = ['', 'abc', '审计日志 😀', 'x'.repeat(1000)];
const hashes = inputs.map((s) => hash('sm3', s, 'hex'));
const bytes = () => packBytes(inputs.map((s) => Buffer.from(s, 'utf8')));

describe('SM3 batches', () => {
  it('finds the first mismatch in bytes or strings, here and on the worker', async () => {
    assert.equal(hashes[1], '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    const wrong = [...hashes];
    wrong[2] = hashes[3]!;
    const worker = new Sm3BatchWorker();
    try {
      for (const make of [bytes, () => ({ kind: 'strings' as const, strings: inputs })]) {
        assert.equal(firstMismatch(make(), hashes), -1);
        assert.equal(firstMismatch(make(), wrong), 2);
        assert.equal(await worker.firstMismatch(make(), hashes), -1);
        assert.equal(await worker.firstMismatch(make(), wrong), 2);
      }
      assert.equal(await worker.firstMismatch(packBytes([]), []), -1);
    } finally {
      await worker.close();
    }
    await assert.rejects(worker.firstMismatch(bytes(), hashes), /exited/);
  });
});
