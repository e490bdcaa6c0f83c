/**
 * Messages of the incident register (src/app/data-security/incidents, the incident routes and
 * `dengbao incident`), area `incidents`: the English text is what the API answers, the Chinese
 * what a Chinese client shows.
 */
import type { WordTable } from './types';

export const INCIDENTS = {
  instant_with_offset: {
    en: 'must be a date and time with its offset, e.g. 2026-03-02T09:15:00+08:00',
    zh: '须为带时区偏移的日期时间，例如 2026-03-02T09:15:00+08:00',
  },
  occurred_after_found: { en: 'must not be after foundAt', zh: '不得晚于发现时间' },
  closed_without_handled: {
    en: 'give when the response ended before closing the incident',
    zh: '关闭事件前请填写处置结束时间',
  },
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
  cli_instant: {
    en: '{name} must be a date and time with its offset, e.g. 2026-03-02T09:15:00+08:00; got "{value}"',
    zh: '{name} 须为带时区的日期时间，例如 2026-03-02T09:15:00+08:00；收到“{value}”',
  },
  cli_measures_size: {
    en: '{where} is larger than 64 KiB; measures are a few numbers',
    zh: '{where} 超过 64 KiB；影响测度只是几个数字',
  },
  cli_measures_syntax: { en: '{where} is not JSON or YAML', zh: '{where} 不是 JSON 或 YAML' },
  cli_grade: {
    en: '--grade must be one of {grades}; got "{grade}"',
    zh: '--grade 须为 {grades} 之一；收到“{grade}”',
  },
  cli_operator: {
    en: '--operator must be one of {kinds}; got "{operator}"',
    zh: '--operator 须为 {kinds} 之一；收到“{operator}”',
  },
  cli_pi_leaked: {
    en: '--pi-leaked must be a whole number of individuals; got "{value}"',
    zh: '--pi-leaked 须为人数（整数）；收到“{value}”',
  },
  cli_measures_source: {
    en: 'give the measures with either --measures <json> or --file <path>',
    zh: '请用 --measures <json> 或 --file <路径> 之一给出影响测度',
  },
  cli_unknown_criteria: {
    en: 'unknown criteria: {ids} (dengbao catalog or GET /api/catalog/incident-grading)',
    zh: '未知的判定条件：{ids}（见 GET /api/catalog/incident-grading）',
  },
} as const satisfies WordTable;
