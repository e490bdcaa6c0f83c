import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedPiCategoryCatalog } from '../../catalogs/pi-categories';
import type { PiCategory } from '../../catalogs/pi-categories.schema';
import { classifyActivity } from './sensitive';

const CATEGORIES = shippedPiCategoryCatalog().categories;

/** A small hand-made catalog, so the rules are tested apart from the shipped data. */
const cat = (
  code: string,
  piplClass: PiCategory['piplClass'],
  gbt35273Sensitive: boolean,
): PiCategory => ({
  code,
  labelZh: `类别${code}`,
  labelEn: code,
  group: 'identity',
  piplClass,
  gbt35273Sensitive,
  examplesZh: null,
  citations: [{ instrumentId: 'pipl-2021', provisionId: 'art-28' }],
  verification: { status: 'confirmed', note: 'test' },
  note: null,
});
const SMALL = [
  cat('a_plain', null, false),
  cat('b_face', 'biometric', true),
  cat('c_bank', 'financial_account', true),
  cat('d_advisory', null, true),
  cat('e_track', 'whereabouts', true),
  cat('f_iris', 'biometric', true),
];

describe('classifyActivity (PIPL Art. 28 sensitive personal information)', () => {
  it('plain categories and adult subjects: not sensitive, one reason saying so', () => {
    const r = classifyActivity(SMALL, {
      dataCategories: ['a_plain'],
      dataSubjects: ['customers'],
      minorsUnder14: 0,
    });
    assert.equal(r.sensitive, false);
    assert.deepEqual(r.piplClasses, []);
    assert.deepEqual(r.gbt35273Only, []);
    assert.equal(r.minorsUnder14, false);
    assert.deepEqual(r.citations, []);
    assert.equal(r.reasonsZh.length, 1);
    assert.match(r.reasonsZh[0] ?? '', /均不属于第二十八条/);
    assert.equal(r.reasonsEn.length, r.reasonsZh.length);
  });

  it('groups the categories by class in the article order, each code once, citing Art. 28', () => {
    const r = classifyActivity(SMALL, {
      dataCategories: ['e_track', 'f_iris', 'a_plain', 'c_bank', 'b_face', 'f_iris'],
      dataSubjects: ['customers'],
      minorsUnder14: 0,
    });
    assert.equal(r.sensitive, true);
    assert.deepEqual(
      r.piplClasses.map((c) => [c.class, c.categories]),
      [
        ['biometric', ['f_iris', 'b_face']],
        ['financial_account', ['c_bank']],
        ['whereabouts', ['e_track']],
      ],
    );
    for (const hit of r.piplClasses)
      assert.deepEqual(hit.citation, { instrumentId: 'pipl-2021', provisionId: 'art-28' });
    assert.deepEqual(
      r.citations.map((c) => c.provisionId),
      ['art-28', 'art-29'],
    );
    assert.equal(r.reasonsZh.length, 3);
    assert.match(r.reasonsZh[0] ?? '', /生物识别信息/);
  });

  it('a category only GB/T 35273 flags is advice: listed, but the activity is not sensitive', () => {
    const r = classifyActivity(SMALL, {
      dataCategories: ['a_plain', 'd_advisory'],
      dataSubjects: ['employees'],
      minorsUnder14: 0,
    });
    assert.equal(r.sensitive, false);
    assert.deepEqual(r.gbt35273Only, ['d_advisory']);
    assert.deepEqual(r.citations, [{ instrumentId: 'gbt-35273-2020', provisionId: 'annex-b' }]);
    assert.match(r.reasonsZh.join(''), /推荐性标准/);
  });

  it('one minor under 14 makes the activity sensitive (Art. 28) and cites Art. 31', () => {
    for (const activity of [
      { dataCategories: ['a_plain'], dataSubjects: ['students' as const], minorsUnder14: 1 },
      { dataCategories: ['a_plain'], dataSubjects: ['minors_under_14' as const], minorsUnder14: 0 },
      { dataCategories: ['a_plain'], dataSubjects: ['students' as const], minorsUnder14: true },
    ]) {
      const r = classifyActivity(SMALL, activity);
      assert.equal(r.sensitive, true);
      assert.equal(r.minorsUnder14, true);
      assert.deepEqual(r.piplClasses, []);
      assert.deepEqual(
        r.citations.map((c) => c.provisionId),
        ['art-28', 'art-29', 'art-31'],
      );
      assert.match(r.reasonsZh.join(''), /第三十一条/);
    }
    const none = classifyActivity(SMALL, {
      dataCategories: ['a_plain'],
      dataSubjects: ['students'],
      minorsUnder14: 0,
    });
    assert.equal(none.minorsUnder14, false);
  });

  it('reports unknown codes instead of guessing', () => {
    const r = classifyActivity(SMALL, {
      dataCategories: ['zz_unknown', 'a_plain'],
      dataSubjects: ['customers'],
      minorsUnder14: 0,
    });
    assert.deepEqual(r.unknownCategories, ['zz_unknown']);
    assert.equal(r.sensitive, false);
    assert.match(r.reasonsEn.join(''), /zz_unknown/);
  });

  it('with the shipped catalog: a hospital appointment system', () => {
    const r = classifyActivity(CATEGORIES, {
      dataCategories: ['name', 'id_card_number', 'phone_number', 'medical_record', 'face_features'],
      dataSubjects: ['patients'],
      minorsUnder14: 0,
    });
    assert.equal(r.sensitive, true);
    assert.deepEqual(
      r.piplClasses.map((c) => c.class),
      ['biometric', 'medical_health'],
    );
    assert.deepEqual(r.gbt35273Only, ['id_card_number']);
    assert.match(r.reasonsZh[0] ?? '', /人脸识别特征/);
  });
});
