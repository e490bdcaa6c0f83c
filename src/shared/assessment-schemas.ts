/**
 * Wire schemas of level assessments (等级测评): projects, test objects, results, findings,
 * major-risk triggers and rectification items. Shared by the server, the CLI and the web UI.
 */
import { z } from 'zod';
import { label, say } from './vocabulary';
import {
  ITEM_RESULTS,
  RESULTS_NEEDING_REASON,
  RESULTS_NEEDING_RECORD,
  RISK_LEVELS,
  type ItemResult,
  TEST_OBJECT_KINDS,
} from '../domain/mlps/assessment/types';
import { DATA_CLASSES, OBJECT_IMPORTANCE } from './assessment-vocabulary';
import { IsoDateSchema, MAX_INT } from './schemas';
import { RectificationPlanFields } from './rectification-plan-schemas';

const name = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is limited to ${max} characters`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `limited to ${max} characters`).nullable().optional();

export const RequirementIdSchema = z
  .string()
  .regex(/^(?:\d+|[A-H])(?:\.\d+)+-[a-z]$/, 'must be a requirement id such as 8.1.4.1-a');

export const AssessmentInputSchema = z
  .object({
    title: name(200, 'title'),
    periodStart: IsoDateSchema.nullable().optional(),
    periodEnd: IsoDateSchema.nullable().optional(),
    agency: optionalText(200),
    reportNumber: optionalText(100),
    reportDate: IsoDateSchema.nullable().optional(),
    /** Usernames of the assessor team; each must be a member of the organisation. */
    team: z.array(name(100, 'team member')).max(50).optional(),
    /** Start from this earlier assessment of the system: objects copied, last results shown. */
    previousAssessmentId: z.string().uuid('must be an assessment id').nullable().optional(),
    /** Start from the system's latest assessment (when no previousAssessmentId is given). */
    startFromPrevious: z.boolean().optional(),
  })
  .strict()
  .refine((a) => !a.periodStart || !a.periodEnd || a.periodStart <= a.periodEnd, {
    message: 'periodEnd must not be before periodStart',
    path: ['periodEnd'],
  });
export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;

export const AssessmentPatchSchema = z
  .object({
    version: z.number().int().positive().max(MAX_INT),
    title: name(200, 'title').optional(),
    periodStart: IsoDateSchema.nullable().optional(),
    periodEnd: IsoDateSchema.nullable().optional(),
    agency: optionalText(200),
    reportNumber: optionalText(100),
    reportDate: IsoDateSchema.nullable().optional(),
    team: z.array(name(100, 'team member')).max(50).optional(),
    status: z.enum(['in_progress', 'completed']).optional(),
  })
  .strict();
export type AssessmentPatch = z.infer<typeof AssessmentPatchSchema>;

/** An IPv4 or IPv6 address, optionally with a /prefix (devices list several). */
export const IpAddressSchema = z
  .string()
  .trim()
  .max(60)
  .regex(
    /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(?:\/\d{1,3})?$/,
    'must be an IPv4 or IPv6 address such as 10.0.0.1',
  );

/** Attributes of a test object; every field optional on input. */
export const TestObjectAttributesSchema = z
  .object({
    ipAddresses: z.array(IpAddressSchema).max(64).optional(),
    os: optionalText(200),
    version: optionalText(200),
    model: optionalText(200),
    vendor: optionalText(200),
    location: optionalText(200),
    role: optionalText(200),
    importance: z.enum(OBJECT_IMPORTANCE).nullable().optional(),
    dataClass: z.enum(DATA_CLASSES).nullable().optional(),
  })
  .strict();
export type TestObjectAttributesInput = z.infer<typeof TestObjectAttributesSchema>;

/** A control point id of the catalog, e.g. 8.1.4.1 or 8.2.4.3. */
export const ControlPointIdSchema = z
  .string()
  .regex(/^(?:\d+|[A-H])(?:\.\d+)+$/, 'must be a control point id such as 8.1.4.1');

export const TestObjectInputSchema = z
  .object({
    name: name(200, 'name'),
    kind: z.enum(TEST_OBJECT_KINDS),
    description: optionalText(1000),
    attributes: TestObjectAttributesSchema.optional(),
    /** The object's own requirement set, by control point; null or absent = the kind's default. */
    controlPoints: z.array(ControlPointIdSchema).max(500).nullable().optional(),
  })
  .strict();
export type TestObjectInput = z.infer<typeof TestObjectInputSchema>;

export const TestObjectPatchSchema = TestObjectInputSchema.partial()
  .extend({
    version: z.number().int().positive().max(MAX_INT),
    /** Narrowing the requirement set deletes the results it leaves out only when this is true. */
    discardResults: z.boolean().optional(),
  })
  .strict();
export type TestObjectPatch = z.infer<typeof TestObjectPatchSchema>;

const resultFields = {
  result: z.enum(ITEM_RESULTS),
  /** 结果记录: what was seen. */
  record: optionalText(4000),
  /** Required for 部分符合 and 不适用. */
  reason: optionalText(1000),
};

function needsReason(
  value: {
    result: (typeof ITEM_RESULTS)[number];
    reason?: string | null | undefined;
    record?: string | null | undefined;
  },
  ctx: z.RefinementCtx,
) {
  if (RESULTS_NEEDING_RECORD.includes(value.result) && !value.record?.trim()) {
    ctx.addIssue({
      code: 'custom',
      path: ['record'],
      message: say('validation.record_required_for', reasonParams(value.result), 'en'),
    });
  }
  if (RESULTS_NEEDING_REASON.includes(value.result) && !value.reason?.trim()) {
    ctx.addIssue({
      code: 'custom',
      path: ['reason'],
      // Keyed: the server finds the code from this English text and sends the Chinese beside it.
      message: say('validation.reason_required_for', reasonParams(value.result), 'en'),
    });
  }
}

/** One result: `version` 0 creates it, otherwise it must equal the stored version. */
export const ResultInputSchema = z
  .object({
    ...resultFields,
    version: z.number().int().min(0).max(MAX_INT),
  })
  .strict()
  .superRefine(needsReason);
export type ResultInput = z.infer<typeof ResultInputSchema>;

export const BulkResultInputSchema = z
  .object({
    rows: z
      .array(
        z
          .object({
            requirementId: RequirementIdSchema,
            objectId: z.string().uuid('must be a test object id'),
            version: z.number().int().min(0).max(MAX_INT),
            ...resultFields,
          })
          .strict()
          .superRefine(needsReason),
      )
      .min(1, 'give at least one row')
      .max(5000, 'at most 5000 rows per request'),
  })
  .strict();
export type BulkResultInput = z.infer<typeof BulkResultInputSchema>;

export const ReviewInputSchema = z
  .object({
    rows: z
      .array(
        z
          .object({
            requirementId: RequirementIdSchema,
            objectId: z.string().uuid(),
            version: z.number().int().positive().max(MAX_INT),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict();
export type ResultReviewInput = z.infer<typeof ReviewInputSchema>;

export const CaseObservationSchema = z
  .object({
    caseId: z.string().regex(/^\d+(?:\.\d+)+$/, 'must be a high-risk case id such as 6.4.1.3'),
    symptoms: z.array(z.number().int().min(0)).max(20),
    mitigations: z.array(z.number().int().min(0)).max(20),
  })
  .strict();

export const FindingNoteInputSchema = z
  .object({
    version: z.number().int().min(0).max(MAX_INT),
    /** The risk the assessor confirms; null clears it (the suggestion stays visible). */
    risk: z.enum(RISK_LEVELS).nullable(),
    observations: z.array(CaseObservationSchema).max(10).default([]),
    description: optionalText(4000),
  })
  .strict();
export type FindingNoteInput = z.infer<typeof FindingNoteInputSchema>;

export const MajorRiskInputSchema = z
  .object({
    triggerId: z.string().regex(/^A-\d{2}$/, 'must be a trigger id such as A-18'),
    note: optionalText(2000),
    rectified: z.boolean().default(false),
    rectifiedOn: IsoDateSchema.nullable().optional(),
  })
  .strict();
export type MajorRiskInput = z.infer<typeof MajorRiskInputSchema>;

export const MajorRiskPatchSchema = z
  .object({
    version: z.number().int().positive().max(MAX_INT),
    note: optionalText(2000),
    rectified: z.boolean().optional(),
    rectifiedOn: IsoDateSchema.nullable().optional(),
  })
  .strict();
export type MajorRiskPatch = z.infer<typeof MajorRiskPatchSchema>;

export const RECTIFICATION_STATUSES = [
  'open',
  'in_progress',
  'fixed',
  'verified',
  'risk_accepted',
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_ZH: Readonly<Record<RectificationStatus, string>> = {
  open: '待整改',
  in_progress: '整改中',
  fixed: '已整改待复测',
  verified: '复测通过',
  risk_accepted: '风险接受',
};

export const RectificationPatchSchema = z
  .object({
    version: z.number().int().positive().max(MAX_INT),
    owner: optionalText(200),
    dueDate: IsoDateSchema.nullable().optional(),
    plan: optionalText(4000),
    status: z.enum(RECTIFICATION_STATUSES).optional(),
    approver: optionalText(200),
    acceptanceReason: optionalText(1000),
    // 整改方案: measure kind, measures, start date, budget lines, products (issue 15 part 6).
    ...RectificationPlanFields,
  })
  .strict();
export type RectificationPatch = z.infer<typeof RectificationPatchSchema>;

export const RectificationRetestSchema = z
  .object({
    version: z.number().int().positive().max(MAX_INT),
    retestResult: z.enum(ITEM_RESULTS),
    retestOn: IsoDateSchema.optional(),
  })
  .strict();
export type RectificationRetestInput = z.infer<typeof RectificationRetestSchema>;

/** The params naming a result that needs a reason: 部分符合 (partial), 不适用 (not applicable). */
function reasonParams(result: ItemResult): { resultZh: string; result: string } {
  return {
    resultZh: label('item_result', result, 'zh'),
    result: result === 'not_applicable' ? 'not applicable' : result,
  };
}
