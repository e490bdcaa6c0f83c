/**
 * Zod schemas for the GB/T 22239-2019 catalog (src/catalogs/gbt22239/*.yaml): control points and
 * requirement items for levels 1–4, general and extension requirements, the high-risk judgement
 * guide, the 2025 major-risk triggers and requirement crosswalks.
 *
 * Ids are the standard's own clause ids so that an assessor recognises them: a control point is
 * its clause at the anchor level (`8.1.4.1`), a requirement item that clause plus its letter
 * (`8.1.4.1-a`). The anchor level is level 3 where the item exists there, otherwise the nearest
 * level that has it (4, then 2, then 1). Per-level clause numbers and letters sit beside the id.
 *
 * Cross-record checks (unique ids, references, counts) live in mlps-catalog.ts so that every
 * problem in every file is reported at once.
 */
import { z } from 'zod';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { VERIFICATION_STATUSES } from './knowledge-base.schema';

/** GB/T 22239-2019 levels that carry requirements (level 5 has none published). */
export const CATALOG_LEVELS = [1, 2, 3, 4] as const;
export type CatalogLevel = (typeof CATALOG_LEVELS)[number];

/** The ten categories, by their GB/T 28448 test-id codes; the first five are technical. */
export const REQUIREMENT_CATEGORIES = [
  'PES', // 安全物理环境
  'CNS', // 安全通信网络
  'ABS', // 安全区域边界
  'CES', // 安全计算环境
  'SMC', // 安全管理中心
  'PSS', // 安全管理制度
  'ORS', // 安全管理机构
  'HRS', // 安全管理人员
  'CMS', // 安全建设管理
  'MMS', // 安全运维管理
] as const;
export type RequirementCategory = (typeof REQUIREMENT_CATEGORIES)[number];

export const TECHNICAL_CATEGORIES: readonly RequirementCategory[] = [
  'PES',
  'CNS',
  'ABS',
  'CES',
  'SMC',
];

/** 安全通用要求 and the extensions (chapters x.2–x.5 and Annex H for big data). */
export const EXTENSIONS = ['general', 'cloud', 'mobile', 'iot', 'ics', 'big_data'] as const;
export type Extension = (typeof EXTENSIONS)[number];

/** GB/T 28448 test methods: 访谈, 核查, 测试. */
export const ASSESSMENT_METHODS = ['interview', 'inspect', 'test'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

/** Who answers a cloud item: the cloud service provider, the tenant, or both. */
export const CLOUD_RESPONSIBILITIES = ['provider', 'tenant', 'both'] as const;
export type CloudResponsibility = (typeof CLOUD_RESPONSIBILITIES)[number];

const text = z.string().trim().min(1, 'must not be empty');

/** Chinese and English text; both are required. */
export const BilingualSchema = z.strictObject({ zh: text, en: text });
export type Bilingual = z.infer<typeof BilingualSchema>;

/** Where a record comes from: status (confirmed, derived or unverified against the public source) and source keys. */
export const ProvenanceSchema = z.strictObject({
  status: z.enum(VERIFICATION_STATUSES),
  /** Keys of the file's `sources` map. */
  sources: z.array(text).min(1, 'name at least one source key'),
  note: BilingualSchema.optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** A clause number such as `8.1.4.1`, `9.2.3.2` or, for Annex H, `H.3.3.1`. */
export const ClauseSchema = z
  .string()
  .regex(/^(?:\d+|[A-H])(?:\.\d+)+$/, 'must be a clause number such as 8.1.4.1 or H.3.3.1');

/** Control-point id: its clause at the anchor level. */
export const ControlPointIdSchema = ClauseSchema;

/** Requirement id: anchor clause + item letter, e.g. `8.1.4.1-a`. */
export const RequirementIdSchema = z
  .string()
  .regex(/^(?:\d+|[A-H])(?:\.\d+)+-[a-z]$/, 'must be a clause plus item letter such as 8.1.4.1-a');

/** GB/T 28448-2019 test-item id, e.g. `L3-CES1-04`. */
export const TestIdSchema = z
  .string()
  .regex(
    /^L[1-4]-(?:PES|CNS|ABS|CES|SMC|PSS|ORS|HRS|CMS|MMS)[1-5]-\d{2}$/,
    'must look like L3-CES1-04',
  );

/** Item weight seen in assessment practice (1.0 key / 0.7 important / 0.4 general). */
export const WeightSchema = z.strictObject({
  value: z.union([z.literal(1), z.literal(0.7), z.literal(0.4)]),
  source: text,
});

/** How one requirement applies at one level. */
export const LevelEntrySchema = z.strictObject({
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  /** Item letter within the control point at this level. */
  item: z.string().regex(/^[a-z]$/, 'must be one lower-case letter'),
  testId: TestIdSchema.optional(),
  weight: WeightSchema.optional(),
  /** Our own words for what this level asks, where it differs from the requirement summary. */
  wording: BilingualSchema.optional(),
});
export type LevelEntry = z.infer<typeof LevelEntrySchema>;

export const RequirementSchema = z.strictObject({
  id: RequirementIdSchema,
  title: BilingualSchema,
  summary: BilingualSchema,
  methods: z.array(z.enum(ASSESSMENT_METHODS)).min(1, 'name at least one assessment method'),
  evidence: z.array(BilingualSchema).min(1, 'name at least one kind of typical evidence'),
  responsibility: z.enum(CLOUD_RESPONSIBILITIES).optional(),
  levels: z.array(LevelEntrySchema).min(1, 'a requirement applies to at least one level'),
  provenance: ProvenanceSchema.optional(),
});
export type Requirement = z.infer<typeof RequirementSchema>;

export const ControlPointSchema = z.strictObject({
  id: ControlPointIdSchema,
  category: z.enum(REQUIREMENT_CATEGORIES),
  title: BilingualSchema,
  /** The control point's clause at each level where it exists, e.g. `{ 2: 7.1.4.1, 3: 8.1.4.1 }`. */
  clauses: z.partialRecord(z.enum(['1', '2', '3', '4']), ClauseSchema),
  provenance: ProvenanceSchema,
  requirements: z.array(RequirementSchema).min(1, 'a control point has at least one item'),
});
export type ControlPoint = z.infer<typeof ControlPointSchema>;

/**
 * How completely a file covers one level: `sourced` (every item seen in a source), `unverified`
 * (items present but some only from recollection), `incomplete` (items known to be missing),
 * `missing` (none included). Baselines surface everything but `sourced` as a gap.
 */
export const COVERAGE_STATUSES = ['sourced', 'unverified', 'incomplete', 'missing'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export const LevelCoverageSchema = z.strictObject({
  status: z.enum(COVERAGE_STATUSES),
  note: BilingualSchema.optional(),
});
export type LevelCoverage = z.infer<typeof LevelCoverageSchema>;

/** One requirements file: one extension (or part of the general requirements). */
export const RequirementsFileSchema = z.strictObject({
  kind: z.literal('requirements'),
  extension: z.enum(EXTENSIONS),
  /** Coverage of every level 1–4, stated explicitly so gaps are never silent. */
  coverage: z.strictObject({
    '1': LevelCoverageSchema,
    '2': LevelCoverageSchema,
    '3': LevelCoverageSchema,
    '4': LevelCoverageSchema,
  }),
  /** Source keys used in this file → what the source is (zh and en). */
  sources: z.record(text, BilingualSchema),
  controlPoints: z.array(ControlPointSchema),
});
export type RequirementsFile = z.infer<typeof RequirementsFileSchema>;

/** Conditions in the high-risk guide's scope beyond the level (业务连续性要求高, 关键行业 …). */
export const HIGH_RISK_CONDITIONS = [
  'high_continuity',
  'key_industry',
  'cloud_platform',
  'cloud_tenant',
  'internet_facing',
] as const;
export type HighRiskCondition = (typeof HIGH_RISK_CONDITIONS)[number];

export const HighRiskCaseSchema = z.strictObject({
  /** The guide's own case number, e.g. `6.4.1.1`. */
  id: z.string().regex(/^\d+(?:\.\d+)+$/, 'must be the guide case number such as 6.4.1.1'),
  extension: z.enum(EXTENSIONS),
  title: BilingualSchema,
  requirements: z.array(RequirementIdSchema).min(1, 'link at least one requirement'),
  minLevel: z.union([z.literal(2), z.literal(3), z.literal(4)]),
  conditions: z.array(z.enum(HIGH_RISK_CONDITIONS)),
  /** Any one symptom can make the tested object high risk. */
  symptoms: z.array(BilingualSchema).min(1),
  /** Measures that may lower the rating; empty means none (always high risk). */
  mitigations: z.array(BilingualSchema),
  /**
   * The linked requirement's 不符合 is itself the case's symptom (a default or weak password, clear
   * text, an unpatched exploitable vulnerability): 高风险 is suggested without a ticked symptom.
   */
  failureIsSymptom: z.boolean().optional(),
  provenance: ProvenanceSchema,
});
export type HighRiskCase = z.infer<typeof HighRiskCaseSchema>;

export const HighRiskGuideFileSchema = z.strictObject({
  kind: z.literal('high-risk-guide'),
  title: BilingualSchema,
  sources: z.record(text, BilingualSchema),
  cases: z.array(HighRiskCaseSchema),
});
export type HighRiskGuideFile = z.infer<typeof HighRiskGuideFileSchema>;

export const MajorRiskTriggerSchema = z.strictObject({
  id: z.string().regex(/^A-\d{2}$/, 'must look like A-01'),
  category: z.enum([...REQUIREMENT_CATEGORIES, 'comprehensive']),
  extension: z.enum(EXTENSIONS),
  title: BilingualSchema,
  summary: BilingualSchema,
  /** Requirements whose failure can trigger it; comprehensive triggers may list several. */
  requirements: z.array(RequirementIdSchema),
  /** High-risk guide cases it corresponds to. */
  highRiskCases: z.array(z.string()),
  provenance: ProvenanceSchema,
});
export type MajorRiskTrigger = z.infer<typeof MajorRiskTriggerSchema>;

export const MajorRiskTriggersFileSchema = z.strictObject({
  kind: z.literal('major-risk-triggers'),
  title: BilingualSchema,
  effectiveFrom: z.iso.date(),
  sources: z.record(text, BilingualSchema),
  triggers: z.array(MajorRiskTriggerSchema),
});
export type MajorRiskTriggersFile = z.infer<typeof MajorRiskTriggersFileSchema>;

/** How a requirement relates to a control of another catalog (after OSCAL's mapping model). */
export const CROSSWALK_RELATIONS = ['equal', 'subset', 'superset', 'intersect'] as const;
export type CrosswalkRelation = (typeof CROSSWALK_RELATIONS)[number];

export const CrosswalkFileSchema = z.strictObject({
  kind: z.literal('crosswalk'),
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: BilingualSchema,
  /** The other catalog: its name and the controls the mappings point at. */
  target: z.strictObject({
    catalog: text,
    title: BilingualSchema,
    controls: z.array(z.strictObject({ id: text, title: BilingualSchema })),
  }),
  provenance: ProvenanceSchema,
  sources: z.record(text, BilingualSchema),
  mappings: z.array(
    z.strictObject({
      requirement: RequirementIdSchema,
      target: text,
      /** Read as: the GB/T 22239 requirement is <relation> the target control. */
      relation: z.enum(CROSSWALK_RELATIONS),
      /** How much of the GB/T 22239 requirement the target control covers. */
      coverage: z.enum(['full', 'partial']),
      note: BilingualSchema.optional(),
    }),
  ),
});
export type CrosswalkFile = z.infer<typeof CrosswalkFileSchema>;

/**
 * The catalog's own header (exactly one file, 00-catalog.yaml): which standard, the data's human
 * version and its changelog, newest first. See CONTRIBUTING.md for when to bump it.
 */
export const CatalogHeaderFileSchema = z.strictObject({
  kind: z.literal('catalog'),
  standard: z.literal('GB/T 22239-2019'),
  ...CATALOG_METADATA_FIELDS,
});
export type CatalogHeaderFile = z.infer<typeof CatalogHeaderFileSchema>;

/** Any catalog file, told apart by `kind`. */
export const CatalogFileSchema = z.discriminatedUnion('kind', [
  CatalogHeaderFileSchema,
  RequirementsFileSchema,
  HighRiskGuideFileSchema,
  MajorRiskTriggersFileSchema,
  CrosswalkFileSchema,
]);
export type CatalogFile = z.infer<typeof CatalogFileSchema>;
