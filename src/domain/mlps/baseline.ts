/**
 * Baselines: the GB/T 22239-2019 requirement items a system must meet, chosen by its level and
 * the extensions its grading-object types call for (GB/T 22239-2019 Annex A: general
 * requirements always, plus the extension of each technology or scenario the object uses).
 */
import type {
  Bilingual,
  CatalogLevel,
  CatalogRequirement,
  Extension,
  LevelCoverageRecord,
  LevelEntry,
  MlpsCatalog,
  RequirementCategory,
  RequirementKind,
} from '../../catalogs/mlps-catalog.model';
import type { ProtectionLevel, SystemType } from '../../shared/mlps';

/** Which side of a cloud a system is on; selects cloud items by who answers them. */
export type CloudRole = 'provider' | 'tenant';

export interface BaselineOptions {
  /** Cloud platform (provider) or system on a cloud (tenant); omitted = every cloud item. */
  readonly cloudRole?: CloudRole | undefined;
}

/** One requirement as it applies at the baseline's level. */
export interface BaselineItem {
  readonly requirement: CatalogRequirement;
  /** The requirement's entry at this level (item letter, test id, weight, wording). */
  readonly entry: LevelEntry;
  /** Control-point clause at this level, e.g. `8.1.4.1`. */
  readonly clause: string;
}

export interface Baseline {
  /** The level asked for. */
  readonly level: ProtectionLevel;
  /** The level whose requirements apply (level 5 uses level 4's; see `note`). */
  readonly requirementsLevel: CatalogLevel;
  readonly extensions: readonly Extension[];
  readonly cloudRole?: CloudRole | undefined;
  readonly items: readonly BaselineItem[];
  readonly counts: BaselineCounts;
  /** Parts of this baseline the catalog does not fully source (unverified, incomplete, missing). */
  readonly gaps: readonly LevelCoverageRecord[];
  /** Set when the baseline is not simply "the level's requirements". */
  readonly note?: Bilingual | undefined;
}

export interface BaselineCounts {
  readonly items: number;
  readonly controlPoints: number;
  readonly byKind: Readonly<Record<RequirementKind, number>>;
  readonly byExtension: Readonly<Partial<Record<Extension, number>>>;
  readonly byCategory: Readonly<Partial<Record<RequirementCategory, number>>>;
}

/**
 * The extensions and cloud role implied by a system's grading-object types.
 *
 * @example extensionsForSystemTypes(['cloud_tenant_system', 'mobile_internet_system'])
 * // { extensions: ['cloud', 'mobile'], cloudRole: 'tenant' }
 */
export function extensionsForSystemTypes(types: readonly SystemType[]): {
  extensions: Extension[];
  cloudRole?: CloudRole;
} {
  const extensions = new Set<Extension>();
  const provider = types.includes('cloud_platform');
  const tenant = types.includes('cloud_tenant_system');
  if (provider || tenant) extensions.add('cloud');
  if (types.includes('mobile_internet_system')) extensions.add('mobile');
  if (types.includes('iot')) extensions.add('iot');
  if (types.includes('industrial_control')) extensions.add('ics');
  if (types.includes('big_data_platform')) extensions.add('big_data');
  const ordered = EXTENSION_ORDER.filter((e) => extensions.has(e));
  // A system that is both platform and tenant answers every cloud item.
  if (provider !== tenant)
    return { extensions: ordered, cloudRole: provider ? 'provider' : 'tenant' };
  return { extensions: ordered };
}

/**
 * The requirement items a system of `level` with `extensions` must meet, in the standard's
 * order. General requirements are always included. Level 5 has no published requirements in
 * GB/T 22239-2019; per 公网安〔2025〕1846号 Q10 it is assessed against level 4's, so level 5
 * returns the level-4 baseline with a note.
 *
 * @example baselineFor(catalog, 3, ['cloud'], { cloudRole: 'tenant' }).counts.items
 */
export function baselineFor(
  catalog: MlpsCatalog,
  level: ProtectionLevel,
  extensions: readonly Extension[],
  options: BaselineOptions = {},
): Baseline {
  const requirementsLevel: CatalogLevel = level === 5 ? 4 : level;
  const wanted = new Set<Extension>(['general', ...extensions]);
  const byLevel = levelIndex(catalog).get(requirementsLevel) ?? [];
  const items: BaselineItem[] = [];
  const controlPoints = new Set<string>();
  const byKind: Record<RequirementKind, number> = { technical: 0, management: 0 };
  const byExtension: Partial<Record<Extension, number>> = {};
  const byCategory: Partial<Record<RequirementCategory, number>> = {};
  for (const item of byLevel) {
    const requirement = item.requirement;
    if (!wanted.has(requirement.extension)) continue;
    if (!answersFor(requirement, options.cloudRole)) continue;
    items.push(item);
    controlPoints.add(requirement.controlPointId);
    byKind[requirement.kind] += 1;
    byExtension[requirement.extension] = (byExtension[requirement.extension] ?? 0) + 1;
    byCategory[requirement.category] = (byCategory[requirement.category] ?? 0) + 1;
  }
  return {
    level,
    requirementsLevel,
    extensions: EXTENSION_ORDER.filter((e) => wanted.has(e)),
    cloudRole: options.cloudRole,
    items,
    counts: {
      items: items.length,
      controlPoints: controlPoints.size,
      byKind,
      byExtension,
      byCategory,
    },
    gaps: catalog.coverage
      .filter(
        (c) => c.level === requirementsLevel && wanted.has(c.extension) && c.status !== 'sourced',
      )
      .sort((a, b) => EXTENSION_ORDER.indexOf(a.extension) - EXTENSION_ORDER.indexOf(b.extension)),
    note:
      level === 5
        ? {
            zh: 'GB/T 22239-2019 未规定第五级要求；按公网安〔2025〕1846号 Q10，第五级对照第四级要求测评。',
            en: 'GB/T 22239-2019 publishes no level-5 requirements; level 5 is assessed against level 4 (公网安〔2025〕1846号 Q10).',
          }
        : undefined,
  };
}

/** The requirement's entry at `level`, if it applies there. */
export function entryAt(
  requirement: CatalogRequirement,
  level: CatalogLevel,
): LevelEntry | undefined {
  return requirement.levels.find((entry) => entry.level === level);
}

const EXTENSION_ORDER: readonly Extension[] = [
  'general',
  'cloud',
  'mobile',
  'iot',
  'ics',
  'big_data',
];

function answersFor(requirement: CatalogRequirement, role: CloudRole | undefined): boolean {
  if (requirement.extension !== 'cloud' || role === undefined) return true;
  return requirement.responsibility === 'both' || requirement.responsibility === role;
}

/** Per catalog: for each level, its items in catalog order (built once; baselines filter it). */
const levelIndexes = new WeakMap<MlpsCatalog, Map<CatalogLevel, BaselineItem[]>>();

function levelIndex(catalog: MlpsCatalog): Map<CatalogLevel, BaselineItem[]> {
  const known = levelIndexes.get(catalog);
  if (known !== undefined) return known;
  const index = new Map<CatalogLevel, BaselineItem[]>();
  for (const requirement of catalog.requirements) {
    const controlPoint = catalog.controlPointById.get(requirement.controlPointId);
    for (const entry of requirement.levels) {
      const clause = controlPoint?.clauses[entry.level];
      if (clause === undefined) continue;
      const list = index.get(entry.level) ?? [];
      list.push({ requirement, entry, clause });
      index.set(entry.level, list);
    }
  }
  levelIndexes.set(catalog, index);
  return index;
}
