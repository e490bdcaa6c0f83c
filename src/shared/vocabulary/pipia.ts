/**
 * Messages of the PIPIA workflow (src/app/privacy/pipia), area `pipia`: the English text is what
 * the API answers, the Chinese what a Chinese client shows.
 */
import type { WordTable } from './types';

export const PIPIA = {
  activity_twice: {
    en: '{id} is also activityIds[{first}]',
    zh: '{id} 与 activityIds[{first}] 重复',
  },
  activity_unknown: {
    en: "{id} is not a processing activity of the organisation's register",
    zh: '{id} 不是本单位个人信息处理活动记录中的处理活动',
  },
  activities_refused: { en: 'some activities cannot be assessed', zh: '部分处理活动不能纳入评估' },
  reviewer_twice: { en: '{id} is named twice', zh: '{id} 重复指定' },
  reviewer_not_member: {
    en: '{id} is not a member of the organisation',
    zh: '{id} 不是本单位成员',
  },
  reviewer_cannot_read: {
    en: '{username} ({role}) may not read the personal-information register (privacy.read), so cannot review',
    zh: '{username}（{role}）无权查看个人信息处理活动记录（privacy.read），不能担任审核人',
  },
  reviewers_refused: { en: 'some reviewers cannot review', zh: '部分审核人不能审核' },
  question_unknown: {
    en: '{id} is not a question of questionnaire version {version}',
    zh: '{id} 不是问卷 {version} 版中的问题',
  },
  question_not_applicable: {
    en: 'question {id} does not apply to this assessment (none of its triggers was found in the covered activities); remove the answer',
    zh: '问题 {id} 不适用于本次评估（所涉处理活动未出现其适用情形），请删除该回答',
  },
  answers_refused: { en: 'some answers cannot be recorded', zh: '部分回答不能保存' },
  superseded_unknown: { en: 'the superseded assessment is unknown', zh: '被替代的影响评估不存在' },
  superseded_not_assessment: {
    en: '{id} is not an impact assessment of the organisation',
    zh: '{id} 不是本单位的个人信息保护影响评估',
  },
  superseded_not_approved: {
    en: 'only an approved assessment is superseded',
    zh: '只有已批准的影响评估才能被新版本替代',
  },
  superseded_change_instead: {
    en: '{title} is {status}; change it instead of opening a new version',
    zh: '“{title}”状态为 {status}，请直接修改，无需新建版本',
  },
  submit_needs_write: {
    en: 'submitting an impact assessment needs privacy.write',
    zh: '提交影响评估需要“编辑个人信息保护”权限（privacy.write）',
  },
  submit_wrong_status: {
    en: 'the impact assessment is {status}; only a draft or returned one can be submitted',
    zh: '影响评估当前状态为 {status}，只有草稿或已退回的评估可以提交审核',
  },
  unanswered: {
    en: '{count} applicable question(s) have no answer yet: {ids}',
    zh: '尚有 {count} 个适用问题未回答：{ids}',
  },
  overall_risk_missing: {
    en: 'set the overall risk level (low, medium, high or severe) before submitting',
    zh: '提交前请确定总体风险等级（低、中、高或严重）',
  },
  incomplete: { en: 'the impact assessment is not complete', zh: '影响评估尚未填写完整' },
  not_in_review: {
    en: 'the impact assessment is {status}, not in review',
    zh: '影响评估当前状态为 {status}，不在审核中',
  },
  review_not_reviewer: {
    en: 'only a reviewer named on the impact assessment records a review',
    zh: '只有影响评估指定的审核人才能记录审核意见',
  },
  return_wrong_status: {
    en: 'the impact assessment is {status}; only one in review can be returned',
    zh: '影响评估当前状态为 {status}，只有审核中的评估可以退回',
  },
  return_not_allowed: {
    en: 'only a named reviewer or an approver (privacy.approve) returns an impact assessment',
    zh: '只有指定的审核人或有批准权限（privacy.approve）的人员可以退回影响评估',
  },
  return_reason: {
    en: 'say why the impact assessment is returned',
    zh: '请说明退回影响评估的理由',
  },
  return_comment: { en: 'a comment is required when returning', zh: '退回时必须填写意见' },
  approve_needs_permission: {
    en: 'approving an impact assessment needs privacy.approve',
    zh: '批准影响评估需要“批准个人信息保护影响评估”权限（privacy.approve）',
  },
  approve_signed_in: {
    en: 'an impact assessment is approved by a signed-in person (not an API token or the CLI)',
    zh: '影响评估须由登录的人员批准（不能通过 API 令牌或命令行）',
  },
  approve_own: {
    en: 'separation of duties: the creator of an impact assessment may not approve it; another approver must',
    zh: '职责分离：影响评估的发起人不能批准自己发起的评估，须由其他有批准权限的人员批准',
  },
  approve_wrong_status: {
    en: 'the impact assessment is {status}; only one in review can be approved',
    zh: '影响评估当前状态为 {status}，只有审核中的评估可以批准',
  },
  reviewers_pending: {
    en: '{count} named reviewer(s) have not agreed yet: {ids}',
    zh: '尚有 {count} 名指定审核人未同意：{ids}',
  },
  activities_gone: {
    en: 'covered activities are no longer in the register ({ids}); return the assessment and change its activities',
    zh: '所涉处理活动已不在处理活动记录中（{ids}），请退回评估并调整所涉活动',
  },
  retained: {
    en: 'the approved impact assessment must be kept until {date} (inclusive): PIPL Art. 56 keeps the report and the processing records at least three years (个人信息保护影响评估报告和处理情况记录应当至少保存三年，{date2} 前不得删除)',
    zh: '已批准的影响评估须保存至 {date}（含当日）：个人信息保护影响评估报告和处理情况记录应当至少保存三年（《个人信息保护法》第五十六条），{date2} 前不得删除',
  },
  delete_wrong_status: {
    en: 'the impact assessment is {status}; only drafts are deleted (a submitted assessment is kept as a record; an approved one until its retention ends)',
    zh: '影响评估当前状态为 {status}，只能删除草稿（已提交的评估作为记录保存；已批准的评估保存至期限届满）',
  },
  changed_meanwhile: {
    en: 'the impact assessment changed meanwhile; reload and try again',
    zh: '影响评估已被他人修改，请刷新后重试',
  },
} as const satisfies WordTable;
