import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  CANONICAL_LAYOUT,
  canonicalize,
  chainHash,
  diffChanges,
  GENESIS_HASH,
  REDACTED,
  verifyChain,
  type AuditChainRow,
  type AuditContent,
  type Changes,
} from './chain';

const ORG = '7d0f5c1e-3a52-4c8e-9a51-0b7f3f0c2a11';

/** An in-memory chain of `n` rows built the way appendAudit builds them. */
function buildChain(n: number, org = ORG): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const changes: Changes = { name: { before: `系统${seq - 1}`, after: `系统${seq}` } };
    const content: AuditContent = {
      organisationId: org,
      seq,
      at: `2026-03-02T01:00:0${seq % 10}.000Z`,
      actorUserId: 'u1',
      actorTokenId: null,
      actorLabel: '张三',
      action: 'system.update',
      entityType: 'system',
      entityId: `s${seq}`,
      changes,
      requestId: `req-${seq}`,
      sourceIp: '10.0.0.1',
    };
    const hash = chainHash(prev, content);
    rows.push({
      id: `id-${seq}`,
      organisation_id: org,
      seq,
      at: content.at,
      actor_user_id: content.actorUserId,
      actor_token_id: content.actorTokenId,
      actor_label: content.actorLabel,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      changes: canonicalize(changes),
      request_id: content.requestId,
      source_ip: content.sourceIp,
      prev_hash: prev,
      hash,
    });
    prev = hash;
  }
  return rows;
}

describe('canonicalize', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: true, p: null }], x: '值' } };
    const b = { a: { x: '值', y: [1, { p: null, q: true }] }, b: 1 };
    assert.equal(canonicalize(a), canonicalize(b));
    assert.equal(canonicalize(a), '{"a":{"x":"值","y":[1,{"p":null,"q":true}]},"b":1}');
  });

  it('writes strings as JSON.stringify, no whitespace, undefined like JSON', () => {
    assert.equal(canonicalize('a"b\\c\n\u0001'), JSON.stringify('a"b\\c\n\u0001'));
    assert.equal(canonicalize({ a: undefined, b: [undefined, 1.5, -0] }), '{"b":[null,1.5,0]}');
    assert.equal(canonicalize(new Date('2026-03-02T01:00:00Z')), '"2026-03-02T01:00:00.000Z"');
    assert.equal(canonicalize({ '': 1, B: 2, a: 3, 中: 4 }), '{"":1,"B":2,"a":3,"中":4}');
  });

  it('is a fixpoint through JSON and rejects what JSON would lose', () => {
    const v = { z: [{ b: 2, a: 1 }], y: 'x', n: 1e21, f: 0.1 };
    const c = canonicalize(v);
    assert.equal(canonicalize(JSON.parse(c)), c);
    assert.throws(() => canonicalize({ a: Number.NaN }), TypeError);
    assert.throws(() => canonicalize({ a: Infinity }), TypeError);
    assert.throws(() => canonicalize(new Map()), TypeError);
    assert.throws(() => canonicalize({ a: 1n }), TypeError);
  });
});

describe('chainHash', () => {
  it('is hex SM3 of prev hash + canonical content', () => {
    assert.equal(GENESIS_HASH, '0'.repeat(64));
    // GB/T 32905-2016 appendix A example 1.
    assert.equal(
      createHash('sm3').update('abc').digest('hex'),
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    const row = buildChain(1)[0]!;
    const content: AuditContent = {
      organisationId: ORG,
      seq: 1,
      at: row.at,
      actorUserId: 'u1',
      actorTokenId: null,
      actorLabel: '张三',
      action: 'system.update',
      entityType: 'system',
      entityId: 's1',
      changes: { name: { before: '系统0', after: '系统1' } },
      requestId: 'req-1',
      sourceIp: '10.0.0.1',
    };
    assert.equal(
      chainHash(GENESIS_HASH, content),
      createHash('sm3')
        .update(GENESIS_HASH + canonicalize(content), 'utf8')
        .digest('hex'),
    );
    assert.equal(row.hash, chainHash(GENESIS_HASH, content));
    assert.match(row.hash, /^[0-9a-f]{64}$/);
  });
  it('writes the content in canonical key order, nulls included', () => {
    const keys = CANONICAL_LAYOUT.map((f) => f.key);
    assert.deepEqual(keys, [...keys].sort());
    const content: AuditContent = {
      organisationId: '',
      seq: 12,
      at: '2026-03-02T01:00:00.000Z',
      actorUserId: null,
      actorTokenId: null,
      actorLabel: 'a"b\\c\n中文😀',
      action: 'user.sign_in',
      entityType: 'user',
      entityId: null,
      changes: { z: { before: null, after: [1, { b: 2, a: 1 }] }, a: { before: 'x', after: 'y' } },
      requestId: null,
      sourceIp: null,
    };
    assert.deepEqual(Object.keys(content).sort(), keys);
    const prev = 'f'.repeat(64);
    assert.equal(
      chainHash(prev, content),
      createHash('sm3')
        .update(prev + canonicalize(content), 'utf8')
        .digest('hex'),
    );
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain, also verified in pieces', () => {
    const rows = buildChain(6);
    const all = verifyChain(rows);
    assert.deepEqual(all, { ok: true, count: 6, lastSeq: 6, lastHash: rows[5]!.hash });
    const first = verifyChain(rows.slice(0, 4));
    assert.ok(first.ok);
    const rest = verifyChain(rows.slice(4), { seq: first.lastSeq, hash: first.lastHash });
    assert.deepEqual(rest, { ok: true, count: 2, lastSeq: 6, lastHash: rows[5]!.hash });
    assert.deepEqual(verifyChain([]), { ok: true, count: 0, lastSeq: 0, lastHash: GENESIS_HASH });
  });

  it('detects an edit of every hashed field', () => {
    const edits: Partial<AuditChainRow>[] = [
      { organisation_id: 'other' },
      { at: '2026-03-02T01:00:09.000Z' },
      { actor_user_id: 'u2' },
      { actor_token_id: 't1' },
      { actor_label: null },
      { action: 'system.delete' },
      { entity_type: 'grading' },
      { entity_id: null },
      { changes: '{"name":{"after":"系统X","before":"系统2"}}' },
      { changes: '{"name":{"after":"系统3","before":"系统2"},"level":{"after":3,"before":2}}' },
      { changes: 'not json' },
      { request_id: 'req-x' },
      { source_ip: null },
    ];
    for (const edit of edits) {
      const rows = buildChain(5);
      rows[2] = { ...rows[2]!, ...edit };
      const r = verifyChain(rows);
      assert.equal(r.ok, false, JSON.stringify(edit));
      if (r.ok) continue;
      assert.equal(r.count, 2);
      assert.deepEqual(
        { seq: r.firstBroken.seq, id: r.firstBroken.id, reason: r.firstBroken.reason },
        { seq: 3, id: 'id-3', reason: 'hash_mismatch' },
      );
    }
  });

  it('detects deleted, reordered, swapped and forged rows', () => {
    const reason = (rows: AuditChainRow[]) => {
      const r = verifyChain(rows);
      return r.ok ? 'ok' : `${r.firstBroken.reason}@${r.firstBroken.seq}`;
    };
    const rows = buildChain(5);
    const [r1, r2, r3, r4, r5] = rows as [
      AuditChainRow,
      AuditChainRow,
      AuditChainRow,
      AuditChainRow,
      AuditChainRow,
    ];
    assert.equal(reason([r1, r2, r4, r5]), 'sequence_gap@4');
    assert.equal(reason([r2, r3]), 'sequence_gap@2');
    assert.equal(reason([r1, r3, r2, r4]), 'sequence_gap@3');
    assert.equal(reason([r1, r2, r2, r3]), 'out_of_order@2');
    assert.equal(reason([r1, { ...r2, seq: '2' as unknown as number }]), 'out_of_order@2');
    assert.equal(reason([r1, { ...r2, seq: 2.5 }]), 'out_of_order@2.5');
    // Seq values swapped (the rest of each row unchanged), rows read in seq order.
    assert.equal(
      reason([r1, { ...r4, seq: 2 }, r3, { ...r2, seq: 4 }, r5]),
      'prev_hash_mismatch@2',
    );
    // Contents swapped, seq and hashes left in place.
    const { id: _i2, seq: _s2, prev_hash: _p2, hash: _h2, ...c2 } = r2;
    const { id: _i3, seq: _s3, prev_hash: _p3, hash: _h3, ...c3 } = r3;
    assert.equal(reason([r1, { ...r2, ...c3 }, { ...r3, ...c2 }, r4]), 'hash_mismatch@2');
    // A forged 6th row with a correct hash over a wrong prev hash.
    const forgedContent: AuditContent = {
      organisationId: ORG,
      seq: 6,
      at: '2026-03-02T02:00:00.000Z',
      actorUserId: null,
      actorTokenId: null,
      actorLabel: null,
      action: 'system.delete',
      entityType: 'system',
      entityId: 's1',
      changes: {},
      requestId: null,
      sourceIp: null,
    };
    const forged: AuditChainRow = {
      ...r5,
      id: 'forged',
      seq: 6,
      at: forgedContent.at,
      actor_user_id: null,
      actor_label: null,
      action: 'system.delete',
      entity_id: 's1',
      changes: '{}',
      request_id: null,
      source_ip: null,
      prev_hash: r4.hash,
      hash: chainHash(r4.hash, forgedContent),
    };
    assert.equal(reason([...rows, forged]), 'prev_hash_mismatch@6');
    assert.equal(reason([...rows, { ...forged, prev_hash: r5.hash }]), 'hash_mismatch@6');
    assert.equal(
      reason([...rows, { ...forged, prev_hash: r5.hash, hash: chainHash(r5.hash, forgedContent) }]),
      'ok',
      'a correctly chained append is, by design, indistinguishable from a real one',
    );
  });
});

describe('diffChanges', () => {
  it('lists only the changed fields', () => {
    assert.deepEqual(
      diffChanges(
        { name: 'A', level: 2, types: ['x', 'y'], meta: { a: 1, b: 2 }, note: null, gone: 1 },
        { name: 'B', level: 2, types: ['x', 'y'], meta: { b: 2, a: 1 }, note: undefined, new: 0 },
      ),
      {
        name: { before: 'A', after: 'B' },
        gone: { before: 1, after: null },
        new: { before: null, after: 0 },
      },
    );
    assert.deepEqual(diffChanges({ a: 1 }, { a: 1 }), {});
  });

  it('shows creation and deletion', () => {
    assert.deepEqual(diffChanges(null, { name: '系统', level: 3, description: null }), {
      level: { before: null, after: 3 },
      name: { before: null, after: '系统' },
    });
    assert.deepEqual(diffChanges({ name: '系统' }, null), {
      name: { before: '系统', after: null },
    });
  });

  it('redacts values but shows that they changed', () => {
    const redact = ['password_hash', 'contact_phone_enc'];
    assert.deepEqual(
      diffChanges(
        { password_hash: 'sm3$old', contact_phone_enc: null, name: 'A' },
        { password_hash: 'sm3$new', contact_phone_enc: 'enc:abc', name: 'A' },
        { redact },
      ),
      {
        password_hash: { before: REDACTED, after: REDACTED },
        contact_phone_enc: { before: null, after: REDACTED },
      },
    );
    assert.deepEqual(diffChanges({ password_hash: 'x' }, { password_hash: 'x' }, { redact }), {});
    const text = canonicalize(diffChanges({ password_hash: 'secret1' }, null, { redact }));
    assert.ok(!text.includes('secret1'));
  });
});
