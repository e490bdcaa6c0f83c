/**
 * The validated GB/T 22239-2019 catalog as the rest of dengbao sees it: flat, indexed lists of
 * control points, requirement items, high-risk cases, major-risk triggers and crosswalks.
 * Pure data types plus {@link indexCatalog}; no file access (see mlps-catalog.ts for loading).
 */
import type { ChangelogEntry } from './catalog-metadata';
import type {
  AssessmentMethod,
  Bilingual,
  CatalogLevel,
  CloudResponsibility,
  CoverageStatus,
  CrosswalkRelation,
  Extension,
  HighRiskCase,
  LevelEntry,
  MajorRiskTrigger,
  Provenance,
  RequirementCategory,
} from './mlps-catalog.schema';
import { TECHNICAL_CATEGORIES } from './mlps-catalog.schema';

export type {
  AssessmentMethod,
  Bilingual,
  CatalogLevel,
  CloudResponsibility,
  Extension,
  HighRiskCase,
  LevelEntry,
  MajorRiskTrigger,
  Provenance,
  RequirementCategory,
};

/** 技术要求 or 管理要求. */
export type RequirementKind = 'technical' | 'management';

export function kindOfCategory(category: RequirementCategory): RequirementKind {
  return TECHNICAL_CATEGORIES.includes(category) ? 'technical' : 'management';
}

export interface CatalogControlPoint {
  readonly id: string;
  readonly extension: Extension;
  readonly category: RequirementCategory;
  readonly kind: RequirementKind;
  readonly title: Bilingual;
  /** Clause at each level where the control point exists. */
  readonly clauses: Partial<Record<CatalogLevel, string>>;
  readonly provenance: Provenance;
  readonly requirementIds: readonly string[];
  /** File it came from (for error messages and provenance display). */
  readonly file: string;
}

export interface CatalogRequirement {
  readonly id: string;
  readonly controlPointId: string;
  readonly extension: Extension;
  readonly category: RequirementCategory;
  readonly kind: RequirementKind;
  readonly title: Bilingual;
  readonly summary: Bilingual;
  readonly methods: readonly AssessmentMethod[];
  readonly evidence: readonly Bilingual[];
  readonly responsibility?: CloudResponsibility | undefined;
  readonly levels: readonly LevelEntry[];
  /** The requirement's own provenance, or its control point's. */
  readonly provenance: Provenance;
  /** Position in catalog order (standard order), for stable sorting. */
  readonly order: number;
}

export interface CrosswalkControl {
  readonly id: string;
  readonly title: Bilingual;
}

export interface CrosswalkMapping {
  readonly crosswalkId: string;
  readonly catalog: string;
  readonly requirementId: string;
  readonly target: CrosswalkControl;
  readonly relation: CrosswalkRelation;
  readonly coverage: 'full' | 'partial';
  readonly note?: Bilingual | undefined;
}

export interface Crosswalk {
  readonly id: string;
  readonly title: Bilingual;
  readonly catalog: string;
  readonly catalogTitle: Bilingual;
  readonly provenance: Provenance;
  readonly mappingCount: number;
}

/** How completely one file covers one level (never `sourced` silently when it is not). */
export interface LevelCoverageRecord {
  readonly extension: Extension;
  readonly level: CatalogLevel;
  readonly status: CoverageStatus;
  readonly note?: Bilingual | undefined;
  readonly file: string;
}

/** Source keys of every file, so a provenance can be shown with what its keys mean. */
export type SourceDirectory = Readonly<Record<string, Bilingual>>;

export interface MlpsCatalog {
  readonly standard: 'GB/T 22239-2019';
  /** Human version of the data (00-catalog.yaml) and its changelog, newest first. */
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  /**
   * SHA-256 of canonical JSON of the parsed catalog files: the catalog version an assessment's
   * baseline records. Comments and layout do not change it; any data change does.
   */
  readonly sourceHash: string;
  readonly controlPoints: readonly CatalogControlPoint[];
  readonly requirements: readonly CatalogRequirement[];
  readonly highRiskCases: readonly HighRiskCase[];
  readonly majorRiskTriggers: readonly MajorRiskTrigger[];
  readonly majorRiskEffectiveFrom: string | null;
  readonly crosswalks: readonly Crosswalk[];
  readonly coverage: readonly LevelCoverageRecord[];
  readonly sources: SourceDirectory;
  readonly controlPointById: ReadonlyMap<string, CatalogControlPoint>;
  readonly requirementById: ReadonlyMap<string, CatalogRequirement>;
  readonly highRiskCasesByRequirement: ReadonlyMap<string, readonly HighRiskCase[]>;
  readonly majorRiskTriggersByRequirement: ReadonlyMap<string, readonly MajorRiskTrigger[]>;
  readonly mappingsByRequirement: ReadonlyMap<string, readonly CrosswalkMapping[]>;
}

/** Builds the lookup maps over already-validated lists. */
export function indexCatalog(parts: {
  controlPoints: readonly CatalogControlPoint[];
  requirements: readonly CatalogRequirement[];
  highRiskCases: readonly HighRiskCase[];
  majorRiskTriggers: readonly MajorRiskTrigger[];
  majorRiskEffectiveFrom: string | null;
  crosswalks: readonly Crosswalk[];
  mappings: readonly CrosswalkMapping[];
  coverage: readonly LevelCoverageRecord[];
  sources: SourceDirectory;
  sourceHash: string;
  version: string;
  changelog: readonly ChangelogEntry[];
}): MlpsCatalog {
  const group = <T>(items: readonly T[], keys: (item: T) => readonly string[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      for (const key of keys(item)) {
        const list = map.get(key);
        if (list === undefined) map.set(key, [item]);
        else list.push(item);
      }
    }
    return map;
  };
  return {
    standard: 'GB/T 22239-2019',
    version: parts.version,
    changelog: parts.changelog,
    sourceHash: parts.sourceHash,
    controlPoints: parts.controlPoints,
    requirements: parts.requirements,
    highRiskCases: parts.highRiskCases,
    majorRiskTriggers: parts.majorRiskTriggers,
    majorRiskEffectiveFrom: parts.majorRiskEffectiveFrom,
    crosswalks: parts.crosswalks,
    coverage: parts.coverage,
    sources: parts.sources,
    controlPointById: new Map(parts.controlPoints.map((cp) => [cp.id, cp])),
    requirementById: new Map(parts.requirements.map((r) => [r.id, r])),
    highRiskCasesByRequirement: group(parts.highRiskCases, (c) => c.requirements),
    majorRiskTriggersByRequirement: group(parts.majorRiskTriggers, (t) => t.requirements),
    mappingsByRequirement: group(parts.mappings, (m) => [m.requirementId]),
  };
}

/** The level at which a requirement's id is anchored: 3 if present, else 4, 2, 1. */
export function anchorLevel(levels: readonly CatalogLevel[]): CatalogLevel | undefined {
  for (const level of [3, 4, 2, 1] as const) if (levels.includes(level)) return level;
  return undefined;
}
