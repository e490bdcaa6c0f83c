import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedSectorGrading } from '../../catalogs/sector-grading/load';
import type { SectorGradingGuide } from '../../catalogs/sector-grading/schema';
import { gradingWarnings } from './grading-warnings';
import { bareTitle, guidesForSector, sectorGuidanceFor } from './sector-guidance';

const HOSPITAL = shippedSectorGrading().guides.find(
  (g) => g.id === 'health-tertiary-hospital-core',
) as SectorGradingGuide;

/** A made-up confirmed banking guide with a level-4 floor, in force 2020–2030. */
const BANK: SectorGradingGuide = {
  ...HOSPITAL,
  id: 'bank-core',
  sector: { code: '22', zh: '银行', en: 'Banking', keywords: ['银行', 'bank'] },
  recommendedMinimum: 4,
  effectiveFrom: '2020-01-01',
  effectiveTo: '2030-12-31',
  status: 'confirmed',
};
const GUIDES = [HOSPITAL, BANK];
const ASOF = '2026-03-01';

describe('guidesForSector', () => {
  it('picks by 行业类别 code first, then by the free-text sector, else every guide', () => {
    assert.deepEqual(
      guidesForSector(GUIDES, { code: '45', name: '金融' }, ASOF).guides.map((g) => g.id),
      ['health-tertiary-hospital-core'],
      'the code wins over the name',
    );
    const byName = guidesForSector(GUIDES, { code: null, name: '卫生健康' }, ASOF);
    assert.equal(byName.matchedBy, 'name');
    assert.deepEqual(
      byName.guides.map((g) => g.id),
      ['health-tertiary-hospital-core'],
    );
    assert.deepEqual(
      guidesForSector(GUIDES, { code: null, name: 'City Commercial BANK' }, ASOF).guides.map(
        (g) => g.id,
      ),
      ['bank-core'],
      'keywords match regardless of case',
    );
    assert.deepEqual(guidesForSector(GUIDES, { code: null, name: '能源' }, ASOF).guides, []);
    const all = guidesForSector(GUIDES, { code: ' ', name: null }, ASOF);
    assert.equal(all.matchedBy, 'all');
    assert.equal(all.guides.length, 2);
  });

  it('leaves out guides not in force on the date', () => {
    assert.deepEqual(
      guidesForSector(GUIDES, { code: '22', name: null }, '2031-01-01').guides,
      [],
      'expired',
    );
    assert.deepEqual(
      guidesForSector(GUIDES, { code: '22', name: null }, '2019-12-31').guides,
      [],
      'not yet',
    );
    assert.equal(
      guidesForSector(GUIDES, { code: '22', name: null }, '2030-12-31').guides.length,
      1,
    );
  });
});

describe('sectorGuidanceFor', () => {
  const hospital = { code: '45', name: '某市第一人民医院' };

  it('warns with its source when the hospital core system is graded below level 3', () => {
    const r = sectorGuidanceFor(
      GUIDES,
      hospital,
      [{ guideId: HOSPITAL.id, applies: true }],
      2,
      ASOF,
    );
    assert.equal(r.recommendedMinimum, 3);
    assert.deepEqual(
      r.outcomes.map((o) => [o.guide.id, o.applies, o.meets]),
      [[HOSPITAL.id, true, false]],
    );
    assert.equal(r.warnings.length, 1);
    const w = r.warnings[0]!;
    assert.equal(w.code, 'SECTOR_GUIDANCE_BELOW_MINIMUM');
    assert.equal(w.expectedAtLeast, 3);
    assert.equal(w.provenance, 'unverified');
    assert.match(w.messageZh, /本系统定为第二级，低于建议的最低等级第三级/);
    assert.match(w.messageZh, /卫办发〔2011〕85号/);
    assert.match(w.messageZh, /尚未对照原文核实/);
    assert.match(w.messageEn, /below the recommended minimum of level 3/);
    assert.deepEqual(w.citations[0], { instrumentId: 'sector-grading:moh-2011-85' });
  });

  it('gives no warning when the level meets the floor, the answer is no, or unanswered', () => {
    const meets = sectorGuidanceFor(
      GUIDES,
      hospital,
      [{ guideId: HOSPITAL.id, applies: true }],
      3,
      ASOF,
    );
    assert.equal(meets.outcomes[0]?.meets, true);
    assert.equal(meets.warnings.length, 0);
    const no = sectorGuidanceFor(
      GUIDES,
      hospital,
      [{ guideId: HOSPITAL.id, applies: false }],
      1,
      ASOF,
    );
    assert.deepEqual([no.outcomes[0]?.applies, no.outcomes[0]?.meets], [false, null]);
    assert.equal(no.recommendedMinimum, null);
    assert.equal(no.warnings.length, 0);
    const open = sectorGuidanceFor(GUIDES, hospital, [], 1, ASOF);
    assert.deepEqual([open.outcomes[0]?.applies, open.outcomes[0]?.meets], [null, null]);
    assert.equal(open.warnings.length, 0);
  });

  it('states the minimum but judges nothing while there is no level', () => {
    const r = sectorGuidanceFor(
      GUIDES,
      hospital,
      [{ guideId: HOSPITAL.id, applies: true }],
      null,
      ASOF,
    );
    assert.equal(r.recommendedMinimum, 3);
    assert.equal(r.outcomes[0]?.meets, null);
    assert.equal(r.warnings.length, 0);
  });

  it('counts a guide the user says applies outside the matched sector, taking the highest floor', () => {
    const r = sectorGuidanceFor(
      GUIDES,
      hospital,
      [
        { guideId: HOSPITAL.id, applies: true },
        { guideId: 'bank-core', applies: true },
        { guideId: 'no-such-guide', applies: true },
      ],
      3,
      ASOF,
    );
    assert.deepEqual(
      r.outcomes.map((o) => o.guide.id),
      [HOSPITAL.id, 'bank-core'],
    );
    assert.equal(r.recommendedMinimum, 4);
    assert.equal(r.warnings.length, 1);
    assert.equal(r.warnings[0]?.provenance, 'confirmed');
    assert.doesNotMatch(r.warnings[0]!.messageZh, /尚未对照原文核实/);
  });

  it('joins the other grading warnings, so the API, CLI and reports list it', () => {
    const r = sectorGuidanceFor(
      GUIDES,
      hospital,
      [{ guideId: HOSPITAL.id, applies: true }],
      2,
      ASOF,
    );
    const all = gradingWarnings({
      types: ['ordinary_system'],
      level: 2,
      isCii: true,
      carriedLevels: [],
      sectorWarnings: r.warnings,
    });
    assert.deepEqual(
      all.map((w) => w.code),
      ['CII_BELOW_LEVEL_3', 'SECTOR_GUIDANCE_BELOW_MINIMUM'],
    );
  });
});

describe('bareTitle', () => {
  it('takes the instrument out of a notice title', () => {
    assert.equal(
      bareTitle('卫生部关于印发《卫生行业信息安全等级保护工作的指导意见》的通知'),
      '卫生行业信息安全等级保护工作的指导意见',
    );
    assert.equal(bareTitle('JR/T 0071-2020'), 'JR/T 0071-2020');
  });
});
