/**
 * Zod schema of the PIPIA questionnaire (src/catalogs/pipia-questionnaire/questionnaire.yaml):
 * the questions of a personal-information protection impact assessment (个人信息保护影响评估)
 * following GB/T 39335-2020 and the three contents PIPL Art. 56 ¶1 requires, with the sections
 * that apply only when an Art. 55 trigger (or the 2025 face-recognition Measures) applies, and the
 * likelihood × impact → risk-level matrix. Cross-record checks (ids unique and in their section,
 * every trigger has questions, the matrix complete and monotone) live in pipia-questionnaire.ts.
 */
import { z } from 'zod';
import { PIPIA_RISK_LEVELS } from '../shared/privacy-schemas';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { CitationSchema, VerificationSchema } from './knowledge-base.schema';

/**
 * Trigger codes a question may depend on; the same codes as PIPIA_TRIGGER_CODES of
 * src/domain/privacy/pipia-triggers.ts (a test keeps them equal).
 */
export const QUESTIONNAIRE_TRIGGER_CODES = [
  'sensitive',
  'automated_decision',
  'entrusted_processing',
  'provision_to_handler',
  'public_disclosure',
  'transfer_abroad',
  'other_major_impact',
  'face_recognition',
] as const;
export type QuestionnaireTriggerCode = (typeof QUESTIONNAIRE_TRIGGER_CODES)[number];

/** Likelihood of a harmful event (GB/T 39335-2020 5.6: 可能性). */
export const PIPIA_LIKELIHOODS = ['very_low', 'low', 'medium', 'high'] as const;
export type PipiaLikelihood = (typeof PIPIA_LIKELIHOODS)[number];
/** Impact on the individual's rights (GB/T 39335-2020 5.5: 影响程度). */
export const PIPIA_IMPACTS = ['low', 'medium', 'high', 'severe'] as const;
export type PipiaImpact = (typeof PIPIA_IMPACTS)[number];

/** Question id, e.g. `lawfulness.1` (same pattern as the answer keys of PipiaInputSchema). */
export const QuestionIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{0,39}$/, 'must be a question id such as lawfulness.1');

const text = z.string().trim().min(1, 'must not be empty').max(800, 'is limited to 800 characters');
const han = text.refine((value) => /\p{Script=Han}/u.test(value), 'must be written in Chinese');
const triggerList = z.array(z.enum(QUESTIONNAIRE_TRIGGER_CODES));

export const QuestionnaireSectionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,29}$/, 'must be a section id such as lawfulness'),
  titleZh: han,
  titleEn: text,
  /** The clause of GB/T 39335-2020 the section follows (informative; e.g. `5.5`). */
  clause: z
    .string()
    .regex(/^(\d+(\.\d+)*|[A-Z](\.\d+)*)$/, 'must be a clause number such as 5.5 or A')
    .optional(),
  /** PIPL Art. 56 ¶1 item the section answers (1, 2 or 3), if any. */
  art56Item: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
});

export const QuestionSchema = z.strictObject({
  id: QuestionIdSchema,
  section: z.string(),
  textZh: han,
  textEn: text,
  guidanceZh: han,
  guidanceEn: text,
  /** Trigger codes of which any makes the question apply; [] = always asked. */
  appliesWhen: triggerList,
  /** Whether the answer should carry a risk level (likelihood × impact). */
  rated: z.boolean().default(false),
  citations: z.array(CitationSchema).min(1, 'give at least one citation'),
});

const levelRow = z.strictObject(
  Object.fromEntries(PIPIA_LIKELIHOODS.map((l) => [l, z.enum(PIPIA_RISK_LEVELS)])) as {
    [K in PipiaLikelihood]: z.ZodEnum<{ [L in (typeof PIPIA_RISK_LEVELS)[number]]: L }>;
  },
);

export const PipiaQuestionnaireFileSchema = z.strictObject({
  ...CATALOG_METADATA_FIELDS,
  titleZh: han,
  titleEn: text,
  /** The rows: impact; the columns: likelihood; the cell: the risk level. */
  riskMatrix: z.strictObject({
    impact: z.strictObject(
      Object.fromEntries(PIPIA_IMPACTS.map((i) => [i, levelRow])) as {
        [K in PipiaImpact]: typeof levelRow;
      },
    ),
    verification: VerificationSchema,
    citations: z.array(CitationSchema).min(1),
  }),
  sections: z.array(QuestionnaireSectionSchema).min(1).max(40),
  questions: z.array(QuestionSchema).min(1).max(400),
  verification: VerificationSchema,
});
export type PipiaQuestionnaireFile = z.infer<typeof PipiaQuestionnaireFileSchema>;
export type QuestionnaireSection = z.infer<typeof QuestionnaireSectionSchema>;
export type QuestionnaireQuestion = z.infer<typeof QuestionSchema>;
