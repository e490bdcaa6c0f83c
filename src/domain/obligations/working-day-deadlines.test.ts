import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import { createWorkingDayCalendar } from '../calendar';
import { evaluateObligations } from './evaluate';
import { CERTIFICATE_ISSUANCE_WORKING_DAYS, certificateIssuanceRule } from './rules/mlps';
import type { FilingFacts, SystemFacts } from './types';

// The shipped holiday data, passed in as data: the engine itself reads no files.
const calendar = shippedHolidayCalendar();
const RULE = 'mlps.filing-certificate-issuance';

function filed(filing: Partial<FilingFacts> = {}, level: SystemFacts['level'] = 3): SystemFacts {
  return {
    id: 'his',
    name: '医院信息系统',
    types: ['ordinary_system'],
    level,
    gradedOn: '2026-08-01',
    goLiveOn: '2026-08-01',
    isCii: false,
    ciiDesignatedOn: null,
    isNationalEgov: false,
    hasCompetentAuthority: false,
    expertReviewOn: '2026-08-10',
    competentApprovalOn: null,
    filings: [{ filedOn: '2026-09-28', certificateNumber: null, bureau: '某市公安局', ...filing }],
    assessments: [],
    cryptoAssessments: [],
    ciiRiskAssessments: [],
    ciiSecurityOrganisationOn: null,
  };
}

const issuance = (facts: SystemFacts, asOf: string, withCalendar = true) => {
  const result = evaluateObligations([facts], asOf, withCalendar ? { calendar } : {});
  return { result, o: result.obligations.find((o) => o.ruleId === RULE) };
};

describe('mlps.filing-certificate-issuance (10 working days, unverified)', () => {
  it('is a documented parameter marked unverified', () => {
    assert.equal(CERTIFICATE_ISSUANCE_WORKING_DAYS, 10);
    assert.equal(certificateIssuanceRule.provenance, 'unverified');
    assert.deepEqual(certificateIssuanceRule.citations, [
      { instrumentId: 'mps-mlps-measures-2007', provisionId: 'art-17' },
    ]);
  });

  it('counts working days across National Day and its make-up Saturday', () => {
    // Filed Mon 2026-09-28: Sep 29, 30 (2); Oct 1–7 off; Oct 8, 9 (4); Sat Oct 10 is worked (5);
    // Oct 12–16 (10). Counting weekdays alone would give 2026-10-12.
    const { o } = issuance(filed(), '2026-10-09');
    assert.equal(o?.dueDate, '2026-10-16');
    assert.equal(o?.state, 'due_soon');
    assert.match(o?.reasonZh ?? '', /10个工作日内.*2026-10-16/);
    assert.equal(issuance(filed(), '2026-10-17').o?.state, 'overdue');
  });

  it('is satisfied once the certificate number is recorded', () => {
    const { o } = issuance(filed({ certificateNumber: '33010099001-26001' }), '2026-12-01');
    assert.equal(o?.state, 'satisfied');
    assert.match(o?.reasonZh ?? '', /33010099001-26001/);
  });

  it('does not apply below level 2 or before filing', () => {
    assert.equal(issuance(filed({}, 1), '2026-10-09').o, undefined);
    assert.equal(issuance({ ...filed(), filings: [] }, '2026-10-09').o, undefined);
  });

  it('past the holiday data: undetermined with the date and the years covered, not a crash', () => {
    // Filed 2026-12-28: the count reaches into 2027, whose notice is not in the data.
    const facts = filed({ filedOn: '2026-12-28' });
    const onlyTo2026 = createWorkingDayCalendar({
      version: 'test',
      years: calendar.years.filter((y) => y.year <= 2026),
    });
    const result = evaluateObligations([facts], '2026-12-29', { calendar: onlyTo2026 });
    const o = result.obligations.find((x) => x.ruleId === RULE);
    assert.equal(o?.state, 'undetermined');
    assert.equal(o?.dueDate, null);
    assert.match(
      o?.reasonZh ?? '',
      /2027-01-01 所在的 2027 年尚无国务院办公厅节假日安排数据（现有数据覆盖 2019–2026 年）/,
    );
    assert.match(o?.reasonEn ?? '', /2027-01-01.*2019–2026/);
    assert.deepEqual(
      result.calendarGaps.map((g) => [g.ruleId, g.systemId, g.date, g.firstYear, g.lastYear]),
      [[RULE, 'his', '2027-01-01', 2019, 2026]],
    );
    // Every other rule still evaluates.
    assert.ok(
      result.obligations.some((x) => x.ruleId === 'mlps.filing' && x.state === 'satisfied'),
    );
  });

  it('without a calendar: undetermined and says so', () => {
    const { result, o } = issuance(filed(), '2026-10-09', false);
    assert.equal(o?.state, 'undetermined');
    assert.match(o?.reasonEn ?? '', /No working-day calendar was supplied/);
    assert.equal(result.calendarGaps[0]?.date, null);
  });

  it('is pure: the same input gives the same output', () => {
    const facts = filed();
    assert.deepEqual(
      evaluateObligations([facts], '2026-10-09', { calendar }),
      evaluateObligations([facts], '2026-10-09', { calendar }),
    );
  });
});
