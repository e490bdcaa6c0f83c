import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkRectificationChange,
  CII_RECTIFICATION_FLOW,
  MLPS_RECTIFICATION_FLOW,
  retestTransition,
} from './status';

describe('rectification status machine', () => {
  const mlps = MLPS_RECTIFICATION_FLOW;

  it('MLPS: working states change freely; closing dates follow the closed states', () => {
    const r = checkRectificationChange(mlps, { status: 'open' }, { status: 'fixed' });
    assert.deepEqual(r, { status: 'fixed', closed: false, problems: [] });
    const kept = checkRectificationChange(mlps, { status: 'in_progress' }, {});
    assert.equal(kept.status, 'in_progress');
  });

  it('MLPS: verified only by a re-test', () => {
    const r = checkRectificationChange(mlps, { status: 'fixed' }, { status: 'verified' });
    assert.deepEqual(
      r.problems.map((p) => p.path),
      ['status'],
    );
    // An unchanged verified item with other edits is fine.
    assert.deepEqual(
      checkRectificationChange(mlps, { status: 'verified' }, { approver: 'x' }).problems,
      [],
    );
  });

  it('MLPS: risk acceptance needs approver and reason, from the change or the item', () => {
    const missing = checkRectificationChange(mlps, { status: 'open' }, { status: 'risk_accepted' });
    assert.deepEqual(
      missing.problems.map((p) => p.path),
      ['approver', 'acceptanceReason'],
    );
    const given = checkRectificationChange(
      mlps,
      { status: 'open', approver: '信息安全部 张三' },
      { status: 'risk_accepted', acceptanceReason: '系统将于下季度下线' },
    );
    assert.deepEqual(given, { status: 'risk_accepted', closed: true, problems: [] });
  });

  it('MLPS: a closed item can only be reopened', () => {
    const r = checkRectificationChange(mlps, { status: 'verified' }, { status: 'in_progress' });
    assert.match(r.problems[0]!.message, /only be reopened \(status open\)/);
    const reopened = checkRectificationChange(mlps, { status: 'verified' }, { status: 'open' });
    assert.deepEqual(reopened, { status: 'open', closed: false, problems: [] });
  });

  it('MLPS re-test: a pass verifies, a fail goes back to work, a closed item refuses', () => {
    assert.deepEqual(retestTransition(mlps, 'fixed', true), { status: 'verified', closed: true });
    assert.deepEqual(retestTransition(mlps, 'fixed', false), {
      status: 'in_progress',
      closed: false,
    });
    assert.deepEqual(retestTransition(mlps, 'risk_accepted', true), {
      refused: 'the item is risk_accepted; reopen it before re-testing',
    });
  });

  it('CII: the operator sets any state; done and accepted close the item; no re-test', () => {
    const cii = CII_RECTIFICATION_FLOW;
    assert.deepEqual(checkRectificationChange(cii, { status: 'done' }, { status: 'in_progress' }), {
      status: 'in_progress',
      closed: false,
      problems: [],
    });
    assert.equal(
      checkRectificationChange(cii, { status: 'open' }, { status: 'accepted' }).closed,
      true,
    );
    assert.ok('refused' in retestTransition(cii, 'done', true));
  });
});
