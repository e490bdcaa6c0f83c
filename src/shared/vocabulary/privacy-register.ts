/**
 * Messages of the processing register's checks and commands (src/app/privacy, the privacy
 * routes and `dengbao pi`), area `privacy_register`: the English text is what the API answers,
 * the Chinese what a Chinese client shows.
 */
import type { WordTable } from './types';

export const PRIVACY_REGISTER = {
  activity_problems: {
    en: 'the activity has {count} problem(s); nothing was saved',
    zh: '处理活动有 {count} 处问题，未保存',
  },
  profile_problems: {
    en: 'the register profile has {count} problem(s); nothing was saved',
    zh: '登记概况有 {count} 处问题，未保存',
  },
  batch_problems: {
    en: 'the transfer batch has {count} problem(s); nothing was saved',
    zh: '出境批次有 {count} 处问题，未保存',
  },
  notice_in_use: {
    en: 'a privacy notice version in use cannot be removed',
    zh: '仍被处理活动使用的隐私政策版本不能删除',
  },
  notice_in_use_detail: {
    en: 'version(s) {versions} are in force for activities {codes}; change those activities first',
    zh: '版本 {versions} 仍适用于处理活动 {codes}；请先修改这些活动',
  },
  unknown_ftz_list: {
    en: '"{zone}" is not a known free-trade-zone negative list id (自由贸易试验区负面清单); known: {ids}',
    zh: '“{zone}”不是已知的自由贸易试验区数据出境负面清单；可选：{ids}',
  },
  code_exists: {
    en: 'an activity with this code exists',
    zh: '该活动编号已存在',
  },
  code_exists_detail: {
    en: '"{code}" is already an activity of this register',
    zh: '“{code}”已是本单位处理活动记录中的活动编号',
  },
  code_race: {
    en: 'an activity with this code was created at the same time',
    zh: '同一活动编号的处理活动刚被同时创建；请刷新后重试',
  },
  retained_activity: {
    en: 'activity {code} must be kept until {date} (inclusive): an approved personal-information protection impact assessment covers it, and its report and processing records are kept at least three years (PIPL Art. 56)',
    zh: '处理活动 {code} 须保存至 {date}（含当日）：已批准的个人信息保护影响评估涵盖该活动，评估报告和处理情况记录应当至少保存三年（《个人信息保护法》第五十六条）',
  },
  retained_batch: {
    en: 'the batches of activity {code} are processing records kept until {date} (PIPL Art. 56)',
    zh: '处理活动 {code} 的出境批次是处理情况记录，须保存至 {date}（《个人信息保护法》第五十六条）',
  },
  before_pipl: {
    en: 'the date is before PIPL entered into force',
    zh: '日期早于《个人信息保护法》施行日期',
  },
  before_pipl_detail: {
    en: '{date} is before {inForce}, when PIPL entered into force',
    zh: '{date} 早于《个人信息保护法》施行日期 {inForce}，没有可适用的规则',
  },
  stored_notice_dropped: {
    en: 'stored activity {code} names privacy notice version "{version}", which the file\'s profile leaves out',
    zh: '已登记的处理活动 {code} 适用隐私政策版本“{version}”，但文件中的登记概况没有该版本',
  },
  listed_twice: {
    en: 'listed twice: "{key}" is also at {other}',
    zh: '重复：“{key}”也出现在 {other}',
  },
  category_unknown: {
    en: '"{code}" is not a data category of the classifier; use one of {hint}',
    zh: '“{code}”不是个人信息分类目录中的类别；可用的类别如：{hint}',
  },
  sensitive_over_total: {
    en: '{sensitive} individuals with sensitive information is more than the {total} individuals of the activity',
    zh: '敏感个人信息人数 {sensitive} 超过了该活动涉及的个人总数 {total}',
  },
  minors_over_total: {
    en: '{minors} minors under 14 is more than the {total} individuals of the activity',
    zh: '不满十四周岁未成年人人数 {minors} 超过了该活动涉及的个人总数 {total}',
  },
  minors_subject_missing: {
    en: 'the activity counts minors under 14: add minors_under_14 to its data subjects',
    zh: '该活动登记了不满十四周岁未成年人人数，请在个人信息主体中加入“不满十四周岁未成年人”',
  },
  system_not_of_organisation: {
    en: 'system {id} is not a system of this organisation',
    zh: '定级对象 {id} 不属于本单位',
  },
  system_name_unknown: {
    en: 'no system named "{name}" in this organisation',
    zh: '本单位没有名为“{name}”的定级对象',
  },
  recipient_category_outside: {
    en: '"{code}" is not one of the activity\'s data categories',
    zh: '“{code}”不是本活动的个人信息类别；接收方的类别须为本活动的类别',
  },
  recipient_unknown: {
    en: 'no recipient "{key}" in this activity (have: {have})',
    zh: '本活动没有接收方“{key}”（已有：{have}）',
  },
  recipient_in_mainland: {
    en: 'recipient "{key}" is in the mainland (CN): a transfer abroad needs a recipient abroad',
    zh: '接收方“{key}”在境内（CN）；出境传输的接收方须在境外',
  },
  transfer_has_batches: {
    en: 'transfer "{key}" has {count} batch(es) on record; delete them before removing the transfer',
    zh: '出境传输“{key}”已有 {count} 条批次记录；请先删除这些批次再删除该传输',
  },
  notice_unknown: {
    en: 'privacy notice version "{version}" is not in the register profile (have: {have})',
    zh: '登记概况中没有隐私政策版本“{version}”（已有：{have}）',
  },
  face_threshold_date: {
    en: 'the date 100,000 was reached is given, but {count} individuals are stored',
    zh: '填写了达到10万人的日期，但存储的人脸信息只有 {count} 人',
  },
  face_deregistered_without_stop: {
    en: 'a deregistration needs the day face recognition stopped',
    zh: '注销备案须填写停止使用人脸识别的日期',
  },
  transfer_unknown: {
    en: 'activity {code} has no transfer "{key}" (have: {have})',
    zh: '处理活动 {code} 没有出境传输“{key}”（已有：{have}）',
  },
  batch_empty: {
    en: 'a batch sends information of at least one individual',
    zh: '出境批次至少涉及一个人的个人信息',
  },
  activity_unknown: {
    en: 'no activity "{code}" in the file or the register',
    zh: '文件和处理活动记录中都没有活动“{code}”',
  },
  body_not_register: {
    en: 'the body is not a valid dengbao.privacy.v1 register file; nothing was imported',
    zh: '请求内容不是有效的 dengbao.privacy.v1 处理活动记录文件，未导入任何内容',
  },
  workbook_as_body: {
    en: 'send the .xlsx workbook as the raw body',
    zh: '请以原始请求体发送 .xlsx 工作簿',
  },
  workbook_content_type: {
    en: 'content-type must be {types}',
    zh: 'content-type 应为 {types}',
  },
  cannot_read: { en: 'cannot read {path}', zh: '无法读取 {path}' },
  file_too_large: {
    en: '{path} has {bytes} bytes; a register file has at most {max}',
    zh: '{path} 有 {bytes} 字节；处理活动记录文件最多 {max} 字节',
  },
  as_of_required: {
    en: '--as-of <date> is required (YYYY-MM-DD)',
    zh: '必须给出 --as-of <日期>（YYYY-MM-DD）',
  },
  export_format: {
    en: '--format must be yaml, json or xlsx, got "{given}"',
    zh: '--format 应为 yaml、json 或 xlsx，而不是“{given}”',
  },
  out_required: {
    en: '--out <file> is required for xlsx',
    zh: '导出 xlsx 时必须给出 --out <文件>',
  },
} as const satisfies WordTable;
