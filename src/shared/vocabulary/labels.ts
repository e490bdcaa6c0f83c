/**
 * Labels of the codes the server, CLI, reports and web all show: requirement categories and
 * extensions of GB/T 22239-2019, roles, statuses, risk levels and the names of things an error
 * can be about. One table per area; `say('category.PES', {}, 'zh')` reads them.
 */
import type { WordTable } from './types';

/** GB/T 22239-2019 安全类 (requirement categories), by the catalog's codes. */
export const CATEGORY = {
  PES: { zh: '安全物理环境', en: 'Physical environment' },
  CNS: { zh: '安全通信网络', en: 'Communication network' },
  ABS: { zh: '安全区域边界', en: 'Area boundary' },
  CES: { zh: '安全计算环境', en: 'Computing environment' },
  SMC: { zh: '安全管理中心', en: 'Security management centre' },
  PSS: { zh: '安全管理制度', en: 'Management policies' },
  ORS: { zh: '安全管理机构', en: 'Management organisation' },
  HRS: { zh: '安全管理人员', en: 'Management personnel' },
  CMS: { zh: '安全建设管理', en: 'Construction management' },
  MMS: { zh: '安全运维管理', en: 'Operation and maintenance' },
  comprehensive: { zh: '综合', en: 'Comprehensive' },
} as const satisfies WordTable;

/** GB/T 22239-2019 general requirements and extensions. */
export const EXTENSION = {
  general: { zh: '安全通用要求', en: 'General requirements' },
  cloud: { zh: '云计算安全扩展要求', en: 'Cloud computing extension' },
  mobile: { zh: '移动互联安全扩展要求', en: 'Mobile internet extension' },
  iot: { zh: '物联网安全扩展要求', en: 'IoT extension' },
  ics: { zh: '工业控制系统安全扩展要求', en: 'Industrial control extension' },
  big_data: { zh: '大数据安全扩展要求', en: 'Big data extension' },
} as const satisfies WordTable;

/** Roles of an organisation membership (src/shared/roles.ts). */
export const ROLE = {
  owner: { zh: '组织负责人', en: 'Owner' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
  assessor: { zh: '测评人员', en: 'Assessor' },
  member: { zh: '成员（可编辑）', en: 'Member (can edit)' },
  viewer: { zh: '只读成员', en: 'Viewer (read-only)' },
} as const satisfies WordTable;

/** 整改状态 of a level-assessment rectification item. */
export const RECTIFICATION_STATUS = {
  open: { zh: '待整改', en: 'open' },
  in_progress: { zh: '整改中', en: 'in progress' },
  fixed: { zh: '已整改待复测', en: 'fixed, awaiting re-test' },
  verified: { zh: '复测通过', en: 're-test passed' },
  risk_accepted: { zh: '风险接受', en: 'risk accepted' },
} as const satisfies WordTable;

/** 整改状态 of a CII capability-evaluation rectification. */
export const CII_RECTIFICATION_STATUS = {
  open: { zh: '待整改', en: 'open' },
  in_progress: { zh: '整改中', en: 'in progress' },
  done: { zh: '已整改', en: 'done' },
  accepted: { zh: '风险接受', en: 'risk accepted' },
} as const satisfies WordTable;

/** 风险等级. */
export const RISK = {
  high: { zh: '高风险', en: 'high risk' },
  medium: { zh: '中风险', en: 'medium risk' },
  low: { zh: '低风险', en: 'low risk' },
} as const satisfies WordTable;

/** Assessment status. */
export const ASSESSMENT_STATUS = {
  in_progress: { zh: '进行中', en: 'in progress' },
  completed: { zh: '已完成', en: 'completed' },
} as const satisfies WordTable;

/** Names of the things an error can be about (`NotFoundError('test object', id)`), by snake_case key. */
export const THING = {
  active_token: { zh: '有效的 API 令牌', en: 'active token' },
  api_token: { zh: 'API 令牌', en: 'API token' },
  assessment: { zh: '测评', en: 'assessment' },
  capability_evaluation: { zh: '能力评价', en: 'capability evaluation' },
  core_business: { zh: '核心业务', en: 'core business' },
  evidence: { zh: '证据', en: 'evidence' },
  finding: { zh: '问题', en: 'finding' },
  major_risk: { zh: '重大风险隐患', en: 'major risk' },
  member: { zh: '成员', en: 'member' },
  obligation_status: { zh: '义务状态', en: 'obligation status' },
  obligation: { zh: '义务', en: 'obligation' },
  organisation: { zh: '组织', en: 'organisation' },
  rectification_item: { zh: '整改项', en: 'rectification item' },
  requirement: { zh: '测评项', en: 'requirement' },
  result: { zh: '测评结果', en: 'result' },
  system: { zh: '定级对象', en: 'system' },
  test_object: { zh: '测评对象', en: 'test object' },
  user: { zh: '账户', en: 'user' },
  asset: { zh: '资产', en: 'asset' },
  dependency: { zh: '依赖', en: 'dependency' },
  flow: { zh: '信息流', en: 'flow' },
  rectification: { zh: '整改', en: 'rectification' },
  determination: { zh: '边界认定', en: 'determination' },
  row: { zh: '记录', en: 'row' },
  step: { zh: '环节', en: 'step' },
  category: { zh: '信息类别', en: 'category' },
} as const satisfies WordTable;

/** 单项测评结果 (src/shared/assessment-vocabulary.ts). */
export const ITEM_RESULT = {
  compliant: { zh: '符合', en: 'compliant' },
  partial: { zh: '部分符合', en: 'partially compliant' },
  non_compliant: { zh: '不符合', en: 'non-compliant' },
  not_applicable: { zh: '不适用', en: 'not applicable' },
} as const satisfies WordTable;

/** Kinds of 测评对象 (src/shared/assessment-vocabulary.ts). */
export const OBJECT_KIND = {
  network: { zh: '安全通信网络（整体网络）', en: 'communication network (whole network)' },
  area_boundary: { zh: '区域边界', en: 'area boundary' },
  management_centre: { zh: '安全管理中心', en: 'security management centre' },
  machine_room: { zh: '机房', en: 'machine room' },
  network_device: { zh: '网络设备', en: 'network device' },
  security_device: { zh: '安全设备', en: 'security device' },
  server: { zh: '服务器/操作系统', en: 'server / operating system' },
  database: { zh: '数据库管理系统', en: 'database' },
  middleware: { zh: '中间件', en: 'middleware' },
  application: { zh: '业务应用系统', en: 'application' },
  terminal: { zh: '终端', en: 'terminal' },
  management_platform: { zh: '安全管理平台/运维终端', en: 'management platform / console' },
  cloud_platform: { zh: '云平台/虚拟化', en: 'cloud platform / virtualisation' },
  data: { zh: '数据', en: 'data' },
  document: { zh: '管理文档', en: 'document' },
  personnel: { zh: '访谈人员', en: 'personnel' },
} as const satisfies WordTable;

/** 受侵害的客体 (GB/T 22240-2020). */
export const HARMED_OBJECT = {
  citizen_legal_person: {
    zh: '公民、法人和其他组织的合法权益',
    en: 'Rights of citizens, legal persons and other organisations',
  },
  social_order_public_interest: {
    zh: '社会秩序、公共利益',
    en: 'Social order and public interest',
  },
  national_security: { zh: '国家安全', en: 'National security' },
} as const satisfies WordTable;
