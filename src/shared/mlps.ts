/**
 * MLPS vocabulary shared by domain, store, server, CLI and web.
 * Values are stable ASCII codes; labels live in the i18n resources and in `LABELS_ZH` below
 * (used by the CLI and documents, which have no i18next).
 */

/** 安全保护等级 — GB/T 22240-2020 defines five levels. */
export const PROTECTION_LEVELS = [1, 2, 3, 4, 5] as const;
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];

/** 受侵害的客体 (GB/T 22240-2020). */
export const HARMED_OBJECTS = [
  'citizen_legal_person',
  'social_order_public_interest',
  'national_security',
] as const;
export type HarmedObject = (typeof HARMED_OBJECTS)[number];

/** 侵害程度 (GB/T 22240-2020). */
export const HARM_DEGREES = ['general', 'serious', 'especially_serious'] as const;
export type HarmDegree = (typeof HARM_DEGREES)[number];

/** The two grading dimensions: 业务信息安全 and 系统服务安全. */
export const GRADING_DIMENSIONS = ['business_information', 'system_service'] as const;
export type GradingDimension = (typeof GRADING_DIMENSIONS)[number];

/** 等级保护对象 types (GB/T 22240-2020 grading objects). */
export const SYSTEM_TYPES = [
  'ordinary_system',
  'cloud_platform',
  'cloud_tenant_system',
  'mobile_internet_system',
  'iot',
  'industrial_control',
  'big_data_platform',
  'communication_network_facility',
  'data_resource',
] as const;
export type SystemType = (typeof SYSTEM_TYPES)[number];

/** Chinese labels for non-web renderers (CLI tables, documents). The web UI uses its i18n files. */
export const LABELS_ZH = {
  level: {
    1: '第一级（自主保护级）',
    2: '第二级（指导保护级）',
    3: '第三级（监督保护级）',
    4: '第四级（强制保护级）',
    5: '第五级（专控保护级）',
  } satisfies Record<ProtectionLevel, string>,
  object: {
    citizen_legal_person: '公民、法人和其他组织的合法权益',
    social_order_public_interest: '社会秩序、公共利益',
    national_security: '国家安全',
  } satisfies Record<HarmedObject, string>,
  degree: {
    general: '一般损害',
    serious: '严重损害',
    especially_serious: '特别严重损害',
  } satisfies Record<HarmDegree, string>,
  dimension: {
    business_information: '业务信息安全',
    system_service: '系统服务安全',
  } satisfies Record<GradingDimension, string>,
  systemType: {
    ordinary_system: '信息系统',
    cloud_platform: '云计算平台',
    cloud_tenant_system: '云上租户系统',
    mobile_internet_system: '移动互联系统',
    iot: '物联网',
    industrial_control: '工业控制系统',
    big_data_platform: '大数据平台',
    communication_network_facility: '通信网络设施',
    data_resource: '数据资源',
  } satisfies Record<SystemType, string>,
};
