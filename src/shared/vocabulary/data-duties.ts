/**
 * Messages of the data-security profile, the provisions of important data, the duties and the
 * PI compliance audits (src/app/data-security/{profile,provisions,duties,pi-audits}, their
 * routes and `dengbao data duties`), area `data_duties`.
 */
import type { WordTable } from './types';

export const DATA_DUTIES = {
  profile_problems: {
    en: 'the data-security profile has {count} problem(s); nothing was saved',
    zh: '数据安全概况有 {count} 处问题，未保存',
  },
  profile_race: {
    en: 'the data-security profile was created at the same time; reload it and try again',
    zh: '数据安全概况刚被同时创建；请刷新后重试',
  },
  officer_date_without_officer: {
    en: 'give the data security officer the date belongs to',
    zh: '填写了任命日期，但未填写数据安全负责人',
  },
  body_date_without_body: {
    en: 'give the management body the date belongs to',
    zh: '填写了成立日期，但未填写数据安全管理机构',
  },
  provision_problems: {
    en: 'the provision has {count} problem(s); nothing was saved',
    zh: '重要数据提供记录有 {count} 处问题，未保存',
  },
  listed_twice: {
    en: '"{code}" is listed twice',
    zh: '“{code}”重复列出',
  },
  unknown_resource: {
    en: '"{code}" is not a data resource of the inventory',
    zh: '“{code}”不是数据资源目录中的数据资源',
  },
  not_important: {
    en: '"{code}" is graded {grade}; a provision of important data names important or core resources',
    zh: '“{code}”的级别为 {grade}；重要数据提供记录只能列出重要数据或核心数据资源',
  },
  provision_code_exists: {
    en: 'a provision with this code exists',
    zh: '该提供记录编号已存在',
  },
  provision_code_exists_detail: {
    en: '"{code}" is already a provision of this organisation',
    zh: '“{code}”已是本单位的重要数据提供记录编号',
  },
  provision_code_race: {
    en: 'a provision with this code was created at the same time',
    zh: '同一编号的提供记录刚被同时创建；请刷新后重试',
  },
  audit_problems: {
    en: 'the compliance audit has {count} problem(s); nothing was saved',
    zh: '合规审计有 {count} 处问题，未保存',
  },
  period_order: {
    en: 'must not be before periodFrom',
    zh: '不得早于审计期间起始日',
  },
  completed_without_date: {
    en: 'give the date a completed audit was completed',
    zh: '已完成的审计须填写完成日期',
  },
  date_without_completion: {
    en: 'only a completed audit has a completion date; set status to completed',
    zh: '只有已完成的审计才有完成日期；请将状态设为已完成',
  },
  deadline_not_ordered: {
    en: 'only an audit the authority ordered (kind regulator_ordered) has an ordered deadline',
    zh: '只有监管部门要求开展的审计（类型 regulator_ordered）才有规定期限',
  },
  closed_on_not_closed: {
    en: 'only a closed finding has a closing date',
    zh: '只有已关闭的问题才有关闭日期',
  },
  before_dsl: {
    en: 'the date is before the Data Security Law entered into force',
    zh: '日期早于《数据安全法》施行日期',
  },
  before_dsl_detail: {
    en: '{date} is before {inForce}, when the Data Security Law entered into force',
    zh: '{date} 早于《数据安全法》施行日期 {inForce}，没有可适用的规则',
  },
  file_too_large: {
    en: '{path} has {bytes} bytes; an inventory file has at most {max}',
    zh: '{path} 有 {bytes} 字节；数据资源目录文件最多 {max} 字节',
  },
} as const satisfies WordTable;
