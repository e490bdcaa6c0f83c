import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findProvision, loadKnowledgeBase } from '../../catalogs/knowledge-base';
import { gradingWarnings } from '../mlps/grading-warnings';
import { evaluateObligations, OBLIGATION_RULES } from './evaluate';
import { CII_RULES, cslArticle } from './rules/cii';
import type { Obligation, ObligationState, SystemFacts } from './types';

/** A designated level-4 core banking system, nothing else recorded. */
function coreBanking(overrides: Partial<SystemFacts> = {}): SystemFacts {
  return {
    id: 'core-banking',
    name: '核心银行系统',
    types: ['ordinary_system'],
    level: 4,
    gradedOn: '2021-03-01',
    goLiveOn: '2019-05-01',
    isCii: true,
    ciiDesignatedOn: '2022-06-30',
    isNationalEgov: false,
    hasCompetentAuthority: true,
    expertReviewOn: null,
    competentApprovalOn: null,
    filings: [],
    assessments: [],
    cryptoAssessments: [],
    ciiRiskAssessments: [],
    ciiSecurityOrganisationOn: null,
    ...overrides,
  };
}

/** A level-3 hospital system that is not CII. */
const hospital = coreBanking({
  id: 'his',
  name: '医院信息系统',
  level: 3,
  isCii: false,
  ciiDesignatedOn: null,
  hasCompetentAuthority: false,
});

/** The last day of the 2016 CSL text and the first day of the amended law. */
const BEFORE = '2025-12-31';
const AFTER = '2026-01-01';

const cited = (o: Obligation | undefined): string[] =>
  (o?.citations ?? []).map((c) => `${c.instrumentId}:${c.provisionId ?? ''}`).sort();

const only = (facts: SystemFacts, asOf: string, ruleId: string): Obligation => {
  const found = evaluateObligations([facts], asOf).obligations.filter((o) => o.ruleId === ruleId);
  assert.equal(found.length, 1, `${ruleId} on ${asOf}: ${found.length} obligations`);
  return found[0] as Obligation;
};

interface Expected {
  readonly id: string;
  readonly state: ObligationState;
  readonly eventDeadline: string | null;
  /** Citations other than the CSL, the same on both sides of 2026-01-01. */
  readonly common: readonly string[];
  /** CSL articles: [2016 number, amended number]. */
  readonly csl: readonly (readonly [number, number])[];
}

/** Every duty a CII carries in 2025/2026, with its citations on each side of the CSL amendment. */
const DUTIES: readonly Expected[] = [
  {
    id: 'cii.annual-testing',
    state: 'overdue',
    eventDeadline: null,
    common: ['cii-regulations-2021:art-17'],
    csl: [[38, 40]],
  },
  {
    id: 'cii.security-organisation',
    state: 'overdue',
    eventDeadline: null,
    common: [
      'cii-regulations-2021:art-14',
      'cii-regulations-2021:art-15',
      'cii-regulations-2021:art-16',
    ],
    csl: [[34, 36]],
  },
  {
    id: 'cii.background-checks',
    state: 'standing',
    eventDeadline: 'BEFORE_APPOINTMENT',
    common: ['cii-regulations-2021:art-14'],
    csl: [[34, 36]],
  },
  {
    id: 'cii.security-training',
    state: 'standing',
    eventDeadline: null,
    common: ['cii-regulations-2021:art-15'],
    csl: [[34, 36]],
  },
  {
    id: 'cii.backup-and-drills',
    state: 'standing',
    eventDeadline: null,
    common: ['cii-regulations-2021:art-15'],
    csl: [
      [34, 36],
      [25, 27],
    ],
  },
  {
    id: 'cii.incident-reporting',
    state: 'standing',
    eventDeadline: 'PT1H',
    common: ['cac-incident-reporting-2025:art-4', 'cii-regulations-2021:art-18'],
    csl: [[25, 27]],
  },
  {
    id: 'cii.major-change-report',
    state: 'standing',
    eventDeadline: 'ASAP',
    common: ['cii-regulations-2021:art-11'],
    csl: [],
  },
  {
    id: 'cii.reorganisation-report',
    state: 'standing',
    eventDeadline: 'ASAP',
    common: ['cii-regulations-2021:art-21'],
    csl: [],
  },
  {
    id: 'cii.cybersecurity-review',
    state: 'standing',
    eventDeadline: 'BEFORE_PROCUREMENT',
    common: [
      'cac-cybersecurity-review-2021:art-2',
      'cac-cybersecurity-review-2021:art-5',
      'cii-regulations-2021:art-19',
    ],
    csl: [[35, 37]],
  },
  {
    id: 'cii.supplier-agreement',
    state: 'standing',
    eventDeadline: 'ON_PROCUREMENT',
    common: ['cii-regulations-2021:art-20'],
    csl: [[36, 38]],
  },
  {
    id: 'cii.data-localisation',
    state: 'standing',
    eventDeadline: 'BEFORE_TRANSFER',
    common: ['cac-data-export-assessment-2022:art-4'],
    csl: [[37, 39]],
  },
  {
    id: 'cii.commercial-crypto',
    state: 'standing',
    eventDeadline: null,
    common: [
      'cca-regulations-2023:art-38',
      'cca-regulations-2023:art-39',
      'crypto-law-2019:art-27',
    ],
    csl: [],
  },
];

describe('CII duties with citations on both sides of the CSL amendment', () => {
  for (const duty of DUTIES) {
    it(`${duty.id}: CSL 2016 until ${BEFORE}, the amended CSL from ${AFTER}`, () => {
      for (const [asOf, version] of [
        [BEFORE, 0],
        [AFTER, 1],
      ] as const) {
        const o = only(coreBanking(), asOf, duty.id);
        const law = version === 0 ? 'csl-2016' : 'csl-2025';
        const expected = [
          ...duty.common,
          ...duty.csl.map((numbers) => `${law}:art-${numbers[version]}`),
        ].sort();
        assert.deepEqual(cited(o), expected, `${duty.id} on ${asOf}`);
        assert.equal(o.state, duty.state, `${duty.id} on ${asOf}`);
        assert.equal(o.eventDeadline, duty.eventDeadline, `${duty.id} on ${asOf}`);
        assert.ok(o.reasonZh.length > 0 && o.reasonEn.length > 0);
      }
    });
  }

  it('lists every CII rule in force in 2026 (no duty left out of the table above)', () => {
    const inForce = evaluateObligations([coreBanking()], AFTER)
      .obligations.map((o) => o.ruleId)
      .filter((id) => id.startsWith('cii.'))
      .sort();
    assert.deepEqual(inForce, DUTIES.map((d) => d.id).sort());
  });

  it('cites the Review Measures from 2022-02-15 and the export Measures from 2022-09-01', () => {
    const review = (asOf: string) => cited(only(coreBanking(), asOf, 'cii.cybersecurity-review'));
    assert.ok(!review('2022-02-14').some((c) => c.startsWith('cac-cybersecurity-review-2021')));
    assert.ok(review('2022-02-15').includes('cac-cybersecurity-review-2021:art-2'));
    const exportDuty = (asOf: string) => cited(only(coreBanking(), asOf, 'cii.data-localisation'));
    assert.deepEqual(exportDuty('2022-08-31'), ['csl-2016:art-37']);
    assert.deepEqual(exportDuty('2022-09-01'), [
      'cac-data-export-assessment-2022:art-4',
      'csl-2016:art-37',
    ]);
  });

  it('cites the 2023 crypto Regulations from 2023-07-01 only', () => {
    assert.deepEqual(cited(only(coreBanking(), '2023-06-30', 'cii.commercial-crypto')), [
      'crypto-law-2019:art-27',
    ]);
    assert.equal(cited(only(coreBanking(), '2023-07-01', 'cii.commercial-crypto')).length, 3);
  });

  it('starts with the CII Regulations on 2021-09-01', () => {
    const r = evaluateObligations([coreBanking()], '2021-08-31', { trace: true });
    assert.deepEqual(
      r.obligations.filter((o) => o.ruleId.startsWith('cii.')),
      [],
    );
    assert.ok(
      r.trace.some((t) => t.ruleId === 'cii.cybersecurity-review' && t.outcome === 'not_in_force'),
    );
    assert.equal(only(coreBanking(), '2021-09-01', 'cii.data-localisation').state, 'standing');
  });
});

describe('CII duties apply to designated CII only', () => {
  it('a non-CII system gets none of them, before or after 2026-01-01', () => {
    for (const asOf of ['2022-01-10', BEFORE, AFTER]) {
      const r = evaluateObligations([hospital], asOf);
      assert.deepEqual(
        r.obligations.filter((o) => o.ruleId.startsWith('cii.')).map((o) => o.ruleId),
        [],
        asOf,
      );
      assert.deepEqual(
        r.missingFacts.filter((m) => m.ruleId.startsWith('cii.')),
        [],
        asOf,
      );
    }
  });

  it('an unknown designation is asked for by every CII duty instead of guessed', () => {
    const r = evaluateObligations([coreBanking({ isCii: null })], AFTER);
    assert.deepEqual(
      r.obligations.filter((o) => o.ruleId.startsWith('cii.')),
      [],
    );
    const asking = r.missingFacts
      .filter((m) => m.fact === 'isCii' && m.ruleId.startsWith('cii.'))
      .map((m) => m.ruleId)
      .sort();
    assert.deepEqual(asking, DUTIES.map((d) => d.id).sort());
  });

  it('the same facts give the same obligations for two CII systems (shared outcomes are not mutated)', () => {
    const a = coreBanking();
    const b = coreBanking({ id: 'payments', name: '支付系统' });
    const r = evaluateObligations([a, b], AFTER);
    const of = (id: string) =>
      r.obligations
        .filter((o) => o.systemId === id && o.ruleId.startsWith('cii.'))
        .map(({ systemId: _systemId, ...rest }) => rest);
    assert.deepEqual(of('core-banking'), of('payments'));
  });
});

describe('CII graded below level 3', () => {
  it('raises the CII_BELOW_LEVEL_3 grading warning at level 2, not at level 3 or for non-CII', () => {
    const warn = (level: 1 | 2 | 3, isCii: boolean) =>
      gradingWarnings({ types: ['ordinary_system'], level, isCii, carriedLevels: [] }).map((w) => [
        w.code,
        w.expectedAtLeast,
      ]);
    assert.deepEqual(warn(2, true), [['CII_BELOW_LEVEL_3', 3]]);
    assert.deepEqual(warn(1, true), [['CII_BELOW_LEVEL_3', 3]]);
    assert.deepEqual(warn(3, true), []);
    assert.deepEqual(warn(2, false), []);
  });

  it('does not lift the CII duties: a level-2 CII still carries every one', () => {
    const ids = evaluateObligations([coreBanking({ level: 2 })], AFTER)
      .obligations.map((o) => o.ruleId)
      .filter((id) => id.startsWith('cii.'))
      .sort();
    assert.deepEqual(ids, DUTIES.map((d) => d.id).sort());
  });
});

describe('crypto.application-assessment for CII', () => {
  it('cites Cryptography Law Art 27 and the 2023 Regulations Art 38 for a level-2 CII', () => {
    const o = only(coreBanking({ level: 2 }), '2023-08-01', 'crypto.application-assessment');
    assert.deepEqual(cited(o), ['cca-regulations-2023:art-38', 'crypto-law-2019:art-27']);
  });
  it('adds OSCCA Order No. 3 once a level-3 CII is also caught by it', () => {
    const o = only(coreBanking({ level: 3 }), '2023-11-01', 'crypto.application-assessment');
    assert.ok(cited(o).includes('crypto-law-2019:art-27'));
    assert.ok(cited(o).includes('oscca-order-3-2023:art-6'));
  });
});

describe('CSL citations split at 2026-01-01', () => {
  it('every rule citing a CSL 2016 article cites the amended number, windows abutting', () => {
    for (const rule of OBLIGATION_RULES) {
      const old = rule.citations.filter((c) => c.instrumentId === 'csl-2016');
      const amended = rule.citations.filter((c) => c.instrumentId === 'csl-2025');
      assert.equal(old.length, amended.length, rule.id);
      for (const c of old) {
        assert.equal(c.inForceTo, '2025-12-31', rule.id);
        const n = Number(c.provisionId?.replace('art-', ''));
        const twin = amended.find((d) => d.provisionId === `art-${n + 2}`);
        assert.ok(twin, `${rule.id}: csl-2016 art-${n} has no csl-2025 art-${n + 2}`);
        assert.equal(twin.inForceFrom, '2026-01-01', rule.id);
      }
    }
  });

  it('cslArticle shifts by two and refuses articles outside the shifted range', () => {
    assert.deepEqual(
      cslArticle(35).map((c) => [c.instrumentId, c.provisionId, c.inForceFrom, c.inForceTo]),
      [
        ['csl-2016', 'art-35', '2017-06-01', '2025-12-31'],
        ['csl-2025', 'art-37', '2026-01-01', undefined],
      ],
    );
    assert.throws(() => cslArticle(18), RangeError);
    assert.throws(() => cslArticle(80), RangeError);
  });
});

describe('knowledge base behind the CII duties', () => {
  const result = loadKnowledgeBase();
  assert.ok(result.ok);
  const kb = result.kb;

  it('holds CSL 2025 Art 37 as derived, like its shifted siblings', () => {
    const p = findProvision(kb, { instrumentId: 'csl-2025', provisionId: 'art-37' });
    assert.equal(p?.verification.status, 'derived');
  });

  it('dates the Review Measures and the export Measures', () => {
    const review = kb.instruments.find((i) => i.id === 'cac-cybersecurity-review-2021');
    assert.equal(review?.effectiveFrom, '2022-02-15');
    assert.match(review?.documentNumber ?? '', /第8号/);
    const exports = kb.instruments.find((i) => i.id === 'cac-data-export-assessment-2022');
    assert.equal(exports?.effectiveFrom, '2022-09-01');
    assert.equal(exports?.documentNumber, '国家互联网信息办公室令第11号');
    assert.equal(
      findProvision(kb, { instrumentId: 'cac-data-export-assessment-2022', provisionId: 'art-4' })
        ?.verification.status,
      'confirmed',
    );
  });

  it('every CII rule cites only provisions it holds', () => {
    for (const rule of CII_RULES)
      for (const c of rule.citations)
        assert.ok(findProvision(kb, c), `${rule.id}: ${c.instrumentId} ${c.provisionId}`);
  });
});
