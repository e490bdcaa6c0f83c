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

/** Kinds of 测评对象 (test objects), as assessors list them in the report's asset appendix. */
export const TEST_OBJECT_KINDS = [
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
  'document',
  'personnel',
] as const;
export type TestObjectKind = (typeof TEST_OBJECT_KINDS)[number];

export const TEST_OBJECT_KIND_ZH: Readonly<Record<TestObjectKind, string>> = {
  machine_room: '机房',
  network_device: '网络设备',
  security_device: '安全设备',
  server: '服务器/操作系统',
  database: '数据库管理系统',
  middleware: '中间件',
  application: '业务应用系统',
  terminal: '终端',
  management_platform: '安全管理平台',
  cloud_platform: '云平台/虚拟化',
  document: '管理文档',
  personnel: '访谈人员',
};

/**
 * The categories each kind of object is tested under (GB/T 28448-2019 practice: physical items
 * against the machine room, network items against network and security devices, computing
 * environment items against every device, system and application, the management centre
 * against the management platform and security devices, management items against documents and
 * interviews). An assessor can still mark a row 不适用 with a reason.
 */
export const CATEGORIES_BY_OBJECT_KIND: Readonly<
  Record<TestObjectKind, readonly RequirementCategory[]>
> = {
  machine_room: ['PES'],
  network_device: ['CNS', 'ABS', 'CES'],
  security_device: ['CNS', 'ABS', 'CES', 'SMC'],
  server: ['CES'],
  database: ['CES'],
  middleware: ['CES'],
  application: ['CES'],
  terminal: ['CES'],
  management_platform: ['SMC', 'CES'],
  cloud_platform: ['CNS', 'ABS', 'CES', 'SMC'],
  document: ['PSS', 'ORS', 'HRS', 'CMS', 'MMS'],
  personnel: ['PSS', 'ORS', 'HRS', 'CMS', 'MMS'],
};

/** 风险等级 of a security problem after risk analysis. */
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LEVEL_ZH: Readonly<Record<RiskLevel, string>> = {
  high: '高风险',
  medium: '中风险',
  low: '低风险',
};
