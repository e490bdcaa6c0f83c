/**
 * Messages of the annual data-security risk assessments (src/app/data-security/risk, the
 * data-risk routes and `dengbao data-risk`), area `data_risk`: the English text is what the API
 * answers, the Chinese what a Chinese client shows.
 */
import type { WordTable } from './types';

export const DATA_RISK = {
  completed_read_only: {
    en: 'the risk assessment is completed and read-only; reopen it (action reopen, with a reason) to change it',
    zh: '风险评估已完成，不能修改；如需修改，请先说明理由重新打开（reopen）',
  },
  reported_read_only: {
    en: 'the risk assessment was reported to the authority and is read-only; reopen it (action reopen, with a reason) to change it',
    zh: '风险评估已报送主管部门，不能修改；如需修改，请先说明理由重新打开（reopen）',
  },
  year_taken: {
    en: 'the organisation has a risk assessment of {year} already ({title}, {status}); there is one per year: change that one, reopening it if it is completed',
    zh: '本单位已有 {year} 年度的风险评估（{title}，{status}）；每年度一份，请修改该评估，已完成的先重新打开',
  },
  assessment_problems: {
    en: 'the risk assessment has problems; nothing was saved',
    zh: '风险评估有问题，未保存',
  },
  complete_needs_approve: {
    en: 'completing a risk assessment needs datasec.approve',
    zh: '完成风险评估需要数据安全审定权限（datasec.approve）',
  },
  complete_signed_in: {
    en: 'a risk assessment is completed by a signed-in person (not an API token or the CLI)',
    zh: '风险评估须由已登录的人员完成（不能使用 API 令牌或命令行）',
  },
  complete_not_creator: {
    en: 'separation of duties: the creator of a risk assessment may not complete it; another approver must',
    zh: '职责分离：风险评估的编制人不能自行完成审定，须由另一位审定人完成',
  },
  only_draft_completed: {
    en: 'the risk assessment is {status}; only a draft can be completed',
    zh: '风险评估状态为 {status}，只有草稿可以完成',
  },
  not_after_today: {
    en: 'must not be after today ({today}, Beijing)',
    zh: '不能晚于今天（北京时间 {today}）',
  },
  not_before_period: {
    en: 'must not be before the assessed period starts ({date})',
    zh: '不能早于评估期间的开始日期（{date}）',
  },
  cannot_complete: {
    en: 'the risk assessment cannot be completed',
    zh: '风险评估不能完成',
  },
  lacks_parts: {
    en: 'the risk assessment lacks {count} required part(s) of the report',
    zh: '风险评估报告缺少 {count} 项必备内容',
  },
  part_officer: {
    en: "item (1) needs the data-security officer's name and contact: record them in the data-security profile",
    zh: '第（一）项需要网络数据安全负责人姓名和联系方式：请在数据安全概况中填写',
  },
  part_body: {
    en: 'item (1) needs the data-security management body: record it in the data-security profile',
    zh: '第（一）项需要网络数据安全管理机构信息：请在数据安全概况中填写',
  },
  part_inventory: {
    en: 'item (2) needs the data processed: the data inventory has no resource yet (its snapshot is the report table)',
    zh: '第（二）项需要重要数据处理情况：数据资源目录中尚无数据资源（报告表格取自其快照）',
  },
  part_management: {
    en: 'item (3) needs the data-security management rules and how they are implemented',
    zh: '第（三）项需要网络数据安全管理制度及实施情况',
  },
  part_technical: {
    en: 'item (3) needs the technical measures (encryption, backup, labelling, access control, authentication …) and their effectiveness',
    zh: '第（三）项需要加密、备份、标签标识、访问控制、安全认证等技术措施及其有效性',
  },
  part_risks: {
    en: 'item (4) needs the data-security risks found: record at least one risk (a risk kept as it is has status accepted)',
    zh: '第（四）项需要发现的网络数据安全风险：请至少登记一项风险（接受的风险状态为“已接受”）',
  },
  part_measures: {
    en: 'risk {code} has no countermeasures; the report states how each risk is addressed',
    zh: '风险 {code} 未填写应对措施；报告应当说明各项风险的应对措施',
  },
  part_provisions: {
    en: 'item (5) needs the risk assessments of providing, entrusting or jointly processing important data: describe them, or state that there were none',
    zh: '第（五）项需要提供、委托处理、共同处理重要数据的风险评估情况：请填写，未发生的请注明“无”',
  },
  part_conclusion: {
    en: 'the report needs a conclusion',
    zh: '报告需要评估结论',
  },
  report_needs_write: {
    en: 'recording the submission of a risk assessment needs datasec.write',
    zh: '登记风险评估报送情况需要数据安全编辑权限（datasec.write）',
  },
  only_completed_reported: {
    en: 'the risk assessment is {status}; only a completed one is reported (complete it first; a reported one is reopened to report again)',
    zh: '风险评估状态为 {status}，只有已完成的评估可以登记报送（请先完成；已报送的须重新打开后再次报送）',
  },
  not_before_completion: {
    en: 'must not be before the assessment was completed ({date})',
    zh: '不能早于评估完成日期（{date}）',
  },
  cannot_report: {
    en: 'the submission cannot be recorded',
    zh: '报送情况不能登记',
  },
  reopen_needs_approve: {
    en: 'reopening a risk assessment needs datasec.approve',
    zh: '重新打开风险评估需要数据安全审定权限（datasec.approve）',
  },
  already_draft: {
    en: 'the risk assessment is a draft already',
    zh: '风险评估已是草稿',
  },
  only_drafts_deleted: {
    en: 'the risk assessment is {status}; only drafts are deleted (a completed assessment is kept as a record)',
    zh: '风险评估状态为 {status}，只能删除草稿（已完成的评估作为记录保存）',
  },
  was_completed: {
    en: 'the risk assessment was completed on {date} before it was reopened; a completed assessment is kept as a record',
    zh: '该风险评估曾于 {date} 完成后被重新打开；完成过的评估作为记录保存，不能删除',
  },
  assessment_changed: {
    en: 'the risk assessment changed meanwhile; reload and try again',
    zh: '风险评估已被他人修改，请刷新后重试',
  },
  resource_unknown: {
    en: "{code} is not a data resource of the organisation's inventory",
    zh: '{code} 不是本单位数据资源目录中的数据资源',
  },
  risk_problems: {
    en: 'the risk has {count} problem(s); nothing was saved',
    zh: '风险有 {count} 处问题，未保存',
  },
  risks_added_in_draft: {
    en: "the risk assessment is {status}; risks are added while it is a draft (record a new risk in next year's assessment, or reopen this one)",
    zh: '风险评估状态为 {status}，只能在草稿阶段登记风险（新发现的风险请登记在下一年度评估中，或重新打开本评估）',
  },
  too_many_risks: {
    en: 'the risk assessment has {count} risks, the most it can hold',
    zh: '风险评估已有 {count} 项风险，达到上限',
  },
  risk_code_taken: {
    en: '{code} is already a risk of this assessment',
    zh: '{code} 已是本评估中的风险编号',
  },
  tracking_only: {
    en: 'the risk assessment is {status}; only the tracking of its risks changes (status, closedOn, closingNote, dueOn, owner, measures), not {fields}',
    zh: '风险评估状态为 {status}，其风险只能更新跟踪信息（状态、关闭日期、关闭说明、期限、责任人、应对措施），不能修改 {fields}',
  },
  risks_not_deleted: {
    en: 'the risk assessment is {status}; its risks are tracked to closure (status closed or accepted), not deleted',
    zh: '风险评估状态为 {status}，其风险应跟踪至关闭（状态为已关闭或已接受），不能删除',
  },
  risk_changed: {
    en: 'the risk changed meanwhile; reload and try again',
    zh: '风险已被他人修改，请刷新后重试',
  },
  assessment_id: {
    en: 'must be a risk assessment id (UUID)',
    zh: '必须是风险评估标识（UUID）',
  },
  risk_id: {
    en: 'must be a risk id (UUID)',
    zh: '必须是风险标识（UUID）',
  },
  status_list: {
    en: 'must be one or more of open, in_progress, closed, accepted, comma-separated',
    zh: '必须是 open、in_progress、closed、accepted 中的一个或多个，以逗号分隔',
  },
  closed_needs_date: {
    en: 'give the date a closed risk was closed',
    zh: '已关闭的风险须填写关闭日期',
  },
  format_mismatch: {
    en: '--format {format} does not match the file name {file}',
    zh: '--format {format} 与文件名 {file} 不一致',
  },
} as const satisfies WordTable;
