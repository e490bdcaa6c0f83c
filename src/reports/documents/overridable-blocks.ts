/**
 * Every document block an organisation may reword (文书模板), gathered from the builders: each
 * builder exports the blocks it asks {@link wording} for, with its own default texts, so the
 * registry, the defaults shown in the settings page and the text printed never drift apart.
 */
import type { OverridableBlock } from '../overrides';
import { GRADING_REPORT_BLOCKS } from './grading-report';
import { FILING_FORM_BLOCKS } from './filing-form';
import { ASSESSMENT_REPORT_BLOCKS } from './assessment-report';
import { RECTIFICATION_PLAN_BLOCKS } from './rectification-plan';

/** The documents whose blocks can be reworded, by the first part of a block's key. */
export const TEMPLATE_DOCUMENTS: Readonly<Record<string, { zh: string; en: string }>> = {
  grading: { zh: '定级报告', en: 'Grading report' },
  filing: { zh: '备案表', en: 'Filing form' },
  assessment: { zh: '等级测评报告', en: 'Assessment report' },
  rectification: { zh: '整改方案', en: 'Rectification plan' },
};

/** Every overridable block, in the order the settings page shows them (document by document). */
export const OVERRIDABLE_BLOCKS: readonly OverridableBlock[] = [
  ...GRADING_REPORT_BLOCKS,
  ...FILING_FORM_BLOCKS,
  ...ASSESSMENT_REPORT_BLOCKS,
  ...RECTIFICATION_PLAN_BLOCKS,
];

const BY_KEY: ReadonlyMap<string, OverridableBlock> = new Map(
  OVERRIDABLE_BLOCKS.map((b) => [b.key, b]),
);

/** The block of `key` (`<document>.<block>`), or undefined when no builder offers it. */
export function overridableBlock(key: string): OverridableBlock | undefined {
  return BY_KEY.get(key);
}

/** The document a block belongs to: the first part of its key. */
export function documentOfBlock(key: string): string {
  return key.split('.')[0] ?? key;
}
