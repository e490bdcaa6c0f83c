import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CellValue, RowData } from '../../../spreadsheet/types';
import {
  fixtureBaseline,
  level2Workbook,
  level3Workbook,
} from '../../../../test/fixtures/practitioner/workbooks';
import { detectSheet } from './detect';
import { readPractitionerWorkbook } from './import';
import { matchWorkbook, wordingFromWorkbook, type ExistingObject } from './match';

const L3 = fixtureBaseline(3, ['cloud']);
const L2 = fixtureBaseline(2, []);
const HEADER = ['扩展标准', '控制点', '测评项', '结果记录', '符合情况'];

const sheet = (name: string, ...lines: (CellValue | null)[][]) =>
  detectSheet({
    name,
    rows: [HEADER, ...lines].map((cells, i): RowData => ({ r: i + 1, cells })),
  });

const codes = (notes: readonly { code: string; row: number | null }[]) =>
  notes.map((n) => `${n.row}:${n.code.replace('practitioner.', '')}`);

describe('practitioner workbook: matching to the baseline', () => {
  it('matches every row of a level-3 cloud workbook (15 objects, oddities included)', async () => {
    const fixture = await level3Workbook();
    const sheets = await readPractitionerWorkbook(fixture.buffer);
    const match = matchWorkbook({ sheets, baseline: L3, level: 3, objects: [] });
    assert.deepEqual(
      match.sheets.filter((s) => s.status !== 'items').map((s) => s.name),
      fixture.skippedSheets,
    );
    for (const expected of fixture.sheets) {
      const got = match.sheets.find((s) => s.name === expected.name);
      assert.ok(got?.object, expected.name);
      assert.deepEqual(
        got.matched.map((m) => m.item.id).sort(),
        [...expected.requirementIds].sort(),
        expected.name,
      );
      assert.deepEqual(got.unmatched, [], expected.name);
      assert.deepEqual(got.problems, [], expected.name);
      assert.equal(got.object.kind, expected.kind, expected.name);
      assert.equal(got.matched.filter((m) => m.result !== null).length, expected.results);
      assert.deepEqual(got.object.attributes.ipAddresses, expected.ipAddresses, expected.name);
      assert.equal(got.object.attributes.version, expected.version, expected.name);
    }
    const by = (name: string) => match.sheets.find((s) => s.name === name)!;
    // The practitioner's layout is the object's requirement set unless it is the kind's default.
    assert.equal(by('HIS应用服务器').object?.controlPoints, null);
    assert.equal(by('重要个人信息').object?.controlPoints, null);
    assert.deepEqual(by('核心交换机').object?.controlPoints, [
      '8.1.4.1',
      '8.1.4.2',
      '8.1.4.3',
      '8.1.4.4',
      '8.1.4.5',
      '8.1.4.6',
    ]);
    assert.deepEqual(by('重要业务数据').object?.controlPoints, ['8.1.4.7', '8.1.4.8', '8.1.4.9']);
    assert.equal(by('重要业务数据').object?.attributes.dataClass, 'business');
    // Oddities only warn: a repeated identical item, a 合计 row, wording of the sibling item.
    assert.ok(codes(by('HIS应用服务器').warnings).includes('4:duplicate_same'));
    assert.ok(codes(by('出口防火墙').warnings).includes('null:totals_ignored'));
    assert.ok(codes(by('HIS数据库（达梦DM8）').warnings).includes('4:wording_differs'));
    // Cloud items inline under the merged 扩展标准 cell.
    assert.ok(by('安全区域边界').matched.some((m) => m.item.id.startsWith('8.2.3.')));
    // 部分符合 / 不适用 take the 结果记录 as their reason.
    const partial = by('安全区域边界').matched.find((m) => m.result === 'partial');
    assert.equal(partial?.reason, partial?.record);
    assert.equal(partial?.reasonFromRecord, true);
  });

  it('matches a level-2 workbook by the item letters at level 2, or by position without them', async () => {
    const fixture = await level2Workbook();
    const sheets = await readPractitionerWorkbook(fixture.buffer);
    const match = matchWorkbook({ sheets, baseline: L2, level: 2, objects: [] });
    for (const expected of fixture.sheets) {
      const got = match.sheets.find((s) => s.name === expected.name);
      assert.deepEqual(
        got?.matched.map((m) => m.item.id).sort(),
        [...expected.requirementIds].sort(),
        expected.name,
      );
      assert.equal(got?.object?.kind, expected.kind);
    }
  });

  it('says why a row is not matched', () => {
    const match = matchWorkbook({
      baseline: L2,
      level: 2,
      objects: [],
      sheets: [
        sheet(
          '运维终端',
          ['安全通用要求', '网络设备防护', 'a）登录鉴别', '已配置', '符合'],
          ['安全通用要求', '身份鉴别', 'd）双因素鉴别', '未采用', '不符合'],
          ['移动互联安全扩展要求', '身份鉴别', 'a）鉴别', '已配置', '符合'],
          ['某某扩展', '身份鉴别', 'a）鉴别', '已配置', '符合'],
          ['安全通用要求', null, null, '已配置', '符合'],
        ),
        sheet('未命名', ['安全通用要求', '访问控制', 'a）策略', '已配置', '符合']),
      ],
    });
    assert.deepEqual(codes(match.sheets[0]!.unmatched), [
      '2:control_point_unknown',
      '3:letter_unknown',
      '4:extension_not_in_baseline',
      '5:extension_unknown',
      '6:item_empty',
    ]);
    // 访问控制 is in 安全区域边界 and 安全计算环境: nothing in the sheet says which.
    assert.deepEqual(codes(match.sheets[1]!.unmatched), ['2:category_unknown']);
    // No row matched: the sheet does not become an object.
    assert.equal(match.sheets[1]!.object, null);
    assert.ok(codes(match.sheets[1]!.warnings).includes('null:no_object'));
  });

  it('blocks rows that would break the result rules, naming the column as written', () => {
    const match = matchWorkbook({
      baseline: L3,
      level: 3,
      objects: [],
      sheets: [
        sheet(
          '应用服务器',
          ['安全通用要求', '身份鉴别', 'a）标识和鉴别', null, '不符合'],
          ['安全通用要求', '身份鉴别', 'b）登录失败处理', '已配置', '基本符合'],
          ['安全通用要求', '身份鉴别', 'c）远程管理', null, '不适用'],
          ['安全通用要求', '身份鉴别', 'd）组合鉴别', '未采用', null],
        ),
      ],
    });
    const s = match.sheets[0]!;
    assert.deepEqual(
      s.problems.map((p) => `${p.row}:${p.column}:${p.code.replace('practitioner.', '')}`),
      [
        '2:结果记录:record_required',
        '3:符合情况:result_invalid',
        '4:结果记录:reason_required',
        '5:符合情况:result_missing',
      ],
    );
  });

  it('writes to an existing object of the same name, only within its requirement set', () => {
    const existing: ExistingObject = {
      id: '00000000-0000-4000-8000-000000000001',
      name: '核心交换机',
      kind: 'network_device',
      controlPoints: ['8.1.4.1'],
    };
    const match = matchWorkbook({
      baseline: L3,
      level: 3,
      objects: [existing],
      sheets: [
        sheet(
          ' 核心交换机 ',
          ['安全通用要求', '身份鉴别', 'a）标识和鉴别', '已配置', '符合'],
          ['安全通用要求', '安全审计', 'a）审计功能', '已开启', '符合'],
        ),
      ],
    });
    const s = match.sheets[0]!;
    assert.equal(s.object?.existingId, existing.id);
    assert.deepEqual(codes(s.unmatched), ['3:outside_object']);
    assert.deepEqual(
      s.matched.map((m) => m.item.id),
      ['8.1.4.1-a'],
    );
  });

  it('reads cloud items under a label row when there is no 扩展标准 column, and 安全类 in the 控制点 cell', () => {
    const detected = detectSheet({
      name: '10.20.1.11',
      rows: [
        ['控制点', '测评项', '结果记录', '符合情况'],
        ['安全通用要求', '安全通用要求', '安全通用要求', '安全通用要求'],
        ['身份鉴别', 'a）标识和鉴别', '已配置', '符合'],
        ['安全计算环境-访问控制', 'a）分配账户和权限', '已配置', '符合'],
        ['云计算安全扩展要求', '云计算安全扩展要求', '云计算安全扩展要求', '云计算安全扩展要求'],
        ['身份鉴别', 'a）双向身份验证', '已配置', '符合'],
        ['访问控制（云）', 'b）客户自行设置虚拟机间的访问控制策略', '已配置', '符合'],
      ].map((cells, i): RowData => ({ r: i + 1, cells })),
    });
    const match = matchWorkbook({ baseline: L3, level: 3, objects: [], sheets: [detected] });
    const s = match.sheets[0]!;
    assert.deepEqual(s.unmatched, []);
    assert.deepEqual(
      s.matched.map((m) => m.item.id),
      ['8.1.4.1-a', '8.1.4.2-a', '8.2.4.1-a', '8.2.4.2-b'],
    );
    assert.equal(s.object?.kind, 'server');
    assert.equal(s.object?.kindGuessed, true);
  });

  it('reads dengbao’s own export too (条款 gives the item letter, 原因说明 the reason)', () => {
    const detected = detectSheet({
      name: '数据库服务器',
      rows: [
        [
          '序号',
          '扩展标准',
          '安全类',
          '控制点',
          '条款',
          '测评项',
          '结果记录',
          '符合情况',
          '原因说明',
          '权重',
          '编号',
        ],
        [
          1,
          '安全通用要求',
          '安全计算环境',
          '身份鉴别',
          '8.1.4.1 b)',
          '登录失败处理',
          '已配置',
          '部分符合',
          '仅部分账户',
          1,
          '8.1.4.1-b',
        ],
        [
          2,
          '安全通用要求',
          '安全计算环境',
          '访问控制',
          '8.1.4.2 a)',
          '分配账户和权限',
          '已配置',
          '符合',
          null,
          1,
          '8.1.4.2-a',
        ],
      ].map((cells, i): RowData => ({ r: i + 1, cells })),
    });
    const match = matchWorkbook({ baseline: L3, level: 3, objects: [], sheets: [detected] });
    const s = match.sheets[0]!;
    assert.deepEqual(s.unmatched, []);
    assert.deepEqual(
      s.matched.map((m) => [m.item.id, m.reason, m.reasonFromRecord]),
      [
        ['8.1.4.1-b', '仅部分账户', false],
        ['8.1.4.2-a', null, false],
      ],
    );
  });

  it('accounts for every row of random sheets: matched, unmatched or a problem, never thrown', () => {
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const words: (CellValue | null)[] = [
      null,
      '',
      '安全通用要求',
      '云计算安全扩展要求',
      '物联网安全扩展要求',
      '身份鉴别',
      '访问控制',
      '安全审计',
      '集中管控',
      '网络设备防护',
      'a）标识和鉴别',
      'b)登录失败处理',
      'z）不存在的项',
      '应启用安全审计',
      '符合',
      '部分符合',
      '不符合',
      '不适用',
      '基本符合',
      '已核查配置',
      '合计',
      'IP：10.0.0.1',
      0.7,
      1,
      'L3-CES1-01',
      '控制点',
      '测评项',
    ];
    for (let n = 0; n < 200; n++) {
      const lines: (CellValue | null)[][] = [];
      for (let r = 0; r < 1 + Math.floor(random() * 12); r++) {
        lines.push(Array.from({ length: 5 + Math.floor(random() * 3) }, () => pick(words)));
      }
      const match = matchWorkbook({
        baseline: L3,
        level: 3,
        objects: [],
        sheets: [sheet(pick(['服务器', '安全区域边界', '安全管理中心', '某对象']), ...lines)],
      });
      const s = match.sheets[0]!;
      const rowProblems = s.problems.filter((p) => p.code !== 'practitioner.column_missing');
      const repeated = s.warnings.filter((w) => w.code === 'practitioner.duplicate_same');
      assert.equal(
        s.matched.length + s.unmatched.length + rowProblems.length + repeated.length,
        s.rows,
        JSON.stringify(lines),
      );
    }
  });

  it('gives the wording as found, per requirement', () => {
    const match = matchWorkbook({
      baseline: L3,
      level: 3,
      objects: [],
      sheets: [
        sheet('服务器', ['安全通用要求', '身份鉴别', 'a）对登录的用户进行身份标识和鉴别', '', '']),
      ],
    });
    assert.deepEqual(wordingFromWorkbook(match), [
      { requirementId: '8.1.4.1-a', text: '对登录的用户进行身份标识和鉴别' },
    ]);
  });
});
