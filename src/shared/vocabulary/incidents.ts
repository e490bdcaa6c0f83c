/**
 * Messages of the incident register (src/app/data-security/incidents, the incident routes and
 * `dengbao incident`), area `incidents`: the English text is what the API answers, the Chinese
 * what a Chinese client shows.
 */
import type { WordTable } from './types';

export const INCIDENTS = {
  incident_problems: {
    en: 'the incident has {count} problem(s); nothing was saved',
    zh: '安全事件有 {count} 处问题，未保存',
  },
  code_exists: { en: 'an incident with this code exists', zh: '该事件编号已存在' },
  code_exists_detail: {
    en: '"{code}" is already an incident of this organisation',
    zh: '“{code}”已是本单位安全事件的编号',
  },
  code_race: {
    en: 'an incident with this code was created at the same time',
    zh: '同一编号的安全事件刚被同时创建；请刷新后重试',
  },
  unknown_system: {
    en: 'is not a system of this organisation',
    zh: '不是本单位的系统',
  },
  unknown_resource: {
    en: 'no data resource of this organisation has code {code}',
    zh: '本单位数据资源目录中没有编号为 {code} 的数据资源',
  },
  unknown_criterion: {
    en: '{id} is not a criterion of the grading guide (GET /api/catalog/incident-grading lists them)',
    zh: '{id} 不是《网络安全事件分级指南》中的判定条件（见 GET /api/catalog/incident-grading）',
  },
  before_found: {
    en: 'must not be before foundAt ({foundAt})',
    zh: '不得早于发现时间（{foundAt}）',
  },
  too_many_incidents: {
    en: 'the organisation already has {count} incidents, the most one register holds',
    zh: '本单位已有 {count} 个安全事件，已达上限',
  },
  too_many_reports: {
    en: 'the incident already has {count} reports, the most it holds',
    zh: '该事件已有 {count} 次报告记录，已达上限',
  },
} as const satisfies WordTable;
