/**
 * Level assessments in words: messages of test objects, their requirement sets and results
 * (src/app/assessment). Area `assessment`.
 */
import type { WordTable } from './types';

export const ASSESSMENT = {
  object_invalid: { en: 'the test object cannot be saved', zh: '测评对象无法保存' },
  control_point_unknown: {
    en: '{id} is not a control point of this assessment’s baseline',
    zh: '{id} 不是本次测评基线中的控制点',
  },
  control_points_empty: {
    en: 'choose at least one control point, or none to use the kind’s default set',
    zh: '请至少选择一个控制点；不选择则使用该类对象的默认测评项',
  },
  scope_drops_results: {
    en: 'the new requirement set leaves out {count} recorded result(s) ({ids}); clear them first or confirm to discard them',
    zh: '新的测评范围将排除 {count} 条已录入的结果（{ids}）；请先清除，或确认丢弃这些结果',
  },
  not_in_object_scope: {
    en: '{id} is not in the requirement set of {object}',
    zh: '{id} 不在测评对象“{object}”的测评范围内',
  },
} as const satisfies WordTable;
