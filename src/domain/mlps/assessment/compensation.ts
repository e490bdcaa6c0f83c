/**
 * Overall assessment (整体测评, GB/T 28448-2019 clause 10): the assessor may judge that a
 * measure elsewhere compensates a failing item — between items of one control point (测评项间),
 * between control points of one layer (控制点间) or between layers (层面间) — and adjust the
 * affected result upwards (不符合 → 部分符合, 部分符合 → 符合). Such a judgement is always an
 * explicit record with the compensating item and the reason; nothing here compensates on its
 * own. The recorded result stays as it was: {@link applyCompensations} returns adjusted copies
 * and the list of what it adjusted, and refuses (lists as inactive) a compensation whose
 * compensating measure is no longer 符合.
 */
import type { BaselineRequirement, ItemResult, ResultRecord, TestObject } from './types';
import { objectCovers } from './types';

export const COMPENSATION_SCOPES = ['item', 'control_point', 'layer'] as const;
/** 测评项间 (same control point), 控制点间 (same layer), 层面间 (different layers). */
export type CompensationScope = (typeof COMPENSATION_SCOPES)[number];

/** Results a compensation may adjust to (never 不适用: compensation does not remove an item). */
export const ADJUSTED_RESULTS = ['partial', 'compliant'] as const;
export type AdjustedResult = (typeof ADJUSTED_RESULTS)[number];

export interface Compensation {
  readonly id: string;
  /** The failing (compensated) item. */
  readonly requirementId: string;
  /** The object whose result is adjusted; null = every failing object of the item. */
  readonly objectId: string | null;
  readonly scope: CompensationScope;
  /** The measure that compensates. */
  readonly compensatingRequirementId: string;
  /** The object where it is 符合; null = the item as a whole (every object 符合). */
  readonly compensatingObjectId: string | null;
  readonly adjustedResult: AdjustedResult;
  readonly reason: string;
}

/** A problem with a compensation: the field and the vocabulary code (area `compensation`). */
export interface CompensationProblem {
  readonly path: string;
  readonly code: CompensationCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export type CompensationCode =
  | 'requirement_unknown'
  | 'object_unknown'
  | 'object_not_in_scope'
  | 'compensating_requirement_unknown'
  | 'compensating_object_unknown'
  | 'compensating_object_not_in_scope'
  | 'self'
  | 'scope_mismatch'
  | 'compensating_not_compliant'
  | 'nothing_to_adjust'
  | 'not_upwards';

/** One result as adjusted: the recorded result kept beside the one that counts. */
export interface AppliedAdjustment {
  readonly requirementId: string;
  readonly objectId: string;
  readonly original: ItemResult;
  readonly adjusted: ItemResult;
  /** The compensations that gave this result (the highest wins; all are listed). */
  readonly compensationIds: readonly string[];
  readonly compensatingRequirementIds: readonly string[];
}

export interface CompensationOutcome {
  /** Every result, adjusted where a compensation applies (same order as given). */
  readonly results: readonly ResultRecord[];
  /** The results that changed, in the order of the input results. */
  readonly adjustments: readonly AppliedAdjustment[];
  /** Compensations that adjust nothing now, with why (results changed since they were made). */
  readonly inactive: readonly { compensationId: string; problems: CompensationProblem[] }[];
}

const RANK: Readonly<Record<ItemResult, number>> = {
  non_compliant: 0,
  partial: 1,
  compliant: 2,
  not_applicable: -1,
};

/** Stands for "every object answering the item" in a problem's params. */
const ALL_OBJECTS = '全部测评对象 / all test objects';

const failing = (r: ItemResult | undefined): r is 'partial' | 'non_compliant' =>
  r === 'partial' || r === 'non_compliant';

/**
 * The scope a compensation between two requirements must have: same control point → `item`
 * (also the same item on another object), same layer (category) → `control_point`, otherwise
 * `layer`.
 */
export function scopeBetween(
  compensated: Pick<BaselineRequirement, 'category' | 'controlPointId'>,
  compensating: Pick<BaselineRequirement, 'category' | 'controlPointId'>,
): CompensationScope {
  if (compensated.controlPointId === compensating.controlPointId) return 'item';
  if (compensated.category === compensating.category) return 'control_point';
  return 'layer';
}

export interface CompensationContext {
  readonly requirements: readonly BaselineRequirement[];
  readonly objects: readonly TestObject[];
  readonly results: readonly ResultRecord[];
}

/** Lookups over one assessment, built once for many checks. */
function indexOf(input: CompensationContext) {
  const requirements = new Map(input.requirements.map((r) => [r.id, r]));
  const objects = new Map(input.objects.map((o) => [o.id, o]));
  const results = new Map<string, Map<string, ItemResult>>();
  for (const r of input.results) {
    let row = results.get(r.requirementId);
    if (row === undefined) results.set(r.requirementId, (row = new Map()));
    row.set(r.objectId, r.result);
  }
  return { requirements, objects, results, list: input.objects };
}
type Index = ReturnType<typeof indexOf>;

/**
 * Every problem with a compensation against the assessment's current results (empty = valid):
 * both requirements in the baseline, the objects answering them, the scope matching their
 * relation, the compensating measure 符合, and at least one result it raises.
 */
export function checkCompensation(
  c: Omit<Compensation, 'id' | 'reason'>,
  input: CompensationContext,
): CompensationProblem[] {
  return check(c, indexOf(input));
}

function check(c: Omit<Compensation, 'id' | 'reason'>, ix: Index): CompensationProblem[] {
  const problems: CompensationProblem[] = [];
  const add = (
    path: string,
    code: CompensationCode,
    params: Record<string, string | number> = {},
  ) => problems.push({ path, code, params });
  const target = ix.requirements.get(c.requirementId);
  const source = ix.requirements.get(c.compensatingRequirementId);
  if (!target) add('requirementId', 'requirement_unknown', { id: c.requirementId });
  if (!source) {
    add('compensatingRequirementId', 'compensating_requirement_unknown', {
      id: c.compensatingRequirementId,
    });
  }
  const object = c.objectId === null ? null : ix.objects.get(c.objectId);
  const compensatingObject =
    c.compensatingObjectId === null ? null : ix.objects.get(c.compensatingObjectId);
  if (object === undefined) add('objectId', 'object_unknown');
  if (compensatingObject === undefined) add('compensatingObjectId', 'compensating_object_unknown');
  if (target && object && !objectCovers(object, target)) {
    add('objectId', 'object_not_in_scope', { id: target.id, object: object.name });
  }
  if (source && compensatingObject && !objectCovers(compensatingObject, source)) {
    add('compensatingObjectId', 'compensating_object_not_in_scope', {
      id: source.id,
      object: compensatingObject.name,
    });
  }
  if (problems.length > 0 || !target || !source) return problems;

  if (
    c.requirementId === c.compensatingRequirementId &&
    (c.objectId === c.compensatingObjectId || c.compensatingObjectId === null)
  ) {
    add('compensatingObjectId', 'self', { id: c.requirementId });
    return problems;
  }
  const expected = scopeBetween(target, source);
  if (c.scope !== expected) {
    add('scope', 'scope_mismatch', {
      scope: c.scope,
      expected,
      id: target.id,
      compensating: source.id,
    });
  }
  // The compensating measure must be 符合: on its object, or on every object answering it.
  const sourceResults = ix.results.get(source.id);
  const sourceObjects = compensatingObject
    ? [compensatingObject]
    : ix.list.filter((o) => objectCovers(o, source));
  const sourceOk =
    sourceObjects.length > 0 &&
    sourceObjects.every((o) => sourceResults?.get(o.id) === 'compliant');
  if (!sourceOk) {
    add('compensatingRequirementId', 'compensating_not_compliant', {
      id: source.id,
      object: compensatingObject?.name ?? ALL_OBJECTS,
    });
  }
  // At least one failing result it raises; a result given explicitly must go up.
  const targetResults = ix.results.get(target.id);
  if (object) {
    const current = targetResults?.get(object.id);
    if (!failing(current)) {
      add('objectId', 'nothing_to_adjust', { id: target.id, object: object.name });
    } else if (RANK[c.adjustedResult] <= RANK[current]) {
      add('adjustedResult', 'not_upwards', {
        id: target.id,
        object: object.name,
        from: current,
        to: c.adjustedResult,
      });
    }
  } else {
    const raised = ix.list.filter((o) => {
      const current = targetResults?.get(o.id);
      return objectCovers(o, target) && failing(current) && RANK[c.adjustedResult] > RANK[current];
    });
    if (raised.length === 0)
      add('adjustedResult', 'nothing_to_adjust', { id: target.id, object: ALL_OBJECTS });
  }
  return problems;
}

/**
 * The results with the compensations applied. A compensation raises the failing results it
 * names (one object, or every failing object of the item) to its adjusted result, never
 * lowering one; when several apply to one result the highest counts. A compensation that is no
 * longer valid (its measure is not 符合 any more, nothing left to raise) adjusts nothing and is
 * listed under `inactive` with its problems.
 */
export function applyCompensations(
  input: CompensationContext,
  compensations: readonly Compensation[],
): CompensationOutcome {
  const ix = indexOf(input);
  const raised = new Map<string, { to: ItemResult; ids: string[]; sources: string[] }>();
  const inactive: CompensationOutcome['inactive'][number][] = [];
  for (const c of compensations) {
    const problems = check(c, ix);
    if (problems.length > 0) {
      inactive.push({ compensationId: c.id, problems });
      continue;
    }
    const target = ix.requirements.get(c.requirementId) as BaselineRequirement;
    const objectIds =
      c.objectId !== null
        ? [c.objectId]
        : ix.list.filter((o) => objectCovers(o, target)).map((o) => o.id);
    for (const objectId of objectIds) {
      const current = ix.results.get(c.requirementId)?.get(objectId);
      if (!failing(current) || RANK[c.adjustedResult] <= RANK[current]) continue;
      const key = `${c.requirementId}\u0000${objectId}`;
      const entry = raised.get(key);
      if (entry === undefined) {
        raised.set(key, {
          to: c.adjustedResult,
          ids: [c.id],
          sources: [c.compensatingRequirementId],
        });
      } else {
        if (RANK[c.adjustedResult] > RANK[entry.to]) entry.to = c.adjustedResult;
        entry.ids.push(c.id);
        if (!entry.sources.includes(c.compensatingRequirementId)) {
          entry.sources.push(c.compensatingRequirementId);
        }
      }
    }
  }
  const adjustments: AppliedAdjustment[] = [];
  const results = input.results.map((r) => {
    const entry = raised.get(`${r.requirementId}\u0000${r.objectId}`);
    if (entry === undefined) return r;
    adjustments.push({
      requirementId: r.requirementId,
      objectId: r.objectId,
      original: r.result,
      adjusted: entry.to,
      compensationIds: entry.ids,
      compensatingRequirementIds: entry.sources,
    });
    return { ...r, result: entry.to };
  });
  return { results, adjustments, inactive };
}

/** The 整体测评 reason for the conclusion, or null when nothing was adjusted. */
export function compensationReason(
  adjustments: readonly Pick<
    AppliedAdjustment,
    'requirementId' | 'original' | 'adjusted' | 'compensatingRequirementIds'
  >[],
): { zh: string; en: string } | null {
  if (adjustments.length === 0) return null;
  const ZH: Readonly<Record<ItemResult, string>> = {
    compliant: '符合',
    partial: '部分符合',
    non_compliant: '不符合',
    not_applicable: '不适用',
  };
  const EN: Readonly<Record<ItemResult, string>> = {
    compliant: 'compliant',
    partial: 'partial',
    non_compliant: 'non-compliant',
    not_applicable: 'not applicable',
  };
  const shown = adjustments.slice(0, 5);
  const more = adjustments.length - shown.length;
  const zhList = shown
    .map(
      (a) =>
        `${a.requirementId} ${ZH[a.original]}→${ZH[a.adjusted]}（由 ${a.compensatingRequirementIds.join('、')} 补偿）`,
    )
    .join('；');
  const enList = shown
    .map(
      (a) =>
        `${a.requirementId} ${EN[a.original]} → ${EN[a.adjusted]} (compensated by ${a.compensatingRequirementIds.join(', ')})`,
    )
    .join('; ');
  return {
    zh: `整体测评：${adjustments.length} 个测评结果经补偿调整：${zhList}${more > 0 ? `；另 ${more} 个` : ''}`,
    en: `overall assessment: ${adjustments.length} result(s) adjusted by compensation: ${enList}${more > 0 ? `; ${more} more` : ''}`,
  };
}
