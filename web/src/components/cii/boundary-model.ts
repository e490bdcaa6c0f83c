/**
 * The boundary answer turned into what the graph and the side panel show: per asset whether it
 * is inside, why, the flow hops at it and its boundary points; the flow and dependency edges;
 * and a layered layout (dagre, left to right, the inside assets clustered in one box).
 */
import dagre from '@dagrejs/dagre';
import type {
  CiiAssetView,
  CiiBoundaryResponse,
  CiiBoundaryView,
  CiiDependencyKind,
  CiiLifecycleStage,
} from '../../../../src/shared/cii-schemas';

export type InsideEntry = CiiBoundaryView['inside'][number];

export interface HopAt {
  flowIndex: number;
  flowId: string;
  flowName: string;
  /** 0-based position in the flow. */
  hopIndex: number;
  stage: CiiLifecycleStage;
}

export interface AssetInfo {
  asset: CiiAssetView;
  inside: InsideEntry | null;
  hops: HopAt[];
  /** The assets across a boundary point (external ones for an inside asset, and vice versa). */
  boundaryPartners: string[];
}

export type GraphEdgeModel =
  | {
      id: string;
      type: 'flow';
      from: string;
      to: string;
      flowIndex: number;
      flowName: string;
      /** The hop the information arrives at (0-based). */
      hopIndex: number;
      stage: CiiLifecycleStage;
    }
  | {
      id: string;
      type: 'dependency';
      from: string;
      to: string;
      kind: CiiDependencyKind;
      boundaryPoint: boolean;
      note: string | null;
    };

export interface BoundaryModel {
  assets: Map<string, AssetInfo>;
  edges: GraphEdgeModel[];
  insideCount: number;
  outsideCount: number;
  boundaryPointCount: number;
}

export function buildBoundaryModel(answer: CiiBoundaryResponse): BoundaryModel {
  const insideById = new Map(answer.boundary.inside.map((i) => [i.assetId, i]));
  const assets = new Map<string, AssetInfo>();
  for (const asset of answer.assets)
    assets.set(asset.id, {
      asset,
      inside: insideById.get(asset.id) ?? null,
      hops: [],
      boundaryPartners: [],
    });

  const edges: GraphEdgeModel[] = [];
  answer.flows.forEach((flow, flowIndex) => {
    flow.hops.forEach((hop, hopIndex) => {
      assets.get(hop.assetId)?.hops.push({
        flowIndex,
        flowId: flow.id,
        flowName: flow.name,
        hopIndex,
        stage: hop.stage,
      });
      const previous = flow.hops[hopIndex - 1];
      // Consecutive hops at one asset need no arrow: the node lists both stages.
      if (!previous || previous.assetId === hop.assetId) return;
      if (!assets.has(previous.assetId) || !assets.has(hop.assetId)) return;
      edges.push({
        id: `flow:${flow.id}:${hopIndex}`,
        type: 'flow',
        from: previous.assetId,
        to: hop.assetId,
        flowIndex,
        flowName: flow.name,
        hopIndex,
        stage: hop.stage,
      });
    });
  });

  const pointKeys = new Set<string>();
  for (const p of answer.boundary.boundaryPoints) {
    pointKeys.add(`${p.insideAssetId}>${p.externalAssetId}`);
    const inside = assets.get(p.insideAssetId);
    const external = assets.get(p.externalAssetId);
    if (inside && !inside.boundaryPartners.includes(p.externalAssetId))
      inside.boundaryPartners.push(p.externalAssetId);
    if (external && !external.boundaryPartners.includes(p.insideAssetId))
      external.boundaryPartners.push(p.insideAssetId);
  }
  for (const d of answer.dependencies) {
    if (!assets.has(d.fromAssetId) || !assets.has(d.toAssetId)) continue;
    edges.push({
      id: `dep:${d.id}`,
      type: 'dependency',
      from: d.fromAssetId,
      to: d.toAssetId,
      kind: d.kind,
      boundaryPoint: pointKeys.has(`${d.fromAssetId}>${d.toAssetId}`),
      note: d.note,
    });
  }

  return {
    assets,
    edges,
    insideCount: answer.boundary.inside.length,
    outsideCount: answer.assets.length - answer.boundary.inside.length,
    boundaryPointCount: answer.boundary.boundaryPoints.length,
  };
}

/** Assets outside the boundary that no inside asset is connected to (hidden on request). */
export function unrelatedAssets(model: BoundaryModel): Set<string> {
  const related = new Set<string>();
  for (const e of model.edges) {
    const a = model.assets.get(e.from);
    const b = model.assets.get(e.to);
    if (a?.inside || b?.inside) {
      related.add(e.from);
      related.add(e.to);
    }
  }
  const result = new Set<string>();
  for (const [id, info] of model.assets)
    if (!info.inside && !related.has(id) && info.hops.length === 0) result.add(id);
  return result;
}

export const NODE_WIDTH = 196;
export const NODE_HEIGHT = 62;
export const BOUNDARY_ID = '__boundary';

export interface Point {
  x: number;
  y: number;
}

export interface GraphLayout {
  /** Top-left corner of each asset's node. */
  nodes: Map<string, Point>;
  /** The route of each edge (dagre's points, node border to node border) and its label centre. */
  edges: Map<string, { points: Point[]; label: Point | null }>;
  /** The box around the inside assets (top-left, size), if any are inside. */
  boundary: { x: number; y: number; width: number; height: number } | null;
  /** The extent of the whole drawing. */
  width: number;
  height: number;
  rankdir: 'LR' | 'TB';
}

/** Width reserved for an edge label: CJK characters are about one em, latin about half. */
export function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/.test(ch) ? 12 : 7;
  return w + 14;
}

/**
 * Left-to-right layers: the information flows run across, what their assets depend on follows
 * to the right; inside assets share one cluster so the boundary is a single box.
 */
export function layoutBoundary(
  model: BoundaryModel,
  visible: ReadonlySet<string>,
  edgeLabel: (edge: GraphEdgeModel) => string,
  rankdir: 'LR' | 'TB' = 'LR',
): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true, compound: true });
  g.setGraph({
    rankdir,
    nodesep: rankdir === 'LR' ? 18 : 24,
    ranksep: rankdir === 'LR' ? 56 : 40,
    edgesep: 12,
    marginx: 16,
    marginy: 16,
  });
  g.setDefaultEdgeLabel(() => ({}));
  const anyInside = [...model.assets.values()].some((a) => a.inside && visible.has(a.asset.id));
  if (anyInside) g.setNode(BOUNDARY_ID, { width: 0, height: 0 });
  // Flow assets first, in hop order: dagre breaks cycles (a flow returning to an asset) by the
  // order it meets nodes, so the first hop stays first.
  const order = [
    ...new Set([
      ...model.edges.filter((e) => e.type === 'flow').flatMap((e) => [e.from, e.to]),
      ...[...model.assets.values()]
        .filter((a) => a.hops.length > 0)
        .sort(
          (a, b) =>
            a.hops[0]!.flowIndex - b.hops[0]!.flowIndex ||
            a.hops[0]!.hopIndex - b.hops[0]!.hopIndex,
        )
        .map((a) => a.asset.id),
      ...model.assets.keys(),
    ]),
  ];
  for (const id of order) {
    const info = model.assets.get(id);
    if (!info || !visible.has(id)) continue;
    g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    if (info.inside) g.setParent(id, BOUNDARY_ID);
  }
  for (const e of model.edges) {
    if (!visible.has(e.from) || !visible.has(e.to) || e.from === e.to) continue;
    g.setEdge(
      e.from,
      e.to,
      {
        width: labelWidth(edgeLabel(e)),
        height: 20,
        labelpos: 'c',
        // Flows carry the reading order: keep them straighter than dependencies.
        weight: e.type === 'flow' ? 3 : 1,
        minlen: 1,
      },
      e.id,
    );
  }
  dagre.layout(g);

  const nodes = new Map<string, Point>();
  for (const id of g.nodes()) {
    if (id === BOUNDARY_ID) continue;
    const n = g.node(id);
    nodes.set(id, { x: (n.x ?? 0) - NODE_WIDTH / 2, y: (n.y ?? 0) - NODE_HEIGHT / 2 });
  }
  const edges = new Map<string, { points: Point[]; label: Point | null }>();
  for (const ref of g.edges()) {
    const label = g.edge(ref);
    edges.set(ref.name ?? `${ref.v}>${ref.w}`, {
      points: ((label.points ?? []) as Point[]).map((p) => ({ x: p.x, y: p.y })),
      label: label.x !== undefined && label.y !== undefined ? { x: label.x, y: label.y } : null,
    });
  }
  let boundary: GraphLayout['boundary'] = null;
  if (anyInside) {
    // The cluster dagre made (it keeps the outside assets clear of it); its label sits on the border.
    const c = g.node(BOUNDARY_ID);
    const inside = [...nodes].filter(([id]) => model.assets.get(id)?.inside);
    const pad = 14;
    const x = Math.min((c.x ?? 0) - c.width / 2, ...inside.map(([, p]) => p.x - pad));
    const y = Math.min((c.y ?? 0) - c.height / 2, ...inside.map(([, p]) => p.y - pad));
    const right = Math.max(
      (c.x ?? 0) + c.width / 2,
      ...inside.map(([, p]) => p.x + NODE_WIDTH + pad),
    );
    const bottom = Math.max(
      (c.y ?? 0) + c.height / 2,
      ...inside.map(([, p]) => p.y + NODE_HEIGHT + pad),
    );
    boundary = { x, y, width: right - x, height: bottom - y };
  }
  const graph = g.graph();
  return { nodes, edges, boundary, width: graph.width ?? 0, height: graph.height ?? 0, rankdir };
}
