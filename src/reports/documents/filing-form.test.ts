/**
 * 备案表 builder: a fully filled hospital prints no blank, marks every option as the form does,
 * numbers its sheets (k/n) and takes every date from its record; a partial one leaves blanks
 * exactly where the data is missing. Pure: fixtures in, documents out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FILING_FORM_OPTIONS } from '../../catalogs/filing-form';
import type { OrganisationDto, SystemDetailDto } from '../../shared/api-types';
import type { OrganisationFilingProfile, SystemFilingProfile } from '../../shared/filing-profile';
import { documentText, type Block, type ReportDocument, type TableBlock } from '../model';
import {
  buildFilingForm,
  FILING_FORM_BLOCKS,
  FILING_FORM_FIELDS,
  FILING_FORM_UNSOURCED,
  type FilingFormInput,
} from './filing-form';

// --- fixtures: 某市第一人民医院, HIS graded level 3, filed, assessed ---------------------------

const ORG_PROFILE: OrganisationFilingProfile = {
  province: '浙江省',
  city: '杭州市',
  county: '西湖区',
  address: '某某路 1 号',
  postalCode: '310013',
  divisionCode: '330100',
  head: {
    name: '李院长',
    title: '副院长',
    officePhone: '0571-88880001',
    mobilePhone: null,
    email: 'dean@hospital.example.cn',
  },
  responsibleDepartment: '信息中心',
  departmentContact: {
    name: '王信息',
    title: '信息中心主任',
    officePhone: '0571-88880000',
    mobilePhone: '13800000000',
    email: 'it@hospital.example.cn',
  },
  affiliation: '3',
  affiliationOther: null,
  organisationType: '3',
  organisationTypeOther: null,
  sectorCode: '45',
  sectorOther: null,
  dataCategories: [
    {
      name: '患者诊疗数据',
      volume: '约 1200 万条',
      individuals: 860000,
      importance: 'important',
      location: '省政务云杭州节点',
      crossBorder: false,
      crossBorderDestinations: [],
      systems: ['医院信息系统（HIS）'],
      note: null,
    },
    {
      name: '科研合作影像数据',
      volume: '3.2 TB',
      individuals: null,
      importance: 'general',
      location: '院内影像存储',
      crossBorder: true,
      crossBorderDestinations: ['新加坡'],
      systems: [],
      note: '经脱敏',
    },
    {
      name: '财务核算数据',
      volume: '约 40 万条',
      individuals: null,
      importance: 'general',
      location: '院内机房',
      crossBorder: false,
      crossBorderDestinations: [],
      systems: ['财务系统'],
      note: null,
    },
  ],
  protectionWorkPlan: {
    year: 2026,
    assets: '互联网暴露面 3 个，服务器 42 台，网络设备 18 台，安全设备 9 台。',
    existingMeasures: '边界防火墙、入侵防御、堡垒机、日志审计、数据库审计。',
    rootCauses: '口令策略执行不到位，部分老旧系统无法升级。',
    approach: '先补齐身份鉴别和审计，再推进老旧系统迁移。',
    plan: '2026年6月前完成双因素认证改造；12月前完成老旧系统迁移。',
  },
};

const ORG: OrganisationDto = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '某市第一人民医院',
  nameEn: 'First People’s Hospital of X City',
  creditCode: '12330100470000000X',
  region: '浙江省杭州市',
  sector: '卫生健康',
  contactName: '王信息',
  contactPhone: '0571-88880000',
  filingProfile: ORG_PROFILE,
  version: 1,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const SYSTEM_PROFILE: SystemFilingProfile = {
  objectNumber: 'YY-002',
  businessTypes: ['1', '5'],
  businessTypeOther: null,
  serviceScope: '21',
  serviceScopeCount: 3,
  serviceScopeOther: null,
  serviceTargets: '3',
  serviceTargetsOther: null,
  coverage: '1',
  coverageOther: null,
  networkNature: '1',
  networkNatureOther: null,
  interconnections: ['2', '3', '9'],
  interconnectionsOther: '与医保结算平台连接',
  keyProducts: [
    { type: '1', typeOther: null, count: 9, domesticUse: 'all', domesticRate: null },
    { type: '2', typeOther: null, count: 18, domesticUse: 'partial', domesticRate: 80 },
    { type: '3', typeOther: null, count: 42, domesticUse: 'partial', domesticRate: 60 },
    { type: '4', typeOther: null, count: 2, domesticUse: 'all', domesticRate: null },
    { type: '5', typeOther: null, count: 42, domesticUse: 'none', domesticRate: null },
  ],
  services: [
    { type: '1', typeOther: null, provider: 'domestic' },
    { type: '2', typeOther: null, provider: 'domestic' },
    { type: '4', typeOther: null, provider: 'in_house' },
    { type: '8', typeOther: '云上运维', provider: 'domestic' },
  ],
  isSubsystem: false,
  parentSystemName: null,
  parentOrganisationName: null,
  formFilledBy: '王信息',
};

const SYSTEM_ID = '00000000-0000-4000-8000-000000000010';
const SM3 = (c: string) => c.repeat(64);

const DETAIL: SystemDetailDto = {
  system: {
    id: SYSTEM_ID,
    organisationId: ORG.id,
    name: '医院信息系统（HIS）',
    types: ['cloud_tenant_system'],
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
    filingProfile: SYSTEM_PROFILE,
    createdAt: '2025-01-01T00:00:00Z',
  },
  grading: {
    id: 'g1',
    systemId: SYSTEM_ID,
    level: 3,
    previousLevel: null,
    gradedOn: '2025-11-03',
    reason: 'HIS 中断将影响全院诊疗秩序。',
    recordedBy: 'wang.xx',
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
      reviewer: '张安全、李医疗',
      opinion: '同意定为第三级。',
      agreedLevel: 3,
      createdAt: '2025-11-10T00:00:00Z',
    },
    {
      id: 'r2',
      kind: 'competent_approval',
      reviewedOn: '2025-11-20',
      reviewer: '某市卫生健康委员会',
      opinion: null,
      agreedLevel: 3,
      createdAt: '2025-11-20T00:00:00Z',
    },
  ],
  filings: [
    {
      id: 'f1',
      filedOn: '2025-12-01',
      bureau: '杭州市公安局网络安全保卫支队',
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
  attachments: [
    {
      id: 'a1',
      recordKind: 'system',
      recordId: SYSTEM_ID,
      purpose: 'topology',
      fileName: 'HIS网络拓扑图.png',
      mediaType: 'image/png',
      size: 1000,
      sm3: SM3('a'),
      createdAt: '2025-11-01T00:00:00Z',
      createdBy: 'wang.xx',
    },
    {
      id: 'a2',
      recordKind: 'review',
      recordId: 'r1',
      purpose: 'expert_review_opinion',
      fileName: '专家评审意见.pdf',
      mediaType: 'application/pdf',
      size: 1000,
      sm3: SM3('b'),
      createdAt: '2025-11-10T00:00:00Z',
      createdBy: 'wang.xx',
    },
    {
      id: 'a3',
      recordKind: 'review',
      recordId: 'r2',
      purpose: 'competent_approval',
      fileName: '卫健委审批意见.pdf',
      mediaType: 'application/pdf',
      size: 1000,
      sm3: SM3('c'),
      createdAt: '2025-11-20T00:00:00Z',
      createdBy: 'wang.xx',
    },
    {
      id: 'a4',
      recordKind: 'system',
      recordId: SYSTEM_ID,
      purpose: 'security_policies',
      fileName: 'HIS-SEC-POL-2025.pdf',
      mediaType: 'application/pdf',
      size: 1000,
      sm3: SM3('d'),
      createdAt: '2025-11-01T00:00:00Z',
      createdBy: 'wang.xx',
    },
    {
      id: 'a5',
      recordKind: 'system',
      recordId: SYSTEM_ID,
      purpose: 'security_design',
      fileName: 'HIS-JS-FA-v3.pdf',
      mediaType: 'application/pdf',
      size: 1000,
      sm3: SM3('e'),
      createdAt: '2025-11-01T00:00:00Z',
      createdBy: 'wang.xx',
    },
    {
      id: 'a6',
      recordKind: 'system',
      recordId: SYSTEM_ID,
      purpose: 'other',
      fileName: '安全产品清单及销售许可证.pdf',
      mediaType: 'application/pdf',
      size: 1000,
      sm3: SM3('f'),
      createdAt: '2025-11-01T00:00:00Z',
      createdBy: 'wang.xx',
    },
  ],
};

const AS_OF = '2026-03-02';

const FULL: FilingFormInput = {
  organisation: ORG,
  detail: DETAIL,
  levelCounts: { 2: 4, 3: 1 },
  objectCount: 6,
  position: 2,
  assessment: {
    kind: 'assessment',
    agency: '浙江省网络安全等级测评中心',
    reportNumber: '33010099001-26001-26-0001-01',
    reportDate: '2026-02-15',
    status: 'completed',
    score: { policy: 'T2025', value: 82.35, conclusion: 'basically_compliant' },
  },
  recorderName: '王小信',
  date: AS_OF,
};

/** Organisation and system without profiles, not filed, no reviews or assessments, no recorder. */
const PARTIAL: FilingFormInput = {
  organisation: { ...ORG, filingProfile: null, contactName: null, contactPhone: null },
  detail: {
    ...DETAIL,
    system: {
      ...DETAIL.system,
      filingProfile: null,
      responsibleDepartment: null,
      filedOn: null,
      certificateNumber: null,
    },
    grading: { ...DETAIL.grading!, recordedBy: null },
    reviews: [],
    filings: [],
    events: [],
    attachments: [],
  },
  date: AS_OF,
};

// --- helpers --------------------------------------------------------------------------------

const BLANK = '（待填写）';

const headings = (doc: ReportDocument) =>
  doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));

/** The blocks after a level-1 heading starting with `prefix`, up to the next one. */
function sheet(doc: ReportDocument, prefix: string): Block[] {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith(prefix));
  assert.ok(start >= 0, `no heading ${prefix}`);
  const out: Block[] = [];
  for (const b of doc.blocks.slice(start + 1)) {
    if (b.kind === 'heading') break;
    out.push(b);
  }
  return out;
}

/** Every label → value row of a sheet's fields blocks. */
const rows = (doc: ReportDocument, prefix: string) =>
  new Map(sheet(doc, prefix).flatMap((b) => (b.kind === 'fields' ? b.rows : [])));

const tablesOf = (doc: ReportDocument, prefix: string) =>
  sheet(doc, prefix).filter((b): b is TableBlock => b.kind === 'table');

const tableCaptioned = (doc: ReportDocument, prefix: string, caption: string) => {
  const t = tablesOf(doc, prefix).find((x) => x.caption?.startsWith(caption));
  assert.ok(t, `no table ${caption} under ${prefix}`);
  return t;
};

const text = (doc: ReportDocument) => documentText(doc).join('\n');

// --- tests ----------------------------------------------------------------------------------

describe('备案表: a fully filled hospital', () => {
  const doc = buildFilingForm(FULL, 'zh');

  it('prints no blank anywhere, and the mapping holds no field dengbao cannot fill', () => {
    assert.deepEqual(FILING_FORM_UNSOURCED, []);
    assert.ok(FILING_FORM_FIELDS.every((f) => f.value !== null && f.source.length > 0));
    assert.ok(
      !text(doc).includes(BLANK),
      text(doc)
        .split('\n')
        .filter((l) => l.includes(BLANK))
        .join(' | '),
    );
  });

  it('has the form’s pages in order, 表二 to 表四 numbered (k/n)', () => {
    assert.deepEqual(headings(doc), [
      '填表说明',
      '表一 单位基本情况',
      '表二 定级对象情况（2/6）',
      '表三 定级结果（2/6）',
      '表四 第三级以上定级对象提交材料情况（2/6）',
      '数据摸底调查表',
      '网络安全保护工作方案（摘要）',
    ]);
    // Every sheet starts on a page of its own.
    const breaks = doc.blocks.flatMap((b, i) =>
      b.kind === 'heading' && i > 0 ? [doc.blocks[i - 1]!.kind] : [],
    );
    assert.deepEqual(new Set(breaks), new Set(['pageBreak']));
  });

  it('has the cover of the form: number, seals, filing and acceptance dates, 公安部监制', () => {
    assert.deepEqual(doc.cover.number, ['备案表编号', '33010043001-25001']);
    assert.equal(doc.cover.title, '网络安全等级保护备案表');
    assert.deepEqual(doc.cover.lines, [
      ['备案单位', '某市第一人民医院（盖章）'],
      ['备案日期', '2025年12月1日'],
      ['受理备案单位', '杭州市公安局网络安全保卫支队（盖章）'],
      ['受理日期', '2025年12月1日'],
    ]);
    assert.equal(doc.cover.date, '');
    assert.equal(doc.cover.footer, '中华人民共和国公安部监制');
  });

  it('表一: address, people and counts from the profile, options marked in code order', () => {
    const s1 = rows(doc, '表一');
    assert.equal(s1.get('01 单位名称'), '某市第一人民医院');
    assert.equal(s1.get('02 单位地址'), '浙江省\u3000杭州市\u3000西湖区\n某某路 1 号');
    assert.equal(s1.get('03 邮政编码'), '310013');
    assert.equal(s1.get('04 行政区划代码'), '330100');
    assert.equal(
      s1.get('05 单位负责人'),
      '姓名：李院长\n职务/职称：副院长\n办公电话：0571-88880001\n电子邮件：dean@hospital.example.cn',
    );
    assert.equal(s1.get('06 责任部门'), '信息中心');
    assert.match(s1.get('07 责任部门联系人') ?? '', /移动电话：13800000000/);
    assert.equal(
      s1.get('08 隶属关系'),
      '□1 中央\u3000□2 省（自治区、直辖市）\u3000■3 地（区、市、州、盟）\u3000□4 县（区、市、旗）\u3000□9 其他',
    );
    assert.equal(
      s1.get('09 单位类型'),
      '□1 党委机关\u3000□2 政府机关\u3000■3 事业单位\u3000□4 企业\u3000□9 其他',
    );
    const sector = s1.get('10 行业类别') ?? '';
    assert.ok(sector.includes('■45 卫生'));
    assert.equal([...sector].filter((c) => c === '■').length, 1);
    assert.equal(
      [...sector].filter((c) => c === '□').length,
      FILING_FORM_OPTIONS.sector.options.length - 1,
    );
    assert.ok(sector.indexOf('□11 电信') < sector.indexOf('■45 卫生'));
    assert.ok(sector.indexOf('■45 卫生') < sector.indexOf('□99 其他'));
    assert.equal(
      s1.get('11 定级对象数量'),
      '定级对象总数：6 个\n其中：第二级 4 个\u3000第三级 1 个\u3000第四级 0 个\u3000第五级 0 个',
    );
  });

  it('表二: the object’s profile, with counted, multiple and 其他 options', () => {
    const s2 = rows(doc, '表二');
    assert.equal(s2.get('01 定级对象名称'), '医院信息系统（HIS）');
    assert.equal(s2.get('02 定级对象编号'), 'YY-002');
    assert.equal(s2.get('定级对象类型'), '■信息系统\u3000□通信网络设施\u3000□数据资源');
    assert.match(s2.get('采用的新技术') ?? '', /^■云计算\u3000□移动互联/);
    const business = s2.get('03 承载业务情况') ?? '';
    assert.match(
      business,
      /^业务类型：■1 生产作业\u3000□2 指挥调度\u3000□3 管理控制\u3000□4 内部办公\u3000■5 公众服务\u3000□9 其他\n/,
    );
    assert.match(business, /业务描述：承载门诊挂号/);
    const service = s2.get('04 服务情况') ?? '';
    assert.match(service, /■21 跨地（市、区），跨3个/);
    assert.match(service, /服务对象：.*■3 两者均包括/);
    assert.match(s2.get('05 网络平台') ?? '', /覆盖范围：■1 局域网.*\n网络性质：■1 业务专网/);
    assert.equal(
      s2.get('06 系统互联情况'),
      '□1 与其他行业系统连接\u3000■2 与本行业其他单位系统连接\u3000■3 与本单位其他系统连接\u3000■9 其他：与医保结算平台连接',
    );
    // 09 from the latest assessment, not the older event.
    assert.equal(s2.get('09 等级测评单位名称'), '浙江省网络安全等级测评中心');
    assert.equal(s2.get('10 何时投入运行使用'), '2016年5月1日');
    assert.equal(s2.get('11 是否是分系统'), '□是\u3000■否');
    assert.equal(s2.get('12 上级系统名称'), '无');
    assert.equal(s2.get('13 上级系统所属单位名称'), '无');
  });

  it('表二 07 and 08: every row of the form, ticked from the profile', () => {
    const products = tableCaptioned(doc, '表二', '07 关键产品使用情况');
    assert.deepEqual(
      products.columns.map((c) => c.header),
      ['序号', '产品类型', '数量', '全部使用国产品', '全部未使用国产品', '部分使用及使用率'],
    );
    assert.deepEqual(products.rows, [
      ['1', '安全专用产品', '9', '■', '□', '□'],
      ['2', '网络产品', '18', '□', '□', '■ 80%'],
      ['3', '操作系统', '42', '□', '□', '■ 60%'],
      ['4', '数据库', '2', '■', '□', '□'],
      ['5', '服务器', '42', '□', '■', '□'],
      ['6', '其他', '—', '□', '□', '□'],
    ]);
    const services = tableCaptioned(doc, '表二', '08 系统采用服务情况');
    assert.deepEqual(
      services.rows.map((r) => r.slice(1)),
      [
        ['等级测评', '■有\u3000□无', '□', '■', '□'],
        ['风险评估', '■有\u3000□无', '□', '■', '□'],
        ['灾难恢复', '□有\u3000■无', '□', '□', '□'],
        ['应急响应', '■有\u3000□无', '■', '□', '□'],
        ['系统集成', '□有\u3000■无', '□', '□', '□'],
        ['安全咨询', '□有\u3000■无', '□', '□', '□'],
        ['安全培训', '□有\u3000■无', '□', '□', '□'],
        ['其他：云上运维', '■有\u3000□无', '□', '■', '□'],
      ],
    );
  });

  it('表三: both matrices marked, level, and every date from its record', () => {
    const s3 = rows(doc, '表三');
    assert.equal(
      s3.get('01 业务信息安全保护等级'),
      '□第一级\u3000□第二级\u3000■第三级\u3000□第四级\u3000□第五级',
    );
    const [business, service] = tablesOf(doc, '表三');
    assert.deepEqual(business!.rows, [
      ['公民、法人和其他组织的合法权益', '□ 第一级', '□ 第二级', '■ 第二级'],
      ['社会秩序、公共利益', '□ 第二级', '■ 第三级', '□ 第四级'],
      ['国家安全', '□ 第三级', '□ 第四级', '□ 第五级'],
    ]);
    assert.equal(service!.rows.flat().filter((c) => c.startsWith('■')).length, 1);
    assert.equal(
      s3.get('03 安全保护等级'),
      '□第一级\u3000□第二级\u3000■第三级\u3000□第四级\u3000□第五级',
    );
    assert.equal(s3.get('04 定级时间'), '2025年11月3日');
    assert.equal(
      s3.get('05 专家评审情况'),
      '■已评审\u3000□未评审\n日期：2025年11月10日；评审专家：张安全、李医疗；同意等级：第三级；意见：同意定为第三级。',
    );
    assert.equal(s3.get('06 是否有主管部门'), '■有\u3000□无');
    assert.equal(s3.get('07 主管部门名称'), '某市卫生健康委员会');
    assert.match(
      s3.get('08 主管部门审批定级情况') ?? '',
      /^■已审批\u3000□未审批\n日期：2025年11月20日/,
    );
    assert.equal(s3.get('09 定级报告'), '■有\u3000□无\n附件名称：《医院信息系统（HIS）定级报告》');
    assert.equal(s3.get('填表人'), '王信息');
    // 填表日期 is the filing date, not the day the form was generated.
    assert.equal(s3.get('填表日期'), '2025年12月1日');
    assert.ok(!text(doc).includes('2026年3月2日'), 'the as-of date is printed nowhere');
  });

  it('表四: what is attached, the assessment report from the latest assessment', () => {
    const [t4] = tablesOf(doc, '表四');
    assert.deepEqual(
      t4!.columns.map((c) => c.header),
      ['序号', '材料名称', '有无', '附件名称'],
    );
    const line = (item: string) => t4!.rows.find((r) => r[0] === item)!;
    assert.deepEqual(
      t4!.rows.map((r) => r[1]),
      [
        '系统拓扑结构及说明',
        '安全组织机构及管理制度',
        '安全保护设施设计实施方案或改建实施方案',
        '使用的安全产品清单及认证、销售许可证明',
        '等级测评报告',
        '专家评审情况',
        '上级主管部门审批意见',
        '数据摸底调查表',
        '网络安全保护工作方案',
      ],
    );
    assert.ok(t4!.rows.every((r) => r[2] === '■有\u3000□无'));
    assert.equal(line('01')[3], 'HIS网络拓扑图.png（SM3：aaaaaaaa…）');
    assert.equal(line('02')[3], 'HIS-SEC-POL-2025.pdf（SM3：dddddddd…）');
    assert.equal(line('03')[3], 'HIS-JS-FA-v3.pdf（SM3：eeeeeeee…）');
    // An older scan of purpose `other` is still found by the words in its name.
    assert.equal(line('04')[3], '安全产品清单及销售许可证.pdf（SM3：ffffffff…）');
    assert.equal(
      line('05')[3],
      '《医院信息系统（HIS）等级测评报告》（报告编号 33010099001-26001-26-0001-01，浙江省网络安全等级测评中心，2026年2月15日，结论：基本符合（符合率82.35%））',
    );
    assert.equal(
      line('06')[3],
      '专家评审意见（2025年11月10日，张安全、李医疗）\n专家评审意见.pdf（SM3：bbbbbbbb…）',
    );
    assert.match(line('07')[3]!, /卫健委审批意见\.pdf/);
    assert.equal(line('08')[3], '见附表《数据摸底调查表》（2 类数据）');
  });

  it('数据摸底调查表: this object’s and the organisation-wide categories; the work plan', () => {
    const [inventory] = tablesOf(doc, '数据摸底调查表');
    assert.deepEqual(
      inventory!.columns.map((c) => c.header),
      ['序号', '数据类别名称', '数量', '重要程度', '存储位置', '是否出境', '涉及定级对象'],
    );
    assert.deepEqual(inventory!.rows, [
      [
        '1',
        '患者诊疗数据',
        '约 1200 万条\n（含 860000 人的个人信息）',
        '□一般\u3000■重要\u3000□核心',
        '省政务云杭州节点',
        '□是\u3000■否',
        '医院信息系统（HIS）',
      ],
      [
        '2',
        '科研合作影像数据\n经脱敏',
        '3.2 TB',
        '■一般\u3000□重要\u3000□核心',
        '院内影像存储',
        '■是\u3000□否\n目的地：新加坡',
        '全单位',
      ],
    ]);
    const plan = rows(doc, '网络安全保护工作方案');
    assert.equal(plan.get('年度'), '2026年');
    assert.match(plan.get('整改计划及进度') ?? '', /双因素认证/);
  });

  it('reads the same in English, sheet for sheet', () => {
    const en = buildFilingForm(FULL, 'en');
    assert.ok(!text(en).includes('(to be filled in)'));
    assert.deepEqual(headings(en), [
      'Instructions',
      'Sheet 1 Organisation',
      'Sheet 2 Grading object (2/6)',
      'Sheet 3 Grading result (2/6)',
      'Sheet 4 Documents submitted for level 3 and above (2/6)',
      'Data inventory',
      'Security protection work plan (summary)',
    ]);
    const shape = (d: ReportDocument) =>
      d.blocks.map((b) =>
        b.kind === 'table'
          ? `table:${b.rows.length}x${b.columns.length}`
          : b.kind === 'fields'
            ? `fields:${b.rows.length}`
            : b.kind,
      );
    assert.deepEqual(shape(en), shape(doc));
    assert.equal(
      rows(en, 'Sheet 1').get('08 Affiliation'),
      '□1 Central  □2 Province (autonomous region, municipality)  ■3 Prefecture (city, autonomous prefecture, league)  □4 County (district, county-level city, banner)  □9 Other',
    );
    assert.equal(rows(en, 'Sheet 3').get('Date'), '2025-12-01');
    assert.deepEqual(en.cover.number, ['Filing form number', '33010043001-25001']);
  });

  it('takes the instructions and the cover footer from the organisation’s wording', () => {
    assert.deepEqual(
      FILING_FORM_BLOCKS.map((b) => b.key),
      ['filing.instructions', 'filing.coverFooter'],
    );
    const worded = buildFilingForm(
      {
        ...FULL,
        overrides: {
          blocks: {
            'filing.instructions.zh': '一、按本省要求填写。\n二、第二段。',
            'filing.coverFooter.zh': '某省公安厅网络安全保卫总队印制',
          },
        },
      },
      'zh',
    );
    assert.deepEqual(
      sheet(worded, '填表说明').flatMap((b) =>
        b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : [],
      ),
      ['一、按本省要求填写。', '二、第二段。'],
    );
    assert.equal(worded.cover.footer, '某省公安厅网络安全保卫总队印制');
    // The Chinese wording leaves the English default alone.
    const english = buildFilingForm(
      {
        ...FULL,
        overrides: { blocks: { 'filing.coverFooter.zh': '某省公安厅网络安全保卫总队印制' } },
      },
      'en',
    );
    assert.equal(english.cover.footer, FILING_FORM_BLOCKS[1]!.defaults.en);
  });
});

describe('备案表: a partly filled object', () => {
  const doc = buildFilingForm(PARTIAL, 'zh');

  it('leaves blanks exactly where the data is missing', () => {
    const blanks = (prefix: string) =>
      [...rows(doc, prefix)].filter(([, v]) => v.includes(BLANK)).map(([k]) => k);
    assert.deepEqual(blanks('表一'), [
      '02 单位地址',
      '03 邮政编码',
      '04 行政区划代码',
      '05 单位负责人',
      '06 责任部门',
      '07 责任部门联系人',
      '08 隶属关系',
      '09 单位类型',
      '10 行业类别',
      '11 定级对象数量',
    ]);
    assert.deepEqual(blanks('表二'), [
      '02 定级对象编号',
      '03 承载业务情况',
      '04 服务情况',
      '05 网络平台',
      '06 系统互联情况',
      '11 是否是分系统',
      '12 上级系统名称',
      '13 上级系统所属单位名称',
    ]);
    assert.deepEqual(blanks('表三'), ['填表人']);
    // Unanswered options are printed unmarked, to tick by hand.
    assert.equal(
      rows(doc, '表一').get('09 单位类型'),
      '□1 党委机关\u3000□2 政府机关\u3000□3 事业单位\u3000□4 企业\u3000□9 其他\n（待填写）',
    );
    // The description is held even without a profile.
    assert.match(rows(doc, '表二').get('03 承载业务情况') ?? '', /业务描述：承载门诊挂号/);
    assert.ok(tableCaptioned(doc, '表二', '07').rows.every((r) => r[2] === BLANK));
    const paragraphs = (prefix: string) =>
      sheet(doc, prefix).flatMap((b) => (b.kind === 'paragraph' ? [b.runs[0]!.text] : []));
    assert.deepEqual(paragraphs('数据摸底调查表'), [BLANK]);
    assert.deepEqual(paragraphs('网络安全保护工作方案'), [BLANK]);
  });

  it('states what dengbao knows is not there: no review, approval, assessment or filing', () => {
    const s2 = rows(doc, '表二');
    assert.equal(s2.get('09 等级测评单位名称'), '尚未开展等级测评');
    const s3 = rows(doc, '表三');
    assert.equal(s3.get('05 专家评审情况'), '□已评审\u3000■未评审');
    assert.equal(s3.get('08 主管部门审批定级情况'), '□已审批\u3000■未审批');
    // Not filed: 填表日期 is the as-of date, the cover leaves the bureau's parts to it.
    assert.equal(s3.get('填表日期'), '2026年3月2日');
    assert.deepEqual(doc.cover.number, ['备案表编号', '□□□□□□-□□□□□']);
    assert.deepEqual(doc.cover.lines, [
      ['备案单位', '某市第一人民医院（盖章）'],
      ['备案日期', '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'],
      ['受理备案单位', '（盖章）'],
      ['受理日期', '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'],
    ]);
    const [t4] = tablesOf(doc, '表四');
    assert.ok(t4!.rows.every((r) => r[2] === '□有\u3000■无' && r[3] === ''));
  });

  it('falls back to the event, the system’s department, the organisation’s contact and the approval record', () => {
    const withFallbacks = buildFilingForm(
      {
        ...PARTIAL,
        organisation: { ...PARTIAL.organisation, contactName: '王信息', contactPhone: '0571-1' },
        detail: {
          ...PARTIAL.detail,
          system: {
            ...PARTIAL.detail.system,
            responsibleDepartment: '信息科',
            hasCompetentAuthority: null,
            competentAuthority: null,
          },
          reviews: DETAIL.reviews.filter((r) => r.kind === 'competent_approval'),
          events: DETAIL.events,
          grading: DETAIL.grading,
        },
        recorderName: '王小信',
      },
      'zh',
    );
    const s1 = rows(withFallbacks, '表一');
    assert.equal(s1.get('06 责任部门'), '信息科');
    assert.match(
      s1.get('07 责任部门联系人') ?? '',
      /^姓名：王信息\n职务\/职称：（待填写）\n办公电话：0571-1/,
    );
    assert.equal(rows(withFallbacks, '表二').get('09 等级测评单位名称'), '某省信息安全测评中心');
    const s3 = rows(withFallbacks, '表三');
    assert.equal(s3.get('填表人'), '王小信');
    // An approval on record answers 是否有主管部门 and names the authority.
    assert.equal(s3.get('06 是否有主管部门'), '■有\u3000□无');
    assert.equal(s3.get('07 主管部门名称'), '某市卫生健康委员会');
    const [t4] = tablesOf(withFallbacks, '表四');
    assert.equal(
      t4!.rows.find((r) => r[0] === '05')![3],
      '《医院信息系统（HIS）等级测评报告》（报告编号 33010043001-25-0001-01，某省信息安全测评中心，2025年3月28日）',
    );
  });

  it('a level-2 object has no 表四 and no work plan, but the data inventory', () => {
    const level2 = buildFilingForm(
      {
        ...FULL,
        detail: {
          ...DETAIL,
          grading: { ...DETAIL.grading!, level: 2 },
          system: { ...DETAIL.system, level: 2 },
        },
      },
      'zh',
    );
    assert.deepEqual(headings(level2).slice(-2), [
      '表四 第三级以上定级对象提交材料情况（2/6）',
      '数据摸底调查表',
    ]);
    assert.deepEqual(
      sheet(level2, '表四').map((b) => b.kind),
      ['paragraph', 'pageBreak'],
    );
  });
});
