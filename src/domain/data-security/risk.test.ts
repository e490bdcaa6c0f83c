import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  missingReportParts,
  overdueRisks,
  RISK_MATRIX,
  riskLevel,
  riskScore,
  summariseRisks,
  type ReportPartsFacts,
  type TrackedRisk,
} from './risk';

describe('risk level from likelihood × impact (our 5 × 5 matrix)', () => {
  it('reads the bands at their edges', () => {
    assert.equal(riskLevel(1, 1), 'low');
    assert.equal(riskLevel(2, 2), 'low'); // 4
    assert.equal(riskLevel(1, 5), 'medium'); // 5
    assert.equal(riskLevel(3, 3), 'medium'); // 9
    assert.equal(riskLevel(2, 5), 'high'); // 10
    assert.equal(riskLevel(4, 4), 'high'); // 16
    assert.equal(riskLevel(4, 5), 'critical'); // 20
    assert.equal(riskLevel(5, 5), 'critical'); // 25
  });

  it('is symmetric and covers every product 1–25 with exactly one band', () => {
    for (let l = 1; l <= 5; l++)
      for (let i = 1; i <= 5; i++) {
        assert.equal(riskLevel(l, i), riskLevel(i, l));
        const s = riskScore(l, i);
        assert.equal(
          RISK_MATRIX.bands.filter((b) => b.minScore <= s && s <= b.maxScore).length,
          1,
          `score ${s}`,
        );
      }
  });

  it('says it is ours, not the standard', () => {
    assert.equal(RISK_MATRIX.provenance, 'derived');
    assert.match(RISK_MATRIX.basisZh, /本工具自定/);
  });

  it('refuses values off the scale', () => {
    assert.throws(() => riskLevel(0, 3), RangeError);
    assert.throws(() => riskLevel(3, 6), RangeError);
    assert.throws(() => riskLevel(2.5, 3), RangeError);
  });
});

const risk = (code: string, extra: Partial<TrackedRisk>): TrackedRisk => ({
  code,
  level: 'medium',
  status: 'open',
  area: 'storage',
  dueOn: null,
  ...extra,
});

describe('tracking risks to closure', () => {
  const risks = [
    risk('R-1', { level: 'critical', dueOn: '2026-03-01' }),
    risk('R-2', {
      level: 'high',
      status: 'in_progress',
      dueOn: '2026-02-01',
      area: 'cross_border',
    }),
    risk('R-3', { level: 'high', status: 'closed', dueOn: '2026-01-01' }),
    risk('R-4', { level: 'low', status: 'accepted' }),
    risk('R-5', { level: 'low', dueOn: '2026-03-02' }),
  ];

  it('summarises by level, status and area', () => {
    const s = summariseRisks(risks);
    assert.equal(s.total, 5);
    assert.equal(s.open, 3);
    assert.deepEqual(s.byLevel, { low: 2, medium: 0, high: 2, critical: 1 });
    assert.deepEqual(s.byStatus, { open: 2, in_progress: 1, closed: 1, accepted: 1 });
    assert.deepEqual(s.byArea, { storage: 4, cross_border: 1 });
    assert.equal(s.openHighOrCritical, 2);
  });

  it('lists open risks past their due date, most overdue first; due today is not overdue', () => {
    assert.deepEqual(
      overdueRisks(risks, '2026-03-02').map((r) => r.code),
      ['R-2', 'R-1'],
    );
    assert.deepEqual(overdueRisks(risks, '2026-01-15'), []);
  });
});

describe('required parts of the report (NDS Art. 33 ¶1; DSL Art. 30)', () => {
  const complete: ReportPartsFacts = {
    dataSecurityOfficer: '王强（副院长），010-12345678',
    managementBody: '数据安全管理委员会',
    inventoryResources: 3,
    managementMeasures: '《数据安全管理办法》已发布实施',
    technicalMeasures: '病历库加密存储，每日备份',
    risks: [{ code: 'R-1', hasMeasures: true, status: 'open' }],
    provisionAssessments: null,
    provisionsOnRecord: 1,
    exportSituation: null,
    conclusion: '总体风险可控',
  };

  it('nothing missing when every item is there (item 6 is generated; 5 from provisions)', () => {
    assert.deepEqual(missingReportParts(complete), []);
  });

  it('names each missing item with its path', () => {
    const missing = missingReportParts({
      ...complete,
      dataSecurityOfficer: ' ',
      managementBody: null,
      inventoryResources: 0,
      managementMeasures: null,
      technicalMeasures: '',
      risks: [
        { code: 'R-1', hasMeasures: false, status: 'open' },
        { code: 'R-2', hasMeasures: false, status: 'accepted' },
      ],
      provisionsOnRecord: 0,
      conclusion: null,
    });
    assert.deepEqual(
      missing.map((m) => `${m.part} ${m.path}`),
      [
        'art33-1 profile.dataSecurityOfficer',
        'art33-1 profile.managementBody',
        'art33-2 inventory',
        'art33-3 managementMeasures',
        'art33-3 technicalMeasures',
        'dsl-30-measures risks[0].measures',
        'art33-5 provisionAssessments',
        'conclusion conclusion',
      ],
    );
    assert.ok(missing.every((m) => m.messageZh && m.messageEn));
  });

  it('needs at least one risk', () => {
    assert.deepEqual(
      missingReportParts({ ...complete, risks: [] }).map((m) => m.part),
      ['art33-4'],
    );
  });
});
