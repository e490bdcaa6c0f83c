import { InfoCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Popover,
  Row,
  Skeleton,
  Space,
  Statistic,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CiiAssetRef } from '../../../../src/shared/cii-schemas';
import { useCiiBoundary } from '../../api/cii-hooks';
import { formatTimestamp } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { AssetDetailPanel } from './AssetDetailPanel';
import { buildBoundaryModel, layoutBoundary, unrelatedAssets } from './boundary-model';
import {
  BOUNDARY_COLOUR,
  BoundaryGraph,
  DEPENDENCY_COLOUR,
  FIT_MARGIN,
  FLOW_COLOURS,
  POINT_COLOUR,
  useEdgeText,
} from './BoundaryGraph';
import type { CiiPanelProps } from './panel-props';
import { RecordDeterminationButton } from './RecordDeterminationButton';

const PANEL_WIDTH = 340;
const MIN_HEIGHT = 380;
/** Below this zoom the text is too small to read: the drawing is shown larger and panned. */
const MIN_READABLE_ZOOM = 0.7;

/** The zoom at which a drawing fits the box (capped at 1: small graphs are not blown up). */
const fitZoom = (w: number, h: number, width: number, height: number) =>
  Math.min(1, (width - FIT_MARGIN.x) / Math.max(w, 1), (height - FIT_MARGIN.y) / Math.max(h, 1));

/** Width of an element, kept up to date. */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** 边界图: the computed boundary as a graph, why each asset is (not) inside, and the determination. */
export function BoundaryPanel({ orgId, business, editable, openTab }: CiiPanelProps) {
  const { t } = useTranslation();
  const answer = useCiiBoundary(orgId, business.id);
  const edgeText = useEdgeText();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hideUnrelated, setHideUnrelated] = useState(false);

  const model = useMemo(
    () => (answer.data ? buildBoundaryModel(answer.data) : null),
    [answer.data],
  );
  const multipleFlows = (answer.data?.flows.length ?? 0) > 1;
  const hidden = useMemo(
    () => (model && hideUnrelated ? unrelatedAssets(model) : new Set<string>()),
    [model, hideUnrelated],
  );
  const visible = useMemo(
    () => new Set([...(model?.assets.keys() ?? [])].filter((id) => !hidden.has(id))),
    [model, hidden],
  );
  const [graphBox, graphWidth] = useWidth<HTMLDivElement>();
  const maxHeight = Math.max(560, window.innerHeight - 150);
  // Left to right reads like the flow; top to bottom fits better when few ranks are very wide.
  const layout = useMemo(() => {
    if (!model) return null;
    const label = (e: Parameters<typeof edgeText>[0]) => edgeText(e, multipleFlows);
    const lr = layoutBoundary(model, visible, label, 'LR');
    const tb = layoutBoundary(model, visible, label, 'TB');
    const width = graphWidth || 800;
    return fitZoom(tb.width, tb.height, width, maxHeight) >
      fitZoom(lr.width, lr.height, width, maxHeight) * 1.15
      ? tb
      : lr;
  }, [model, visible, edgeText, multipleFlows, graphWidth, maxHeight]);
  // As tall as the drawing needs at the width available (within the window).
  const height = layout
    ? Math.round(
        Math.min(
          maxHeight,
          Math.max(
            MIN_HEIGHT,
            layout.height *
              Math.max(MIN_READABLE_ZOOM, Math.min(1, (graphWidth - FIT_MARGIN.x) / layout.width)) +
              FIT_MARGIN.y,
          ),
        ),
      )
    : MIN_HEIGHT;

  if (answer.isError) return <ApiErrorAlert error={answer.error} />;
  if (answer.isPending || !model || !layout) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { boundary, sinceLast, flows, assets } = answer.data;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={[12, 12]} align="middle">
        <Col>
          <Card size="small">
            <Statistic
              title={t('cii.graph.insideCount')}
              value={model.insideCount}
              suffix={t('cii.unit.assets', { count: model.insideCount })}
              styles={{ content: { color: BOUNDARY_COLOUR } }}
              data-testid="cii-count-inside"
            />
          </Card>
        </Col>
        <Col>
          <Card size="small">
            <Statistic
              title={t('cii.graph.outsideCount')}
              value={model.outsideCount}
              suffix={t('cii.unit.assets', { count: model.outsideCount })}
              data-testid="cii-count-outside"
            />
          </Card>
        </Col>
        <Col>
          <Card size="small">
            <Statistic
              title={t('cii.graph.pointCount')}
              value={model.boundaryPointCount}
              suffix={t('cii.unit.points', { count: model.boundaryPointCount })}
              styles={{ content: { color: model.boundaryPointCount ? POINT_COLOUR : undefined } }}
              data-testid="cii-count-points"
            />
          </Card>
        </Col>
        <Col flex="auto">
          <Flex justify="flex-end" align="center" gap={16} wrap>
            <Popover
              trigger="click"
              title={t('cii.graph.rules')}
              styles={{ root: { maxWidth: 460 } }}
              content={
                <Space orientation="vertical" size={4}>
                  <Typography.Text>{boundary.rules.source}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('cii.graph.rulesFollow')}
                  </Typography.Text>
                  <Space size={[4, 4]} wrap>
                    {Object.entries(boundary.rules.follow).map(([kind, on]) => (
                      <Tag key={kind} color={on ? 'blue' : 'default'}>
                        {t(`cii.graph.followKind.${kind}`)}
                        {on ? '' : ` · ${t('cii.graph.notFollowed')}`}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              }
            >
              <Button type="link" icon={<InfoCircleOutlined />} style={{ paddingInline: 0 }}>
                {t('cii.graph.rules')}
                <Tag
                  color={boundary.rules.status === 'confirmed' ? 'success' : 'warning'}
                  style={{ marginInlineStart: 6 }}
                >
                  {t(`provenance.${boundary.rules.status}`)}
                </Tag>
              </Button>
            </Popover>
            <Space size={6}>
              <Switch
                size="small"
                checked={hideUnrelated}
                onChange={setHideUnrelated}
                id="cii-hide-unrelated"
              />
              <label htmlFor="cii-hide-unrelated" style={{ fontSize: 13 }}>
                {t('cii.graph.hideUnrelated', { count: unrelatedAssets(model).size })}
              </label>
            </Space>
            {editable && (
              <RecordDeterminationButton
                orgId={orgId}
                businessId={business.id}
                insideCount={model.insideCount}
                primary={!sinceLast || sinceLast.added.length + sinceLast.removed.length > 0}
              />
            )}
          </Flex>
        </Col>
      </Row>

      <DeterminationBanner sinceLast={sinceLast} />

      {flows.length === 0 ? (
        <Card size="small">
          <Empty
            description={assets.length === 0 ? t('cii.graph.noAssets') : t('cii.graph.noFlows')}
          >
            <Button
              type="primary"
              onClick={() => openTab(assets.length === 0 ? 'assets' : 'flows')}
            >
              {assets.length === 0 ? t('cii.graph.toAssets') : t('cii.graph.toFlows')}
            </Button>
          </Empty>
        </Card>
      ) : null}

      <Legend flowNames={flows.map((f) => f.name)} />
      <Row gutter={12} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }} ref={graphBox}>
          <BoundaryGraph
            key={`${layout.rankdir}${height}${[...visible].join(',')}${model.edges.length}`}
            model={model}
            layout={layout}
            visible={visible}
            multipleFlows={multipleFlows}
            selectedId={selectedId}
            onSelect={setSelectedId}
            height={height}
          />
        </Col>
        <Col flex={`${PANEL_WIDTH}px`} style={{ height }}>
          <AssetDetailPanel
            orgId={orgId}
            answer={answer.data}
            model={model}
            selectedId={selectedId}
            onSelect={setSelectedId}
          />
        </Col>
      </Row>
    </Space>
  );
}

function RefTags({ refs, colour }: { refs: readonly CiiAssetRef[]; colour: string }) {
  return (
    <>
      {refs.map((r) => (
        <Tag key={r.assetId} color={colour}>
          {r.code} {r.name}
        </Tag>
      ))}
    </>
  );
}

/** Whether the computed boundary still matches the last determination (dynamic identification). */
function DeterminationBanner({
  sinceLast,
}: {
  sinceLast: NonNullable<ReturnType<typeof useCiiBoundary>['data']>['sinceLast'];
}) {
  const { t } = useTranslation();
  if (!sinceLast)
    return (
      <Alert
        type="info"
        showIcon
        title={t('cii.banner.never')}
        description={t('cii.banner.neverHint')}
        data-testid="cii-banner"
      />
    );
  const changed = sinceLast.added.length + sinceLast.removed.length > 0;
  const when = formatTimestamp(sinceLast.determinedAt);
  if (!changed)
    return (
      <Alert
        type="success"
        showIcon
        title={t('cii.banner.same', { when })}
        data-testid="cii-banner"
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      title={t('cii.banner.changed', { when })}
      data-testid="cii-banner"
      description={
        <Space orientation="vertical" size={4}>
          {sinceLast.added.length > 0 && (
            <div>
              {t('cii.banner.added', { count: sinceLast.added.length })}
              <RefTags refs={sinceLast.added} colour="green" />
            </div>
          )}
          {sinceLast.removed.length > 0 && (
            <div>
              {t('cii.banner.removed', { count: sinceLast.removed.length })}
              <RefTags refs={sinceLast.removed} colour="red" />
            </div>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cii.banner.changedHint')}
          </Typography.Text>
        </Space>
      }
    />
  );
}

function Legend({ flowNames }: { flowNames: string[] }) {
  const { t } = useTranslation();
  const line = (colour: string, dash: string | undefined, width: number) => (
    <svg width="30" height="10" aria-hidden>
      <line
        x1="0"
        y1="5"
        x2="30"
        y2="5"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dash}
      />
    </svg>
  );
  return (
    <div className="cii-legend" aria-label={t('cii.legend.title')}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cii.legend.title')}
      </Typography.Text>
      <span className="cii-legend-item">
        <span
          className="cii-legend-box"
          style={{
            border: `2px dashed ${BOUNDARY_COLOUR}`,
            background: 'rgba(22,119,255,0.04)',
            borderRadius: 4,
          }}
        />
        {t('cii.legend.boundary')}
      </span>
      <span className="cii-legend-item">
        <span
          className="cii-legend-box"
          style={{ border: `2px solid ${BOUNDARY_COLOUR}`, borderRadius: 3 }}
        />
        {t('cii.legend.inside')}
      </span>
      <span className="cii-legend-item">
        <span
          className="cii-legend-box"
          style={{ border: '1px solid #d9d9d9', background: '#f5f5f5', borderRadius: 3 }}
        />
        {t('cii.legend.outside')}
      </span>
      <span className="cii-legend-item">
        <span
          className="cii-legend-box"
          style={{
            border: `2px dashed ${DEPENDENCY_COLOUR}`,
            background: '#fafafa',
            borderRadius: 7,
          }}
        />
        {t('cii.legend.external')}
      </span>
      {flowNames.map((name, i) => (
        <span key={name} className="cii-legend-item">
          {line(FLOW_COLOURS[i % FLOW_COLOURS.length]!, undefined, 2.2)}
          {flowNames.length > 1 ? `F${i + 1} ` : ''}
          {t('cii.legend.flow', { name })}
        </span>
      ))}
      <span className="cii-legend-item">
        {line(DEPENDENCY_COLOUR, '6 4', 1.4)}
        {t('cii.legend.dependency')}
      </span>
      <span className="cii-legend-item">
        {line(POINT_COLOUR, '9 4', 3)}
        {t('cii.legend.point')}
      </span>
      <span className="cii-legend-item">
        <Tag style={{ margin: 0, fontSize: 11 }}>{t('cii.legend.shapes')}</Tag>
      </span>
    </div>
  );
}
