/**
 * Cross-border paths: every threshold at its boundary ("以上" includes, "不满" excludes: Civil
 * Code Art. 1259), every regime switch, every exemption ground, the duties and their deadlines on
 * the shipped China working-day calendar. Cases written from the texts, each with its article.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import {
  CROSS_BORDER_2024,
  EXPORT_ASSESSMENT_2022,
  PIPL,
  STANDARD_CONTRACT_2023,
} from './citations';
import {
  assessmentValidUntil,
  crossBorderPaths,
  CROSS_BORDER_REGIMES,
  EXEMPT_BATCHES_COUNT,
  exemptionLabel,
  pathLabel,
  PRE_2024_RESULTS_KEEP_TWO_YEARS,
  regimeOn,
} from './cross-border';
import { createWorkingDayCalendar } from '../calendar';
import type { OutboundTransferFacts, PrivacyOrganisationFacts, TransferBatchFacts } from './types';
import { EXEMPTION_GROUNDS, type MechanismRecord } from '../../shared/privacy-schemas';

const calendar = shippedHolidayCalendar();
const ORG: PrivacyOrganisationFacts = { isCiiOperator: false, totalIndividuals: 500_000 };

const batch = (
  transferredOn: string,
  individuals: number,
  sensitiveIndividuals = 0,
): TransferBatchFacts => ({
  transferredOn,
  individuals,
  sensitiveIndividuals,
});

function transfer(
  batches: readonly TransferBatchFacts[],
  more: Partial<OutboundTransferFacts> = {},
): OutboundTransferFacts {
  return {
    id: 'PA-001/T1',
    activityId: 'PA-001',
    activityName: '会员管理',
    recipientName: 'HQ GmbH',
    country: 'DE',
    exemption: null,
    importantData: false,
    containsPersonalInformation: true,
    sensitive: batches.some((b) => b.sensitiveIndividuals > 0),
    mechanism: null,
    batches,
    ...more,
  };
}

const run = (
  transfers: readonly OutboundTransferFacts[],
  asOf: string,
  org: PrivacyOrganisationFacts = ORG,
  withCalendar = true,
) => crossBorderPaths(org, transfers, asOf, { calendar: withCalendar ? calendar : null });

const pathOf = (transfers: readonly OutboundTransferFacts[], asOf: string, org = ORG) =>
  run(transfers, asOf, org).paths[0]!;

const duty = (r: ReturnType<typeof run>, ruleId: string, transferId = 'PA-001/T1') =>
  r.duties.find((d) => d.ruleId === ruleId && d.subject.id === transferId);

describe('regimes by date', () => {
  it('refuses dates before PIPL (2021-11-01) with a RangeError naming the law', () => {
    assert.throws(
      () => regimeOn('2021-10-31'),
      (e: unknown) =>
        e instanceof RangeError && /2021-11-01/.test(e.message) && /个人信息保护法/.test(e.message),
    );
    assert.throws(() => run([], '2021-10-31'), RangeError);
    assert.throws(() => regimeOn('2026-13-01'), TypeError);
  });

  it('switches on 2022-09-01 and 2024-03-22 (inclusive), with citations', () => {
    assert.equal(regimeOn('2021-11-01').id, 'pipl-2021');
    assert.equal(regimeOn('2022-08-31').id, 'pipl-2021');
    assert.equal(regimeOn('2022-09-01').id, 'cac-2022');
    assert.equal(regimeOn('2024-03-21').id, 'cac-2022');
    assert.equal(regimeOn('2024-03-22').id, 'cac-2024');
    assert.equal(regimeOn('2030-01-01').id, 'cac-2024');
    for (const r of CROSS_BORDER_REGIMES) assert.ok(r.citations.length > 0, r.id);
    assert.deepEqual(regimeOn('2024-03-22').citations[0], CROSS_BORDER_2024.securityAssessment);
  });

  it('labels every path and every exemption ground, Chinese first', () => {
    for (const p of [
      'security_assessment',
      'standard_contract_or_certification',
      'exempt',
      'art38_mechanism',
    ] as const)
      assert.match(pathLabel[p].zh, /[\u4e00-\u9fff]/);
    for (const g of EXEMPTION_GROUNDS) assert.match(exemptionLabel[g].zh, /第.条/);
  });
});

describe('2024 Provisions: non-sensitive thresholds (Arts. 5(4), 7(2), 8)', () => {
  const at = (individuals: number) =>
    pathOf([transfer([batch('2026-02-10', individuals)])], '2026-06-30');

  it('99,999 is "不满10万人": exempt under Art. 5(4)', () => {
    const p = at(99_999);
    assert.equal(p.path, 'exempt');
    assert.equal(p.exemption, null);
    assert.deepEqual(p.decidedBy[0], CROSS_BORDER_2024.exemptions);
    assert.match(p.explanationZh, /99,999 人/);
    assert.match(p.explanationZh, /第五条第四项/);
    assert.equal(p.mechanismSatisfies, true);
  });

  it('100,000 is "10万人以上": standard contract or certification (Art. 8)', () => {
    const p = at(100_000);
    assert.equal(p.path, 'standard_contract_or_certification');
    assert.deepEqual(p.decidedBy[0], CROSS_BORDER_2024.standardContract);
    assert.match(p.explanationZh, /100,000 人/);
    assert.match(p.explanationZh, /第八条/);
    assert.equal(p.mechanismSatisfies, false);
  });

  it('999,999 is "不满100万人": still Art. 8', () => {
    assert.equal(at(999_999).path, 'standard_contract_or_certification');
  });

  it('1,000,000 is "100万人以上": security assessment (Art. 7(2))', () => {
    const p = at(1_000_000);
    assert.equal(p.path, 'security_assessment');
    assert.deepEqual(p.decidedBy[0], CROSS_BORDER_2024.securityAssessment);
    assert.match(
      p.explanationZh,
      /1,000,000 人，达到100万人（《促进和规范数据跨境流动规定》第七条第二项）/,
    );
  });
});

describe('2024 Provisions: sensitive thresholds (Arts. 7(2), 8)', () => {
  const at = (sensitive: number, nonSensitive = 0) =>
    pathOf([transfer([batch('2026-01-01', nonSensitive, sensitive)])], '2026-06-30');

  it('any sensitive personal information leaves the Art. 5(4) exemption: 1 → contract', () => {
    assert.equal(at(0, 99_999).path, 'exempt');
    assert.equal(at(1, 99_999).path, 'standard_contract_or_certification');
  });

  it('9,999 is "不满1万人": contract (Art. 8)', () => {
    const p = at(9_999);
    assert.equal(p.path, 'standard_contract_or_certification');
    assert.match(p.explanationZh, /敏感个人信息 9,999 人/);
  });

  it('10,000 is "1万人以上": assessment, explained with the count and the article', () => {
    const p = at(10_000);
    assert.equal(p.path, 'security_assessment');
    assert.ok(
      p.explanationZh.startsWith(
        '自2026年1月1日起累计向境外提供敏感个人信息 10,000 人，达到1万人（《促进和规范数据跨境流动规定》第七条第二项）',
      ),
      p.explanationZh,
    );
    assert.match(
      p.explanationEn,
      /10,000 individuals' sensitive personal information .*Art\. 7\(2\)/,
    );
  });
});

describe('counting: organisation-wide, dated, year by year', () => {
  it('sums the batches of all transfers (60,000 + 40,000 = 100,000 → both need a contract)', () => {
    const r = run(
      [
        transfer([batch('2026-03-01', 60_000)]),
        transfer([batch('2026-04-01', 40_000)], { id: 'PA-002/T1', activityId: 'PA-002' }),
      ],
      '2026-06-30',
    );
    assert.equal(r.counts.individuals, 100_000);
    assert.deepEqual(
      r.paths.map((p) => p.path),
      ['standard_contract_or_certification', 'standard_contract_or_certification'],
    );
  });

  it('leaves out batches after the as-of date and before 1 January', () => {
    const t = transfer([
      batch('2025-12-31', 500_000),
      batch('2026-03-01', 99_999),
      batch('2026-07-01', 500_000),
    ]);
    const r = run([t], '2026-06-30');
    assert.equal(r.counts.countedFrom, '2026-01-01');
    assert.equal(r.counts.countedTo, '2026-06-30');
    assert.equal(r.counts.individuals, 99_999);
    assert.equal(r.paths[0]!.path, 'exempt');
  });

  it('refuses a batch with a negative or missing count, naming the transfer and the batch', () => {
    assert.throws(
      () => run([transfer([batch('2026-03-01', -1)])], '2026-06-30'),
      /Transfer PA-001\/T1, batch of 2026-03-01/,
    );
    assert.throws(
      () => run([transfer([batch('2026-03-01', 1, Number.NaN)])], '2026-06-30'),
      RangeError,
    );
  });

  it('counts a batch dated on the as-of day', () => {
    assert.equal(
      pathOf([transfer([batch('2026-06-30', 100_000)])], '2026-06-30').path,
      'standard_contract_or_certification',
    );
  });

  it('2024 rule rolls over on 1 January: 31 Dec counts the year, 1 Jan starts from zero', () => {
    const t = [transfer([batch('2025-06-01', 150_000)])];
    assert.equal(pathOf(t, '2025-12-31').path, 'standard_contract_or_certification');
    const next = run(t, '2026-01-01');
    assert.equal(next.counts.countedFrom, '2026-01-01');
    assert.equal(next.counts.individuals, 0);
    assert.equal(next.paths[0]!.path, 'exempt');
  });

  it('2022 Measures count from 1 January of the PREVIOUS year: the roll-over drops the year before last', () => {
    const org = { isCiiOperator: false, totalIndividuals: 500_000 };
    const t = [transfer([batch('2021-06-01', 100_000)])];
    const dec31 = run(t, '2022-12-31', org);
    assert.equal(dec31.counts.countedFrom, '2021-01-01');
    assert.equal(dec31.paths[0]!.path, 'security_assessment');
    assert.match(dec31.paths[0]!.explanationZh, /自2021年1月1日（上年1月1日）起累计/);
    assert.match(dec31.paths[0]!.explanationZh, /第四条第三项/);
    const jan1 = run(t, '2023-01-01', org);
    assert.equal(jan1.counts.countedFrom, '2022-01-01');
    assert.equal(jan1.paths[0]!.path, 'standard_contract_or_certification');
  });

  it('2022 Measures: 99,999 / 100,000 people and 9,999 / 10,000 sensitive (Art. 4(3))', () => {
    const at = (ind: number, sens: number) =>
      pathOf([transfer([batch('2023-08-01', ind, sens)])], '2023-09-01').path;
    assert.equal(at(99_999, 0), 'standard_contract_or_certification');
    assert.equal(at(100_000, 0), 'security_assessment');
    assert.equal(at(0, 9_999), 'standard_contract_or_certification');
    assert.equal(at(0, 10_000), 'security_assessment');
    // People whose information of any kind was sent: per batch the larger of the two figures.
    assert.equal(at(90_000, 90_000), 'security_assessment'); // sensitive ≥ 10,000
    assert.equal(at(50_000, 9_999), 'standard_contract_or_certification');
  });
});

describe('regime switches on the same facts', () => {
  it('2022-08-31 → 2022-09-01: PIPL Art. 38 with no threshold, then the Measures Art. 4(3)', () => {
    const t = [transfer([batch('2022-05-01', 200_000)])];
    const before = pathOf(t, '2022-08-31');
    assert.equal(before.path, 'art38_mechanism');
    assert.deepEqual(before.decidedBy, [PIPL.transferMechanisms]);
    assert.match(before.explanationZh, /尚无国家网信部门规定的数量门槛/);
    const after = pathOf(t, '2022-09-01');
    assert.equal(after.path, 'security_assessment');
    assert.deepEqual(after.decidedBy[0], EXPORT_ASSESSMENT_2022.thresholds);
  });

  it('2023-05-31 → 2023-06-01: the standard contract Measures and their filing start', () => {
    const mechanism: MechanismRecord = {
      kind: 'standard_contract',
      contractEffectiveOn: '2023-05-15',
    };
    const t = [transfer([batch('2023-03-01', 50_000)], { mechanism })];
    const before = run(t, '2023-05-31');
    assert.equal(before.paths[0]!.path, 'standard_contract_or_certification');
    assert.deepEqual(before.paths[0]!.decidedBy, [PIPL.transferMechanisms]);
    assert.match(before.paths[0]!.explanationZh, /自2023年6月1日起施行/);
    assert.equal(
      before.paths[0]!.mechanismSatisfies,
      true,
      'a contract in effect before the Measures',
    );
    assert.equal(duty(before, 'privacy.cross-border.standard-contract-filing'), undefined);
    const after = run(t, '2023-06-01');
    assert.deepEqual(after.paths[0]!.decidedBy[0], STANDARD_CONTRACT_2023.conditions);
    assert.equal(
      after.paths[0]!.mechanismSatisfies,
      true,
      'a contract in effect allows the transfer; the filing is its own duty',
    );
    const filing = duty(after, 'privacy.cross-border.standard-contract-filing')!;
    // Counted from 2023-06-01 (the contract is older): 10 working days → 2023-06-15.
    assert.equal(filing.dueDate, calendar.addWorkingDays('2023-06-01', 10));
    assert.equal(filing.dueDate, '2023-06-15');
    assert.equal(filing.state, 'due_soon');
  });

  it('2024-03-21 → 2024-03-22: 150,000 people since 2023 need an assessment, then (counted from 1 January 2024) nothing', () => {
    const t = [transfer([batch('2023-11-01', 100_000), batch('2024-02-01', 50_000)])];
    const before = run(t, '2024-03-21');
    assert.equal(before.regime.id, 'cac-2022');
    assert.equal(before.paths[0]!.path, 'security_assessment');
    const after = run(t, '2024-03-22');
    assert.equal(after.regime.id, 'cac-2024');
    assert.equal(after.counts.countedFrom, '2024-01-01');
    assert.equal(after.counts.individuals, 50_000);
    assert.equal(after.paths[0]!.path, 'exempt');
  });
});

describe('CII operators and important data', () => {
  const cii = { isCiiOperator: true, totalIndividuals: 10 };
  const t = [transfer([batch('2026-02-01', 1)])];

  it('a CII operator needs an assessment for any personal information (2024 Art. 7(1); 2022 Art. 4(2); PIPL Art. 40)', () => {
    const p24 = pathOf(t, '2026-06-30', cii);
    assert.equal(p24.path, 'security_assessment');
    assert.match(p24.explanationZh, /第七条第一项/);
    assert.equal(pathOf(t, '2023-06-30', cii).path, 'security_assessment');
    const p21 = pathOf(t, '2022-01-10', cii);
    assert.equal(p21.path, 'security_assessment');
    assert.deepEqual(p21.decidedBy, [PIPL.localisation]);
  });

  it('important data needs an assessment even under a claimed exemption (2024 Art. 7(2))', () => {
    const p = pathOf(
      [
        transfer([batch('2026-02-01', 1)], {
          importantData: true,
          exemption: 'contract_with_individual',
        }),
      ],
      '2026-06-30',
    );
    assert.equal(p.path, 'security_assessment');
    assert.match(p.explanationZh, /第七条第二项/);
    assert.match(p.explanationZh, /不及于重要数据/);
  });

  it('no personal information and no important data before 2024: outside PIPL Art. 38 and the Measures (Art. 2)', () => {
    const t = [transfer([batch('2023-02-01', 0)], { containsPersonalInformation: false })];
    const p22 = run(t, '2023-03-01');
    assert.equal(p22.paths[0]!.path, 'exempt');
    assert.equal(p22.paths[0]!.exemption, null);
    assert.deepEqual(p22.paths[0]!.decidedBy, [EXPORT_ASSESSMENT_2022.scope]);
    assert.equal(p22.duties.length, 0);
    assert.deepEqual(pathOf(t, '2022-03-01').decidedBy, [PIPL.transferMechanisms]);
  });

  it('important data without personal information before 2022-09-01: no procedure in force yet, said so', () => {
    const p = pathOf(
      [transfer([], { importantData: true, containsPersonalInformation: false })],
      '2022-03-01',
    );
    assert.equal(p.path, 'art38_mechanism');
    assert.match(p.explanationZh, /不含个人信息、含重要数据/);
  });

  it('important data under the 2022 Measures: Art. 4(1)', () => {
    const p = pathOf(
      [transfer([], { importantData: true, containsPersonalInformation: false })],
      '2023-01-01',
    );
    assert.equal(p.path, 'security_assessment');
    assert.match(p.explanationZh, /第四条第一项/);
  });
});

describe('processor of 1,000,000 people (2022 Measures Art. 4(2))', () => {
  const t = [transfer([batch('2023-02-01', 10)])];
  it('999,999 → contract; 1,000,000 → assessment', () => {
    assert.equal(
      pathOf(t, '2023-07-01', { isCiiOperator: false, totalIndividuals: 999_999 }).path,
      'standard_contract_or_certification',
    );
    const p = pathOf(t, '2023-07-01', { isCiiOperator: false, totalIndividuals: 1_000_000 });
    assert.equal(p.path, 'security_assessment');
    assert.match(p.explanationZh, /1,000,000 人，达到100万人/);
  });

  it('unknown total is not "below": assessment until confirmed, said in the path and an undetermined duty', () => {
    const r = run(t, '2023-07-01', { isCiiOperator: false, totalIndividuals: null });
    assert.equal(r.paths[0]!.path, 'security_assessment');
    assert.match(r.paths[0]!.explanationZh, /未登记本单位处理个人信息的总人数/);
    const org = r.duties.find((d) => d.subject.kind === 'organisation')!;
    assert.equal(org.ruleId, 'privacy.cross-border.total-individuals-unknown');
    assert.equal(org.state, 'undetermined');
    assert.equal(duty(r, 'privacy.cross-border.security-assessment')!.state, 'undetermined');
  });

  it('the total does not matter under the 2024 Provisions', () => {
    const r = run([transfer([batch('2026-02-01', 10)])], '2026-06-30', {
      isCiiOperator: false,
      totalIndividuals: null,
    });
    assert.equal(r.paths[0]!.path, 'exempt');
    assert.equal(
      r.duties.some((d) => d.subject.kind === 'organisation'),
      false,
    );
  });
});

describe('exemption grounds (2024 Provisions Arts. 3–6)', () => {
  const cases = [
    ['collected_abroad', CROSS_BORDER_2024.collectedAbroad],
    ['contract_with_individual', CROSS_BORDER_2024.exemptions],
    ['cross_border_hr', CROSS_BORDER_2024.exemptions],
    ['emergency', CROSS_BORDER_2024.exemptions],
    ['ftz_negative_list', CROSS_BORDER_2024.freeTradeZones],
  ] as const;
  for (const [ground, citation] of cases)
    it(`${ground}: exempt even at 2,000,000 people, citing its article; batches left out of the counts`, () => {
      const r = run(
        [
          transfer([batch('2026-02-01', 2_000_000, 50_000)], { exemption: ground }),
          transfer([batch('2026-02-01', 50_000)], { id: 'PA-002/T1' }),
        ],
        '2026-06-30',
      );
      assert.equal(r.paths[0]!.path, 'exempt');
      assert.equal(r.paths[0]!.exemption, ground);
      assert.deepEqual(r.paths[0]!.decidedBy, [citation]);
      assert.equal(r.paths[0]!.mechanismSatisfies, true);
      assert.equal(r.counts.exemptBatches, 1);
      assert.equal(r.counts.individuals, 50_000);
      assert.equal(r.paths[1]!.path, 'exempt', 'the other transfer stays below 100,000');
    });

  it('EXEMPT_BATCHES_COUNT is false (CAC Q&A reading, unverified)', () => {
    assert.equal(EXEMPT_BATCHES_COUNT, false);
  });

  it('no personal information and no important data: exempt under Art. 3, no PIPL duties', () => {
    const r = run(
      [transfer([batch('2026-02-01', 0)], { containsPersonalInformation: false })],
      '2026-06-30',
    );
    assert.equal(r.paths[0]!.path, 'exempt');
    assert.equal(r.paths[0]!.exemption, 'no_personal_information');
    assert.deepEqual(r.paths[0]!.decidedBy, [CROSS_BORDER_2024.noPersonalInformation]);
    assert.equal(r.duties.length, 0);
  });

  it('"no personal information" claimed on a transfer that carries it: refused, said so', () => {
    const p = pathOf(
      [transfer([batch('2026-02-01', 200_000)], { exemption: 'no_personal_information' })],
      '2026-06-30',
    );
    assert.equal(p.path, 'standard_contract_or_certification');
    assert.match(p.explanationZh, /与登记不符/);
  });

  it('"no personal information" does not cover important data (Art. 3)', () => {
    const p = pathOf(
      [
        transfer([], {
          exemption: 'no_personal_information',
          containsPersonalInformation: false,
          importantData: true,
        }),
      ],
      '2026-06-30',
    );
    assert.equal(p.path, 'security_assessment');
    assert.match(p.explanationZh, /第三条以不包含重要数据为条件/);
  });

  it('a claimed ground before 2024-03-22 does not exempt, and the explanation says why', () => {
    const t = [transfer([batch('2024-01-10', 200_000)], { exemption: 'contract_with_individual' })];
    const before = pathOf(t, '2024-03-21');
    assert.equal(before.path, 'security_assessment');
    assert.match(before.explanationZh, /自2024年3月22日起施行.*不予豁免/);
    assert.match(before.explanationEn, /not exempt/);
    const on = pathOf(t, '2024-03-22');
    assert.equal(on.path, 'exempt');
    assert.equal(on.exemption, 'contract_with_individual');
    assert.match(pathOf(t, '2022-01-10').explanationZh, /不予豁免/);
  });
});

describe('mechanism on record', () => {
  const need = (mechanism: MechanismRecord | null, asOf = '2026-06-30', ind = 200_000) =>
    pathOf([transfer([batch('2026-02-01', ind)], { mechanism })], asOf);

  it('contract path: a standard contract in effect (filing is a separate duty), a certificate, or a valid assessment', () => {
    assert.equal(
      need({ kind: 'standard_contract', contractEffectiveOn: '2026-01-05', filedOn: '2026-01-12' })
        .mechanismSatisfies,
      true,
    );
    assert.equal(
      need({ kind: 'standard_contract', contractEffectiveOn: '2026-01-05' }).mechanismSatisfies,
      true,
      'in effect, not yet filed: the filing duty tracks the 10 working days',
    );
    assert.equal(
      need({ kind: 'standard_contract', contractEffectiveOn: '2026-08-01' }).mechanismSatisfies,
      false,
      'takes effect after as-of',
    );
    assert.equal(
      need({ kind: 'standard_contract', filedOn: '2026-07-01' }).mechanismSatisfies,
      false,
      'filed after as-of',
    );
    assert.equal(
      need({ kind: 'certification', approvedOn: '2025-11-01' }).mechanismSatisfies,
      true,
    );
    assert.equal(
      need({ kind: 'certification', filedOn: '2025-11-01' }).mechanismSatisfies,
      false,
      'applied, not certified',
    );
    assert.equal(
      need({ kind: 'security_assessment', approvedOn: '2025-11-01' }).mechanismSatisfies,
      true,
    );
  });

  it('assessment path: only an approved assessment within its validity', () => {
    assert.equal(
      need({ kind: 'standard_contract', filedOn: '2026-01-12' }, '2026-06-30', 1_000_000)
        .mechanismSatisfies,
      false,
    );
    assert.equal(
      need({ kind: 'security_assessment', filedOn: '2026-01-12' }, '2026-06-30', 1_000_000)
        .mechanismSatisfies,
      false,
    );
    assert.equal(
      need({ kind: 'security_assessment', approvedOn: '2026-01-12' }, '2026-06-30', 1_000_000)
        .mechanismSatisfies,
      true,
    );
  });

  it('validity: 3 years from approval under the 2024 Provisions (Art. 9), inclusive of the anniversary', () => {
    assert.equal(assessmentValidUntil('2024-06-03'), '2027-06-03');
    assert.equal(assessmentValidUntil('2024-03-22'), '2027-03-22');
    const m: MechanismRecord = { kind: 'security_assessment', approvedOn: '2024-06-03' };
    const t = (asOf: string) => [
      transfer([batch(`${asOf.slice(0, 4)}-01-02`, 1_000_000)], { mechanism: m }),
    ];
    assert.equal(pathOf(t('2027-06-03'), '2027-06-03').mechanismSatisfies, true);
    assert.equal(pathOf(t('2027-06-04'), '2027-06-04').mechanismSatisfies, false);
  });

  it('validity: 2 years for a result approved under the 2022 Measures (Art. 14, unverified)', () => {
    assert.equal(assessmentValidUntil('2023-03-01'), '2025-03-01');
    assert.equal(assessmentValidUntil('2024-03-21'), '2026-03-21');
  });
});

describe('duties', () => {
  it('standard contract filing: 10 working days of its effect on the holiday calendar (Standard Contract Measures Art. 7)', () => {
    const m: MechanismRecord = { kind: 'standard_contract', contractEffectiveOn: '2025-09-30' };
    const t = [transfer([batch('2025-09-01', 200_000)], { mechanism: m })];
    const r = run(t, '2025-10-01');
    const filing = duty(r, 'privacy.cross-border.standard-contract-filing')!;
    // National Day and Mid-Autumn (1–8 October) and the make-up Saturday 11 October intervene.
    assert.equal(filing.dueDate, '2025-10-21');
    assert.equal(filing.state, 'due_soon');
    assert.deepEqual(filing.citations, [STANDARD_CONTRACT_2023.filing]);
    assert.match(filing.reasonZh, /10个工作日内.*至2025-10-21/);
    assert.ok(filing.penaltyIds.includes('pipl-66-1'));
    assert.equal(
      duty(run(t, '2025-10-21'), 'privacy.cross-border.standard-contract-filing')!.state,
      'due_soon',
    );
    assert.equal(
      duty(run(t, '2025-10-22'), 'privacy.cross-border.standard-contract-filing')!.state,
      'overdue',
    );
    const filed = [
      transfer([batch('2025-09-01', 200_000)], {
        mechanism: { ...m, filedOn: '2025-10-20', reference: 'SC-2025-1' },
      }),
    ];
    const done = duty(run(filed, '2025-10-22'), 'privacy.cross-border.standard-contract-filing')!;
    assert.equal(done.state, 'satisfied');
    assert.match(done.reasonZh, /SC-2025-1/);
  });

  it('filing: no calendar, a year past the holiday data, or no effective date → undetermined, with the reason', () => {
    const m: MechanismRecord = { kind: 'standard_contract', contractEffectiveOn: '2025-09-30' };
    const noCal = duty(
      run([transfer([batch('2025-09-01', 200_000)], { mechanism: m })], '2025-10-01', ORG, false),
      'privacy.cross-border.standard-contract-filing',
    )!;
    assert.equal(noCal.state, 'undetermined');
    assert.match(noCal.reasonZh, /未提供工作日日历/);
    const late = duty(
      run(
        [
          transfer([batch('2026-09-01', 200_000)], {
            mechanism: { kind: 'standard_contract', contractEffectiveOn: '2026-12-28' },
          }),
        ],
        '2026-12-29',
      ),
      'privacy.cross-border.standard-contract-filing',
    )!;
    assert.equal(late.state, 'undetermined');
    assert.match(late.reasonZh, /2027/);
    const undated = duty(
      run(
        [transfer([batch('2025-09-01', 200_000)], { mechanism: { kind: 'standard_contract' } })],
        '2025-10-01',
      ),
      'privacy.cross-border.standard-contract-filing',
    )!;
    assert.equal(undated.state, 'undetermined');
    assert.match(undated.reasonZh, /未登记合同生效日期/);
  });

  it('no filing duty when the path does not need a contract', () => {
    const m: MechanismRecord = { kind: 'standard_contract', contractEffectiveOn: '2026-05-01' };
    const r = run([transfer([batch('2026-02-01', 10)], { mechanism: m })], '2026-06-30');
    assert.equal(r.paths[0]!.path, 'exempt');
    assert.equal(duty(r, 'privacy.cross-border.standard-contract-filing'), undefined);
  });

  it('security assessment before the transfer: standing while nothing left, overdue from the first batch sent without it', () => {
    const none = run([transfer([], { importantData: true })], '2026-06-30');
    const d0 = duty(none, 'privacy.cross-border.security-assessment')!;
    assert.equal(d0.state, 'standing');
    assert.equal(d0.eventDeadline, 'BEFORE_TRANSFER');
    const sent = run(
      [transfer([batch('2026-03-02', 5), batch('2026-02-01', 5)], { importantData: true })],
      '2026-06-30',
    );
    const d1 = duty(sent, 'privacy.cross-border.security-assessment')!;
    assert.equal(d1.state, 'overdue');
    assert.equal(d1.dueDate, '2026-02-01');
    assert.match(d1.reasonZh, /2026-02-01已有批次出境/);
  });

  it('the day a count threshold was reached: batches before it were not in breach of the stricter path', () => {
    // 5,000 sensitive on 1 March (contract needed), 5,000 more on 4 May: 10,000 → assessment.
    const r = run(
      [
        transfer([batch('2026-03-01', 0, 5_000)]),
        transfer([batch('2026-05-04', 0, 5_000)], { id: 'PA-002/T1' }),
      ],
      '2026-06-30',
    );
    assert.equal(r.paths[0]!.path, 'security_assessment');
    assert.equal(duty(r, 'privacy.cross-border.security-assessment')!.state, 'standing');
    const second = duty(r, 'privacy.cross-border.security-assessment', 'PA-002/T1')!;
    assert.equal(second.state, 'overdue');
    assert.equal(second.dueDate, '2026-05-04');
  });

  it('an expired assessment: not satisfied, the new assessment is due, and said why', () => {
    const m: MechanismRecord = { kind: 'security_assessment', approvedOn: '2023-03-01' };
    const r = run([transfer([batch('2025-03-10', 0, 20_000)], { mechanism: m })], '2025-06-30');
    assert.equal(r.paths[0]!.mechanismSatisfies, false);
    const d = duty(r, 'privacy.cross-border.security-assessment')!;
    assert.equal(d.state, 'overdue');
    assert.equal(d.dueDate, '2025-03-10');
    assert.match(d.reasonZh, /有效期至2025-03-01，已届满/);
    assert.equal(duty(r, 'privacy.cross-border.assessment-renewal'), undefined);
  });

  it('renewal under the 2024 Provisions (Art. 9): due on expiry; the window needs the holidays of the expiry year', () => {
    const m: MechanismRecord = { kind: 'security_assessment', approvedOn: '2024-06-03' };
    const r = run([transfer([batch('2026-02-01', 0, 20_000)], { mechanism: m })], '2026-06-30');
    const d = duty(r, 'privacy.cross-border.assessment-renewal')!;
    assert.equal(d.dueDate, '2027-06-03');
    assert.equal(d.state, 'upcoming');
    assert.equal(d.provenance, 'derived');
    assert.deepEqual(d.citations, [CROSS_BORDER_2024.assessmentValidity]);
    assert.match(d.reasonZh, /2027 年尚无国务院办公厅节假日安排数据/);
    assert.equal(duty(r, 'privacy.cross-border.security-assessment')!.state, 'satisfied');
  });

  it('renewal window: opens on the 60th working day before expiry (2027 data added for the test, weekends only)', () => {
    const last = calendar.years[calendar.years.length - 1]!;
    const with2027 = createWorkingDayCalendar({
      version: 'test',
      years: [...calendar.years, { ...last, year: 2027, periods: [] }],
    });
    const m: MechanismRecord = { kind: 'security_assessment', approvedOn: '2024-06-03' };
    const r = crossBorderPaths(
      ORG,
      [transfer([batch('2026-02-01', 0, 20_000)], { mechanism: m })],
      '2026-06-30',
      {
        calendar: with2027,
      },
    );
    const d = duty(r, 'privacy.cross-border.assessment-renewal')!;
    const opens = /申请期自(\d{4}-\d{2}-\d{2})起，至2027-06-03止/.exec(d.reasonZh)?.[1];
    assert.ok(opens, d.reasonZh);
    // 2027-06-03 is a Thursday (a working day): (opens, expiry] holds 59 days before it + itself.
    assert.equal(with2027.workingDaysBetween(opens, '2027-06-03'), 60);
    assert.equal(with2027.isWorkingDay(opens), true);
    assert.equal(opens, '2027-03-11');
  });

  it('a result issued under the 2022 Measures keeps 2 years; after 2024-03-22 its renewal follows Art. 9', () => {
    assert.equal(PRE_2024_RESULTS_KEEP_TWO_YEARS, true);
    const m: MechanismRecord = { kind: 'security_assessment', approvedOn: '2023-03-01' };
    const r = run([transfer([batch('2024-05-01', 0, 20_000)], { mechanism: m })], '2024-06-03');
    const d = duty(r, 'privacy.cross-border.assessment-renewal')!;
    assert.equal(d.dueDate, '2025-03-01');
    assert.deepEqual(d.citations, [
      EXPORT_ASSESSMENT_2022.validity,
      CROSS_BORDER_2024.assessmentValidity,
    ]);
    assert.match(d.reasonZh, /申请延长有效期3年/);
  });

  it('piplDuties: false leaves the Art. 39 and PIPIA duties to a caller that states them per activity', () => {
    const t = [transfer([batch('2026-02-01', 200_000)])];
    const all = crossBorderPaths(ORG, t, '2026-06-30', { calendar });
    const without = crossBorderPaths(ORG, t, '2026-06-30', { calendar, piplDuties: false });
    assert.ok(duty(all, 'privacy.cross-border.pipia'));
    assert.equal(duty(without, 'privacy.cross-border.pipia'), undefined);
    assert.equal(duty(without, 'privacy.cross-border.notice-and-consent'), undefined);
    assert.deepEqual(without.paths, all.paths);
    assert.ok(duty(without, 'privacy.cross-border.standard-contract'));
  });

  it('renewal under the 2022 Measures: re-declare 60 working days before expiry, on the calendar', () => {
    const m: MechanismRecord = { kind: 'security_assessment', approvedOn: '2023-03-01' };
    const r = run([transfer([batch('2024-02-01', 0, 20_000)], { mechanism: m })], '2024-03-01');
    const d = duty(r, 'privacy.cross-border.assessment-renewal')!;
    assert.ok(d.dueDate);
    // 2025-03-01 is a Saturday: the 60 working days lie strictly between the due day and it.
    assert.equal(calendar.isWorkingDay('2025-03-01'), false);
    assert.equal(calendar.workingDaysBetween(d.dueDate!, '2025-03-01'), 60);
    assert.ok(calendar.isWorkingDay(d.dueDate!));
    assert.equal(d.state, 'upcoming');
    assert.deepEqual(d.citations, [EXPORT_ASSESSMENT_2022.validity]);
    assert.match(d.reasonZh, /有效期届满60个工作日前重新申报/);
  });

  it('PIPL duties stay for exempt transfers: notice + separate consent and PIPIA, citing 2024 Art. 10', () => {
    const r = run([transfer([batch('2026-02-01', 10)])], '2026-06-30');
    assert.equal(r.paths[0]!.path, 'exempt');
    const consent = duty(r, 'privacy.cross-border.notice-and-consent')!;
    assert.equal(consent.state, 'standing');
    assert.equal(consent.eventDeadline, 'BEFORE_TRANSFER');
    assert.deepEqual(consent.citations, [PIPL.transferConsent, CROSS_BORDER_2024.piplDutiesRemain]);
    assert.match(consent.reasonZh, /单独同意/);
    const pipia = duty(r, 'privacy.cross-border.pipia')!;
    assert.deepEqual(pipia.citations, [PIPL.pipiaTriggers, CROSS_BORDER_2024.piplDutiesRemain]);
    assert.ok(pipia.penaltyIds.includes('pipl-66-1'));
  });

  it('contract / HR / emergency grounds: notice without consent (PIPL Art. 13 ¶2), PIPIA still due', () => {
    const r = run(
      [transfer([batch('2026-02-01', 10)], { exemption: 'cross_border_hr' })],
      '2026-06-30',
    );
    const notice = duty(r, 'privacy.cross-border.notice-and-consent')!;
    assert.equal(notice.titleZh, '向境外提供个人信息前告知个人');
    assert.ok(notice.citations.some((c) => c.provisionId === 'art-13'));
    // Before the 2024 Provisions the ground does not exempt the transfer, but Art. 13 ¶2 holds.
    const r22 = run(
      [transfer([batch('2023-02-01', 10)], { exemption: 'contract_with_individual' })],
      '2023-07-01',
    );
    assert.equal(r22.paths[0]!.path, 'standard_contract_or_certification');
    assert.equal(
      duty(r22, 'privacy.cross-border.notice-and-consent')!.titleZh,
      '向境外提供个人信息前告知个人',
    );
    assert.ok(duty(r, 'privacy.cross-border.pipia'));
  });

  it('every duty names its transfer and risks PIPL Art. 66', () => {
    const r = run([transfer([batch('2026-02-01', 200_000)])], '2026-06-30');
    assert.ok(r.duties.length >= 3);
    for (const d of r.duties) {
      assert.equal(d.subject.kind, 'transfer');
      assert.match(d.subject.name, /会员管理 → HQ GmbH \(DE\)/);
      assert.deepEqual([...d.penaltyIds], ['pipl-66-1', 'pipl-66-2']);
    }
  });
});

describe('scale', () => {
  it('10,000 transfers and 100,000 batches in well under a second', () => {
    const transfers: OutboundTransferFacts[] = [];
    for (let i = 0; i < 10_000; i++) {
      const batches: TransferBatchFacts[] = [];
      for (let j = 0; j < 10; j++)
        batches.push(
          batch(
            `2026-${String(1 + ((i + j) % 12)).padStart(2, '0')}-${String(1 + ((j * 3) % 28)).padStart(2, '0')}`,
            3,
            j === 0 ? 1 : 0,
          ),
        );
      transfers.push(
        transfer(batches, {
          id: `PA-${i}/T1`,
          exemption: i % 10 === 0 ? 'contract_with_individual' : null,
        }),
      );
    }
    const t0 = performance.now();
    const r = run(transfers, '2026-12-31');
    const ms = performance.now() - t0;
    assert.equal(r.paths.length, 10_000);
    assert.equal(r.counts.exemptBatches, 10_000);
    assert.equal(r.counts.individuals, 9_000 * 30);
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`); // the bench holds the 1 s target
  });
});
