/**
 * Zod schema of the data-classification catalog (src/catalogs/data-classification/*.yaml): the
 * GB/T 43697-2024 grading table (impact object × degree of harm → 核心/重要/一般数据), the sector
 * keys, and the published sector catalogues (GB/T 39725-2020 health data, the 2021 automotive
 * provisions, the MIIT industry measures, GB/T 43697 Annex G) with their entries.
 *
 * One file carries `version` and `changelog` (like the knowledge base); any file may carry
 * `gradeRules`, `sectors` and `catalogues`. Cross-record checks (citations resolve in the
 * knowledge base, unique ids, the table complete, sectors known) live in data-classification.ts.
 */
import { z } from 'zod';
import { DATA_GRADES, HARM_LEVELS, IMPACT_OBJECTS } from '../shared/data-security-schemas';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { CitationSchema, IsoDateSchema, VERIFICATION_STATUSES } from './knowledge-base.schema';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `is limited to ${max} characters`);
const han = (max: number) =>
  text(max).refine((value) => /\p{Script=Han}/u.test(value), 'must be written in Chinese');

/** Lower-case ASCII words joined by "-", e.g. `gbt39725-health`, `personal-info-100k`. */
export const ClassificationIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case ASCII words joined by "-"')
  .max(60, 'is limited to 60 characters');

export const ProvenanceSchema = z.enum(VERIFICATION_STATUSES);

/** One cell of the GB/T 43697-2024 grading table. */
export const GradeRuleSchema = z.strictObject({
  object: z.enum(IMPACT_OBJECTS),
  degree: z.enum(HARM_LEVELS),
  grade: z.enum(DATA_GRADES),
  provenance: ProvenanceSchema,
});
export type GradeRuleRecord = z.infer<typeof GradeRuleSchema>;

export const SectorSchema = z.strictObject({
  key: ClassificationIdSchema,
  nameZh: han(40),
  nameEn: text(80),
});
export type SectorRecord = z.infer<typeof SectorSchema>;

export const ThresholdSchema = z.strictObject({
  /** A count of individuals whose personal information the resource holds. */
  individuals: z.number().int().positive(),
  /** true: 以上 (the number itself counts); false: 超过 (more than the number). */
  inclusive: z.boolean(),
});

export const CatalogueEntrySchema = z.strictObject({
  id: ClassificationIdSchema,
  nameZh: han(80),
  nameEn: text(160),
  descriptionZh: han(400),
  descriptionEn: text(800),
  grade: z.enum(DATA_GRADES),
  /** The sector scheme's own level (GB/T 39725 第4级 …), or null. */
  sectorLevel: text(40).nullable(),
  /** Words (zh and en) that suggest the entry in a resource's name or description. */
  keywords: z.array(text(40)).max(40),
  /** Codes of src/catalogs/pi-categories that suggest it. */
  piCategories: z.array(text(60)).max(40),
  threshold: ThresholdSchema.nullable(),
  citation: CitationSchema,
  /** Defaults to the catalogue's provenance. */
  provenance: ProvenanceSchema.optional(),
});
export type CatalogueEntryRecord = z.infer<typeof CatalogueEntrySchema>;

export const SectorCatalogueSchema = z.strictObject({
  id: ClassificationIdSchema,
  titleZh: han(120),
  titleEn: text(240),
  sectors: z.array(ClassificationIdSchema).min(1, 'name at least one sector'),
  instrumentId: ClassificationIdSchema,
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.nullable(),
  provenance: ProvenanceSchema,
  /** How we read the catalogue against GB/T 43697-2024, both languages or neither. */
  noteZh: han(600).optional(),
  noteEn: text(1200).optional(),
  entries: z.array(CatalogueEntrySchema).min(1, 'a catalogue needs at least one entry'),
});
export type SectorCatalogueRecord = z.infer<typeof SectorCatalogueSchema>;

/** The shape of one data-classification YAML file. */
export const DataClassificationFileSchema = z.strictObject({
  version: CATALOG_METADATA_FIELDS.version.optional(),
  changelog: CATALOG_METADATA_FIELDS.changelog.optional(),
  gradeRules: z.array(GradeRuleSchema).optional(),
  sectors: z.array(SectorSchema).optional(),
  catalogues: z.array(SectorCatalogueSchema).optional(),
});
export type DataClassificationFile = z.infer<typeof DataClassificationFileSchema>;
