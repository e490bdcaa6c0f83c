/**
 * CII boundary (关键信息基础设施边界): start from every asset the critical business information
 * passes through in its life cycle (collection → transmission → storage → processing →
 * exchange/sharing → destruction), then follow the dependencies the business cannot run without
 * (runs-on, authenticates-with, managed-by, protected-by). Interconnections with external
 * parties are boundary points: the external system stays outside, the exchanging asset inside.
 *
 * Which dependency kinds pull an asset inside is data ({@link BoundaryRules}) because the
 * boundary-determination method is still a draft (TC260 2020-07 and 2024-05-31 drafts; the
 * inclusion rules are our reading of its life-cycle approach —
 * unverified). The kernel works on compact arrays (CSR adjacency) so that millions of assets
 * and dependencies compute in seconds.
 */

export const LIFECYCLE_STAGES = [
  'collection',
  'transmission',
  'storage',
  'processing',
  'exchange',
  'destruction',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const DEPENDENCY_KINDS = [
  'runs_on',
  'authenticates_with',
  'managed_by',
  'protected_by',
  'exchanges_with_external',
] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

/** Which dependencies put the asset depended on inside the boundary. */
export interface BoundaryRules {
  readonly id: string;
  readonly follow: Readonly<Record<Exclude<DependencyKind, 'exchanges_with_external'>, boolean>>;
  readonly source: string;
  readonly status: 'confirmed' | 'derived' | 'unverified';
}

export const DEFAULT_BOUNDARY_RULES: BoundaryRules = {
  id: 'lifecycle-dependencies-2024-draft-reading',
  follow: { runs_on: true, authenticates_with: true, managed_by: true, protected_by: true },
  source:
    '关键信息基础设施边界确定方法（征求意见稿, TC260 2024-05-31): trace the critical business information flow and identify the assets along it and those it depends on',
  status: 'unverified',
};

/** The graph in compact form: assets 0…n-1, dependencies as CSR (from → to, kind). */
export interface CompactGraph {
  readonly assetCount: number;
  /** 1 where the asset belongs to an external party. */
  readonly external: Uint8Array;
  /** offsets[u]…offsets[u+1]-1 index the dependencies of asset u. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Index into DEPENDENCY_KINDS. */
  readonly kinds: Uint8Array;
  /** Assets the information flows pass through (seeds), with the hop that names each. */
  readonly seeds: Int32Array;
}

export interface CompactBoundary {
  /** 1 = inside the boundary. */
  readonly inside: Uint8Array;
  /** For an asset pulled in by a dependency: the asset that depends on it; -1 for seeds/outside. */
  readonly parent: Int32Array;
  /** The dependency kind (index) that pulled it in; 255 for seeds/outside. */
  readonly parentKind: Uint8Array;
  /** For seeds: the position in `seeds`; -1 otherwise. */
  readonly seedIndex: Int32Array;
  /** Boundary points: [inside asset, external asset] pairs, flattened. */
  readonly boundaryPoints: Int32Array;
  readonly insideCount: number;
}

const EXTERNAL_KIND = DEPENDENCY_KINDS.indexOf('exchanges_with_external');
const NONE = 255;

/** Breadth-first from the flow assets over the followed dependency kinds. Pure, O(n + m). */
export function computeBoundaryCompact(
  graph: CompactGraph,
  rules: BoundaryRules = DEFAULT_BOUNDARY_RULES,
): CompactBoundary {
  const n = graph.assetCount;
  const follow = new Uint8Array(DEPENDENCY_KINDS.length);
  DEPENDENCY_KINDS.forEach((kind, i) => {
    if (kind !== 'exchanges_with_external') follow[i] = rules.follow[kind] ? 1 : 0;
  });
  const inside = new Uint8Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentKind = new Uint8Array(n).fill(NONE);
  const seedIndex = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  // Boundary-point pairs in a growing typed buffer (a JS array of numbers is several times slower).
  let points = new Int32Array(1024);
  let pointCount = 0;
  for (let i = 0; i < graph.seeds.length; i++) {
    const s = graph.seeds[i]!;
    if (inside[s] || graph.external[s]) continue;
    inside[s] = 1;
    seedIndex[s] = i;
    queue[tail++] = s;
  }
  const { offsets, targets, kinds, external } = graph;
  while (head < tail) {
    const u = queue[head++]!;
    for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
      const v = targets[e]!;
      const k = kinds[e]!;
      if (k === EXTERNAL_KIND || external[v]) {
        if (pointCount + 2 > points.length) {
          const grown = new Int32Array(points.length * 2);
          grown.set(points);
          points = grown;
        }
        points[pointCount++] = u;
        points[pointCount++] = v;
        continue;
      }
      if (!follow[k] || inside[v]) continue;
      inside[v] = 1;
      parent[v] = u;
      parentKind[v] = k;
      queue[tail++] = v;
    }
  }
  return {
    inside,
    parent,
    parentKind,
    seedIndex,
    boundaryPoints: points.slice(0, pointCount),
    insideCount: tail,
  };
}

// --- the object view: ids, flows, explanations, diffs -----------------------------------------

export interface BoundaryAsset {
  readonly id: string;
  readonly name: string;
  readonly external?: boolean;
}

export interface FlowHop {
  readonly assetId: string;
  readonly stage: LifecycleStage;
}

export interface InformationFlow {
  readonly id: string;
  readonly name: string;
  readonly hops: readonly FlowHop[];
}

export interface Dependency {
  readonly from: string;
  readonly to: string;
  readonly kind: DependencyKind;
}

export interface BoundaryInput {
  readonly assets: readonly BoundaryAsset[];
  readonly flows: readonly InformationFlow[];
  readonly dependencies: readonly Dependency[];
}

/** Why an asset is inside: the flow hop, or the dependency chain back to one. */
export type InclusionReason =
  | { readonly kind: 'flow'; readonly flowId: string; readonly stage: LifecycleStage }
  | {
      readonly kind: 'dependency';
      /** From the flow asset down to this one: each step's asset and the kind that pulled it in. */
      readonly chain: readonly { readonly assetId: string; readonly via: DependencyKind }[];
      readonly flowId: string;
      readonly stage: LifecycleStage;
      readonly from: string;
    };

export interface Boundary {
  readonly rules: BoundaryRules;
  readonly inside: readonly { readonly assetId: string; readonly reason: InclusionReason }[];
  readonly outside: readonly string[];
  readonly boundaryPoints: readonly {
    readonly insideAssetId: string;
    readonly externalAssetId: string;
  }[];
}

/** Input problems (unknown asset ids), every one reported. */
export class BoundaryInputError extends Error {
  constructor(readonly problems: readonly { path: string; message: string }[]) {
    super(`${problems.length} problem(s) in the boundary input`);
  }
}

/** Builds the compact graph from ids (validating every reference). */
export function compactGraph(input: BoundaryInput): {
  graph: CompactGraph;
  ids: readonly string[];
  seedHops: readonly { flowId: string; stage: LifecycleStage }[];
} {
  const index = new Map<string, number>();
  input.assets.forEach((a, i) => index.set(a.id, i));
  const problems: { path: string; message: string }[] = [];
  const at = (id: string, path: string) => {
    const i = index.get(id);
    if (i === undefined) problems.push({ path, message: `unknown asset "${id}"` });
    return i ?? -1;
  };
  const n = input.assets.length;
  const counts = new Int32Array(n + 1);
  const edges = input.dependencies.map((d, i) => {
    const from = at(d.from, `dependencies[${i}].from`);
    const to = at(d.to, `dependencies[${i}].to`);
    if (from >= 0) counts[from + 1]! += 1;
    return { from, to, kind: DEPENDENCY_KINDS.indexOf(d.kind) };
  });
  const seeds: number[] = [];
  const seedHops: { flowId: string; stage: LifecycleStage }[] = [];
  input.flows.forEach((f, fi) =>
    f.hops.forEach((h, hi) => {
      const a = at(h.assetId, `flows[${fi}].hops[${hi}].assetId`);
      if (a >= 0) {
        seeds.push(a);
        seedHops.push({ flowId: f.id, stage: h.stage });
      }
    }),
  );
  if (problems.length > 0) throw new BoundaryInputError(problems);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + counts[i + 1]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(edges.length);
  const kinds = new Uint8Array(edges.length);
  for (const e of edges) {
    const slot = fill[e.from]!++;
    targets[slot] = e.to;
    kinds[slot] = e.kind;
  }
  return {
    graph: {
      assetCount: n,
      external: Uint8Array.from(input.assets, (a) => (a.external ? 1 : 0)),
      offsets,
      targets,
      kinds,
      seeds: Int32Array.from(seeds),
    },
    ids: input.assets.map((a) => a.id),
    seedHops,
  };
}

/**
 * The boundary with an explanation per inside asset.
 *
 * @example computeBoundary({ assets, flows, dependencies }).inside.map((i) => i.assetId)
 */
export function computeBoundary(
  input: BoundaryInput,
  rules: BoundaryRules = DEFAULT_BOUNDARY_RULES,
): Boundary {
  const { graph, ids, seedHops } = compactGraph(input);
  const result = computeBoundaryCompact(graph, rules);
  const inside: { assetId: string; reason: InclusionReason }[] = [];
  const outside: string[] = [];
  for (let a = 0; a < graph.assetCount; a++) {
    if (!result.inside[a]) {
      outside.push(ids[a]!);
      continue;
    }
    const seed = result.seedIndex[a]!;
    if (seed >= 0) {
      inside.push({ assetId: ids[a]!, reason: { kind: 'flow', ...seedHops[seed]! } });
      continue;
    }
    const chain: { assetId: string; via: DependencyKind }[] = [];
    let cur = a;
    while (result.parent[cur]! >= 0) {
      chain.unshift({ assetId: ids[cur]!, via: DEPENDENCY_KINDS[result.parentKind[cur]!]! });
      cur = result.parent[cur]!;
    }
    const hop = seedHops[result.seedIndex[cur]!]!;
    inside.push({
      assetId: ids[a]!,
      reason: { kind: 'dependency', chain, flowId: hop.flowId, stage: hop.stage, from: ids[cur]! },
    });
  }
  const points: { insideAssetId: string; externalAssetId: string }[] = [];
  const seen = new Set<string>();
  const addPoint = (insideIndex: number, externalIndex: number) => {
    const pair = { insideAssetId: ids[insideIndex]!, externalAssetId: ids[externalIndex]! };
    const key = `${pair.insideAssetId}\u0000${pair.externalAssetId}`;
    if (seen.has(key)) return;
    seen.add(key);
    points.push(pair);
  };
  for (let i = 0; i < result.boundaryPoints.length; i += 2)
    addPoint(result.boundaryPoints[i]!, result.boundaryPoints[i + 1]!);
  // A flow that hands the information to an external party (or receives it from one) crosses
  // the boundary between those two hops, whether or not a dependency records the exchange.
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  for (const flow of input.flows)
    for (let h = 1; h < flow.hops.length; h++) {
      const a = indexOf.get(flow.hops[h - 1]!.assetId)!;
      const b = indexOf.get(flow.hops[h]!.assetId)!;
      if (result.inside[a] && graph.external[b]) addPoint(a, b);
      else if (result.inside[b] && graph.external[a]) addPoint(b, a);
    }
  return { rules, inside, outside, boundaryPoints: points };
}

/** What changed since the last determination (the dynamic-identification principle). */
export function diffBoundary(
  previous: readonly string[],
  current: Boundary,
): { added: string[]; removed: string[] } {
  const before = new Set(previous);
  const now = new Set(current.inside.map((i) => i.assetId));
  return {
    added: [...now].filter((id) => !before.has(id)),
    removed: [...before].filter((id) => !now.has(id)),
  };
}
