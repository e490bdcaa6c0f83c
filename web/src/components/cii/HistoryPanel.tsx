import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CiiAssetRef, CiiDeterminationView } from '../../../../src/shared/cii-schemas';
import { useCiiDeterminations } from '../../api/cii-hooks';
import { formatTimestamp } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import type { CiiPanelProps } from './panel-props';

function Refs({ refs, colour }: { refs: readonly CiiAssetRef[]; colour: string }) {
  if (refs.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {refs.map((r) => (
        <Tag key={r.assetId} color={colour} style={{ marginInlineEnd: 0 }}>
          {r.code} {r.name}
        </Tag>
      ))}
    </Space>
  );
}

/** 认定历史: every recorded boundary determination, what it added and removed. */
export function HistoryPanel({ orgId, business }: CiiPanelProps) {
  const { t } = useTranslation();
  const list = useCiiDeterminations(orgId, business.id);
  if (list.isError) return <ApiErrorAlert error={list.error} />;
  return (
    <Card size="small" title={t('cii.history.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('cii.history.hint')}</Typography.Text>
        <Table<CiiDeterminationView>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={(list.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('cii.history.empty') }}
          expandable={{
            expandedRowRender: (d) => (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                <Typography.Text strong>{t('cii.history.insideList')}</Typography.Text>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {d.inside.map((a) => (
                    <li key={a.assetId}>
                      <Typography.Text code>{a.code}</Typography.Text> {a.name}
                      <Typography.Text type="secondary"> — {a.explanationZh}</Typography.Text>
                    </li>
                  ))}
                </ul>
                {d.boundaryPoints.length > 0 && (
                  <>
                    <Typography.Text strong>{t('cii.panel.boundaryPoints')}</Typography.Text>
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {d.boundaryPoints.map((p) => (
                        <li key={`${p.inside.assetId}-${p.external.assetId}`}>
                          {p.inside.code} {p.inside.name} ⇄ {p.external.code} {p.external.name}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cii.history.rules', { id: d.rulesId })}
                </Typography.Text>
              </Space>
            ),
          }}
          columns={[
            {
              title: t('cii.history.at'),
              dataIndex: 'determinedAt',
              width: 150,
              render: (at: string) => formatTimestamp(at),
            },
            { title: t('cii.history.by'), dataIndex: 'determinedBy', width: 120 },
            {
              title: t('cii.history.inside'),
              key: 'inside',
              width: 100,
              align: 'right',
              render: (_, d) => t('cii.countAssets', { count: d.inside.length }),
            },
            {
              title: t('cii.history.added'),
              key: 'added',
              render: (_, d) => <Refs refs={d.added} colour="green" />,
            },
            {
              title: t('cii.history.removed'),
              key: 'removed',
              render: (_, d) => <Refs refs={d.removed} colour="red" />,
            },
            {
              title: t('cii.determination.note'),
              dataIndex: 'note',
              render: (n: string | null) => n ?? '—',
            },
          ]}
        />
      </Space>
    </Card>
  );
}
