/**
 * Wire schemas of data security (数据安全): the data inventory with its classification
 * (数据资源目录, GB/T 43697-2024), the organisation's data-security profile (important-data
 * declaration, officer and body, large-platform figures, reorganisation), annual data-security
 * risk assessments with their tracked risks, the incident register (网络安全事件), app
 * personal-information collection checks and personal-information compliance audits.
 * Shared by the server, the CLI file formats (JSON Schema via `dengbao schemas`) and the web UI.
 * Rules live in src/domain/data-security; the DTOs at the end are what the API returns.
 */
import { z } from 'zod';
import type { CitationDto } from './api-types';
import { IsoDateSchema, MAX_INT, refusingControlCharacters } from './schemas';
import { ActivityCodeSchema, CountryCodeSchema, DataCategoryCodeSchema } from './privacy-schemas';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(MAX_INT);
/** Large counts (records, bytes, yuan) beyond 32 bits; still exact in a double. */
const bigCount = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(Number.MAX_SAFE_INTEGER);
const systemIds = z.array(z.string().uuid('must be a system id (UUID)')).max(200).default([]);

/** An instant with its offset, e.g. 2026-03-02T09:15:00+08:00 (stored as given, compared as UTC). */
export const InstantSchema = z.iso.datetime({
  offset: true,
  message: 'must be a date and time with its offset, e.g. 2026-03-02T09:15:00+08:00',
});

/** Limits: every list is bounded before anything is parsed or evaluated. */
export const DATASEC_LIMITS = {
  resourcesPerOrganisation: 100_000,
  incidentsPerOrganisation: 50_000,
  risksPerAssessment: 500,
  appChecksPerOrganisation: 2_000,
  permissionsPerApp: 300,
  collectedItemsPerApp: 500,
  sdksPerApp: 300,
  findingsPerAudit: 500,
  reportsPerIncident: 100,
  fileBytes: 50 * 1024 * 1024,
  excelBytes: 20 * 1024 * 1024,
} as const;

/** Code of a record within the organisation (`DR-001`, `INC-2026-03`, `APP-1`); matches on import. */
export const RecordCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, ".", "_" or "-"');

// ——— Data inventory and classification (GB/T 43697-2024) ———

/** 一般数据 / 重要数据 / 核心数据 (DSL Art. 21; GB/T 43697-2024). */
export const DATA_GRADES = ['general', 'important', 'core'] as const;
export type DataGrade = (typeof DATA_GRADES)[number];

/** Objects a data security incident could harm (GB/T 43697-2024 影响对象). */
export const IMPACT_OBJECTS = [
  'national_security',
  'economic_operation',
  'social_order',
  'public_interest',
  'organisation_rights',
  'individual_rights',
] as const;
export type ImpactObject = (typeof IMPACT_OBJECTS)[number];

/** Degree of harm (GB/T 43697-2024 影响程度): 特别严重危害 / 严重危害 / 一般危害 / 无危害. */
export const HARM_LEVELS = ['especially_serious', 'serious', 'general', 'none'] as const;
export type HarmLevel = (typeof HARM_LEVELS)[number];

/** The harm the data would cause if tampered with, destroyed, leaked or illegally used. */
export const ImpactJudgementSchema = z
  .object({
    object: z.enum(IMPACT_OBJECTS),
    degree: z.enum(HARM_LEVELS),
    reason: optionalText(1000),
  })
  .strict();
export type ImpactJudgement = z.infer<typeof ImpactJudgementSchema>;

export const DATA_FORMATS = [
  'database',
  'file',
  'document',
  'image',
  'audio_video',
  'log',
  'stream',
  'other',
] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

const dataResourceFields = {
  code: RecordCodeSchema,
  name: text(200),
  description: optionalText(2000),
  /** Sector of the data (key of src/catalogs/data-classification sectors, e.g. `health`). */
  sector: optionalText(60),
  /** MLPS systems (grading objects) of the organisation that hold the data. */
  systemIds,
  /** Records (条) where counted. */
  records: bigCount.nullish(),
  /** Size in bytes where measured. */
  bytes: bigCount.nullish(),
  /** Volume as the owner states it (e.g. "约 120 万条，3.2 TB"); printed on the filing inventory. */
  volumeText: optionalText(100),
  /** Individuals whose personal information the resource holds (0: none). */
  individuals: count.default(0),
  formats: z.array(z.enum(DATA_FORMATS)).max(DATA_FORMATS.length).default([]),
  /** Where it is stored: data centre, cloud region, province. */
  locations: z.array(text(200)).max(50).default([]),
  /** Department or person responsible (数据责任部门/责任人). */
  owner: optionalText(200),
  sources: z.array(text(200)).max(100).default([]),
  recipients: z.array(text(200)).max(200).default([]),
  crossBorder: z.boolean().default(false),
  crossBorderDestinations: z.array(CountryCodeSchema).max(100).default([]),
  /** Personal-information categories it contains (src/catalogs/pi-categories codes). */
  piCategories: z.array(DataCategoryCodeSchema).max(100).default([]),
  /** Processing activities of the personal-information register that process it. */
  privacyActivityCodes: z.array(ActivityCodeSchema).max(200).default([]),
  /**
   * The sector-catalogue entry the owner matched (`<catalogueId>/<entryId>` of
   * src/catalogs/data-classification), or null.
   */
  catalogueEntry: optionalText(120),
  /** The owner's impact analysis (GB/T 43697-2024), used where no catalogue entry decides. */
  impacts: z.array(ImpactJudgementSchema).max(IMPACT_OBJECTS.length).default([]),
  /**
   * A grade an authority notified or confirmed (NDS Regulations Art. 29 ¶2), which prevails over
   * the rules; or the operator's declaration of important data and when it was declared.
   */
  declaredGrade: z.enum(DATA_GRADES).nullish(),
  declaredOn: IsoDateSchema.nullish(),
  declarationReference: optionalText(200),
  note: optionalText(2000),
};

export const DataResourceInputSchema = refusingControlCharacters(
  z.object(dataResourceFields).strict(),
);
const dataResourcePatchFields = Object.fromEntries(
  Object.entries(dataResourceFields).map(([key, field]) => [
    key,
    (field instanceof z.ZodDefault ? field.unwrap() : field).optional(),
  ]),
) as unknown as {
  [K in keyof typeof dataResourceFields]: z.ZodOptional<
    z.ZodType<z.output<(typeof dataResourceFields)[K]>, z.input<(typeof dataResourceFields)[K]>>
  >;
};
/** Every field optional and without its default (a patch never clears what it leaves out). */
export const DataResourcePatchSchema = refusingControlCharacters(
  z
    .object(dataResourcePatchFields)
    .extend({ version: z.number().int().min(1).max(MAX_INT) })
    .strict(),
);
export type DataResourceInput = z.infer<typeof DataResourceInputSchema>;
export type DataResourcePatch = z.infer<typeof DataResourcePatchSchema>;

// ——— Organisation data-security profile ———

/** Which incident-reporting row applies (2025 Measures Art. 4). null in the profile: derived. */
export const OPERATOR_KINDS = ['cii_operator', 'central_state_organ', 'other'] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

export const REORGANISATION_KINDS = ['merger', 'division', 'dissolution', 'bankruptcy'] as const;
export type ReorganisationKind = (typeof REORGANISATION_KINDS)[number];

const DataSecurityProfileObject = z
  .object({
    /** null: CII operator when any system is CII (or the privacy profile says so), else other. */
    operatorKind: z.enum(OPERATOR_KINDS).nullish(),
    /** Province (GB/T 2260 two-digit code) whose CAC receives reports; null: the filing profile's. */
    province: z
      .string()
      .trim()
      .regex(/^\d{2}$/, 'must be a two-digit province code (GB/T 2260), e.g. 11, 31, 44')
      .nullish(),
    /** When the important data was identified and declared to the authority (NDS Art. 29). */
    importantDataDeclaredOn: IsoDateSchema.nullish(),
    importantDataDeclarationReference: optionalText(200),
    /** 网络数据安全负责人 (NDS Art. 30; DSL Art. 27), name and contact. */
    dataSecurityOfficer: optionalText(200),
    dataSecurityOfficerAppointedOn: IsoDateSchema.nullish(),
    /** 网络数据安全管理机构 (NDS Art. 30). */
    managementBody: optionalText(200),
    managementBodyEstablishedOn: IsoDateSchema.nullish(),
    /** Large-platform figures (NDS Art. 62(8)); thresholds are catalog data. */
    registeredUsers: bigCount.nullish(),
    monthlyActiveUsers: bigCount.nullish(),
    /** Whether the business is complex and the processing has a major impact (Art. 62(8) second half). */
    majorImpactPlatform: z.boolean().nullish(),
    /** Last annual personal-information social-responsibility report (NDS Art. 44). */
    lastSocialResponsibilityReportOn: IsoDateSchema.nullish(),
    /** A merger, division, dissolution or bankruptcy (NDS Art. 32). */
    reorganisation: z
      .object({
        kind: z.enum(REORGANISATION_KINDS),
        on: IsoDateSchema,
        disposalPlanReportedOn: IsoDateSchema.nullish(),
      })
      .strict()
      .nullish(),
  })
  .strict();
export const DataSecurityProfileSchema = refusingControlCharacters(DataSecurityProfileObject);
export type DataSecurityProfile = z.infer<typeof DataSecurityProfileSchema>;
export const DataSecurityProfilePatchSchema = refusingControlCharacters(
  DataSecurityProfileObject.extend({ version: z.number().int().min(0).max(MAX_INT) }),
);

/**
 * A provision of important data to another party (NDS Art. 31: risk assessment before
 * providing, entrusting or jointly processing), recorded on the profile's list.
 */
export const PROVISION_KINDS = ['provide', 'entrust', 'joint'] as const;
const ImportantDataProvisionObject = z
  .object({
    code: RecordCodeSchema,
    kind: z.enum(PROVISION_KINDS),
    recipient: text(200),
    dataResourceCodes: z.array(RecordCodeSchema).min(1).max(200),
    /** Planned or actual start of the provision. */
    startsOn: IsoDateSchema,
    /** Risk assessment carried out before it (null: none yet). */
    riskAssessedOn: IsoDateSchema.nullish(),
    /** Art. 31 exception: the provision fulfils a statutory duty. */
    statutoryDuty: z.boolean().default(false),
    note: optionalText(1000),
  })
  .strict();
export const ImportantDataProvisionSchema = refusingControlCharacters(ImportantDataProvisionObject);
export type ImportantDataProvision = z.infer<typeof ImportantDataProvisionSchema>;
/** A provision edit: every field optional (no defaults), with the version read. */
export const ImportantDataProvisionPatchSchema = refusingControlCharacters(
  ImportantDataProvisionObject.partial().extend({
    statutoryDuty: z.boolean().optional(),
    version: z.number().int().min(1).max(MAX_INT),
  }),
);
export type ImportantDataProvisionPatch = z.infer<typeof ImportantDataProvisionPatchSchema>;

// ——— Risk assessments (NDS Art. 33; DSL Art. 30) ———

export const RISK_ASSESSMENT_STATUSES = ['draft', 'completed', 'reported'] as const;
export type RiskAssessmentStatus = (typeof RISK_ASSESSMENT_STATUSES)[number];
export const RISK_STATUSES = ['open', 'in_progress', 'closed', 'accepted'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
/** Life-cycle stage or area a risk sits in. */
export const RISK_AREAS = [
  'collection',
  'storage',
  'use_processing',
  'transmission',
  'provision',
  'disclosure',
  'deletion',
  'cross_border',
  'management',
  'supply_chain',
] as const;
export type RiskArea = (typeof RISK_AREAS)[number];

/** The report's narrative (NDS Art. 33 ¶1 items; DSL Art. 30); the rest comes from the records. */
const RiskAssessmentObject = z
  .object({
    year: z.number().int().min(2021).max(2100),
    title: text(200),
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    /** Who assessed: the organisation itself or a third-party body (name). */
    assessor: optionalText(200),
    scope: optionalText(4000),
    method: optionalText(4000),
    /** (3) management rules and their implementation. */
    managementMeasures: optionalText(8000),
    /** (3) encryption, backup, labelling, access control, authentication … and their effectiveness. */
    technicalMeasures: optionalText(8000),
    /** (5) risk assessments of provision, entrusting and joint processing. */
    provisionAssessments: optionalText(8000),
    /** (6) data export situation; generated from the inventory when empty. */
    exportSituation: optionalText(8000),
    /** (7) anything else the authority asks. */
    other: optionalText(8000),
    conclusion: optionalText(8000),
  })
  .strict();
export const RiskAssessmentInputSchema = refusingControlCharacters(
  RiskAssessmentObject.refine((a) => a.periodFrom <= a.periodTo, {
    path: ['periodTo'],
    message: 'must not be before periodFrom',
  }),
);
export type RiskAssessmentInput = z.infer<typeof RiskAssessmentInputSchema>;
export const RiskAssessmentPatchSchema = refusingControlCharacters(
  RiskAssessmentObject.partial().extend({ version: z.number().int().min(1).max(MAX_INT) }),
);
export type RiskAssessmentPatch = z.infer<typeof RiskAssessmentPatchSchema>;

/** Complete (sign-off, `datasec.approve`: snapshots the inventory) or record the submission. */
export const RiskAssessmentTransitionSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('complete'), completedOn: IsoDateSchema }).strict(),
    z
      .object({
        action: z.literal('report'),
        reportedOn: IsoDateSchema,
        /** The provincial-or-higher authority it went to. */
        recipient: text(200),
        reference: optionalText(200),
      })
      .strict(),
    z.object({ action: z.literal('reopen'), reason: text(1000) }).strict(),
  ])
  .and(z.object({ version: z.number().int().min(1).max(MAX_INT) }));
export type RiskAssessmentTransition = z.infer<typeof RiskAssessmentTransitionSchema>;

const RiskItemObject = z
  .object({
    code: RecordCodeSchema,
    title: text(200),
    description: optionalText(4000),
    area: z.enum(RISK_AREAS),
    dataResourceCodes: z.array(RecordCodeSchema).max(200).default([]),
    /** 1 (rare) … 5 (almost certain). */
    likelihood: z.number().int().min(1).max(5),
    /** 1 (negligible) … 5 (severe). */
    impact: z.number().int().min(1).max(5),
    measures: optionalText(4000),
    owner: optionalText(200),
    dueOn: IsoDateSchema.nullish(),
    status: z.enum(RISK_STATUSES).default('open'),
    closedOn: IsoDateSchema.nullish(),
    closingNote: optionalText(2000),
  })
  .strict();
export const RiskItemInputSchema = refusingControlCharacters(
  RiskItemObject.refine((r) => r.status !== 'closed' || r.closedOn, {
    path: ['closedOn'],
    message: 'give the date a closed risk was closed',
  }),
);
export type RiskItemInput = z.infer<typeof RiskItemInputSchema>;
/** Every field optional and without its default (a patch never resets what it leaves out). */
export const RiskItemPatchSchema = refusingControlCharacters(
  RiskItemObject.extend({
    dataResourceCodes: z.array(RecordCodeSchema).max(200),
    status: z.enum(RISK_STATUSES),
  })
    .partial()
    .extend({ version: z.number().int().min(1).max(MAX_INT) }),
);
export type RiskItemPatch = z.infer<typeof RiskItemPatchSchema>;

// ——— Incidents (国家网络安全事件报告管理办法, in force 2025-11-01) ———

/** 特别重大 / 重大 / 较大 / 一般. */
export const INCIDENT_GRADES = ['especially_major', 'major', 'large', 'general'] as const;
export type IncidentGrade = (typeof INCIDENT_GRADES)[number];

/** Incident classes (GB/T 20986-2023 网络安全事件分类分级指南). */
export const INCIDENT_TYPES = [
  'malware',
  'cyber_attack',
  'data_security',
  'information_content',
  'equipment_failure',
  'rule_violation',
  'security_hazard',
  'abnormal_behaviour',
  'force_majeure',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_STATUSES = ['handling', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Who receives a report (2025 Measures Art. 4; CII Regulations Art. 18; PIPL Art. 57). */
export const REPORT_RECIPIENTS = [
  'protection_department',
  'public_security',
  'own_cyber_affairs_office',
  'provincial_cac',
  'cac',
  'mps',
  'sector_regulator',
  'pi_authority',
  'other',
] as const;
export type ReportRecipient = (typeof REPORT_RECIPIENTS)[number];

export const INCIDENT_REPORT_KINDS = ['initial', 'follow_up', 'closing'] as const;
export type IncidentReportKind = (typeof INCIDENT_REPORT_KINDS)[number];

export const IncidentReportSchema = z
  .object({
    kind: z.enum(INCIDENT_REPORT_KINDS),
    recipient: z.enum(REPORT_RECIPIENTS),
    submittedAt: InstantSchema,
    reference: optionalText(200),
    note: optionalText(2000),
  })
  .strict();
export type IncidentReport = z.infer<typeof IncidentReportSchema>;

/**
 * Measured effects, for grading against the criteria catalog (all optional: only what is known).
 * Durations in minutes; people and money as counts.
 */
export const IncidentMeasuresSchema = z
  .object({
    ciiWholeOutageMinutes: count.nullish(),
    ciiMainFunctionOutageMinutes: count.nullish(),
    portalUnreachableMinutes: count.nullish(),
    peopleAffected: bigCount.nullish(),
    populationShareAffectedPercent: z.number().min(0).max(100).nullish(),
    piLeakedIndividuals: bigCount.nullish(),
    economicLossYuan: bigCount.nullish(),
    importantDataLeaked: z.boolean().nullish(),
    coreDataLeaked: z.boolean().nullish(),
  })
  .strict();
export type IncidentMeasures = z.infer<typeof IncidentMeasuresSchema>;

const IncidentObject = z
  .object({
    code: RecordCodeSchema,
    title: text(200),
    type: z.enum(INCIDENT_TYPES),
    /** When the operator found (or was told of) the incident: the reporting clock starts here. */
    foundAt: InstantSchema,
    occurredAt: InstantSchema.nullish(),
    location: optionalText(200),
    description: optionalText(8000),
    systemIds,
    dataResourceCodes: z.array(RecordCodeSchema).max(200).default([]),
    /** Whether the incident involves CII; null: from the systems (any CII system). */
    involvesCii: z.boolean().nullish(),
    measures: IncidentMeasuresSchema.default({}),
    /** Criteria of the grading guide met (ids of src/catalogs/incident-grading). */
    criteriaMet: z.array(text(80)).max(50).default([]),
    /** The grade the operator settled on (null: not yet graded; the suggestion is shown). */
    grade: z.enum(INCIDENT_GRADES).nullish(),
    gradeReason: optionalText(2000),
    /** Report contents (2025 Measures): impact, measures taken, trend, cause, clues, plans, help, scene. */
    impactDescription: optionalText(8000),
    responseTaken: optionalText(8000),
    trend: optionalText(4000),
    cause: optionalText(4000),
    clues: optionalText(4000),
    furtherMeasures: optionalText(4000),
    supportRequested: optionalText(2000),
    scenePreservation: optionalText(2000),
    ransom: z
      .object({
        demand: optionalText(1000),
        deadline: InstantSchema.nullish(),
        paymentMethod: optionalText(200),
        amount: optionalText(100),
      })
      .strict()
      .nullish(),
    /** Personal information leaked, tampered with or lost (PIPL Art. 57). */
    piIncident: z
      .object({
        individuals: bigCount,
        categories: z.array(DataCategoryCodeSchema).max(100).default([]),
        notifiedAt: InstantSchema.nullish(),
        notificationMethod: optionalText(200),
        /** Art. 57 ¶2: measures effectively avoid harm, so individuals need not be notified. */
        notificationNotRequiredReason: optionalText(2000),
      })
      .strict()
      .nullish(),
    reports: z.array(IncidentReportSchema).max(DATASEC_LIMITS.reportsPerIncident).default([]),
    status: z.enum(INCIDENT_STATUSES).default('handling'),
    /** End of the emergency response (处置结束): the closing report's clock starts here. */
    handledAt: InstantSchema.nullish(),
  })
  .strict();
export const IncidentInputSchema = refusingControlCharacters(
  IncidentObject.refine((i) => !i.occurredAt || Date.parse(i.occurredAt) <= Date.parse(i.foundAt), {
    path: ['occurredAt'],
    message: 'must not be after foundAt',
  }).refine((i) => i.status !== 'closed' || i.handledAt, {
    path: ['handledAt'],
    message: 'give when the response ended before closing the incident',
  }),
);
export type IncidentInput = z.infer<typeof IncidentInputSchema>;
/** Every field optional and without its default (a patch never clears what it leaves out). */
export const IncidentPatchSchema = refusingControlCharacters(
  z
    .object(
      Object.fromEntries(
        Object.entries(IncidentObject.shape).map(([key, field]) => [
          key,
          (field instanceof z.ZodDefault ? field.unwrap() : field).optional(),
        ]),
      ) as unknown as {
        [K in keyof typeof IncidentObject.shape]: z.ZodOptional<
          z.ZodType<
            z.output<(typeof IncidentObject.shape)[K]>,
            z.input<(typeof IncidentObject.shape)[K]>
          >
        >;
      },
    )
    .extend({ version: z.number().int().min(1).max(MAX_INT) })
    .strict(),
);
export type IncidentPatch = z.infer<typeof IncidentPatchSchema>;

// ——— App personal-information collection checks ———

export const APP_PLATFORMS = ['android', 'ios', 'harmonyos', 'mini_program', 'other'] as const;
export type AppPlatform = (typeof APP_PLATFORMS)[number];
/** When a permission or item is asked for. */
export const REQUEST_MOMENTS = ['install', 'first_launch', 'on_use', 'background'] as const;

export const AppPermissionSchema = z
  .object({
    /** e.g. android.permission.ACCESS_FINE_LOCATION, NSCameraUsageDescription. */
    name: text(200),
    purpose: optionalText(500),
    requestedAt: z.enum(REQUEST_MOMENTS).default('on_use'),
    /** The function that needs it (matches a collected item's `function`). */
    function: optionalText(200),
  })
  .strict();

export const AppCollectedItemSchema = z
  .object({
    /**
     * The item collected: an item id of the necessary-information catalog
     * (src/catalogs/app-necessary-pi, e.g. `phone_number`), or free text.
     */
    item: text(120),
    piCategory: DataCategoryCodeSchema.nullish(),
    /** The function it serves, and whether that is the app type's basic function. */
    function: text(200),
    basicFunction: z.boolean(),
    /** The app refuses its basic function when the user declines this item. */
    requiredToUse: z.boolean().default(false),
    /** Collected before consent, or without telling the user. */
    collectedBeforeConsent: z.boolean().default(false),
    disclosedInNotice: z.boolean().default(true),
  })
  .strict();

export const AppSdkSchema = z
  .object({
    name: text(200),
    vendor: optionalText(200),
    purpose: optionalText(500),
    items: z.array(text(120)).max(100).default([]),
    disclosedInNotice: z.boolean().default(false),
  })
  .strict();

/** Elements a privacy notice must carry (PIPL Art. 17; NDS Art. 21; GB/T 41391-2022). */
export const NOTICE_ELEMENTS = [
  'handler_identity_contact',
  'purposes_methods_types',
  'sensitive_necessity_impact',
  'retention_period',
  'rights_channels',
  'third_party_list',
  'collection_list',
  'minors_rules',
] as const;
export type NoticeElement = (typeof NOTICE_ELEMENTS)[number];

const AppCheckObject = z
  .object({
    code: RecordCodeSchema,
    name: text(200),
    /** App type of the 2021 necessary-information rules (catalog id) or null when none fits. */
    appType: optionalText(60),
    platform: z.enum(APP_PLATFORMS),
    /** The app's own version (e.g. 5.2.1); `version` is the record's. */
    appVersion: optionalText(50),
    /** Package name / bundle id / mini-program id. */
    packageId: optionalText(200),
    checkedOn: IsoDateSchema,
    checkedBy: optionalText(200),
    permissions: z.array(AppPermissionSchema).max(DATASEC_LIMITS.permissionsPerApp).default([]),
    collected: z.array(AppCollectedItemSchema).max(DATASEC_LIMITS.collectedItemsPerApp).default([]),
    sdks: z.array(AppSdkSchema).max(DATASEC_LIMITS.sdksPerApp).default([]),
    privacyPolicyUrl: z.string().trim().url().max(500).nullish(),
    noticeElements: z.array(z.enum(NOTICE_ELEMENTS)).max(NOTICE_ELEMENTS.length).default([]),
    consent: z
      .object({
        /** Consent asked before any collection (no collection at first launch before agreeing). */
        beforeCollection: z.boolean(),
        /** No bundled (一揽子) consent to all functions at once. */
        unbundled: z.boolean(),
        /** Declining non-essential items leaves the basic function usable. */
        basicUsableOnRefusal: z.boolean(),
        withdrawalAvailable: z.boolean(),
        accountDeletionAvailable: z.boolean(),
        /** No renewed prompts after the user declined. */
        noRepeatedPrompts: z.boolean(),
        personalisationOptOut: z.boolean(),
      })
      .strict(),
    note: optionalText(4000),
  })
  .strict();
export const AppCheckInputSchema = refusingControlCharacters(AppCheckObject);
export type AppCheckInput = z.infer<typeof AppCheckInputSchema>;
/**
 * Every field optional and without its default: `.partial()` keeps defaults, so a patch leaving
 * out permissions, SDKs or notice elements would otherwise clear the stored ones.
 */
const appCheckPatchFields = Object.fromEntries(
  Object.entries(AppCheckObject.shape).map(([key, field]) => [
    key,
    (field instanceof z.ZodDefault ? field.unwrap() : field).optional(),
  ]),
) as unknown as {
  [K in keyof typeof AppCheckObject.shape]: z.ZodOptional<
    z.ZodType<z.output<(typeof AppCheckObject.shape)[K]>, z.input<(typeof AppCheckObject.shape)[K]>>
  >;
};
export const AppCheckPatchSchema = refusingControlCharacters(
  z
    .object(appCheckPatchFields)
    .extend({ version: z.number().int().min(1).max(MAX_INT) })
    .strict(),
);
export type AppCheckPatch = z.infer<typeof AppCheckPatchSchema>;

// ——— Personal-information compliance audits (CAC Measures 2025) ———

export const PI_AUDIT_KINDS = ['self', 'external', 'regulator_ordered'] as const;
export type PiAuditKind = (typeof PI_AUDIT_KINDS)[number];
export const PI_AUDIT_STATUSES = ['planned', 'in_progress', 'completed'] as const;
export type PiAuditStatus = (typeof PI_AUDIT_STATUSES)[number];

export const PiAuditFindingSchema = z
  .object({
    code: RecordCodeSchema,
    title: text(200),
    description: optionalText(4000),
    severity: z.enum(['low', 'medium', 'high']),
    owner: optionalText(200),
    dueOn: IsoDateSchema.nullish(),
    status: z.enum(RISK_STATUSES).default('open'),
    closedOn: IsoDateSchema.nullish(),
  })
  .strict();
export type PiAuditFinding = z.infer<typeof PiAuditFindingSchema>;

const PiAuditObject = z
  .object({
    title: text(200),
    kind: z.enum(PI_AUDIT_KINDS),
    /** Who audits: an internal unit or a professional body (name). */
    auditor: optionalText(200),
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    plannedOn: IsoDateSchema,
    /** For a regulator-ordered audit: the deadline the authority set. */
    orderedDeadline: IsoDateSchema.nullish(),
    status: z.enum(PI_AUDIT_STATUSES).default('planned'),
    completedOn: IsoDateSchema.nullish(),
    scope: optionalText(4000),
    findings: z.array(PiAuditFindingSchema).max(DATASEC_LIMITS.findingsPerAudit).default([]),
    reportReference: optionalText(200),
  })
  .strict();
export const PiAuditInputSchema = refusingControlCharacters(
  PiAuditObject.refine((a) => a.status !== 'completed' || a.completedOn, {
    path: ['completedOn'],
    message: 'give the date a completed audit was completed',
  }),
);
export type PiAuditInput = z.infer<typeof PiAuditInputSchema>;
/** Every field optional and without its default (a patch never resets status or findings). */
export const PiAuditPatchSchema = refusingControlCharacters(
  PiAuditObject.partial().extend({
    status: z.enum(PI_AUDIT_STATUSES).optional(),
    findings: z.array(PiAuditFindingSchema).max(DATASEC_LIMITS.findingsPerAudit).optional(),
    version: z.number().int().min(1).max(MAX_INT),
  }),
);
export type PiAuditPatch = z.infer<typeof PiAuditPatchSchema>;

// ——— The inventory as a file (`dengbao data import|export`) ———

/**
 * The data inventory as a file (YAML or JSON; Excel has sheets 说明, 数据资源, 影响分析,
 * 重要数据提供). Systems are named, not referenced by id.
 */
export const DataInventoryFileSchema = refusingControlCharacters(
  z
    .object({
      format: z.literal('dengbao.data-inventory.v1'),
      organisation: text(200).nullish(),
      profile: DataSecurityProfileObject.nullish(),
      resources: z
        .array(
          z
            .object({ ...dataResourceFields, systemIds: z.never().optional() })
            .extend({ systems: z.array(text(200)).max(200).default([]) })
            .strict(),
        )
        .max(DATASEC_LIMITS.resourcesPerOrganisation)
        .default([]),
      provisions: z.array(ImportantDataProvisionSchema).max(10_000).default([]),
    })
    .strict(),
);
export type DataInventoryFile = z.infer<typeof DataInventoryFileSchema>;

// ——— What the API returns ———

export interface CitationRef {
  readonly instrumentId: string;
  readonly provisionId?: string;
}

/** The classification of one resource and why (src/domain/data-security/classify.ts). */
export interface ClassificationDto {
  readonly grade: DataGrade;
  /** What decided: an authority's/declared grade, a sector-catalogue entry, the impact analysis, or the default. */
  readonly decidedBy: 'declaration' | 'catalogue' | 'impact' | 'default';
  /** The catalogue entry that decided (or matched), with its catalogue and source. */
  readonly catalogueEntry: {
    readonly id: string;
    readonly catalogueId: string;
    readonly nameZh: string;
    readonly nameEn: string;
    readonly sectorLevel: string | null;
  } | null;
  /** `none` | `general` | `sensitive` personal information, from the categories. */
  readonly personalInformation: 'none' | 'general' | 'sensitive';
  readonly reasonsZh: readonly string[];
  readonly reasonsEn: readonly string[];
  /** Labelled by the knowledge base (《…》第…条). */
  readonly citations: readonly CitationDto[];
  /** The grade still needs an authority's confirmation (important/core not yet declared/notified). */
  readonly provisional: boolean;
}

export interface DataResourceDto extends DataResourceInput {
  readonly id: string;
  readonly version: number;
  readonly classification: ClassificationDto;
  readonly systems: readonly { readonly id: string; readonly name: string }[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface IncidentReportingDutyDto {
  readonly id: string;
  /** `initial` | `escalation` | `follow_up` | `closing` | `notify_pi_authority` | `notify_individuals` | `pre_2025_report`. */
  readonly kind: string;
  readonly recipients: readonly ReportRecipient[];
  readonly titleZh: string;
  readonly titleEn: string;
  /** Who must act: the operator, or the department/office/provincial CAC escalating (for information). */
  readonly actor:
    'operator' | 'protection_department' | 'own_cyber_affairs_office' | 'provincial_cac';
  /** ISO instant (UTC, `Z`) the duty falls due; null where the source sets no hour count. */
  readonly dueAt: string | null;
  /** ISO 8601 duration after the trigger (PT1H, PT2H, PT4H, PT30M …) or an EventDeadline marker. */
  readonly deadline: string;
  /** When it was done (a matching report or notification), else null. */
  readonly doneAt: string | null;
  readonly state: 'done' | 'due' | 'overdue' | 'not_required' | 'waiting';
  readonly reasonZh: string;
  readonly reasonEn: string;
  readonly citations: readonly CitationRef[];
}

export interface IncidentDto extends IncidentInput {
  readonly id: string;
  readonly version: number;
  readonly suggestedGrade: IncidentGrade;
  /** Criteria of the grading guide the measures meet (and those the user ticked). */
  readonly criteriaFound: readonly {
    readonly id: string;
    readonly grade: IncidentGrade;
    readonly source: string;
  }[];
  readonly operatorKind: OperatorKind;
  /** `2025-measures` (found on/after 2025-11-01) or `pre-2025`. */
  readonly regime: string;
  readonly duties: readonly IncidentReportingDutyDto[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AppCheckFlagDto {
  readonly id: string;
  readonly severity: 'high' | 'medium' | 'low';
  readonly titleZh: string;
  readonly titleEn: string;
  readonly detailZh: string;
  readonly detailEn: string;
  /** Items, permissions or SDKs the flag is about. */
  readonly subjects: readonly string[];
  readonly citations: readonly CitationRef[];
  readonly penaltyIds: readonly string[];
}
