/**
 * Zod schema for the level-3 test guidance (测评作业指导) of the GB/T 22239-2019 general
 * requirements: src/catalogs/gbt22239/test-guidance/test-guidance-{technical,management}.yaml.
 *
 * One entry per requirement item: the GB/T 28448-2019 test id it follows, 2–6 test steps (what
 * the assessor interviews, inspects or tests), the expected result and the judgement rule
 * (符合 / 部分符合 / 不符合, and when 不适用 is legitimate). The texts are dengbao's own words.
 *
 * Cross-record checks (requirement exists, test id agrees with the catalog, no duplicates,
 * category matches the file's part) live in test-guidance.ts.
 */
import { z } from 'zod';

/** Bounds, so a broken or hostile file cannot make the loader allocate without limit. */
export const TEST_GUIDANCE_LIMITS = {
  entriesPerFile: 400,
  minSteps: 2,
  maxSteps: 6,
  textChars: 600,
} as const;

const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(
    TEST_GUIDANCE_LIMITS.textChars,
    `is limited to ${TEST_GUIDANCE_LIMITS.textChars} characters`,
  );

/** Chinese (with at least one Chinese character) and English text; both are required. */
export const GuidanceTextSchema = z.strictObject({
  zh: text.refine((value) => /\p{Script=Han}/u.test(value), 'must be written in Chinese'),
  en: text,
});
export type GuidanceText = z.infer<typeof GuidanceTextSchema>;

/** GB/T 28448-2019 test id of a general requirement at level 3, e.g. L3-CES1-01. */
export const LEVEL3_TEST_ID = /^L3-(PES|CNS|ABS|CES|SMC|PSS|ORS|HRS|CMS|MMS)1-\d{2}$/;

export const TestGuidanceEntrySchema = z.strictObject({
  /** Requirement item id of the catalog, e.g. 8.1.4.1-a. */
  requirement: z
    .string()
    .regex(/^\d+(?:\.\d+)+-[a-z]$/, 'must be a requirement id such as 8.1.4.1-a'),
  /** The GB/T 28448-2019 test id (测评项编号); null where none is known. */
  testId: z
    .string()
    .regex(LEVEL3_TEST_ID, 'must be a level-3 GB/T 28448 test id such as L3-CES1-01')
    .nullable(),
  steps: z
    .array(GuidanceTextSchema)
    .min(TEST_GUIDANCE_LIMITS.minSteps, `give at least ${TEST_GUIDANCE_LIMITS.minSteps} steps`)
    .max(TEST_GUIDANCE_LIMITS.maxSteps, `give at most ${TEST_GUIDANCE_LIMITS.maxSteps} steps`),
  expected: GuidanceTextSchema,
  /** What makes 符合 / 部分符合 / 不符合 (and 不适用 where legitimate). */
  judgement: GuidanceTextSchema,
});
export type TestGuidanceEntry = z.infer<typeof TestGuidanceEntrySchema>;

export const TEST_GUIDANCE_PARTS = ['technical', 'management'] as const;
export type TestGuidancePart = (typeof TEST_GUIDANCE_PARTS)[number];

export const TestGuidanceFileSchema = z.strictObject({
  kind: z.literal('test-guidance'),
  part: z.enum(TEST_GUIDANCE_PARTS),
  entries: z
    .array(TestGuidanceEntrySchema)
    .max(
      TEST_GUIDANCE_LIMITS.entriesPerFile,
      `is limited to ${TEST_GUIDANCE_LIMITS.entriesPerFile} entries`,
    ),
});
export type TestGuidanceFile = z.infer<typeof TestGuidanceFileSchema>;
