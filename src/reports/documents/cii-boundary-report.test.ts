/**
 * The CII boundary determination report from a small in-memory model (a provincial grid's
 * dispatch business): chapters in order, the reason of every inside asset, boundary points,
 * outside reasons, the basis (recorded or live), the history, the duties with their deadlines and
 * the below-level-3 warning.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CiiDutiesDto, ObligationDto, OrganisationDto } from '../../shared/api-types';
import type {
  CiiAssetView,
  CiiBoundaryResponse,
  CiiDeterminationView,
} from '../../shared/cii-schemas';
import { documentText, type Block, type ReportDocument, type TableBlock } from '../model';
import { beijingTime, buildCiiBoundaryReport, reportBasis } from './cii-boundary-report';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const ORG: OrganisationDto = {
  id: id(1),
  name: '某省电力有限公司',
  nameEn: 'X Province Electric Power Co.',
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

const asset = (
  n: number,
  code: string,
  name: string,
  kind: CiiAssetView['kind'],
  extra: Partial<CiiAssetView> = {},
): CiiAssetView => ({
  id: id(n),
  code,
  name,
  kind,
  external: kind === 'external_system',
  party: null,
  systemId: null,
  systemName: null,
  systemLevel: null,
  description: null,
  version: 1,
  ...extra,
});

const SCADA = asset(10, 'SCADA', '调度自动化系统', 'information_system', {
  systemId: id(90),
  systemName: '省级调度自动化系统',
  systemLevel: 2,
});
const DISPATCH_NET = asset(11, 'DISPATCH-NET', '电力调度数据网', 'network_facility');
const BASTION = asset(12, 'BASTION', '运维堡垒机', 'om_system');
const STATE_GRID = asset(13, 'SGCC-DISPATCH', '国调中心调度系统', 'external_system', {
  party: '国家电网有限公司国家电力调度控制中心',
});
const OA = asset(14, 'OA', '办公OA系统', 'information_system');
const ASSETS = [SCADA, DISPATCH_NET, BASTION, STATE_GRID, OA];
const FLOW_ID = id(20);
const BUSINESS_ID = id(30);

const ref = (a: CiiAssetView) => ({ assetId: a.id, code: a.code, name: a.name });

const BOUNDARY: CiiBoundaryResponse = {
  coreBusiness: {
    id: BUSINESS_ID,
    name: '省级电力调度业务',
    sector: 'energy',
    designatingAuthority: '国家能源局',
    designationNotice: '国能发安全〔2024〕示例号',
    designatedOn: '2024-06-01',
    description: '全省电网的实时调度与控制',
    chainSteps: [
      { name: '数据采集', description: '厂站遥测遥信' },
      { name: '调度决策' },
      { name: '控制指令下发' },
    ],
    infoCategories: [
      { name: '电网运行数据', important: true, description: '遥测、遥信、电量' },
      { name: '调度日志', important: false },
    ],
    boundaryFollow: null,
    flowCount: 1,
    lastDeterminedAt: '2026-02-01T02:30:00.000Z',
    version: 1,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  },
  assets: ASSETS,
  dependencies: [
    { id: id(40), fromAssetId: SCADA.id, toAssetId: DISPATCH_NET.id, kind: 'runs_on', note: null },
    { id: id(41), fromAssetId: SCADA.id, toAssetId: BASTION.id, kind: 'managed_by', note: null },
    {
      id: id(42),
      fromAssetId: SCADA.id,
      toAssetId: STATE_GRID.id,
      kind: 'exchanges_with_external',
      note: null,
    },
  ],
  flows: [
    {
      id: FLOW_ID,
      coreBusinessId: BUSINESS_ID,
      name: '遥测数据',
      infoCategory: '电网运行数据',
      description: null,
      hops: [
        { assetId: SCADA.id, stage: 'collection', note: '厂站RTU上送' },
        { assetId: SCADA.id, stage: 'processing' },
        { assetId: STATE_GRID.id, stage: 'exchange' },
      ],
      version: 1,
    },
  ],
  boundary: {
    rules: {
      id: 'lifecycle-dependencies-2024-draft-reading',
      follow: { runs_on: true, authenticates_with: true, managed_by: true, protected_by: true },
      source: 'TC260 2024-05-31 draft',
      status: 'unverified',
    },
    inside: [
      {
        assetId: SCADA.id,
        reason: { kind: 'flow', flowId: FLOW_ID, stage: 'collection' },
        explanationZh: '关键业务信息流「遥测数据」在此采集。',
        explanationEn:
          'The critical business information flow "遥测数据" passes here (collection).',
      },
      {
        assetId: DISPATCH_NET.id,
        reason: {
          kind: 'dependency',
          chain: [{ assetId: DISPATCH_NET.id, via: 'runs_on' }],
          flowId: FLOW_ID,
          stage: 'collection',
          from: SCADA.id,
        },
        explanationZh:
          '信息流「遥测数据」在「SCADA 调度自动化系统」采集；「SCADA 调度自动化系统」运行于「DISPATCH-NET 电力调度数据网」；关键业务离不开它，故纳入边界。',
        explanationEn: 'Flow "遥测数据" … runs on "DISPATCH-NET 电力调度数据网"; inside.',
      },
      {
        assetId: BASTION.id,
        reason: {
          kind: 'dependency',
          chain: [{ assetId: BASTION.id, via: 'managed_by' }],
          flowId: FLOW_ID,
          stage: 'collection',
          from: SCADA.id,
        },
        explanationZh:
          '信息流「遥测数据」在「SCADA 调度自动化系统」采集；「SCADA 调度自动化系统」由「BASTION 运维堡垒机」运维管理；关键业务离不开它，故纳入边界。',
        explanationEn: 'Flow "遥测数据" … is managed by "BASTION 运维堡垒机"; inside.',
      },
    ],
    outside: [STATE_GRID.id, OA.id],
    outsideExplanations: {
      [STATE_GRID.id]: {
        zh: '外部单位的系统，不纳入边界；与其交互的接口处为边界接入点。',
        en: "An external party's system: outside.",
      },
      [OA.id]: {
        zh: '关键业务信息流不经过它，边界内资产也不依赖它（按当前纳入规则）。',
        en: 'No critical information flow passes it and nothing inside depends on it.',
      },
    },
    boundaryPoints: [{ insideAssetId: SCADA.id, externalAssetId: STATE_GRID.id }],
  },
  sinceLast: null,
};

const determination = (
  n: number,
  at: string,
  inside: readonly CiiAssetView[],
  added: readonly CiiAssetView[],
  removed: readonly CiiAssetView[],
  note: string | null,
): CiiDeterminationView => ({
  id: id(n),
  coreBusinessId: BUSINESS_ID,
  determinedAt: at,
  determinedBy: 'zhao.min',
  note,
  rulesId: 'lifecycle-dependencies-2024-draft-reading',
  inside: inside.map((a) => ({ ...ref(a), explanationZh: '…' })),
  boundaryPoints: [{ inside: ref(SCADA), external: ref(STATE_GRID) }],
  added: added.map(ref),
  removed: removed.map(ref),
});

/** Newest first: the second one matches the live boundary. */
const FIRST = determination(
  50,
  '2025-06-01T02:00:00.000Z',
  [SCADA, DISPATCH_NET],
  [SCADA, DISPATCH_NET],
  [],
  '首次认定',
);
const SECOND = determination(
  51,
  '2026-02-01T02:30:00.000Z',
  [SCADA, DISPATCH_NET, BASTION],
  [BASTION],
  [],
  '纳入堡垒机',
);

const duty = (
  ruleId: string,
  titleZh: string,
  state: ObligationDto['state'],
  extra: Partial<ObligationDto>,
): ObligationDto => ({
  key: `${ruleId}:${BUSINESS_ID}`,
  ruleId,
  systemId: BUSINESS_ID,
  systemName: '省级电力调度业务',
  titleZh,
  titleEn: `${ruleId} (en)`,
  reasonZh: `${titleZh}的原因`,
  reasonEn: `Reason for ${ruleId}`,
  citations: [
    {
      instrumentId: 'cii-regulations-2021',
      provisionId: 'art-18',
      labelZh: '《关键信息基础设施安全保护条例》第十八条',
      labelEn: 'CII Regulations, Art. 18',
    },
  ],
  dueDate: null,
  windowOpensOn: null,
  recurrenceMonths: null,
  eventDeadline: null,
  state,
  manualStatus: null,
  effectiveState: state,
  provenance: 'confirmed',
  ...extra,
});

const DUTIES: CiiDutiesDto = {
  asOf: '2026-03-02',
  designated: true,
  determinedAt: SECOND.determinedAt,
  obligations: [
    duty('cii.annual-testing', '关键信息基础设施年度网络安全检测和风险评估', 'upcoming', {
      dueDate: '2026-06-01',
      recurrenceMonths: 12,
    }),
    duty('cii.incident-reporting', '关键信息基础设施网络安全事件1小时内报告', 'standing', {
      eventDeadline: 'PT1H',
    }),
  ],
  missingFacts: [],
  systems: [
    {
      systemId: id(90),
      name: '省级调度自动化系统',
      level: 2,
      warnings: [
        {
          code: 'CII_BELOW_LEVEL_3',
          expectedAtLeast: 3,
          messageZh: '关键信息基础设施原则上不低于第三级。',
          messageEn: 'CII is in principle at least level 3.',
          citations: [
            {
              instrumentId: 'mps-2020-1960',
              provisionId: null,
              labelZh: '公网安〔2020〕1960号',
              labelEn: 'MPS 2020 No. 1960',
            },
          ],
          provenance: 'confirmed',
        },
      ],
    },
  ],
};

const INPUT = {
  organisation: ORG,
  boundary: BOUNDARY,
  determinations: [SECOND, FIRST],
  duties: DUTIES,
  date: '2026-03-02',
};

/** The blocks between a level-1 heading and the next one. */
function chapter(d: ReportDocument, heading: string): Block[] {
  const start = d.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  assert.ok(start >= 0, `no chapter ${heading}`);
  const rest = d.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === 'heading' && b.level === 1);
  return end < 0 ? rest : rest.slice(0, end);
}
const tables = (blocks: Block[]): TableBlock[] =>
  blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (blocks: Block[]): string =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('\n');

describe('CII boundary determination report (关键信息基础设施边界识别报告)', () => {
  const doc = buildCiiBoundaryReport(INPUT, 'zh');

  it('has the cover fields, the unverified rules and the seven chapters in order', () => {
    assert.equal(doc.title, '省级电力调度业务关键信息基础设施边界识别报告');
    assert.deepEqual(Object.fromEntries(doc.cover.lines), {
      运营者: '某省电力有限公司',
      核心业务: '省级电力调度业务',
      行业领域: '能源',
      认定部门: '国家能源局',
      认定通知: '国能发安全〔2024〕示例号',
      认定日期: '2024年6月1日',
      边界依据: '2026年2月1日的认定（与实时计算一致）',
      边界纳入规则: 'lifecycle-dependencies-2024-draft-reading（依据待核实）',
    });
    assert.equal(doc.cover.date, '报告日期：2026年3月2日');
    assert.deepEqual(
      doc.blocks
        .filter((b) => b.kind === 'heading' && b.level === 1)
        .map((b) => b.kind === 'heading' && b.text),
      [
        '1 核心业务与关键业务链',
        '2 关键业务信息流',
        '3 边界内资产',
        '4 边界接入点',
        '5 边界外资产',
        '6 边界变化',
        '7 安全保护义务',
      ],
    );
    const opening = texts(doc.blocks.slice(0, 3));
    assert.match(opening, /征求意见稿/);
    assert.match(opening, /依据待核实/);
    assert.match(opening, /即2026年2月1日 10:30由zhao\.min记录的边界认定/);
  });

  it('lists the chain, the information categories with important data, and each flow hop by hop', () => {
    const ch1 = chapter(doc, '1 核心业务与关键业务链');
    const steps = ch1.find((b) => b.kind === 'list');
    assert.deepEqual(steps?.kind === 'list' && steps.items, [
      '数据采集：厂站遥测遥信',
      '调度决策',
      '控制指令下发',
    ]);
    assert.deepEqual(tables(ch1)[0]?.rows, [
      ['1', '电网运行数据', '★ 是', '遥测、遥信、电量'],
      ['2', '调度日志', '否', '—'],
    ]);
    const ch2 = chapter(doc, '2 关键业务信息流');
    assert.ok(ch2.some((b) => b.kind === 'heading' && b.text === '2.1 遥测数据'));
    const hops = tables(ch2)[0]!;
    assert.deepEqual(
      hops.columns.map((c) => c.header),
      ['序号', '资产', '生命周期阶段', '说明'],
    );
    assert.deepEqual(hops.rows, [
      ['1', 'SCADA 调度自动化系统', '采集', '厂站RTU上送'],
      ['2', 'SCADA 调度自动化系统', '处理', '—'],
      [
        '3',
        'SGCC-DISPATCH 国调中心调度系统',
        '交换共享',
        '外部系统，运营单位：国家电网有限公司国家电力调度控制中心',
      ],
    ]);
  });

  it('gives every inside asset its reason, grading object and level; boundary points; outside reasons', () => {
    const inside = tables(chapter(doc, '3 边界内资产'))[0]!;
    assert.deepEqual(
      inside.columns.map((c) => c.header),
      ['编码', '名称', '类型', '关联定级对象与等级', '纳入原因'],
    );
    // The reason column is the widest, so it wraps rather than pushing the table off the page.
    const widths = inside.columns.map((c) => c.width);
    assert.equal(Math.max(...widths), widths[4]);
    assert.deepEqual(inside.rows[0], [
      'SCADA',
      '调度自动化系统',
      '信息系统',
      '省级调度自动化系统（第二级）',
      '关键业务信息流「遥测数据」在此采集。',
    ]);
    assert.match(inside.rows[2]![4]!, /由「BASTION 运维堡垒机」运维管理/);

    assert.deepEqual(tables(chapter(doc, '4 边界接入点'))[0]?.rows, [
      [
        '1',
        'SCADA 调度自动化系统',
        'SGCC-DISPATCH 国调中心调度系统',
        '国家电网有限公司国家电力调度控制中心',
      ],
    ]);
    const outside = tables(chapter(doc, '5 边界外资产'))[0]!;
    assert.deepEqual(
      outside.rows.map((r) => r[0]),
      ['SGCC-DISPATCH', 'OA'],
    );
    assert.match(
      outside.rows[0]![3]!,
      /^运营单位：国家电网有限公司国家电力调度控制中心；外部单位的系统/,
    );
    assert.match(outside.rows[1]![3]!, /关键业务信息流不经过它/);
  });

  it('shows the determination history and that the live boundary matches the last one', () => {
    const ch6 = chapter(doc, '6 边界变化');
    assert.match(texts(ch6), /此后边界未发生变化/);
    assert.deepEqual(tables(ch6)[0]?.rows, [
      ['2026年2月1日 10:30', 'zhao.min', '3', '1项：BASTION', '—', '纳入堡垒机'],
      ['2025年6月1日 10:00', 'zhao.min', '2', '首次认定，2项', '—', '首次认定'],
    ]);
  });

  it('lists the duties with deadlines (event deadlines in words), legal basis and the below-level-3 warning', () => {
    const ch7 = chapter(doc, '7 安全保护义务');
    const [dutyTable, systems] = tables(ch7);
    assert.deepEqual(
      dutyTable?.columns.map((c) => c.header),
      ['义务', '期限', '状态', '依据', '说明'],
    );
    assert.deepEqual(
      dutyTable?.rows.map((r) => r.slice(0, 4)),
      [
        [
          '关键信息基础设施年度网络安全检测和风险评估',
          '2026年6月1日（每12个月）',
          '未到期',
          '《关键信息基础设施安全保护条例》第十八条',
        ],
        [
          '关键信息基础设施网络安全事件1小时内报告',
          '事件发生后1小时内',
          '持续义务',
          '《关键信息基础设施安全保护条例》第十八条',
        ],
      ],
    );
    assert.deepEqual(systems?.rows, [
      [
        '省级调度自动化系统',
        '第二级',
        '关键信息基础设施原则上不低于第三级。（公网安〔2020〕1960号）',
      ],
    ]);
    assert.match(
      texts(ch7),
      /注意：省级调度自动化系统位于关键信息基础设施边界内，安全保护等级低于第三级/,
    );
  });

  it('says so when the live boundary differs from the recorded determination', () => {
    // The last determination lacked BASTION and had OA; the live boundary differs both ways.
    const stale = determination(
      52,
      '2026-02-20T01:00:00.000Z',
      [SCADA, DISPATCH_NET, OA],
      [OA],
      [BASTION],
      null,
    );
    const input = {
      ...INPUT,
      boundary: {
        ...BOUNDARY,
        sinceLast: {
          determinationId: stale.id,
          determinedAt: stale.determinedAt,
          added: [ref(BASTION)],
          removed: [ref(OA)],
        },
      },
      determinations: [stale, SECOND, FIRST],
    };
    const basis = reportBasis(input.boundary, input.determinations);
    assert.equal(basis.kind, 'live_differs');
    const d = buildCiiBoundaryReport(input, 'zh');
    assert.equal(
      Object.fromEntries(d.cover.lines)['边界依据'],
      '实时计算（与2026年2月20日的认定不同）',
    );
    assert.match(
      texts(d.blocks.slice(0, 3)),
      /实时计算的结果，与2026年2月20日 09:00记录的边界认定不一致（新增1项资产，移出1项资产/,
    );
    assert.equal(tables(chapter(d, '3 边界内资产'))[0]?.rows[2]?.[1], '运维堡垒机（认定后新增）');
    assert.equal(
      tables(chapter(d, '5 边界外资产'))[0]?.rows[1]?.[1],
      '办公OA系统（原在认定边界内）',
    );
    const ch6 = chapter(d, '6 边界变化');
    const changes = ch6.find((b) => b.kind === 'list');
    assert.deepEqual(changes?.kind === 'list' && changes.items, [
      '新增纳入：BASTION 运维堡垒机',
      '移出边界：OA 办公OA系统',
    ]);
    // Without sinceLast (or with a stale one) the comparison is made against the newest determination.
    assert.equal(reportBasis({ ...BOUNDARY, sinceLast: null }, [stale]).kind, 'live_differs');
    // A lost boundary point is a difference even when the assets are the same.
    const noPoint = { ...SECOND, boundaryPoints: [] };
    const b2 = reportBasis(BOUNDARY, [noPoint]);
    assert.ok(b2.kind === 'live_differs' && b2.pointsAdded[0] === 'SCADA ↔ SGCC-DISPATCH');
  });

  it('says the boundary is a live computation when nothing is recorded, and renders in English', () => {
    const live = buildCiiBoundaryReport(
      {
        ...INPUT,
        determinations: [],
        duties: { ...DUTIES, determinedAt: null, systems: [] },
      },
      'zh',
    );
    assert.equal(Object.fromEntries(live.cover.lines)['边界依据'], '实时计算（尚未记录认定）');
    assert.match(texts(chapter(live, '6 边界变化')), /尚未记录边界认定/);
    assert.match(texts(chapter(live, '7 安全保护义务')), /尚未记录边界认定，边界内定级对象未计入/);

    const en = buildCiiBoundaryReport(INPUT, 'en');
    assert.equal(en.title, '省级电力调度业务 — CII boundary determination report');
    const all = documentText(en);
    assert.ok(all.includes('3 Assets inside the boundary'));
    assert.ok(all.includes('within 1 hour of the event'));
    assert.ok(all.some((t) => t.includes('(unverified)')));
    assert.ok(all.includes('X Province Electric Power Co.'));
    assert.ok(
      !all.some((t) => /[（）：]/.test(t) && /^[A-Za-z]/.test(t)),
      'no Chinese punctuation in English sentences',
    );
  });

  it('formats timestamps in Beijing time', () => {
    assert.equal(beijingTime('zh', '2026-03-01T17:05:00.000Z'), '2026年3月2日 01:05');
    assert.equal(beijingTime('en', '2026-03-01T17:05:00.000Z'), '2026-03-02 01:05 (UTC+8)');
  });
});
