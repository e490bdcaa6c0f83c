/**
 * Structure of the obligations calendar: its chapters in order, the same table header in each,
 * and every obligation in the chapter its effective state belongs to.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ObligationDto, OrganisationDto } from '../../shared/api-types';
import { documentText, type Block, type ReportDocument, type TableBlock } from '../model';
import { buildObligationsCalendar } from './obligations-calendar';

const ORG: OrganisationDto = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '某市第一人民医院',
  nameEn: 'First People’s Hospital of X City',
  creditCode: null,
  region: null,
  sector: null,
  contactName: null,
  contactPhone: null,
  filingProfile: null,
  version: 1,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const obligation = (
  key: string,
  titleZh: string,
  effectiveState: ObligationDto['effectiveState'],
  dueDate: string | null,
): ObligationDto => ({
  key,
  ruleId: key,
  systemId: '00000000-0000-4000-8000-000000000010',
  systemName: '医院信息系统（HIS）',
  titleZh,
  titleEn: `${key} (en)`,
  reasonZh: `${titleZh}的原因`,
  reasonEn: `Reason for ${key}`,
  citations: [
    {
      instrumentId: 'mps-mlps-measures-2007',
      provisionId: 'art-15',
      labelZh: '《信息安全等级保护管理办法》第十五条',
      labelEn: 'MLPS Measures (2007) Art 15',
    },
  ],
  dueDate,
  windowOpensOn: null,
  recurrenceMonths: null,
  eventDeadline: null,
  state: effectiveState === 'done' || effectiveState === 'not_applicable' ? 'open' : effectiveState,
  manualStatus:
    effectiveState === 'done'
      ? { status: 'done', note: '已线下办理', updatedAt: '2026-02-01T00:00:00Z' }
      : null,
  effectiveState,
  provenance: 'confirmed',
});

const ITEMS: ObligationDto[] = [
  obligation('mlps.filing', '向公安机关备案', 'overdue', '2026-02-04'),
  obligation('mlps.periodic-assessment.2025', '定期开展等级测评', 'due_soon', '2026-03-20'),
  obligation('crypto.application-assessment', '商用密码应用安全性评估', 'upcoming', '2026-12-31'),
  obligation('cii.incident-reporting', '网络安全事件报告', 'standing', null),
  obligation('mlps.expert-review', '定级专家评审', 'open', null),
  obligation('mlps.competent-approval', '主管部门审核', 'done', '2026-01-20'),
];

const doc: ReportDocument = buildObligationsCalendar(
  { organisation: ORG, obligations: { asOf: '2026-03-02', items: ITEMS, missingFacts: [] } },
  'zh',
);

/** The blocks between a level-1 heading and the next one. */
function chapter(d: ReportDocument, heading: string): Block[] {
  const start = d.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  assert.ok(start >= 0, `no chapter ${heading}`);
  const rest = d.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === 'heading' && b.level === 1);
  return end < 0 ? rest : rest.slice(0, end);
}
const tableOf = (d: ReportDocument, heading: string): TableBlock | undefined =>
  chapter(d, heading).find((b): b is TableBlock => b.kind === 'table');

describe('obligations calendar (合规义务日历)', () => {
  it('has the cover and the six chapters in order', () => {
    assert.equal(doc.title, '某市第一人民医院合规义务日历');
    assert.deepEqual(doc.cover.lines.slice(0, 2), [
      ['单位名称', '某市第一人民医院'],
      ['统计日期', '2026年3月2日'],
    ]);
    assert.deepEqual(
      doc.blocks
        .filter((b) => b.kind === 'heading' && b.level === 1)
        .map((b) => b.kind === 'heading' && b.text),
      [
        '1 已逾期义务',
        '2 30日内到期义务',
        '3 后续到期义务',
        '4 持续性义务',
        '5 待办理义务（无确定日期）',
        '6 已完成及不适用义务',
      ],
    );
  });

  it('gives every chapter the same table header', () => {
    for (const heading of ['1 已逾期义务', '4 持续性义务', '6 已完成及不适用义务']) {
      assert.deepEqual(
        tableOf(doc, heading)?.columns.map((c) => c.header),
        ['定级对象', '义务', '到期日', '状态', '依据', '原因'],
        heading,
      );
    }
  });

  it('puts an overdue obligation in the overdue chapter, and only there', () => {
    const overdue = tableOf(doc, '1 已逾期义务');
    assert.deepEqual(overdue?.rows, [
      [
        '医院信息系统（HIS）',
        '向公安机关备案',
        '2026年2月4日',
        '已逾期',
        '《信息安全等级保护管理办法》第十五条',
        '向公安机关备案的原因',
      ],
    ]);
    const elsewhere = doc.blocks
      .filter((b): b is TableBlock => b.kind === 'table' && b !== overdue)
      .flatMap((b) => b.rows.map((r) => r[1]));
    assert.ok(!elsewhere.includes('向公安机关备案'));
    assert.deepEqual(
      tableOf(doc, '2 30日内到期义务')?.rows.map((r) => r[1]),
      ['定期开展等级测评'],
    );
    // A manual status overrides the engine's, with its note after the reason.
    const done = tableOf(doc, '6 已完成及不适用义务')?.rows[0];
    assert.equal(done?.[3], '已完成（人工）');
    assert.match(done?.[5] ?? '', /备注：已线下办理/);
  });

  it('says 无 for an empty chapter and renders in English', () => {
    const empty = buildObligationsCalendar(
      { organisation: ORG, obligations: { asOf: '2026-03-02', items: [], missingFacts: [] } },
      'zh',
    );
    assert.ok(
      chapter(empty, '1 已逾期义务').some(
        (b) => b.kind === 'paragraph' && b.runs[0]?.text === '无',
      ),
    );
    const en = buildObligationsCalendar(
      { organisation: ORG, obligations: { asOf: '2026-03-02', items: ITEMS, missingFacts: [] } },
      'en',
    );
    assert.deepEqual(
      tableOf(en, '1 Overdue')?.columns.map((c) => c.header),
      ['System', 'Obligation', 'Due', 'State', 'Basis', 'Reason'],
    );
    assert.ok(documentText(en).includes('mlps.filing (en)'));
  });
});
