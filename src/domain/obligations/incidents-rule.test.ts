import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateObligations } from './evaluate';
import type { SystemFacts } from './types';

const system = (overrides: Partial<SystemFacts> = {}): SystemFacts => ({
  id: 'shop',
  name: '网上商城',
  types: ['ordinary_system'],
  level: 2,
  gradedOn: '2026-01-05',
  goLiveOn: '2025-12-01',
  isCii: false,
  ciiDesignatedOn: null,
  isNationalEgov: false,
  hasCompetentAuthority: false,
  expertReviewOn: null,
  competentApprovalOn: null,
  filings: [],
  assessments: [],
  cryptoAssessments: [],
  ciiRiskAssessments: [],
  ciiSecurityOrganisationOn: null,
  ...overrides,
});
const find = (facts: SystemFacts, asOf: string, ruleId: string) =>
  evaluateObligations([facts], asOf).obligations.filter((o) => o.ruleId === ruleId);

describe('incident reporting on the obligations calendar (2025 Measures Art. 4)', () => {
  it('a non-CII system: 较大以上 to the provincial CAC within 4 hours, from 2025-11-01', () => {
    const [o] = find(system(), '2025-11-01', 'incidents.reporting');
    assert.equal(o?.state, 'standing');
    assert.equal(o?.eventDeadline, 'PT4H');
    assert.match(o?.titleZh ?? '', /较大以上.*4小时.*省级网信部门/);
    assert.match(o?.reasonZh ?? '', /一般事件无需按第四条报告/);
    assert.equal(find(system(), '2025-10-31', 'incidents.reporting').length, 0);
    assert.equal(
      find(system({ isCii: null, level: null }), '2026-03-02', 'incidents.reporting').length,
      1,
    );
  });
  it('a CII system has the 1-hour CII rule instead, titled for 较大以上 incidents', () => {
    const cii = system({ isCii: true, ciiDesignatedOn: '2024-05-01', level: 3 });
    assert.equal(find(cii, '2026-03-02', 'incidents.reporting').length, 0);
    const [o] = find(cii, '2026-03-02', 'cii.incident-reporting');
    assert.equal(o?.eventDeadline, 'PT1H');
    assert.equal(o?.titleZh, '关键信息基础设施较大以上网络安全事件1小时内报告');
    assert.match(o?.reasonEn ?? '', /graded large or above/);
  });
});
