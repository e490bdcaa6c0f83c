import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BoundaryInputError,
  computeBoundary,
  DEFAULT_BOUNDARY_RULES,
  diffBoundary,
  type BoundaryInput,
} from './boundary';

/** A city commercial bank's core payment business (核心支付业务). */
const bank: BoundaryInput = {
  assets: [
    { id: 'mobile-app', name: '手机银行App' },
    { id: 'gateway', name: '支付网关' },
    { id: 'core', name: '核心账务系统' },
    { id: 'db', name: '核心数据库' },
    { id: 'archive', name: '数据归档与销毁平台' },
    { id: 'cloud', name: '行内私有云平台' },
    { id: 'idc', name: '主数据中心' },
    { id: 'iam', name: '统一身份认证' },
    { id: 'bastion', name: '运维堡垒机' },
    { id: 'waf', name: 'Web应用防火墙' },
    { id: 'unionpay', name: '银联清算系统', external: true },
    { id: 'oa', name: '办公OA' },
  ],
  flows: [
    {
      id: 'payment',
      name: '支付交易信息',
      hops: [
        { assetId: 'mobile-app', stage: 'collection' },
        { assetId: 'gateway', stage: 'transmission' },
        { assetId: 'core', stage: 'processing' },
        { assetId: 'db', stage: 'storage' },
        { assetId: 'archive', stage: 'destruction' },
      ],
    },
  ],
  dependencies: [
    { from: 'core', to: 'cloud', kind: 'runs_on' },
    { from: 'cloud', to: 'idc', kind: 'runs_on' },
    { from: 'gateway', to: 'iam', kind: 'authenticates_with' },
    { from: 'core', to: 'bastion', kind: 'managed_by' },
    { from: 'gateway', to: 'waf', kind: 'protected_by' },
    { from: 'gateway', to: 'unionpay', kind: 'exchanges_with_external' },
    { from: 'iam', to: 'cloud', kind: 'runs_on' },
    { from: 'oa', to: 'iam', kind: 'authenticates_with' },
  ],
};

describe('CII boundary', () => {
  it('puts flow assets and what they depend on inside, external parties outside', () => {
    const boundary = computeBoundary(bank);
    const inside = boundary.inside.map((i) => i.assetId).sort();
    assert.deepEqual(inside, [
      'archive',
      'bastion',
      'cloud',
      'core',
      'db',
      'gateway',
      'iam',
      'idc',
      'mobile-app',
      'waf',
    ]);
    assert.deepEqual([...boundary.outside].sort(), ['oa', 'unionpay']);
    assert.deepEqual(boundary.boundaryPoints, [
      { insideAssetId: 'gateway', externalAssetId: 'unionpay' },
    ]);
  });

  it('explains each inclusion: the flow hop, or the dependency chain back to one', () => {
    const boundary = computeBoundary(bank);
    const reason = (id: string) => boundary.inside.find((i) => i.assetId === id)!.reason;
    assert.deepEqual(reason('db'), { kind: 'flow', flowId: 'payment', stage: 'storage' });
    assert.deepEqual(reason('idc'), {
      kind: 'dependency',
      from: 'core',
      flowId: 'payment',
      stage: 'processing',
      chain: [
        { assetId: 'cloud', via: 'runs_on' },
        { assetId: 'idc', via: 'runs_on' },
      ],
    });
  });

  it('follows only the dependency kinds the rules name', () => {
    const rules = {
      ...DEFAULT_BOUNDARY_RULES,
      follow: { ...DEFAULT_BOUNDARY_RULES.follow, managed_by: false },
    };
    const inside = computeBoundary(bank, rules).inside.map((i) => i.assetId);
    assert.ok(!inside.includes('bastion'));
    assert.ok(inside.includes('waf'));
  });

  it('re-determination reports what changed (dynamic principle)', () => {
    const before = computeBoundary(bank).inside.map((i) => i.assetId);
    const changed: BoundaryInput = {
      ...bank,
      assets: [...bank.assets, { id: 'mq', name: '消息队列' }],
      dependencies: [
        ...bank.dependencies.filter((d) => d.to !== 'waf'),
        { from: 'core', to: 'mq', kind: 'runs_on' },
      ],
    };
    assert.deepEqual(diffBoundary(before, computeBoundary(changed)), {
      added: ['mq'],
      removed: ['waf'],
    });
  });

  it('terminates on cycles and reports every unknown reference', () => {
    const cyclic: BoundaryInput = {
      assets: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      flows: [{ id: 'f', name: 'F', hops: [{ assetId: 'a', stage: 'processing' }] }],
      dependencies: [
        { from: 'a', to: 'b', kind: 'runs_on' },
        { from: 'b', to: 'a', kind: 'runs_on' },
      ],
    };
    assert.equal(computeBoundary(cyclic).inside.length, 2);
    assert.throws(
      () =>
        computeBoundary({
          ...cyclic,
          dependencies: [{ from: 'a', to: 'zz', kind: 'runs_on' }],
          flows: [{ id: 'f', name: 'F', hops: [{ assetId: 'yy', stage: 'storage' }] }],
        }),
      (error: unknown) =>
        error instanceof BoundaryInputError &&
        error.problems.map((p) => p.path).join() === 'dependencies[0].to,flows[0].hops[0].assetId',
    );
  });
});
