/**
 * The 定级报告's narrative parts, pure: descriptions, boundary and topology, the argument per
 * harmed object and degree, the sector guidance in each of its states, and the organisation's
 * wording overrides — zh and en side by side.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  GradingRecordDto,
  OrganisationDto,
  SectorGuidanceDto,
  SystemDetailDto,
} from '../../shared/api-types';
import { documentText, type ImageBlock, type ReportDocument, type TableBlock } from '../model';
import type { DocumentOverrides } from '../overrides';
import {
  buildGradingReport,
  GRADING_REPORT_BLOCKS,
  type GradingReportInput,
} from './grading-report';

const ORG = {
  id: 'o1',
  name: '某市第一人民医院',
  nameEn: null,
  creditCode: null,
  region: null,
  sector: '卫生健康',
  contactName: null,
  contactPhone: null,
  filingProfile: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
} as OrganisationDto;

const GUIDE: SectorGuidanceDto['guides'][number]['guide'] = {
  id: 'health-tertiary-hospital-core',
  sector: { code: '45', zh: '卫生', en: 'Health' },
  questionZh: '本系统是否为三级甲等医院的核心业务信息系统？',
  questionEn: 'Is this a core system of a tertiary grade-A hospital?',
  recommendedMinimum: 3,
  ruleZh: '三级甲等医院的核心业务信息系统原则上不低于第三级。',
  ruleEn: 'Core systems of tertiary grade-A hospitals: level 3 or above.',
  sources: [
    {
      id: 'moh-2011-85',
      labelZh:
        '《卫生行业信息安全等级保护工作的指导意见》（卫办发〔2011〕85号，卫生部，2011-11-29）',
      labelEn: 'Guiding Opinions (卫办发〔2011〕85号, Ministry of Health, 2011-11-29)',
      provisionZh: null,
      provisionEn: null,
      url: 'https://www.gov.cn/govweb/gzdt/2011-12/09/content_2016113.htm',
      note: '',
      relation: 'rule',
    },
    {
      id: 'nhc-2022-29',
      labelZh: '《医疗卫生机构网络安全管理办法》（国卫规划发〔2022〕29号）',
      labelEn: 'Measures (国卫规划发〔2022〕29号)',
      provisionZh: null,
      provisionEn: null,
      url: null,
      note: '',
      relation: 'related',
    },
  ],
  effectiveFrom: '2011-11-29',
  effectiveTo: null,
  status: 'unverified',
};

function grading(level: 2 | 3, narrative: GradingRecordDto['narrative']): GradingRecordDto {
  const cell = {
    object: 'social_order_public_interest' as const,
    degree: 'serious' as const,
    level,
  };
  const dim = (dimension: 'business_information' | 'system_service') => ({
    dimension,
    level,
    cells: [cell],
    decisiveCells: [cell],
  });
  return {
    id: 'g1',
    systemId: 's1',
    level,
    previousLevel: null,
    gradedOn: '2026-02-10',
    reason: '首次定级',
    recordedBy: '周敏',
    result: {
      businessInformation: dim('business_information'),
      systemService: dim('system_service'),
      level,
      decisiveDimensions: ['business_information', 'system_service'],
      citations: [],
      matrix: {
        citizen_legal_person: { general: 1, serious: 2, especially_serious: 2 },
        social_order_public_interest: { general: 2, serious: 3, especially_serious: 4 },
        national_security: { general: 3, serious: 4, especially_serious: 5 },
      },
    },
    narrative,
    createdAt: '2026-02-10T00:00:00Z',
  };
}

const NARRATIVE: NonNullable<GradingRecordDto['narrative']> = {
  businessDescription: '门诊与住院诊疗数据。\n约 120 万名患者的个人信息。',
  serviceDescription: '全院 7×24 小时诊疗服务。',
  boundaryDescription: '部署于院内数据中心核心业务区。',
  harmArguments: [
    {
      dimension: 'businessInformation',
      object: 'social_order_public_interest',
      degree: 'serious',
      argument: '泄露将严重影响区域医疗秩序。',
    },
    {
      dimension: 'systemService',
      object: 'social_order_public_interest',
      degree: 'serious',
      argument: '中断使全院诊疗停摆。',
    },
  ],
  sectorGuidance: [{ guideId: GUIDE.id, applies: true }],
};

function detail(
  g: GradingRecordDto | null,
  guides: SectorGuidanceDto['guides'],
  recommendedMinimum: 2 | 3 | null,
): SystemDetailDto {
  return {
    system: {
      id: 's1',
      organisationId: 'o1',
      name: '医院信息系统（HIS）',
      types: ['ordinary_system'],
      level: g?.level ?? null,
      gradedOn: g?.gradedOn ?? null,
      goLiveOn: null,
      isCii: false,
      filedOn: null,
      certificateNumber: null,
      version: 2,
      updatedAt: '2026-02-10T00:00:00Z',
      description: null,
      ciiDesignatedOn: null,
      isNationalEgov: false,
      hasCompetentAuthority: false,
      competentAuthority: null,
      responsibleDepartment: null,
      hostSystemId: null,
      ciiSecurityOrganisationOn: null,
      filingProfile: null,
      createdAt: '2026-01-01T00:00:00Z',
    },
    grading: g,
    gradingHistory: g ? [g] : [],
    reviews: [],
    filings: [],
    events: [],
    warnings: [],
    attachments: [],
    sectorGuidance: { matchedBy: 'name', guides, recommendedMinimum },
  } as SystemDetailDto;
}

const build = (
  input: Omit<GradingReportInput, 'organisation' | 'date'>,
  lang: 'zh' | 'en' = 'zh',
) => buildGradingReport({ organisation: ORG, date: '2026-02-11', ...input }, lang);
const text = (doc: ReportDocument) => documentText(doc).join('\n');
const tableUnder = (doc: ReportDocument, heading: string): TableBlock => {
  const at = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  const found = doc.blocks.slice(at + 1).find((b): b is TableBlock => b.kind === 'table');
  assert.ok(found, `a table under ${heading}`);
  return found;
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe('定级报告 narrative', () => {
  const level3 = detail(grading(3, NARRATIVE), [{ guide: GUIDE, applies: true, meets: true }], 3);

  it('prints the descriptions line by line, the boundary and the diagram with its caption', () => {
    const doc = build({
      detail: level3,
      topology: { data: PNG, mediaType: 'image/png', fileName: 'topology.png' },
    });
    const all = text(doc);
    assert.match(all, /2\.1 业务信息描述\n门诊与住院诊疗数据。\n约 120 万名患者的个人信息。\n2\.2/);
    assert.match(all, /3\.1 系统服务描述\n全院 7×24 小时诊疗服务。\n3\.2/);
    assert.match(
      all,
      /1\.4 定级对象边界与网络拓扑\n部署于院内数据中心核心业务区。\n图 1 医院信息系统（HIS）网络拓扑图/,
    );
    const picture = doc.blocks.find((b): b is ImageBlock => b.kind === 'image');
    assert.equal(picture?.mediaType, 'image/png');
    const narrativePart = all.slice(all.indexOf('1.4 '), all.indexOf('4 安全保护等级的确定'));
    assert.doesNotMatch(narrativePart, /待填写|待上传/, 'no blank where the data exists');
  });

  it('argues each harmed object and degree in the harm table', () => {
    const doc = build({ detail: level3 });
    const bi = tableUnder(doc, '2.2 业务信息受到破坏时所侵害的客体和侵害程度');
    assert.deepEqual(
      bi.columns.map((c) => c.header),
      ['受侵害的客体', '侵害程度', '论证', '对应等级'],
    );
    assert.deepEqual(bi.rows, [
      ['社会秩序、公共利益', '严重损害', '泄露将严重影响区域医疗秩序。', '第三级（决定等级）'],
    ]);
    const ss = tableUnder(doc, '3.2 系统服务受到破坏时所侵害的客体和侵害程度');
    assert.equal(ss.rows[0]?.[2], '中断使全院诊疗停摆。');
    assert.match(text(build({ detail: level3 })), /网络拓扑图：（待上传）/, 'asks for the diagram');
  });

  it('states that the level meets the sector minimum, citing the rule and the related instrument', () => {
    const doc = build({ detail: level3 });
    const guidance = tableUnder(doc, '4.3 行业定级指导');
    assert.deepEqual(guidance.rows[0]?.slice(0, 4), [GUIDE.ruleZh, '是', '第三级', '满足']);
    assert.match(
      guidance.rows[0]![4]!,
      /卫办发〔2011〕85号.*；.*国卫规划发〔2022〕29号.*（相关文件）（条款原文未核实）$/,
    );
    assert.match(text(doc), /行业建议最低等级为第三级，定级结果（第三级）满足该建议。/);
  });

  it('warns below the minimum, in zh and en', () => {
    const below = detail(grading(2, NARRATIVE), [{ guide: GUIDE, applies: true, meets: false }], 3);
    assert.match(
      text(build({ detail: below })),
      /注意：行业建议最低等级为第三级，本定级对象定为第二级，低于建议等级。/,
    );
    const en = build({ detail: below }, 'en');
    assert.match(
      text(en),
      /Warning: The sector's recommended minimum is Level 3; this object is graded Level 2, below it\./,
    );
    assert.equal(tableUnder(en, '4.3 Sector grading guidance').rows[0]?.[3], 'Below it');
  });

  it('says when no guide applies, none is answered, none exists, or nothing is graded yet', () => {
    const no = detail(grading(2, NARRATIVE), [{ guide: GUIDE, applies: false, meets: null }], null);
    const noDoc = build({ detail: no });
    assert.deepEqual(tableUnder(noDoc, '4.3 行业定级指导').rows[0]?.slice(1, 4), [
      '否',
      '第三级',
      '不适用',
    ]);
    assert.match(text(noDoc), /无行业建议最低等级/);
    const open = detail(grading(2, null), [{ guide: GUIDE, applies: null, meets: null }], null);
    assert.equal(tableUnder(build({ detail: open }), '4.3 行业定级指导').rows[0]?.[1], '未回答');
    assert.match(
      text(build({ detail: detail(grading(2, null), [], null) })),
      /未发现适用于本单位所属行业的定级指导。/,
    );
    const ungraded = detail(null, [{ guide: GUIDE, applies: true, meets: null }], 3);
    const doc = build({ detail: ungraded });
    assert.equal(tableUnder(doc, '4.3 行业定级指导').rows[0]?.[3], '尚未定级');
    assert.match(text(doc), /行业建议最低等级为第三级。/);
  });

  it('keeps the blanks of a grading recorded without a narrative', () => {
    const doc = build({ detail: detail(grading(3, null), [], null) });
    const all = text(doc);
    assert.match(all, /2\.1 业务信息描述\n（待填写）/);
    assert.match(all, /1\.4 定级对象边界与网络拓扑\n（待填写）/);
    assert.deepEqual(
      tableUnder(doc, '2.2 业务信息受到破坏时所侵害的客体和侵害程度').columns.map((c) => c.header),
      ['受侵害的客体', '侵害程度', '对应等级'],
      'no argument column without arguments',
    );
  });

  it("prints the organisation's wording for the overridable blocks, per language", () => {
    const overrides: DocumentOverrides = {
      blocks: {
        'grading.sector_guidance_note.zh': '本院按卫生健康委要求执行行业定级指导。',
        'grading.harm_argument_intro.zh': '侵害论证由信息中心会同医务处编写。',
      },
    };
    const zh = text(build({ detail: level3, overrides }));
    assert.match(zh, /本院按卫生健康委要求执行行业定级指导。/);
    assert.match(zh, /侵害论证由信息中心会同医务处编写。/);
    const en = text(build({ detail: level3, overrides }, 'en'));
    const note = GRADING_REPORT_BLOCKS.find((b) => b.key === 'grading.sector_guidance_note');
    assert.ok(note && en.includes(note.defaults.en), 'en keeps its default');
    assert.deepEqual(
      GRADING_REPORT_BLOCKS.map((b) => b.key),
      ['grading.sector_guidance_note', 'grading.harm_argument_intro'],
    );
  });

  it("puts the organisation's logo on the cover, and none without one", () => {
    const logo = {
      data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      mediaType: 'image/png' as const,
    };
    assert.equal(build({ detail: level3, overrides: { blocks: {}, logo } }).cover.logo, logo);
    assert.equal(build({ detail: level3 }).cover.logo, undefined);
  });
});
