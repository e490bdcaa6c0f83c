/**
 * Level assessment (等级测评) vocabulary as values: results, test-object kinds and the categories
 * each kind is tested under, risk levels, with Chinese labels. Shared by the domain, the server,
 * the CLI and the web UI (which may import only src/shared).
 */
import type { RequirementCategory } from '../catalogs/mlps-catalog.schema';

/** 单项测评结果 per requirement × test object. */
export const ITEM_RESULTS = ['compliant', 'partial', 'non_compliant', 'not_applicable'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];

export const ITEM_RESULT_ZH: Readonly<Record<ItemResult, string>> = {
  compliant: '符合',
  partial: '部分符合',
  non_compliant: '不符合',
  not_applicable: '不适用',
};

/** Results that must give a reason (the assessor explains why, not only what was seen). */
export const RESULTS_NEEDING_REASON: readonly ItemResult[] = ['partial', 'not_applicable'];

/** Results that must say what was seen (结果记录): a finding is built from it. */
export const RESULTS_NEEDING_RECORD: readonly ItemResult[] = ['partial', 'non_compliant'];

/**
 * Kinds of 测评对象 (test objects) as assessors lay them out: whole-network objects (the
 * communication network, the area boundary, the security management centre), devices and
 * software with only 安全计算环境 rows, data objects, the machine room, and management documents
 * and interviewees. The older device kinds that carried network rows remain readable.
 */
export const TEST_OBJECT_KINDS = [
  'network',
  'area_boundary',
  'management_centre',
  'machine_room',
  'network_device',
  'security_device',
  'server',
  'database',
  'middleware',
  'application',
  'terminal',
  'management_platform',
  'cloud_platform',
  'data',
  'document',
  'personnel',
] as const;
export type TestObjectKind = (typeof TEST_OBJECT_KINDS)[number];

export const TEST_OBJECT_KIND_ZH: Readonly<Record<TestObjectKind, string>> = {
  network: '安全通信网络（整体网络）',
  area_boundary: '区域边界',
  management_centre: '安全管理中心',
  machine_room: '机房',
  network_device: '网络设备',
  security_device: '安全设备',
  server: '服务器/操作系统',
  database: '数据库管理系统',
  middleware: '中间件',
  application: '业务应用系统',
  terminal: '终端',
  management_platform: '安全管理平台/运维终端',
  cloud_platform: '云平台/虚拟化',
  data: '数据',
  document: '管理文档',
  personnel: '访谈人员',
};

/**
 * The data control points of 安全计算环境 (GB/T 22239-2019 8.1.4.7–8.1.4.11 at level 3): what a
 * data object (重要业务数据, 重要个人信息, 鉴别数据) is tested against.
 */
export const DATA_CONTROL_POINTS = [
  '8.1.4.7',
  '8.1.4.8',
  '8.1.4.9',
  '8.1.4.10',
  '8.1.4.11',
] as const;

/**
 * The default requirement set of each kind (GB/T 28448-2019 practice as assessors' workbooks lay it
 * out): physical items against the machine room, 安全通信网络 / 安全区域边界 / 安全管理中心 each
 * against its own whole-network object, 安全计算环境 against every device, system and application,
 * the data control points against data objects, management items against documents and
 * interviews. Extension items follow their category. `controlPoints` narrows the categories.
 * An object's own selection (down to the control point) replaces this default.
 */
export const DEFAULT_SCOPE_BY_OBJECT_KIND: Readonly<
  Record<
    TestObjectKind,
    { categories: readonly RequirementCategory[]; controlPoints?: readonly string[] }
  >
> = {
  network: { categories: ['CNS'] },
  area_boundary: { categories: ['ABS'] },
  management_centre: { categories: ['SMC'] },
  machine_room: { categories: ['PES'] },
  network_device: { categories: ['CES'] },
  security_device: { categories: ['CES'] },
  server: { categories: ['CES'] },
  database: { categories: ['CES'] },
  middleware: { categories: ['CES'] },
  application: { categories: ['CES'] },
  terminal: { categories: ['CES'] },
  management_platform: { categories: ['CES'] },
  cloud_platform: { categories: ['CES'] },
  data: { categories: ['CES'], controlPoints: DATA_CONTROL_POINTS },
  document: { categories: ['PSS', 'ORS', 'HRS', 'CMS', 'MMS'] },
  personnel: { categories: ['PSS', 'ORS', 'HRS', 'CMS', 'MMS'] },
};

/** @deprecated the categories of each kind's default scope; use {@link objectCovers}. */
export const CATEGORIES_BY_OBJECT_KIND: Readonly<
  Record<TestObjectKind, readonly RequirementCategory[]>
> = Object.fromEntries(
  TEST_OBJECT_KINDS.map((k) => [k, DEFAULT_SCOPE_BY_OBJECT_KIND[k].categories]),
) as Record<TestObjectKind, readonly RequirementCategory[]>;

/** What an object's requirement set is decided by: its kind, or its own control points. */
export interface ObjectScope {
  readonly kind: TestObjectKind;
  /** The object's own selection of control point ids; null = the kind's default. */
  readonly controlPoints: readonly string[] | null;
}

/** Whether `object` answers a requirement of `category` in control point `controlPointId`. */
export function objectCovers(
  object: ObjectScope,
  requirement: { readonly category: RequirementCategory; readonly controlPointId: string },
): boolean {
  if (object.controlPoints !== null)
    return object.controlPoints.includes(requirement.controlPointId);
  const scope = DEFAULT_SCOPE_BY_OBJECT_KIND[object.kind];
  if (scope === undefined || !scope.categories.includes(requirement.category)) return false;
  return (
    scope.controlPoints === undefined || scope.controlPoints.includes(requirement.controlPointId)
  );
}

/** How important an object is to the system (the report's asset appendix lists it). */
export const OBJECT_IMPORTANCE = ['key', 'important', 'general'] as const;
export type ObjectImportance = (typeof OBJECT_IMPORTANCE)[number];
export const OBJECT_IMPORTANCE_ZH: Readonly<Record<ObjectImportance, string>> = {
  key: '关键',
  important: '重要',
  general: '一般',
};

/** What a data object holds. */
export const DATA_CLASSES = ['business', 'personal', 'authentication', 'other'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];
export const DATA_CLASS_ZH: Readonly<Record<DataClass, string>> = {
  business: '重要业务数据',
  personal: '重要个人信息',
  authentication: '鉴别数据',
  other: '其他数据',
};

/** Attributes of a test object as the asset appendix and a workbook's `IP：… 版本：…` line give them. */
export interface TestObjectAttributes {
  readonly ipAddresses: readonly string[];
  /** Operating system, DBMS or software product, e.g. "CentOS", "Oracle Database". */
  readonly os: string | null;
  readonly version: string | null;
  readonly model: string | null;
  readonly vendor: string | null;
  readonly location: string | null;
  /** What it does in the system, e.g. "核心交换机", "HIS 数据库". */
  readonly role: string | null;
  readonly importance: ObjectImportance | null;
  /** Data objects only. */
  readonly dataClass: DataClass | null;
}

export const EMPTY_ATTRIBUTES: TestObjectAttributes = {
  ipAddresses: [],
  os: null,
  version: null,
  model: null,
  vendor: null,
  location: null,
  role: null,
  importance: null,
  dataClass: null,
};

/** 风险等级 of a security problem after risk analysis. */
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LEVEL_ZH: Readonly<Record<RiskLevel, string>> = {
  high: '高风险',
  medium: '中风险',
  low: '低风险',
};
