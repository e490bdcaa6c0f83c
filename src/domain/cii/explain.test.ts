import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeBoundary, type BoundaryInput } from './boundary';
import { explainExclusion, explainInclusion } from './explain';

/** A provincial power-dispatch business (电力调度): the SCADA data flow to the grid company. */
const dispatch: BoundaryInput = {
  assets: [
    { id: 'rtu', name: '变电站远动终端' },
    { id: 'scada', name: '调度自动化系统' },
    { id: 'ems', name: '能量管理系统' },
    { id: 'vm', name: '调度云平台' },
    { id: 'vm-mgmt', name: '调度云管理平台' },
    { id: 'ntp', name: '北斗/GPS时间同步' },
    { id: 'national', name: '国调中心调度系统', external: true },
    { id: 'mis', name: '办公管理信息系统' },
  ],
  flows: [
    {
      id: 'telemetry',
      name: '遥测遥信数据',
      hops: [
        { assetId: 'rtu', stage: 'collection' },
        { assetId: 'scada', stage: 'transmission' },
        { assetId: 'ems', stage: 'processing' },
        { assetId: 'national', stage: 'exchange' },
      ],
    },
  ],
  dependencies: [
    { from: 'ems', to: 'vm', kind: 'runs_on' },
    { from: 'vm', to: 'vm-mgmt', kind: 'managed_by' },
    { from: 'scada', to: 'ntp', kind: 'runs_on' },
    { from: 'vm-mgmt', to: 'ems', kind: 'managed_by' },
  ],
};
const names = new Map(dispatch.assets.map((a) => [a.id, a.name]));
const name = (id: string) => names.get(id)!;

describe('CII boundary explanations', () => {
  it('a flow handing data to an external party makes a boundary point without a dependency', () => {
    const b = computeBoundary(dispatch);
    assert.deepEqual(b.boundaryPoints, [{ insideAssetId: 'ems', externalAssetId: 'national' }]);
    assert.ok(b.outside.includes('national') && b.outside.includes('mis'));
    // The management plane depends back on what it manages: the cycle terminates.
    assert.deepEqual(b.inside.map((i) => i.assetId).sort(), [
      'ems',
      'ntp',
      'rtu',
      'scada',
      'vm',
      'vm-mgmt',
    ]);
  });

  it('says which flow hop or which chain of dependencies puts an asset inside', () => {
    const b = computeBoundary(dispatch);
    const reason = (id: string) => b.inside.find((i) => i.assetId === id)!.reason;
    assert.equal(
      explainInclusion(reason('rtu'), name, () => '遥测遥信数据').zh,
      '关键业务信息流「遥测遥信数据」在此采集。',
    );
    const mgmt = explainInclusion(reason('vm-mgmt'), name, () => '遥测遥信数据');
    assert.equal(
      mgmt.zh,
      '信息流「遥测遥信数据」在「能量管理系统」处理；「能量管理系统」运行于「调度云平台」，「调度云平台」由「调度云管理平台」运维管理；关键业务离不开它，故纳入边界。',
    );
    assert.match(mgmt.en, /"调度云平台" is managed by "调度云管理平台"/);
  });

  it('explains exclusion differently for external systems and unrelated ones', () => {
    assert.match(explainExclusion(true).zh, /边界接入点/);
    assert.match(explainExclusion(false).zh, /不经过/);
  });
});
