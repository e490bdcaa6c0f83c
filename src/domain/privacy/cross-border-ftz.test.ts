/**
 * Free-trade-zone negative lists (2024 Provisions Art. 6): a claimed `ftz_negative_list`
 * exemption counts only when the organisation names a list in effect on the as-of day; otherwise
 * the explanation says why and the thresholds decide. Boundaries at the shipped lists' dates.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedFtzLists } from '../../catalogs/ftz-negative-lists';
import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import { CROSS_BORDER_2024 } from './citations';
import {
  crossBorderPaths,
  type CrossBorderOrganisationFacts,
  type FtzNegativeListFacts,
} from './cross-border';
import type { OutboundTransferFacts } from './types';

const calendar = shippedHolidayCalendar();
const lists = shippedFtzLists();

/** 200,000 people (non-sensitive): a standard contract unless the exemption holds. */
function claimed(transferredOn: string): OutboundTransferFacts {
  return {
    id: 'PA-001/T1',
    activityId: 'PA-001',
    activityName: '会员管理',
    recipientName: 'HQ GmbH',
    country: 'DE',
    exemption: 'ftz_negative_list',
    importantData: false,
    containsPersonalInformation: true,
    sensitive: false,
    mechanism: null,
    batches: [{ transferredOn, individuals: 200_000, sensitiveIndividuals: 0 }],
  };
}

const org = (freeTradeZoneListId?: string | null): CrossBorderOrganisationFacts => ({
  isCiiOperator: false,
  totalIndividuals: 500_000,
  ...(freeTradeZoneListId === undefined ? {} : { freeTradeZoneListId }),
});

const run = (
  o: CrossBorderOrganisationFacts,
  asOf: string,
  ftzLists: readonly FtzNegativeListFacts[] | null = lists,
) =>
  crossBorderPaths(o, [claimed(`${asOf.slice(0, 4)}-01-01`)], asOf, {
    calendar,
    ...(ftzLists ? { ftzLists } : {}),
  });

describe('free-trade-zone negative lists (2024 Provisions Art. 6)', () => {
  it('Tianjin list: not yet in effect on 2024-05-07, the thresholds decide (Art. 8)', () => {
    const r = run(org('tianjin-2024'), '2024-05-07');
    const p = r.paths[0]!;
    assert.equal(p.path, 'standard_contract_or_certification');
    assert.equal(p.exemption, null);
    assert.deepEqual(p.decidedBy, [CROSS_BORDER_2024.standardContract]);
    assert.match(p.explanationZh, /自2024年5月8日起施行，2024年5月7日尚未施行/);
    assert.match(p.explanationZh, /第六条/);
    assert.match(p.explanationEn, /in effect from 2024-05-08; on 2024-05-07 it was not yet/);
    assert.equal(r.counts.individuals, 200_000, 'its batches count when not exempt');
    assert.equal(r.counts.exemptBatches, 0);
  });

  it('Tianjin list: in effect on 2024-05-08 (inclusive), exempt citing Art. 6, list named', () => {
    const r = run(org('tianjin-2024'), '2024-05-08');
    const p = r.paths[0]!;
    assert.equal(p.path, 'exempt');
    assert.equal(p.exemption, 'ftz_negative_list');
    assert.deepEqual(p.decidedBy, [CROSS_BORDER_2024.freeTradeZones]);
    assert.match(p.explanationZh, /中国（天津）自由贸易试验区数据出境管理清单/);
    assert.match(p.explanationZh, /清单之外/);
    assert.equal(r.counts.exemptBatches, 1);
    assert.equal(r.counts.individuals, 0);
  });

  it('Beijing list at its boundary: 2024-08-29 refused, 2024-08-30 exempt', () => {
    assert.equal(
      run(org('beijing-2024'), '2024-08-29').paths[0]!.path,
      'standard_contract_or_certification',
    );
    assert.equal(run(org('beijing-2024'), '2024-08-30').paths[0]!.path, 'exempt');
  });

  it('no list named: refused, the explanation says so', () => {
    for (const o of [org(), org(null)]) {
      const p = run(o, '2026-06-30').paths[0]!;
      assert.equal(p.path, 'standard_contract_or_certification');
      assert.match(p.explanationZh, /未指明本单位注册所在自由贸易试验区的负面清单/);
      assert.match(p.explanationEn, /names no free-trade-zone negative list/);
    }
  });

  it('unknown list: refused, naming the known ids', () => {
    const p = run(org('atlantis-2024'), '2026-06-30').paths[0]!;
    assert.equal(p.path, 'standard_contract_or_certification');
    assert.match(p.explanationZh, /“atlantis-2024”不在已知清单中/);
    assert.match(p.explanationEn, /known: tianjin-2024, beijing-2024/);
  });

  it('a list that has ended: in effect on its last day, refused the day after', () => {
    const ended: FtzNegativeListFacts[] = [{ ...lists[0]!, effectiveTo: '2025-12-31' }];
    assert.equal(run(org('tianjin-2024'), '2025-12-31', ended).paths[0]!.path, 'exempt');
    const p = run(org('tianjin-2024'), '2026-01-01', ended).paths[0]!;
    assert.equal(p.path, 'standard_contract_or_certification');
    assert.match(p.explanationZh, /施行至2025年12月31日/);
  });

  it('Hainan at 1,000,000 people: security assessment (Art. 7(2)) the day before, exempt on the day', () => {
    const t = {
      ...claimed('2025-01-02'),
      batches: [{ transferredOn: '2025-01-02', individuals: 1_000_000, sensitiveIndividuals: 0 }],
    };
    const before = crossBorderPaths(org('hainan-2024'), [t], '2025-02-18', {
      calendar,
      ftzLists: lists,
    });
    assert.equal(before.paths[0]!.path, 'security_assessment');
    assert.deepEqual(before.paths[0]!.decidedBy, [CROSS_BORDER_2024.securityAssessment]);
    const on = crossBorderPaths(org('hainan-2024'), [t], '2025-02-19', {
      calendar,
      ftzLists: lists,
    });
    assert.equal(on.paths[0]!.path, 'exempt');
  });

  it('important data is never covered, whatever the list', () => {
    const t = { ...claimed('2026-01-02'), importantData: true };
    const p = crossBorderPaths(org('tianjin-2024'), [t], '2026-06-30', {
      calendar,
      ftzLists: lists,
    }).paths[0]!;
    assert.equal(p.path, 'security_assessment');
  });

  it('before the 2024 Provisions the ground does not exist, list or not', () => {
    const p = run(org('tianjin-2024'), '2024-03-21').paths[0]!;
    assert.notEqual(p.path, 'exempt');
    assert.match(p.explanationZh, /2024年3月22日起施行/);
  });

  it('without lists (a caller that passes none): the claim is taken as stated, said so', () => {
    const p = run(org(), '2026-06-30', null).paths[0]!;
    assert.equal(p.path, 'exempt');
    assert.match(p.explanationZh, /未核对本单位所依据的清单/);
  });
});
