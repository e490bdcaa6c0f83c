/**
 * Overall assessment (整体测评) and year over year in words: messages of compensation records
 * (src/domain/mlps/assessment/compensation.ts, src/app/assessment/compensations.ts), the labels
 * of compensation scopes, and messages of starting an assessment from the previous one
 * (src/app/assessment/previous.ts).
 */
import type { WordTable } from './types';

/** Messages of compensations (area `compensation`). */
export const COMPENSATION = {
  invalid: { en: 'the compensation cannot be recorded', zh: '补偿记录无法保存' },
  requirement_unknown: {
    en: '{id} is not a requirement of this assessment’s baseline',
    zh: '{id} 不是本次测评基线中的测评项',
  },
  object_unknown: {
    en: 'no such test object in this assessment (compensated object)',
    zh: '本次测评中没有该测评对象（被补偿对象）',
  },
  object_not_in_scope: {
    en: 'the compensated item {id} is not tested on {object}',
    zh: '被补偿的测评项 {id} 不在测评对象“{object}”的测评范围内',
  },
  compensating_requirement_unknown: {
    en: 'the compensating item {id} is not in this assessment’s baseline',
    zh: '补偿测评项 {id} 不在本次测评基线中',
  },
  compensating_object_unknown: {
    en: 'no such test object in this assessment (compensating object)',
    zh: '本次测评中没有该测评对象（补偿对象）',
  },
  compensating_object_not_in_scope: {
    en: 'the compensating item {id} is not tested on {object}',
    zh: '补偿测评项 {id} 不在测评对象“{object}”的测评范围内',
  },
  self: {
    en: '{id} cannot compensate itself on the same object',
    zh: '{id} 不能在同一测评对象上补偿自身',
  },
  scope_mismatch: {
    en: 'the scope {scope:compensation_scope} does not match {id} and {compensating}: it is {expected:compensation_scope}',
    zh: '补偿范围“{scope:compensation_scope}”与 {id} 和 {compensating} 的关系不符，应为“{expected:compensation_scope}”',
  },
  compensating_not_compliant: {
    en: 'the compensating item {id} is not compliant on {object}',
    zh: '补偿测评项 {id} 在“{object}”上不是“符合”',
  },
  nothing_to_adjust: {
    en: 'no non-compliant or partial result of {id} on {object} to raise',
    zh: '{id} 在“{object}”上没有可调高的不符合或部分符合结果',
  },
  not_upwards: {
    en: 'a compensation only raises a result: {id} on {object} is {from:item_result}, not below {to:item_result}',
    zh: '补偿只能调高结果：{id} 在“{object}”上为“{from:item_result}”，不低于“{to:item_result}”',
  },
} as const satisfies WordTable;

/** 补偿范围 (area `compensation_scope`). */
export const COMPENSATION_SCOPE = {
  item: { zh: '测评项间', en: 'Between items' },
  control_point: { zh: '控制点间', en: 'Between control points' },
  layer: { zh: '层面间', en: 'Between layers' },
} as const satisfies WordTable;

/** Messages of starting an assessment from the previous one (area `previous_assessment`). */
export const PREVIOUS_ASSESSMENT = {
  none: {
    en: 'this system has no earlier assessment to start from',
    zh: '该定级对象没有可作为起点的上次测评',
  },
  other_system: {
    en: 'the previous assessment belongs to another system',
    zh: '所选上次测评属于其他定级对象',
  },
} as const satisfies WordTable;
