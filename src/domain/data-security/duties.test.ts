/**
 * The data-security duties, each rule checked against the text it encodes (NDS Regulations,
 * in force 2025-01-01; DSL, in force 2021-09-01; CAC compliance-audit Measures, in force
 * 2025-05-01), with the thresholds at their boundaries.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import { penaltiesById } from '../../catalogs/penalties';
import { privacyDuties } from '../privacy/duties';
import { DSL, NDS, PI_AUDIT_MEASURES } from './citations';
import {
  ANNUAL_REPORT_DUE_MONTH_DAY,
  LARGE_PLATFORM_THRESHOLDS,
  dataSecurityDuties,
  isLargePlatform,
} from './duties';
import { lastCompletedPiAudit, nextPiAuditDue, piAuditCycle, PI_AUDIT_CYCLES } from './pi-audits';
import type { DataSecurityDuty, DataSecurityOrganisationFacts } from './types';

const calendar = shippedHolidayCalendar();

const NONE: DataSecurityOrganisationFacts = {
  id: 'org-1',
  name: '某市第一人民医院',
  isCiiOperator: false,
  importantResources: [],
  coreResources: [],
  totalIndividuals: 50_000,
  importantDataDeclaredOn: null,
  dataSecurityOfficer: null,
  dataSecurityOfficerAppointedOn: null,
  managementBody: null,
  managementBodyEstablishedOn: null,
  registeredUsers: null,
  monthlyActiveUsers: null,
  majorImpactPlatform: null,
  lastSocialResponsibilityReportOn: null,
  reorganisation: null,
  provisions: [],
  riskAssessments: [],
  importantDataTransfers: [],
  piAudits: [],
};

const HOLDER: DataSecurityOrganisationFacts = {
  ...NONE,
  importantResources: [
    { code: 'DR-001', name: '全院患者病历汇总', crossBorder: false, declaredOn: null },
  ],
};

const duties = (facts: DataSecurityOrganisationFacts, asOf: string) =>
  dataSecurityDuties(facts, asOf, calendar);
const find = (list: readonly DataSecurityDuty[], ruleId: string, subjectId?: string) =>
  list.filter(
    (d) => d.ruleId === ruleId && (subjectId === undefined || d.subject.id === subjectId),
  );
const one = (list: readonly DataSecurityDuty[], ruleId: string, subjectId?: string) => {
  const hits = find(list, ruleId, subjectId);
  assert.equal(hits.length, 1, `${ruleId}${subjectId ? `/${subjectId}` : ''}: ${hits.length}`);
  return hits[0]!;
};
const has = (d: DataSecurityDuty, c: { instrumentId: string; provisionId?: string }) =>
  d.citations.some((x) => x.instrumentId === c.instrumentId && x.provisionId === c.provisionId);

describe('data-security duties: scope', () => {
  it('nothing before the DSL took effect (2021-09-01), nothing without important data', () => {
    assert.deepEqual(duties(HOLDER, '2021-08-31'), []);
    assert.deepEqual(duties(NONE, '2026-03-01'), []);
  });

  it('every penalty id a duty names is in the penalties catalog', () => {
    const byId = penaltiesById();
    const all = duties(
      {
        ...HOLDER,
        importantResources: [{ ...HOLDER.importantResources[0]!, crossBorder: true }],
        provisions: [
          {
            code: 'P1',
            kind: 'entrust',
            recipient: '云服务商',
            startsOn: '2026-01-10',
            riskAssessedOn: null,
            statutoryDuty: false,
          },
        ],
        reorganisation: { kind: 'merger', on: '2026-02-01', disposalPlanReportedOn: null },
        piAudits: [
          {
            id: 'a1',
            title: '责令审计',
            kind: 'regulator_ordered',
            completedOn: null,
            orderedDeadline: '2026-04-01',
          },
        ],
        registeredUsers: 60_000_000,
        majorImpactPlatform: true,
      },
      '2026-03-01',
    );
    for (const d of all)
      for (const id of d.penaltyIds) assert.ok(byId.has(id), `${d.ruleId}: ${id}`);
  });
});

describe('NDS Art. 29 ¶2: identify and declare important data', () => {
  it('applies from 2025-01-01 to a holder of important data; open (no deadline) until declared', () => {
    assert.equal(find(duties(HOLDER, '2024-12-31'), 'datasec.important-data.declare').length, 0);
    const d = one(duties(HOLDER, '2025-01-01'), 'datasec.important-data.declare');
    assert.equal(d.state, 'open');
    assert.equal(d.dueDate, null);
    assert.ok(has(d, NDS.identifyAndDeclare));
    assert.deepEqual(d.penaltyIds, ['nds-57']);
    assert.match(d.reasonZh, /DR-001/);
  });

  it('done by the profile declaration or each resource’s own declaration date (not a later one)', () => {
    const byProfile = { ...HOLDER, importantDataDeclaredOn: '2025-03-01' };
    assert.equal(
      one(duties(byProfile, '2025-03-01'), 'datasec.important-data.declare').state,
      'satisfied',
    );
    assert.equal(
      one(duties(byProfile, '2025-02-28'), 'datasec.important-data.declare').state,
      'open',
    );
    const byResource = {
      ...HOLDER,
      importantResources: [{ ...HOLDER.importantResources[0]!, declaredOn: '2025-06-01' }],
      coreResources: [{ code: 'DR-009', name: '核心', declaredOn: null }],
    };
    const d = one(duties(byResource, '2025-07-01'), 'datasec.important-data.declare');
    assert.equal(d.state, 'open', 'the core resource is not declared');
    assert.match(d.reasonZh, /DR-009/);
    assert.doesNotMatch(d.reasonZh, /尚未记录申报的：DR-001/);
  });
});

describe('DSL Art. 27 / NDS Art. 30: officer and management body', () => {
  it('DSL only before 2025 (penalty DSL Art. 45), NDS Art. 30 added from 2025-01-01', () => {
    const before = one(duties(HOLDER, '2024-06-01'), 'datasec.officer-and-body');
    assert.deepEqual(before.citations, [DSL.managementDuties]);
    assert.deepEqual(before.penaltyIds, ['dsl-45-1']);
    const after = one(duties(HOLDER, '2025-01-01'), 'datasec.officer-and-body');
    assert.ok(has(after, NDS.officerAndBody));
    assert.deepEqual(after.penaltyIds, ['dsl-45-1', 'nds-57']);
    assert.equal(after.state, 'open');
  });

  it('needs both the officer and the body', () => {
    const officerOnly = { ...HOLDER, dataSecurityOfficer: '张副院长' };
    assert.equal(one(duties(officerOnly, '2026-01-01'), 'datasec.officer-and-body').state, 'open');
    const both = { ...officerOnly, managementBody: '数据安全管理委员会' };
    assert.equal(one(duties(both, '2026-01-01'), 'datasec.officer-and-body').state, 'satisfied');
  });

  it('Art. 28 alone (10,000,000 individuals, no important data) is listed by the privacy duties, not here', () => {
    const large = { ...NONE, totalIndividuals: 10_000_000 };
    assert.equal(find(duties(large, '2026-01-01'), 'datasec.officer-and-body').length, 0);
    const privacy = privacyDuties(
      { isCiiOperator: false, totalIndividuals: 10_000_000 },
      [],
      [],
      '2026-01-01',
      {
        calendar,
        classify: () => ({ sensitive: false, minorsUnder14: false }),
      },
    );
    assert.equal(
      privacy.filter((d) => d.ruleId === 'privacy.nds-large.security-officer').length,
      1,
    );
  });

  it('a holder with 10,000,000 individuals (以上: inclusive) cites Art. 28 too; 9,999,999 does not', () => {
    const at = one(
      duties({ ...HOLDER, totalIndividuals: 10_000_000 }, '2026-01-01'),
      'datasec.officer-and-body',
    );
    assert.ok(has(at, NDS.largeProcessors));
    const below = one(
      duties({ ...HOLDER, totalIndividuals: 9_999_999 }, '2026-01-01'),
      'datasec.officer-and-body',
    );
    assert.ok(!has(below, NDS.largeProcessors));
  });
});

describe('NDS Art. 31: risk assessment before providing, entrusting, joint processing', () => {
  const provision = (over: object = {}) => ({
    ...HOLDER,
    provisions: [
      {
        code: 'P1',
        kind: 'provide' as const,
        recipient: '医联体平台',
        startsOn: '2026-04-01',
        riskAssessedOn: null,
        statutoryDuty: false,
        ...over,
      },
    ],
  });

  it('due on the start day; upcoming, due soon, overdue', () => {
    const d = one(duties(provision(), '2026-02-01'), 'datasec.provision.risk-assessment', 'P1');
    assert.equal(d.dueDate, '2026-04-01');
    assert.equal(d.state, 'upcoming');
    assert.equal(d.subject.kind, 'provision');
    assert.deepEqual(d.penaltyIds, ['nds-57']);
    assert.equal(
      one(duties(provision(), '2026-03-15'), 'datasec.provision.risk-assessment').state,
      'due_soon',
    );
    assert.equal(
      one(duties(provision(), '2026-04-02'), 'datasec.provision.risk-assessment').state,
      'overdue',
    );
  });

  it('an assessment on or before the start satisfies it; one after the start does not', () => {
    assert.equal(
      one(
        duties(provision({ riskAssessedOn: '2026-04-01' }), '2026-05-01'),
        'datasec.provision.risk-assessment',
      ).state,
      'satisfied',
    );
    const late = one(
      duties(provision({ riskAssessedOn: '2026-04-10' }), '2026-05-01'),
      'datasec.provision.risk-assessment',
    );
    assert.equal(late.state, 'overdue');
    assert.match(late.reasonZh, /晚于开始日期/);
  });

  it('the statutory-duty exception and provisions begun before 2025-01-01 are not listed', () => {
    assert.equal(
      find(
        duties(provision({ statutoryDuty: true }), '2026-02-01'),
        'datasec.provision.risk-assessment',
      ).length,
      0,
    );
    assert.equal(
      find(
        duties(provision({ startsOn: '2024-12-31' }), '2026-02-01'),
        'datasec.provision.risk-assessment',
      ).length,
      0,
    );
  });
});

describe('NDS Art. 33 / DSL Art. 30: risk assessment report', () => {
  it('before 2025 the DSL’s periodic duty (no interval: standing)', () => {
    const d = one(duties(HOLDER, '2024-05-01'), 'datasec.risk-assessment.periodic');
    assert.equal(d.state, 'standing');
    assert.deepEqual(d.citations, [DSL.riskAssessment]);
    assert.equal(find(duties(HOLDER, '2024-05-01'), 'datasec.risk-assessment.annual').length, 0);
  });

  it('from 2025 once per calendar year, due at the end of the year (our reading, derived)', () => {
    assert.equal(ANNUAL_REPORT_DUE_MONTH_DAY, '12-31');
    const declared2024 = { ...HOLDER, importantDataDeclaredOn: '2024-06-01' };
    const list = find(duties(declared2024, '2026-03-01'), 'datasec.risk-assessment.annual');
    assert.deepEqual(
      list.map((d) => [d.subject.id, d.dueDate, d.state]),
      [
        ['2025', '2025-12-31', 'overdue'],
        ['2026', '2026-12-31', 'upcoming'],
      ],
    );
    assert.equal(list[0]!.provenance, 'derived');
    assert.ok(has(list[0]!, NDS.annualRiskAssessment));
    assert.deepEqual(list[0]!.penaltyIds, ['dsl-45-1']);
  });

  it('no report is asked for a year before the important data is known (declared or assessed)', () => {
    const years = (facts: typeof HOLDER) =>
      find(duties(facts, '2026-12-01'), 'datasec.risk-assessment.annual').map((d) => d.subject.id);
    assert.deepEqual(years(HOLDER), ['2026'], 'nothing known before the as-of year');
    assert.deepEqual(years({ ...HOLDER, importantDataDeclaredOn: '2026-11-02' }), ['2026']);
    assert.deepEqual(years({ ...HOLDER, importantDataDeclaredOn: '2025-03-01' }), ['2025', '2026']);
  });

  it('satisfied by a reported assessment of that year; a completed one not yet reported is not enough', () => {
    const facts = {
      ...HOLDER,
      riskAssessments: [
        { year: 2025, completedOn: '2025-11-20', reportedOn: '2025-12-10' },
        { year: 2026, completedOn: '2026-02-01', reportedOn: null },
      ],
    };
    const list = find(duties(facts, '2026-03-01'), 'datasec.risk-assessment.annual');
    assert.deepEqual(
      list.map((d) => d.subject.id),
      ['2026'],
      'a past year done is not repeated',
    );
    assert.equal(list[0]!.state, 'upcoming');
    assert.match(list[0]!.reasonZh, /尚未报送/);
    const reported = {
      ...facts,
      riskAssessments: [
        ...facts.riskAssessments.slice(0, 1),
        { year: 2026, completedOn: '2026-02-01', reportedOn: '2026-02-20' },
      ],
    };
    assert.equal(
      one(duties(reported, '2026-03-01'), 'datasec.risk-assessment.annual', '2026').state,
      'satisfied',
    );
    // A report dated after the as-of day has not happened yet.
    assert.equal(
      one(duties(reported, '2026-02-19'), 'datasec.risk-assessment.annual', '2026').state,
      'upcoming',
    );
  });

  it('a large platform’s report also covers key business and the supply chain (Art. 33 ¶2)', () => {
    const d = one(
      duties(
        { ...HOLDER, monthlyActiveUsers: 10_000_000, majorImpactPlatform: true },
        '2026-03-01',
      ),
      'datasec.risk-assessment.annual',
      '2026',
    );
    assert.match(d.reasonZh, /供应链/);
  });
});

describe('NDS Art. 32: disposal plan on reorganisation', () => {
  it('event-triggered (standing) for a holder while no reorganisation is recorded', () => {
    const d = one(duties(HOLDER, '2026-01-01'), 'datasec.reorganisation.disposal-plan');
    assert.equal(d.state, 'standing');
    assert.equal(
      find(duties(HOLDER, '2024-12-31'), 'datasec.reorganisation.disposal-plan').length,
      0,
    );
  });

  it('a recorded reorganisation dates it (effective day, our reading) until the plan is reported', () => {
    const r = {
      ...HOLDER,
      reorganisation: { kind: 'merger', on: '2026-02-01', disposalPlanReportedOn: null },
    };
    const d = one(duties(r, '2026-03-01'), 'datasec.reorganisation.disposal-plan');
    assert.equal(d.dueDate, '2026-02-01');
    assert.equal(d.state, 'overdue');
    assert.equal(d.provenance, 'derived');
    const done = {
      ...r,
      reorganisation: { ...r.reorganisation, disposalPlanReportedOn: '2026-01-20' },
    };
    assert.equal(
      one(duties(done, '2026-03-01'), 'datasec.reorganisation.disposal-plan').state,
      'satisfied',
    );
  });

  it('a 10,000,000 processor without important data: only once a reorganisation is recorded (Art. 28)', () => {
    const large = { ...NONE, totalIndividuals: 10_000_000 };
    assert.equal(
      find(duties(large, '2026-03-01'), 'datasec.reorganisation.disposal-plan').length,
      0,
    );
    const reorg = {
      ...large,
      reorganisation: { kind: 'dissolution', on: '2026-05-01', disposalPlanReportedOn: null },
    };
    const d = one(duties(reorg, '2026-03-01'), 'datasec.reorganisation.disposal-plan');
    assert.ok(has(d, NDS.largeProcessors));
    assert.equal(d.state, 'upcoming');
    assert.equal(
      find(
        duties({ ...reorg, totalIndividuals: 9_999_999 }, '2026-03-01'),
        'datasec.reorganisation.disposal-plan',
      ).length,
      0,
    );
  });
});

describe('DSL Art. 31 / NDS Art. 37: important data abroad', () => {
  const abroad = {
    ...HOLDER,
    importantResources: [{ ...HOLDER.importantResources[0]!, crossBorder: true }],
  };

  it('per important resource sent abroad: before the transfer (standing) until an assessment is approved', () => {
    const d = one(duties(abroad, '2026-03-01'), 'datasec.important-data.export', 'DR-001');
    assert.equal(d.state, 'standing');
    assert.equal(d.eventDeadline, 'BEFORE_TRANSFER');
    assert.ok(has(d, NDS.importantDataExport) && has(d, DSL.importantDataExport));
    const before2025 = one(duties(abroad, '2024-03-01'), 'datasec.important-data.export');
    assert.deepEqual(before2025.citations, [DSL.importantDataExport]);
  });

  it('done when every linked transfer of the register has its assessment approved', () => {
    const linked = (approved: (string | null)[]) => ({
      ...abroad,
      importantDataTransfers: approved.map((a, i) => ({
        id: `t${i}`,
        name: `T${i}`,
        assessmentApprovedOn: a,
        resourceCodes: ['DR-001'],
      })),
    });
    assert.equal(
      one(duties(linked(['2025-10-01']), '2026-03-01'), 'datasec.important-data.export').state,
      'satisfied',
    );
    assert.equal(
      one(duties(linked(['2025-10-01', null]), '2026-03-01'), 'datasec.important-data.export')
        .state,
      'standing',
    );
    assert.equal(
      one(duties(linked(['2026-04-01']), '2026-03-01'), 'datasec.important-data.export').state,
      'standing',
    );
  });
});

describe('NDS Art. 62(8), 44–46: large network platforms', () => {
  it('the thresholds are data: 50,000,000 registered or 10,000,000 monthly active, inclusive, and major impact', () => {
    assert.equal(LARGE_PLATFORM_THRESHOLDS.registeredUsersAtLeast, 50_000_000);
    assert.equal(LARGE_PLATFORM_THRESHOLDS.monthlyActiveUsersAtLeast, 10_000_000);
    const f = (
      registeredUsers: number | null,
      monthlyActiveUsers: number | null,
      majorImpactPlatform: boolean | null,
    ) => isLargePlatform({ registeredUsers, monthlyActiveUsers, majorImpactPlatform });
    assert.equal(f(49_999_999, 9_999_999, true), false);
    assert.equal(f(50_000_000, null, true), true);
    assert.equal(f(null, 10_000_000, true), true);
    assert.equal(f(50_000_000, null, false), false);
    assert.equal(f(50_000_000, null, null), null);
  });

  it('annual social-responsibility report: due at the end of the year, done by a report that year', () => {
    const platform = { ...NONE, registeredUsers: 50_000_000, majorImpactPlatform: true };
    const d = one(duties(platform, '2026-03-01'), 'datasec.large-platform.social-report');
    assert.equal(d.dueDate, '2026-12-31');
    assert.equal(d.state, 'upcoming');
    assert.ok(has(d, NDS.socialResponsibilityReport));
    const lastYear = { ...platform, lastSocialResponsibilityReportOn: '2025-06-30' };
    assert.equal(
      one(duties(lastYear, '2026-03-01'), 'datasec.large-platform.social-report').state,
      'upcoming',
    );
    const thisYear = { ...platform, lastSocialResponsibilityReportOn: '2026-02-28' };
    assert.equal(
      one(duties(thisYear, '2026-03-01'), 'datasec.large-platform.social-report').state,
      'satisfied',
    );
    assert.equal(
      one(duties(platform, '2026-12-31'), 'datasec.large-platform.social-report').state,
      'due_soon',
    );
    assert.equal(
      one(duties(platform, '2027-01-01'), 'datasec.large-platform.social-report').dueDate,
      '2027-12-31',
    );
    assert.equal(
      one(duties(platform, '2026-03-01'), 'datasec.large-platform.no-abuse').state,
      'standing',
    );
  });

  it('49,999,999 registered users is not a large platform; the figures without the impact finding: undetermined', () => {
    assert.equal(
      find(
        duties({ ...NONE, registeredUsers: 49_999_999, majorImpactPlatform: true }, '2026-03-01'),
        'datasec.large-platform.social-report',
      ).length,
      0,
    );
    const d = one(
      duties({ ...NONE, registeredUsers: 50_000_000 }, '2026-03-01'),
      'datasec.large-platform.social-report',
    );
    assert.equal(d.state, 'undetermined');
    assert.equal(
      find(
        duties({ ...NONE, registeredUsers: 50_000_000, majorImpactPlatform: true }, '2024-12-31'),
        'datasec.large-platform.social-report',
      ).length,
      0,
    );
  });

  it('Art. 45 when the inventory sends data abroad', () => {
    const platform = { ...NONE, monthlyActiveUsers: 12_000_000, majorImpactPlatform: true };
    assert.equal(
      find(duties(platform, '2026-03-01'), 'datasec.large-platform.cross-border').length,
      0,
    );
    assert.equal(
      one(
        duties({ ...platform, anyCrossBorder: true }, '2026-03-01'),
        'datasec.large-platform.cross-border',
      ).state,
      'standing',
    );
  });
});

describe('PI compliance audits (PIPL Arts. 54, 64; NDS Art. 27; CAC Measures 2025)', () => {
  it('the cycle as data: more than 10,000,000 (exclusive) every 24 months from 2025-05-01; otherwise regularly', () => {
    assert.equal(PI_AUDIT_CYCLES[0]!.intervalMonths, 24);
    assert.equal(piAuditCycle(10_000_001, '2025-05-01')?.id, 'over-10m');
    assert.equal(piAuditCycle(10_000_000, '2025-05-01')?.id, 'regular');
    assert.equal(piAuditCycle(9_999_999, '2025-05-01')?.intervalMonths, null);
    assert.equal(piAuditCycle(10_000_001, '2025-04-30')?.id, 'regular', 'before the Measures');
    assert.equal(piAuditCycle(null, '2026-01-01'), null);
    assert.equal(nextPiAuditDue(10_000_001, null, '2026-01-01'), '2027-05-01');
    assert.equal(nextPiAuditDue(10_000_001, '2026-03-15', '2026-06-01'), '2028-03-15');
    assert.equal(nextPiAuditDue(10_000_000, '2026-03-15', '2026-06-01'), null);
  });

  it('the last completed audit: the latest of the recorded audits and the profile date, none after as-of', () => {
    const audits = [
      { completedOn: '2025-09-01' },
      { completedOn: null },
      { completedOn: '2026-08-01' },
    ];
    assert.equal(lastCompletedPiAudit(audits, '2025-06-01', '2026-03-01'), '2025-09-01');
    assert.equal(lastCompletedPiAudit(audits, '2026-01-01', '2026-03-01'), '2026-01-01');
    assert.equal(lastCompletedPiAudit([], null, '2026-03-01'), null);
  });

  it('feeds privacy.compliance-audit (one duty, not a second one here)', () => {
    const last = lastCompletedPiAudit([{ completedOn: '2025-09-01' }], null, '2026-03-01');
    const privacy = privacyDuties(
      { isCiiOperator: false, totalIndividuals: 10_000_001, lastComplianceAuditOn: last },
      [],
      [],
      '2026-03-01',
      {
        calendar,
        classify: () => ({ sensitive: false, minorsUnder14: false }),
      },
    ).filter((d) => d.ruleId === 'privacy.compliance-audit');
    assert.equal(privacy.length, 1);
    assert.equal(privacy[0]!.dueDate, '2027-09-01');
    assert.equal(
      find(
        duties({ ...HOLDER, totalIndividuals: 10_000_001 }, '2026-03-01'),
        'privacy.compliance-audit',
      ).length,
      0,
    );
  });

  it('a regulator-ordered audit is due by the deadline the authority set', () => {
    const ordered = (completedOn: string | null, orderedDeadline: string | null) => ({
      ...NONE,
      piAudits: [
        {
          id: 'au-1',
          title: '网信办责令审计',
          kind: 'regulator_ordered' as const,
          completedOn,
          orderedDeadline,
        },
      ],
    });
    const d = one(
      duties(ordered(null, '2026-04-30'), '2026-03-01'),
      'datasec.pi-audit.ordered',
      'au-1',
    );
    assert.equal(d.subject.kind, 'pi_audit');
    assert.equal(d.state, 'upcoming');
    assert.ok(
      has(d, PI_AUDIT_MEASURES.piplOrderedAudit) && has(d, PI_AUDIT_MEASURES.regulatorOrdered),
    );
    assert.deepEqual(d.penaltyIds, ['pipl-66-1']);
    assert.equal(
      one(duties(ordered(null, '2026-04-30'), '2026-05-01'), 'datasec.pi-audit.ordered').state,
      'overdue',
    );
    assert.equal(
      one(duties(ordered('2026-04-20', '2026-04-30'), '2026-05-01'), 'datasec.pi-audit.ordered')
        .state,
      'satisfied',
    );
    assert.equal(
      one(duties(ordered(null, null), '2026-05-01'), 'datasec.pi-audit.ordered').state,
      'undetermined',
    );
    // Before the Measures (2025-05-01) PIPL Art. 64 alone.
    const early = one(
      duties(ordered(null, '2025-04-30'), '2025-04-01'),
      'datasec.pi-audit.ordered',
    );
    assert.deepEqual(early.citations, [PI_AUDIT_MEASURES.piplOrderedAudit]);
    // Self audits are not duties of this list.
    assert.equal(
      duties(
        {
          ...NONE,
          piAudits: [
            { id: 'x', title: '自查', kind: 'self', completedOn: null, orderedDeadline: null },
          ],
        },
        '2026-03-01',
      ).length,
      0,
    );
  });
});
