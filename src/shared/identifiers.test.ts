import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  divisionCodeProblem,
  POSTAL_CODE_SHAPE,
} from './identifiers';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose 18th character is the check character', () => {
    // Published codes of two Shenzhen companies (华为技术有限公司, 深圳市腾讯计算机系统有限公司).
    assert.equal(creditCodeProblem('914403001922038216'), null);
    assert.equal(creditCodeProblem('91440300708461136T'), null);
    // The sample hospital: a public institution (登记管理部门 1, 机构类别 2) in Hangzhou (330100).
    assert.equal(creditCodeCheckCharacter('12330100470012345'), '5');
    assert.equal(creditCodeProblem('123301004700123455'), null);
    // An enterprise (9 1) whose check character is a digit.
    const first17 = '91330106MA2B3C4D5';
    const code = first17 + creditCodeCheckCharacter(first17);
    assert.equal(creditCodeProblem(code), null);
  });

  it('names the expected check character when the 18th is wrong', () => {
    assert.deepEqual(creditCodeProblem('12330100470012345X'), {
      kind: 'checkDigit',
      expected: '5',
    });
    assert.deepEqual(creditCodeProblem('12330100470000000X'), {
      kind: 'checkDigit',
      expected: creditCodeCheckCharacter('12330100470000000'),
    });
  });

  it('refuses the wrong shape: length, letters the code does not use, lower case', () => {
    for (const bad of [
      '1233010047001234',
      '12330100470012345BB',
      '1233010047001234IB',
      '12330100470012345b',
      'AB33X100470012345B',
    ])
      assert.deepEqual(creditCodeProblem(bad), { kind: 'shape' }, bad);
  });

  it('maps a check value of 31 to 0 (sum ≡ 0 mod 31)', () => {
    // Find a body whose sum is ≡ 0 mod 31 and check that the check character is '0'.
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let found = false;
    for (const c of chars) {
      const first17 = `9133010600000000${c}`;
      let sum = 0;
      const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      for (let i = 0; i < 17; i++) sum += chars.indexOf(first17[i]!) * w[i]!;
      if (sum % 31 === 0) {
        assert.equal(creditCodeCheckCharacter(first17), '0');
        found = true;
      }
    }
    assert.ok(found, 'one of the 31 last characters makes the sum a multiple of 31');
  });
});

describe('administrative division code (GB/T 2260) and postal code', () => {
  it('accepts a prefecture code of a real province', () => {
    assert.equal(divisionCodeProblem('330100'), null); // 杭州市
    assert.equal(divisionCodeProblem('110000'), null); // 北京市
    assert.equal(divisionCodeProblem('820000'), null); // 澳门
  });
  it('refuses a code whose first two digits are no province, or the wrong shape', () => {
    assert.equal(divisionCodeProblem('190100'), 'province');
    assert.equal(divisionCodeProblem('990000'), 'province');
    assert.equal(divisionCodeProblem('33010'), 'shape');
    assert.equal(divisionCodeProblem('33010A'), 'shape');
  });
  it('postal code is six digits', () => {
    assert.ok(POSTAL_CODE_SHAPE.test('310006'));
    assert.ok(!POSTAL_CODE_SHAPE.test('31006'));
  });
});
