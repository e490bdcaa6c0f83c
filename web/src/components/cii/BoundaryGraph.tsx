import {
  AppstoreOutlined,
  CloudServerOutlined,
  DatabaseOutlined,
  ExportOutlined,
  FieldTimeOutlined,
  GlobalOutlined,
  IdcardOutlined,
  NodeIndexOutlined,
  SafetyOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import {
  BaseEdge,
  Background,
  Controls,
  EdgeLabelRenderer,
  Handle,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  type Edge,
  type EdgeProps,
  type EdgeTypes,
  type Node,
  type NodeProps,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CiiAssetKind } from '../../../../src/shared/cii-schemas';
import {
  BOUNDARY_ID,
  NODE_HEIGHT,
  NODE_WIDTH,
  type AssetInfo,
  type BoundaryModel,
  type GraphEdgeModel,
  type GraphLayout,
  type Point,
} from './boundary-model';
import { KIND_COLOURS, kindShape, useCiiLabels } from './cii-labels';
import './cii.css';

/** Colours of the flows (by position), the boundary and its access points. */
export const FLOW_COLOURS = ['#1677ff', '#08979c', '#722ed1', '#d4380d', '#389e0d', '#c41d7f'];
export const BOUNDARY_COLOUR = '#1677ff';
export const POINT_COLOUR = '#fa8c16';
export const DEPENDENCY_COLOUR = '#8c8c8c';

const KIND_ICONS: Record<CiiAssetKind, ReactNode> = {
  information_system: <AppstoreOutlined />,
  network_facility: <NodeIndexOutlined />,
  cloud_platform: <CloudServerOutlined />,
  data_centre: <DatabaseOutlined />,
  identity_service: <IdcardOutlined />,
  dns_service: <GlobalOutlined />,
  time_service: <FieldTimeOutlined />,
  om_system: <ToolOutlined />,
  security_system: <SafetyOutlined />,
  external_system: <ExportOutlined />,
};

/** Room around the drawing when it is fitted; the zoom buttons sit bottom left. */
const FIT_PADDING = { top: '16px', right: '16px', bottom: '16px', left: '60px' } as const;
/** Horizontal and vertical room FIT_PADDING takes (for sizing the canvas). */
export const FIT_MARGIN = { x: 76, y: 32 };

/** ① … ⑳, then (21) … */
export function ordinal(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
}

type AssetNodeData = { info: AssetInfo; multipleFlows: boolean };
type AssetNode = Node<AssetNodeData, 'asset'>;
type BoundaryNode = Node<{ label: string }, 'boundary'>;
type RoutedEdgeData = {
  points: Point[];
  label: Point | null;
  text: string;
  colour: string;
  kind: 'flow' | 'dependency' | 'point';
  dimmed: boolean;
};
type RoutedEdge = Edge<RoutedEdgeData, 'routed'>;

/** The box of an asset: shape by kind, border by boundary state. */
function AssetNodeView({ data, selected }: NodeProps<AssetNode>) {
  const { t } = useTranslation();
  const labels = useCiiLabels();
  const { asset, inside, hops, boundaryPartners } = data.info;
  const shape = kindShape(asset.kind);
  const point = boundaryPartners.length > 0;
  const state = inside ? 'inside' : asset.external ? 'external' : 'outside';
  const colour = KIND_COLOURS[asset.kind];
  const border =
    state === 'inside'
      ? `2px solid ${BOUNDARY_COLOUR}`
      : state === 'external'
        ? `2px dashed ${point ? POINT_COLOUR : DEPENDENCY_COLOUR}`
        : '1px solid #d9d9d9';
  const radius = shape === 'external' ? NODE_HEIGHT / 2 : shape === 'infra' ? 14 : 4;
  const tag =
    state === 'inside'
      ? { text: t('cii.graph.insideTag'), className: 'cii-node-tag cii-node-tag-inside' }
      : state === 'external'
        ? point
          ? { text: t('cii.graph.pointTag'), className: 'cii-node-tag cii-node-tag-point' }
          : { text: t('cii.graph.externalTag'), className: 'cii-node-tag' }
        : { text: t('cii.graph.outsideTag'), className: 'cii-node-tag' };
  const stages = hops
    .map(
      (h) =>
        `${data.multipleFlows ? `F${h.flowIndex + 1}` : ''}${ordinal(h.hopIndex + 1)}${labels.stage(h.stage)}`,
    )
    .join(' ');
  return (
    <div
      className={`cii-node cii-node-${state}${selected ? ' cii-node-selected' : ''}`}
      data-testid={`cii-node-${asset.code}`}
      data-boundary={state}
      data-boundary-point={point ? 'yes' : 'no'}
      title={`${asset.code} ${asset.name}`}
      style={{
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        border,
        borderRadius: radius,
        paddingInline: shape === 'external' ? 22 : 10,
        ['--cii-kind' as string]: state === 'outside' ? '#bfbfbf' : colour,
      }}
    >
      <Handle type="target" position={Position.Left} className="cii-handle" isConnectable={false} />
      <Handle
        type="source"
        position={Position.Right}
        className="cii-handle"
        isConnectable={false}
      />
      {shape !== 'external' && (
        <span className="cii-node-stripe" style={{ borderRadius: radius }} />
      )}
      <div className="cii-node-head">
        <span className="cii-node-icon">{KIND_ICONS[asset.kind]}</span>
        <span className="cii-node-code">{asset.code}</span>
        <span className={tag.className}>{tag.text}</span>
      </div>
      <div className="cii-node-name">{asset.name}</div>
      <div className="cii-node-meta">
        {labels.kind(asset.kind)}
        {stages && <span className="cii-node-stages"> · {stages}</span>}
      </div>
    </div>
  );
}

function BoundaryNodeView({ data }: NodeProps<BoundaryNode>) {
  return (
    <div className="cii-boundary-box">
      <span className="cii-boundary-label">{data.label}</span>
    </div>
  );
}

/** A path through dagre's points, corners rounded with quadratic curves. */
function routedPath(points: Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M ${first!.x} ${first!.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const next = rest[i + 1]!;
    d += ` Q ${p.x} ${p.y} ${(p.x + next.x) / 2} ${(p.y + next.y) / 2}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L ${last.x} ${last.y}`;
  return d;
}

function RoutedEdgeView({ id, data, markerEnd }: EdgeProps<RoutedEdge>) {
  if (!data) return null;
  const width = data.kind === 'point' ? 3 : data.kind === 'flow' ? 2.2 : 1.4;
  return (
    <>
      <BaseEdge
        id={id}
        path={routedPath(data.points)}
        markerEnd={markerEnd}
        style={{
          stroke: data.colour,
          strokeWidth: width,
          strokeDasharray: data.kind === 'flow' ? undefined : data.kind === 'point' ? '9 4' : '6 4',
          opacity: data.dimmed ? 0.3 : 1,
        }}
      />
      {data.label && (
        <EdgeLabelRenderer>
          <div
            className={`cii-edge-label cii-edge-label-${data.kind} nodrag nopan`}
            data-testid={`cii-edge-${data.kind}`}
            style={{
              transform: `translate(-50%, -50%) translate(${data.label.x}px, ${data.label.y}px)`,
              color: data.kind === 'dependency' ? '#595959' : data.colour,
              borderColor: data.kind === 'dependency' ? '#d9d9d9' : data.colour,
              opacity: data.dimmed ? 0.3 : 1,
            }}
          >
            {data.text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

const nodeTypes: NodeTypes = { asset: AssetNodeView, boundary: BoundaryNodeView };
const edgeTypes: EdgeTypes = { routed: RoutedEdgeView };

/** The text on an edge: the flow's stage in order, the dependency's kind, or the access point. */
export function useEdgeText() {
  const { t } = useTranslation();
  const labels = useCiiLabels();
  return (e: GraphEdgeModel, multipleFlows: boolean): string =>
    e.type === 'flow'
      ? `${multipleFlows ? `F${e.flowIndex + 1} ` : ''}${ordinal(e.hopIndex + 1)} ${labels.stage(e.stage)}`
      : e.boundaryPoint
        ? `${t('cii.graph.pointTag')} · ${labels.dependency(e.kind)}`
        : labels.dependency(e.kind);
}

export function BoundaryGraph({
  model,
  layout,
  visible,
  multipleFlows,
  selectedId,
  onSelect,
  height,
}: {
  model: BoundaryModel;
  layout: GraphLayout;
  visible: ReadonlySet<string>;
  multipleFlows: boolean;
  selectedId: string | null;
  onSelect: (assetId: string | null) => void;
  height: number;
}) {
  const { t } = useTranslation();
  const edgeText = useEdgeText();

  const nodes = useMemo(() => {
    const list: Node[] = [];
    if (layout.boundary) {
      const box: BoundaryNode = {
        id: BOUNDARY_ID,
        type: 'boundary',
        position: { x: layout.boundary.x, y: layout.boundary.y },
        data: { label: t('cii.graph.boundaryBox') },
        style: { width: layout.boundary.width, height: layout.boundary.height },
        width: layout.boundary.width,
        height: layout.boundary.height,
        selectable: false,
        draggable: false,
        focusable: false,
        zIndex: -1,
      };
      list.push(box);
    }
    for (const [id, info] of model.assets) {
      const position = layout.nodes.get(id);
      if (!visible.has(id) || !position) continue;
      const node: AssetNode = {
        id,
        type: 'asset',
        position,
        data: { info, multipleFlows },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        selected: id === selectedId,
        draggable: false,
        ariaLabel: `${info.asset.code} ${info.asset.name}`,
      };
      list.push(node);
    }
    return list;
  }, [model, layout, visible, multipleFlows, selectedId, t]);

  const edges = useMemo(() => {
    // With an asset selected, its own edges and the chain that pulled it inside stay bright.
    const chainLinks = new Set<string>();
    const reason = selectedId ? model.assets.get(selectedId)?.inside?.reason : undefined;
    if (reason?.kind === 'dependency') {
      let previous = reason.from;
      for (const step of reason.chain) {
        chainLinks.add(`${previous}>${step.assetId}>${step.via}`);
        previous = step.assetId;
      }
    }
    const bright = (e: GraphEdgeModel) =>
      e.from === selectedId ||
      e.to === selectedId ||
      (e.type === 'dependency' && chainLinks.has(`${e.from}>${e.to}>${e.kind}`));
    const list: RoutedEdge[] = [];
    for (const e of model.edges) {
      const route = layout.edges.get(e.id);
      if (!route) continue;
      const kind = e.type === 'flow' ? 'flow' : e.boundaryPoint ? 'point' : 'dependency';
      const colour =
        e.type === 'flow'
          ? FLOW_COLOURS[e.flowIndex % FLOW_COLOURS.length]!
          : kind === 'point'
            ? POINT_COLOUR
            : DEPENDENCY_COLOUR;
      list.push({
        id: e.id,
        type: 'routed',
        source: e.from,
        target: e.to,
        selectable: false,
        focusable: false,
        markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 16, height: 16 },
        zIndex: kind === 'dependency' ? 0 : 1,
        data: {
          points: route.points,
          label: route.label,
          text: edgeText(e, multipleFlows),
          colour,
          kind,
          dimmed: selectedId !== null && !bright(e),
        },
      });
    }
    return list;
  }, [model, layout, multipleFlows, selectedId, edgeText]);

  return (
    <div style={{ height, border: '1px solid #f0f0f0', borderRadius: 6 }} data-testid="cii-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onNodeClick={(_, node) => node.type === 'asset' && onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
        fitView
        fitViewOptions={{ padding: FIT_PADDING, maxZoom: 1, minZoom: 0.7 }}
        minZoom={0.15}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} color="#f0f0f0" />
        <Controls showInteractive={false} />
        {nodes.length > 12 && (
          <MiniMap
            pannable
            zoomable
            nodeColor={(n) => {
              if (n.type !== 'asset') return 'rgba(22,119,255,0.08)';
              const info = (n.data as AssetNodeData).info;
              return info.inside ? BOUNDARY_COLOUR : info.asset.external ? POINT_COLOUR : '#d9d9d9';
            }}
          />
        )}
      </ReactFlow>
    </div>
  );
}
