/**
 * Messages of the data inventory's checks and commands (src/app/data-security/inventory, the
 * data-security routes and `dengbao data`), area `data_inventory`: the English text is what the
 * API answers, the Chinese what a Chinese client shows.
 */
import type { WordTable } from './types';

export const DATA_INVENTORY = {
  resource_problems: {
    en: 'the data resource has {count} problem(s); nothing was saved',
    zh: '数据资源有 {count} 处问题，未保存',
  },
  code_exists: {
    en: 'a data resource with this code exists',
    zh: '该资源编号已存在',
  },
  code_exists_detail: {
    en: '"{code}" is already a data resource of this inventory',
    zh: '“{code}”已是本单位数据资源目录中的资源编号',
  },
  code_race: {
    en: 'a data resource with this code was created at the same time',
    zh: '同一资源编号的数据资源刚被同时创建；请刷新后重试',
  },
  code_race_reload: {
    en: 'a data resource with this code was created at the same time; reload and try again',
    zh: '同一资源编号的数据资源刚被同时创建；请刷新后重试',
  },
  inventory_full: {
    en: 'the inventory is full',
    zh: '数据资源目录已满',
  },
  inventory_full_detail: {
    en: 'an inventory holds at most {max} data resources',
    zh: '一个单位的数据资源目录最多 {max} 项',
  },
  inventory_too_large: {
    en: 'the inventory would hold {count} resources; at most {max} are allowed',
    zh: '导入后数据资源将达 {count} 项，最多允许 {max} 项',
  },
  pi_categories_missing: {
    en: 'name the personal-information categories of a resource that holds personal information',
    zh: '数据资源含有个人信息时，请填写个人信息类别',
  },
  catalogue_entry_unknown: {
    en: '"{entry}" is not an entry of the classification catalog (catalog {version}); write <catalogueId>/<entryId> as GET /api/catalog/data-classification lists them',
    zh: '“{entry}”不是分类分级目录（{version} 版）中的条目；请按 <目录标识>/<条目标识> 填写',
  },
  sector_unknown: {
    en: '"{sector}" is not a sector of the classification catalog; use one of {sectors}',
    zh: '“{sector}”不是分类分级目录中的行业领域；可选：{sectors}',
  },
  activity_unknown: {
    en: '"{code}" is not an activity of this organisation\'s personal-information register',
    zh: '“{code}”不是本单位个人信息处理活动记录中的活动编号',
  },
  destinations_missing: {
    en: 'name the destinations of a resource that leaves China',
    zh: '数据资源出境时，请填写出境目的地',
  },
  destinations_without_cross_border: {
    en: 'destinations are given only for a resource that leaves China (crossBorder: true)',
    zh: '只有出境的数据资源才填写出境目的地（是否出境：是）',
  },
  declared_grade_missing: {
    en: 'give the grade that was declared or notified on declaredOn',
    zh: '请填写申报或告知日期对应的级别',
  },
  system_unknown_name: {
    en: '"{name}" is not a system (grading object) of this organisation',
    zh: '“{name}”不是本单位的定级对象',
  },
  system_unknown_id: {
    en: '{id} is not a system of this organisation',
    zh: '{id} 不是本单位的定级对象',
  },
  workbook_too_large: {
    en: 'the workbook is too large',
    zh: '工作簿过大',
  },
  workbook_too_large_detail: {
    en: 'at most {max} MB',
    zh: '最大 {max} MB',
  },
  body_invalid: {
    en: 'the body is not a valid dengbao.data-inventory.v1 file; nothing was imported',
    zh: '请求内容不是有效的 dengbao.data-inventory.v1 文件，未导入',
  },
  file_problems: {
    en: '{count} problem(s) in {file}; nothing was imported',
    zh: '{file} 中有 {count} 处问题，未导入',
  },
  resource_code_twice: {
    en: 'resource code “{code}” is also in row {row} (资源编号重复); list it once',
    zh: '资源编号“{code}”也出现在第 {row} 行；请只保留一行',
  },
  resource_missing_on_sheet: {
    en: 'no resource “{code}” on sheet {sheet} (数据资源不存在); add it there or correct the code',
    zh: '工作表“{sheet}”中没有资源编号“{code}”；请先添加或更正编号',
  },
} as const satisfies WordTable;
