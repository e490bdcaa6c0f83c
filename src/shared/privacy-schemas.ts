/**
 * Wire schemas of personal-information protection (个人信息保护): the processing register
 * (个人信息处理活动记录), outbound transfers with their dated batches, and personal-information
 * protection impact assessments (PIPIA, 个人信息保护影响评估). Shared by the server, the CLI file
 * formats (JSON Schema via `dengbao schemas`) and the web UI. Rules live in src/domain/privacy.
 */
import { z } from 'zod';
import { IsoDateSchema, MAX_INT, refusingControlCharacters } from './schemas';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(MAX_INT);

/** Limits: a register is read whole, so its size is bounded before anything is parsed. */
export const PRIVACY_LIMITS = {
  activitiesPerOrganisation: 20_000,
  recipientsPerActivity: 200,
  transfersPerActivity: 200,
  batchesPerImport: 200_000,
  categoriesPerActivity: 100,
  fileBytes: 50 * 1024 * 1024,
} as const;

/** Activity code within the organisation, e.g. `PA-001`; matches rows on import. */
export const ActivityCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, ".", "_" or "-"');

/** Key of a recipient or an outbound transfer within its activity, e.g. `R1`, `T-us-crm`. */
export const LocalKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, ".", "_" or "-"');

/** A data category of the sensitive-information classifier (src/catalogs/pi-categories). */
export const DataCategoryCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,59}$/, 'must be a data category code such as face_features');

/** ISO 3166-1 alpha-2 country or region code, upper case (`CN` is the mainland). */
export const CountryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US, DE, HK');

/** The seven legal bases of PIPL Art. 13 ¶1 (1)–(7). */
export const LEGAL_BASES = [
  'consent',
  'contract_or_hr',
  'legal_duty',
  'emergency',
  'news_public_interest',
  'public_information',
  'other_law',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Whose personal information an activity processes. */
export const DATA_SUBJECT_KINDS = [
  'customers',
  'patients',
  'employees',
  'job_applicants',
  'students',
  'minors_under_14',
  'visitors',
  'business_contacts',
  'public',
  'other',
] as const;
export type DataSubjectKind = (typeof DATA_SUBJECT_KINDS)[number];

/** How a recipient stands to the handler (PIPL Arts. 20, 21, 23; Art. 38 when abroad). */
export const RECIPIENT_RELATIONSHIPS = [
  'entrusted_processor',
  'other_handler',
  'joint_handler',
] as const;
export type RecipientRelationship = (typeof RECIPIENT_RELATIONSHIPS)[number];

/**
 * Cases needing separate consent (单独同意): PIPL Arts. 23, 25, 26, 29, 39; guardian consent
 * for minors under 14 (Art. 31).
 */
export const CONSENT_CASES = [
  'art23_provision',
  'art25_disclosure',
  'art26_public_camera',
  'art29_sensitive',
  'art31_guardian',
  'art39_abroad',
] as const;
export type ConsentCase = (typeof CONSENT_CASES)[number];

/** Exemption grounds a user can claim for an outbound transfer (the engine checks the dates). */
export const EXEMPTION_GROUNDS = [
  'no_personal_information',
  'collected_abroad',
  'contract_with_individual',
  'cross_border_hr',
  'emergency',
  'ftz_negative_list',
] as const;
export type ExemptionGround = (typeof EXEMPTION_GROUNDS)[number];

/** The mechanisms of PIPL Art. 38 ¶1 (1)–(3) a transfer can rely on. */
export const TRANSFER_MECHANISMS = [
  'security_assessment',
  'standard_contract',
  'certification',
] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const RecipientSchema = z
  .object({
    key: LocalKeySchema,
    relationship: z.enum(RECIPIENT_RELATIONSHIPS),
    name: text(200),
    /** `CN` for a recipient in the mainland; anything else makes the provision a transfer abroad. */
    country: CountryCodeSchema,
    contact: optionalText(200),
    purpose: optionalText(1000),
    /** Data categories provided; empty means all of the activity's categories. */
    dataCategories: z
      .array(DataCategoryCodeSchema)
      .max(PRIVACY_LIMITS.categoriesPerActivity)
      .default([]),
  })
  .strict();
export type Recipient = z.infer<typeof RecipientSchema>;

/** The mechanism in place for a transfer abroad, with the dates the engine's duties need. */
export const MechanismRecordSchema = z
  .object({
    kind: z.enum(TRANSFER_MECHANISMS),
    /** Standard contract: the day the contract takes effect (filing due 10 working days later). */
    contractEffectiveOn: IsoDateSchema.nullish(),
    /** Standard contract filed / assessment declared / certification applied for. */
    filedOn: IsoDateSchema.nullish(),
    /** Security assessment passed / certificate issued. */
    approvedOn: IsoDateSchema.nullish(),
    /** Filing or approval number, certificate number. */
    reference: optionalText(100),
  })
  .strict();
export type MechanismRecord = z.infer<typeof MechanismRecordSchema>;

/** A flow of personal information (or important data) to one recipient abroad. */
export const OutboundTransferSchema = z
  .object({
    key: LocalKeySchema,
    /** The recipient (of this activity) abroad. */
    recipientKey: LocalKeySchema,
    /** Exemption the user claims; null when none. */
    exemption: z.enum(EXEMPTION_GROUNDS).nullish(),
    /** The transfer includes data identified or announced as important data (NDS Regs Art. 37). */
    importantData: z.boolean().default(false),
    mechanism: MechanismRecordSchema.nullish(),
    note: optionalText(1000),
  })
  .strict();
export type OutboundTransfer = z.infer<typeof OutboundTransferSchema>;

export const ConsentRecordSchema = z
  .object({
    case: z.enum(CONSENT_CASES),
    /** How the separate consent is obtained (pop-up, paper form, guardian verification …). */
    method: text(500),
    evidence: optionalText(500),
    since: IsoDateSchema.nullish(),
  })
  .strict();
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

/** Face recognition under the 2025 Measures (CAC/MPS Order No. 19, in force 2025-06-01). */
export const FaceRecognitionSchema = z
  .object({
    /** Individuals whose face information is stored now. */
    storedIndividuals: count,
    /** The day the stored count reached 100,000 (filing due 30 working days later). */
    reachedThresholdOn: IsoDateSchema.nullish(),
    filedOn: IsoDateSchema.nullish(),
    filingReference: optionalText(100),
    /** A substantive change of the filed matters, and when it was filed. */
    changedOn: IsoDateSchema.nullish(),
    changeFiledOn: IsoDateSchema.nullish(),
    /** Stopped using face recognition, and when the filing was cancelled. */
    stoppedOn: IsoDateSchema.nullish(),
    deregisteredOn: IsoDateSchema.nullish(),
    /** Face information stays in the recognition device (not sent over the network). */
    storedOnDevice: z.boolean().default(false),
    /** A non-face way to verify identity is offered where it serves the same purpose. */
    alternativeOffered: z.boolean().default(false),
  })
  .strict();
export type FaceRecognition = z.infer<typeof FaceRecognitionSchema>;

const activityFields = {
  code: ActivityCodeSchema,
  name: text(200),
  purpose: text(2000),
  legalBases: z.array(z.enum(LEGAL_BASES)).min(1, 'name at least one legal basis (PIPL Art. 13)'),
  dataCategories: z
    .array(DataCategoryCodeSchema)
    .min(1, 'name at least one data category')
    .max(PRIVACY_LIMITS.categoriesPerActivity),
  dataSubjects: z
    .array(z.enum(DATA_SUBJECT_KINDS))
    .min(1, 'name at least one kind of data subject'),
  /** Individuals whose information the activity holds. */
  individuals: count,
  /** Of them, individuals whose sensitive personal information it holds. */
  sensitiveIndividuals: count.default(0),
  /** Of them, minors under 14. */
  minorsUnder14: count.default(0),
  retention: text(500),
  /** Retention in months where one is set (null: "until the purpose is achieved" etc.). */
  retentionMonths: z.number().int().min(0).max(1200).nullish(),
  deletion: optionalText(500),
  /** MLPS systems (grading objects) of the organisation the activity runs on. */
  systemIds: z.array(z.string().uuid('must be a system id (UUID)')).max(200).default([]),
  recipients: z.array(RecipientSchema).max(PRIVACY_LIMITS.recipientsPerActivity).default([]),
  transfers: z.array(OutboundTransferSchema).max(PRIVACY_LIMITS.transfersPerActivity).default([]),
  consents: z.array(ConsentRecordSchema).max(50).default([]),
  automatedDecisionMaking: z.boolean().default(false),
  publicDisclosure: z.boolean().default(false),
  /** Images or identity data from cameras in public places used beyond public security (Art. 26). */
  publicCameraImages: z.boolean().default(false),
  /** PIPL Art. 55(5): another processing with a major impact on individuals, described. */
  otherMajorImpact: optionalText(1000),
  faceRecognition: FaceRecognitionSchema.nullish(),
  /** Version label of the privacy notice in force for this activity (see the register profile). */
  privacyNoticeVersion: optionalText(50),
  owner: optionalText(100),
  note: optionalText(2000),
};

export const ActivityInputSchema = refusingControlCharacters(z.object(activityFields).strict());
/**
 * Every field optional and without its default: `.partial()` keeps defaults, so a patch leaving
 * out recipients or transfers would otherwise clear the stored ones.
 */
const activityPatchFields = Object.fromEntries(
  Object.entries(activityFields).map(([key, field]) => [
    key,
    (field instanceof z.ZodDefault ? field.unwrap() : field).optional(),
  ]),
) as unknown as {
  [K in keyof typeof activityFields]: z.ZodOptional<
    z.ZodType<z.output<(typeof activityFields)[K]>, z.input<(typeof activityFields)[K]>>
  >;
};

export const ActivityPatchSchema = refusingControlCharacters(
  z
    .object(activityPatchFields)
    .extend({ version: z.number().int().min(1).max(MAX_INT) })
    .strict(),
);
export type ActivityInput = z.infer<typeof ActivityInputSchema>;
export type ActivityPatch = z.infer<typeof ActivityPatchSchema>;

/** One dated batch of an outbound transfer; batches are summed since 1 January. */
export const TransferBatchInputSchema = z
  .object({
    transferKey: LocalKeySchema,
    transferredOn: IsoDateSchema,
    /** Individuals whose non-sensitive personal information was sent. */
    individuals: count,
    /** Individuals whose sensitive personal information was sent. */
    sensitiveIndividuals: count.default(0),
    note: optionalText(500),
  })
  .strict();
export type TransferBatchInput = z.infer<typeof TransferBatchInputSchema>;

export const PrivacyNoticeSchema = z
  .object({
    version: text(50),
    effectiveFrom: IsoDateSchema,
    url: z.string().trim().url().max(500).nullish(),
    note: optionalText(500),
  })
  .strict();
export type PrivacyNotice = z.infer<typeof PrivacyNoticeSchema>;

/** Organisation-wide facts of the register (one per organisation, versioned). */
// Plain objects are kept apart from their refined (control-character) wrappers: zod refuses
// .extend(), .partial() and .omit() on a refined schema.
const RegisterProfileObject = z
  .object({
    /**
     * Whether the organisation operates CII. null: taken from its systems (any system marked
     * CII); true/false overrides.
     */
    ciiOperator: z.boolean().nullish(),
    /** Individuals whose personal information the organisation processes in total. */
    totalIndividuals: count.nullish(),
    /** 个人信息保护负责人 (PIPL Art. 52), name and contact. */
    protectionOfficer: optionalText(200),
    /** 数据安全负责人 (NDS Regulations Art. 30), name and contact. */
    dataSecurityOfficer: optionalText(200),
    /** Last personal-information compliance audit completed (PIPL Art. 54). */
    lastComplianceAuditOn: IsoDateSchema.nullish(),
    privacyNotices: z.array(PrivacyNoticeSchema).max(100).default([]),
    /**
     * The free-trade-zone negative list the organisation is registered under (Provisions Art. 6):
     * a list id of src/catalogs/ftz-negative-lists (e.g. tianjin-2024; GET
     * /api/catalog/ftz-negative-lists), checked by app/privacy/validate.ts.
     */
    freeTradeZone: optionalText(100),
  })
  .strict();
export const RegisterProfileSchema = refusingControlCharacters(RegisterProfileObject);
export type RegisterProfile = z.infer<typeof RegisterProfileSchema>;
export const RegisterProfilePatchSchema = refusingControlCharacters(
  RegisterProfileObject.extend({
    version: z.number().int().min(0).max(MAX_INT),
  }),
);

/**
 * The register as a file (`dengbao pi import|export`, YAML or JSON; Excel has one sheet per
 * list). Systems are named, not referenced by id; batches name their activity and transfer.
 */
export const PrivacyRegisterFileSchema = refusingControlCharacters(
  z
    .object({
      format: z.literal('dengbao.privacy.v1'),
      profile: RegisterProfileSchema.optional(),
      activities: z
        .array(
          // The plain object: zod refuses .omit() on the refined ActivityInputSchema; the whole
          // file is refined for control characters below.
          z
            .object(activityFields)
            .strict()
            .omit({ systemIds: true })
            .extend({
              /** Names of the organisation's MLPS systems. */
              systems: z.array(text(200)).max(200).default([]),
            }),
        )
        .max(PRIVACY_LIMITS.activitiesPerOrganisation)
        .default([]),
      transferBatches: z
        .array(TransferBatchInputSchema.extend({ activity: ActivityCodeSchema }))
        .max(PRIVACY_LIMITS.batchesPerImport)
        .default([]),
    })
    .strict(),
);
export type PrivacyRegisterFile = z.infer<typeof PrivacyRegisterFileSchema>;

export interface PrivacyImportResult {
  readonly activities: { readonly created: number; readonly updated: number };
  readonly transferBatches: { readonly created: number };
}

// --- PIPIA (个人信息保护影响评估) ---

export const PIPIA_STATUSES = ['draft', 'in_review', 'approved', 'returned'] as const;
export type PipiaStatus = (typeof PIPIA_STATUSES)[number];

/** Risk level of an answer or of the assessment (GB/T 39335-2020: 低 / 中 / 高 / 严重). */
export const PIPIA_RISK_LEVELS = ['low', 'medium', 'high', 'severe'] as const;
export type PipiaRiskLevel = (typeof PIPIA_RISK_LEVELS)[number];

export const PipiaAnswerSchema = z
  .object({
    answer: z.string().trim().max(5000),
    risk: z.enum(PIPIA_RISK_LEVELS).nullish(),
    /** Measure taken or planned where the answer shows a risk. */
    measure: optionalText(2000),
  })
  .strict();
export type PipiaAnswer = z.infer<typeof PipiaAnswerSchema>;

const PipiaInputObject = z
  .object({
    title: text(200),
    /** Activities of the register this assessment covers. */
    activityIds: z.array(z.string().uuid('must be an activity id (UUID)')).min(1).max(200),
    /** Answers by question id of the questionnaire version. */
    answers: z
      .record(z.string().regex(/^[a-z0-9][a-z0-9.-]{0,39}$/), PipiaAnswerSchema)
      .default({}),
    conclusion: optionalText(5000),
    overallRisk: z.enum(PIPIA_RISK_LEVELS).nullish(),
    /** Members asked to review (user ids). */
    reviewerIds: z.array(z.string().uuid()).max(20).default([]),
    /** An approved assessment this one is a new version of (its answers are the starting point). */
    supersedes: z.string().uuid('must be an impact assessment id (UUID)').nullish(),
  })
  .strict();
export const PipiaInputSchema = refusingControlCharacters(PipiaInputObject);
export const PipiaPatchSchema = refusingControlCharacters(
  // `supersedes` is fixed when the assessment is opened.
  PipiaInputObject.omit({ supersedes: true })
    .partial()
    .extend({
      // Without their defaults: `.partial()` keeps them, and a patch that leaves these out would
      // otherwise clear the stored answers and reviewers.
      answers: z
        .record(z.string().regex(/^[a-z0-9][a-z0-9.-]{0,39}$/), PipiaAnswerSchema)
        .optional(),
      reviewerIds: z.array(z.string().uuid()).max(20).optional(),
      version: z.number().int().min(1).max(MAX_INT),
    })
    .strict(),
);
export type PipiaInput = z.infer<typeof PipiaInputSchema>;
export type PipiaPatch = z.infer<typeof PipiaPatchSchema>;

/** Workflow steps: submit (draft/returned → in_review), review, approve, return. */
export const PipiaTransitionSchema = z
  .object({
    action: z.enum(['submit', 'review', 'approve', 'return']),
    version: z.number().int().min(1).max(MAX_INT),
    comment: optionalText(2000),
  })
  .strict();
export type PipiaTransition = z.infer<typeof PipiaTransitionSchema>;
