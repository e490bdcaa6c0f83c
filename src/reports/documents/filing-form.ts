/**
 * 网络安全等级保护备案表 (filing form) of one grading object: data in, {@link ReportDocument} out,
 * laid out like the printed form — cover (备案表编号, 备案单位（盖章）, 受理备案单位（盖章）,
 * 公安部监制), 填表说明, 表一 单位基本情况, 表二 定级对象情况（k/n）, 表三 定级结果（k/n）, 表四
 * 第三级以上定级对象提交材料情况（k/n）, then the 数据摸底调查表 and the 网络安全保护工作方案 summary.
 *
 * Sourcing: the sheets, item numbers and option lists follow the 《信息系统安全等级保护备案表》
 * issued with 《信息安全等级保护管理办法》（公通字〔2007〕43号）, as public copies of it print them
 * (the option lists with their sources are catalog data: src/catalogs/filing-form/options.yaml).
 * The title is the one public security bureaus now use (网络安全等级保护备案表, with 定级对象 for
 * 信息系统); its revised field list was not available. Rows the 2007 form has no number for are
 * ours: 统一社会信用代码, 定级对象类型 and 采用的新技术 (the GB/T 22240-2020 object types), and
 * 表四 08/09 for the two attachments 公网安〔2025〕1846号 adds (数据摸底调查表, 保护工作方案).
 *
 * The mapping of every field to our data is {@link FILING_FORM_FIELDS} (filing-form/fields.ts).
 */
import type { Block, FieldsBlock, Lang, ReportDocument } from '../model';
import { fields, h1, p, pageBreak, table } from '../model';
import { wording, type OverridableBlock } from '../overrides';
import {
  FILING_FORM_FIELDS,
  hasTable4,
  relevantDataCategories,
  type FilingField,
  type FilingSheet,
} from './filing-form/fields';
import { formLevel, latestFiling, orgProfile, type FilingFormInput } from './filing-form/input';
import { box, choiceMarks, YES_NO } from './filing-form/marks';
import { blank, date, levelShort, orBlank, type Bilingual } from './labels';

export {
  FILING_FORM_FIELDS,
  FILING_FORM_UNSOURCED,
  TABLE4_FILE_NAME_WORDS,
} from './filing-form/fields';
export type { FilingField, FilingSheet } from './filing-form/fields';
export type { FilingAssessment, FilingFormInput } from './filing-form/input';

export const FILING_FORM_SOURCING: Bilingual = {
  zh: '表一至表四的划分、项目编号和选项代码依据《信息安全等级保护管理办法》（公通字〔2007〕43号）所附备案表的公开文本；标题采用现行的“网络安全等级保护备案表”，其修订后的字段清单未能取得。统一社会信用代码、定级对象类型、采用的新技术及表四08、09两项（公网安〔2025〕1846号增加的数据摸底调查表和网络安全保护工作方案）为本项目补充。',
  en: 'The four sheets, item numbers and option codes follow public copies of the filing form issued with the 2007 MLPS measures (Gongtongzi [2007] No. 43); the title is the one in use today (网络安全等级保护备案表), whose revised field list was not available. The credit code, object type, new technologies and sheet 4 items 08–09 (the data inventory and protection work plan added by MPS letter 1846 of 2025) are ours.',
};

// --- wording an organisation may override ---------------------------------------------------

const INSTRUCTIONS: Bilingual = {
  zh: [
    '一、本表依据《信息安全等级保护管理办法》（公通字〔2007〕43号）制作，由第二级以上定级对象的运营使用单位或其主管部门（以下简称备案单位）填写，一式两份，备案单位和受理备案的公安机关各存一份。',
    '二、表一为单位基本情况，每个备案单位填写一张；表二定级对象情况和表三定级结果，每个定级对象各填写一张；表四由第三级以上定级对象填写，列明随表提交的材料。',
    '三、表二、表三、表四按“（k/n）”编号：n为本单位定级对象总数，k为本定级对象的序号；同一定级对象的表二、表三、表四序号相同。',
    '四、有选项的项目，“■”为选中，“□”为未选中，选项前的数字为该选项的代码；选择“其他”的，在其后写明具体内容。',
    '五、封面备案表编号共11位，前6位为受理备案的公安机关代码，后5位为其给出的顺序号，由受理备案的公安机关填写；受理备案单位（盖章）和受理日期亦由公安机关填写。',
    '六、表一04行政区划代码为备案单位所在地（区、市、州、盟）的代码；05单位负责人为主管本单位网络安全工作的负责人；06责任部门为单位内负责网络安全工作的部门。',
    '七、表二07所称国产品，指研制、生产单位由中国公民、法人或国家投资或控股，在我国境内具有独立法人资格，核心技术和关键部件具有我国自主知识产权的产品；表二08所称国内服务商，指在我国境内（港澳台地区除外）注册成立、由中国公民、法人或国家投资的服务机构。',
    '八、按公网安〔2025〕1846号的要求，第二级以上定级对象随表提交数据摸底调查表，第三级以上定级对象随表提交网络安全保护工作方案。',
  ].join('\n'),
  en: [
    '1. This form follows the Administrative Measures for Information Security Classified Protection (Gongtongzi [2007] No. 43). It is filled in by the organisation operating a level-2-or-higher grading object, or by its competent authority (the filing organisation), in two copies: one for the filing organisation, one for the public security bureau accepting the filing.',
    '2. Sheet 1 describes the organisation, one per filing organisation; sheet 2 (the grading object) and sheet 3 (the grading result) are filled in for every grading object; sheet 4 is filled in for level-3-or-higher objects and lists the documents submitted with the form.',
    '3. Sheets 2 to 4 are numbered (k/n): n is the number of the organisation’s grading objects, k this object’s place among them; the sheets 2, 3 and 4 of one object carry the same k.',
    '4. Where the form offers options, ■ marks the chosen ones and □ the others; the number in front of an option is its code. An answer of “Other” says what it is.',
    '5. The filing form number on the cover has 11 digits: the first 6 are the code of the accepting public security bureau, the last 5 its sequence number. The bureau fills it in, and the accepting bureau (seal) and the acceptance date.',
    '6. Sheet 1 item 04 is the administrative division code of the prefecture the organisation is in; item 05 is the head responsible for the organisation’s cybersecurity; item 06 the department responsible for it.',
    '7. A domestic product (sheet 2 item 07) is one whose developer and maker is invested or controlled by Chinese citizens, legal persons or the state, is an independent legal person in China, and holds the intellectual property of its core technology and key parts; a domestic provider (item 08) is a service organisation registered in mainland China and invested by Chinese citizens, legal persons or the state.',
    '8. As required by MPS letter 1846 (2025), level-2-or-higher objects submit a data inventory with the form, and level-3-or-higher objects a security protection work plan.',
  ].join('\n'),
};

const COVER_FOOTER: Bilingual = {
  zh: '中华人民共和国公安部监制',
  en: 'Printed under the supervision of the Ministry of Public Security of the People’s Republic of China',
};

/** The blocks of the filing form an organisation may reword (see src/reports/overrides.ts). */
export const FILING_FORM_BLOCKS: readonly OverridableBlock[] = [
  {
    key: 'filing.instructions',
    label: { zh: '备案表：填表说明', en: 'Filing form: instructions' },
    defaults: INSTRUCTIONS,
    multiline: true,
  },
  {
    key: 'filing.coverFooter',
    label: { zh: '备案表：封面监制单位', en: 'Filing form: cover footer' },
    defaults: COVER_FOOTER,
  },
];

// --- labels ---------------------------------------------------------------------------------

const L = {
  title: { zh: '网络安全等级保护备案表', en: 'MLPS filing form' },
  instructions: { zh: '填表说明', en: 'Instructions' },
  sheet1: { zh: '表一 单位基本情况', en: 'Sheet 1 Organisation' },
  sheet2: { zh: '表二 定级对象情况', en: 'Sheet 2 Grading object' },
  sheet3: { zh: '表三 定级结果', en: 'Sheet 3 Grading result' },
  sheet4: {
    zh: '表四 第三级以上定级对象提交材料情况',
    en: 'Sheet 4 Documents submitted for level 3 and above',
  },
  dataInventory: { zh: '数据摸底调查表', en: 'Data inventory' },
  workPlan: {
    zh: '网络安全保护工作方案（摘要）',
    en: 'Security protection work plan (summary)',
  },
  formNumber: { zh: '备案表编号', en: 'Filing form number' },
  seal: { zh: '（盖章）', en: '(seal)' },
  filer: { zh: '备案单位', en: 'Filing organisation' },
  filedOn: { zh: '备案日期', en: 'Filed on' },
  acceptor: { zh: '受理备案单位', en: 'Accepting bureau' },
  acceptedOn: { zh: '受理日期', en: 'Accepted on' },
} as const satisfies Record<string, Bilingual>;

/** The 11-position form number the accepting bureau assigns, as boxes to fill in. */
const EMPTY_FORM_NUMBER = '□□□□□□-□□□□□';

/** A date line the bureau fills in by hand (not a 待填写: it is not the filer's to give). */
const blankDate = (lang: Lang) =>
  lang === 'zh' ? '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日' : '____-__-__';

const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');

// --- sheets ---------------------------------------------------------------------------------

/** The label cell of a row: the item number and its label (the group's, for a grouped item). */
const rowLabel = (f: FilingField, lang: Lang): string => {
  const label = (f.group ?? f.label)[lang];
  return f.item ? `${f.item} ${label}` : label;
};

/** 表一 to 表三: rows of label → value, grouped items on one row, tables where the form has them. */
function sheetBlocks(input: FilingFormInput, lang: Lang, sheet: FilingSheet): Block[] {
  const out: Block[] = [];
  let rows: [string, string][] = [];
  const flush = () => {
    if (rows.length > 0) out.push(fields(rows));
    rows = [];
  };
  const list = FILING_FORM_FIELDS.filter((f) => f.sheet === sheet);
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    if (f.table) {
      flush();
      out.push(f.table(input, lang));
      continue;
    }
    if (f.group) {
      const members: FilingField[] = [f];
      while (list[i + 1]?.group === f.group && list[i + 1]?.item === f.item)
        members.push(list[++i]!);
      rows.push([
        rowLabel(f, lang),
        members
          .map((m) => `${m.label[lang]}${colon(lang)}${orBlank(lang, m.value?.(input, lang))}`)
          .join('\n'),
      ]);
      continue;
    }
    rows.push([rowLabel(f, lang), orBlank(lang, f.value?.(input, lang))]);
  }
  flush();
  return out;
}

function table4Blocks(input: FilingFormInput, lang: Lang): Block[] {
  if (!hasTable4(input)) {
    return [
      p(
        lang === 'zh'
          ? `本定级对象为${levelShort(lang, formLevel(input))}，不填写表四（表四由第三级以上定级对象填写）。`
          : `This object is ${levelShort(lang, formLevel(input))}; sheet 4 is for level-3-or-higher objects only.`,
      ),
    ];
  }
  const list = FILING_FORM_FIELDS.filter((f) => f.sheet === 4);
  return [
    table(
      lang === 'zh'
        ? [
            { header: '序号', width: 0.9, align: 'center' },
            { header: '材料名称', width: 4.2 },
            { header: '有无', width: 1.8, align: 'center' },
            { header: '附件名称', width: 6 },
          ]
        : [
            { header: 'No.', width: 0.9, align: 'center' },
            { header: 'Document', width: 4.2 },
            { header: 'Submitted', width: 1.8, align: 'center' },
            { header: 'Attachments', width: 6 },
          ],
      list.map((f) => [
        f.item,
        f.label[lang],
        orBlank(lang, f.value?.(input, lang)),
        f.attachments?.(input, lang) ?? '',
      ]),
    ),
  ];
}

const IMPORTANCE: Readonly<Record<'general' | 'important' | 'core', Bilingual>> = {
  general: { zh: '一般', en: 'General' },
  important: { zh: '重要', en: 'Important' },
  core: { zh: '核心', en: 'Core' },
};

/** 数据摸底调查表: one row per data category this object holds (and the organisation-wide ones). */
function dataInventoryBlocks(input: FilingFormInput, lang: Lang): Block[] {
  const categories = relevantDataCategories(input);
  if (categories.length === 0) return [p(blank(lang))];
  const importance = (code: 'general' | 'important' | 'core') =>
    (['general', 'important', 'core'] as const)
      .map((c) => `${box(c === code)}${IMPORTANCE[c][lang]}`)
      .join(lang === 'zh' ? '\u3000' : '  ');
  return [
    table(
      lang === 'zh'
        ? [
            { header: '序号', width: 1, align: 'center' },
            { header: '数据类别名称', width: 2.6 },
            { header: '数量', width: 2 },
            { header: '重要程度', width: 2.8, align: 'center' },
            { header: '存储位置', width: 2.2 },
            { header: '是否出境', width: 2.2 },
            { header: '涉及定级对象', width: 2.2 },
          ]
        : [
            { header: 'No.', width: 1, align: 'center' },
            { header: 'Data category', width: 2.6 },
            { header: 'Volume', width: 2 },
            { header: 'Importance', width: 2.8, align: 'center' },
            { header: 'Stored at', width: 2.2 },
            { header: 'Leaves China', width: 2.2 },
            { header: 'Grading objects', width: 2.2 },
          ],
      categories.map((c, i) => [
        String(i + 1),
        c.note ? `${c.name}\n${c.note}` : c.name,
        c.individuals != null
          ? lang === 'zh'
            ? `${c.volume}\n（含 ${c.individuals} 人的个人信息）`
            : `${c.volume}\n(personal information of ${c.individuals} people)`
          : c.volume,
        importance(c.importance),
        c.location,
        c.crossBorder
          ? `${choiceMarks(YES_NO, 0, lang)}\n${lang === 'zh' ? '目的地' : 'To'}${colon(lang)}${(c.crossBorderDestinations ?? []).join(lang === 'zh' ? '、' : ', ')}`
          : choiceMarks(YES_NO, 1, lang),
        (c.systems ?? []).length > 0
          ? (c.systems ?? []).join(lang === 'zh' ? '、' : ', ')
          : lang === 'zh'
            ? '全单位'
            : 'Whole organisation',
      ]),
    ),
  ];
}

function workPlanBlocks(input: FilingFormInput, lang: Lang): Block[] {
  const plan = orgProfile(input).protectionWorkPlan;
  if (!plan) return [p(blank(lang))];
  const rows: [string, string][] =
    lang === 'zh'
      ? [
          ['年度', `${plan.year}年`],
          ['资产情况', plan.assets],
          ['已有安全防护措施', plan.existingMeasures],
          ['问题隐患根源', plan.rootCauses],
          ['整改思路', plan.approach],
          ['整改计划及进度', plan.plan],
        ]
      : [
          ['Year', String(plan.year)],
          ['Assets', plan.assets],
          ['Existing measures', plan.existingMeasures],
          ['Root causes', plan.rootCauses],
          ['Approach', plan.approach],
          ['Plan and schedule', plan.plan],
        ];
  const block: FieldsBlock = fields(rows);
  return [block];
}

// --- the document ---------------------------------------------------------------------------

/** "（k/n）" after the heading of 表二 to 表四, when the object's place is known. */
const numbering = (input: FilingFormInput, lang: Lang): string => {
  if (!input.objectCount || !input.position) return '';
  return lang === 'zh'
    ? `（${input.position}/${input.objectCount}）`
    : ` (${input.position}/${input.objectCount})`;
};

export function buildFilingForm(input: FilingFormInput, lang: Lang): ReportDocument {
  const system = input.detail.system;
  const level = formLevel(input);
  const filing = latestFiling(input);
  const k = numbering(input, lang);
  const instructions = wording(input.overrides, 'filing.instructions', lang, INSTRUCTIONS[lang]);
  const blocks: Block[] = [h1(L.instructions[lang])];
  for (const line of instructions.split('\n')) if (line.trim()) blocks.push(p(line.trim()));
  if (level === 1) {
    blocks.push(
      p(
        lang === 'zh'
          ? '注：本定级对象为第一级，第一级定级对象无需到公安机关备案。'
          : 'Note: this object is level 1; level-1 objects are not filed with public security.',
      ),
    );
  }
  blocks.push(pageBreak, h1(L.sheet1[lang]), ...sheetBlocks(input, lang, 1));
  blocks.push(pageBreak, h1(`${L.sheet2[lang]}${k}`), ...sheetBlocks(input, lang, 2));
  blocks.push(pageBreak, h1(`${L.sheet3[lang]}${k}`), ...sheetBlocks(input, lang, 3));
  blocks.push(pageBreak, h1(`${L.sheet4[lang]}${k}`), ...table4Blocks(input, lang));
  if (level !== 1) {
    blocks.push(pageBreak, h1(L.dataInventory[lang]), ...dataInventoryBlocks(input, lang));
  }
  if (level === 0 || level >= 3) {
    blocks.push(pageBreak, h1(L.workPlan[lang]), ...workPlanBlocks(input, lang));
  }

  const organisationName =
    lang === 'en'
      ? (input.organisation.nameEn ?? input.organisation.name)
      : input.organisation.name;
  return {
    lang,
    title:
      lang === 'zh' ? `${system.name}网络安全等级保护备案表` : `${system.name} — MLPS filing form`,
    cover: {
      number: [L.formNumber[lang], filing?.certificateNumber ?? EMPTY_FORM_NUMBER],
      title: L.title[lang],
      subtitle: system.name,
      lines: [
        [L.filer[lang], `${organisationName}${L.seal[lang]}`],
        [L.filedOn[lang], filing ? date(lang, filing.filedOn) : blankDate(lang)],
        [L.acceptor[lang], filing ? `${filing.bureau}${L.seal[lang]}` : L.seal[lang]],
        [L.acceptedOn[lang], filing ? date(lang, filing.filedOn) : blankDate(lang)],
      ],
      date: '',
      footer: wording(input.overrides, 'filing.coverFooter', lang, COVER_FOOTER[lang]),
    },
    header: lang === 'zh' ? `${system.name} 备案表` : `${system.name} filing form`,
    blocks,
  };
}
