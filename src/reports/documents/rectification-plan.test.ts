/**
 * 整改方案 builder: the chapters, the gap by category, measures per finding (technical or
 * management, with what was found), the Gantt periods and marks, the totals in fen, and the
 * wording an organisation overrides. Pure: fixtures in, document out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  AssessmentScoreDto,
  AssessmentSummaryDto,
  FindingDto,
  OrganisationDto,
  RectificationDto,
  ScoreResultDto,
} from '../../shared/api-types';
import {
  documentText,
  type Block,
  type FieldsBlock,
  type ReportDocument,
  type TableBlock,
} from '../model';
import {
  buildRectificationPlan,
  GANTT_MARK,
  money,
  RECTIFICATION_PLAN_BLOCKS,
  schedulePeriods,
  type RectificationPlanInput,
} from './rectification-plan';

const ORG = {
  id: 'org',
  name: '某市第一人民医院',
  nameEn: 'First People’s Hospital of X City',
} as OrganisationDto;

const ASSESSMENT = {
  id: 'a1',
  systemId: 's1',
  systemName: '医院信息系统（HIS）',
  title: '2026年度等级测评',
  level: 3,
  agency: '某测评机构',
  reportNumber: '33010043001-26001-01',
  reportDate: '2026-03-25',
} as AssessmentSummaryDto;

const finding = (
  requirementId: string,
  category: FindingDto['category'],
  result: FindingDto['result'],
  risk: FindingDto['effectiveRisk'],
  title: string,
): FindingDto =>
  ({
    requirementId,
    clause: requirementId.replace(/-(\w)$/, ' $1)'),
    category,
    title: { zh: title, en: `${title} (en)` },
    result,
    effectiveRisk: risk,
    objects: [{ id: 'o1', name: 'HIS数据库 达梦DM8', result }],
    description: null,
  }) as unknown as FindingDto;

const FINDINGS: FindingDto[] = [
  finding('8.1.4.1-d', 'CES', 'non_compliant', 'high', '双因素身份鉴别'),
  finding('8.1.4.3-a', 'CES', 'partial', 'medium', '启用安全审计'),
  finding('8.1.2.2-a', 'CNS', 'non_compliant', 'medium', '通信数据完整性'),
  finding('8.1.6.1-a', 'PSS', 'partial', 'low', '安全策略'),
];

const item = (f: FindingDto, extra: Partial<RectificationDto> = {}): RectificationDto => ({
  id: `r-${f.requirementId}`,
  assessmentId: 'a1',
  assessmentTitle: ASSESSMENT.title,
  systemId: 's1',
  systemName: ASSESSMENT.systemName,
  requirementId: f.requirementId,
  clause: f.clause,
  title: f.title,
  risk: f.effectiveRisk,
  owner: null,
  dueDate: null,
  plan: null,
  status: 'open',
  approver: null,
  acceptanceReason: null,
  retestResult: null,
  retestOn: null,
  retestBy: null,
  closedOn: null,
  overdue: false,
  measureKind: null,
  measures: null,
  startDate: null,
  budgetLines: [],
  products: [],
  version: 1,
  updatedAt: '2026-04-01T00:00:00Z',
  ...extra,
});

const RECTIFICATIONS: RectificationDto[] = [
  item(FINDINGS[0]!, {
    owner: '信息科 王工',
    measures: '部署USBKey双因素认证并经堡垒机统一登录。',
    startDate: '2026-05-04',
    dueDate: '2026-06-30',
    status: 'in_progress',
    budgetLines: [
      { item: '实施服务', amount: 0.1, fundingSource: '专项资金' },
      { item: '证书', amount: 0.2, fundingSource: '专项资金' },
    ],
    products: [
      {
        name: '服务器密码机',
        type: '密码机',
        vendor: '某密码科技',
        model: 'SJJ1012-A',
        quantity: 3,
        unitPrice: 33333.33,
        certificationKind: 'commercial_crypto',
        certificateNumber: 'GM0033',
      },
    ],
  }),
  // A CES finding the owner remedies by a management measure.
  item(FINDINGS[1]!, {
    owner: '信息科 王工',
    measureKind: 'management',
    plan: '制定审计日志定期审查制度。',
    startDate: '2026-05-11',
    dueDate: '2026-08-31',
    budgetLines: [{ item: '日志审计咨询', amount: 1500, fundingSource: null }],
  }),
  item(FINDINGS[2]!, { owner: '网络组 李工', dueDate: '2026-07-15' }),
  item(FINDINGS[3]!),
];

const score = (value: number, byCategory: [string, number | null][], open: number) =>
  ({
    policy: 'T2025',
    value,
    conclusion: value >= 90 ? 'compliant' : 'basically_compliant',
    risks: { high: { total: 1, open }, medium: { total: 2, open: 2 }, low: { total: 1, open: 1 } },
    majorRisks: { total: 0, rectified: 0 },
    majorRiskLabel: '0（0个已整改）',
    byCategory: byCategory.map(([category, v]) => ({
      category,
      applicable: 10,
      compliant: 0,
      value: v,
    })),
  }) as unknown as ScoreResultDto;

const SCORE: AssessmentScoreDto = {
  assessmentId: 'a1',
  reportDate: '2026-03-25',
  before: score(
    80.5,
    [
      ['CES', 60],
      ['CNS', 75],
      ['PSS', 90],
    ],
    1,
  ),
  after: score(
    80.5,
    [
      ['CES', 60],
      ['CNS', 75],
      ['PSS', 90],
    ],
    1,
  ),
};
const EXPECTED = score(
  100,
  [
    ['CES', 100],
    ['CNS', 100],
    ['PSS', 100],
  ],
  0,
);

const INPUT: RectificationPlanInput = {
  organisation: ORG,
  assessment: ASSESSMENT,
  rectifications: RECTIFICATIONS,
  findings: FINDINGS,
  records: [
    {
      requirementId: '8.1.4.1-d',
      objectName: 'HIS数据库 达梦DM8',
      result: 'non_compliant',
      record: '数据库管理员仅凭口令登录，未采用第二种鉴别技术。',
    },
  ],
  score: SCORE,
  expected: EXPECTED,
  asOf: '2026-04-20',
};

const outline = (doc: ReportDocument) =>
  doc.blocks.flatMap((b) =>
    b.kind === 'heading' && b.level < 3 ? [`${'  '.repeat(b.level - 1)}${b.text}`] : [],
  );
/** The blocks after a heading, up to the next heading of the same or a higher level. */
function section(doc: ReportDocument, heading: string): Block[] {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  assert.ok(start >= 0, `no heading ${heading}`);
  const level = (doc.blocks[start] as { level: number }).level;
  const rest = doc.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === 'heading' && b.level <= level);
  return end < 0 ? rest : rest.slice(0, end);
}
const tablesUnder = (doc: ReportDocument, heading: string) =>
  section(doc, heading).filter((b): b is TableBlock => b.kind === 'table');
const fieldsAfter = (doc: ReportDocument, h3Prefix: string) => {
  const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith(h3Prefix));
  assert.ok(i >= 0, `no heading ${h3Prefix}`);
  return new Map((doc.blocks[i + 1] as FieldsBlock).rows.map(([k, v]) => [k, v] as const));
};
const text = (doc: ReportDocument) => documentText(doc).join('\n');

describe('整改方案 (rectification plan)', () => {
  const doc = buildRectificationPlan(INPUT, 'zh');
  const en = buildRectificationPlan(INPUT, 'en');

  it('has the practitioner’s chapters, the tracker as an appendix, zh and en in step', () => {
    assert.deepEqual(outline(doc), [
      '1 整改依据与目标',
      '  1.1 基本情况',
      '  1.2 整改依据',
      '  1.3 整改目标',
      '  1.4 整改原则',
      '2 差距分析',
      '  2.1 按安全类统计',
      '  2.2 符合率与结论',
      '  2.3 重大风险隐患与高风险问题',
      '3 整改措施',
      '  3.1 技术措施',
      '  3.2 管理措施',
      '4 进度安排',
      '5 责任分工',
      '6 预算与产品清单',
      '  6.1 预算明细',
      '  6.2 产品清单',
      '  6.3 预算汇总',
      '附录A 整改跟踪表',
      '  A.1 按整改状态统计',
      '  A.2 按风险等级统计',
      '  A.3 整改项跟踪',
      '  A.4 逾期整改项',
      '  A.5 复测情况',
      '  A.6 风险接受',
    ]);
    assert.equal(outline(en).length, outline(doc).length);
    assert.deepEqual(
      doc.blocks.map((b) => b.kind),
      en.blocks.map((b) => b.kind),
    );
    assert.ok(!/[\u4e00-\u9fff]/.test(outline(en).join('')), 'English headings');
  });

  it('analyses the gap by security category, now and expected after the plan', () => {
    const [gap] = tablesUnder(doc, '2.1 按安全类统计');
    assert.deepEqual(
      gap!.columns.map((c) => c.header),
      ['安全类', '不符合', '部分符合', '高风险', '中风险', '低风险', '当前符合率', '预计符合率'],
    );
    assert.deepEqual(gap!.rows, [
      ['安全通信网络', '1', '0', '0', '1', '0', '75.00%', '100.00%'],
      ['安全计算环境', '1', '1', '1', '1', '0', '60.00%', '100.00%'],
      ['安全管理制度', '0', '1', '0', '0', '1', '90.00%', '100.00%'],
      ['合计', '2', '2', '1', '2', '1', '80.50%', '100.00%'],
    ]);
    const [rates] = tablesUnder(doc, '2.2 符合率与结论');
    assert.deepEqual(rates!.rows[0], ['符合率', '80.50%', '80.50%', '100.00%']);
    assert.deepEqual(rates!.rows[2], ['未整改的高风险问题', '1', '1', '0']);
    const highs = tablesUnder(doc, '2.3 重大风险隐患与高风险问题');
    assert.equal(highs.length, 1, 'no major risks: the high risks only');
    assert.equal(highs[0]!.rows[0]![0], '8.1.4.1 d)');
    assert.match(highs[0]!.rows[0]![3]!, /仅凭口令登录/);
  });

  it('plans technical and management measures per finding, with what was found', () => {
    const technical = section(doc, '3.1 技术措施')
      .filter((b) => b.kind === 'heading')
      .map((b) => (b.kind === 'heading' ? b.text : ''));
    assert.deepEqual(technical, [
      '3.1.1 8.1.2.2 a) 通信数据完整性',
      '3.1.2 8.1.4.1 d) 双因素身份鉴别',
    ]);
    const management = section(doc, '3.2 管理措施')
      .filter((b) => b.kind === 'heading')
      .map((b) => (b.kind === 'heading' ? b.text : ''));
    // The audit finding is a CES item planned as a management measure; 安全策略 is PSS.
    assert.deepEqual(management, ['3.2.1 8.1.4.3 a) 启用安全审计', '3.2.2 8.1.6.1 a) 安全策略']);
    const twoFactor = fieldsAfter(doc, '3.1.2 ');
    assert.equal(
      twoFactor.get('测评发现'),
      'HIS数据库 达梦DM8（不符合）：数据库管理员仅凭口令登录，未采用第二种鉴别技术',
    );
    assert.equal(twoFactor.get('整改措施'), '部署USBKey双因素认证并经堡垒机统一登录。');
    assert.equal(twoFactor.get('措施类型'), '技术措施');
    assert.equal(twoFactor.get('计划时间'), '2026年5月4日至2026年6月30日');
    // 0.10 + 0.20 + 3 × 33,333.33 = 100,000.29
    assert.equal(twoFactor.get('费用（元）'), '100,000.29');
    // Without measures the older plan text stands in; without either, it is still to be decided.
    assert.equal(fieldsAfter(doc, '3.2.1 ').get('整改措施'), '制定审计日志定期审查制度。');
    assert.equal(fieldsAfter(doc, '3.2.2 ').get('整改措施'), '（待制定）');
    assert.equal(fieldsAfter(en, '3.2.1 ').get('Measure kind'), 'Management');
  });

  it('schedules the items as a Gantt table of months with ■ marks', () => {
    const [gantt] = tablesUnder(doc, '4 进度安排');
    assert.deepEqual(
      gantt!.columns.map((c) => c.header),
      ['条款', '整改项', '负责人', '开始', '完成', '5月', '6月', '7月', '8月'],
    );
    const marks = (clause: string) =>
      gantt!.rows
        .find((r) => r[0] === clause)!
        .slice(5)
        .map((c) => (c === GANTT_MARK ? 'x' : '.'));
    assert.deepEqual(marks('8.1.4.1 d)'), ['x', 'x', '.', '.']);
    assert.deepEqual(marks('8.1.4.3 a)'), ['x', 'x', 'x', 'x']);
    // Only a due date: the item is marked in its due month.
    assert.deepEqual(marks('8.1.2.2 a)'), ['.', '.', 'x', '.']);
    assert.equal(gantt!.rows.length, 3, 'the unscheduled item is left out of the chart');
    assert.match(text(doc), /尚未排期的整改项1项（见附录A）/);
  });

  it('chooses weeks, months or quarters for the schedule', () => {
    const weeks = schedulePeriods('2026-05-06', '2026-06-10');
    assert.equal(weeks.unit, 'week');
    assert.equal(weeks.periods[0]!.from, '2026-05-04', 'weeks start on Monday');
    assert.equal(weeks.periods.at(-1)!.to, '2026-06-14');
    assert.equal(weeks.periods[0]!.label.zh, '第1周');
    const months = schedulePeriods('2026-11-15', '2027-02-01');
    assert.equal(months.unit, 'month');
    assert.deepEqual(
      months.periods.map((p) => p.label.zh),
      ['26年11月', '26年12月', '27年1月', '27年2月'],
    );
    assert.equal(months.periods[3]!.to, '2027-02-28');
    const quarters = schedulePeriods('2026-01-10', '2028-03-01');
    assert.equal(quarters.unit, 'quarter');
    assert.equal(quarters.periods.length, 9);
    assert.equal(quarters.periods.at(-1)!.label.en, 'Q1 28');
  });

  it('totals the budget lines and products per category and in all, in fen', () => {
    const [budget] = tablesUnder(doc, '6.1 预算明细');
    assert.deepEqual(
      budget!.rows.map((r) => [r[2], r[4]]),
      [
        ['实施服务', '0.10'],
        ['证书', '0.20'],
        ['日志审计咨询', '1,500.00'],
        ['小计（安全计算环境）', '1,500.30'],
        ['合计', '1,500.30'],
      ],
    );
    const [products] = tablesUnder(doc, '6.2 产品清单');
    assert.deepEqual(products!.rows[0], [
      '1',
      '服务器密码机',
      '密码机',
      '某密码科技 SJJ1012-A',
      '3',
      '33,333.33',
      '99,999.99',
      '商用密码产品认证证书',
      'GM0033',
      '8.1.4.1 d)',
    ]);
    const [byCategory, bySource] = tablesUnder(doc, '6.3 预算汇总');
    assert.deepEqual(byCategory!.rows, [
      ['安全计算环境', '1,500.30', '99,999.99', '101,500.29'],
      ['合计', '1,500.30', '99,999.99', '101,500.29'],
    ]);
    assert.deepEqual(bySource!.rows, [
      ['专项资金', '0.30'],
      ['（未指定）', '1,500.00'],
    ]);
    assert.equal(doc.cover.lines.find(([k]) => k === '预算合计（元）')?.[1], '101,500.29');
  });

  it('lists owners with their items, dates and costs', () => {
    const [owners] = tablesUnder(doc, '5 责任分工');
    assert.deepEqual(owners!.rows, [
      ['网络组 李工', '1', '8.1.2.2 a)', '2026-07-15', '2026-07-15', '0.00'],
      ['信息科 王工', '2', '8.1.4.1 d)、8.1.4.3 a)', '2026-05-04', '2026-08-31', '101,500.29'],
      ['（未指定）', '1', '8.1.6.1 a)', '—', '—', '0.00'],
    ]);
  });

  it('keeps the tracker (status, re-test) as the appendix', () => {
    const [byStatus] = tablesUnder(doc, 'A.1 按整改状态统计');
    assert.deepEqual(byStatus!.rows.at(-1), ['合计', '4']);
    const [tracker] = tablesUnder(doc, 'A.3 整改项跟踪');
    assert.deepEqual(
      tracker!.columns.map((c) => c.header),
      ['条款', '问题', '风险', '负责人', '计划完成日期', '状态', '复测结果'],
    );
    assert.equal(tracker!.rows.length, 4);
  });

  it('prints the organisation’s wording, and the plan’s own text before either', () => {
    const keys = RECTIFICATION_PLAN_BLOCKS.map((b) => b.key);
    assert.deepEqual(keys, [
      'rectification.basis',
      'rectification.principles',
      'rectification.responsibilities',
    ]);
    for (const b of RECTIFICATION_PLAN_BLOCKS) {
      assert.match(b.defaults.zh, /[\u4e00-\u9fff]/);
      assert.ok(b.defaults.en.length > 20);
    }
    assert.match(text(doc), /GB\/T 22239—2019/);
    const overrides = {
      blocks: {
        'rectification.principles.zh': '本院整改原则：先急后缓。',
        'rectification.responsibilities.zh': '由信息中心主任总负责。',
      },
    };
    const worded = buildRectificationPlan({ ...INPUT, overrides }, 'zh');
    assert.match(text(worded), /本院整改原则：先急后缓。/);
    assert.match(text(worded), /由信息中心主任总负责。/);
    assert.doesNotMatch(text(worded), /风险优先：/);
    assert.match(text(buildRectificationPlan({ ...INPUT, overrides }, 'en')), /Risk first/);
    const planned = buildRectificationPlan(
      {
        ...INPUT,
        overrides,
        plan: {
          assessmentId: 'a1',
          objectives: '8月底前全部整改完毕。',
          principles: '本方案原则：边整改边复测。',
          budgetNote: '资金列入年度预算。',
          version: 2,
          updatedAt: null,
        },
      },
      'zh',
    );
    const t = text(planned);
    assert.match(t, /8月底前全部整改完毕。/);
    assert.match(t, /本方案原则：边整改边复测。/);
    assert.doesNotMatch(t, /先急后缓/);
    assert.match(t, /资金列入年度预算。/);
    // Without objectives of its own, the plan states them from the figures.
    assert.match(text(doc), /符合率由80\.50%提升至预计100\.00%/);
  });

  it('formats money with thousands and two decimals', () => {
    assert.equal(money(0), '0.00');
    assert.equal(money(5), '0.05');
    assert.equal(money(123456789), '1,234,567.89');
  });
});
