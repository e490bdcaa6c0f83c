import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyCompensations,
  checkCompensation,
  compensationReason,
  scopeBetween,
  type Compensation,
  type CompensationContext,
} from './compensation';
import { itemOutcomes, scoreAssessment } from './scoring';
import type { BaselineRequirement, ResultRecord, TestObject } from './types';

/**
 * A level-3 hospital system: two-factor authentication (8.1.4.1-d) on the database server and
 * on the bastion host, access control (8.1.4.2-a), audit (8.1.4.3-a), and the boundary's access
 * control (8.1.3.2-a, 安全区域边界).
 */
const requirements: BaselineRequirement[] = [
  { id: '8.1.4.1-d', category: 'CES', controlPointId: '8.1.4.1' },
  { id: '8.1.4.1-a', category: 'CES', controlPointId: '8.1.4.1' },
  { id: '8.1.4.2-a', category: 'CES', controlPointId: '8.1.4.2' },
  { id: '8.1.4.3-a', category: 'CES', controlPointId: '8.1.4.3' },
  { id: '8.1.3.2-a', category: 'ABS', controlPointId: '8.1.3.2' },
];
const objects: TestObject[] = [
  { id: 'srv', name: '数据库服务器', kind: 'server', controlPoints: null },
  { id: 'bastion', name: '运维堡垒机', kind: 'security_device', controlPoints: null },
  { id: 'edge', name: '互联网边界', kind: 'area_boundary', controlPoints: null },
];
const results: ResultRecord[] = [
  { requirementId: '8.1.4.1-d', objectId: 'srv', result: 'non_compliant' },
  { requirementId: '8.1.4.1-d', objectId: 'bastion', result: 'compliant' },
  { requirementId: '8.1.4.1-a', objectId: 'srv', result: 'compliant' },
  { requirementId: '8.1.4.1-a', objectId: 'bastion', result: 'compliant' },
  { requirementId: '8.1.4.2-a', objectId: 'srv', result: 'partial' },
  { requirementId: '8.1.4.2-a', objectId: 'bastion', result: 'compliant' },
  { requirementId: '8.1.4.3-a', objectId: 'srv', result: 'non_compliant' },
  { requirementId: '8.1.4.3-a', objectId: 'bastion', result: 'non_compliant' },
  { requirementId: '8.1.3.2-a', objectId: 'edge', result: 'compliant' },
];
const context: CompensationContext = { requirements, objects, results };

const bastionTwoFactor: Compensation = {
  id: 'c1',
  requirementId: '8.1.4.1-d',
  objectId: 'srv',
  scope: 'item',
  compensatingRequirementId: '8.1.4.1-d',
  compensatingObjectId: 'bastion',
  adjustedResult: 'compliant',
  reason: '服务器仅能经运维堡垒机登录，堡垒机采用口令+数字证书双因素鉴别',
};

const codes = (c: Omit<Compensation, 'id' | 'reason'>) =>
  checkCompensation(c, context).map((p) => `${p.path}:${p.code}`);

describe('compensation scope follows the relation of the two requirements', () => {
  it('same control point → item, same layer → control_point, other layer → layer', () => {
    const [d, a, ac, , abs] = requirements as [
      BaselineRequirement,
      BaselineRequirement,
      BaselineRequirement,
      BaselineRequirement,
      BaselineRequirement,
    ];
    assert.equal(scopeBetween(d, d), 'item');
    assert.equal(scopeBetween(d, a), 'item');
    assert.equal(scopeBetween(d, ac), 'control_point');
    assert.equal(scopeBetween(d, abs), 'layer');
  });

  it('accepts each scope where it matches', () => {
    assert.deepEqual(codes(bastionTwoFactor), []);
    // 控制点间: the bastion host's identification makes the server's partial access control 符合.
    assert.deepEqual(
      codes({
        requirementId: '8.1.4.2-a',
        objectId: 'srv',
        scope: 'control_point',
        compensatingRequirementId: '8.1.4.1-a',
        compensatingObjectId: 'bastion',
        adjustedResult: 'compliant',
      }),
      [],
    );
    // 层面间: the boundary's access control compensates the server's missing audit, partly.
    assert.deepEqual(
      codes({
        requirementId: '8.1.4.3-a',
        objectId: null,
        scope: 'layer',
        compensatingRequirementId: '8.1.3.2-a',
        compensatingObjectId: 'edge',
        adjustedResult: 'partial',
      }),
      [],
    );
  });

  it('refuses a scope that does not match, naming the expected one', () => {
    const problems = checkCompensation({ ...bastionTwoFactor, scope: 'layer' }, context);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.code, 'scope_mismatch');
    assert.equal(problems[0]?.params.expected, 'item');
  });
});

describe('a compensation is refused when it cannot hold', () => {
  it('the compensating measure must be 符合 on its object (or on every object answering it)', () => {
    assert.deepEqual(
      codes({
        ...bastionTwoFactor,
        scope: 'control_point',
        compensatingRequirementId: '8.1.4.3-a',
        compensatingObjectId: 'bastion',
      }),
      ['compensatingRequirementId:compensating_not_compliant'],
    );
    // 8.1.4.2-a as a whole is not 符合 (the server is partial).
    assert.deepEqual(
      codes({
        ...bastionTwoFactor,
        scope: 'control_point',
        compensatingRequirementId: '8.1.4.2-a',
        compensatingObjectId: null,
      }),
      ['compensatingRequirementId:compensating_not_compliant'],
    );
  });

  it('results only go up: a 符合 result has nothing to adjust, partial cannot become 不符合', () => {
    assert.deepEqual(
      codes({ ...bastionTwoFactor, objectId: 'bastion', compensatingObjectId: 'srv' }),
      ['compensatingRequirementId:compensating_not_compliant', 'objectId:nothing_to_adjust'],
    );
    assert.deepEqual(
      codes({
        requirementId: '8.1.4.2-a',
        objectId: 'srv',
        scope: 'control_point',
        compensatingRequirementId: '8.1.4.1-a',
        compensatingObjectId: 'bastion',
        adjustedResult: 'partial',
      }),
      ['adjustedResult:not_upwards'],
    );
  });

  it('unknown items and objects, objects that do not answer the item, and itself are refused', () => {
    assert.deepEqual(codes({ ...bastionTwoFactor, requirementId: '9.9.9.9-z' }), [
      'requirementId:requirement_unknown',
    ]);
    assert.deepEqual(codes({ ...bastionTwoFactor, compensatingObjectId: 'edge' }), [
      'compensatingObjectId:compensating_object_not_in_scope',
    ]);
    assert.deepEqual(codes({ ...bastionTwoFactor, objectId: 'nope' }), ['objectId:object_unknown']);
    assert.deepEqual(codes({ ...bastionTwoFactor, compensatingObjectId: 'srv' }), [
      'compensatingObjectId:self',
    ]);
  });
});

describe('applying compensations', () => {
  it('raises the named result, keeps the original, and the item outcome follows', () => {
    const before = itemOutcomes({ requirements, objects, results });
    assert.equal(before.find((o) => o.requirementId === '8.1.4.1-d')?.result, 'partial');
    const out = applyCompensations(context, [bastionTwoFactor]);
    assert.deepEqual(out.adjustments, [
      {
        requirementId: '8.1.4.1-d',
        objectId: 'srv',
        original: 'non_compliant',
        adjusted: 'compliant',
        compensationIds: ['c1'],
        compensatingRequirementIds: ['8.1.4.1-d'],
      },
    ]);
    assert.equal(out.inactive.length, 0);
    // The input is untouched; the adjusted copy counts.
    assert.equal(results[0]?.result, 'non_compliant');
    const after = itemOutcomes({ requirements, objects, results: out.results });
    assert.equal(after.find((o) => o.requirementId === '8.1.4.1-d')?.result, 'compliant');
  });

  it('null object: every failing object of the item goes up, never down; the highest wins', () => {
    const layer: Compensation = {
      id: 'c2',
      requirementId: '8.1.4.3-a',
      objectId: null,
      scope: 'layer',
      compensatingRequirementId: '8.1.3.2-a',
      compensatingObjectId: 'edge',
      adjustedResult: 'partial',
      reason: '边界审计覆盖服务器的远程访问',
    };
    const out = applyCompensations(context, [layer]);
    assert.deepEqual(
      out.adjustments.map((a) => `${a.objectId}:${a.original}->${a.adjusted}`),
      ['srv:non_compliant->partial', 'bastion:non_compliant->partial'],
    );
    const both = applyCompensations(context, [
      layer,
      { ...layer, id: 'c3', objectId: 'srv', adjustedResult: 'compliant' },
    ]);
    const srv = both.adjustments.find((a) => a.objectId === 'srv');
    assert.equal(srv?.adjusted, 'compliant');
    assert.deepEqual(srv?.compensationIds, ['c2', 'c3']);
  });

  it('a compensation whose measure is no longer 符合 adjusts nothing and is listed inactive', () => {
    const changed = results.map((r) =>
      r.requirementId === '8.1.4.1-d' && r.objectId === 'bastion'
        ? { ...r, result: 'partial' as const }
        : r,
    );
    const out = applyCompensations({ requirements, objects, results: changed }, [bastionTwoFactor]);
    assert.equal(out.adjustments.length, 0);
    assert.equal(out.inactive[0]?.compensationId, 'c1');
    assert.equal(out.inactive[0]?.problems[0]?.code, 'compensating_not_compliant');
  });

  it('the conclusion names the adjustment among its reasons, and the rate changes', () => {
    const base = { requirements, objects, problems: [], majorRisks: [], reportDate: '2026-05-10' };
    const plain = scoreAssessment({ ...base, results });
    const out = applyCompensations(context, [bastionTwoFactor]);
    const adjusted = scoreAssessment({
      ...base,
      results: out.results,
      compensations: out.adjustments,
    });
    // 5 items: before 2 compliant (8.1.4.1-a, 8.1.3.2-a) = 40 %; after 8.1.4.1-d too = 60 %.
    assert.equal(plain.value, 40);
    assert.equal(adjusted.value, 60);
    assert.ok(!plain.reasons.some((r) => r.zh.startsWith('整体测评')));
    const reason = adjusted.reasons.find((r) => r.zh.startsWith('整体测评'));
    assert.equal(
      reason?.zh,
      '整体测评：1 个测评结果经补偿调整：8.1.4.1-d 不符合→符合（由 8.1.4.1-d 补偿）',
    );
    assert.match(reason?.en ?? '', /overall assessment: 1 result/);
    const t2021 = scoreAssessment({
      ...base,
      reportDate: '2024-12-01',
      results: out.results,
      compensations: out.adjustments,
    });
    assert.ok(t2021.reasons.some((r) => r.zh.startsWith('整体测评')));
  });

  it('the reason lists at most five and counts the rest', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      requirementId: `8.1.4.${i + 1}-a`,
      original: 'partial' as const,
      adjusted: 'compliant' as const,
      compensatingRequirementIds: ['8.1.3.2-a'],
    }));
    assert.match(compensationReason(many)?.zh ?? '', /7 个测评结果.*另 2 个$/);
    assert.equal(compensationReason([]), null);
  });
});
