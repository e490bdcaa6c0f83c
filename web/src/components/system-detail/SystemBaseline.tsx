import { BookOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type {
  BaselineDto,
  CatalogItemDto,
  SystemDetailDto,
} from '../../../../src/shared/api-types';
import { useSystemBaseline } from '../../api/catalog-hooks';
import { ApiRequestError } from '../../api/client';
import { downloadText, toCsv } from '../../lib/csv';
import { ApiErrorAlert } from '../ApiErrorAlert';
import '../catalog/catalog.css';
import { CatalogGaps } from '../catalog/CatalogGaps';
import { EXTENSION_COLOURS, bilingual, formatWeight, groupItems } from '../catalog/catalog-model';
import { LevelTag } from '../LevelTag';

/** 基线: the GB/T 22239 requirement items this system must meet, by category. */
export function SystemBaseline({
  orgId,
  detail,
  onGrade,
}: {
  orgId: string;
  detail: SystemDetailDto;
  onGrade: () => void;
}) {
  const { t } = useTranslation();
  const graded = detail.system.level !== null;
  const baseline = useSystemBaseline(orgId, detail.system.id, graded);
  const ungraded =
    !graded ||
    (baseline.error instanceof ApiRequestError && baseline.error.body.code === 'VALIDATION_FAILED');

  if (ungraded) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="baseline-ungraded"
        title={t('baseline.ungraded')}
        description={t('baseline.ungradedHint')}
        action={
          <Button type="primary" onClick={onGrade}>
            {t('baseline.goGrade')}
          </Button>
        }
      />
    );
  }
  if (baseline.isError) return <ApiErrorAlert error={baseline.error} />;
  if (baseline.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <BaselineView orgId={orgId} baseline={baseline.data} systemName={detail.system.name} />;
}

function BaselineView({
  orgId,
  baseline,
  systemName,
}: {
  orgId: string;
  baseline: BaselineDto;
  systemName: string;
}) {
  const { t, i18n } = useTranslation();
  const text = (value: { zh: string; en: string }) => bilingual(i18n.language, value);
  const groups = groupItems(baseline.items);
  const allKeys = groups.map((g) => g.category);
  // All categories open, but the first one paints first: rendering 200+ rows with their tooltips
  // at once kept the whole tab blank for over a second. The rest follow as a transition.
  const [openKeys, setOpenKeys] = useState<string[]>(allKeys.slice(0, 1));
  const allKeysId = allKeys.join(',');
  useEffect(() => {
    const frame = requestAnimationFrame(() =>
      startTransition(() => setOpenKeys(allKeysId ? allKeysId.split(',') : [])),
    );
    return () => cancelAnimationFrame(frame);
  }, [allKeysId]);
  const extensions = baseline.extensions.filter((e) => e !== 'general');
  const browse = new URLSearchParams({ level: String(baseline.requirementsLevel) });
  if (extensions.length > 0) browse.set('ext', extensions.join(','));
  // Each item opens in the catalog with this baseline's level and extensions around it.
  const link = (item: CatalogItemDto) =>
    `/o/${orgId}/catalog?${new URLSearchParams([...browse.entries(), ['id', item.id]]).toString()}`;

  const exportCsv = () =>
    downloadText(
      t('baseline.exportFile', { name: systemName }),
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
          t('baseline.alsoSatisfies'),
        ],
        groups.flatMap((g) =>
          g.controlPoints.flatMap((p) =>
            p.items.map((item) => [
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
              item.alsoSatisfies.map((m) => `A.${m.controlId}`).join(' '),
            ]),
          ),
        ),
      ),
    );

  const stat = (id: string, label: string, value: string) => (
    <span key={id}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text className="catalog-stat-value" data-testid={`baseline-stat-${id}`}>
        {value}
      </Typography.Text>
    </span>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space size={8}>
            {t('baseline.title')}
            <LevelTag level={baseline.level as 1 | 2 | 3 | 4 | 5} />
          </Space>
        }
        extra={
          <Space>
            <Link to={`/o/${orgId}/catalog?${browse.toString()}`}>
              <Button icon={<BookOutlined />}>{t('baseline.openCatalog')}</Button>
            </Link>
            <Button icon={<DownloadOutlined />} onClick={exportCsv}>
              {t('catalog.export')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('baseline.intro', { level: t(`level.short.${baseline.level}`) })}
          </Typography.Text>
          <Space size={[4, 4]} wrap>
            <Typography.Text type="secondary">
              {t('baseline.extensions')}
              {t('common.labelSeparator')}
            </Typography.Text>
            {baseline.extensions.map((e) => (
              <Tag key={e} color={EXTENSION_COLOURS[e]} style={{ marginInlineEnd: 0 }}>
                {t(`catalog.extensionFull.${e}`)}
              </Tag>
            ))}
            {baseline.cloudRole && (
              <>
                <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                  {t('baseline.cloudRole')}
                  {t('common.labelSeparator')}
                </Typography.Text>
                <Tag color="blue">{t(`catalog.responsibility.${baseline.cloudRole}`)}</Tag>
              </>
            )}
          </Space>
          {baseline.requirementsLevel !== baseline.level && (
            <Alert
              type="info"
              showIcon
              title={t('baseline.requirementsLevel', {
                level: t(`level.short.${baseline.requirementsLevel}`),
              })}
            />
          )}
          <CatalogGaps gaps={baseline.gaps} />
          <div className="catalog-stats" data-testid="baseline-summary">
            {stat(
              'controlPoints',
              t('catalog.summary.controlPoints'),
              t('catalog.summary.countPoints', { count: baseline.counts.controlPoints }),
            )}
            {stat(
              'items',
              t('catalog.summary.items'),
              t('catalog.summary.countItems', { count: baseline.counts.items }),
            )}
            {stat(
              'technical',
              t('catalog.summary.technical'),
              t('catalog.summary.countItems', { count: baseline.counts.byKind.technical }),
            )}
            {stat(
              'management',
              t('catalog.summary.management'),
              t('catalog.summary.countItems', { count: baseline.counts.byKind.management }),
            )}
            {baseline.extensions.length > 1 && <span className="catalog-stats-sep" />}
            {baseline.extensions.length > 1 &&
              baseline.extensions.map((e) =>
                stat(
                  `ext-${e}`,
                  t(`catalog.extension.${e}`),
                  t('catalog.summary.countItems', { count: baseline.counts.byExtension[e] ?? 0 }),
                ),
              )}
          </div>
        </Space>
      </Card>

      {groups.length === 0 ? (
        <Alert type="info" showIcon title={t('baseline.empty')} />
      ) : (
        <Collapse
          size="small"
          activeKey={openKeys}
          onChange={(keys) => setOpenKeys(Array.isArray(keys) ? keys : [keys])}
          items={groups.map((group) => ({
            key: group.category,
            label: (
              <Space size={8}>
                <Typography.Text strong>{t(`catalog.category.${group.category}`)}</Typography.Text>
                <Typography.Text type="secondary" className="catalog-mono">
                  {group.category}
                </Typography.Text>
              </Space>
            ),
            extra: (
              <Typography.Text type="secondary">
                {t('catalog.tree.items', { count: group.count })}
              </Typography.Text>
            ),
            children: (
              <Table<CatalogItemDto>
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={group.controlPoints.flatMap((p) => p.items)}
                columns={[
                  {
                    title: t('catalog.detail.clause'),
                    dataIndex: 'clause',
                    width: 110,
                    render: (clause: string, item) => (
                      <Link to={link(item)} className="catalog-mono">
                        {clause}
                      </Link>
                    ),
                  },
                  {
                    title: t('catalog.detail.controlPoint'),
                    width: 160,
                    render: (_, item) => (
                      <Space size={4}>
                        {text(item.controlPointTitle)}
                        {item.extension !== 'general' && (
                          <Tag
                            color={EXTENSION_COLOURS[item.extension]}
                            style={{ marginInlineEnd: 0 }}
                          >
                            {t(`catalog.extension.${item.extension}`)}
                          </Tag>
                        )}
                      </Space>
                    ),
                  },
                  {
                    title: t('catalog.csv.title'),
                    render: (_, item) => (
                      <Tooltip title={text(item.summary)} placement="topLeft">
                        <Link to={link(item)}>{text(item.title)}</Link>
                      </Tooltip>
                    ),
                  },
                  {
                    title: t('catalog.detail.testId'),
                    dataIndex: 'testId',
                    width: 110,
                    render: (testId: string | null) => (
                      <span className="catalog-mono">{testId ?? t('common.none')}</span>
                    ),
                  },
                  {
                    title: t('catalog.detail.weight'),
                    width: 64,
                    align: 'right',
                    render: (_, item) =>
                      item.weight ? formatWeight(item.weight.value) : t('common.none'),
                  },
                  {
                    title: t('catalog.tree.highRiskColumn'),
                    width: 96,
                    render: (_, item) =>
                      item.highRiskCaseIds.length > 0 ? (
                        <Tooltip title={item.highRiskCaseIds.join(t('common.listSeparator'))}>
                          <Tag color="red" style={{ marginInlineEnd: 0 }}>
                            {t('catalog.tree.highRisk', { count: item.highRiskCaseIds.length })}
                          </Tag>
                        </Tooltip>
                      ) : null,
                  },
                  {
                    title: t('baseline.alsoSatisfies'),
                    width: 150,
                    render: (_, item) =>
                      item.alsoSatisfies.length > 0 ? (
                        <Tooltip
                          title={item.alsoSatisfies
                            .map(
                              (m) => `${m.catalog} ${m.controlId} (${m.relation}, ${m.coverage})`,
                            )
                            .join('\n')}
                        >
                          <Typography.Text className="catalog-mono" type="secondary">
                            {item.alsoSatisfies.map((m) => `A.${m.controlId}`).join(' ')}
                          </Typography.Text>
                        </Tooltip>
                      ) : null,
                  },
                ]}
              />
            ),
          }))}
        />
      )}
    </Space>
  );
}
