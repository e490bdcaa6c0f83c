/**
 * Golden-structure tests of the four documents: exact level-1/level-2 headings, table header rows,
 * required fields, and figures equal to the scoring engine's. Pure: fixtures in, documents out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrganisationDto, SystemDetailDto } from '../../shared/api-types';
import { documentText, type FieldsBlock, type ReportDocument, type TableBlock } from '../model';
import { buildGradingReport } from './grading-report';

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

const AS_OF = '2026-03-02';

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

// 整改方案: src/reports/documents/rectification-plan.test.ts.
