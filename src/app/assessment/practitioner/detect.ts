/**
 * Reading an assessor's own workbook (the "practitioner layout"): one sheet per test object, a
 * header row somewhere in the first rows (columns named in one of the usual ways: 控制点 or
 * 测评指标, 测评项 or 测评内容 …, possibly merged over two header rows), an `IP：… 版本：…`
 * line above it on device sheets, 扩展标准 / 控制点 cells merged down over their rows, and the
 * weight and the tool's item code in columns without a header.
 *
 * Pure: sheets of values in, what each sheet says out. Nothing here knows the catalog; matching
 * rows to baseline items is match.ts.
 */
import type { RequirementCategory } from '../../../catalogs/mlps-catalog.schema';
import {
  EMPTY_ATTRIBUTES,
  type DataClass,
  type ObjectImportance,
  type TestObjectAttributes,
  type TestObjectKind,
} from '../../../shared/assessment-vocabulary';
import { cellText, clean } from '../../../spreadsheet/cells';
import type { CellValue, RowData } from '../../../spreadsheet/types';

/** What a column holds. */
export type Field =
  | 'extension'
  | 'category'
  | 'controlPoint'
  | 'item'
  | 'record'
  | 'result'
  | 'reason'
  | 'weight'
  | 'code'
  | 'clause';

/** The usual header names of each column (the first is the one we show). */
export const HEADER_SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  extension: ['扩展标准', '扩展要求', '要求类别', '要求类型', '安全要求类别', '扩展类型', '标准'],
  category: ['安全类', '安全层面', '层面', '安全控制类', '安全类别', '类别'],
  controlPoint: ['控制点', '测评指标', '安全控制点', '指标'],
  item: ['测评项', '测评内容', '要求项', '测评要求', '要求内容', '检查项'],
  record: ['结果记录', '现场记录', '测评记录', '现场测评记录', '核查记录', '记录'],
  result: ['符合情况', '符合程度', '结果判定', '测评结果', '判定结果', '符合性', '结论'],
  reason: ['原因说明', '不适用原因', '原因'],
  weight: ['分值', '权重'],
  code: ['编号', '测评项编号', '指标编号', '项目编号', '代码'],
  clause: ['条款', '条款号', '项号', '条目'],
};

/** Where a partial header word is looked for, most specific first (编号 before 测评项 …). */
const CONTAINS_ORDER: readonly Field[] = [
  'clause',
  'code',
  'weight',
  'reason',
  'result',
  'record',
  'item',
  'controlPoint',
  'extension',
  'category',
];

/** Sheets of counts and contents, not test objects. */
const SUMMARY_SHEET =
  /^(目录|汇总|统计|.{0,8}(结果汇总|问题汇总|汇总表|统计表)|单项测评结果.*|整体测评.*)$/;

/** A header row is looked for within this many rows from the top. */
export const HEADER_SCAN_ROWS = 15;

const headerWord = (text: string) =>
  clean(text)
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[：:*＊]+$/, '')
    .toLowerCase();

/** The field a header cell names, if any. */
export function headerField(text: string): Field | null {
  const word = headerWord(text);
  // Counts and scores of a summary table (测评项数, 符合项数, 得分) name no column of ours.
  if (!word || word.length > 16 || /(数|数量|得分|分数|比例|率|占比)$/.test(word)) return null;
  for (const field of CONTAINS_ORDER) {
    if (HEADER_SYNONYMS[field].includes(word)) return field;
  }
  for (const field of CONTAINS_ORDER) {
    if (HEADER_SYNONYMS[field].some((s) => s.length >= 2 && word.includes(s))) return field;
  }
  return null;
}

/* ----------------------------------------------------------------------------------------- */
/* The IP line                                                                               */
/* ----------------------------------------------------------------------------------------- */

const ATTRIBUTE_KEYS: readonly [RegExp, keyof TestObjectAttributes][] = [
  [/^(ip地址|ip|管理ip|管理地址|地址)$/i, 'ipAddresses'],
  [/^(版本|版本号|软件版本|系统版本|固件版本)$/, 'version'],
  [/^(型号|设备型号|规格型号)$/, 'model'],
  [/^(操作系统|系统类型|os)$/i, 'os'],
  [/^(厂商|品牌|生产厂商|厂家)$/, 'vendor'],
  [/^(位置|部署位置|物理位置|所在位置)$/, 'location'],
  [/^(用途|角色|功能)$/, 'role'],
  [/^(重要程度)$/, 'importance'],
];
const KEY_PATTERN =
  /(IP地址|管理IP|管理地址|IP|地址|版本号|软件版本|系统版本|固件版本|版本|设备型号|规格型号|型号|操作系统|系统类型|OS|生产厂商|厂商|品牌|厂家|部署位置|物理位置|所在位置|位置|用途|角色|功能|重要程度)\s*[:：]/gi;
const IPV4 =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\/\d{1,2})?(?![\d.])/g;
const IPV6 = /(?<![0-9a-f:])(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-f:])/gi;
const IMPORTANCE: Readonly<Record<string, ObjectImportance>> = {
  关键: 'key',
  重要: 'important',
  一般: 'general',
};

/**
 * Attributes from lines such as `IP：10.0.0.1  版本：V8.0.26  型号：S5735` (full- or half-width
 * colons, one or several cells). Null when the text names no attribute.
 */
export function parseAttributeLine(text: string): Partial<TestObjectAttributes> | null {
  const keys = [...text.matchAll(KEY_PATTERN)];
  if (keys.length === 0) return null;
  const out: Record<string, unknown> = {};
  keys.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = keys[i + 1]?.index ?? text.length;
    const value = text
      .slice(start, end)
      .trim()
      .replace(/[，,;；|、/]+$/, '')
      .trim();
    const name = (m[1] ?? '').toLowerCase();
    const field = ATTRIBUTE_KEYS.find(([re]) => re.test(name))?.[1];
    if (!field || !value) return;
    if (field === 'ipAddresses') {
      const ips = [...(value.match(IPV4) ?? []), ...(value.match(IPV6) ?? [])];
      if (ips.length > 0)
        out.ipAddresses = [...new Set([...((out.ipAddresses as string[]) ?? []), ...ips])];
    } else if (field === 'importance') {
      const level = IMPORTANCE[value];
      if (level) out.importance = level;
    } else if (out[field] === undefined) {
      out[field] = value.slice(0, 200);
    }
  });
  return Object.keys(out).length > 0 ? (out as Partial<TestObjectAttributes>) : null;
}

/* ----------------------------------------------------------------------------------------- */
/* Sheets                                                                                    */
/* ----------------------------------------------------------------------------------------- */

/** One item row of a sheet, as written (merged and blank-continued cells carried down). */
export interface DetectedRow {
  /** Excel row number. */
  readonly r: number;
  readonly extension: string;
  readonly category: string;
  readonly controlPoint: string;
  /** The 测评项 as found (with its item letter). */
  readonly item: string;
  /** The item letter (`a` of `a）…`), lower case; null when the text has none. */
  readonly letter: string | null;
  /** Position of the row among the rows of its control point (1-based). */
  readonly ordinal: number;
  readonly record: string;
  readonly result: string;
  readonly reason: string;
  readonly weight: number | null;
  readonly code: string;
}

/** `summary`: a 汇总 / 统计 / 目录 sheet, never a test object. */
export type SheetStatus = 'items' | 'no_header' | 'no_rows' | 'summary';

export interface DetectedSheet {
  readonly name: string;
  readonly status: SheetStatus;
  /** The (last) header row; null without one. */
  readonly headerRow: number | null;
  /** Columns (1-based) by field, and the header text as found (or `J` for a column without). */
  readonly columns: Partial<Readonly<Record<Field, { col: number; header: string }>>>;
  /** From `IP：… 版本：…` lines above the header. */
  readonly attributes: Partial<TestObjectAttributes>;
  readonly rows: readonly DetectedRow[];
  /** 合计 / 小计 rows left out. */
  readonly totals: number;
}

export interface SheetInput {
  readonly name: string;
  readonly rows: readonly RowData[];
}

const text = (row: RowData | undefined, col: number | undefined): string =>
  col === undefined || !row ? '' : clean(cellText(row.cells[col - 1] ?? null));

const LETTER = /^\s*[（(]?\s*([a-zA-Z])\s*[)）.．、]\s*/;
/** The item letter of a 测评项 text (also a full-width ａ）), lower case. */
export const itemLetter = (item: string): string | null =>
  LETTER.exec(item.normalize('NFKC'))?.[1]?.toLowerCase() ?? null;
/** The 测评项 without its item letter. */
export const withoutLetter = (item: string): string => {
  // Full-width forms normalise one to one, so the prefix has the same length in the original.
  const prefix = LETTER.exec(item.normalize('NFKC'))?.[0];
  return (prefix ? item.slice(prefix.length) : item).trim();
};

/** A label row naming the requirements below it (安全通用要求, 云计算安全扩展要求 …). */
const SECTION_EXTENSION = /^(安全通用要求|.{2,8}安全扩展要求)$/;
const TOTAL = /^(合计|总计|小计|总分|得分|汇总|平均分?|统计)(（.*）|\(.*\))?[:：]?$/;
const FOOTER = /^(测评人员|测评人|记录人|复核人|审核人|测评日期|测评时间|日期|备注|说明|注)[:：]/;
const CODE = /^[A-Z]{1,3}\d?-[A-Z]{2,6}\d{0,2}-\d{1,3}$/i;

function headerFields(row: RowData | undefined): Map<number, { field: Field; header: string }> {
  const out = new Map<number, { field: Field; header: string }>();
  row?.cells.forEach((value, i) => {
    const header = clean(cellText(value));
    const field = headerField(header);
    if (field) out.set(i + 1, { field, header });
  });
  return out;
}

const hasFields = (fields: Map<number, { field: Field }>, ...wanted: Field[]) =>
  wanted.every((w) => [...fields.values()].some((f) => f.field === w));

/** Reads one sheet: its header, attributes above it and its item rows. */
export function detectSheet(sheet: SheetInput): DetectedSheet {
  const rows = sheet.rows;
  const base = { name: sheet.name, attributes: {}, rows: [], totals: 0, columns: {} };
  if (SUMMARY_SHEET.test(sheet.name.replace(/\s+/g, ''))) {
    return { ...base, status: 'summary', headerRow: null };
  }
  let headerIndex = -1;
  for (let i = 0; i < rows.length && (rows[i]?.r ?? Infinity) <= HEADER_SCAN_ROWS; i++) {
    if (hasFields(headerFields(rows[i]), 'controlPoint', 'item')) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0) return { ...base, status: 'no_header', headerRow: null };

  // A second header row (merged group headers above, e.g. 测评结果 over 结果记录 | 符合情况).
  const fields = headerFields(rows[headerIndex]);
  let lastHeader = headerIndex;
  const next = rows[headerIndex + 1];
  const below = headerFields(next);
  if (
    next &&
    next.r === (rows[headerIndex]?.r ?? 0) + 1 &&
    below.size > 0 &&
    !next.cells.some((v) => itemLetter(cellText(v ?? null)) !== null && cellText(v).length > 6)
  ) {
    for (const [col, f] of below) fields.set(col, f);
    lastHeader = headerIndex + 1;
  }
  const columns: Partial<Record<Field, { col: number; header: string }>> = {};
  for (const [col, f] of [...fields].sort((a, b) => a[0] - b[0])) {
    columns[f.field] ??= { col, header: f.header };
  }

  // Attribute lines above the header.
  let attributes: Partial<TestObjectAttributes> = {};
  for (let i = 0; i < headerIndex; i++) {
    const line = (rows[i]?.cells ?? [])
      .map((v) => clean(cellText(v ?? null)))
      .filter(Boolean)
      .join('  ');
    const found = parseAttributeLine(line);
    if (found) attributes = mergeFound(attributes, found);
  }

  const dataRows = rows.slice(lastHeader + 1);
  findHeaderless(dataRows, columns);

  const out: DetectedRow[] = [];
  let totals = 0;
  let extension = '';
  let category = '';
  let controlPoint = '';
  let ordinal = 0;
  let currentRun = '';
  const headerItem = columns.item?.header ?? '';
  for (const row of dataRows) {
    const get = (f: Field) => text(row, columns[f]?.col);
    const item = get('item');
    const result = get('result');
    const record = get('record');
    const cells = row.cells.map((v) => clean(cellText(v ?? null)).replace(/\s+/g, ''));
    if (item && item === headerItem) continue; // the header repeated (printing)
    if (!itemLetter(item) && cells.some((c) => TOTAL.test(c))) {
      totals += 1;
      continue;
    }
    // A signature or note line under the table (测评人员：… 日期：…).
    if (!itemLetter(item) && !result && cells.some((c) => FOOTER.test(c))) continue;
    const ext = get('extension');
    const cat = get('category');
    const cp = get('controlPoint');
    // A label row across the table (merged): 安全通用要求, 云计算安全扩展要求, 安全计算环境 ….
    const distinct = [...new Set(cells.filter(Boolean))];
    if (distinct.length === 1 && !itemLetter(distinct[0]!)) {
      const only = distinct[0]!;
      if (SECTION_EXTENSION.test(only)) {
        extension = only;
        continue;
      }
      if (categoryNamed(only) !== null && only.length <= 8) {
        category = only;
        continue;
      }
    }
    if (ext) extension = ext;
    if (cat) category = cat;
    if (!item && !result && !record) {
      // A section label (扩展标准 / 安全类 / 控制点 alone, or a label row across the table
      // such as 云计算安全扩展要求 above the cloud items) or a blank row.
      const label = cells.find((c) => SECTION_EXTENSION.test(c));
      if (label && !ext) extension = label;
      const categoryLabel = cells.find((c) => categoryNamed(c) !== null && c.length <= 8);
      if (categoryLabel && !cat) category = categoryLabel;
      if (cp && !SECTION_EXTENSION.test(cp) && !categoryNamed(cp)) controlPoint = cp;
      continue;
    }
    if (cp) controlPoint = cp;
    // Positions count within one control point of one extension and category.
    const run = `${extension}|${category}|${controlPoint}`;
    if (run !== currentRun) {
      currentRun = run;
      ordinal = 0;
    }
    if (item) ordinal += 1;
    const weightCell = columns.weight ? row.cells[columns.weight.col - 1] : null;
    const weightText = get('weight');
    const weight =
      typeof weightCell === 'number'
        ? weightCell
        : weightText && Number.isFinite(Number(weightText))
          ? Number(weightText)
          : null;
    out.push({
      r: row.r,
      extension,
      category,
      controlPoint,
      item,
      letter:
        itemLetter(item) ?? /([a-z])\s*[)）]\s*$/i.exec(get('clause'))?.[1]?.toLowerCase() ?? null,
      ordinal: item ? ordinal : 0,
      record,
      result,
      reason: get('reason'),
      weight,
      code: get('code').replace(/\s+/g, ''),
    });
  }
  return {
    name: sheet.name,
    status: out.length > 0 ? 'items' : 'no_rows',
    headerRow: rows[lastHeader]?.r ?? null,
    columns,
    attributes,
    rows: out,
    totals,
  };
}

function mergeFound(
  into: Partial<TestObjectAttributes>,
  found: Partial<TestObjectAttributes>,
): Partial<TestObjectAttributes> {
  const out: Record<string, unknown> = { ...into };
  for (const [k, v] of Object.entries(found)) {
    if (k === 'ipAddresses') {
      out.ipAddresses = [...new Set([...(into.ipAddresses ?? []), ...(v as string[])])];
    } else out[k] ??= v;
  }
  return out as Partial<TestObjectAttributes>;
}

/**
 * Columns without a header that hold weights (numbers up to 1) or item codes (`L3-CES1-01`):
 * assessors' tools add them to the right of the table.
 */
function findHeaderless(
  rows: readonly RowData[],
  columns: Partial<Record<Field, { col: number; header: string }>>,
): void {
  if (columns.weight && columns.code) return;
  const taken = new Set(Object.values(columns).map((c) => c.col));
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  for (let col = 1; col <= width; col++) {
    if (taken.has(col)) continue;
    const values = rows
      .map((r) => r.cells[col - 1] ?? null)
      .filter((v): v is CellValue => v !== null && cellText(v).trim() !== '');
    if (values.length < 2) continue;
    const numbers = values.filter((v) => {
      const n = typeof v === 'number' ? v : Number(cellText(v).trim());
      return Number.isFinite(n) && n > 0 && n <= 1;
    });
    const codes = values.filter((v) => CODE.test(cellText(v).trim()));
    const label = columnName(col);
    if (!columns.weight && numbers.length >= values.length * 0.6) {
      columns.weight = { col, header: label };
      taken.add(col);
    } else if (!columns.code && codes.length >= values.length * 0.6) {
      columns.code = { col, header: label };
      taken.add(col);
    }
  }
}

/** Excel's column letters (1 → A). */
function columnName(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/* ----------------------------------------------------------------------------------------- */
/* What a sheet name says                                                                    */
/* ----------------------------------------------------------------------------------------- */

const CATEGORY_NAMES: readonly [RegExp, RequirementCategory][] = [
  [/安全物理环境|物理环境|机房/, 'PES'],
  [/安全通信网络|通信网络/, 'CNS'],
  [/安全区域边界|区域边界|系统边界|网络边界/, 'ABS'],
  [/安全计算环境|计算环境/, 'CES'],
  [/安全管理中心|管理中心/, 'SMC'],
  [/安全管理制度|管理制度/, 'PSS'],
  [/安全管理机构|管理机构/, 'ORS'],
  [/安全管理人员|管理人员/, 'HRS'],
  [/安全建设管理|建设管理/, 'CMS'],
  [/安全运维管理|运维管理/, 'MMS'],
];

/** The 安全类 a sheet name or a 安全类 cell names (安全物理环境, 机房, 系统边界 …), if any. */
export function categoryNamed(name: string): RequirementCategory | null {
  const squashed = name.replace(/\s+/g, '');
  return CATEGORY_NAMES.find(([re]) => re.test(squashed))?.[1] ?? null;
}

const KIND_BY_NAME: readonly [RegExp, TestObjectKind][] = [
  [/数据$|业务数据|个人信息|鉴别数据|敏感数据|重要数据/, 'data'],
  [
    /堡垒机|运维审计|日志审计|日志服务器|态势感知|安全管理平台|运维终端|网管|SOC|数据库审计/i,
    'management_platform',
  ],
  [
    /安全设备|防火墙|WAF|IPS|IDS|入侵|网闸|VPN|抗DDoS|防病毒网关|防毒墙|负载均衡|上网行为|安全网关|UTM|FW|USG\d|NGFW|SecPath|FortiGate|Palo ?Alto|ASA\d|深信服|天融信|山石|网御|绿盟|启明星辰/i,
    'security_device',
  ],
  [
    /网络设备|交换机|路由器|switch|router|无线控制器|AC\d|核心交换|汇聚|接入层|H3C|华为S\d|S\d{4,5}\b|CE\d{4,5}|Catalyst|Nexus|锐捷|RG-|Cisco/i,
    'network_device',
  ],
  [
    /数据库|MySQL|Oracle|SQL ?Server|达梦|DM\d|PostgreSQL|人大金仓|Kingbase|Redis|MongoDB|GaussDB|高斯|OceanBase|神通|南大通用|GBase/i,
    'database',
  ],
  [
    /中间件|Tomcat|WebLogic|Nginx|Apache|TongWeb|东方通|JBoss|WebSphere|金蝶|Apusic|IIS|宝兰德|BES/i,
    'middleware',
  ],
  [/云平台|虚拟化|vSphere|VMware|云管|租户|OpenStack|容器平台|Kubernetes/i, 'cloud_platform'],
  [
    /服务器|主机|操作系统|Linux|Windows|CentOS|麒麟|Kylin|UOS|统信|虚拟机|Ubuntu|Red ?Hat|RHEL|欧拉|openEuler|Server/i,
    'server',
  ],
  [/终端|PC|办公电脑|工作站/i, 'terminal'],
  [/应用|系统|平台|APP|小程序|门户|网站/i, 'application'],
];

const KIND_BY_CATEGORY: Readonly<Partial<Record<RequirementCategory, TestObjectKind>>> = {
  PES: 'machine_room',
  CNS: 'network',
  ABS: 'area_boundary',
  SMC: 'management_centre',
  PSS: 'document',
  ORS: 'document',
  HRS: 'document',
  CMS: 'document',
  MMS: 'document',
};

/**
 * The kind of the test object a sheet stands for: from its name when the name says it (a
 * category's name → that whole-network or management object; 交换机 → network device; 数据库 →
 * database …), else from the categories of its rows (`guessed`).
 */
export function inferKind(
  sheetName: string,
  categories: readonly RequirementCategory[],
): { kind: TestObjectKind; guessed: boolean; dataClass: DataClass | null } {
  const name = sheetName.replace(/\s+/g, '');
  const named = categoryNamed(name);
  if (named && named !== 'CES') {
    return { kind: KIND_BY_CATEGORY[named] ?? 'document', guessed: false, dataClass: null };
  }
  const byName = KIND_BY_NAME.find(([re]) => re.test(name))?.[1];
  if (byName) {
    const dataClass: DataClass | null =
      byName !== 'data'
        ? null
        : /个人/.test(name)
          ? 'personal'
          : /鉴别/.test(name)
            ? 'authentication'
            : /业务/.test(name)
              ? 'business'
              : 'other';
    return { kind: byName, guessed: false, dataClass };
  }
  const counts = new Map<RequirementCategory, number>();
  for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const kind = (top && KIND_BY_CATEGORY[top]) ?? 'server';
  return { kind, guessed: true, dataClass: null };
}

/** Attributes of a new object: the IP line's, plus the data class of a data object. */
export function attributesFor(
  found: Partial<TestObjectAttributes>,
  dataClass: DataClass | null,
): TestObjectAttributes {
  return {
    ...EMPTY_ATTRIBUTES,
    ...found,
    ...(dataClass && !found.dataClass ? { dataClass } : {}),
  };
}
