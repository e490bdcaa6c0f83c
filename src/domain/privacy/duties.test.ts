import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import { assertCitationsExist, loadKnowledgeBase } from '../../catalogs/knowledge-base';
import { penaltiesById, penaltyInForce } from '../../catalogs/penalties';
import { NDS_REGULATIONS, PI_COMPLIANCE_AUDIT_2025, PIPL } from './citations';
import { crossBorderPaths } from './cross-border';
import {
  PI_OFFICER_THRESHOLD,
  PI_OFFICER_THRESHOLD_PROVENANCE,
  privacyDuties,
  requiredConsents,
  type PrivacyDutyOrganisationFacts,
} from './duties';
import type { OutboundTransferFacts, PrivacyDuty, ProcessingActivityFacts } from './types';

const calendar = shippedHolidayCalendar();
const PLAIN = { sensitive: false, minorsUnder14: false };
const SMALL: PrivacyDutyOrganisationFacts = { isCiiOperator: false, totalIndividuals: 5_000 };

function activity(over: Partial<ProcessingActivityFacts> = {}): ProcessingActivityFacts {
  return {
    id: 'a1',
    code: 'PA-001',
    name: '会员管理',
    legalBases: ['consent'],
    dataCategories: ['name', 'mobile_number'],
    individuals: 5_000,
    sensitiveIndividuals: 0,
    minorsUnder14: 0,
    recipients: [],
    consents: [],
    automatedDecisionMaking: false,
    publicDisclosure: false,
    publicCameraImages: false,
    otherMajorImpact: null,
    faceRecognition: null,
    pipiaApprovedOn: [],
    ...over,
  };
}

function run(
  org: PrivacyDutyOrganisationFacts,
  activities: readonly ProcessingActivityFacts[],
  asOf: string,
  classify = () => PLAIN,
  transfers: readonly OutboundTransferFacts[] = [],
): PrivacyDuty[] {
  return privacyDuties(org, activities, transfers, asOf, { calendar, classify });
}
const find = (duties: readonly PrivacyDuty[], rule: string) =>
  duties.find((d) => d.ruleId === rule);
const rules = (duties: readonly PrivacyDuty[]) => duties.map((d) => d.ruleId);

describe('privacyDuties: dates', () => {
  it('nothing before PIPL took effect (2021-11-01)', () => {
    assert.deepEqual(run(SMALL, [activity({ automatedDecisionMaking: true })], '2021-10-31'), []);
    assert.ok(run(SMALL, [activity({ automatedDecisionMaking: true })], '2021-11-01').length > 0);
  });
});

describe('privacyDuties: PIPIA (PIPL Arts. 55, 56)', () => {
  it('Art. 55: triggered and none approved → open (before processing; the activity is registered)', () => {
    const d = find(
      run(SMALL, [activity({ automatedDecisionMaking: true })], '2026-03-02'),
      'privacy.pipia',
    );
    assert.equal(d?.state, 'open');
    assert.equal(d?.dueDate, null);
    assert.deepEqual(d?.subject, { kind: 'activity', id: 'a1', name: '会员管理' });
    assert.deepEqual(d?.citations.slice(0, 2), [PIPL.pipiaTriggers, PIPL.pipiaContentAndRetention]);
    assert.deepEqual(d?.penaltyIds, ['pipl-66-1']);
    assert.match(d?.reasonZh ?? '', /自动化决策/);
  });

  it('Art. 56: approved → satisfied, report kept at least three years (to the day)', () => {
    const a = activity({ automatedDecisionMaking: true, pipiaApprovedOn: ['2025-06-30'] });
    const d = find(run(SMALL, [a], '2026-03-02'), 'privacy.pipia');
    assert.equal(d?.state, 'satisfied');
    assert.match(d?.reasonZh ?? '', /2028-06-30/);
  });

  it('an approval dated after as-of does not count yet', () => {
    const a = activity({ automatedDecisionMaking: true, pipiaApprovedOn: ['2026-04-01'] });
    assert.equal(find(run(SMALL, [a], '2026-03-02'), 'privacy.pipia')?.state, 'open');
  });

  it('no trigger → no PIPIA duty', () => {
    assert.equal(find(run(SMALL, [activity()], '2026-03-02'), 'privacy.pipia'), undefined);
  });
});

describe('privacyDuties: separate consent (PIPL Arts. 23, 25, 26, 29, 31, 39)', () => {
  it('Art. 13 ¶2: an activity not relying on consent needs none', () => {
    const a = activity({
      legalBases: ['contract_or_hr'],
      publicDisclosure: true,
      recipients: [{ relationship: 'other_handler', country: 'US' }],
    });
    assert.deepEqual(requiredConsents(a, { sensitive: true, minorsUnder14: true }), []);
  });

  it('Art. 23: another or joint handler in the mainland; an entrusted processor needs none', () => {
    const cases = (relationship: 'other_handler' | 'joint_handler' | 'entrusted_processor') =>
      requiredConsents(activity({ recipients: [{ relationship, country: 'CN' }] }), PLAIN).map(
        (c) => c.case,
      );
    assert.deepEqual(cases('other_handler'), ['art23_provision']);
    assert.deepEqual(cases('joint_handler'), ['art23_provision']);
    assert.deepEqual(cases('entrusted_processor'), []);
  });

  it('Art. 39: every recipient abroad, entrusted processors included (and not Art. 23 as well)', () => {
    const cases = requiredConsents(
      activity({
        recipients: [
          { relationship: 'entrusted_processor', country: 'SG' },
          { relationship: 'other_handler', country: 'US' },
        ],
      }),
      PLAIN,
    ).map((c) => c.case);
    assert.deepEqual(cases, ['art39_abroad']);
  });

  it('Art. 25 public disclosure, Art. 26 public cameras, Art. 29 sensitive, Art. 31 minors', () => {
    const cases = requiredConsents(
      activity({ publicDisclosure: true, publicCameraImages: true, minorsUnder14: 2 }),
      { sensitive: true, minorsUnder14: false },
    ).map((c) => c.case);
    assert.deepEqual(cases, [
      'art25_disclosure',
      'art26_public_camera',
      'art29_sensitive',
      'art31_guardian',
    ]);
  });

  it('open when not recorded, satisfied when recorded, each citing its article and Art. 13', () => {
    const a = activity({ publicDisclosure: true, consents: [] });
    const open = find(run(SMALL, [a], '2026-03-02'), 'privacy.consent.art25_disclosure');
    assert.equal(open?.state, 'open');
    assert.deepEqual(open?.citations, [PIPL.publicDisclosure, PIPL.legalBases]);
    const done = activity({ publicDisclosure: true, consents: ['art25_disclosure'] });
    assert.equal(
      find(run(SMALL, [done], '2026-03-02'), 'privacy.consent.art25_disclosure')?.state,
      'satisfied',
    );
  });

  it('Art. 31: the guardian consent says parent or guardian', () => {
    const d = find(
      run(SMALL, [activity({ minorsUnder14: 10 })], '2026-03-02'),
      'privacy.consent.art31_guardian',
    );
    assert.match(d?.reasonZh ?? '', /监护人/);
  });
});

describe('privacyDuties: NDS Regulations (in force 2025-01-01) on consent and records', () => {
  it('Art. 22 restates the Art. 29/31 consents: cited and risking NDS Art. 55 from 2025-01-01', () => {
    const a = activity({ minorsUnder14: 5 });
    const sensitive = () => ({ sensitive: true, minorsUnder14: true });
    const after = run(SMALL, [a], '2025-01-01', sensitive);
    for (const rule of ['privacy.consent.art29_sensitive', 'privacy.consent.art31_guardian']) {
      assert.deepEqual(find(after, rule)?.penaltyIds, ['pipl-66-1', 'nds-55']);
      assert.ok(find(after, rule)?.citations.includes(NDS_REGULATIONS.consentRules));
    }
    const before = run(SMALL, [a], '2024-12-31', sensitive);
    assert.deepEqual(find(before, 'privacy.consent.art29_sensitive')?.penaltyIds, ['pipl-66-1']);
    // Other consent cases are not in Art. 22.
    const disclosed = run(SMALL, [activity({ publicDisclosure: true })], '2026-03-02');
    assert.deepEqual(find(disclosed, 'privacy.consent.art25_disclosure')?.penaltyIds, [
      'pipl-66-1',
    ]);
  });

  it('Art. 12: records of providing or entrusting kept 3 years, for activities with recipients', () => {
    const a = activity({ recipients: [{ relationship: 'entrusted_processor', country: 'CN' }] });
    const d = find(run(SMALL, [a], '2025-01-01'), 'privacy.provision-records');
    assert.equal(d?.state, 'standing');
    assert.deepEqual(d?.citations, [NDS_REGULATIONS.recordsOfProvision]);
    assert.deepEqual(d?.penaltyIds, ['nds-55']);
    assert.equal(find(run(SMALL, [a], '2024-12-31'), 'privacy.provision-records'), undefined);
    assert.equal(
      find(run(SMALL, [activity()], '2026-03-02'), 'privacy.provision-records'),
      undefined,
    );
  });
});

describe('privacyDuties: PI protection officer (PIPL Art. 52; threshold unverified)', () => {
  it('is a documented parameter marked unverified', () => {
    assert.equal(PI_OFFICER_THRESHOLD, 1_000_000);
    assert.equal(PI_OFFICER_THRESHOLD_PROVENANCE, 'unverified');
  });

  it('999,999 individuals: no duty; 1,000,000 (以上, inclusive): open until an officer is recorded', () => {
    const below = run({ isCiiOperator: false, totalIndividuals: 999_999 }, [], '2026-03-02');
    assert.equal(find(below, 'privacy.protection-officer'), undefined);
    const at = find(
      run({ isCiiOperator: false, totalIndividuals: 1_000_000 }, [], '2026-03-02'),
      'privacy.protection-officer',
    );
    assert.equal(at?.state, 'open');
    assert.equal(at?.provenance, 'unverified');
    assert.deepEqual(at?.subject, { kind: 'organisation', id: 'organisation', name: '本单位' });
    const named = run(
      {
        isCiiOperator: false,
        totalIndividuals: 1_000_000,
        protectionOfficer: '张三 dpo@example.cn',
        id: 'o1',
        name: '某银行',
      },
      [],
      '2026-03-02',
    );
    assert.equal(find(named, 'privacy.protection-officer')?.state, 'satisfied');
    assert.equal(find(named, 'privacy.protection-officer')?.subject.name, '某银行');
  });

  it('cites Art. 52 and the audit Measures that set the number; not checked before 2025-05-01', () => {
    const at = (asOf: string) =>
      find(
        run({ isCiiOperator: false, totalIndividuals: 5_000_000 }, [], asOf),
        'privacy.protection-officer',
      );
    assert.deepEqual(at('2025-05-01')?.citations, [
      PIPL.protectionOfficer,
      PI_COMPLIANCE_AUDIT_2025.protectionOfficer,
    ]);
    assert.equal(at('2025-04-30'), undefined);
  });

  it('total unknown: undetermined, says why', () => {
    const d = find(
      run({ isCiiOperator: false, totalIndividuals: null }, [], '2026-03-02'),
      'privacy.protection-officer',
    );
    assert.equal(d?.state, 'undetermined');
    assert.match(d?.reasonZh ?? '', /未登记/);
  });
});

describe('privacyDuties: compliance audit (PIPL Art. 54; CAC audit Measures, in force 2025-05-01)', () => {
  const org = (totalIndividuals: number, last?: string): PrivacyDutyOrganisationFacts => ({
    isCiiOperator: false,
    totalIndividuals,
    ...(last ? { lastComplianceAuditOn: last } : {}),
  });

  it('"超过1000万" excludes 10,000,000: regular audit with no frequency (standing)', () => {
    const d = find(run(org(10_000_000), [], '2026-03-02'), 'privacy.compliance-audit');
    assert.equal(d?.state, 'standing');
    assert.deepEqual(d?.citations, [PIPL.complianceAudit]);
  });

  it('10,000,001: every two years; first by 2027-05-01 (our reading), then two years after the last', () => {
    const first = find(run(org(10_000_001), [], '2026-03-02'), 'privacy.compliance-audit');
    assert.equal(first?.dueDate, '2027-05-01');
    assert.equal(first?.state, 'upcoming');
    assert.equal(first?.provenance, 'derived');
    assert.deepEqual(first?.citations, [PIPL.complianceAudit, PI_COMPLIANCE_AUDIT_2025.frequency]);
    const next = find(
      run(org(10_000_001, '2025-09-10'), [], '2026-03-02'),
      'privacy.compliance-audit',
    );
    assert.equal(next?.dueDate, '2027-09-10');
    assert.equal(
      find(run(org(10_000_001, '2025-09-10'), [], '2027-09-11'), 'privacy.compliance-audit')?.state,
      'overdue',
    );
  });

  it('before 2025-05-01 the two-year rule is not in force', () => {
    assert.equal(
      find(run(org(20_000_000), [], '2025-04-30'), 'privacy.compliance-audit')?.state,
      'standing',
    );
  });
});

describe('privacyDuties: NDS Regulations Art. 28 (10 million+ → Arts. 30, 32), in force 2025-01-01', () => {
  const org = (
    totalIndividuals: number,
    dataSecurityOfficer?: string,
  ): PrivacyDutyOrganisationFacts => ({
    isCiiOperator: false,
    totalIndividuals,
    ...(dataSecurityOfficer ? { dataSecurityOfficer } : {}),
  });

  it('9,999,999: no duty; 10,000,000 (以上, inclusive): Arts. 30 and 32, risking NDS Art. 57', () => {
    assert.ok(
      !rules(run(org(9_999_999), [], '2026-03-02')).some((r) => r.startsWith('privacy.nds-large')),
    );
    const duties = run(org(10_000_000), [], '2026-03-02');
    const officer = find(duties, 'privacy.nds-large.security-officer');
    assert.equal(officer?.state, 'open');
    assert.deepEqual(officer?.citations, [
      NDS_REGULATIONS.largeProcessors,
      NDS_REGULATIONS.importantDataOfficerAndBody,
    ]);
    assert.deepEqual(officer?.penaltyIds, ['nds-57']);
    const reorganisation = find(duties, 'privacy.nds-large.reorganisation');
    assert.equal(reorganisation?.state, 'standing');
    assert.deepEqual(reorganisation?.penaltyIds, ['nds-57']);
    assert.equal(
      find(run(org(10_000_000, '李四'), [], '2026-03-02'), 'privacy.nds-large.security-officer')
        ?.state,
      'satisfied',
    );
  });

  it('not before 2025-01-01', () => {
    assert.ok(
      !rules(run(org(50_000_000), [], '2024-12-31')).some((r) => r.startsWith('privacy.nds-large')),
    );
  });
});

describe('privacyDuties: transfer duties from the cross-border engine', () => {
  const transfer: OutboundTransferFacts = {
    id: 'PA-001/T1',
    activityId: 'a1',
    activityName: '会员管理',
    recipientName: 'Acme Inc.',
    country: 'US',
    exemption: null,
    importantData: false,
    containsPersonalInformation: true,
    sensitive: false,
    mechanism: {
      kind: 'standard_contract',
      contractEffectiveOn: '2026-03-02',
      filedOn: null,
      approvedOn: null,
      reference: null,
    },
    batches: [{ transferredOn: '2026-02-10', individuals: 150_000, sensitiveIndividuals: 0 }],
  };

  it('merges the transfer duties crossBorderPaths gives, after the activity duties, without its PIPL copies', () => {
    const org: PrivacyDutyOrganisationFacts = { isCiiOperator: false, totalIndividuals: 200_000 };
    const a = activity({ recipients: [{ relationship: 'other_handler', country: 'US' }] });
    const duties = run(org, [a], '2026-03-05', () => PLAIN, [transfer]);
    const expected = crossBorderPaths(org, [transfer], '2026-03-05', {
      calendar,
      piplDuties: false,
    }).duties;
    assert.ok(expected.length > 0);
    // Consent (Art. 39) and the PIPIA (Art. 55(4)) appear once, on the activity.
    const all = crossBorderPaths(org, [transfer], '2026-03-05', { calendar }).duties;
    assert.ok(all.length > expected.length);
    assert.deepEqual(
      duties.filter((d) => d.subject.kind === 'transfer'),
      expected,
    );
    assert.deepEqual(duties.slice(-expected.length), expected);
    // A precomputed result is used as given.
    const given = privacyDuties(org, [a], [transfer], '2026-03-05', {
      calendar,
      classify: () => PLAIN,
      crossBorder: { ...crossBorderPaths(org, [transfer], '2026-03-05', { calendar }), duties: [] },
    });
    assert.equal(given.filter((d) => d.subject.kind === 'transfer').length, 0);
  });
});

describe('privacyDuties: every duty cites what the knowledge base holds and risks a known penalty', () => {
  it('a register exercising every rule (as of 2026-10-20)', () => {
    const org: PrivacyDutyOrganisationFacts = {
      isCiiOperator: false,
      totalIndividuals: 12_000_000,
    };
    const everything = activity({
      automatedDecisionMaking: true,
      publicDisclosure: true,
      publicCameraImages: true,
      otherMajorImpact: '信用评分',
      minorsUnder14: 10,
      recipients: [
        { relationship: 'other_handler', country: 'CN' },
        { relationship: 'entrusted_processor', country: 'US' },
      ],
    });
    const face = activity({
      id: 'a2',
      code: 'PA-002',
      name: '人脸门禁',
      faceRecognition: {
        storedIndividuals: 300_000,
        reachedThresholdOn: '2025-03-01',
        filedOn: '2025-07-01',
        changedOn: '2026-09-28',
        changeFiledOn: null,
        stoppedOn: null,
        deregisteredOn: null,
        storedOnDevice: false,
        alternativeOffered: false,
      },
    });
    const duties = run(org, [everything, face], '2026-10-20', () => ({
      sensitive: true,
      minorsUnder14: true,
    }));
    assert.ok(duties.length >= 20, String(duties.length));
    const kb = loadKnowledgeBase();
    assert.ok(kb.ok);
    assert.deepEqual(
      assertCitationsExist(
        kb.kb,
        duties.flatMap((d) => d.citations),
      ),
      [],
    );
    const penalties = penaltiesById();
    for (const d of duties) {
      assert.ok(d.penaltyIds.length > 0, d.ruleId);
      for (const id of d.penaltyIds) {
        const p = penalties.get(id);
        assert.ok(p, `${d.ruleId}: unknown penalty ${id}`);
        assert.ok(penaltyInForce(p, '2026-10-20'), `${d.ruleId}: ${id} not in force`);
      }
    }
    assert.equal(find(duties, 'privacy.face.change-filing')?.dueDate, '2026-11-13');
  });
});
