import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  HARM_DEGREES,
  HARMED_OBJECTS,
  type HarmDegree,
  type HarmedObject,
} from '../../shared/mlps';
import { GradingInputError, gradeSystem, levelFor } from './grading';
import { gradingWarnings } from './grading-warnings';

// The final GB/T 22240-2020 table, written out independently of LEVEL_MATRIX.
const EXPECTED: [HarmedObject, HarmDegree, number][] = [
  ['citizen_legal_person', 'general', 1],
  ['citizen_legal_person', 'serious', 2],
  ['citizen_legal_person', 'especially_serious', 2], // 2018 draft said 3; the final standard says 2
  ['social_order_public_interest', 'general', 2],
  ['social_order_public_interest', 'serious', 3],
  ['social_order_public_interest', 'especially_serious', 4],
  ['national_security', 'general', 3],
  ['national_security', 'serious', 4],
  ['national_security', 'especially_serious', 5],
];

const baseline = [{ object: 'citizen_legal_person', degree: 'general' }] as const;

describe('GB/T 22240-2020 grading matrix', () => {
  it('covers all nine cells', () => {
    assert.equal(EXPECTED.length, HARMED_OBJECTS.length * HARM_DEGREES.length);
  });
  for (const [object, degree, level] of EXPECTED) {
    it(`${object} × ${degree} → level ${level} in each dimension`, () => {
      assert.equal(levelFor(object, degree), level);
      const byInfo = gradeSystem({
        businessInformation: [{ object, degree }],
        systemService: baseline,
      });
      assert.equal(byInfo.businessInformation.level, level);
      assert.equal(byInfo.level, level);
      assert.deepEqual(
        byInfo.decisiveDimensions,
        level === 1 ? ['business_information', 'system_service'] : ['business_information'],
      );
      const byService = gradeSystem({
        businessInformation: baseline,
        systemService: [{ object, degree }],
      });
      assert.equal(byService.systemService.level, level);
      assert.equal(byService.level, level);
    });
  }
});

describe('gradeSystem', () => {
  it('takes the highest cell within a dimension and the higher dimension overall (hospital HIS)', () => {
    const r = gradeSystem({
      businessInformation: [
        { object: 'citizen_legal_person', degree: 'especially_serious' },
        { object: 'social_order_public_interest', degree: 'serious' },
      ],
      systemService: [{ object: 'social_order_public_interest', degree: 'general' }],
    });
    assert.equal(r.businessInformation.level, 3);
    assert.equal(r.systemService.level, 2);
    assert.equal(r.level, 3);
    assert.deepEqual(r.decisiveDimensions, ['business_information']);
    assert.deepEqual(
      r.businessInformation.decisiveCells.map((c) => c.object),
      ['social_order_public_interest'],
    );
    assert.ok(r.citations.some((c) => c.instrumentId === 'gbt-22240-2020'));
  });
  it('reaches level 5 only through especially serious harm to national security', () => {
    const r = gradeSystem({
      businessInformation: baseline,
      systemService: [{ object: 'national_security', degree: 'especially_serious' }],
    });
    assert.equal(r.level, 5);
  });
  it('rejects an empty dimension and a repeated object, naming the field', () => {
    assert.throws(
      () => gradeSystem({ businessInformation: [], systemService: baseline }),
      (e: unknown) => e instanceof GradingInputError && e.path === 'businessInformation',
    );
    assert.throws(
      () =>
        gradeSystem({
          businessInformation: baseline,
          systemService: [baseline[0], { object: 'citizen_legal_person', degree: 'serious' }],
        }),
      (e: unknown) => e instanceof GradingInputError && e.path === 'systemService[1].object',
    );
  });
});

describe('gradingWarnings', () => {
  it('warns when a cloud platform is graded below a system it carries', () => {
    const w = gradingWarnings({
      types: ['cloud_platform'],
      level: 2,
      isCii: false,
      carriedLevels: [{ systemId: 'a', name: '医院信息系统', level: 3 }],
    });
    assert.deepEqual(
      w.map((x) => x.code),
      ['PLATFORM_BELOW_CARRIED_SYSTEM'],
    );
    assert.equal(w[0]?.expectedAtLeast, 3);
    assert.equal(w[0]?.provenance, 'confirmed');
  });
  it('does not warn when the platform is at or above what it carries', () => {
    assert.deepEqual(
      gradingWarnings({
        types: ['cloud_platform'],
        level: 3,
        isCii: false,
        carriedLevels: [{ systemId: 'a', name: 'x', level: 3 }],
      }),
      [],
    );
  });
  it('warns (as unverified) for CII and big-data platforms below level 3, not at level 3', () => {
    assert.deepEqual(
      gradingWarnings({ types: ['ordinary_system'], level: 2, isCii: true, carriedLevels: [] }).map(
        (w) => [w.code, w.provenance],
      ),
      [['CII_BELOW_LEVEL_3', 'unverified']],
    );
    assert.deepEqual(
      gradingWarnings({
        types: ['big_data_platform'],
        level: 2,
        isCii: false,
        carriedLevels: [],
      }).map((w) => w.code),
      ['BIG_DATA_BELOW_LEVEL_3'],
    );
    assert.deepEqual(
      gradingWarnings({ types: ['big_data_platform'], level: 3, isCii: true, carriedLevels: [] }),
      [],
    );
  });
});
