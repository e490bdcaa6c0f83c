/**
 * Messages of the app personal-information collection checks (src/app/data-security/app-checks,
 * the app-checks routes and `dengbao app-check`), area `app_check`: the English text is what the
 * API answers, the Chinese what a Chinese client shows.
 */
import type { WordTable } from './types';

export const APP_CHECK = {
  problems: {
    en: 'the app check has {count} problem(s); nothing was saved',
    zh: 'App 检查有 {count} 处问题，未保存',
  },
  code_exists: {
    en: 'an app check with this code exists',
    zh: '该 App 检查编号已存在',
  },
  code_exists_detail: {
    en: '"{code}" is already an app check of this organisation',
    zh: '“{code}”已是本单位的 App 检查编号',
  },
  unknown_app_type: {
    en: '"{given}" is not an app type of the 2021 necessary-information rules; known: {ids}',
    zh: '“{given}”不是《常见类型移动互联网应用程序必要个人信息范围规定》中的 App 类型；可选：{ids}',
  },
  unknown_category: {
    en: '"{given}" is not a data category of the personal-information categories',
    zh: '“{given}”不是个人信息类别目录中的类别',
  },
  too_many: {
    en: 'an organisation has at most {max} app checks',
    zh: '每个单位最多 {max} 项 App 检查',
  },
  race: {
    en: 'an app check with this code was created at the same time; reload and try again',
    zh: '同一编号的 App 检查刚被他人创建，请刷新后重试',
  },
  cli_usage: {
    en: 'give one app description: dengbao app-check <file.yaml|file.json> [--json]',
    zh: '请给出一个 App 描述文件：dengbao app-check <文件.yaml|文件.json> [--json]',
  },
  cli_invalid: {
    en: '{path} is not a valid app description ({count} problem(s))',
    zh: '{path} 不是有效的 App 描述（{count} 处问题）',
  },
  cli_too_large: {
    en: '{path} has {bytes} bytes; an app description has at most {max}',
    zh: '{path} 有 {bytes} 字节；App 描述文件最多 {max} 字节',
  },
} as const satisfies WordTable;
