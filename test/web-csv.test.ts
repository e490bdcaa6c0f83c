/** The web UI's CSV exports (web/src/lib/csv-text.ts): formula-like text neutralised, numbers kept. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neutraliseCell, restoreNeutralised } from '../src/shared/spreadsheet-cells';
import { toCsv } from '../web/src/lib/csv-text';

describe('CSV exports of the web UI', () => {
  it('neutralises cells starting with = + - @ tab or CR, keeps numbers and other text', () => {
    const csv = toCsv(
      ['编号', '名称'],
      [
        ['8.1.4.1', '=HYPERLINK("http://x","y")'],
        ['+1', '-2'],
        ['@SUM(A1)', '\tx'],
        ['\r=1', 'a,b'],
        [-5, 3.5],
        ['身份鉴别', null],
      ],
    );
    assert.equal(
      csv,
      '\uFEFF' +
        [
          '编号,名称',
          `8.1.4.1,"'=HYPERLINK(""http://x"",""y"")"`,
          "'+1,'-2",
          "'@SUM(A1),'\tx",
          `"'\r=1","a,b"`,
          '-5,3.5',
          '身份鉴别,',
        ].join('\r\n'),
    );
  });

  it('the rule is one reversible function shared with the server', () => {
    for (const text of ['=1', "'=1", "''+x", '-', '@', 'plain', "'plain", '', '\t', '\r\n']) {
      assert.equal(restoreNeutralised(neutraliseCell(text)), text, JSON.stringify(text));
    }
    assert.equal(neutraliseCell('-'), "'-");
    assert.equal(neutraliseCell("'=1"), "''=1");
    assert.equal(neutraliseCell('1-2'), '1-2');
  });
});
