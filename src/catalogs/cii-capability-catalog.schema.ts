/**
 * Zod schemas and the loaded model of the GB/T 39204-2022 capability catalog
 * (src/catalogs/gbt39204/*.yaml): 关键信息基础设施安全保护要求, organised as the standard's six
 * activities — 分析识别, 安全防护, 检测评估, 监测预警, 主动防御, 事件处置 — each a chapter (6–11),
 * with clauses (`6.1`) and, where a source names them, lettered items (`7.9-j`).
 *
 * The official text was not available to us. Every node therefore carries provenance: `status`
 * (`confirmed` = the clause number and its topic were seen in a source; `derived` = the topic was
 * seen and the number follows from confirmed facts by our reasoning, stated in the note;
 * `unverified` = the number, and sometimes the topic, is our best reading and needs a check
 * against the standard), the source keys and a note saying what exactly was seen. Titles and
 * summaries are our own words (zh first, en beside), never the standard's text.
 *
 * Cross-file checks (unique ids, ids inside their chapter and clause, every chapter present,
 * source keys resolving) live in cii-capability-catalog.ts so every problem is reported at once.
 */
import { z } from 'zod';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { VERIFICATION_STATUSES, type VerificationStatus } from './knowledge-base.schema';

const text = z.string().trim().min(1, 'must not be empty');

/** Chinese and English text; both are required. */
export const BilingualSchema = z.strictObject({ zh: text, en: text });
export type Bilingual = z.infer<typeof BilingualSchema>;

/** Where a node comes from. Unlike the GB/T 22239 catalog, the note is required on every node. */
export const CapabilityProvenanceSchema = z.strictObject({
  status: z.enum(VERIFICATION_STATUSES),
  /** Keys of the `sources` map in standard.yaml. */
  sources: z.array(text).min(1, 'name at least one source key'),
  note: BilingualSchema,
});
export type CapabilityProvenance = z.infer<typeof CapabilityProvenanceSchema>;

/** The six chapters: the standard's activities in the order its scope lists them. */
export const CAPABILITY_CHAPTERS = [
  { id: '6', key: 'identification' },
  { id: '7', key: 'protection' },
  { id: '8', key: 'detection_evaluation' },
  { id: '9', key: 'monitoring_warning' },
  { id: '10', key: 'active_defence' },
  { id: '11', key: 'incident_handling' },
] as const;
export type CapabilityChapterId = (typeof CAPABILITY_CHAPTERS)[number]['id'];
export type CapabilityChapterKey = (typeof CAPABILITY_CHAPTERS)[number]['key'];

const CHAPTER_IDS = CAPABILITY_CHAPTERS.map((c) => c.id) as [
  CapabilityChapterId,
  ...CapabilityChapterId[],
];
const CHAPTER_KEYS = CAPABILITY_CHAPTERS.map((c) => c.key) as [
  CapabilityChapterKey,
  ...CapabilityChapterKey[],
];

/** A clause id such as `6.1` or `7.9`. */
export const CapabilityClauseIdSchema = z
  .string()
  .regex(/^(?:[6-9]|1[01])\.\d{1,2}$/, 'must be a clause of chapters 6–11 such as 6.1 or 7.9');

/** An item id: its clause plus the item letter, e.g. `7.9-j`. */
export const CapabilityItemIdSchema = z
  .string()
  .regex(/^(?:[6-9]|1[01])\.\d{1,2}-[a-z]$/, 'must be a clause plus item letter such as 7.9-j');

/** Any requirement id of the catalog (clause or item). */
export const CapabilityRequirementIdSchema = z
  .string()
  .regex(
    /^(?:[6-9]|1[01])\.\d{1,2}(?:-[a-z])?$/,
    'must be a GB/T 39204 clause or item id such as 6.1 or 7.9-j',
  );

/** A fact a source states about a clause (a number, a duty), recorded beside it. */
export const KeyPointSchema = z.strictObject({
  text: BilingualSchema,
  provenance: CapabilityProvenanceSchema,
});
export type KeyPoint = z.infer<typeof KeyPointSchema>;

/** A lettered item of a clause (`7.9-j`). Only items a source names are recorded. */
export const CapabilityItemSchema = z.strictObject({
  id: CapabilityItemIdSchema,
  title: BilingualSchema,
  summary: BilingualSchema,
  /** Typical evidence an evaluator asks for (our practice suggestion, not the standard's text). */
  evidence: z.array(BilingualSchema).min(1, 'name at least one kind of typical evidence'),
  provenance: CapabilityProvenanceSchema,
});
export type CapabilityItem = z.infer<typeof CapabilityItemSchema>;

export const CapabilityClauseSchema = z.strictObject({
  id: CapabilityClauseIdSchema,
  title: BilingualSchema,
  summary: BilingualSchema,
  /**
   * Whether the clause itself gets a result. A clause without items always does; a clause with
   * some sourced items does when the rest of it (items not sourced) must still be evaluated.
   */
  assessable: z.boolean(),
  evidence: z.array(BilingualSchema).min(1, 'name at least one kind of typical evidence'),
  keyPoints: z.array(KeyPointSchema).optional(),
  provenance: CapabilityProvenanceSchema,
  items: z.array(CapabilityItemSchema).optional(),
});
export type CapabilityClause = z.infer<typeof CapabilityClauseSchema>;

/** One chapter file (one activity). */
export const ChapterFileSchema = z.strictObject({
  kind: z.literal('chapter'),
  id: z.enum(CHAPTER_IDS),
  key: z.enum(CHAPTER_KEYS),
  title: BilingualSchema,
  summary: BilingualSchema,
  provenance: CapabilityProvenanceSchema,
  clauses: z.array(CapabilityClauseSchema).min(1, 'a chapter has at least one clause'),
});
export type ChapterFile = z.infer<typeof ChapterFileSchema>;

export const PrincipleSchema = z.strictObject({
  key: z.string().regex(/^[a-z_]+$/, 'must be a snake_case key'),
  title: BilingualSchema,
  summary: BilingualSchema,
});
export type Principle = z.infer<typeof PrincipleSchema>;

/** The standard itself: identity, dates, scope, basic principles and the source table. */
export const StandardFileSchema = z.strictObject({
  kind: z.literal('standard'),
  id: z.literal('GB/T 39204-2022'),
  /** Human version of the catalog data and its changelog, newest first (see CONTRIBUTING.md). */
  ...CATALOG_METADATA_FIELDS,
  title: BilingualSchema,
  publishedOn: z.iso.date(),
  effectiveFrom: z.iso.date(),
  scope: BilingualSchema,
  provenance: CapabilityProvenanceSchema,
  principles: z.strictObject({
    items: z.array(PrincipleSchema).min(1),
    provenance: CapabilityProvenanceSchema,
  }),
  /** Source keys used anywhere in the catalog → what the source is (zh and en). */
  sources: z.record(text, BilingualSchema),
});
export type StandardFile = z.infer<typeof StandardFileSchema>;

export const CapabilityCatalogFileSchema = z.discriminatedUnion('kind', [
  StandardFileSchema,
  ChapterFileSchema,
]);
export type CapabilityCatalogFile = z.infer<typeof CapabilityCatalogFileSchema>;

// --- the loaded model (what the loader returns and the domain reads) -------------------------

/** A node that can receive an evaluation result: a clause (when assessable) or an item. */
export interface CapabilityRequirement {
  readonly id: string;
  readonly kind: 'clause' | 'item';
  readonly chapterId: CapabilityChapterId;
  readonly clauseId: string;
  readonly title: Bilingual;
  readonly summary: Bilingual;
  readonly evidence: readonly Bilingual[];
  readonly provenance: CapabilityProvenance;
}

export interface CapabilityChapter {
  readonly id: CapabilityChapterId;
  readonly key: CapabilityChapterKey;
  readonly title: Bilingual;
  readonly summary: Bilingual;
  readonly provenance: CapabilityProvenance;
  readonly clauses: readonly CapabilityClause[];
  /** Assessable requirements of the chapter, in catalog order. */
  readonly requirements: readonly CapabilityRequirement[];
}

/** Counts of nodes (chapters, clauses, items) and key points per provenance status. */
export type ProvenanceCounts = Readonly<Record<VerificationStatus, number>>;

export interface CiiCapabilityCatalog {
  readonly standard: Omit<StandardFile, 'kind'>;
  readonly chapters: readonly CapabilityChapter[];
  /** Every assessable requirement in catalog order (chapter, clause, item). */
  readonly requirements: readonly CapabilityRequirement[];
  readonly requirementsById: ReadonlyMap<string, CapabilityRequirement>;
  /** Provenance of chapter, clause and item nodes, and separately of key points. */
  readonly provenanceCounts: {
    readonly nodes: ProvenanceCounts;
    readonly keyPoints: ProvenanceCounts;
  };
  /**
   * SHA-256 of canonical JSON of the parsed files (fixed on every evaluation). Comments and
   * layout do not change it; any data change does.
   */
  readonly sourceHash: string;
}
