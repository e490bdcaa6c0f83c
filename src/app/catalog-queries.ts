/**
 * Read models over the GB/T 22239 catalog shared by the API and the CLI: summary counts,
 * filtered and searched item lists, one requirement in full, baselines, the high-risk guide and
 * the major-risk triggers. All take the catalog as an argument, so tests can pass their own.
 */
import {
  kindOfCategory,
  type CatalogLevel,
  type CatalogRequirement,
  type Extension,
  type HighRiskCase,
  type LevelCoverageRecord,
  type MajorRiskTrigger,
  type MlpsCatalog,
  type Provenance,
  type RequirementCategory,
} from '../catalogs/mlps-catalog.model';
import {
  CATALOG_LEVELS,
  EXTENSIONS,
  REQUIREMENT_CATEGORIES,
} from '../catalogs/mlps-catalog.schema';
import {
  baselineFor,
  type Baseline,
  type BaselineItem,
  type CloudRole,
} from '../domain/mlps/baseline';
import type {
  BaselineDto,
  CatalogCountDto,
  CatalogGapDto,
  CatalogItemDto,
  CatalogRequirementDetailDto,
  CatalogSummaryDto,
  HighRiskCaseDto,
  MajorRiskTriggerDto,
  ProvenanceDto,
} from '../shared/api-types';
import type { ProtectionLevel } from '../shared/mlps';
import { CATEGORY } from '../shared/vocabulary';

export interface CatalogItemFilter {
  readonly level: CatalogLevel;
  /** Extensions to show; omitted = all. */
  readonly extensions?: readonly Extension[] | undefined;
  readonly category?: RequirementCategory | undefined;
  /** Words that must all appear (id, clause, test id, Chinese or English text). */
  readonly query?: string | undefined;
}

/** Counts per level × extension × category, guide and trigger counts, crosswalks. */
export function catalogSummary(catalog: MlpsCatalog): CatalogSummaryDto {
  const counts: CatalogCountDto[] = [];
  for (const level of CATALOG_LEVELS) {
    for (const extension of EXTENSIONS) {
      const byCategory: Partial<Record<RequirementCategory, number>> = {};
      const points = new Set<string>();
      let items = 0;
      for (const requirement of catalog.requirements) {
        if (requirement.extension !== extension) continue;
        if (!requirement.levels.some((entry) => entry.level === level)) continue;
        items += 1;
        points.add(requirement.controlPointId);
        byCategory[requirement.category] = (byCategory[requirement.category] ?? 0) + 1;
      }
      if (items > 0)
        counts.push({ level, extension, items, controlPoints: points.size, byCategory });
    }
  }
  const provenance = { confirmed: 0, derived: 0, unverified: 0 };
  for (const requirement of catalog.requirements) provenance[requirement.provenance.status] += 1;
  const highRiskCasesByExtension: Partial<Record<Extension, number>> = {};
  for (const c of catalog.highRiskCases) {
    highRiskCasesByExtension[c.extension] = (highRiskCasesByExtension[c.extension] ?? 0) + 1;
  }
  return {
    standard: catalog.standard,
    version: catalog.version,
    changelog: catalog.changelog.map((e) => ({ ...e })),
    sourceHash: catalog.sourceHash,
    counts,
    highRiskCases: catalog.highRiskCases.length,
    highRiskCasesByExtension,
    majorRiskTriggers: catalog.majorRiskTriggers.length,
    majorRiskEffectiveFrom: catalog.majorRiskEffectiveFrom,
    crosswalks: catalog.crosswalks.map((c) => ({
      id: c.id,
      title: c.title,
      catalog: c.catalog,
      mappings: c.mappingCount,
      provenance: provenanceDto(catalog, c.provenance),
    })),
    provenance,
    coverage: catalog.coverage.map(gapDto),
  };
}

function gapDto(c: LevelCoverageRecord): CatalogGapDto {
  return { extension: c.extension, level: c.level, status: c.status, note: c.note ?? null };
}

/** The items of one level, filtered and searched, in the standard's order. */
export function listCatalogItems(
  catalog: MlpsCatalog,
  filter: CatalogItemFilter,
): CatalogItemDto[] {
  const extensions = filter.extensions === undefined ? undefined : new Set(filter.extensions);
  const words = searchWords(filter.query);
  const out: CatalogItemDto[] = [];
  for (const requirement of catalog.requirements) {
    if (extensions !== undefined && !extensions.has(requirement.extension)) continue;
    if (filter.category !== undefined && requirement.category !== filter.category) continue;
    const entry = requirement.levels.find((e) => e.level === filter.level);
    if (entry === undefined) continue;
    const clause = catalog.controlPointById.get(requirement.controlPointId)?.clauses[filter.level];
    if (clause === undefined) continue;
    const item = itemDto(catalog, { requirement, entry, clause });
    if (words.length > 0 && !matches(item, requirement, words)) continue;
    out.push(item);
  }
  return out;
}

/** One requirement with every level, guide cases, triggers and crosswalk mappings. */
export function requirementDetail(
  catalog: MlpsCatalog,
  id: string,
): CatalogRequirementDetailDto | undefined {
  const requirement = catalog.requirementById.get(id);
  if (requirement === undefined) return undefined;
  const controlPoint = catalog.controlPointById.get(requirement.controlPointId);
  const clauses = controlPoint?.clauses ?? {};
  return {
    id: requirement.id,
    controlPoint: {
      id: requirement.controlPointId,
      title: controlPoint?.title ?? requirement.title,
      clauses: Object.fromEntries(Object.entries(clauses).map(([k, v]) => [k, v])),
    },
    extension: requirement.extension,
    category: requirement.category,
    kind: requirement.kind,
    title: requirement.title,
    summary: requirement.summary,
    methods: [...requirement.methods],
    evidence: [...requirement.evidence],
    responsibility: requirement.responsibility ?? null,
    levels: requirement.levels.map((entry) => ({
      level: entry.level,
      clause: clauses[entry.level] ?? '',
      item: entry.item,
      testId: entry.testId ?? null,
      weight: entry.weight ?? null,
      wording: entry.wording ?? null,
    })),
    provenance: provenanceDto(catalog, requirement.provenance),
    highRiskCases: (catalog.highRiskCasesByRequirement.get(id) ?? []).map((c) =>
      highRiskCaseDto(catalog, c),
    ),
    majorRiskTriggers: (catalog.majorRiskTriggersByRequirement.get(id) ?? []).map((t) =>
      majorRiskTriggerDto(catalog, t),
    ),
    alsoSatisfies: (catalog.mappingsByRequirement.get(id) ?? []).map((m) => ({
      crosswalkId: m.crosswalkId,
      catalog: m.catalog,
      controlId: m.target.id,
      controlTitle: m.target.title,
      relation: m.relation,
      coverage: m.coverage,
      note: m.note ?? null,
    })),
  };
}

export function catalogBaseline(
  catalog: MlpsCatalog,
  level: ProtectionLevel,
  extensions: readonly Extension[],
  cloudRole?: CloudRole,
): BaselineDto {
  return baselineDto(catalog, baselineFor(catalog, level, extensions, { cloudRole }));
}

export function baselineDto(catalog: MlpsCatalog, baseline: Baseline): BaselineDto {
  return {
    level: baseline.level,
    requirementsLevel: baseline.requirementsLevel,
    extensions: [...baseline.extensions],
    cloudRole: baseline.cloudRole ?? null,
    note: baseline.note ?? null,
    gaps: baseline.gaps.map(gapDto),
    counts: {
      items: baseline.counts.items,
      controlPoints: baseline.counts.controlPoints,
      byKind: { ...baseline.counts.byKind },
      byExtension: { ...baseline.counts.byExtension },
      byCategory: { ...baseline.counts.byCategory },
    },
    items: baseline.items.map((item) => itemDto(catalog, item)),
  };
}

export function highRiskCaseList(catalog: MlpsCatalog): HighRiskCaseDto[] {
  return catalog.highRiskCases.map((c) => highRiskCaseDto(catalog, c));
}

export function majorRiskTriggerList(catalog: MlpsCatalog): MajorRiskTriggerDto[] {
  return catalog.majorRiskTriggers.map((t) => majorRiskTriggerDto(catalog, t));
}

// --- internals -------------------------------------------------------------------------------

function itemDto(
  catalog: MlpsCatalog,
  { requirement, entry, clause }: BaselineItem,
): CatalogItemDto {
  const controlPoint = catalog.controlPointById.get(requirement.controlPointId);
  return {
    id: requirement.id,
    controlPointId: requirement.controlPointId,
    controlPointTitle: controlPoint?.title ?? requirement.title,
    extension: requirement.extension,
    category: requirement.category,
    kind: kindOfCategory(requirement.category),
    level: entry.level,
    clause: `${clause} ${entry.item})`,
    item: entry.item,
    testId: entry.testId ?? null,
    weight: entry.weight ?? null,
    title: requirement.title,
    summary: entry.wording ?? requirement.summary,
    methods: [...requirement.methods],
    responsibility: requirement.responsibility ?? null,
    provenanceStatus: requirement.provenance.status,
    highRiskCaseIds: (catalog.highRiskCasesByRequirement.get(requirement.id) ?? [])
      .filter((c) => c.minLevel <= entry.level)
      .map((c) => c.id),
    majorRiskTriggerIds: (catalog.majorRiskTriggersByRequirement.get(requirement.id) ?? []).map(
      (t) => t.id,
    ),
    alsoSatisfies: (catalog.mappingsByRequirement.get(requirement.id) ?? []).map((m) => ({
      catalog: m.catalog,
      controlId: m.target.id,
      relation: m.relation,
      coverage: m.coverage,
    })),
  };
}

function highRiskCaseDto(catalog: MlpsCatalog, c: HighRiskCase): HighRiskCaseDto {
  return {
    id: c.id,
    extension: c.extension,
    title: c.title,
    requirementIds: [...c.requirements],
    minLevel: c.minLevel,
    conditions: [...c.conditions],
    symptoms: [...c.symptoms],
    mitigations: [...c.mitigations],
    provenance: provenanceDto(catalog, c.provenance),
  };
}

function majorRiskTriggerDto(catalog: MlpsCatalog, t: MajorRiskTrigger): MajorRiskTriggerDto {
  return {
    id: t.id,
    category: t.category,
    extension: t.extension,
    title: t.title,
    summary: t.summary,
    requirementIds: [...t.requirements],
    highRiskCaseIds: [...t.highRiskCases],
    provenance: provenanceDto(catalog, t.provenance),
  };
}

function provenanceDto(catalog: MlpsCatalog, provenance: Provenance): ProvenanceDto {
  return {
    status: provenance.status,
    sources: provenance.sources.map((key) => ({
      key,
      description: catalog.sources[key] ?? { zh: key, en: key },
    })),
    note: provenance.note ?? null,
  };
}

function searchWords(query: string | undefined): string[] {
  if (query === undefined) return [];
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

function matches(item: CatalogItemDto, requirement: CatalogRequirement, words: string[]): boolean {
  const haystack = [
    item.id,
    item.clause,
    item.testId ?? '',
    item.controlPointTitle.zh,
    item.controlPointTitle.en,
    requirement.title.zh,
    requirement.title.en,
    requirement.summary.zh,
    requirement.summary.en,
    item.summary.zh,
    item.summary.en,
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

const EXTENSION_LABELS: Record<Extension, string> = {
  general: '安全通用要求 general',
  cloud: '云计算 cloud',
  mobile: '移动互联 mobile internet',
  iot: '物联网 IoT',
  ics: '工业控制 industrial control',
  big_data: '大数据 big data (Annex H)',
};

const CATEGORY_LABELS: Record<RequirementCategory, string> = Object.fromEntries(
  REQUIREMENT_CATEGORIES.map((c) => [c, `${c} ${CATEGORY[c].zh}`]),
) as Record<RequirementCategory, string>;

/**
 * The README's count tables (items and control points per level and extension; general items
 * per category). A test keeps the README equal to this, so the stated counts are the data's.
 */
export function catalogCountsMarkdown(summary: CatalogSummaryDto): string {
  const cell = (level: number, extension: Extension) => {
    const c = summary.counts.find((x) => x.level === level && x.extension === extension);
    return c === undefined ? '—' : `${c.items} (${c.controlPoints})`;
  };
  const lines = [
    '| Items (control points) | Level 1 | Level 2 | Level 3 | Level 4 |',
    '|---|---|---|---|---|',
    ...EXTENSIONS.map(
      (e) => `| ${EXTENSION_LABELS[e]} | ${CATALOG_LEVELS.map((l) => cell(l, e)).join(' | ')} |`,
    ),
    '',
    '| General items per category | Level 1 | Level 2 | Level 3 | Level 4 |',
    '|---|---|---|---|---|',
    ...(Object.keys(CATEGORY_LABELS) as RequirementCategory[]).map((category) => {
      const values = CATALOG_LEVELS.map((level) => {
        const c = summary.counts.find((x) => x.level === level && x.extension === 'general');
        return String(c?.byCategory[category] ?? 0);
      });
      return `| ${CATEGORY_LABELS[category]} | ${values.join(' | ')} |`;
    }),
  ];
  return lines.join('\n');
}
