/**
 * The register file (dengbao.privacy.v1) as an Excel workbook, both ways: a 说明 sheet, then
 * 处理活动, 接收方, 出境传输, 出境批次 and 单独同意 (rows of the last four name their activity by
 * 活动编号). Headers are Chinese; each header cell's comment gives the file's field name, and
 * import accepts either. Choice columns take the Chinese label or the English code; lists are
 * separated by "；" (";" and "、" are read too); yes/no columns take 是/否.
 *
 * Reading is strict and complete: every problem of the whole workbook comes back with its
 * sheet, Excel row and column in one ValidationError, and `locate` maps the file's paths
 * (`activities[2].transfers[0].recipientKey`) to those cells for the import's later checks.
 * Every text cell written is neutralised (never a formula: src/spreadsheet/styles.ts).
 */
import type ExcelJS from 'exceljs';
import { ValidationError, formatPath } from '../../errors';
import {
  CONSENT_CASES,
  DATA_SUBJECT_KINDS,
  EXEMPTION_GROUNDS,
  LEGAL_BASES,
  PRIVACY_LIMITS,
  PrivacyRegisterFileSchema,
  RECIPIENT_RELATIONSHIPS,
  TRANSFER_MECHANISMS,
  type PrivacyRegisterFile,
} from '../../shared/privacy-schemas';
import {
  readTypedRows,
  SheetProblems,
  type Labels,
  type TypedColumn,
  type TypedRow,
} from '../../spreadsheet/typed-sheet';
import { readSpreadsheet } from '../../spreadsheet/reader';
import { addSafeRow, BORDER, FONT, styleHeaderCell } from '../../spreadsheet/styles';
import { at } from '../../spreadsheet/types';
import type { Locate } from './file';

const loadExcel = async () => (await import('exceljs')).default;

/** Larger workbooks are refused before they are unzipped. */
export const PRIVACY_WORKBOOK_MAX_BYTES = 20 * 1024 * 1024;
/** Data rows per sheet (batches are the long one). */
export const PRIVACY_WORKBOOK_MAX_ROWS = PRIVACY_LIMITS.batchesPerImport;

export const PRIVACY_SHEETS = {
  guide: '说明',
  activities: '处理活动',
  recipients: '接收方',
  transfers: '出境传输',
  batches: '出境批次',
  consents: '单独同意',
} as const;

export const LEGAL_BASIS_ZH: Labels = {
  consent: '取得个人同意',
  contract_or_hr: '订立履行合同或人力资源管理所必需',
  legal_duty: '履行法定职责或法定义务所必需',
  emergency: '应对突发公共卫生事件或紧急情况所必需',
  news_public_interest: '为公共利益实施新闻报道、舆论监督',
  public_information: '处理已合法公开的个人信息',
  other_law: '法律、行政法规规定的其他情形',
};
export const SUBJECT_ZH: Labels = {
  customers: '客户',
  patients: '患者',
  employees: '员工',
  job_applicants: '求职者',
  students: '学生',
  minors_under_14: '不满十四周岁未成年人',
  visitors: '访客',
  business_contacts: '业务联系人',
  public: '公众',
  other: '其他',
};
export const RELATIONSHIP_ZH: Labels = {
  entrusted_processor: '受托处理者',
  other_handler: '其他个人信息处理者',
  joint_handler: '共同处理者',
};
export const EXEMPTION_ZH: Labels = {
  no_personal_information: '不包含个人信息或重要数据',
  collected_abroad: '境外收集境内处理后出境',
  contract_with_individual: '订立履行个人作为一方当事人的合同所必需',
  cross_border_hr: '跨境人力资源管理所必需',
  emergency: '紧急情况下保护生命健康和财产安全所必需',
  ftz_negative_list: '自由贸易试验区负面清单外',
};
export const MECHANISM_ZH: Labels = {
  security_assessment: '数据出境安全评估',
  standard_contract: '个人信息出境标准合同',
  certification: '个人信息保护认证',
};
export const CONSENT_ZH: Labels = {
  art23_provision: '向其他处理者提供（第二十三条）',
  art25_disclosure: '公开个人信息（第二十五条）',
  art26_public_camera: '公共场所图像用于其他目的（第二十六条）',
  art29_sensitive: '处理敏感个人信息（第二十九条）',
  art31_guardian: '不满十四周岁监护人同意（第三十一条）',
  art39_abroad: '向境外提供（第三十九条）',
};

type Column = TypedColumn;

const ACTIVITY = 'activity';
const activityRef: Column = {
  key: ACTIVITY,
  zh: '活动编号',
  en: 'activity',
  width: 12,
  required: true,
  hint: 'Code of an activity on sheet 处理活动 (or already in the register).',
};

const ACTIVITY_COLUMNS: readonly Column[] = [
  {
    key: 'code',
    zh: '活动编号',
    en: 'code',
    width: 12,
    required: true,
    hint: 'Unique code; import merges activities by it.',
  },
  { key: 'name', zh: '活动名称', en: 'name', width: 22, required: true },
  { key: 'purpose', zh: '处理目的', en: 'purpose', width: 30, required: true },
  {
    key: 'legalBases',
    zh: '处理依据',
    en: 'legalBases',
    width: 24,
    required: true,
    kind: 'choices',
    labels: LEGAL_BASIS_ZH,
    codes: LEGAL_BASES,
    hint: 'PIPL Art. 13 bases, separated by "；".',
  },
  {
    key: 'dataCategories',
    zh: '个人信息类别',
    en: 'dataCategories',
    width: 30,
    required: true,
    kind: 'list',
    hint: 'Data category codes of the classifier (e.g. name；medical_record；face_features), separated by "；".',
  },
  {
    key: 'dataSubjects',
    zh: '个人信息主体',
    en: 'dataSubjects',
    width: 18,
    required: true,
    kind: 'choices',
    labels: SUBJECT_ZH,
    codes: DATA_SUBJECT_KINDS,
  },
  { key: 'individuals', zh: '涉及人数', en: 'individuals', width: 11, required: true, kind: 'int' },
  {
    key: 'sensitiveIndividuals',
    zh: '敏感个人信息人数',
    en: 'sensitiveIndividuals',
    width: 11,
    kind: 'int',
  },
  { key: 'minorsUnder14', zh: '不满十四周岁人数', en: 'minorsUnder14', width: 11, kind: 'int' },
  { key: 'retention', zh: '保存期限', en: 'retention', width: 18, required: true },
  { key: 'retentionMonths', zh: '保存月数', en: 'retentionMonths', width: 9, kind: 'int' },
  { key: 'deletion', zh: '删除方式', en: 'deletion', width: 18 },
  {
    key: 'systems',
    zh: '所在定级对象',
    en: 'systems',
    width: 22,
    kind: 'list',
    hint: 'Names of MLPS systems of the organisation, separated by "；".',
  },
  {
    key: 'automatedDecisionMaking',
    zh: '自动化决策',
    en: 'automatedDecisionMaking',
    width: 9,
    kind: 'bool',
  },
  { key: 'publicDisclosure', zh: '公开', en: 'publicDisclosure', width: 7, kind: 'bool' },
  {
    key: 'publicCameraImages',
    zh: '公共场所图像',
    en: 'publicCameraImages',
    width: 9,
    kind: 'bool',
  },
  { key: 'otherMajorImpact', zh: '其他重大影响', en: 'otherMajorImpact', width: 18 },
  {
    key: 'face.storedIndividuals',
    zh: '人脸信息存储人数',
    en: 'faceRecognition.storedIndividuals',
    width: 12,
    kind: 'int',
    hint: 'Empty: the activity does not use face recognition.',
  },
  {
    key: 'face.reachedThresholdOn',
    zh: '达到10万人日期',
    en: 'faceRecognition.reachedThresholdOn',
    width: 12,
    kind: 'date',
  },
  {
    key: 'face.filedOn',
    zh: '人脸识别备案日期',
    en: 'faceRecognition.filedOn',
    width: 12,
    kind: 'date',
  },
  {
    key: 'face.filingReference',
    zh: '人脸识别备案编号',
    en: 'faceRecognition.filingReference',
    width: 14,
  },
  {
    key: 'face.changedOn',
    zh: '备案事项变更日期',
    en: 'faceRecognition.changedOn',
    width: 12,
    kind: 'date',
  },
  {
    key: 'face.changeFiledOn',
    zh: '变更备案日期',
    en: 'faceRecognition.changeFiledOn',
    width: 12,
    kind: 'date',
  },
  {
    key: 'face.stoppedOn',
    zh: '停止使用日期',
    en: 'faceRecognition.stoppedOn',
    width: 12,
    kind: 'date',
  },
  {
    key: 'face.deregisteredOn',
    zh: '注销备案日期',
    en: 'faceRecognition.deregisteredOn',
    width: 12,
    kind: 'date',
  },
  {
    key: 'face.storedOnDevice',
    zh: '仅存储于设备',
    en: 'faceRecognition.storedOnDevice',
    width: 9,
    kind: 'bool',
  },
  {
    key: 'face.alternativeOffered',
    zh: '提供其他验证方式',
    en: 'faceRecognition.alternativeOffered',
    width: 9,
    kind: 'bool',
  },
  { key: 'privacyNoticeVersion', zh: '隐私政策版本', en: 'privacyNoticeVersion', width: 12 },
  { key: 'owner', zh: '负责部门', en: 'owner', width: 14 },
  { key: 'note', zh: '备注', en: 'note', width: 20 },
];

const RECIPIENT_COLUMNS: readonly Column[] = [
  activityRef,
  { key: 'key', zh: '接收方编号', en: 'key', width: 12, required: true },
  {
    key: 'relationship',
    zh: '关系',
    en: 'relationship',
    width: 16,
    required: true,
    kind: 'choice',
    labels: RELATIONSHIP_ZH,
    codes: RECIPIENT_RELATIONSHIPS,
  },
  { key: 'name', zh: '接收方名称', en: 'name', width: 24, required: true },
  {
    key: 'country',
    zh: '国家或地区',
    en: 'country',
    width: 10,
    required: true,
    hint: 'ISO 3166-1 alpha-2 (CN, DE, SG, HK …).',
  },
  { key: 'contact', zh: '联系方式', en: 'contact', width: 18 },
  { key: 'purpose', zh: '提供目的', en: 'purpose', width: 24 },
  {
    key: 'dataCategories',
    zh: '提供的个人信息类别',
    en: 'dataCategories',
    width: 24,
    kind: 'list',
    hint: 'Empty: all of the activity’s categories.',
  },
];

const TRANSFER_COLUMNS: readonly Column[] = [
  activityRef,
  { key: 'key', zh: '传输编号', en: 'key', width: 12, required: true },
  { key: 'recipientKey', zh: '接收方编号', en: 'recipientKey', width: 12, required: true },
  {
    key: 'exemption',
    zh: '豁免情形',
    en: 'exemption',
    width: 22,
    kind: 'choice',
    labels: EXEMPTION_ZH,
    codes: EXEMPTION_GROUNDS,
  },
  { key: 'importantData', zh: '含重要数据', en: 'importantData', width: 9, kind: 'bool' },
  {
    key: 'mechanism.kind',
    zh: '出境机制',
    en: 'mechanism.kind',
    width: 18,
    kind: 'choice',
    labels: MECHANISM_ZH,
    codes: TRANSFER_MECHANISMS,
  },
  {
    key: 'mechanism.contractEffectiveOn',
    zh: '合同生效日期',
    en: 'mechanism.contractEffectiveOn',
    width: 12,
    kind: 'date',
  },
  {
    key: 'mechanism.filedOn',
    zh: '备案或申报日期',
    en: 'mechanism.filedOn',
    width: 12,
    kind: 'date',
  },
  {
    key: 'mechanism.approvedOn',
    zh: '通过或取得日期',
    en: 'mechanism.approvedOn',
    width: 12,
    kind: 'date',
  },
  { key: 'mechanism.reference', zh: '备案或证书编号', en: 'mechanism.reference', width: 16 },
  { key: 'note', zh: '备注', en: 'note', width: 20 },
];

const BATCH_COLUMNS: readonly Column[] = [
  activityRef,
  { key: 'transferKey', zh: '传输编号', en: 'transferKey', width: 12, required: true },
  {
    key: 'transferredOn',
    zh: '出境日期',
    en: 'transferredOn',
    width: 12,
    required: true,
    kind: 'date',
  },
  {
    key: 'individuals',
    zh: '个人信息人数',
    en: 'individuals',
    width: 12,
    required: true,
    kind: 'int',
  },
  {
    key: 'sensitiveIndividuals',
    zh: '敏感个人信息人数',
    en: 'sensitiveIndividuals',
    width: 12,
    kind: 'int',
  },
  { key: 'note', zh: '备注', en: 'note', width: 20 },
];

const CONSENT_COLUMNS: readonly Column[] = [
  activityRef,
  {
    key: 'case',
    zh: '单独同意情形',
    en: 'case',
    width: 26,
    required: true,
    kind: 'choice',
    labels: CONSENT_ZH,
    codes: CONSENT_CASES,
  },
  { key: 'method', zh: '取得方式', en: 'method', width: 28, required: true },
  { key: 'evidence', zh: '留存证据', en: 'evidence', width: 20 },
  { key: 'since', zh: '起始日期', en: 'since', width: 12, kind: 'date' },
];

const LIST_SEPARATOR = '；';
const YES = '是';
const NO = '否';

/* ----------------------------------------------------------------------------------------- */
/* Export                                                                                    */
/* ----------------------------------------------------------------------------------------- */

type Cell = string | number;

const cellOf = (c: Column, v: unknown): Cell => {
  if (v === null || v === undefined) return '';
  if (c.kind === 'bool') return v ? YES : NO;
  if (c.kind === 'int') return v as number;
  if (c.kind === 'choice') return c.labels?.[v as string] ?? String(v);
  if (c.kind === 'choices')
    return (v as string[]).map((x) => c.labels?.[x] ?? x).join(LIST_SEPARATOR);
  if (c.kind === 'list') return (v as string[]).join(LIST_SEPARATOR);
  return String(v);
};

function addSheet(book: ExcelJS.Workbook, name: string, columns: readonly Column[]) {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
  });
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: {
      font: FONT,
      alignment: { vertical: 'top', wrapText: c.width >= 18 },
      ...(c.kind === 'int' ? {} : { numFmt: '@' }),
    },
  }));
  const head = addSafeRow(
    sheet,
    columns.map((c) => c.zh),
  );
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    styleHeaderCell(cell, c.required);
    const choices = c.labels
      ? `\n${Object.entries(c.labels)
          .map(([code, zh]) => `${zh} = ${code}`)
          .join('\n')}`
      : '';
    cell.note = `${c.en}${c.required ? ' (required 必填)' : ''}${c.hint ? `\n${c.hint}` : ''}${choices}`;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return (values: Readonly<Record<string, unknown>>) => {
    const row = addSafeRow(
      sheet,
      columns.map((c) => cellOf(c, values[c.key])),
    );
    for (let i = 1; i <= columns.length; i++) row.getCell(i).border = BORDER;
  };
}

/** The register file as an .xlsx workbook. */
export async function privacyWorkbook(file: PrivacyRegisterFile): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'dengbao';
  book.title = '个人信息处理活动记录 dengbao.privacy.v1';
  writeGuide(book, file);
  const activity = addSheet(book, PRIVACY_SHEETS.activities, ACTIVITY_COLUMNS);
  const recipient = addSheet(book, PRIVACY_SHEETS.recipients, RECIPIENT_COLUMNS);
  const transfer = addSheet(book, PRIVACY_SHEETS.transfers, TRANSFER_COLUMNS);
  const batch = addSheet(book, PRIVACY_SHEETS.batches, BATCH_COLUMNS);
  const consent = addSheet(book, PRIVACY_SHEETS.consents, CONSENT_COLUMNS);
  for (const a of file.activities) {
    const face = a.faceRecognition;
    activity({
      ...a,
      ...(face ? Object.fromEntries(Object.entries(face).map(([k, v]) => [`face.${k}`, v])) : {}),
    });
    for (const r of a.recipients) recipient({ ...r, [ACTIVITY]: a.code });
    for (const t of a.transfers) {
      const m = t.mechanism;
      transfer({
        ...t,
        [ACTIVITY]: a.code,
        ...(m ? Object.fromEntries(Object.entries(m).map(([k, v]) => [`mechanism.${k}`, v])) : {}),
      });
    }
    for (const c of a.consents) consent({ ...c, [ACTIVITY]: a.code });
  }
  for (const b of file.transferBatches) batch({ ...b, [ACTIVITY]: b.activity });
  const out = await book.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function writeGuide(book: ExcelJS.Workbook, file: PrivacyRegisterFile): void {
  const guide = book.addWorksheet(PRIVACY_SHEETS.guide);
  guide.columns = [{ width: 100 }];
  const title = addSafeRow(guide, ['个人信息处理活动记录 — dengbao.privacy.v1']);
  title.font = { ...FONT, size: 14, bold: true };
  const lines = [
    'Processing register as a workbook: the same content as the YAML/JSON file (format dengbao.privacy.v1). The register profile (隐私政策版本等) is kept in the file and on the 登记概况 page; an import from this workbook leaves it unchanged.',
    `处理活动 ${file.activities.length} 项；出境批次 ${file.transferBatches.length} 条。`,
    '1. 导入按“活动编号”合并：已有的活动以表中内容为准（含其接收方、出境传输和单独同意），没有的新建；导入从不删除活动。',
    '2. 出境批次只新增：与已记录批次（活动、传输、日期、人数均相同）相同的行视为已有，不重复记录。',
    '3. 全部或全不：导入前检查整个工作簿，只要有一处问题就什么都不导入，并逐项列出工作表、行号和列名。',
    '4. 选择列可填中文名称或英文代码（见表头批注）；多个值以“；”分隔；是/否列填“是”或“否”；日期写作 YYYY-MM-DD。',
    '5. 个人信息类别填写分类目录中的代码（如 name、medical_record、face_features）。',
    `6. 文件不超过 ${PRIVACY_WORKBOOK_MAX_BYTES / 1024 / 1024} MB，每个工作表不超过 ${PRIVACY_WORKBOOK_MAX_ROWS.toLocaleString('en')} 行。`,
  ];
  for (const line of lines) {
    const row = addSafeRow(guide, [line]);
    row.getCell(1).font = FONT;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }
}

/* ----------------------------------------------------------------------------------------- */
/* Import                                                                                    */
/* ----------------------------------------------------------------------------------------- */

/** Keys `a.b` of a row as a nested object `{a: {b}}`, without the absent ones. */
function nest(values: Record<string, unknown>, prefix: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(values))
    if (k.startsWith(`${prefix}.`) && v !== undefined) {
      out[k.slice(prefix.length + 1)] = v;
      any = true;
    }
  return any ? out : null;
}

const flat = (values: Record<string, unknown>, skip: readonly string[] = []) =>
  Object.fromEntries(
    Object.entries(values).filter(
      ([k, v]) => v !== undefined && !k.includes('.') && !skip.includes(k),
    ),
  );

/** Text columns read without inner spaces: codes, keys and references. */
const VERBATIM = (key: string) =>
  key === 'code' || key === 'key' || key.endsWith('Key') || key === ACTIVITY;

/**
 * Reads a workbook written by {@link privacyWorkbook} (possibly edited in Excel or WPS) into a
 * register file without a profile. Every problem comes back at once; nothing partial.
 */
export async function readPrivacyWorkbook(
  buffer: Buffer,
): Promise<{ file: PrivacyRegisterFile; locate: Locate }> {
  const book = await readSpreadsheet(buffer, {
    maxFileBytes: PRIVACY_WORKBOOK_MAX_BYTES,
    maxRows: PRIVACY_WORKBOOK_MAX_ROWS,
  });
  const problems = new SheetProblems();
  const places = new Map<string, string>();
  const record = (path: string, sheet: string, row: TypedRow, columns: readonly Column[]) => {
    places.set(path, at(sheet, row.row));
    for (const c of columns) {
      const field = c.key.startsWith('face.')
        ? c.key.replace(/^face\./, 'faceRecognition.')
        : c.key;
      places.set(`${path}.${field}`, row.place(c.key));
    }
  };

  const activityRows = readTypedRows(
    book,
    PRIVACY_SHEETS.activities,
    ACTIVITY_COLUMNS,
    problems,
    VERBATIM,
  );
  const activities: Record<string, unknown>[] = [];
  const indexByCode = new Map<string, { index: number; row: number }>();
  activityRows.forEach((row) => {
    const code = row.values.code as string | undefined;
    const index = activities.length;
    if (code) {
      const first = indexByCode.get(code);
      if (first) {
        problems.add(
          row.place('code'),
          `activity code “${code}” is also in row ${first.row} (活动编号重复); list it once`,
        );
        return;
      }
      indexByCode.set(code, { index, row: row.row });
    }
    record(`activities[${index}]`, PRIVACY_SHEETS.activities, row, ACTIVITY_COLUMNS);
    const face = nest(row.values, 'face');
    activities.push({
      ...flat(row.values),
      ...(face ? { faceRecognition: face } : {}),
      recipients: [],
      transfers: [],
      consents: [],
    });
  });

  /** Rows of a child sheet go under their activity, which must be on sheet 处理活动. */
  const child = (
    sheet: string,
    columns: readonly Column[],
    list: 'recipients' | 'transfers' | 'consents',
  ) => {
    for (const row of readTypedRows(book, sheet, columns, problems, VERBATIM)) {
      const code = row.values[ACTIVITY] as string | undefined;
      if (!code) continue;
      const found = indexByCode.get(code);
      if (!found) {
        problems.add(
          row.place(ACTIVITY),
          `no activity “${code}” on sheet ${PRIVACY_SHEETS.activities} (处理活动不存在); add it there or correct the code`,
        );
        continue;
      }
      const target = activities[found.index]![list] as Record<string, unknown>[];
      const path = `activities[${found.index}].${list}[${target.length}]`;
      record(path, sheet, row, columns);
      const mechanism = nest(row.values, 'mechanism');
      target.push({
        ...flat(row.values, [ACTIVITY]),
        ...(list === 'transfers' && mechanism ? { mechanism } : {}),
      });
    }
  };
  child(PRIVACY_SHEETS.recipients, RECIPIENT_COLUMNS, 'recipients');
  child(PRIVACY_SHEETS.transfers, TRANSFER_COLUMNS, 'transfers');
  child(PRIVACY_SHEETS.consents, CONSENT_COLUMNS, 'consents');

  const transferBatches = readTypedRows(
    book,
    PRIVACY_SHEETS.batches,
    BATCH_COLUMNS,
    problems,
    VERBATIM,
  ).map((row, i) => {
    record(`transferBatches[${i}]`, PRIVACY_SHEETS.batches, row, BATCH_COLUMNS);
    return flat(row.values);
  });

  const locate: Locate = (path) => {
    for (let p = path; ;) {
      const hit = places.get(p);
      if (hit !== undefined) return hit;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return path;
      p = p.slice(0, cut);
    }
  };
  const parsed = PrivacyRegisterFileSchema.safeParse({
    format: 'dengbao.privacy.v1',
    activities,
    transferBatches,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      problems.add(locate(formatPath('', issue.path)), issue.message);
  if (problems.size > 0 || !parsed.success) {
    const details = problems.list();
    throw new ValidationError(
      { code: 'xlsx.problems', params: { count: details.length } },
      details,
    );
  }
  return { file: parsed.data, locate };
}
