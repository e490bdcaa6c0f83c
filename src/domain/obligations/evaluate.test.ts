import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateObligations, OBLIGATION_RULES } from './evaluate';
import { filingCertificateExpiry, MPS_LETTER_1846_DATE } from './rules/mlps';
import type { SystemFacts } from './types';

/** A level-3 hospital system, graded and live, nothing else recorded. */
function his(overrides: Partial<SystemFacts> = {}): SystemFacts {
  return {
    id: 'his',
    name: '医院信息系统',
    types: ['ordinary_system'],
    level: 3,
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
  };
}

const find = (facts: SystemFacts, asOf: string, ruleId: string) =>
  evaluateObligations([facts], asOf).obligations.filter((o) => o.ruleId === ruleId);

describe('mlps.filing', () => {
  it('is due 30 days after the later of grading and going live', () => {
    const [o] = find(his(), '2026-01-10', 'mlps.filing');
    assert.equal(o?.dueDate, '2026-02-04');
    assert.equal(o?.state, 'due_soon');
  });
  it('is overdue the day after the deadline and not before', () => {
    assert.equal(find(his(), '2026-02-04', 'mlps.filing')[0]?.state, 'due_soon');
    assert.equal(find(his(), '2026-02-05', 'mlps.filing')[0]?.state, 'overdue');
  });
  it('counts from going live for a system graded before it goes live', () => {
    const [o] = find(
      his({ gradedOn: '2026-01-05', goLiveOn: '2026-06-01' }),
      '2026-01-10',
      'mlps.filing',
    );
    assert.equal(o?.dueDate, '2026-07-01');
    assert.equal(o?.state, 'upcoming');
  });
  it('does not apply to level 1 and is satisfied by a filing', () => {
    assert.deepEqual(find(his({ level: 1 }), '2026-01-10', 'mlps.filing'), []);
    const filed = his({
      filings: [
        { filedOn: '2026-01-20', certificateNumber: '33010099001-26001', bureau: '某市公安局' },
      ],
    });
    assert.equal(find(filed, '2026-01-25', 'mlps.filing')[0]?.state, 'satisfied');
    // A filing dated after asOf has not happened yet on asOf.
    assert.equal(find(filed, '2026-01-19', 'mlps.filing')[0]?.state, 'due_soon');
  });
  it('reports missing dates instead of guessing', () => {
    const r = evaluateObligations([his({ gradedOn: null })], '2026-01-10');
    assert.equal(r.obligations.find((o) => o.ruleId === 'mlps.filing')?.state, 'undetermined');
    assert.ok(r.missingFacts.some((m) => m.ruleId === 'mlps.filing' && m.fact === 'gradedOn'));
  });
  it('cites CSL Art 21 before 2026 and Art 23 of the amended CSL from 2026-01-01', () => {
    const before = find(his({ gradedOn: '2025-12-01' }), '2025-12-31', 'mlps.filing')[0];
    const after = find(his({ gradedOn: '2025-12-01' }), '2026-01-01', 'mlps.filing')[0];
    assert.ok(
      before?.citations.some((c) => c.instrumentId === 'csl-2016' && c.provisionId === 'art-21'),
    );
    assert.ok(!before?.citations.some((c) => c.instrumentId === 'csl-2025'));
    assert.ok(
      after?.citations.some((c) => c.instrumentId === 'csl-2025' && c.provisionId === 'art-23'),
    );
    assert.ok(!after?.citations.some((c) => c.instrumentId === 'csl-2016'));
  });
});

describe('mlps.expert-review and competent approval', () => {
  it('requires expert review from level 2, not at level 1', () => {
    assert.equal(find(his({ level: 2 }), '2026-01-10', 'mlps.expert-review').length, 1);
    assert.equal(find(his({ level: 1 }), '2026-01-10', 'mlps.expert-review').length, 0);
    assert.equal(
      find(his({ expertReviewOn: '2026-01-08' }), '2026-01-10', 'mlps.expert-review')[0]?.state,
      'satisfied',
    );
  });
  it('requires approval only where a competent department exists, and asks when unknown', () => {
    assert.equal(
      find(his({ hasCompetentAuthority: false }), '2026-01-10', 'mlps.competent-approval').length,
      0,
    );
    assert.equal(
      find(his({ hasCompetentAuthority: true }), '2026-01-10', 'mlps.competent-approval').length,
      1,
    );
    const r = evaluateObligations([his({ hasCompetentAuthority: null })], '2026-01-10');
    assert.ok(r.missingFacts.some((m) => m.fact === 'hasCompetentAuthority'));
  });
});

describe('mlps.periodic-assessment', () => {
  it('level 3 yearly after the last assessment', () => {
    const [o] = find(
      his({ assessments: [{ completedOn: '2025-11-20' }] }),
      '2026-01-10',
      'mlps.periodic-assessment.2025',
    );
    assert.equal(o?.dueDate, '2026-11-20');
    assert.equal(o?.recurrenceMonths, 12);
  });
  it('level 4 half-yearly under the 2007 Measures, yearly from MPS letter 1846', () => {
    const l4 = his({ level: 4, assessments: [{ completedOn: '2024-03-01' }] });
    const before = evaluateObligations([l4], '2025-01-01').obligations.filter((o) =>
      o.ruleId.startsWith('mlps.periodic'),
    );
    assert.deepEqual(
      before.map((o) => [o.ruleId, o.dueDate]),
      [['mlps.periodic-assessment.2007', '2024-09-01']],
    );
    const after = evaluateObligations([l4], MPS_LETTER_1846_DATE).obligations.filter((o) =>
      o.ruleId.startsWith('mlps.periodic'),
    );
    assert.deepEqual(
      after.map((o) => [o.ruleId, o.dueDate]),
      [['mlps.periodic-assessment.2025', '2025-03-01']],
    );
  });
  it('level 5 yearly from the letter (no fixed interval before), level 2 never', () => {
    assert.equal(find(his({ level: 5 }), '2026-01-10', 'mlps.periodic-assessment.2025').length, 1);
    assert.equal(find(his({ level: 5 }), '2024-01-10', 'mlps.periodic-assessment.2007').length, 0);
    assert.equal(
      evaluateObligations([his({ level: 2 })], '2026-01-10').obligations.filter((o) =>
        o.ruleId.startsWith('mlps.periodic'),
      ).length,
      0,
    );
  });
});

describe('filing certificate validity (MPS letter 1846 Q6)', () => {
  it('runs 3 years from 2025-01-01 for older filings', () => {
    assert.equal(filingCertificateExpiry('2022-08-05', []), '2028-01-01');
  });
  it('runs 3 years from a later filing and adds a year per assessment while valid', () => {
    assert.equal(filingCertificateExpiry('2025-06-10', []), '2028-06-10');
    assert.equal(
      filingCertificateExpiry('2025-06-10', [
        { completedOn: '2026-05-01' },
        { completedOn: '2027-05-01' },
      ]),
      '2030-06-10',
    );
    // An assessment after expiry does not revive the certificate.
    assert.equal(
      filingCertificateExpiry('2025-06-10', [{ completedOn: '2028-07-01' }]),
      '2028-06-10',
    );
  });
  it('opens the renewal window 3 months before expiry', () => {
    const filed = his({
      filings: [{ filedOn: '2025-08-01', certificateNumber: null, bureau: null }],
    });
    const [o] = find(filed, '2026-01-10', 'mlps.filing-certificate-renewal');
    assert.equal(o?.dueDate, '2028-08-01');
    assert.equal(o?.windowOpensOn, '2028-05-01');
  });
  it('is not in force before the letter', () => {
    const filed = his({
      filings: [{ filedOn: '2024-08-01', certificateNumber: null, bureau: null }],
    });
    const r = evaluateObligations([filed], '2025-01-10', { trace: true });
    assert.equal(
      r.obligations.filter((o) => o.ruleId === 'mlps.filing-certificate-renewal').length,
      0,
    );
    assert.ok(
      r.trace.some(
        (t) => t.ruleId === 'mlps.filing-certificate-renewal' && t.outcome === 'not_in_force',
      ),
    );
  });
});

describe('crypto.application-assessment', () => {
  it('applies to level 3 from 2023-11-01, not the day before', () => {
    assert.equal(
      find(
        his({ gradedOn: '2023-01-01', goLiveOn: '2023-01-01' }),
        '2023-10-31',
        'crypto.application-assessment',
      ).length,
      0,
    );
    assert.equal(
      find(
        his({ gradedOn: '2023-01-01', goLiveOn: '2023-01-01' }),
        '2023-11-01',
        'crypto.application-assessment',
      ).length,
      1,
    );
  });
  it('applies to CII from 2023-07-01 whatever the level', () => {
    const cii = his({ level: 2, isCii: true, gradedOn: '2023-01-01', goLiveOn: '2023-01-01' });
    assert.equal(find(cii, '2023-06-30', 'crypto.application-assessment').length, 0);
    assert.equal(find(cii, '2023-07-01', 'crypto.application-assessment').length, 1);
  });
  it('is due before going live for a system not yet live, then yearly', () => {
    assert.equal(
      find(his({ goLiveOn: '2026-09-01' }), '2026-01-10', 'crypto.application-assessment')[0]
        ?.dueDate,
      '2026-09-01',
    );
    assert.equal(
      find(
        his({ cryptoAssessments: [{ completedOn: '2025-12-15' }] }),
        '2026-01-10',
        'crypto.application-assessment',
      )[0]?.dueDate,
      '2026-12-15',
    );
  });
  it('gives a system live before the duty one year from the earliest trigger date', () => {
    const liveCii = his({ isCii: true, goLiveOn: '2019-01-01', gradedOn: '2019-01-01' });
    const [o] = find(liveCii, '2024-01-10', 'crypto.application-assessment');
    assert.equal(o?.dueDate, '2024-07-01');
    assert.equal(o?.state, 'upcoming');
    assert.match(o?.reasonZh ?? '', /无密评记录/);
    assert.equal(
      find(
        his({ goLiveOn: '2019-01-01', gradedOn: '2019-01-01' }),
        '2024-01-10',
        'crypto.application-assessment',
      )[0]?.dueDate,
      '2024-11-01',
    );
  });
  it('does not apply to a level-2 ordinary system', () => {
    assert.equal(find(his({ level: 2 }), '2026-01-10', 'crypto.application-assessment').length, 0);
  });
});

describe('CII duties', () => {
  const bank = his({ level: 4, isCii: true, ciiDesignatedOn: '2022-06-30' });
  it('annual testing counted from designation, then from the last test', () => {
    assert.equal(find(bank, '2022-07-01', 'cii.annual-testing')[0]?.dueDate, '2023-06-30');
    assert.equal(
      find(
        { ...bank, ciiRiskAssessments: [{ completedOn: '2025-10-01' }] },
        '2026-01-10',
        'cii.annual-testing',
      )[0]?.dueDate,
      '2026-10-01',
    );
  });
  it('incident reporting within 1 hour from 2025-11-01; the 2021 rule before', () => {
    assert.equal(find(bank, '2025-11-01', 'cii.incident-reporting')[0]?.eventDeadline, 'PT1H');
    assert.equal(find(bank, '2025-10-31', 'cii.incident-reporting').length, 0);
    assert.equal(find(bank, '2025-10-31', 'cii.incident-reporting.2021')[0]?.state, 'standing');
  });
  it('security organisation overdue from designation until recorded', () => {
    assert.equal(find(bank, '2026-01-10', 'cii.security-organisation')[0]?.state, 'overdue');
    assert.equal(
      find(
        { ...bank, ciiSecurityOrganisationOn: '2022-09-01' },
        '2026-01-10',
        'cii.security-organisation',
      )[0]?.state,
      'satisfied',
    );
  });
  it('asks whether a system is CII when unknown', () => {
    const r = evaluateObligations([his({ isCii: null })], '2026-01-10');
    assert.ok(r.missingFacts.some((m) => m.fact === 'isCii' && m.ruleId === 'cii.annual-testing'));
  });
});

describe('rule registry', () => {
  it('has unique ids and ordered effective dates', () => {
    const ids = OBLIGATION_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of OBLIGATION_RULES) {
      if (r.effectiveTo) assert.ok(r.effectiveFrom <= r.effectiveTo, r.id);
      assert.ok(r.citations.length > 0, `${r.id} cites nothing`);
    }
  });
  it('is pure: same input, same output', () => {
    const a = evaluateObligations([his()], '2026-01-10');
    const b = evaluateObligations([his()], '2026-01-10');
    assert.deepEqual(a, b);
  });
});
