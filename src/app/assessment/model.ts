/**
 * The fixed baseline of an assessment and the presenters shared by assessment commands,
 * queries, the Excel workbook and the CLI.
 */
import type { MlpsCatalog } from '../../catalogs/mlps-catalog.model';
import type { Extension, RequirementCategory } from '../../catalogs/mlps-catalog.schema';
import type { Baseline } from '../../domain/mlps/baseline';
import type {
  BaselineRequirement,
  TestObject,
  TestObjectKind,
} from '../../domain/mlps/assessment/types';
import type {
  AssessmentDto,
  AssessmentSummaryDto,
  BilingualDto,
  TestObjectDto,
} from '../../shared/api-types';
import type { AssessmentRow, TestObjectRow } from '../../store/schema';
import {
  EMPTY_ATTRIBUTES,
  objectCovers,
  type TestObjectAttributes,
} from '../../shared/assessment-vocabulary';

/** One requirement as fixed into an assessment at creation (later catalog edits do not change it). */
export interface FixedBaselineItem {
  readonly id: string;
  readonly extension: Extension;
  readonly category: RequirementCategory;
  readonly controlPointId: string;
  readonly controlPoint: BilingualDto;
  /** Clause and item at the assessment's level, e.g. `8.1.4.1 a)`. */
  readonly clause: string;
  readonly testId: string | null;
  readonly weight: number | null;
  readonly title: BilingualDto;
  /** Our summary of the requirement at this level. */
  readonly text: BilingualDto;
}

export function fixBaseline(catalog: MlpsCatalog, baseline: Baseline): FixedBaselineItem[] {
  return baseline.items.map(({ requirement, entry, clause }) => ({
    id: requirement.id,
    extension: requirement.extension,
    category: requirement.category,
    controlPointId: requirement.controlPointId,
    controlPoint:
      catalog.controlPointById.get(requirement.controlPointId)?.title ?? requirement.title,
    clause: `${clause} ${entry.item})`,
    testId: entry.testId ?? null,
    weight: entry.weight?.value ?? null,
    title: requirement.title,
    text: entry.wording ?? requirement.summary,
  }));
}

/**
 * Parsed baselines by assessment id. A baseline never changes after creation, so every read of
 * the assessment row can share one parse (the text is compared, so a restored database or a
 * reused id cannot serve a stale one). Bounded: the least recently used entries go first.
 */
const baselineCache = new Map<string, { text: string; items: FixedBaselineItem[] }>();
const BASELINE_CACHE_SIZE = 256;

export function baselineOf(row: Pick<AssessmentRow, 'id' | 'baseline'>): FixedBaselineItem[] {
  const hit = baselineCache.get(row.id);
  if (hit !== undefined && hit.text === row.baseline) {
    baselineCache.delete(row.id);
    baselineCache.set(row.id, hit);
    return hit.items;
  }
  const items = JSON.parse(row.baseline) as FixedBaselineItem[];
  baselineCache.delete(row.id);
  baselineCache.set(row.id, { text: row.baseline, items });
  if (baselineCache.size > BASELINE_CACHE_SIZE) {
    baselineCache.delete(baselineCache.keys().next().value as string);
  }
  return items;
}

export function scoringRequirements(items: readonly FixedBaselineItem[]): BaselineRequirement[] {
  return items.map((i) => ({
    id: i.id,
    category: i.category,
    controlPointId: i.controlPointId,
    weight: i.weight ?? undefined,
  }));
}

const controlPointsCache = new WeakMap<TestObjectRow, string[] | null>();

/** The object's own control points (null = its kind's default). */
export function controlPointsOf(row: TestObjectRow): string[] | null {
  let points = controlPointsCache.get(row);
  if (points === undefined) {
    points = row.control_points === null ? null : (JSON.parse(row.control_points) as string[]);
    controlPointsCache.set(row, points);
  }
  return points;
}

export function attributesOf(row: Pick<TestObjectRow, 'attributes'>): TestObjectAttributes {
  const stored = JSON.parse(row.attributes || '{}') as Partial<TestObjectAttributes>;
  return { ...EMPTY_ATTRIBUTES, ...stored };
}

export function testObjectsOf(rows: readonly TestObjectRow[]): TestObject[] {
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as TestObjectKind,
    controlPoints: controlPointsOf(r),
  }));
}

/** The baseline items an object answers, in baseline order. */
export function itemsForObject(
  items: readonly FixedBaselineItem[],
  row: TestObjectRow,
): FixedBaselineItem[] {
  const scope = { kind: row.kind as TestObjectKind, controlPoints: controlPointsOf(row) };
  return items.filter((i) => objectCovers(scope, i));
}

export function presentTestObject(
  r: TestObjectRow,
  items: readonly FixedBaselineItem[],
): TestObjectDto {
  const attributes = attributesOf(r);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    description: r.description,
    attributes: { ...attributes, ipAddresses: [...attributes.ipAddresses] },
    controlPoints: controlPointsOf(r),
    requirementCount: itemsForObject(items, r).length,
    position: r.position,
    version: r.version,
  };
}

/**
 * Control points of the baseline that no test object answers, by category: their items stay
 * 未测 (untested) and the conclusion provisional until an object covers them.
 */
export function uncoveredControlPoints(
  items: readonly FixedBaselineItem[],
  objects: readonly TestObjectRow[],
): { category: RequirementCategory; controlPointIds: string[] }[] {
  const scopes = objects.map((o) => ({
    kind: o.kind as TestObjectKind,
    controlPoints: controlPointsOf(o),
  }));
  const out = new Map<RequirementCategory, string[]>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.controlPointId)) continue;
    seen.add(item.controlPointId);
    if (scopes.some((s) => objectCovers(s, item))) continue;
    const list = out.get(item.category) ?? [];
    list.push(item.controlPointId);
    out.set(item.category, list);
  }
  return [...out.entries()].map(([category, controlPointIds]) => ({ category, controlPointIds }));
}

export function presentAssessmentSummary(
  r: AssessmentRow,
  systemName: string,
  catalog: MlpsCatalog,
): AssessmentSummaryDto {
  return {
    id: r.id,
    systemId: r.system_id,
    systemName,
    title: r.title,
    level: r.level,
    extensions: JSON.parse(r.extensions) as Extension[],
    cloudRole: (r.cloud_role as 'provider' | 'tenant' | null) ?? null,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    agency: r.agency,
    reportNumber: r.report_number,
    reportDate: r.report_date,
    team: JSON.parse(r.team) as string[],
    status: r.status as 'in_progress' | 'completed',
    catalogHash: r.catalog_hash,
    catalogChanged: r.catalog_hash !== catalog.sourceHash,
    requirementCount: baselineOf(r).length,
    createdBy: r.created_by,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentAssessment(
  r: AssessmentRow,
  systemName: string,
  objects: readonly TestObjectRow[],
  catalog: MlpsCatalog,
): AssessmentDto {
  const items = baselineOf(r);
  return {
    ...presentAssessmentSummary(r, systemName, catalog),
    objects: objects.map((o) => presentTestObject(o, items)),
    uncovered: uncoveredControlPoints(items, objects),
  };
}
