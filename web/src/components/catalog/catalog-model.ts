/** Ordering, labels and URL state of the GB/T 22239-2019 catalog browser (基本要求). */
import { useSearchParams } from 'react-router-dom';
import type {
  BilingualDto,
  CatalogCategory,
  CatalogExtension,
  CatalogItemDto,
  CatalogSummaryDto,
} from '../../../../src/shared/api-types';
import { pick } from '../../lib/language';

export type CatalogLevel = 1 | 2 | 3 | 4;
export const CATALOG_LEVELS: readonly CatalogLevel[] = [1, 2, 3, 4];

/** The standard's chapter order: general first, then the extensions (附录 ones last). */
export const EXTENSION_ORDER: readonly CatalogExtension[] = [
  'general',
  'cloud',
  'mobile',
  'iot',
  'ics',
  'big_data',
];

/** The ten categories in the standard's order: five technical, five management. */
export const CATEGORY_ORDER: readonly CatalogCategory[] = [
  'PES',
  'CNS',
  'ABS',
  'CES',
  'SMC',
  'PSS',
  'ORS',
  'HRS',
  'CMS',
  'MMS',
];

const TECHNICAL = new Set<CatalogCategory>(['PES', 'CNS', 'ABS', 'CES', 'SMC']);
export const kindOf = (category: CatalogCategory) =>
  TECHNICAL.has(category) ? ('technical' as const) : ('management' as const);

/** Tag colours of the extensions (general carries no tag in lists). */
export const EXTENSION_COLOURS: Record<CatalogExtension, string> = {
  general: 'default',
  cloud: 'blue',
  mobile: 'cyan',
  iot: 'green',
  ics: 'orange',
  big_data: 'purple',
};

export const PROVENANCE_COLOURS = {
  confirmed: 'green',
  derived: 'blue',
  unverified: 'red',
} as const;

export const bilingual = (language: string, text: BilingualDto) => pick(language, text.zh, text.en);

/** What the page shows, all of it in the URL: ?level=3&ext=cloud,iot&q=口令&id=8.1.4.1-d */
export interface CatalogView {
  level: CatalogLevel;
  /** The extensions besides general (which is always shown). */
  extensions: CatalogExtension[];
  q: string;
  id: string | null;
}

function parseView(params: URLSearchParams): CatalogView {
  const level = Number(params.get('level'));
  const requested = new Set((params.get('ext') ?? '').split(','));
  return {
    level: CATALOG_LEVELS.includes(level as CatalogLevel) ? (level as CatalogLevel) : 3,
    extensions: EXTENSION_ORDER.filter((e) => e !== 'general' && requested.has(e)),
    q: params.get('q') ?? '',
    id: params.get('id') || null,
  };
}

export function useCatalogView(): [CatalogView, (patch: Partial<CatalogView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = parseView(params);
  const update = (patch: Partial<CatalogView>) => {
    // The address bar is ahead of the render (navigations are transitions): two quick changes
    // (level, then an extension) must not undo each other.
    const next = { ...parseView(new URLSearchParams(window.location.search)), ...patch };
    const search = new URLSearchParams();
    search.set('level', String(next.level));
    if (next.extensions.length > 0) search.set('ext', next.extensions.join(','));
    if (next.q.trim()) search.set('q', next.q.trim());
    if (next.id) search.set('id', next.id);
    setParams(search, { replace: true });
  };
  return [view, update];
}

export interface LevelCounts {
  controlPoints: number;
  items: number;
  technical: number;
  management: number;
}

/** Totals of one level over the chosen extensions (general included), from GET /catalog. */
export function levelCounts(
  summary: CatalogSummaryDto,
  level: CatalogLevel,
  extensions: readonly CatalogExtension[],
): LevelCounts {
  const chosen = new Set<CatalogExtension>(['general', ...extensions]);
  const totals: LevelCounts = { controlPoints: 0, items: 0, technical: 0, management: 0 };
  for (const count of summary.counts) {
    if (count.level !== level || !chosen.has(count.extension)) continue;
    // Extension control points have their own clauses: they never coincide with general ones.
    totals.controlPoints += count.controlPoints;
    totals.items += count.items;
    for (const [category, n] of Object.entries(count.byCategory)) {
      totals[kindOf(category as CatalogCategory)] += n ?? 0;
    }
  }
  return totals;
}

/** Extensions with any item in the catalog (big data may not be written yet). */
export function availableExtensions(summary: CatalogSummaryDto | undefined): Set<CatalogExtension> {
  return new Set(summary?.counts.filter((c) => c.items > 0).map((c) => c.extension) ?? []);
}

export interface ControlPointGroup {
  id: string;
  title: BilingualDto;
  extension: CatalogExtension;
  items: CatalogItemDto[];
}

export interface CategoryGroup {
  category: CatalogCategory;
  controlPoints: ControlPointGroup[];
  count: number;
}

/** category → control point → item, in the standard's order. */
export function groupItems(items: readonly CatalogItemDto[]): CategoryGroup[] {
  const byCategory = new Map<CatalogCategory, Map<string, ControlPointGroup>>();
  for (const item of items) {
    let points = byCategory.get(item.category);
    if (!points) byCategory.set(item.category, (points = new Map()));
    let point = points.get(item.controlPointId);
    if (!point) {
      point = {
        id: item.controlPointId,
        title: item.controlPointTitle,
        extension: item.extension,
        items: [],
      };
      points.set(item.controlPointId, point);
    }
    point.items.push(item);
  }
  return CATEGORY_ORDER.filter((c) => byCategory.has(c)).map((category) => {
    // Stable: within an extension the API's order is the standard's.
    const points = [...(byCategory.get(category)?.values() ?? [])].sort(
      (a, b) => EXTENSION_ORDER.indexOf(a.extension) - EXTENSION_ORDER.indexOf(b.extension),
    );
    return {
      category,
      controlPoints: points,
      count: points.reduce((n, p) => n + p.items.length, 0),
    };
  });
}

/** Level-3 weights are 0.2–1; shown with at most one decimal. */
export const formatWeight = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(1);
