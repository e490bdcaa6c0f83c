import { CatalogGaps } from '../../components/catalog/CatalogGaps';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Input,
  Row,
  Segmented,
  Skeleton,
  Space,
  Spin,
  Typography,
  type InputRef,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogExtension, CatalogItemDto } from '../../../../src/shared/api-types';
import { useCatalogItems, useCatalogSummary } from '../../api/catalog-hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import '../../components/catalog/catalog.css';
import {
  CATALOG_LEVELS,
  EXTENSION_ORDER,
  availableExtensions,
  bilingual,
  groupItems,
  levelCounts,
  useCatalogView,
  type CatalogLevel,
} from '../../components/catalog/catalog-model';
import { CatalogTree, CatalogTreeColumns, groupKeys } from '../../components/catalog/CatalogTree';
import {
  RequirementDetail,
  RequirementPlaceholder,
} from '../../components/catalog/RequirementDetail';
import { downloadText, toCsv } from '../../lib/csv';

const SEARCH_DELAY_MS = 300;

/** Typing in a field: single-key shortcuts stay out of the way. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** 基本要求: the GB/T 22239-2019 catalog by level and extension, searchable, deep-linkable. */
export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const [view, update] = useCatalogView();
  const summary = useCatalogSummary();
  const extensions: CatalogExtension[] = ['general', ...view.extensions];
  const all = useCatalogItems({ level: view.level, extensions });
  const shown = useCatalogItems({ level: view.level, extensions, q: view.q || undefined });

  // The search box answers as one types; the URL (and the API call) follows after a pause.
  const [text, setText] = useState(view.q);
  const updateRef = useRef(update);
  updateRef.current = update;
  useEffect(() => {
    if (text.trim() === view.q) return;
    const timer = setTimeout(() => {
      updateRef.current({ q: text });
      setCollapsed(new Set());
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, view.q]);

  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const groups = useMemo(() => groupItems(shown.data?.items ?? []), [shown.data]);
  const expandedKeys = groupKeys(groups).filter((key) => !collapsed.has(key));

  // Keyboard: "/" goes to the search box, Escape closes the detail.
  const searchRef = useRef<InputRef>(null);
  const closeRef = useRef(() => update({ id: null }));
  closeRef.current = () => update({ id: null });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        searchRef.current?.focus({ cursor: 'all' });
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        if (document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')) return;
        closeRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A deep link to a requirement scrolls it into view once the tree is there.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!view.id || scrolledTo.current === view.id || !shown.data) return;
    scrolledTo.current = view.id;
    const row = document.querySelector(`[data-requirement-id="${CSS.escape(view.id)}"]`);
    row?.scrollIntoView({ block: 'center' });
  }, [view.id, shown.data]);

  const available = availableExtensions(summary.data);
  const counts = summary.data ? levelCounts(summary.data, view.level, view.extensions) : null;
  const levelLabel = t(`level.short.${view.level}`);
  const withHighRisk = all.data?.items.filter((i) => i.highRiskCaseIds.length > 0).length;

  const exportCsv = () => {
    const items = shown.data?.items ?? [];
    const text = (value: { zh: string; en: string }) => bilingual(i18n.language, value);
    const rows = items.map((item: CatalogItemDto) => [
      item.clause,
      item.id,
      item.testId,
      t(`catalog.extensionFull.${item.extension}`),
      t(`catalog.category.${item.category}`),
      text(item.controlPointTitle),
      text(item.title),
      text(item.summary),
      item.weight?.value,
      item.highRiskCaseIds.join(' '),
      t(`provenance.${item.provenanceStatus}`),
    ]);
    downloadText(
      t('catalog.exportFile', { level: levelLabel }),
      toCsv(
        [
          t('catalog.detail.clause'),
          t('catalog.csv.id'),
          t('catalog.detail.testId'),
          t('catalog.csv.extension'),
          t('catalog.csv.category'),
          t('catalog.detail.controlPoint'),
          t('catalog.csv.title'),
          t('catalog.detail.summary'),
          t('catalog.detail.weight'),
          t('catalog.detail.highRisk'),
          t('catalog.detail.provenance'),
        ],
        rows,
      ),
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="bottom" gutter={16}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('catalog.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('catalog.subtitle')}</Typography.Text>
        </Col>
        <Col>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.keyboardHint')}
          </Typography.Text>
        </Col>
      </Row>

      {summary.isError && <ApiErrorAlert error={summary.error} />}
      <Card size="small">
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          <Space wrap size={[24, 8]}>
            <Space size={8}>
              <Typography.Text type="secondary">{t('catalog.levelLabel')}</Typography.Text>
              <Segmented<CatalogLevel>
                aria-label={t('catalog.levelLabel')}
                value={view.level}
                onChange={(level) => update({ level })}
                options={CATALOG_LEVELS.map((level) => ({
                  value: level,
                  label: t(`level.short.${level}`),
                }))}
              />
            </Space>
            <Space size={8} role="group" aria-label={t('catalog.extensionsLabel')}>
              <Typography.Text type="secondary">{t('catalog.extensionsLabel')}</Typography.Text>
              <Checkbox.Group<CatalogExtension>
                value={extensions}
                onChange={(values) => update({ extensions: values.filter((e) => e !== 'general') })}
                options={EXTENSION_ORDER.map((extension) => {
                  const count = summary.data?.counts.find(
                    (c) => c.level === view.level && c.extension === extension,
                  )?.items;
                  const missing = summary.data !== undefined && !available.has(extension);
                  return {
                    value: extension,
                    disabled: extension === 'general' || missing,
                    label: (
                      <span>
                        {t(`catalog.extension.${extension}`)}
                        {missing ? (
                          <Typography.Text type="secondary">{t('catalog.noData')}</Typography.Text>
                        ) : count !== undefined ? (
                          <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>
                            {count}
                          </Typography.Text>
                        ) : null}
                      </span>
                    ),
                  };
                })}
              />
            </Space>
          </Space>
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Input
              ref={searchRef}
              allowClear
              prefix={<SearchOutlined />}
              suffix={<kbd className="catalog-kbd">/</kbd>}
              aria-label={t('catalog.searchLabel')}
              placeholder={t('catalog.searchPlaceholder')}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && text) {
                  event.preventDefault();
                  setText('');
                }
              }}
              style={{ width: 420 }}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={exportCsv}
              disabled={!shown.data?.items.length}
            >
              {t('catalog.export')}
            </Button>
          </Space>
          <div className="catalog-stats" data-testid="catalog-summary">
            <Typography.Text strong>
              {t('catalog.summary.label', { level: levelLabel })}
            </Typography.Text>
            <Stat
              id="controlPoints"
              label={t('catalog.summary.controlPoints')}
              value={counts && t('catalog.summary.countPoints', { count: counts.controlPoints })}
            />
            <Stat
              id="items"
              label={t('catalog.summary.items')}
              value={counts && t('catalog.summary.countItems', { count: counts.items })}
            />
            <Stat
              id="technical"
              label={t('catalog.summary.technical')}
              value={counts && t('catalog.summary.countItems', { count: counts.technical })}
            />
            <Stat
              id="management"
              label={t('catalog.summary.management')}
              value={counts && t('catalog.summary.countItems', { count: counts.management })}
            />
            <Stat
              id="highRisk"
              label={t('catalog.summary.highRisk')}
              danger
              value={
                withHighRisk !== undefined &&
                t('catalog.summary.countItems', { count: withHighRisk })
              }
            />
            {view.q && (
              <Stat
                id="matches"
                label={t('catalog.summary.matches')}
                value={shown.data && t('catalog.summary.countItems', { count: shown.data.total })}
              />
            )}
          </div>
          <CatalogGaps
            gaps={(summary.data?.coverage ?? []).filter(
              (c) => c.level === view.level && extensions.includes(c.extension),
            )}
          />
        </Space>
      </Card>

      <Row gutter={16} align="stretch">
        <Col xs={24} xl={13}>
          <Card
            size="small"
            title={t('catalog.tree.label')}
            extra={
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setCollapsed(new Set())}>
                  {t('catalog.tree.expandAll')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setCollapsed(new Set(groupKeys(groups)))}
                >
                  {t('catalog.tree.collapseAll')}
                </Button>
              </Space>
            }
          >
            {shown.isError ? (
              <ApiErrorAlert error={shown.error} />
            ) : shown.isPending ? (
              <Skeleton active paragraph={{ rows: 12 }} />
            ) : groups.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('catalog.tree.empty', { level: levelLabel })}
              />
            ) : (
              <Spin spinning={shown.isFetching} delay={200}>
                <CatalogTreeColumns />
                <CatalogTree
                  groups={groups}
                  expandedKeys={expandedKeys}
                  selectedId={view.id}
                  onSelect={(id) => update({ id })}
                  onExpand={(key, expanded) =>
                    setCollapsed((previous) => {
                      const next = new Set(previous);
                      if (expanded) next.delete(key);
                      else next.add(key);
                      return next;
                    })
                  }
                />
              </Spin>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          {view.id ? (
            <RequirementDetail
              key={view.id}
              id={view.id}
              level={view.level}
              onClose={() => update({ id: null })}
            />
          ) : (
            <RequirementPlaceholder />
          )}
        </Col>
      </Row>
    </Space>
  );
}

function Stat({
  id,
  label,
  value,
  danger = false,
}: {
  id: string;
  label: string;
  value: string | null | false | undefined;
  danger?: boolean;
}) {
  return (
    <span>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text
        className="catalog-stat-value"
        type={danger ? 'danger' : undefined}
        data-testid={`catalog-stat-${id}`}
      >
        {value || '…'}
      </Typography.Text>
    </span>
  );
}
