/**
 * Wire schemas shared by the server (validation + OpenAPI), the CLI (file formats, JSON Schemas)
 * and the web UI (types). One schema per shape; no server code here.
 */
import { z } from 'zod';
import { OrganisationFilingProfileSchema, SystemFilingProfileSchema } from './filing-profile';
import { creditCodeProblem } from './identifiers';
import { HARM_DEGREES, HARMED_OBJECTS, PROTECTION_LEVELS, SYSTEM_TYPES } from './mlps';

/** The largest integer the databases store (PostgreSQL `integer`): versions stay below it. */
export const MAX_INT = 2_147_483_647;

/** The dates dengbao accepts: far enough back for old systems, forward for long plans. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2199-12-31';

/**
 * Strict ISO calendar date (YYYY-MM-DD) that exists (rejects 2025-02-30), between
 * {@link MIN_DATE} and {@link MAX_DATE} (date arithmetic on 9999-12-31 leaves JavaScript's range).
 */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date')
  .refine((s) => s >= MIN_DATE && s <= MAX_DATE, `must be between ${MIN_DATE} and ${MAX_DATE}`);

/**
 * NUL and the other C0 control characters (tab, line feed and carriage return are text): no
 * field holds them, PostgreSQL refuses NUL in text, and xlsx/docx XML cannot carry any of them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
export const CONTROL_CHARACTER_MESSAGE = 'must not contain NUL or other control characters';

/**
 * Paths of the strings (values or keys) in a parsed document that hold a control character.
 * Iterative, so a deeply nested document cannot overflow the stack.
 */
export function controlCharacterPaths(root: unknown, limit = 100): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: [unknown, (string | number)[]][] = [[root, []]];
  while (stack.length > 0 && found.length < limit) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (CONTROL_CHARACTERS.test(value)) found.push(path);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...path, i]]);
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      for (const [key, v] of Object.entries(value).reverse()) {
        if (CONTROL_CHARACTERS.test(key)) found.push([...path, key]);
        else stack.push([v, [...path, key]]);
      }
    }
  }
  return found;
}

/** The schema, also refusing control characters anywhere in the value (each path named). */
export function refusingControlCharacters<S extends z.ZodType>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    for (const path of controlCharacterPaths(value))
      ctx.addIssue({ code: 'custom', path, message: CONTROL_CHARACTER_MESSAGE });
  }) as unknown as S;
}

export const ProtectionLevelSchema = z
  .number()
  .int()
  .refine(
    (n) => (PROTECTION_LEVELS as readonly number[]).includes(n),
    'level must be 1, 2, 3, 4 or 5',
  );
export const HarmedObjectSchema = z.enum(HARMED_OBJECTS);
export const HarmDegreeSchema = z.enum(HARM_DEGREES);
export const SystemTypeSchema = z.enum(SYSTEM_TYPES);

export const HarmJudgementSchema = z
  .object({ object: HarmedObjectSchema, degree: HarmDegreeSchema })
  .strict();

const judgements = z
  .array(HarmJudgementSchema)
  .min(1, 'at least one harmed object is required')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((j, i) => {
      if (seen.has(j.object)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'object'],
          message: `object "${j.object}" is listed twice`,
        });
      }
      seen.add(j.object);
    });
  });

/** Input of the grading engine (also the CLI `grade` file format). */
export const GradingInputSchema = z
  .object({
    businessInformation: judgements.describe('业务信息安全: harmed objects and degrees'),
    systemService: judgements.describe('系统服务安全: harmed objects and degrees'),
  })
  .strict();

export const OrganisationInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().max(200).nullish(),
    creditCode: z
      .string()
      .regex(
        /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
        'must be an 18-character unified social credit code',
      )
      .superRefine((code, ctx) => {
        const problem = creditCodeProblem(code);
        if (problem?.kind === 'checkDigit')
          ctx.addIssue({
            code: 'custom',
            message: `the check character (18th) does not match the first 17 (GB 32100-2015): expected ${problem.expected}`,
          });
      })
      .nullish(),
    region: z.string().trim().max(100).nullish(),
    sector: z.string().trim().max(100).nullish(),
    contactName: z.string().trim().max(200).nullish(),
    /** Stored SM4-encrypted. */
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,30}$/, 'must be a phone number (digits, spaces, + - ( ))')
      .nullish(),
    /** What the filing form's 表一 asks beyond the fields above; replaced as a whole. SM4 at rest. */
    filingProfile: OrganisationFilingProfileSchema.nullish(),
  })
  .strict();

export const OrganisationSchema = OrganisationInputSchema.extend({
  id: z.string(),
  version: z.number().int().max(MAX_INT),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const systemFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).nullish(),
  types: z.array(SystemTypeSchema).min(1, 'choose at least one grading-object type'),
  goLiveOn: IsoDateSchema.nullish(),
  isCii: z.boolean().nullish(),
  ciiDesignatedOn: IsoDateSchema.nullish(),
  isNationalEgov: z.boolean().nullish(),
  hasCompetentAuthority: z.boolean().nullish(),
  competentAuthority: z.string().max(200).nullish(),
  responsibleDepartment: z.string().max(200).nullish(),
  hostSystemId: z.string().uuid().nullish(),
  ciiSecurityOrganisationOn: IsoDateSchema.nullish(),
  /** What the filing form's 表二 asks beyond the fields above; replaced as a whole. SM4 at rest. */
  filingProfile: SystemFilingProfileSchema.nullish(),
};

export const SystemInputSchema = z.object(systemFields).strict();
export const SystemPatchSchema = z
  .object({ ...systemFields, version: z.number().int().min(1).max(MAX_INT) })
  .partial()
  .required({ version: true })
  .strict();

/** The harm dimensions as the narrative names them (camelCase, like the grading input). */
export const NARRATIVE_DIMENSIONS = ['businessInformation', 'systemService'] as const;

/**
 * What the 定级报告 says in words beside the matrix: the business information and the services,
 * the boundary and topology, one argument per harmed object and degree, and the answers to the
 * sector grading guides' questions (src/catalogs/sector-grading/). Texts are size-bound.
 */
export const GradingNarrativeSchema = z
  .object({
    businessDescription: z.string().trim().min(1, 'describe the business information').max(8000),
    serviceDescription: z.string().trim().min(1, 'describe the system services').max(8000),
    boundaryDescription: z.string().trim().max(8000).nullish(),
    harmArguments: z
      .array(
        z
          .object({
            dimension: z.enum(NARRATIVE_DIMENSIONS),
            object: HarmedObjectSchema,
            degree: HarmDegreeSchema,
            argument: z
              .string()
              .trim()
              .min(1, 'argue why the object is harmed to this degree')
              .max(4000),
          })
          .strict(),
      )
      .max(6),
    sectorGuidance: z
      .array(
        z
          .object({
            guideId: z
              .string()
              .trim()
              .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a sector guide id'),
            applies: z.boolean(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();

/**
 * Every harmed object and degree chosen has its argument (and no argument is for a judgement
 * not chosen); each problem names its path, e.g. `narrative.harmArguments[1].argument`.
 */
function checkNarrative(
  value: {
    businessInformation: readonly { object: string; degree: string }[];
    systemService: readonly { object: string; degree: string }[];
    narrative?: GradingNarrative | null;
  },
  ctx: z.RefinementCtx,
): void {
  const narrative = value.narrative;
  if (!narrative) return;
  const args = narrative.harmArguments;
  for (const dimension of NARRATIVE_DIMENSIONS) {
    for (const j of value[dimension]) {
      const at = args.findIndex(
        (a) => a.dimension === dimension && a.object === j.object && a.degree === j.degree,
      );
      if (at >= 0) continue;
      // Point at the argument for this object if there is one (wrong degree), else at the list.
      const sameObject = args.findIndex((a) => a.dimension === dimension && a.object === j.object);
      ctx.addIssue({
        code: 'custom',
        path:
          sameObject >= 0
            ? ['narrative', 'harmArguments', sameObject, 'degree']
            : ['narrative', 'harmArguments'],
        message: `give the argument for ${dimension} ${j.object} (${j.degree})`,
      });
    }
  }
  args.forEach((a, i) => {
    const chosen = value[a.dimension].some((j) => j.object === a.object && j.degree === a.degree);
    const sameObjectChosen = value[a.dimension].some((j) => j.object === a.object);
    if (!chosen && !sameObjectChosen) {
      ctx.addIssue({
        code: 'custom',
        path: ['narrative', 'harmArguments', i, 'object'],
        message: `${a.object} is not a harmed object chosen for ${a.dimension}`,
      });
    }
    const twice = args.findIndex(
      (b) => b.dimension === a.dimension && b.object === a.object && b.degree === a.degree,
    );
    if (twice !== i) {
      ctx.addIssue({
        code: 'custom',
        path: ['narrative', 'harmArguments', i],
        message: 'this object and degree already has an argument',
      });
    }
  });
  const guides = new Set<string>();
  narrative.sectorGuidance.forEach((g, i) => {
    if (guides.has(g.guideId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['narrative', 'sectorGuidance', i, 'guideId'],
        message: `guide "${g.guideId}" is answered twice`,
      });
    }
    guides.add(g.guideId);
  });
}

export const GradingRecordInputSchema = GradingInputSchema.extend({
  gradedOn: IsoDateSchema,
  reason: z.string().trim().min(1, 'say why the system is graded (or regraded)').max(4000),
  /** Current system version, to refuse a grading made against a stale view. */
  version: z.number().int().min(1).max(MAX_INT),
  /** The words of the 定级报告; when given, every chosen object and degree is argued. */
  narrative: GradingNarrativeSchema.nullish(),
})
  .strict()
  .superRefine(checkNarrative);

export const REVIEW_KINDS = ['expert_review', 'competent_approval'] as const;
export const ReviewInputSchema = z
  .object({
    kind: z.enum(REVIEW_KINDS),
    reviewedOn: IsoDateSchema,
    reviewer: z.string().trim().min(1).max(200),
    opinion: z.string().max(4000).nullish(),
    agreedLevel: ProtectionLevelSchema,
  })
  .strict();

export const FilingInputSchema = z
  .object({
    filedOn: IsoDateSchema,
    bureau: z.string().trim().min(1).max(200),
    certificateNumber: z.string().trim().max(100).nullish(),
    level: ProtectionLevelSchema,
  })
  .strict();

export const EVENT_KINDS = ['mlps_assessment', 'crypto_assessment', 'cii_risk_assessment'] as const;
export const EventInputSchema = z
  .object({
    kind: z.enum(EVENT_KINDS),
    completedOn: IsoDateSchema,
    agency: z.string().trim().max(200).nullish(),
    reportNumber: z.string().trim().max(100).nullish(),
  })
  .strict();

export const OBLIGATION_MANUAL_STATUSES = ['done', 'not_applicable'] as const;
export const ObligationStatusInputSchema = z
  .object({
    status: z.enum(OBLIGATION_MANUAL_STATUSES),
    note: z.string().max(4000).nullish(),
  })
  .strict()
  .refine((v) => v.status !== 'not_applicable' || (v.note ?? '').trim().length > 0, {
    path: ['note'],
    message: 'give the reason why the obligation does not apply',
  });

/** The CLI `systems import` / `export` file: an organisation's systems with their records. */
export const SystemsFileSchema = refusingControlCharacters(
  z
    .object({
      format: z.literal('dengbao.systems.v1'),
      /** The organisation's 表一 answers, imported with the systems (replacing any stored). */
      organisation: z
        .object({ filingProfile: OrganisationFilingProfileSchema.nullish() })
        .strict()
        .nullish(),
      systems: z.array(
        SystemInputSchema.extend({
          grading: GradingInputSchema.extend({
            gradedOn: IsoDateSchema,
            reason: z.string().min(1),
            narrative: GradingNarrativeSchema.nullish(),
          })
            .superRefine(checkNarrative)
            .nullish(),
          reviews: z.array(ReviewInputSchema).default([]),
          filings: z.array(FilingInputSchema).default([]),
          events: z.array(EventInputSchema).default([]),
        }).strict(),
      ),
    })
    .strict(),
);

export type GradingInputDto = z.infer<typeof GradingInputSchema>;
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;
export type SystemInput = z.infer<typeof SystemInputSchema>;
export type SystemPatch = z.infer<typeof SystemPatchSchema>;
export type GradingRecordInput = z.infer<typeof GradingRecordInputSchema>;
export type GradingNarrative = z.infer<typeof GradingNarrativeSchema>;
export type GradingNarrativeInput = z.input<typeof GradingNarrativeSchema>;
export type ReviewInput = z.infer<typeof ReviewInputSchema>;
export type FilingInput = z.infer<typeof FilingInputSchema>;
export type EventInput = z.infer<typeof EventInputSchema>;
export type ObligationStatusInput = z.infer<typeof ObligationStatusInputSchema>;
export type SystemsFile = z.infer<typeof SystemsFileSchema>;
