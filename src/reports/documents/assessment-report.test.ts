/**
 * The 等级测评报告 builder in the 2025 layout: front matter (声明, basic information, conclusion
 * page with its extension table), every chapter and appendix, problems described by the records,
 * advice from the guidance where no plan exists, the threat list, the draft watermark, the
 * organisation's wording overrides, and zh / en in step. Pure: fixtures in, document out; the
 * figures are the scoring engine's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { presentScore } from '../../app/assessment/queries';
import { deriveFindings } from '../../domain/mlps/assessment/findings';
import { scoreAssessment } from '../../domain/mlps/assessment/scoring';
import type { ResultRecord, TestObjectKind } from '../../domain/mlps/assessment/types';
import type {
  AssessmentDto,
  AssessmentScoreDto,
  CatalogCategory,
  FindingDto,
  ItemResultCode,
  MajorRiskDto,
  MajorRiskTriggerDto,
  OrganisationDto,
  RectificationDto,
  RectificationStatusCode,
  RiskLevelCode,
  SystemDto,
  WorkbookDto,
  WorkbookRowDto,
} from '../../shared/api-types';
import {
  documentText,
  type FieldsBlock,
  type ListBlock,
  type ReportDocument,
  type TableBlock,
} from '../model';
import {
  ASSESSMENT_REPORT_BLOCKS,
  buildAssessmentReport,
  type AssessmentReportInput,
} from './assessment-report';
import { THREAT_KINDS } from './assessment-report/threats';
import { rate } from './labels';

// --- fixtures: 某市第一人民医院, HIS graded level 3 -------------------------------------------

const ORG: OrganisationDto = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '某市第一人民医院',
  nameEn: 'First People’s Hospital of X City',
  creditCode: '12330100470000000X',
  region: '浙江省某市',
  sector: '卫生健康',
  contactName: '王信息',
  contactPhone: '0571-88880000',
  filingProfile: null,
  version: 1,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const SYSTEM_ID = '00000000-0000-4000-8000-000000000010';
const ASSESSMENT_ID = '00000000-0000-4000-8000-000000000100';

const SYSTEM: SystemDto = {
  id: SYSTEM_ID,
  organisationId: ORG.id,
  name: '医院信息系统（HIS）',
  types: ['ordinary_system'],
  level: 3,
  gradedOn: '2025-11-03',
  goLiveOn: '2016-05-01',
  isCii: false,
  filedOn: '2025-12-01',
  certificateNumber: '33010043001-25001',
  version: 7,
  updatedAt: '2025-12-01T00:00:00Z',
  description: '承载门诊挂号、收费、住院、医嘱和药品管理等核心业务，服务全院医护人员和就诊患者。',
  ciiDesignatedOn: null,
  isNationalEgov: false,
  hasCompetentAuthority: true,
  competentAuthority: '某市卫生健康委员会',
  responsibleDepartment: '信息中心',
  hostSystemId: null,
  ciiSecurityOrganisationOn: null,
  filingProfile: null,
  createdAt: '2025-01-01T00:00:00Z',
};

// --- fixtures: the 2026 assessment --------------------------------------------------------

const OBJECTS: {
  id: string;
  name: string;
  kind: TestObjectKind;
  controlPoints: string[] | null;
}[] = [
  { id: 'o-room', name: '主机房', kind: 'machine_room', controlPoints: null },
  // Carries network rows as well: its own requirement set (filled in below from SPECS).
  { id: 'o-switch', name: '核心交换机', kind: 'network_device', controlPoints: [] },
  { id: 'o-db', name: 'HIS数据库服务器', kind: 'server', controlPoints: null },
  { id: 'o-doc', name: '安全管理制度文档', kind: 'document', controlPoints: null },
];

type Spec = [
  id: string,
  category: CatalogCategory,
  controlPoint: string,
  title: string,
  results: Record<string, ItemResultCode>,
];
const C = 'compliant';
const SPECS: Spec[] = [
  ['8.1.1.1-a', 'PES', '物理位置选择', '机房场地防震防风防雨', { 'o-room': C }],
  ['8.1.1.2-a', 'PES', '物理访问控制', '机房出入口电子门禁', { 'o-room': 'non_compliant' }],
  ['8.1.1.3-a', 'PES', '防盗窃和防破坏', '设备固定并有明显标记', { 'o-room': C }],
  ['8.1.2.1-a', 'CNS', '网络架构', '网络设备处理能力满足高峰需要', { 'o-switch': C }],
  ['8.1.2.1-b', 'CNS', '网络架构', '划分网络区域并分配地址', { 'o-switch': C }],
  ['8.1.2.2-a', 'CNS', '通信传输', '采用校验技术保证传输完整性', { 'o-switch': 'partial' }],
  ['8.1.3.1-a', 'ABS', '边界防护', '跨边界访问经受控接口', { 'o-switch': C }],
  ['8.1.3.2-a', 'ABS', '访问控制', '边界访问控制规则', { 'o-switch': 'not_applicable' }],
  [
    '8.1.4.1-a',
    'CES',
    '身份鉴别',
    '身份标识唯一且口令复杂',
    { 'o-switch': C, 'o-db': 'non_compliant' },
  ],
  ['8.1.4.1-c', 'CES', '身份鉴别', '远程管理防窃听', { 'o-switch': C, 'o-db': C }],
  [
    '8.1.4.1-d',
    'CES',
    '身份鉴别',
    '双因素身份鉴别',
    { 'o-switch': 'non_compliant', 'o-db': 'non_compliant' },
  ],
  ['8.1.4.2-a', 'CES', '访问控制', '为登录用户分配账户和权限', { 'o-switch': C, 'o-db': C }],
  ['8.1.6.1-a', 'PSS', '安全策略', '制定网络安全工作总体方针', { 'o-doc': C }],
  ['8.1.6.1-b', 'PSS', '安全策略', '安全策略覆盖各类管理活动', { 'o-doc': C }],
  ['8.1.6.2-a', 'PSS', '管理制度', '建立安全管理制度', { 'o-doc': 'partial' }],
];

// This fixture keys requirements by their own id as control point (see `requirements` below).
OBJECTS[1]!.controlPoints = SPECS.filter((spec) => 'o-switch' in spec[4]).map((spec) => spec[0]);

const ROWS: WorkbookRowDto[] = SPECS.flatMap(([id, category, cp, title, results]) =>
  Object.entries(results).map(([objectId, result]) => ({
    requirementId: id,
    objectId,
    extension: 'general' as const,
    category,
    controlPointId: id,
    controlPoint: { zh: cp, en: `${cp} (en)` },
    clause: id.replace(/-(\w)$/, ' $1)'),
    testId: null,
    weight: null,
    title: { zh: title, en: `${title} (en)` },
    text: { zh: `${title}的要求。`, en: `Requirement: ${title}.` },
    standardText: null,
    result,
    record: result === 'not_applicable' ? null : `现场核查${title}。`,
    reason: result === 'not_applicable' ? '边界访问控制由防火墙承担。' : null,
    recordedBy: 'assessor',
    recordedAt: '2026-02-20T00:00:00Z',
    reviewedBy: null,
    reviewedAt: null,
    evidenceCount: 0,
    version: 1,
  })),
);

const ASSESSMENT: AssessmentDto = {
  id: ASSESSMENT_ID,
  systemId: SYSTEM_ID,
  systemName: SYSTEM.name,
  title: '2026年度等级测评',
  level: 3,
  extensions: ['general'],
  cloudRole: null,
  periodStart: '2026-02-16',
  periodEnd: '2026-02-27',
  agency: '某省信息安全测评中心',
  reportNumber: '33010043001-26-0001-01',
  reportDate: '2026-03-01',
  team: ['赵测评', '钱测评'],
  status: 'completed',
  catalogHash: 'x',
  catalogChanged: false,
  requirementCount: SPECS.length,
  createdBy: 'assessor',
  version: 3,
  createdAt: '2026-02-16T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  objects: OBJECTS.map((o, i) => ({
    ...o,
    description: `${o.name}（测评对象）`,
    attributes: {
      ipAddresses: o.kind === 'server' ? ['10.1.2.3'] : [],
      os: null,
      version: null,
      model: null,
      vendor: null,
      location: null,
      role: null,
      importance: null,
      dataClass: null,
    },
    requirementCount: SPECS.filter((spec) => o.id in spec[4]).length,
    position: i,
    version: 1,
  })),
  uncovered: [],
};

const WORKBOOK: WorkbookDto = { assessment: ASSESSMENT, rows: ROWS, progress: [] };

const RISKS: Record<string, RiskLevelCode> = {
  '8.1.1.2-a': 'high',
  '8.1.4.1-a': 'high',
  '8.1.2.2-a': 'medium',
  '8.1.4.1-d': 'medium',
  '8.1.6.2-a': 'low',
};
const RECT_STATUS: Record<string, [RectificationStatusCode, string | null]> = {
  '8.1.1.2-a': ['verified', '2026-02-10'],
  '8.1.4.1-a': ['in_progress', '2026-02-28'],
  '8.1.2.2-a': ['open', '2026-04-30'],
  '8.1.4.1-d': ['fixed', '2026-02-15'],
  '8.1.6.2-a': ['risk_accepted', '2026-06-30'],
};
const AS_OF = '2026-03-02';

const records: ResultRecord[] = ROWS.map((r) => ({
  requirementId: r.requirementId,
  objectId: r.objectId,
  result: r.result as ItemResultCode,
}));
const requirements = SPECS.map(([id, category]) => ({ id, category, controlPointId: id }));
const spec = (id: string) => SPECS.find((s) => s[0] === id) as Spec;

const FINDINGS: FindingDto[] = deriveFindings(requirements, OBJECTS, records).map((f) => {
  const [id, category, cp, title] = spec(f.requirementId);
  const risk = RISKS[id] as RiskLevelCode;
  return {
    requirementId: id,
    clause: id.replace(/-(\w)$/, ' $1)'),
    category,
    extension: 'general',
    controlPoint: { zh: cp, en: `${cp} (en)` },
    title: { zh: title, en: `${title} (en)` },
    result: f.result,
    objects: f.objects.map((o) => ({
      id: o.objectId,
      name: OBJECTS.find((x) => x.id === o.objectId)?.name ?? o.objectId,
      result: o.result,
    })),
    failingObjectCount: f.objectIds.length,
    suggested: { risk, reason: { zh: '', en: '' }, caseId: null },
    majorRiskTrigger: null,
    risk,
    effectiveRisk: risk,
    observations: [],
    description: id === '8.1.4.1-a' ? '数据库 sa 账户使用弱口令。' : null,
    confirmedBy: 'assessor',
    confirmedAt: '2026-02-27T00:00:00Z',
    highRiskCases: [],
    rectification: { id: `rect-${id}`, status: RECT_STATUS[id]![0] },
    version: 1,
  };
});

const RECTIFICATIONS: RectificationDto[] = FINDINGS.map((f) => {
  const [status, due] = RECT_STATUS[f.requirementId]!;
  const open = status !== 'verified' && status !== 'risk_accepted';
  return {
    id: `rect-${f.requirementId}`,
    assessmentId: ASSESSMENT_ID,
    assessmentTitle: ASSESSMENT.title,
    systemId: SYSTEM_ID,
    systemName: SYSTEM.name,
    requirementId: f.requirementId,
    clause: f.clause,
    title: f.title,
    risk: f.effectiveRisk,
    owner: '信息中心 孙工',
    dueDate: due,
    plan: `针对“${f.title.zh}”落实整改措施。`,
    status,
    approver: status === 'risk_accepted' ? '分管副院长' : null,
    acceptanceReason: status === 'risk_accepted' ? '制度修订纳入年度计划，风险可控。' : null,
    retestResult: status === 'verified' ? 'compliant' : null,
    retestOn: status === 'verified' ? '2026-02-12' : null,
    retestBy: status === 'verified' ? '赵测评' : null,
    closedOn: status === 'verified' ? '2026-02-12' : null,
    overdue: open && due !== null && due < AS_OF,
    measureKind: null,
    measures: null,
    startDate: null,
    budgetLines: [],
    products: [],
    version: 1,
    updatedAt: '2026-03-01T00:00:00Z',
  };
});

const MAJOR_RISKS: MajorRiskDto[] = [
  {
    id: 'm1',
    triggerId: 'A-01',
    title: {
      zh: '机房出入口未配置任何访问控制措施',
      en: 'No access control at the machine-room entrance',
    },
    note: '已加装电子门禁。',
    rectified: true,
    rectifiedOn: '2026-02-10',
    version: 1,
  },
  {
    id: 'm2',
    triggerId: 'A-18',
    title: { zh: '存在空口令、弱口令或通用口令', en: 'Empty, weak or shared passwords' },
    note: '数据库 sa 弱口令。',
    rectified: false,
    rectifiedOn: null,
    version: 1,
  },
];

const trigger = (
  id: string,
  category: MajorRiskTriggerDto['category'],
  zh: string,
): MajorRiskTriggerDto => ({
  id,
  category,
  extension: 'general',
  title: { zh, en: `${id} (en)` },
  summary: { zh: `${zh}（说明）`, en: `${id} summary` },
  requirementIds: [],
  highRiskCaseIds: [],
  provenance: { status: 'unverified', sources: [], note: null },
});
const TRIGGERS = [
  trigger('A-01', 'PES', '机房出入口无访问控制'),
  trigger('A-18', 'CES', '空口令、弱口令或通用口令'),
  trigger('A-19', 'CES', '未采用双因素身份鉴别'),
];

/** The engine's scores, computed as scoreQuery computes them. */
function engineScore(): AssessmentScoreDto {
  const verified = new Map(
    RECTIFICATIONS.filter((r) => r.status === 'verified' && r.retestResult).map((r) => [
      r.requirementId,
      r.retestResult as ItemResultCode,
    ]),
  );
  const base = { requirements, objects: OBJECTS, reportDate: ASSESSMENT.reportDate as string };
  const before = scoreAssessment({
    ...base,
    results: records,
    problems: FINDINGS.map((f) => ({ risk: f.effectiveRisk, closed: false })),
    majorRisks: MAJOR_RISKS.map(() => ({ rectified: false })),
  });
  const after = scoreAssessment({
    ...base,
    results: records.map((r) =>
      verified.has(r.requirementId) && (r.result === 'partial' || r.result === 'non_compliant')
        ? { ...r, result: verified.get(r.requirementId) as ItemResultCode }
        : r,
    ),
    problems: FINDINGS.map((f) => ({
      risk: f.effectiveRisk,
      closed: verified.has(f.requirementId),
    })),
    majorRisks: MAJOR_RISKS.map((m) => ({ rectified: m.rectified })),
  });
  return {
    assessmentId: ASSESSMENT_ID,
    reportDate: ASSESSMENT.reportDate as string,
    before: presentScore({
      ...before,
      majorRisks: after.majorRisks,
      majorRiskLabel: after.majorRiskLabel,
    }),
    after: presentScore(after),
  };
}
const SCORE = engineScore();

const ASSESSMENT_INPUT: AssessmentReportInput = {
  organisation: ORG,
  system: SYSTEM,
  workbook: WORKBOOK,
  findings: FINDINGS,
  majorRisks: MAJOR_RISKS,
  score: SCORE,
  rectifications: RECTIFICATIONS,
  triggers: TRIGGERS,
  date: AS_OF,
};
// --- helpers ------------------------------------------------------------------------------

const headings = (doc: ReportDocument, level: 1 | 2) =>
  doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));
const outline = (doc: ReportDocument) =>
  doc.blocks.flatMap((b) =>
    b.kind === 'heading' && b.level <= 2 ? [`${'  '.repeat(b.level - 1)}${b.text}`] : [],
  );

/** The blocks between a heading and the next heading of the same or a higher level. */
function section(doc: ReportDocument, heading: string) {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  assert.ok(start >= 0, `no heading ${heading}`);
  const level = (doc.blocks[start] as { level: number }).level;
  const out = [];
  for (const b of doc.blocks.slice(start + 1)) {
    if (b.kind === 'heading' && b.level <= level) break;
    out.push(b);
  }
  return out;
}
const tables = (doc: ReportDocument, heading: string) =>
  section(doc, heading).filter((b): b is TableBlock => b.kind === 'table');
const firstTable = (doc: ReportDocument, heading: string) => {
  const t = tables(doc, heading)[0];
  assert.ok(t, `no table under ${heading}`);
  return t;
};
const headers = (t: TableBlock) => t.columns.map((c) => c.header);
const allText = (doc: ReportDocument) => documentText(doc).join('\n');

/** zh labels use full-width punctuation: no ASCII ( ) : ; , in headings and field labels. */
function assertChineseTypography(doc: ReportDocument) {
  for (const b of doc.blocks) {
    const labels =
      b.kind === 'heading'
        ? [b.text]
        : b.kind === 'fields'
          ? b.rows.map((r) => r[0])
          : b.kind === 'table'
            ? b.columns.map((c) => c.header)
            : [];
    for (const l of labels) assert.doesNotMatch(l, /[():;,]/, `ASCII punctuation in "${l}"`);
  }
}

// --- tests --------------------------------------------------------------------------------

const OUTLINE_ZH = [
  '1 测评项目概述',
  '  1.1 测评目的',
  '  1.2 测评依据',
  '  1.3 测评过程',
  '2 被测对象描述',
  '  2.1 被测对象概述',
  '  2.2 测评指标',
  '  2.3 测评对象',
  '3 单项测评结果分析',
  '  3.1 按安全类统计',
  '  3.2 按测评对象统计',
  '  3.3 安全物理环境',
  '  3.4 安全通信网络',
  '  3.5 安全区域边界',
  '  3.6 安全计算环境',
  '  3.7 安全管理制度',
  '  3.8 验证测试',
  '4 整体测评',
  '  4.1 安全控制点间安全测评',
  '  4.2 区域间安全测评',
  '  4.3 整体测评结果',
  '5 安全问题风险分析',
  '  5.1 安全问题及风险等级',
  '  5.2 重大风险隐患',
  '6 总体评价',
  '  6.1 要求项符合率统计',
  '  6.2 总体评价',
  '7 等级测评结论',
  '  7.1 等级测评符合率与结论',
  '  7.2 结论依据',
  '8 安全问题整改建议',
  '  8.1 高风险问题',
  '  8.2 中风险问题',
  '  8.3 低风险问题',
  '附录A 被测对象资产',
  '附录B 单项测评结果记录',
  '  B.1 主机房',
  '  B.2 核心交换机',
  '  B.3 HIS数据库服务器',
  '  B.4 安全管理制度文档',
  '附录C 漏洞扫描结果记录',
  '附录D 渗透测试结果记录',
  '附录E 重大风险隐患触发项参照表',
  '附录F 单项测评结果汇总',
  '附录G 上次测评问题整改情况',
  '附录H 威胁列表',
];

/** The fields table captioned `caption`. */
const fieldsCaptioned = (doc: ReportDocument, caption: string) => {
  const f = doc.blocks.find((b): b is FieldsBlock => b.kind === 'fields' && b.caption === caption);
  assert.ok(f, `no fields table ${caption}`);
  return new Map(f.rows);
};
const tableCaptioned = (doc: ReportDocument, caption: string) => {
  const t = doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.caption === caption);
  assert.ok(t, `no table ${caption}`);
  return t;
};
const listsUnder = (doc: ReportDocument, heading: string) =>
  section(doc, heading).filter((b): b is ListBlock => b.kind === 'list');

describe('等级测评报告 (assessment report, 2025 layout)', () => {
  const doc = buildAssessmentReport(ASSESSMENT_INPUT, 'zh');
  const before = SCORE.before;

  it('the fixture scores as expected (engine sanity)', () => {
    assert.equal(before.policy, 'T2025');
    assert.equal(before.counts.applicable, 14);
    assert.equal(before.counts.compliant, 9);
    assert.equal(before.value, 64.29);
    assert.equal(before.conclusionZh, '基本符合');
    assert.equal(SCORE.after.value, 71.43);
    assert.equal(before.majorRiskLabel, '2（1个已整改）');
  });

  it('has the front matter, then the table of contents, every chapter and appendix', () => {
    assert.deepEqual(outline(doc), OUTLINE_ZH);
    const kinds = doc.blocks.map((b) => b.kind);
    const tocAt = kinds.indexOf('toc');
    const front = documentText({ ...doc, blocks: doc.blocks.slice(0, tocAt) }).join('\n');
    for (const part of [
      '声明',
      '网络安全等级测评基本信息表',
      '等级测评结论',
      '等级测评结论扩展表',
    ]) {
      assert.ok(front.includes(part), `front matter lacks ${part}`);
    }
    assert.ok(
      doc.blocks.slice(0, tocAt).every((b) => b.kind !== 'heading'),
      'front matter headings would enter the table of contents',
    );
    assert.equal(doc.cover.number?.[0], '报告编号');
    assert.equal(doc.cover.number?.[1], ASSESSMENT.reportNumber);
    assert.equal(doc.watermark, undefined, 'a completed assessment is no draft');
    assertChineseTypography(doc);
  });

  it('the basic-information table and the conclusion page carry the engine figures', () => {
    const f = fieldsCaptioned(doc, '网络安全等级测评基本信息表');
    assert.equal(f.get('被测单位名称'), ORG.name);
    assert.equal(f.get('安全保护等级'), '第三级（监督保护级）');
    assert.equal(f.get('备案证明编号'), '33010043001-25001');
    assert.deepEqual(
      [f.get('高风险问题数量'), f.get('中风险问题数量'), f.get('低风险问题数量')],
      ['2', '2', '1'],
    );
    assert.equal(f.get('重大风险隐患数量'), before.majorRiskLabel);
    assert.equal(f.get('符合率'), '64.29%');
    assert.equal(f.get('等级测评结论'), before.conclusionZh);
    const extension = tableCaptioned(doc, '等级测评结论扩展表');
    assert.deepEqual(headers(extension), [
      '要求类别',
      '安全类',
      '要求项',
      '符合',
      '部分符合',
      '不符合',
      '不适用',
      '符合率',
    ]);
    assert.deepEqual(extension.rows[3], [
      '安全通用要求',
      '安全计算环境',
      '4',
      '2',
      '1',
      '1',
      '0',
      '50.00%',
    ]);
    // Over all rows the counts are the engine's.
    const sum = (i: number) => extension.rows.reduce((s, r) => s + Number(r[i]), 0);
    assert.equal(sum(3), before.counts.compliant);
    assert.equal(sum(3) + sum(4) + sum(5), before.counts.applicable);
  });

  it('chapter 2 lists the indicators, those not applicable with their reasons, and how objects were chosen', () => {
    const general = firstTable(doc, '2.2.1 安全通用要求指标');
    assert.deepEqual(headers(general), ['安全类', '安全控制点', '要求项数', '测评对象数']);
    const identification = general.rows.find((r) => r[1] === '身份鉴别');
    assert.deepEqual(identification, ['安全计算环境', '身份鉴别', '3', '2']);
    assert.equal(
      general.rows.reduce((s, r) => s + Number(r[2]), 0),
      SPECS.length,
    );
    assert.deepEqual(section(doc, '2.2.2 安全扩展要求指标')[0], {
      kind: 'paragraph',
      runs: [{ text: '本次测评不涉及安全扩展要求。' }],
    });
    const na = firstTable(doc, '2.2.3 不适用的测评指标');
    assert.deepEqual(na.rows, [
      ['8.1.3.2 a)', '边界访问控制规则', '核心交换机：边界访问控制由防火墙承担。'],
    ]);
    const selection = firstTable(doc, '2.3.1 测评对象选择方法');
    assert.deepEqual(headers(selection), ['对象类别', '数量', '选取的测评对象', '重要程度']);
    assert.deepEqual(selection.rows[2], ['服务器/操作系统', '1', 'HIS数据库服务器', '未标注']);
    const objects = firstTable(doc, '2.3.2 测评对象列表');
    assert.deepEqual(objects.rows[2]?.slice(1, 4), [
      'HIS数据库服务器',
      '服务器/操作系统',
      '10.1.2.3',
    ]);
  });

  it('chapter 3 counts merge objects as the engine does, and each category has its measures and problems from the records', () => {
    const t = firstTable(doc, '3.1 按安全类统计');
    assert.deepEqual(headers(t), [
      '安全类',
      '要求项数',
      '符合',
      '部分符合',
      '不符合',
      '不适用',
      '未填写',
    ]);
    const sum = (i: number) => t.rows.reduce((s, r) => s + Number(r[i]), 0);
    assert.equal(sum(1), before.counts.items);
    assert.equal(sum(2), before.counts.compliant);
    assert.equal(sum(3), before.counts.partial);
    assert.equal(sum(4), before.counts.nonCompliant);
    assert.deepEqual(t.rows[3], ['安全计算环境', '4', '2', '1', '1', '0', '0']);
    const [measures, problems] = listsUnder(doc, '3.6 安全计算环境');
    assert.ok(measures && problems);
    // 符合 records per control point, objects with the same record together.
    assert.deepEqual(measures.items, [
      '身份鉴别：核心交换机：现场核查身份标识唯一且口令复杂；核心交换机、HIS数据库服务器：现场核查远程管理防窃听。',
      '访问控制：核心交换机、HIS数据库服务器：现场核查为登录用户分配账户和权限。',
    ]);
    // 不符合 / 部分符合 records of the findings, with the object names.
    assert.deepEqual(problems.items, [
      '身份鉴别（8.1.4.1 a)）：数据库 sa 账户使用弱口令；HIS数据库服务器：现场核查身份标识唯一且口令复杂。',
      '身份鉴别（8.1.4.1 d)）：核心交换机、HIS数据库服务器：现场核查双因素身份鉴别。',
    ]);
    const verification = section(doc, '3.8 验证测试');
    assert.match(JSON.stringify(verification), /本次测评未导入漏洞扫描结果/);
  });

  it('chapter 4 says what the overall assessment found instead of leaving a placeholder', () => {
    const text = JSON.stringify(section(doc, '4 整体测评'));
    assert.match(text, /未发现可弥补单项测评结果的安全措施/);
    assert.match(text, /整体测评未改变任何测评项的结果/);
    assert.doesNotMatch(text, /待填写/);
  });

  it('chapter 5 describes each problem by what was found on which object, with its threats', () => {
    const t = firstTable(doc, '5.1 安全问题及风险等级');
    assert.deepEqual(headers(t), [
      '序号',
      '安全类',
      '控制点',
      '条款',
      '安全问题',
      '威胁',
      '风险等级',
      '整改状态',
    ]);
    assert.equal(t.rows.length, FINDINGS.length);
    assert.deepEqual(
      t.rows.map((r) => r[6]),
      ['高风险', '高风险', '中风险', '中风险', '低风险'],
    );
    const weak = t.rows.find((r) => r[3] === '8.1.4.1 a)');
    assert.deepEqual(weak?.slice(4), [
      '数据库 sa 账户使用弱口令。\nHIS数据库服务器：现场核查身份标识唯一且口令复杂。',
      '网络攻击、越权或滥用',
      '高风险',
      '整改中',
    ]);
    const door = t.rows.find((r) => r[3] === '8.1.1.2 a)');
    assert.equal(door?.[4], '主机房：现场核查机房出入口电子门禁。');
    assert.equal(door?.[5], '物理攻击');
    // Never the requirement title plus a result.
    for (const row of t.rows) assert.doesNotMatch(row[4]!, /（不符合）|（部分符合）/);
    const mt = firstTable(doc, '5.2 重大风险隐患');
    assert.deepEqual(
      mt.rows.map((r) => r[4]),
      ['已整改（2026年2月10日）', '未整改'],
    );
  });

  it('chapters 6 and 7 show the engine rates and conclusions before and after', () => {
    const t = firstTable(doc, '6.1 要求项符合率统计');
    assert.deepEqual(t.rows.at(-1), ['合计', '14', '9', '64.29%']);
    const conclusion = firstTable(doc, '7.1 等级测评符合率与结论');
    assert.deepEqual(conclusion.rows[0], ['符合率', rate(before.value), rate(SCORE.after.value)]);
    assert.deepEqual(conclusion.rows[2], ['高风险问题（未整改）', '2', '1']);
    assert.match(allText(doc), /报告日期为2026年3月1日（2025年3月20日及以后）/);
  });

  it('chapter 8 advises from the plan, else the test guidance, else the requirement — never a stock phrase', () => {
    const high = firstTable(doc, '8.1 高风险问题');
    assert.deepEqual(headers(high), ['序号', '条款', '安全问题', '涉及对象', '整改建议']);
    assert.equal(high.rows[0]?.[4], '针对“机房出入口电子门禁”落实整改措施。');
    assert.equal(high.rows[0]?.[3], '主机房');
    const noPlans = buildAssessmentReport(
      {
        ...ASSESSMENT_INPUT,
        rectifications: RECTIFICATIONS.map((r) => ({ ...r, plan: null })),
        guidance: new Map([
          [
            '8.1.4.1-a',
            {
              expected: {
                zh: '所有账户身份唯一，口令满足复杂度并定期更换。',
                en: 'Unique accounts, complex passwords changed regularly.',
              },
              source: 'GB/T 28448-2019 L3-CES1-01',
            },
          ],
        ]),
      },
      'zh',
    );
    const advice = [...tables(noPlans, '8.1 高风险问题'), ...tables(noPlans, '8.2 中风险问题')]
      .flatMap((t) => t.rows)
      .map((r) => [r[1], r[4]]);
    assert.deepEqual(
      advice.find((a) => a[0] === '8.1.4.1 a)'),
      [
        '8.1.4.1 a)',
        '按 GB/T 22239-2019 8.1.4.1 a)“身份标识唯一且口令复杂”的要求整改（涉及：HIS数据库服务器），整改后应达到：所有账户身份唯一，口令满足复杂度并定期更换。',
      ],
    );
    // No guidance: the requirement's own text.
    assert.deepEqual(
      advice.find((a) => a[0] === '8.1.1.2 a)'),
      [
        '8.1.1.2 a)',
        '按 GB/T 22239-2019 8.1.1.2 a)“机房出入口电子门禁”的要求整改（涉及：主机房）：机房出入口电子门禁的要求。',
      ],
    );
    assert.doesNotMatch(allText(noPlans), /按测评建议整改/);
  });

  it('the appendices: assets with their attributes, records, summary, previous findings, threats', () => {
    const assets = firstTable(doc, '附录A 被测对象资产');
    assert.deepEqual(headers(assets), [
      '序号',
      '资产名称',
      '类别',
      'IP地址',
      '系统及版本',
      '品牌型号',
      '用途',
      '重要程度',
    ]);
    assert.deepEqual(assets.rows[2]?.slice(0, 4), [
      '3',
      'HIS数据库服务器',
      '服务器/操作系统',
      '10.1.2.3',
    ]);
    for (const [i, o] of OBJECTS.entries()) {
      const t = firstTable(doc, `B.${i + 1} ${o.name}`);
      assert.equal(t.rows.length, ROWS.filter((r) => r.objectId === o.id).length);
    }
    const triggers = firstTable(doc, '附录E 重大风险隐患触发项参照表');
    assert.deepEqual(
      triggers.rows.map((r) => [r[0], r[4]]),
      [
        ['A-01', '触发（已整改）'],
        ['A-18', '触发'],
        ['A-19', '未触发'],
      ],
    );
    const summary = firstTable(doc, '附录F 单项测评结果汇总');
    assert.deepEqual(summary.rows[0], ['安全物理环境（小计）', '3', '2', '0', '1', '0', '0']);
    assert.equal(
      summary.rows.filter((r) => r[0]!.endsWith('（小计）')).reduce((s, r) => s + Number(r[1]), 0),
      ROWS.length,
    );
    assert.match(JSON.stringify(section(doc, '附录G 上次测评问题整改情况')), /未关联上次等级测评/);
    const threats = firstTable(doc, '附录H 威胁列表');
    assert.equal(threats.rows.length, THREAT_KINDS.length);
    assert.deepEqual(threats.rows.find((r) => r[1] === '物理攻击')?.[3], '8.1.1.2 a)');
    assert.match(JSON.stringify(section(doc, '附录H 威胁列表')), /GB\/T 20984-2022/);
  });

  it('appendix G lists the previous assessment’s problems and where they stand now', () => {
    const withPrevious = buildAssessmentReport(
      {
        ...ASSESSMENT_INPUT,
        previous: {
          previous: {
            id: 'p',
            title: '2025年度等级测评',
            reportDate: '2025-03-28',
            reportNumber: '33010043001-25-0001-01',
          },
          items: [
            {
              requirementId: '8.1.4.1-d',
              clause: '8.1.4.1 d)',
              category: 'CES',
              title: { zh: '双因素身份鉴别', en: 'Two-factor authentication' },
              result: 'non_compliant',
              risk: 'high',
              objects: ['HIS数据库服务器'],
              description: '仅口令登录。',
              rectification: {
                id: 'r',
                status: 'verified',
                retestResult: 'compliant',
                closedOn: '2025-09-01',
              },
              currentResult: 'non_compliant',
            },
          ],
          total: 1,
        },
      },
      'zh',
    );
    const t = firstTable(withPrevious, '附录G 上次测评问题整改情况');
    assert.deepEqual(t.rows, [
      [
        '1',
        '8.1.4.1 d)',
        '双因素身份鉴别\n仅口令登录。\n涉及：HIS数据库服务器',
        '高风险',
        '复测通过（2025年9月1日）',
        '不符合',
      ],
    ]);
    assert.match(
      JSON.stringify(section(withPrevious, '附录G 上次测评问题整改情况')),
      /上次测评：2025年度等级测评（报告编号 33010043001-25-0001-01，报告日期 2025年3月28日），发现安全问题 1 个，其中 1 个已整改或本次测评已符合。/,
    );
  });

  it('a draft carries the watermark and a status line on the cover and in chapter 1', () => {
    const draft = buildAssessmentReport(
      {
        ...ASSESSMENT_INPUT,
        workbook: { ...WORKBOOK, assessment: { ...ASSESSMENT, status: 'in_progress' } },
      },
      'zh',
    );
    assert.equal(draft.watermark, '草稿');
    assert.deepEqual(draft.cover.lines.at(-1), ['报告状态', '草稿（测评进行中）']);
    assert.match(
      JSON.stringify(section(draft, '1 测评项目概述')[0]),
      /本报告为草稿：测评尚在进行中（状态：进行中/,
    );
    assert.match(draft.header, /（草稿）$/);
    const en = buildAssessmentReport(
      {
        ...ASSESSMENT_INPUT,
        workbook: { ...WORKBOOK, assessment: { ...ASSESSMENT, status: 'in_progress' } },
      },
      'en',
    );
    assert.equal(en.watermark, 'DRAFT');
    assert.match(
      JSON.stringify(section(en, '1 Assessment project overview')[0]),
      /This report is a DRAFT/,
    );
  });

  it('2.1 carries the grading’s descriptions and the topology diagram when there are any', () => {
    assert.equal(section(doc, '2.1 被测对象概述').filter((b) => b.kind === 'heading').length, 0);
    const topology = { data: new Uint8Array([0x89, 0x50]), mediaType: 'image/png' as const };
    const described = buildAssessmentReport(
      {
        ...ASSESSMENT_INPUT,
        narrative: {
          businessDescription: '门急诊挂号、收费、住院医嘱。',
          serviceDescription: '7×24小时服务全院临床科室。',
          boundaryDescription: '院内核心网经防火墙与政务外网互联。',
        },
        topology,
      },
      'zh',
    );
    const blocks = section(described, '2.1 被测对象概述');
    assert.deepEqual(
      blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : '')),
      ['2.1.1 承载的业务与服务', '2.1.2 网络结构与边界'],
    );
    const text = JSON.stringify(blocks);
    assert.match(text, /门急诊挂号、收费、住院医嘱。/);
    assert.match(text, /院内核心网经防火墙与政务外网互联。/);
    const picture = blocks.find((b) => b.kind === 'image');
    assert.equal(
      picture?.kind === 'image' && picture.caption,
      '图2-1 医院信息系统（HIS）网络拓扑图',
    );
  });

  it('takes the organisation’s statement, agency lines and logo', () => {
    assert.deepEqual(
      ASSESSMENT_REPORT_BLOCKS.map((b) => b.key),
      [
        'assessment.statement',
        'assessment.agency_name',
        'assessment.agency_address',
        'assessment.agency_phone',
      ],
    );
    const logo = {
      data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      mediaType: 'image/png' as const,
    };
    const own = buildAssessmentReport(
      {
        ...ASSESSMENT_INPUT,
        overrides: {
          blocks: {
            'assessment.statement.zh': '本报告仅供被测单位内部使用。\n未经同意不得复制。',
            'assessment.agency_address.zh': '某市某区某路1号',
            'assessment.agency_phone.zh': '0571-80000000',
            'assessment.agency_name.en': 'X Provincial Assessment Centre',
          },
          logo,
        },
      },
      'zh',
    );
    const text = allText(own);
    assert.match(text, /本报告仅供被测单位内部使用。\n未经同意不得复制。/);
    assert.doesNotMatch(text, /测评结论仅对被测对象在测评期间的安全状态有效/);
    assert.deepEqual(own.cover.lines.slice(2), [
      ['测评机构', '某省信息安全测评中心'],
      ['机构地址', '某市某区某路1号'],
      ['联系电话', '0571-80000000'],
    ]);
    assert.equal(own.cover.logo, logo);
    const en = buildAssessmentReport(
      {
        ...ASSESSMENT_INPUT,
        overrides: {
          blocks: { 'assessment.agency_name.en': 'X Provincial Assessment Centre' },
        },
      },
      'en',
    );
    assert.deepEqual(en.cover.lines[2], ['Agency', 'X Provincial Assessment Centre']);
    // Defaults: no address or phone lines.
    assert.equal(doc.cover.lines.length, 3);
  });

  it('has a complete English variant with the same structure', () => {
    const en = buildAssessmentReport(ASSESSMENT_INPUT, 'en');
    assert.equal(outline(en).length, outline(doc).length);
    assert.deepEqual(headings(en, 1), [
      '1 Assessment project overview',
      '2 System under assessment',
      '3 Single-item results',
      '4 Overall assessment',
      '5 Risk analysis of security problems',
      '6 Overall evaluation',
      '7 Assessment conclusion',
      '8 Rectification advice',
      'Appendix A Assets under assessment',
      'Appendix B Single-item result records',
      'Appendix C Vulnerability scan results',
      'Appendix D Penetration test results',
      'Appendix E Major risk trigger reference table',
      'Appendix F Summary of single-item results',
      'Appendix G Rectification of the previous assessment’s problems',
      'Appendix H Threat list',
    ]);
    // Block for block the same kinds: nothing is in one language only.
    assert.deepEqual(
      en.blocks.map((b) => b.kind),
      doc.blocks.map((b) => b.kind),
    );
    const f = new Map(en.blocks.find((b): b is FieldsBlock => b.kind === 'fields')?.rows);
    assert.equal(f.get('Compliance rate'), '64.29%');
    assert.equal(f.get('Conclusion'), 'Basically compliant');
    assert.equal(f.get('Major risk hidden dangers'), '2 (1 rectified)');
    const problems = firstTable(en, '5.1 Problems and risk levels');
    assert.equal(problems.rows.find((r) => r[3] === '8.1.1.2 a)')?.[5], 'Physical attack');
  });
});
