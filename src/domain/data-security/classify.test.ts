import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedPiCategoryCatalog } from '../../catalogs/pi-categories';
import {
  classificationCounts,
  classifyDataResource,
  classifyDataResources,
  findCatalogueEntry,
} from './classify';
import { classificationCatalog } from '../../catalogs/data-classification';
import { GBT_43697 } from './citations';
import type { CatalogueEntry, ClassificationCatalog, DataResourceFacts } from './types';

const PI = shippedPiCategoryCatalog().categories;

const entry = (
  e: Partial<CatalogueEntry> & Pick<CatalogueEntry, 'id' | 'catalogueId' | 'grade'>,
): CatalogueEntry => ({
  nameZh: e.id,
  nameEn: e.id,
  descriptionZh: '',
  descriptionEn: '',
  sectorLevel: null,
  keywords: [],
  piCategories: [],
  threshold: null,
  citation: { instrumentId: 'gbt-43697-2024', provisionId: 'annex-g' },
  ...e,
});

/** A small hand-made catalog, so the rules are tested apart from the shipped data. */
const CATALOG: ClassificationCatalog = {
  version: 'test-1',
  gradeRules: [
    { object: 'national_security', degree: 'especially_serious', grade: 'core' },
    { object: 'national_security', degree: 'serious', grade: 'core' },
    { object: 'national_security', degree: 'general', grade: 'important' },
    { object: 'public_interest', degree: 'especially_serious', grade: 'core' },
    { object: 'public_interest', degree: 'serious', grade: 'important' },
    { object: 'public_interest', degree: 'general', grade: 'general' },
    { object: 'individual_rights', degree: 'especially_serious', grade: 'general' },
    { object: 'individual_rights', degree: 'serious', grade: 'general' },
  ],
  sectors: [
    { key: 'health', nameZh: '卫生健康', nameEn: 'Health' },
    { key: 'automotive', nameZh: '汽车', nameEn: 'Automotive' },
  ],
  catalogues: [
    {
      id: 'health',
      titleZh: '健康医疗数据目录',
      titleEn: 'Health data catalogue',
      sectors: ['health'],
      instrumentId: 'gbt-39725-2020',
      effectiveFrom: '2021-07-01',
      effectiveTo: null,
      provenance: 'derived',
      entries: [
        entry({
          id: 'medical-records',
          catalogueId: 'health',
          grade: 'general',
          nameZh: '病历数据',
          nameEn: 'Medical records',
          sectorLevel: '第3级',
          keywords: ['病历', 'medical record'],
          piCategories: ['medical_record'],
        }),
        entry({
          id: 'population-health',
          catalogueId: 'health',
          grade: 'important',
          nameZh: '区域人群健康数据',
          nameEn: 'Population health data',
          keywords: ['公共卫生'],
        }),
      ],
    },
    {
      id: 'auto',
      titleZh: '汽车数据目录',
      titleEn: 'Automotive data catalogue',
      sectors: ['automotive'],
      instrumentId: 'cac-auto-data-2021',
      effectiveFrom: '2021-10-01',
      effectiveTo: null,
      provenance: 'confirmed',
      entries: [
        entry({
          id: 'pi-over-100k',
          catalogueId: 'auto',
          grade: 'important',
          nameZh: '涉及个人信息主体超过10万人的个人信息',
          nameEn: 'PI of more than 100,000 people',
          threshold: { individuals: 100_000, inclusive: false },
        }),
      ],
    },
  ],
};

const facts = (f: Partial<DataResourceFacts> = {}): DataResourceFacts => ({
  id: 'r1',
  code: 'DR-1',
  name: '资源',
  description: null,
  sector: null,
  individuals: 0,
  piCategories: [],
  catalogueEntry: null,
  impacts: [],
  declaredGrade: null,
  declaredOn: null,
  crossBorder: false,
  ...f,
});

describe('classifyDataResource', () => {
  it('is general data by default, with a reason asking to check it', () => {
    const c = classifyDataResource(facts(), CATALOG, PI);
    assert.equal(c.grade, 'general');
    assert.equal(c.decidedBy, 'default');
    assert.equal(c.provisional, false);
    assert.equal(c.personalInformation, 'none');
    assert.match(c.reasonsZh[0]!, /默认为一般数据/);
    assert.ok(c.citations.some((x) => x.instrumentId === 'dsl-2021'));
  });

  it('lets a declared grade prevail over a catalogue entry and the impact analysis', () => {
    const c = classifyDataResource(
      facts({
        declaredGrade: 'important',
        declaredOn: '2026-05-01',
        catalogueEntry: 'health/medical-records',
        impacts: [{ object: 'national_security', degree: 'serious', reason: null }],
      }),
      CATALOG,
      PI,
    );
    assert.equal(c.grade, 'important');
    assert.equal(c.decidedBy, 'declaration');
    assert.equal(c.provisional, false);
    assert.match(c.reasonsZh[0]!, /第二十九条/);
    // The higher impact grade is flagged for review.
    assert.ok(c.reasonsZh.some((r) => r.includes('核心数据') && r.includes('复核')));
  });

  it('takes the entry the owner chose; a keyword match alone only suggests', () => {
    const chosen = classifyDataResource(
      facts({ name: '患者病历', catalogueEntry: 'health/medical-records', sector: 'health' }),
      CATALOG,
      PI,
    );
    assert.equal(chosen.decidedBy, 'catalogue');
    assert.equal(chosen.catalogueEntry?.id, 'medical-records');
    assert.match(chosen.reasonsZh[0]!, /健康医疗数据目录》“病历数据”.*第3级/);

    const suggested = classifyDataResource(
      facts({ name: '区域公共卫生监测数据', sector: 'health' }),
      CATALOG,
      PI,
    );
    assert.equal(suggested.grade, 'general');
    assert.equal(suggested.decidedBy, 'default');
    assert.equal(suggested.catalogueEntry, null);
    assert.ok(suggested.reasonsEn.some((r) => r.includes('health/population-health')));
    assert.ok(suggested.reasonsZh.some((r) => r.includes('确认后在“目录条目”中选用')));
    assert.ok(suggested.reasonsEn.some((r) => r.includes('Population health data')));
  });

  it('applies a count threshold of the sector by itself (more than, not at least)', () => {
    const at = classifyDataResource(
      facts({ sector: 'automotive', individuals: 100_000, piCategories: ['name'] }),
      CATALOG,
      PI,
    );
    assert.equal(at.grade, 'general');
    const over = classifyDataResource(
      facts({ sector: 'automotive', individuals: 100_001, piCategories: ['name'] }),
      CATALOG,
      PI,
    );
    assert.equal(over.grade, 'important');
    assert.equal(over.decidedBy, 'catalogue');
    assert.equal(over.provisional, true);
    assert.match(over.reasonsEn[0]!, /more than 100000/);
    // Another sector's threshold does not apply.
    const health = classifyDataResource(
      facts({ sector: 'health', individuals: 500_000 }),
      CATALOG,
      PI,
    );
    assert.equal(health.grade, 'general');
  });

  it('grades by the highest judged impact and marks important/core provisional until declared', () => {
    const c = classifyDataResource(
      facts({
        impacts: [
          { object: 'individual_rights', degree: 'serious', reason: null },
          { object: 'public_interest', degree: 'serious', reason: null },
        ],
      }),
      CATALOG,
      PI,
    );
    assert.equal(c.grade, 'important');
    assert.equal(c.decidedBy, 'impact');
    assert.equal(c.provisional, true);
    assert.match(c.reasonsZh[0]!, /公共利益严重危害/);
    assert.ok(
      c.citations.some(
        (x) =>
          x.instrumentId === GBT_43697.gradingRules.instrumentId &&
          x.provisionId === GBT_43697.gradingRules.provisionId,
      ),
    );
    assert.ok(
      c.citations.some(
        (x) => x.instrumentId === 'nds-regulations-2024' && x.provisionId === 'art-29',
      ),
    );
    const core = classifyDataResource(
      facts({ impacts: [{ object: 'national_security', degree: 'serious', reason: null }] }),
      CATALOG,
      PI,
    );
    assert.equal(core.grade, 'core');
    // Impact with no harm beyond individuals: general, decided by the analysis.
    const rights = classifyDataResource(
      facts({
        impacts: [{ object: 'individual_rights', degree: 'especially_serious', reason: null }],
      }),
      CATALOG,
      PI,
    );
    assert.equal(rights.grade, 'general');
    assert.equal(rights.decidedBy, 'impact');
    assert.equal(rights.provisional, false);
  });

  it('says whether the resource holds general or sensitive personal information', () => {
    assert.equal(
      classifyDataResource(
        facts({ piCategories: ['name', 'phone_number'], individuals: 10 }),
        CATALOG,
        PI,
      ).personalInformation,
      'general',
    );
    const s = classifyDataResource(
      facts({ piCategories: ['name', 'medical_record'], individuals: 10 }),
      CATALOG,
      PI,
    );
    assert.equal(s.personalInformation, 'sensitive');
    assert.ok(s.reasonsZh.some((r) => r.includes('医疗健康信息')));
    assert.ok(
      s.citations.some((x) => x.instrumentId === 'pipl-2021' && x.provisionId === 'art-28'),
    );
  });

  it('names an unknown chosen entry and falls through to the next rule', () => {
    const c = classifyDataResource(facts({ catalogueEntry: 'health/nope' }), CATALOG, PI);
    assert.equal(c.decidedBy, 'default');
    assert.ok(c.reasonsZh.some((r) => r.includes('health/nope')));
    assert.equal(findCatalogueEntry(CATALOG, 'health/medical-records')?.nameZh, '病历数据');
    assert.equal(findCatalogueEntry(CATALOG, 'nonsense'), undefined);
  });

  it('classifies many and counts them per grade and personal-information kind', () => {
    const list = classifyDataResources(
      [
        facts(),
        facts({ declaredGrade: 'core', declaredOn: null }),
        facts({ piCategories: ['medical_record'] }),
      ],
      CATALOG,
      PI,
    );
    const counts = classificationCounts(list);
    assert.deepEqual(counts.grades, { general: 2, important: 0, core: 1 });
    assert.equal(counts.provisional, 1);
    assert.deepEqual(counts.personalInformation, { none: 2, general: 0, sensitive: 1 });
  });
});

describe('classifyDataResource with the shipped catalog: a hospital', () => {
  const SHIPPED = classificationCatalog();

  it('患者病历 matched to GB/T 39725 医疗应用数据: general data, sensitive personal information', () => {
    const c = classifyDataResource(
      facts({
        name: '患者病历',
        sector: 'health',
        individuals: 1_800_000,
        piCategories: ['name', 'medical_record'],
        catalogueEntry: 'gbt39725-health/medical-application',
      }),
      SHIPPED,
      PI,
    );
    assert.equal(c.grade, 'general');
    assert.equal(c.decidedBy, 'catalogue');
    assert.equal(c.catalogueEntry?.nameZh, '医疗应用数据');
    assert.equal(c.personalInformation, 'sensitive');
    assert.equal(c.provisional, false);
    assert.match(c.reasonsZh[0]!, /医疗应用数据.*第4级/);
  });

  it('医学影像 without a chosen entry: the entry its name suggests is listed, not applied', () => {
    const c = classifyDataResource(
      facts({ name: '医学影像', sector: 'health', individuals: 950_000, piCategories: ['name'] }),
      SHIPPED,
      PI,
    );
    assert.equal(c.decidedBy, 'default');
    assert.equal(c.catalogueEntry, null);
    assert.ok(
      c.reasonsEn.some((r) => r.includes('gbt39725-health/medical-application')),
      c.reasonsEn.join('\n'),
    );
  });

  it('员工信息: GB/T 43697 general-data example; a serious harm to public interest would make it important', () => {
    const staff = classifyDataResource(
      facts({
        name: '员工信息',
        individuals: 4200,
        piCategories: ['name', 'bank_account_number'],
        catalogueEntry: 'gbt43697-general/employee-personal-info',
      }),
      SHIPPED,
      PI,
    );
    assert.equal(staff.grade, 'general');
    assert.equal(staff.personalInformation, 'sensitive');
    const judged = classifyDataResource(
      facts({
        name: '区域公共卫生监测数据',
        sector: 'health',
        impacts: [{ object: 'public_interest', degree: 'serious', reason: null }],
      }),
      SHIPPED,
      PI,
    );
    assert.equal(judged.grade, 'important');
    assert.equal(judged.provisional, true);
  });

  it('the automotive threshold applies by count: personal information of more than 100,000 people', () => {
    const car = classifyDataResource(
      facts({
        name: '车主信息',
        sector: 'automotive',
        individuals: 150_000,
        piCategories: ['name', 'phone_number'],
      }),
      SHIPPED,
      PI,
    );
    assert.equal(car.grade, 'important');
    assert.equal(car.decidedBy, 'catalogue');
    assert.equal(car.catalogueEntry?.id, 'personal-info-over-100k');
  });
});
