import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedMlpsCatalog } from '../../../catalogs/mlps-catalog';
import { deriveFindings, suggestRisk } from './findings';
import { itemOutcomes, policyFor, scoreAssessment, type ScoringInput } from './scoring';
import type { BaselineRequirement, ItemResult, ResultRecord, TestObject } from './types';

/** `n` CES requirements tested on one server, with the given results in order. */
function input(
  results: readonly ItemResult[],
  extra: Partial<ScoringInput> = {},
  weights?: readonly number[],
): ScoringInput {
  const requirements: BaselineRequirement[] = results.map((_, i) => ({
    id: `8.1.4.${i + 1}-a`,
    category: 'CES',
    controlPointId: `8.1.4.${i + 1}`,
    weight: weights?.[i],
  }));
  const objects: TestObject[] = [
    { id: 'srv', name: '数据库服务器', kind: 'server', controlPoints: null },
  ];
  return {
    requirements,
    objects,
    results: results.map((result, i) => ({
      requirementId: requirements[i]!.id,
      objectId: 'srv',
      result,
    })),
    problems: [],
    majorRisks: [],
    reportDate: '2026-05-10',
    ...extra,
  };
}

const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('policy by report date (公网安〔2025〕1846号 Q21)', () => {
  it('reports dated from 2025-03-20 use the 2025 template', () => {
    assert.equal(policyFor('2025-03-19'), 'T2021');
    assert.equal(policyFor('2025-03-20'), 'T2025');
    assert.equal(
      scoreAssessment(input(['compliant'], { reportDate: '2024-12-01' })).policy,
      'T2021',
    );
  });
});

describe('2025 template: compliance rate and conclusion', () => {
  it('exactly 90 % is 符合 with inclusive boundaries (default), 基本符合 without', () => {
    const rows = [...times(9, 'compliant' as const), 'non_compliant' as const];
    const score = scoreAssessment(input(rows));
    assert.equal(score.value, 90);
    assert.equal(score.conclusion, 'compliant');
    assert.equal(score.onBoundary, true);
    const strict = scoreAssessment(input(rows), { t2025: { inclusiveBoundaries: false } });
    assert.equal(strict.conclusion, 'basically_compliant');
  });

  it('exactly 60 % is 基本符合 inclusive, 不符合 strict; below 60 % is 不符合', () => {
    const rows = [...times(6, 'compliant' as const), ...times(4, 'non_compliant' as const)];
    assert.equal(scoreAssessment(input(rows)).conclusion, 'basically_compliant');
    assert.equal(
      scoreAssessment(input(rows), { t2025: { inclusiveBoundaries: false } }).conclusion,
      'non_compliant',
    );
    const below = [...times(59, 'compliant' as const), ...times(41, 'non_compliant' as const)];
    const score = scoreAssessment(input(below));
    assert.equal(score.value, 59);
    assert.equal(score.conclusion, 'non_compliant');
  });

  it('不适用 is left out of the denominator', () => {
    const rows = [...times(9, 'compliant' as const), ...times(5, 'not_applicable' as const)];
    const score = scoreAssessment(input([...rows, 'non_compliant']));
    assert.equal(score.counts.applicable, 10);
    assert.equal(score.counts.notApplicable, 5);
    assert.equal(score.value, 90);
  });

  it('部分符合 counts 0 in the count formula and half in the weighted one', () => {
    const rows = [...times(8, 'compliant' as const), 'partial' as const, 'partial' as const];
    assert.equal(scoreAssessment(input(rows)).value, 80);
    assert.equal(scoreAssessment(input(rows), { t2025: { rateFormula: 'weighted' } }).value, 90);
  });

  it('a 重大风险隐患 bars 符合 at 95 % (基本符合); a rectified one does not by default', () => {
    const rows = [...times(19, 'compliant' as const), 'non_compliant' as const];
    const open = scoreAssessment(input(rows, { majorRisks: [{ rectified: false }] }));
    assert.equal(open.value, 95);
    assert.equal(open.conclusion, 'basically_compliant');
    assert.match(open.reasons[0]!.zh, /重大风险隐患/);
    const fixed = scoreAssessment(
      input(rows, { majorRisks: [{ rectified: true }, { rectified: false }] }),
    );
    assert.equal(fixed.majorRiskLabel, '2（1个已整改）');
    const allFixed = scoreAssessment(input(rows, { majorRisks: [{ rectified: true }] }));
    assert.equal(allFixed.conclusion, 'compliant');
    assert.equal(
      scoreAssessment(input(rows, { majorRisks: [{ rectified: true }] }), {
        t2025: { rectifiedMajorRiskBars: true },
      }).conclusion,
      'basically_compliant',
    );
  });

  it('an open high-risk problem keeps 95 % from 符合 until judged; closed, or by parameter, it does not', () => {
    const rows = [...times(19, 'compliant' as const), 'non_compliant' as const];
    const open = scoreAssessment(input(rows, { problems: [{ risk: 'high', closed: false }] }));
    assert.equal(open.value, 95);
    assert.equal(open.conclusion, 'basically_compliant');
    assert.match(open.reasons[0]?.zh ?? '', /高风险问题，可能构成重大风险隐患/);
    const closed = scoreAssessment(input(rows, { problems: [{ risk: 'high', closed: true }] }));
    assert.equal(closed.conclusion, 'compliant');
    const lenient = scoreAssessment(input(rows, { problems: [{ risk: 'high', closed: false }] }), {
      t2025: { openHighRiskBars: false },
    });
    assert.equal(lenient.conclusion, 'compliant');
    // Below 90 % the high risk changes nothing (基本符合 is independent of it, Q20).
    const low = [...times(15, 'compliant' as const), ...times(5, 'non_compliant' as const)];
    assert.equal(
      scoreAssessment(input(low, { problems: [{ risk: 'high', closed: false }] })).conclusion,
      'basically_compliant',
    );
  });

  it('unanswered rows make the figure provisional, and the headline says so with the coverage', () => {
    const base = input(['compliant', 'compliant']);
    const score = scoreAssessment({ ...base, results: base.results.slice(0, 1) });
    assert.equal(score.counts.unanswered, 1);
    assert.equal(score.provisional, true);
    assert.equal(score.headline.zh, '暂定：符合 100%（已测 1/2 项）');
    assert.match(score.reasons.at(-1)?.zh ?? '', /暂定结论：已测 1\/2 项/);
    assert.equal(scoreAssessment(base).headline.zh, '符合 100%');
  });
});

describe('2021 template: composite score and rating', () => {
  const old = { reportDate: '2024-06-01' };

  it('score 95 with an unrectified high-risk problem is 差; once closed it is 优', () => {
    const rows = [...times(19, 'compliant' as const), 'non_compliant' as const];
    const open = scoreAssessment(
      input(rows, { ...old, problems: [{ risk: 'high', closed: false }] }),
    );
    assert.equal(open.value, 95);
    assert.equal(open.conclusion, 'poor');
    const closed = scoreAssessment(
      input(rows, { ...old, problems: [{ risk: 'high', closed: true }] }),
    );
    assert.equal(closed.conclusion, 'excellent');
  });

  it('优 needs no open medium risk; bands are inclusive at 90 / 80 / 70', () => {
    const at = (compliant: number, problems: ScoringInput['problems'] = []) =>
      scoreAssessment(
        input(
          [
            ...times(compliant, 'compliant' as const),
            ...times(100 - compliant, 'non_compliant' as const),
          ],
          {
            ...old,
            problems,
          },
        ),
      );
    assert.equal(at(90).conclusion, 'excellent');
    assert.equal(at(90, [{ risk: 'medium', closed: false }]).conclusion, 'good');
    assert.equal(at(80).conclusion, 'good');
    assert.equal(at(79).conclusion, 'fair');
    assert.equal(at(70).conclusion, 'fair');
    assert.equal(at(69).conclusion, 'poor');
  });

  it('weights items and averages layers; 部分符合 scores half; 不适用 is excluded', () => {
    const rows: ItemResult[] = ['compliant', 'partial', 'not_applicable'];
    const score = scoreAssessment(input(rows, old, [1, 0.4, 1]));
    // (1×1 + 0.4×0.5) / 1.4 = 85.71
    assert.equal(score.value, 85.71);
    assert.equal(score.counts.applicable, 2);
  });
});

describe('item outcomes over test objects', () => {
  it('merges per-object results: all N/A → N/A, mixed → partial, missing → unanswered', () => {
    const objects: TestObject[] = [
      { id: 'db', name: 'Oracle', kind: 'database', controlPoints: null },
      { id: 'os', name: 'Linux', kind: 'server', controlPoints: null },
      { id: 'room', name: '主机房', kind: 'machine_room', controlPoints: null },
    ];
    const requirements: BaselineRequirement[] = [
      { id: 'a', category: 'CES', controlPointId: 'x' },
      { id: 'b', category: 'CES', controlPointId: 'x' },
      { id: 'c', category: 'CES', controlPointId: 'x' },
      { id: 'p', category: 'PES', controlPointId: 'y' },
    ];
    const results: ResultRecord[] = [
      { requirementId: 'a', objectId: 'db', result: 'not_applicable' },
      { requirementId: 'a', objectId: 'os', result: 'not_applicable' },
      { requirementId: 'b', objectId: 'db', result: 'compliant' },
      { requirementId: 'b', objectId: 'os', result: 'non_compliant' },
      { requirementId: 'c', objectId: 'db', result: 'compliant' },
      { requirementId: 'p', objectId: 'room', result: 'compliant' },
    ];
    const outcomes = itemOutcomes({ requirements, objects, results });
    assert.deepEqual(
      outcomes.map((o) => [o.requirementId, o.result, o.objectIds.length]),
      [
        ['a', 'not_applicable', 2],
        ['b', 'partial', 2],
        ['c', 'unanswered', 2],
        ['p', 'compliant', 1],
      ],
    );
    assert.deepEqual(deriveFindings(requirements, objects, results), [
      {
        requirementId: 'b',
        result: 'non_compliant',
        objectIds: ['os'],
        objects: [
          { objectId: 'db', result: 'compliant' },
          { objectId: 'os', result: 'non_compliant' },
        ],
      },
    ]);
  });

  it('a finding exists from the first failing object, before the other objects are answered', () => {
    const objects: TestObject[] = ['a', 'b', 'c'].map((id) => ({
      id,
      name: id,
      kind: 'server',
      controlPoints: null,
    }));
    const requirements: BaselineRequirement[] = [
      { id: '8.1.4.1-d', category: 'CES', controlPointId: '8.1.4.1' },
    ];
    const results: ResultRecord[] = [
      { requirementId: '8.1.4.1-d', objectId: 'b', result: 'partial' },
    ];
    assert.equal(itemOutcomes({ requirements, objects, results })[0]?.result, 'unanswered');
    const [finding] = deriveFindings(requirements, objects, results);
    assert.equal(finding?.result, 'partial');
    assert.deepEqual(finding?.objects, [
      { objectId: 'a', result: null },
      { objectId: 'b', result: 'partial' },
      { objectId: 'c', result: null },
    ]);
  });

  it('an object with its own control points answers only those; whole-network kinds carry their category', () => {
    const objects: TestObject[] = [
      { id: 'net', name: '安全通信网络', kind: 'network', controlPoints: null },
      { id: 'sw', name: '核心交换机', kind: 'network_device', controlPoints: null },
      { id: 'data', name: '重要个人信息', kind: 'data', controlPoints: null },
      { id: 'fw', name: '防火墙', kind: 'security_device', controlPoints: ['8.1.4.1'] },
    ];
    const requirements: BaselineRequirement[] = [
      { id: '8.1.2.2-a', category: 'CNS', controlPointId: '8.1.2.2' },
      { id: '8.1.4.1-a', category: 'CES', controlPointId: '8.1.4.1' },
      { id: '8.1.4.8-a', category: 'CES', controlPointId: '8.1.4.8' },
    ];
    const covering = itemOutcomes({ requirements, objects, results: [] }).map((o) => [
      o.requirementId,
      o.objectIds,
    ]);
    assert.deepEqual(covering, [
      ['8.1.2.2-a', ['net']],
      ['8.1.4.1-a', ['sw', 'fw']],
      ['8.1.4.8-a', ['sw', 'data']],
    ]);
  });
});

describe('risk suggestion from the high-risk guide', () => {
  const catalog = shippedMlpsCatalog();
  const cases = catalog.highRiskCasesByRequirement.get('8.1.4.1-d') ?? [];

  it('a recorded symptom of case 6.4.1.3 suggests high; a recorded mitigation lowers it to medium', () => {
    assert.ok(cases.some((c) => c.id === '6.4.1.3'));
    const high = suggestRisk({ result: 'non_compliant' }, 3, cases, [
      { caseId: '6.4.1.3', symptoms: [0], mitigations: [] },
    ]);
    assert.equal(high.risk, 'high');
    assert.equal(high.caseId, '6.4.1.3');
    const lowered = suggestRisk({ result: 'non_compliant' }, 3, cases, [
      { caseId: '6.4.1.3', symptoms: [0], mitigations: [1] },
    ]);
    assert.equal(lowered.risk, 'medium');
  });

  it('a case that applies from level 3 does not fire at level 2; without symptoms the result decides', () => {
    assert.equal(
      suggestRisk({ result: 'non_compliant' }, 2, cases, [
        { caseId: '6.4.1.3', symptoms: [0], mitigations: [] },
      ]).risk,
      'medium',
    );
    assert.equal(suggestRisk({ result: 'partial' }, 3, cases, []).risk, 'low');
  });

  it('the failure itself is the symptom for default or weak passwords and clear-text storage', () => {
    for (const [requirement, caseId] of [
      ['8.1.4.1-a', '6.4.1.1'],
      ['8.1.4.2-b', '6.4.2.1'],
      ['8.1.4.8-b', '6.4.5.2'],
      ['8.1.4.4-e', '6.4.3.2'],
    ] as const) {
      const linked = catalog.highRiskCasesByRequirement.get(requirement) ?? [];
      const failed = suggestRisk({ result: 'non_compliant' }, 3, linked, []);
      assert.equal(failed.risk, 'high', requirement);
      assert.equal(failed.caseId, caseId);
      // 部分符合 is not the failure the case describes; the assessor ticks a symptom if it is.
      assert.equal(suggestRisk({ result: 'partial' }, 3, linked, []).risk, 'low');
    }
    // 6.4.5.2 applies from level 3 only.
    const storage = catalog.highRiskCasesByRequirement.get('8.1.4.8-b') ?? [];
    assert.equal(suggestRisk({ result: 'non_compliant' }, 2, storage, []).risk, 'medium');
    // Multi-factor authentication depends on how the object is reached: no automatic high.
    assert.equal(suggestRisk({ result: 'non_compliant' }, 3, cases, []).risk, 'medium');
  });

  it('a case with no mitigation stays high even if the assessor ticks one', () => {
    const noMitigation = catalog.highRiskCases.find((c) => c.mitigations.length === 0)!;
    const risk = suggestRisk(
      { result: 'non_compliant' },
      4,
      [noMitigation],
      [{ caseId: noMitigation.id, symptoms: [0], mitigations: [0] }],
    );
    assert.equal(risk.risk, 'high');
  });
});
