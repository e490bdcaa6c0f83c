/**
 * 定级报告 (grading report) of one grading object: data in, {@link ReportDocument} out.
 *
 * Sourcing: the 2025 grading-report template exists (公网安〔2025〕1846号 Q1 requires every
 * filed level-2+ system to be re-documented with it) but its text was not available. The layout
 * below is ours, modelled on the long-standing template structure seen in public copies
 * (系统描述 → 业务信息安全保护等级的确定 → 系统服务安全保护等级的确定 → 安全保护等级的确定, each
 * dimension as 描述 → 受侵害客体 → 侵害程度 → 等级) and extended with the responsible unit,
 * the GB/T 22240-2020 process records (专家评审, 主管部门核准), the sector grading guidance and
 * the filing. The descriptions, the boundary and topology (with the uploaded diagram) and one
 * argument per harmed object and degree come from the grading's narrative; a grading recorded
 * without one prints fill-in blanks there.
 */
import type {
  DimensionResultDto,
  GradingRecordDto,
  OrganisationDto,
  ReviewDto,
  SectorGuidanceDto,
  SystemDetailDto,
} from '../../shared/api-types';
import { HARM_DEGREES, HARMED_OBJECTS } from '../../shared/mlps';
import type { GradingNarrative } from '../../shared/schemas';
import {
  b,
  fields,
  h1,
  h2,
  image,
  p,
  table,
  type Block,
  type ImageBlock,
  type Lang,
  type ReportDocument,
} from '../model';
import { wording, type DocumentOverrides, type OverridableBlock } from '../overrides';
import {
  blank,
  date,
  DEGREE,
  DIMENSION,
  join,
  levelFull,
  levelShort,
  none,
  OBJECT,
  orBlank,
  SYSTEM_TYPE,
  yesNo,
  type Bilingual,
} from './labels';

export interface GradingReportInput {
  readonly organisation: OrganisationDto;
  readonly detail: SystemDetailDto;
  /** Name of the system this one runs on (cloud platform, big-data platform), if any. */
  readonly hostSystemName?: string | null;
  /** Date printed on the cover (the day the document is produced), YYYY-MM-DD. */
  readonly date: string;
  /** The newest topology diagram uploaded on the system (purpose 'topology'), if any. */
  readonly topology?: {
    readonly data: Uint8Array;
    readonly mediaType: ImageBlock['mediaType'];
    readonly fileName: string;
  } | null;
  readonly overrides?: DocumentOverrides;
}

/** Fixed wording of the 定级报告 an organisation may reword (文书模板). */
export const GRADING_REPORT_BLOCKS: readonly OverridableBlock[] = [
  {
    key: 'grading.sector_guidance_note',
    label: { zh: '行业定级指导说明', en: 'Note on sector grading guidance' },
    defaults: {
      zh: '行业定级指导是行业主管（监管）部门文件提出的建议最低等级，不改变依据 GB/T 22240-2020 确定的安全保护等级；定级结果低于建议等级的，应在专家评审和主管部门核准时说明理由。',
      en: 'Sector grading guidance is the minimum level a sector regulator recommends; it does not change the level determined under GB/T 22240-2020. Where the result is below it, explain why to the expert review and the competent authority.',
    },
    multiline: true,
  },
  {
    key: 'grading.harm_argument_intro',
    label: { zh: '侵害论证引言', en: 'Harm argument introduction' },
    defaults: {
      zh: '下表列出受到破坏时所侵害的客体、侵害程度及其论证，对应等级依据 GB/T 22240-2020 定级矩阵确定。',
      en: 'The table gives each object harmed when the system is compromised, the degree of harm and the argument for it; the level follows the GB/T 22240-2020 matrix.',
    },
    multiline: true,
  },
];

const defaultWording = (key: string, lang: Lang): string =>
  GRADING_REPORT_BLOCKS.find((x) => x.key === key)?.defaults[lang] ?? '';

/** Which parts of the layout are sourced (for the lead and the README). */
export const GRADING_REPORT_SOURCING: Bilingual = {
  zh: '2025 版定级报告模板原文未获取；章节结构为本项目依据通行模板（系统描述、业务信息安全与系统服务安全两个维度、安全保护等级确定）并结合 GB/T 22240-2020 定级流程（专家评审、主管部门核准、备案）自行编排。',
  en: 'The 2025 grading-report template text was not available; the chapter layout is ours, following the long-standing template (system description, the two dimensions, final level) plus the GB/T 22240-2020 process records (expert review, competent approval, filing).',
};

const L = {
  title: { zh: '定级报告', en: 'Grading report' },
  ch1: { zh: '1 定级对象基本情况', en: '1 The grading object' },
  s11: { zh: '1.1 责任单位', en: '1.1 Responsible organisation' },
  s12: { zh: '1.2 定级对象描述', en: '1.2 Description of the grading object' },
  s13: { zh: '1.3 承载的业务与服务情况', en: '1.3 Business and services' },
  s14: { zh: '1.4 定级对象边界与网络拓扑', en: '1.4 Boundary and network topology' },
  ch2: { zh: '2 业务信息安全保护等级的确定', en: '2 Business information security level' },
  s21: { zh: '2.1 业务信息描述', en: '2.1 Business information' },
  s22: {
    zh: '2.2 业务信息受到破坏时所侵害的客体和侵害程度',
    en: '2.2 Objects harmed and degree of harm when business information is compromised',
  },
  s23: { zh: '2.3 业务信息安全保护等级', en: '2.3 Business information security level' },
  ch3: { zh: '3 系统服务安全保护等级的确定', en: '3 System service security level' },
  s31: { zh: '3.1 系统服务描述', en: '3.1 System services' },
  s32: {
    zh: '3.2 系统服务受到破坏时所侵害的客体和侵害程度',
    en: '3.2 Objects harmed and degree of harm when system services are compromised',
  },
  s33: { zh: '3.3 系统服务安全保护等级', en: '3.3 System service security level' },
  ch4: { zh: '4 安全保护等级的确定', en: '4 Security protection level' },
  s41: { zh: '4.1 定级结果', en: '4.1 Result' },
  s42: { zh: '4.2 定级矩阵（GB/T 22240-2020）', en: '4.2 Grading matrix (GB/T 22240-2020)' },
  s43: { zh: '4.3 行业定级指导', en: '4.3 Sector grading guidance' },
  s44: { zh: '4.4 定级提示', en: '4.4 Grading notes' },
  ch5: { zh: '5 专家评审与主管部门核准', en: '5 Expert review and competent-authority approval' },
  s51: { zh: '5.1 专家评审', en: '5.1 Expert review' },
  s52: { zh: '5.2 主管部门核准', en: '5.2 Competent-authority approval' },
  ch6: { zh: '6 备案情况', en: '6 Filing' },
} as const satisfies Record<string, Bilingual>;

export function buildGradingReport(input: GradingReportInput, lang: Lang): ReportDocument {
  const tx = (l: Bilingual) => l[lang];
  const { organisation: org, detail } = input;
  const system = detail.system;
  const grading = detail.grading;
  const narrative = grading?.narrative ?? null;
  const title = lang === 'zh' ? `${system.name}${tx(L.title)}` : `${system.name} — ${tx(L.title)}`;

  const blocks: Block[] = [
    h1(tx(L.ch1)),
    h2(tx(L.s11)),
    fields(
      lang === 'zh'
        ? [
            ['单位名称', org.name],
            ['统一社会信用代码', orBlank(lang, org.creditCode)],
            ['所在地区', orBlank(lang, org.region)],
            ['所属行业', orBlank(lang, org.sector)],
            ['联系人', orBlank(lang, org.contactName)],
            ['联系电话', orBlank(lang, org.contactPhone)],
            ['责任部门', orBlank(lang, system.responsibleDepartment)],
          ]
        : [
            ['Organisation', org.nameEn ? `${org.nameEn} (${org.name})` : org.name],
            ['Unified social credit code', orBlank(lang, org.creditCode)],
            ['Region', orBlank(lang, org.region)],
            ['Sector', orBlank(lang, org.sector)],
            ['Contact', orBlank(lang, org.contactName)],
            ['Contact phone', orBlank(lang, org.contactPhone)],
            ['Responsible department', orBlank(lang, system.responsibleDepartment)],
          ],
    ),
    h2(tx(L.s12)),
    fields(objectRows(input, lang)),
    h2(tx(L.s13)),
    system.description
      ? p(system.description)
      : p(
          blank(lang),
          lang === 'zh'
            ? '（承载的主要业务、服务范围与服务对象，按实际情况补充。）'
            : ' (Add the main business, service scope and users served.)',
        ),
    h2(tx(L.s14)),
    ...boundaryBlocks(input, lang, narrative),
  ];

  blocks.push(
    ...dimensionChapter(lang, input, 'business_information', [L.ch2, L.s21, L.s22, L.s23]),
  );
  blocks.push(...dimensionChapter(lang, input, 'system_service', [L.ch3, L.s31, L.s32, L.s33]));

  // 4 安全保护等级的确定
  blocks.push(h1(tx(L.ch4)), h2(tx(L.s41)));
  if (grading) {
    const r = grading.result;
    blocks.push(
      table(
        [
          { header: lang === 'zh' ? '定级维度' : 'Dimension', width: 3 },
          { header: lang === 'zh' ? '安全保护等级' : 'Level', width: 3 },
        ],
        [
          [tx(DIMENSION.business_information), levelFull(lang, r.businessInformation.level)],
          [tx(DIMENSION.system_service), levelFull(lang, r.systemService.level)],
          [
            lang === 'zh' ? '定级对象安全保护等级' : 'Level of the object',
            levelFull(lang, r.level),
          ],
        ],
      ),
      p(
        lang === 'zh'
          ? `定级对象的安全保护等级由业务信息安全保护等级和系统服务安全保护等级中较高者决定，确定为`
          : 'The level of the object is the higher of the two dimension levels: ',
        b(levelFull(lang, r.level)),
        lang === 'zh'
          ? `，由${join(
              lang,
              r.decisiveDimensions.map((d) => tx(DIMENSION[d])),
            )}${r.decisiveDimensions.length > 1 ? '共同' : ''}决定。`
          : `, set by ${join(
              lang,
              r.decisiveDimensions.map((d) => tx(DIMENSION[d]).toLowerCase()),
            )}.`,
      ),
      fields(
        lang === 'zh'
          ? [
              ['定级日期', date(lang, grading.gradedOn)],
              [
                '原安全保护等级',
                grading.previousLevel ? levelFull(lang, grading.previousLevel) : none(lang),
              ],
              ['定级理由', orBlank(lang, grading.reason)],
              ['记录人', orBlank(lang, grading.recordedBy)],
            ]
          : [
              ['Graded on', date(lang, grading.gradedOn)],
              [
                'Previous level',
                grading.previousLevel ? levelFull(lang, grading.previousLevel) : none(lang),
              ],
              ['Reasoning', orBlank(lang, grading.reason)],
              ['Recorded by', orBlank(lang, grading.recordedBy)],
            ],
      ),
    );
  } else {
    blocks.push(p(notGraded(lang)));
  }
  blocks.push(h2(tx(L.s42)), matrixTable(lang, grading), p(matrixNote(lang)));
  blocks.push(h2(tx(L.s43)), ...sectorGuidanceBlocks(input, lang));
  blocks.push(h2(tx(L.s44)));
  if (detail.warnings.length === 0) blocks.push(p(none(lang)));
  else {
    for (const w of detail.warnings) {
      blocks.push(p(lang === 'zh' ? w.messageZh : w.messageEn));
    }
  }

  // 5 专家评审与主管部门核准
  blocks.push(h1(tx(L.ch5)), h2(tx(L.s51)));
  blocks.push(...reviewBlocks(lang, detail.reviews, 'expert_review', grading));
  blocks.push(h2(tx(L.s52)));
  if (system.hasCompetentAuthority === false) {
    blocks.push(
      p(
        lang === 'zh'
          ? '该定级对象无行业主管（监管）部门，不适用主管部门核准。'
          : 'The object has no industry competent (regulatory) authority; approval does not apply.',
      ),
    );
  } else {
    if (system.competentAuthority) {
      blocks.push(
        p(
          lang === 'zh'
            ? `行业主管部门：${system.competentAuthority}。`
            : `Competent authority: ${system.competentAuthority}.`,
        ),
      );
    }
    blocks.push(...reviewBlocks(lang, detail.reviews, 'competent_approval', grading));
  }

  // 6 备案情况
  blocks.push(h1(tx(L.ch6)));
  if (detail.filings.length === 0) {
    blocks.push(
      p(
        lang === 'zh'
          ? '尚未备案。第二级以上定级对象应在安全保护等级确定后30日内，到公安机关办理备案手续（《信息安全等级保护管理办法》第十五条）。'
          : 'Not filed yet. Level-2+ objects are filed with the public security bureau within 30 days after the level is determined (Administrative Measures for MLPS, Art. 15).',
      ),
    );
  } else {
    blocks.push(
      table(
        lang === 'zh'
          ? [
              { header: '备案日期', width: 2 },
              { header: '受理公安机关', width: 3 },
              { header: '备案证明编号', width: 3 },
              { header: '备案等级', width: 2 },
            ]
          : [
              { header: 'Filed on', width: 2 },
              { header: 'Public security bureau', width: 3 },
              { header: 'Certificate number', width: 3 },
              { header: 'Level filed', width: 2 },
            ],
        detail.filings.map((f) => [
          date(lang, f.filedOn),
          f.bureau,
          orBlank(lang, f.certificateNumber),
          levelShort(lang, f.level),
        ]),
      ),
    );
  }

  return {
    lang,
    title,
    cover: {
      title,
      subtitle:
        lang === 'zh' ? '网络安全等级保护定级报告' : 'MLPS (网络安全等级保护) grading report',
      lines:
        lang === 'zh'
          ? [
              ['定级对象', system.name],
              ['单位名称', org.name],
              ['安全保护等级', grading ? levelFull(lang, grading.level) : notGraded(lang)],
              ['定级日期', grading ? date(lang, grading.gradedOn) : blank(lang)],
            ]
          : [
              ['Grading object', system.name],
              ['Organisation', org.nameEn ?? org.name],
              ['Protection level', grading ? levelFull(lang, grading.level) : notGraded(lang)],
              ['Graded on', grading ? date(lang, grading.gradedOn) : blank(lang)],
            ],
      date: date(lang, input.date),
      ...(input.overrides?.logo ? { logo: input.overrides.logo } : {}),
    },
    header: lang === 'zh' ? `${system.name} 定级报告` : `${system.name} grading report`,
    blocks,
  };
}

function objectRows(input: GradingReportInput, lang: Lang): [string, string][] {
  const s = input.detail.system;
  const types = join(
    lang,
    s.types.map((x) => SYSTEM_TYPE[x][lang]),
  );
  const host = s.hostSystemId ? (input.hostSystemName ?? blank(lang)) : none(lang);
  return lang === 'zh'
    ? [
        ['定级对象名称', s.name],
        ['定级对象类型', types],
        ['投入运行日期', date(lang, s.goLiveOn)],
        ['承载（所在）平台', host],
        ['是否为关键信息基础设施', yesNo(lang, s.isCii)],
        ['是否为国家电子政务系统', yesNo(lang, s.isNationalEgov)],
      ]
    : [
        ['Name', s.name],
        ['Type', types],
        ['In operation since', date(lang, s.goLiveOn)],
        ['Hosted on', host],
        ['Critical information infrastructure', yesNo(lang, s.isCii)],
        ['National e-government system', yesNo(lang, s.isNationalEgov)],
      ];
}

function dimensionChapter(
  lang: Lang,
  input: GradingReportInput,
  dimension: 'business_information' | 'system_service',
  [chapter, describe, harm, level]: readonly Bilingual[],
): Block[] {
  const tx = (l: Bilingual) => l[lang];
  const grading = input.detail.grading;
  const narrative = grading?.narrative ?? null;
  const description =
    dimension === 'business_information'
      ? narrative?.businessDescription
      : narrative?.serviceDescription;
  const blocks: Block[] = [
    h1(tx(chapter as Bilingual)),
    h2(tx(describe as Bilingual)),
    ...(description
      ? paragraphs(description)
      : [
          p(
            blank(lang),
            dimension === 'business_information'
              ? lang === 'zh'
                ? '（业务信息的类型、来源、数量与敏感程度。）'
                : ' (Kinds, sources, volume and sensitivity of the business information.)'
              : lang === 'zh'
                ? '（服务范围、服务对象、可用性要求与中断影响。）'
                : ' (Service scope, users, availability requirements and impact of interruption.)',
          ),
        ]),
    h2(tx(harm as Bilingual)),
  ];
  if (!grading) {
    blocks.push(p(notGraded(lang)), h2(tx(level as Bilingual)), p(notGraded(lang)));
    return blocks;
  }
  const result: DimensionResultDto =
    dimension === 'business_information'
      ? grading.result.businessInformation
      : grading.result.systemService;
  const decisive = (o: string, d: string) =>
    result.decisiveCells.some((c) => c.object === o && c.degree === d);
  const argued = narrative !== null;
  const argumentOf = (o: string, d: string) =>
    narrative?.harmArguments.find(
      (a) => a.dimension === NARRATIVE_DIMENSION[dimension] && a.object === o && a.degree === d,
    )?.argument ?? blank(lang);
  if (argued)
    blocks.push(
      p(
        wording(
          input.overrides,
          'grading.harm_argument_intro',
          lang,
          defaultWording('grading.harm_argument_intro', lang),
        ),
      ),
    );
  blocks.push(
    table(
      [
        { header: lang === 'zh' ? '受侵害的客体' : 'Object harmed', width: 3 },
        { header: lang === 'zh' ? '侵害程度' : 'Degree of harm', width: 2 },
        ...(argued ? [{ header: lang === 'zh' ? '论证' : 'Argument', width: 7 }] : []),
        { header: lang === 'zh' ? '对应等级' : 'Resulting level', width: 2 },
      ],
      result.cells.map((c) => [
        OBJECT[c.object][lang],
        DEGREE[c.degree][lang],
        ...(argued ? [argumentOf(c.object, c.degree)] : []),
        levelShort(lang, c.level) +
          (decisive(c.object, c.degree) ? (lang === 'zh' ? '（决定等级）' : ' (decisive)') : ''),
      ]),
    ),
  );
  const sentence = result.cells.map((c) =>
    lang === 'zh'
      ? `对${OBJECT[c.object].zh}造成${DEGREE[c.degree].zh}`
      : `${DEGREE[c.degree].en.toLowerCase()} to ${OBJECT[c.object].en.toLowerCase()}`,
  );
  blocks.push(
    p(
      lang === 'zh'
        ? `${DIMENSION[dimension].zh}被破坏时，${join(lang, sentence)}。`
        : `When ${DIMENSION[dimension].en.toLowerCase()} is compromised: ${join(lang, sentence)}.`,
    ),
    h2(tx(level as Bilingual)),
    p(
      lang === 'zh'
        ? `依据 GB/T 22240-2020 定级矩阵，取各受侵害客体对应等级的最高者，${DIMENSION[dimension].zh}保护等级为`
        : `Per the GB/T 22240-2020 matrix, taking the highest cell, the ${DIMENSION[dimension].en.toLowerCase()} level is `,
      b(levelFull(lang, result.level)),
      lang === 'zh' ? '。' : '.',
    ),
  );
  return blocks;
}

const NARRATIVE_DIMENSION = {
  business_information: 'businessInformation',
  system_service: 'systemService',
} as const satisfies Record<string, GradingNarrative['harmArguments'][number]['dimension']>;

/** A text as paragraphs, one per non-empty line. */
function paragraphs(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => p(line));
}

/** 1.4: the boundary in words and the topology diagram. */
function boundaryBlocks(
  input: GradingReportInput,
  lang: Lang,
  narrative: GradingNarrative | null,
): Block[] {
  const blocks: Block[] = narrative?.boundaryDescription
    ? paragraphs(narrative.boundaryDescription)
    : [
        p(
          blank(lang),
          lang === 'zh'
            ? '（定级对象的边界、部署位置、与其他系统的连接及网络区域划分。）'
            : ' (Boundary, where it is deployed, connections to other systems and network zones.)',
        ),
      ];
  if (input.topology) {
    blocks.push(
      image(
        input.topology.data,
        input.topology.mediaType,
        lang === 'zh'
          ? `图 1 ${input.detail.system.name}网络拓扑图`
          : `Figure 1 Network topology of ${input.detail.system.name}`,
      ),
    );
  } else {
    blocks.push(
      p(
        lang === 'zh'
          ? '网络拓扑图：（待上传）在系统详情中上传用途为“网络拓扑图”的图片（PNG/JPEG）后，此处嵌入该图。'
          : 'Network topology: (to be uploaded) upload a PNG/JPEG with purpose "topology" on the system and it is embedded here.',
      ),
    );
  }
  return blocks;
}

/** 4.3: the sector guides for the organisation's sector, the answers and whether the level meets them. */
function sectorGuidanceBlocks(input: GradingReportInput, lang: Lang): Block[] {
  const guidance: SectorGuidanceDto | undefined = input.detail.sectorGuidance;
  const note = p(
    wording(
      input.overrides,
      'grading.sector_guidance_note',
      lang,
      defaultWording('grading.sector_guidance_note', lang),
    ),
  );
  if (!guidance || guidance.guides.length === 0) {
    return [
      p(
        lang === 'zh'
          ? '未发现适用于本单位所属行业的定级指导。'
          : "No sector grading guidance was found for the organisation's sector.",
      ),
      note,
    ];
  }
  const level = input.detail.grading?.level ?? null;
  const answer = (a: boolean | null) =>
    a === null ? (lang === 'zh' ? '未回答' : 'Not answered') : yesNo(lang, a);
  const meets = (g: SectorGuidanceDto['guides'][number]) =>
    g.applies !== true
      ? lang === 'zh'
        ? '不适用'
        : 'n/a'
      : g.meets === null
        ? lang === 'zh'
          ? '尚未定级'
          : 'Not graded'
        : g.meets
          ? lang === 'zh'
            ? '满足'
            : 'Meets it'
          : lang === 'zh'
            ? '低于建议等级'
            : 'Below it';
  const source = (g: SectorGuidanceDto['guides'][number]) =>
    g.guide.sources
      .map((s) => {
        const label = lang === 'zh' ? s.labelZh : s.labelEn;
        const provision = lang === 'zh' ? s.provisionZh : s.provisionEn;
        const related =
          s.relation === 'related' ? (lang === 'zh' ? '（相关文件）' : ' (related)') : '';
        return `${label}${provision ? (lang === 'zh' ? provision : `, ${provision}`) : ''}${related}`;
      })
      .join(lang === 'zh' ? '；' : '; ') +
    (g.guide.status === 'unverified'
      ? lang === 'zh'
        ? '（条款原文未核实）'
        : ' (not checked against the text)'
      : '');
  const blocks: Block[] = [
    table(
      [
        { header: lang === 'zh' ? '定级指导' : 'Guidance', width: 5 },
        { header: lang === 'zh' ? '是否适用' : 'Applies', width: 2 },
        { header: lang === 'zh' ? '建议最低等级' : 'Recommended minimum', width: 2 },
        { header: lang === 'zh' ? '定级结果是否满足' : 'Level meets it', width: 2 },
        { header: lang === 'zh' ? '依据' : 'Source', width: 5 },
      ],
      guidance.guides.map((g) => [
        lang === 'zh' ? g.guide.ruleZh : g.guide.ruleEn,
        answer(g.applies),
        levelShort(lang, g.guide.recommendedMinimum),
        meets(g),
        source(g),
      ]),
    ),
  ];
  const min = guidance.recommendedMinimum;
  if (min === null) {
    blocks.push(
      p(
        lang === 'zh'
          ? '本定级对象不属于上述定级指导的适用范围（或尚未回答），无行业建议最低等级。'
          : 'None of the guidance above applies to this object (or it is unanswered): no sector minimum.',
      ),
    );
  } else if (level !== null && level < min) {
    blocks.push(
      p(
        b(lang === 'zh' ? '注意：' : 'Warning: '),
        lang === 'zh'
          ? `行业建议最低等级为${levelShort(lang, min)}，本定级对象定为${levelShort(lang, level)}，低于建议等级。`
          : `The sector's recommended minimum is ${levelShort(lang, min)}; this object is graded ${levelShort(lang, level)}, below it.`,
      ),
    );
  } else {
    blocks.push(
      p(
        lang === 'zh'
          ? `行业建议最低等级为${levelShort(lang, min)}${level !== null ? `，定级结果（${levelShort(lang, level)}）满足该建议。` : '。'}`
          : `The sector's recommended minimum is ${levelShort(lang, min)}${level !== null ? `; the result (${levelShort(lang, level)}) meets it.` : '.'}`,
      ),
    );
  }
  blocks.push(note);
  return blocks;
}

/** The whole GB/T 22240-2020 matrix, with the cells this grading consulted marked. */
function matrixTable(lang: Lang, grading: GradingRecordDto | null): Block {
  const used = (dim: DimensionResultDto | undefined, o: string, d: string) =>
    dim?.cells.some((c) => c.object === o && c.degree === d) ?? false;
  const bi = grading?.result.businessInformation;
  const ss = grading?.result.systemService;
  return table(
    [
      { header: lang === 'zh' ? '受侵害的客体＼侵害程度' : 'Object harmed \\ degree', width: 4 },
      ...HARM_DEGREES.map((d) => ({ header: DEGREE[d][lang], width: 2 })),
    ],
    HARMED_OBJECTS.map((o) => [
      OBJECT[o][lang],
      ...HARM_DEGREES.map((d) => {
        // The DTO carries the matrix the grading was read from; fall back to nothing if ungraded.
        const level = grading?.result.matrix[o][d];
        const marks = [
          used(bi, o, d) ? (lang === 'zh' ? '业务' : 'BI') : null,
          used(ss, o, d) ? (lang === 'zh' ? '服务' : 'SS') : null,
        ].filter((m): m is string => m !== null);
        const base = level === undefined ? '—' : levelShort(lang, level);
        return marks.length === 0
          ? base
          : lang === 'zh'
            ? `${base}（${marks.join('、')}）`
            : `${base} (${marks.join(', ')})`;
      }),
    ]),
  );
}

function matrixNote(lang: Lang): string {
  return lang === 'zh'
    ? '注：“业务”“服务”分别标示业务信息安全、系统服务安全维度判定所落的单元格。'
    : 'Note: BI and SS mark the cells judged for business information security and system service security.';
}

function reviewBlocks(
  lang: Lang,
  reviews: readonly ReviewDto[],
  kind: ReviewDto['kind'],
  grading: GradingRecordDto | null,
): Block[] {
  const list = reviews.filter((r) => r.kind === kind);
  if (list.length === 0) {
    return [
      p(
        kind === 'expert_review'
          ? lang === 'zh'
            ? '尚无专家评审记录。第二级以上定级对象应组织信息安全专家和业务专家进行评审。'
            : 'No expert review recorded. Level-2+ objects need a review by security and business experts.'
          : lang === 'zh'
            ? '尚无主管部门核准记录。有行业主管（监管）部门的，定级结果应报其核准。'
            : 'No approval recorded. Where an industry competent authority exists, it approves the result.',
      ),
    ];
  }
  const blocks: Block[] = [
    table(
      lang === 'zh'
        ? [
            { header: kind === 'expert_review' ? '评审日期' : '核准日期', width: 2 },
            { header: kind === 'expert_review' ? '评审专家' : '核准部门', width: 3 },
            { header: kind === 'expert_review' ? '评审等级' : '核准等级', width: 2 },
            { header: kind === 'expert_review' ? '评审意见' : '核准意见', width: 5 },
          ]
        : [
            { header: kind === 'expert_review' ? 'Reviewed on' : 'Approved on', width: 2 },
            { header: kind === 'expert_review' ? 'Reviewers' : 'Authority', width: 3 },
            { header: 'Agreed level', width: 2 },
            { header: 'Opinion', width: 5 },
          ],
      list.map((r) => [
        date(lang, r.reviewedOn),
        r.reviewer,
        levelShort(lang, r.agreedLevel),
        orBlank(lang, r.opinion),
      ]),
    ),
  ];
  const latest = list.at(-1) as ReviewDto;
  if (grading && latest.agreedLevel !== grading.level) {
    blocks.push(
      p(
        lang === 'zh'
          ? `注意：最近一次${kind === 'expert_review' ? '评审' : '核准'}的等级（${levelShort(lang, latest.agreedLevel)}）与定级结果（${levelShort(lang, grading.level)}）不一致。`
          : `Note: the latest ${kind === 'expert_review' ? 'review' : 'approval'} agreed ${levelShort(lang, latest.agreedLevel)}, but the grading result is ${levelShort(lang, grading.level)}.`,
      ),
    );
  }
  return blocks;
}

function notGraded(lang: Lang): string {
  return lang === 'zh' ? '该定级对象尚未定级。' : 'The object has not been graded yet.';
}
