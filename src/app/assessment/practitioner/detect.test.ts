import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CellValue, RowData } from '../../../spreadsheet/types';
import {
  categoryNamed,
  detectSheet,
  headerField,
  inferKind,
  itemLetter,
  parseAttributeLine,
  withoutLetter,
} from './detect';

const rows = (...lines: (CellValue | null)[][]): RowData[] =>
  lines.map((cells, i) => ({ r: i + 1, cells }));

describe('practitioner workbook: detection', () => {
  it('knows the usual names of each column, with hints and spaces', () => {
    assert.equal(headerField('控制点'), 'controlPoint');
    assert.equal(headerField('测评指标'), 'controlPoint');
    assert.equal(headerField('测评内容'), 'item');
    assert.equal(headerField(' 要 求 项 '), 'item');
    assert.equal(headerField('现场记录'), 'record');
    assert.equal(headerField('符合程度（符合/部分符合/不符合/不适用）'), 'result');
    assert.equal(headerField('结果判定'), 'result');
    assert.equal(headerField('分值'), 'weight');
    assert.equal(headerField('测评项编号'), 'code');
    assert.equal(headerField('序号'), null);
  });

  it('reads the IP line with full-width colons, several addresses and a version', () => {
    assert.deepEqual(parseAttributeLine('IP：10.0.0.1、10.0.0.2  版本：V8.0.26  型号：USG6650'), {
      ipAddresses: ['10.0.0.1', '10.0.0.2'],
      version: 'V8.0.26',
      model: 'USG6650',
    });
    assert.deepEqual(parseAttributeLine('IP地址:192.168.1.5 操作系统:CentOS 7.9'), {
      ipAddresses: ['192.168.1.5'],
      os: 'CentOS 7.9',
    });
    assert.equal(parseAttributeLine('主机房现场测评记录'), null);
  });

  it('takes the item letter off a) and a）and （a）', () => {
    assert.equal(itemLetter('a）应对登录的用户进行身份标识'), 'a');
    assert.equal(itemLetter('B)应具有登录失败处理功能'), 'b');
    assert.equal(itemLetter('（c）应采用两种或两种以上组合的鉴别技术'), 'c');
    assert.equal(itemLetter('ｄ）应采用口令、密码技术'), 'd');
    assert.equal(withoutLetter('ｄ）应采用口令'), '应采用口令');
    assert.equal(itemLetter('应对登录的用户进行身份标识'), null);
    assert.equal(withoutLetter('a）  启用口令复杂度'), '启用口令复杂度');
  });

  it('finds an offset header below an IP line, headerless weight and code columns, carries merged cells down and leaves out a 合计 row', () => {
    const sheet = detectSheet({
      name: '核心交换机',
      rows: rows(
        ['IP：10.10.0.1', null, '版本：V7.1.070'],
        ['扩展标准', '控制点', '测评项', '结果记录', '符合情况'],
        ['安全通用要求', '身份鉴别', 'a）标识和鉴别', '已启用', '符合', 1, 'L3-CES1-01'],
        [null, null, 'b）登录失败处理', '未配置', '不符合', 0.7, 'L3-CES1-02'],
        ['云计算安全扩展要求', '身份鉴别', 'a）双向认证', '已启用', '符合', 0.4, 'L3-CES2-01'],
        [null, '合计', null, null, null, 2.1],
        [null, null, '测评人员：张伟、刘洋  复核人：陈静  日期：2026-03-10'],
      ),
    });
    assert.equal(sheet.status, 'items');
    assert.equal(sheet.headerRow, 2);
    assert.deepEqual(sheet.attributes, { ipAddresses: ['10.10.0.1'], version: 'V7.1.070' });
    assert.equal(sheet.columns.weight?.header, 'F');
    assert.equal(sheet.columns.code?.header, 'G');
    assert.equal(sheet.totals, 1);
    assert.deepEqual(
      sheet.rows.map((r) => [
        r.r,
        r.extension,
        r.controlPoint,
        r.letter,
        r.ordinal,
        r.weight,
        r.code,
      ]),
      [
        [3, '安全通用要求', '身份鉴别', 'a', 1, 1, 'L3-CES1-01'],
        [4, '安全通用要求', '身份鉴别', 'b', 2, 0.7, 'L3-CES1-02'],
        [5, '云计算安全扩展要求', '身份鉴别', 'a', 1, 0.4, 'L3-CES2-01'],
      ],
    );
  });

  it('reads a two-row header (测评结果 over 结果记录 | 符合情况)', () => {
    const sheet = detectSheet({
      name: '安全管理中心',
      rows: rows(
        ['控制点', '测评项', '测评结果', '测评结果'],
        ['控制点', '测评项', '结果记录', '符合情况'],
        ['系统管理', 'a）管理员身份鉴别', '经堡垒机', '符合'],
      ),
    });
    assert.equal(sheet.headerRow, 2);
    assert.equal(sheet.columns.record?.col, 3);
    assert.equal(sheet.columns.result?.col, 4);
    assert.equal(sheet.rows.length, 1);
  });

  it('leaves out summary sheets, even with 控制点 and 测评项数 columns', () => {
    const summary = detectSheet({
      name: '单项测评结果汇总',
      rows: rows(['控制点', '测评项', '符合', '不符合'], ['身份鉴别', '4', '3', '1']),
    });
    assert.equal(summary.status, 'summary');
    const counts = detectSheet({
      name: '统计分析服务器',
      rows: rows(['控制点', '测评项数', '符合项数'], ['身份鉴别', 4, 3]),
    });
    assert.equal(counts.status, 'no_header');
  });

  it('leaves out sheets without a header (a cover)', () => {
    const sheet = detectSheet({
      name: '封面',
      rows: rows(['某系统等级测评现场记录'], ['2026年3月']),
    });
    assert.equal(sheet.status, 'no_header');
  });

  it('infers the kind from the sheet name, else from the categories (guessed)', () => {
    assert.equal(categoryNamed('机房'), 'PES');
    assert.equal(categoryNamed('系统边界'), 'ABS');
    assert.equal(inferKind('安全通信网络', []).kind, 'network');
    assert.equal(inferKind('系统边界', []).kind, 'area_boundary');
    assert.equal(inferKind('安全运维管理', []).kind, 'document');
    assert.equal(inferKind('核心交换机', []).kind, 'network_device');
    assert.equal(inferKind('出口防火墙', []).kind, 'security_device');
    assert.equal(inferKind('HIS数据库（达梦DM8）', []).kind, 'database');
    assert.equal(inferKind('堡垒机', []).kind, 'management_platform');
    assert.equal(inferKind('H3C S5560X-54C', []).kind, 'network_device');
    assert.equal(inferKind('华为USG6650', []).kind, 'security_device');
    assert.equal(inferKind('H3C SecPath F1000', []).kind, 'security_device');
    assert.deepEqual(inferKind('重要个人信息', []), {
      kind: 'data',
      guessed: false,
      dataClass: 'personal',
    });
    assert.deepEqual(inferKind('10.0.0.8', ['CES', 'CES']), {
      kind: 'server',
      guessed: true,
      dataClass: null,
    });
  });
});
