import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FILING_OPTION_LIST_IDS } from '../shared/filing-profile';
import {
  DEFAULT_FILING_FORM_OPTIONS_FILE,
  FILING_FORM_OPTIONS,
  isOtherOption,
  loadFilingFormOptions,
  optionLabel,
  validateFilingFormOptions,
} from './filing-form';

const TEXT = readFileSync(DEFAULT_FILING_FORM_OPTIONS_FILE, 'utf8');

function problemsOf(text: string): string[] {
  const result = validateFilingFormOptions({ file: 'options.yaml', text });
  assert.equal(result.ok, false, 'expected the edited data to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

describe('filing form option lists', () => {
  it('load, versioned, with every list the form asks', () => {
    const result = loadFilingFormOptions();
    if (!result.ok) assert.fail(result.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
    assert.equal(result.catalog.changelog[0]?.version, result.catalog.version);
    assert.deepEqual(Object.keys(FILING_FORM_OPTIONS).sort(), [...FILING_OPTION_LIST_IDS].sort());
  });

  it('every list has unique codes, one 其他 and at least one public source', () => {
    for (const id of FILING_OPTION_LIST_IDS) {
      const list = FILING_FORM_OPTIONS[id];
      const codes = list.options.map((o) => o.code);
      assert.equal(new Set(codes).size, codes.length, `${id}: codes unique`);
      assert.equal(list.options.filter((o) => o.other).length, 1, `${id}: one 其他`);
      assert.ok(list.sources.length > 0, `${id}: sources`);
      assert.ok(
        list.sources.some((s) => s.title.zh.includes('公通字〔2007〕43号') || s.url !== null),
        `${id}: cites the instrument or a public copy`,
      );
      assert.match(list.formItem, /^表[一二] \d{2}$/);
    }
  });

  it('carries the 2007 form codes a public security desk expects', () => {
    assert.equal(optionLabel('sector', '45', 'zh'), '卫生');
    assert.equal(optionLabel('sector', '13', 'zh'), '经营性公众互联网');
    assert.equal(optionLabel('sector', '52', 'zh'), '质量监督检验检疫');
    assert.equal(FILING_FORM_OPTIONS.sector.options.length, 34);
    assert.equal(optionLabel('affiliation', '3', 'zh'), '地（区、市、州、盟）');
    assert.equal(optionLabel('organisationType', '3', 'zh'), '事业单位');
    assert.equal(optionLabel('serviceScope', '30', 'zh'), '地（市、区）内');
    assert.equal(optionLabel('serviceTargets', '3', 'zh'), '两者均包括');
    assert.equal(optionLabel('coverage', '2', 'en'), 'Metropolitan area network');
    assert.equal(optionLabel('networkNature', '1', 'zh'), '业务专网');
    assert.equal(optionLabel('interconnection', '3', 'zh'), '与本单位其他系统连接');
    assert.equal(optionLabel('productType', '4', 'zh'), '数据库');
    assert.equal(optionLabel('serviceType', '1', 'zh'), '等级测评');
    assert.equal(optionLabel('sector', '98', 'zh'), undefined);
    assert.ok(isOtherOption('sector', '99'));
    assert.ok(isOtherOption('serviceType', '8'));
    assert.ok(!isOtherOption('sector', '45'));
    assert.deepEqual(
      FILING_FORM_OPTIONS.serviceScope.options.filter((o) => o.counted).map((o) => o.code),
      ['11', '21'],
    );
  });

  it('rejects a duplicate code, a second 其他, an unknown source and a missing list, with lines', () => {
    const duplicate = TEXT.replace("{ code: '12', zh: 广电", "{ code: '11', zh: 广电");
    assert.ok(
      problemsOf(duplicate).some((p) =>
        /lists\.sector\.options\[1\]\.code: code 11 is used twice/.test(p),
      ),
    );
    const twoOthers = TEXT.replace(
      "{ code: '5', zh: 公众服务, en: Public services }",
      "{ code: '5', zh: 公众服务, en: Public services, other: true }",
    );
    assert.ok(
      problemsOf(twoOthers).some((p) =>
        /lists\.businessType\.options: must have exactly one 其他/.test(p),
      ),
    );
    const unknownSource = TEXT.replace(
      'sources: [gtz-2007-43, form-2007-doczj, form-2007-transcriptions]',
      'sources: [gtz-2007-44]',
    );
    assert.ok(
      problemsOf(unknownSource).some((p) =>
        /^\d+ lists\.affiliation\.sources\[0\]: gtz-2007-44 is not a source id/.test(p),
      ),
    );
    const missing = TEXT.replace(/\n {2}serviceType:[\s\S]*$/, '\n');
    assert.ok(problemsOf(missing).some((p) => /lists\.serviceType/.test(p)));
  });
});
