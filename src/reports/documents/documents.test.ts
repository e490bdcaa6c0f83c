/**
 * Golden-structure tests of the four documents: exact level-1/level-2 headings, table header rows,
 * required fields, and figures equal to the scoring engine's. Pure: fixtures in, documents out.
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
  SystemDetailDto,
  WorkbookDto,
  WorkbookRowDto,
} from '../../shared/api-types';
import { documentText, type FieldsBlock, type ReportDocument, type TableBlock } from '../model';
import { buildAssessmentReport, type AssessmentReportInput } from './assessment-report';
import { buildFilingForm, FILING_FORM_FIELDS, FILING_FORM_UNSOURCED } from './filing-form';
import { buildGradingReport } from './grading-report';
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

const DETAIL: SystemDetailDto = {
  system: {
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
  },
  grading: {
    id: 'g1',
    systemId: SYSTEM_ID,
    level: 3,
    previousLevel: null,
    gradedOn: '2025-11-03',
    reason:
      'HIS 存储大量患者个人信息和诊疗数据，泄露或篡改将严重损害社会秩序和公共利益；业务中断影响全院诊疗秩序。',
    recordedBy: '王信息',
    result: {
      businessInformation: {
        dimension: 'business_information',
        level: 3,
        cells: [
          { object: 'citizen_legal_person', degree: 'especially_serious', level: 2 },
          { object: 'social_order_public_interest', degree: 'serious', level: 3 },
        ],
        decisiveCells: [{ object: 'social_order_public_interest', degree: 'serious', level: 3 }],
      },
      systemService: {
        dimension: 'system_service',
        level: 3,
        cells: [{ object: 'social_order_public_interest', degree: 'serious', level: 3 }],
        decisiveCells: [{ object: 'social_order_public_interest', degree: 'serious', level: 3 }],
      },
      level: 3,
      decisiveDimensions: ['business_information', 'system_service'],
      citations: [],
      matrix: {
        citizen_legal_person: { general: 1, serious: 2, especially_serious: 2 },
        social_order_public_interest: { general: 2, serious: 3, especially_serious: 4 },
        national_security: { general: 3, serious: 4, especially_serious: 5 },
      },
    },
    createdAt: '2025-11-03T00:00:00Z',
  },
  gradingHistory: [],
  reviews: [
    {
      id: 'r1',
      kind: 'expert_review',
      reviewedOn: '2025-11-10',
      reviewer: '张安全（信息安全专家）、李医疗（业务专家）',
      opinion: '同意定为第三级。',
      agreedLevel: 3,
      createdAt: '2025-11-10T00:00:00Z',
    },
    {
      id: 'r2',
      kind: 'competent_approval',
      reviewedOn: '2025-11-20',
      reviewer: '某市卫生健康委员会',
      opinion: '同意。',
      agreedLevel: 3,
      createdAt: '2025-11-20T00:00:00Z',
    },
  ],
  filings: [
    {
      id: 'f1',
      filedOn: '2025-12-01',
      bureau: '某市公安局网络安全保卫支队',
      certificateNumber: '33010043001-25001',
      level: 3,
      createdAt: '2025-12-01T00:00:00Z',
    },
  ],
  events: [
    {
      id: 'e1',
      kind: 'mlps_assessment',
      completedOn: '2025-03-28',
      agency: '某省信息安全测评中心',
      reportNumber: '33010043001-25-0001-01',
      createdAt: '2025-03-28T00:00:00Z',
    },
  ],
  warnings: [],
  attachments: [],
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
  systemName: DETAIL.system.name,
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
    systemName: DETAIL.system.name,
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
  system: DETAIL.system,
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
const fieldsUnder = (doc: ReportDocument, heading: string) => {
  const f = section(doc, heading).find((b): b is FieldsBlock => b.kind === 'fields');
  assert.ok(f, `no fields under ${heading}`);
  return new Map(f.rows);
};
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

describe('定级报告 (grading report)', () => {
  const doc = buildGradingReport({ organisation: ORG, detail: DETAIL, date: AS_OF }, 'zh');

  it('has the chapter layout', () => {
    assert.deepEqual(outline(doc), [
      '1 定级对象基本情况',
      '  1.1 责任单位',
      '  1.2 定级对象描述',
      '  1.3 承载的业务与服务情况',
      '  1.4 定级对象边界与网络拓扑',
      '2 业务信息安全保护等级的确定',
      '  2.1 业务信息描述',
      '  2.2 业务信息受到破坏时所侵害的客体和侵害程度',
      '  2.3 业务信息安全保护等级',
      '3 系统服务安全保护等级的确定',
      '  3.1 系统服务描述',
      '  3.2 系统服务受到破坏时所侵害的客体和侵害程度',
      '  3.3 系统服务安全保护等级',
      '4 安全保护等级的确定',
      '  4.1 定级结果',
      '  4.2 定级矩阵（GB/T 22240-2020）',
      '  4.3 行业定级指导',
      '  4.4 定级提示',
      '5 专家评审与主管部门核准',
      '  5.1 专家评审',
      '  5.2 主管部门核准',
      '6 备案情况',
    ]);
    assertChineseTypography(doc);
  });

  it('prints the dimensions, the matrix cells and the level', () => {
    const harm = firstTable(doc, '2.2 业务信息受到破坏时所侵害的客体和侵害程度');
    assert.deepEqual(headers(harm), ['受侵害的客体', '侵害程度', '对应等级']);
    assert.deepEqual(harm.rows, [
      ['公民、法人和其他组织的合法权益', '特别严重损害', '第二级'],
      ['社会秩序、公共利益', '严重损害', '第三级（决定等级）'],
    ]);
    const matrix = firstTable(doc, '4.2 定级矩阵（GB/T 22240-2020）');
    assert.deepEqual(headers(matrix), [
      '受侵害的客体＼侵害程度',
      '一般损害',
      '严重损害',
      '特别严重损害',
    ]);
    assert.deepEqual(matrix.rows[1], [
      '社会秩序、公共利益',
      '第二级',
      '第三级（业务、服务）',
      '第四级',
    ]);
    assert.deepEqual(matrix.rows[0], [
      '公民、法人和其他组织的合法权益',
      '第一级',
      '第二级',
      '第二级（业务）',
    ]);
    const result = firstTable(doc, '4.1 定级结果');
    assert.deepEqual(headers(result), ['定级维度', '安全保护等级']);
    assert.deepEqual(result.rows.at(-1), ['定级对象安全保护等级', '第三级（监督保护级）']);
    assert.match(
      allText(doc),
      /确定为第三级（监督保护级），由业务信息安全、系统服务安全共同决定。/,
    );
    const f = fieldsUnder(doc, '4.1 定级结果');
    assert.equal(f.get('定级理由'), DETAIL.grading?.reason);
    assert.equal(f.get('定级日期'), '2025年11月3日');
  });

  it('prints the organisation, the object, the reviews, the approval and the filing', () => {
    const org = fieldsUnder(doc, '1.1 责任单位');
    assert.equal(org.get('单位名称'), ORG.name);
    assert.equal(org.get('统一社会信用代码'), ORG.creditCode);
    assert.equal(org.get('责任部门'), '信息中心');
    const object = fieldsUnder(doc, '1.2 定级对象描述');
    assert.equal(object.get('定级对象名称'), '医院信息系统（HIS）');
    assert.equal(object.get('定级对象类型'), '信息系统');
    assert.equal(object.get('承载（所在）平台'), '无');
    // A grading without a narrative leaves the boundary to be filled in (1.4).
    assert.match(allText(doc), /1\.4 定级对象边界与网络拓扑\n（待填写）（定级对象的边界/);
    const expert = firstTable(doc, '5.1 专家评审');
    assert.deepEqual(headers(expert), ['评审日期', '评审专家', '评审等级', '评审意见']);
    assert.deepEqual(expert.rows, [
      [
        '2025年11月10日',
        '张安全（信息安全专家）、李医疗（业务专家）',
        '第三级',
        '同意定为第三级。',
      ],
    ]);
    const approval = firstTable(doc, '5.2 主管部门核准');
    assert.deepEqual(headers(approval), ['核准日期', '核准部门', '核准等级', '核准意见']);
    assert.equal(approval.rows[0]?.[1], '某市卫生健康委员会');
    const filing = firstTable(doc, '6 备案情况');
    assert.deepEqual(headers(filing), ['备案日期', '受理公安机关', '备案证明编号', '备案等级']);
    assert.deepEqual(filing.rows, [
      ['2025年12月1日', '某市公安局网络安全保卫支队', '33010043001-25001', '第三级'],
    ]);
    assert.equal(doc.cover.date, '2026年3月2日');
    assert.match(doc.title, /^医院信息系统（HIS）定级报告$/);
  });

  it('has a complete English variant', () => {
    const en = buildGradingReport({ organisation: ORG, detail: DETAIL, date: AS_OF }, 'en');
    assert.deepEqual(headings(en, 1), [
      '1 The grading object',
      '2 Business information security level',
      '3 System service security level',
      '4 Security protection level',
      '5 Expert review and competent-authority approval',
      '6 Filing',
    ]);
    assert.equal(headings(en, 2).length, headings(doc, 2).length);
    assert.match(allText(en), /Level 3 \(supervised protection\)/);
    assert.deepEqual(headers(firstTable(en, '4.2 Grading matrix (GB/T 22240-2020)')), [
      'Object harmed \\ degree',
      'General harm',
      'Serious harm',
      'Especially serious harm',
    ]);
    // No Chinese label leaks into the English headings and field labels.
    for (const b of en.blocks) {
      if (b.kind === 'heading') assert.doesNotMatch(b.text, /[\u4e00-\u9fff]/);
      if (b.kind === 'fields') for (const [l] of b.rows) assert.doesNotMatch(l, /[\u4e00-\u9fff]/);
    }
  });

  it('says so when the object is not graded, reviewed or filed', () => {
    const bare = buildGradingReport(
      {
        organisation: ORG,
        detail: { ...DETAIL, grading: null, reviews: [], filings: [] },
        date: AS_OF,
      },
      'zh',
    );
    assert.equal(outline(bare).length, outline(doc).length);
    const text = allText(bare);
    assert.match(text, /该定级对象尚未定级。/);
    assert.match(text, /尚无专家评审记录/);
    assert.match(text, /尚未备案/);
  });
});

describe('备案表 (filing form)', () => {
  const doc = buildFilingForm(
    { organisation: ORG, detail: DETAIL, levelCounts: { 3: 1, 2: 4 }, date: AS_OF },
    'zh',
  );

  it('has the four sheets with every mapped field, in mapping order', () => {
    assert.deepEqual(headings(doc, 1), [
      '表一 单位基本情况',
      '表二 定级对象情况',
      '表三 定级结果',
      '表四 附件清单',
    ]);
    assert.deepEqual(headings(doc, 2), []);
    for (const [sheet, heading] of [
      [1, '表一 单位基本情况'],
      [2, '表二 定级对象情况'],
      [3, '表三 定级结果'],
    ] as const) {
      const labels = [...fieldsUnder(doc, heading).keys()];
      assert.deepEqual(
        labels,
        FILING_FORM_FIELDS.filter((f) => f.sheet === sheet).map((f) => f.label.zh),
      );
    }
    assertChineseTypography(doc);
  });

  it('fills what we hold and leaves the rest as blanks', () => {
    const s1 = fieldsUnder(doc, '表一 单位基本情况');
    assert.equal(s1.get('单位名称'), ORG.name);
    assert.equal(s1.get('统一社会信用代码'), ORG.creditCode);
    assert.equal(s1.get('行业类别'), '卫生健康');
    assert.equal(s1.get('定级对象数量（按等级）'), '第二级：4、第三级：1、第四级：0、第五级：0');
    const s2 = fieldsUnder(doc, '表二 定级对象情况');
    assert.equal(s2.get('定级对象名称'), '医院信息系统（HIS）');
    assert.equal(s2.get('业务描述'), DETAIL.system.description);
    assert.equal(s2.get('等级测评单位'), '某省信息安全测评中心');
    const s3 = fieldsUnder(doc, '表三 定级结果');
    assert.equal(s3.get('安全保护等级'), '第三级（监督保护级）');
    assert.equal(s3.get('业务信息安全保护等级'), '第三级');
    assert.equal(
      s3.get('业务信息安全受侵害客体及侵害程度'),
      '公民、法人和其他组织的合法权益：特别严重损害、社会秩序、公共利益：严重损害',
    );
    assert.equal(
      s3.get('专家评审情况'),
      '已评审（2025年11月10日，张安全（信息安全专家）、李医疗（业务专家），第三级）',
    );
    assert.equal(
      s3.get('主管部门审批定级情况'),
      '已核准（2025年11月20日，某市卫生健康委员会，第三级）',
    );
    assert.equal(s3.get('原备案证明编号'), '33010043001-25001');
    assert.equal(s3.get('填表日期'), '2026年3月2日');
    const all = new Map([...s1, ...s2, ...s3]);
    for (const f of FILING_FORM_UNSOURCED)
      assert.equal(all.get(f.label.zh), '（待填写）', f.label.zh);
  });

  it('lists the template fields we cannot source', () => {
    assert.deepEqual(
      FILING_FORM_UNSOURCED.map((f) => `${f.sheet} ${f.label.zh}`),
      [
        '1 单位地址',
        '1 邮政编码',
        '1 行政区划代码',
        '1 单位负责人（姓名、职务、办公电话、电子邮件）',
        '1 隶属关系',
        '1 单位类型',
        '2 定级对象编号',
        '2 业务类型',
        '2 服务范围',
        '2 服务对象',
        '2 覆盖范围',
        '2 网络性质',
        '2 系统互联情况',
        '2 关键产品使用情况',
        '2 系统采用服务情况',
        '2 是否为分系统及上级系统所属单位',
        '3 填表人',
      ],
    );
  });

  it('lists the attachments, the assessment report for level 3+', () => {
    const t = firstTable(doc, '表四 附件清单');
    assert.deepEqual(headers(t), ['序号', '附件名称', '适用范围', '提供情况']);
    assert.deepEqual(
      t.rows.map((r) => r[1]),
      [
        '定级报告',
        '专家评审意见',
        '主管部门核准意见',
        '数据摸底调查表',
        '系统拓扑结构及说明',
        '安全组织机构及管理制度',
        '安全保护设施设计实施方案或改建实施方案',
        '使用的安全产品清单及认证、销售许可证明',
        '等级测评报告',
        '网络安全保护工作方案',
      ],
    );
    const report = t.rows.find((r) => r[1] === '等级测评报告');
    assert.equal(
      report?.[3],
      '已完成等级测评（2025年3月28日，某省信息安全测评中心，33010043001-25-0001-01）',
    );
    assert.equal(t.rows.find((r) => r[1] === '系统拓扑结构及说明')?.[3], '（待填写）');
    // A level-2 system: the level-3+ attachments do not apply.
    const level2 = buildFilingForm(
      {
        organisation: ORG,
        detail: {
          ...DETAIL,
          grading: { ...DETAIL.grading!, level: 2 },
          system: { ...DETAIL.system, level: 2, hasCompetentAuthority: false },
        },
        date: AS_OF,
      },
      'zh',
    );
    const t2 = firstTable(level2, '表四 附件清单');
    assert.equal(t2.rows.find((r) => r[1] === '等级测评报告')?.[3], '不适用');
    assert.equal(t2.rows.find((r) => r[1] === '主管部门核准意见')?.[3], '不适用');
    assert.equal(t2.rows.find((r) => r[1] === '专家评审意见')?.[3]?.startsWith('已评审'), true);
  });

  it('has a complete English variant', () => {
    const en = buildFilingForm({ organisation: ORG, detail: DETAIL, date: AS_OF }, 'en');
    assert.deepEqual(headings(en, 1), [
      'Sheet 1 Organisation',
      'Sheet 2 Grading object',
      'Sheet 3 Grading result',
      'Sheet 4 Attachments',
    ]);
    const s1 = fieldsUnder(en, 'Sheet 1 Organisation');
    assert.equal(s1.get('Address'), '(to be filled in)');
    assert.equal(s1.get('Graded objects by level'), '(to be filled in)');
    assert.deepEqual(headers(firstTable(en, 'Sheet 4 Attachments')), [
      'No.',
      'Attachment',
      'Required for',
      'Status',
    ]);
  });
});

describe('等级测评报告 (assessment report)', () => {
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

  it('has the 2025 chapter layout, the table of contents after the cover', () => {
    assert.equal(doc.blocks[0]?.kind, 'toc');
    assert.deepEqual(outline(doc), [
      '1 测评项目概述',
      '  1.1 测评目的',
      '  1.2 测评依据',
      '  1.3 测评过程',
      '2 被测对象描述',
      '  2.1 被测对象概述',
      '  2.2 测评对象',
      '3 单项测评结果分析',
      '  3.1 按安全类统计',
      '  3.2 按测评对象统计',
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
    ]);
    assertChineseTypography(doc);
  });

  it('the basic-information table carries the engine figures', () => {
    const info = doc.blocks.find((b): b is FieldsBlock => b.kind === 'fields');
    assert.equal(info?.caption, '网络安全等级测评基本信息表');
    const f = new Map(info?.rows);
    assert.equal(f.get('被测单位名称'), ORG.name);
    assert.equal(f.get('被测对象名称'), DETAIL.system.name);
    assert.equal(f.get('安全保护等级'), '第三级（监督保护级）');
    assert.equal(f.get('备案证明编号'), '33010043001-25001');
    assert.equal(f.get('报告编号'), ASSESSMENT.reportNumber);
    assert.equal(f.get('高风险问题数量'), String(before.risks.high.total));
    assert.equal(f.get('中风险问题数量'), String(before.risks.medium.total));
    assert.equal(f.get('低风险问题数量'), String(before.risks.low.total));
    assert.deepEqual(
      [f.get('高风险问题数量'), f.get('中风险问题数量'), f.get('低风险问题数量')],
      ['2', '2', '1'],
    );
    assert.equal(f.get('重大风险隐患数量'), before.majorRiskLabel);
    assert.equal(f.get('符合率'), rate(before.value));
    assert.equal(f.get('符合率'), '64.29%');
    assert.equal(f.get('等级测评结论'), before.conclusionZh);
  });

  it('chapter 3 counts merge objects as the engine does', () => {
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
    assert.deepEqual(
      t.rows.map((r) => r[0]),
      ['安全物理环境', '安全通信网络', '安全区域边界', '安全计算环境', '安全管理制度'],
    );
    const sum = (i: number) => t.rows.reduce((s, r) => s + Number(r[i]), 0);
    assert.equal(sum(1), before.counts.items);
    assert.equal(sum(2), before.counts.compliant);
    assert.equal(sum(3), before.counts.partial);
    assert.equal(sum(4), before.counts.nonCompliant);
    assert.equal(sum(5), before.counts.notApplicable);
    assert.deepEqual(t.rows[3], ['安全计算环境', '4', '2', '1', '1', '0', '0']);
    const byObject = firstTable(doc, '3.2 按测评对象统计');
    assert.deepEqual(headers(byObject), [
      '测评对象',
      '测评项数',
      '符合',
      '部分符合',
      '不符合',
      '不适用',
      '未填写',
    ]);
    assert.equal(
      byObject.rows.reduce((s, r) => s + Number(r[1]), 0),
      ROWS.length,
    );
  });

  it('chapter 5 lists the findings by risk and the major risks as N（M个已整改）', () => {
    const t = firstTable(doc, '5.1 安全问题及风险等级');
    assert.deepEqual(headers(t), [
      '序号',
      '安全类',
      '控制点',
      '条款',
      '安全问题',
      '涉及对象',
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
      '身份标识唯一且口令复杂（不符合）：数据库 sa 账户使用弱口令。',
      'HIS数据库服务器',
      '高风险',
      '整改中',
    ]);
    const text = section(doc, '5.1 安全问题及风险等级');
    assert.match(
      JSON.stringify(text),
      /共发现安全问题5个，其中高风险问题2个、中风险问题2个、低风险问题1个。/,
    );
    const major = section(doc, '5.2 重大风险隐患');
    assert.match(JSON.stringify(major), /重大风险隐患数量：.*2（1个已整改）/);
    const mt = firstTable(doc, '5.2 重大风险隐患');
    assert.deepEqual(headers(mt), ['序号', '触发项', '重大风险隐患', '说明', '整改情况']);
    assert.deepEqual(
      mt.rows.map((r) => r[4]),
      ['已整改（2026年2月10日）', '未整改'],
    );
  });

  it('chapter 6 and 7 show the engine rates and conclusions before and after', () => {
    const t = firstTable(doc, '6.1 要求项符合率统计');
    assert.deepEqual(headers(t), ['安全类', '适用要求项数', '符合项数', '符合率']);
    for (const c of before.byCategory) {
      const row = t.rows.find(
        (r) =>
          r[0] ===
          (
            {
              PES: '安全物理环境',
              CNS: '安全通信网络',
              ABS: '安全区域边界',
              CES: '安全计算环境',
              PSS: '安全管理制度',
            } as Record<string, string>
          )[c.category],
      );
      assert.deepEqual(row?.slice(1), [
        String(c.applicable),
        String(c.compliant),
        c.value === null ? '—' : rate(c.value),
      ]);
    }
    assert.deepEqual(t.rows.at(-1), ['合计', '14', '9', '64.29%']);
    const conclusion = firstTable(doc, '7.1 等级测评符合率与结论');
    assert.deepEqual(headers(conclusion), ['项目', '整改前', '整改后']);
    assert.deepEqual(conclusion.rows, [
      ['符合率', rate(before.value), rate(SCORE.after.value)],
      ['等级测评结论', before.conclusionZh, SCORE.after.conclusionZh],
      ['高风险问题（未整改）', String(before.risks.high.open), String(SCORE.after.risks.high.open)],
      [
        '中风险问题（未整改）',
        String(before.risks.medium.open),
        String(SCORE.after.risks.medium.open),
      ],
      ['低风险问题（未整改）', String(before.risks.low.open), String(SCORE.after.risks.low.open)],
      ['重大风险隐患', '2（1个已整改）', '2（1个已整改）'],
    ]);
    assert.deepEqual(conclusion.rows[0], ['符合率', '64.29%', '71.43%']);
    assert.deepEqual(conclusion.rows[2], ['高风险问题（未整改）', '2', '1']);
    const reasons = section(doc, '7.2 结论依据').filter((b) => b.kind === 'list');
    assert.deepEqual(
      reasons.map((l) => (l.kind === 'list' ? l.items : [])),
      [before.reasons.map((r) => r.zh), SCORE.after.reasons.map((r) => r.zh)],
    );
    assert.match(allText(doc), /报告日期为2026年3月1日（2025年3月20日及以后）/);
  });

  it('chapter 8 advises per risk level, from the rectification plans', () => {
    const high = firstTable(doc, '8.1 高风险问题');
    assert.deepEqual(headers(high), ['序号', '条款', '安全问题', '整改建议']);
    assert.equal(high.rows.length, 2);
    assert.equal(high.rows[0]?.[3], '针对“机房出入口电子门禁”落实整改措施。');
    assert.equal(tables(doc, '8.3 低风险问题')[0]?.rows.length, 1);
  });

  it('the appendices: assets, one result table per object, the trigger table', () => {
    const assets = firstTable(doc, '附录A 被测对象资产');
    assert.deepEqual(headers(assets), ['序号', '资产名称', '类别', '描述', '测评记录数']);
    assert.deepEqual(assets.rows[2], [
      '3',
      'HIS数据库服务器',
      '服务器/操作系统',
      'HIS数据库服务器（测评对象）',
      '4',
    ]);
    for (const [i, o] of OBJECTS.entries()) {
      const t = firstTable(doc, `B.${i + 1} ${o.name}`);
      assert.deepEqual(headers(t), ['条款', '测评项', '结果记录', '符合情况']);
      assert.equal(t.rows.length, ROWS.filter((r) => r.objectId === o.id).length);
    }
    const na = firstTable(doc, 'B.2 核心交换机').rows.find((r) => r[0] === '8.1.3.2 a)');
    assert.deepEqual(na, [
      '8.1.3.2 a)',
      '边界访问控制规则的要求。',
      '理由：边界访问控制由防火墙承担。',
      '不适用',
    ]);
    const triggers = firstTable(doc, '附录E 重大风险隐患触发项参照表');
    assert.deepEqual(headers(triggers), ['编号', '类别', '触发项', '说明', '本次测评']);
    assert.deepEqual(
      triggers.rows.map((r) => [r[0], r[4]]),
      [
        ['A-01', '触发（已整改）'],
        ['A-18', '触发'],
        ['A-19', '未触发'],
      ],
    );
  });

  it('has a complete English variant with the same structure', () => {
    const en = buildAssessmentReport(ASSESSMENT_INPUT, 'en');
    assert.equal(outline(en).length, outline(doc).length);
    assert.deepEqual(headings(en, 1).slice(0, 8), [
      '1 Assessment project overview',
      '2 System under assessment',
      '3 Single-item results',
      '4 Overall assessment',
      '5 Risk analysis of security problems',
      '6 Overall evaluation',
      '7 Assessment conclusion',
      '8 Rectification advice',
    ]);
    const f = new Map(en.blocks.find((b): b is FieldsBlock => b.kind === 'fields')?.rows);
    assert.equal(f.get('Compliance rate'), '64.29%');
    assert.equal(f.get('Conclusion'), 'Basically compliant');
    assert.equal(f.get('Major risk hidden dangers'), '2 (1 rectified)');
    const conclusion = firstTable(en, '7.1 Compliance rate and conclusion');
    assert.deepEqual(headers(conclusion), ['Item', 'As assessed', 'After rectification']);
    const reasons = section(en, '7.2 Grounds').filter((b) => b.kind === 'list');
    assert.deepEqual(
      reasons.map((l) => (l.kind === 'list' ? l.items : [])),
      [before.reasons.map((r) => r.en), SCORE.after.reasons.map((r) => r.en)],
    );
  });
});

// 整改方案: src/reports/documents/rectification-plan.test.ts.
