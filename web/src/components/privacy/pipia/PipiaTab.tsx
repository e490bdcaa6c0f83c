/**
 * 影响评估 tab of 个人信息保护: the organisation's impact assessments (PIPIA) with status, the
 * activities they cover, the PIPL Art. 55 triggers, overall risk, approval and retention (Art. 56),
 * and the activities of the register that need one, from which an assessment is started.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  classificationTriggers,
  triggerCitations,
  useActivityClassifications,
  useCreatePipia,
  usePipias,
  usePrivacyActivities,
  type ActivitySummary,
  type PipiaSummaryDto,
  type PipiaTriggerDto,
} from '../../../api/pipia-hooks';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { CitationPopover } from '../../CitationPopover';
import { useCan, useCurrentOrganisation } from '../../OrganisationScope';
import { PipiaRiskTag, PipiaStatusTag, TriggerTags } from './pipia-labels';

/** Classifications fetched for the "needs an assessment" list (one request each). */
const MAX_CLASSIFIED = 200;

interface NeedRow {
  readonly activity: ActivitySummary;
  readonly triggers: readonly PipiaTriggerDto[];
  readonly covering: readonly PipiaSummaryDto[];
}

export function PipiaTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const organisation = useCurrentOrganisation();
  const navigate = useNavigate();
  const canWrite = useCan('privacy.write');
  const pipias = usePipias(organisation.id);
  const activities = usePrivacyActivities(organisation.id);
  const create = useCreatePipia(organisation.id);
  const [selected, setSelected] = useState<string[]>([]);

  const activityList = useMemo(() => activities.data ?? [], [activities.data]);
  const classified = activityList.slice(0, MAX_CLASSIFIED);
  const classifications = useActivityClassifications(
    organisation.id,
    classified.map((a) => a.id),
  );
  const activityById = useMemo(
    () => new Map(activityList.map((a) => [a.id, a] as const)),
    [activityList],
  );
  const items = pipias.data?.items ?? [];

  // Not yet assessed first, then those only covered by unfinished assessments, then approved.
  const rank = (row: NeedRow) =>
    row.covering.length === 0 ? 0 : row.covering.some((p) => p.status === 'approved') ? 2 : 1;
  const needs: NeedRow[] = classified
    .flatMap((activity, index) => {
      const triggers = classificationTriggers(classifications[index]?.data);
      if (triggers.length === 0) return [];
      const covering = items.filter((p) => p.activityIds.includes(activity.id));
      return [{ activity, triggers, covering }];
    })
    .sort((a, b) => rank(a) - rank(b));
  const classifying = classifications.some((c) => c.isPending);
  const classificationError = classifications.find((c) => c.isError)?.error;

  const start = async (activityIds: readonly string[]) => {
    const names = activityIds.map((id) => activityById.get(id)?.name ?? id).join('、');
    const title = t('pipia.defaultTitle', { names });
    const created = await create.mutateAsync({
      title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
      activityIds: [...activityIds],
      answers: {},
      reviewerIds: [],
    });
    setSelected([]);
    message.success(t('pipia.created'));
    void navigate(`/o/${organisation.id}/privacy/pipias/${created.id}`);
  };

  const activityNames = (p: PipiaSummaryDto) =>
    p.activities ??
    p.activityIds.map((id) => activityById.get(id) ?? { id, code: '', name: id.slice(0, 8) });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {create.isError && <ApiErrorAlert error={create.error} />}
      <Card
        size="small"
        title={t('pipia.needs.title')}
        data-testid="pipia-needs"
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={selected.length === 0}
              loading={create.isPending}
              onClick={() => void start(selected)}
            >
              {t('pipia.needs.startSelected', { count: selected.length })}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('pipia.needs.hint')}
        </Typography.Paragraph>
        {activities.isError && <ApiErrorAlert error={activities.error} />}
        {classificationError && <ApiErrorAlert error={classificationError} />}
        {activityList.length > MAX_CLASSIFIED && (
          <Typography.Paragraph type="warning">
            {t('pipia.needs.truncated', { count: MAX_CLASSIFIED, total: activityList.length })}
          </Typography.Paragraph>
        )}
        <Table<NeedRow>
          rowKey={(row) => row.activity.id}
          size="small"
          loading={activities.isPending || classifying}
          dataSource={needs}
          pagination={needs.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('pipia.needs.empty') }}
          rowSelection={
            canWrite
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                }
              : undefined
          }
          columns={[
            {
              title: t('pipia.field.activity'),
              key: 'activity',
              render: (_, row) => (
                <Space size={4}>
                  {row.activity.code && <Tag>{row.activity.code}</Tag>}
                  <span>{row.activity.name}</span>
                </Space>
              ),
            },
            {
              title: t('pipia.field.triggers'),
              key: 'triggers',
              render: (_, row) => <TriggerTags triggers={row.triggers} />,
            },
            {
              title: t('pipia.field.basis'),
              key: 'basis',
              width: 110,
              render: (_, row) => (
                <CitationPopover citations={row.triggers.flatMap(triggerCitations)} />
              ),
            },
            {
              title: t('pipia.needs.covering'),
              key: 'covering',
              render: (_, row) =>
                row.covering.length === 0 ? (
                  <Tag color="red">{t('pipia.needs.none')}</Tag>
                ) : (
                  <Space orientation="vertical" size={0}>
                    {row.covering.map((p) => (
                      <Space key={p.id} size={4}>
                        <PipiaStatusTag status={p.status} />
                        <Link to={`/o/${organisation.id}/privacy/pipias/${p.id}`}>{p.title}</Link>
                      </Space>
                    ))}
                  </Space>
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: t('common.actions'),
                    key: 'start',
                    width: 120,
                    render: (_: unknown, row: NeedRow) => (
                      <Button
                        size="small"
                        loading={create.isPending}
                        onClick={() => void start([row.activity.id])}
                      >
                        {t('pipia.needs.start')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card size="small" title={t('pipia.list.title')} data-testid="pipia-list">
        {pipias.isError && <ApiErrorAlert error={pipias.error} />}
        <Table<PipiaSummaryDto>
          rowKey="id"
          size="small"
          loading={pipias.isPending}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('pipia.list.empty') }}
          columns={[
            {
              title: t('pipia.field.title'),
              dataIndex: 'title',
              sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
              render: (title: string, p) => (
                <Link to={`/o/${organisation.id}/privacy/pipias/${p.id}`}>{title}</Link>
              ),
            },
            {
              title: t('pipia.field.status'),
              dataIndex: 'status',
              width: 100,
              filters: (['draft', 'in_review', 'approved', 'returned'] as const).map((s) => ({
                text: t(`pipia.status.${s}`),
                value: s,
              })),
              onFilter: (value, p) => p.status === value,
              render: (_, p) => <PipiaStatusTag status={p.status} />,
            },
            {
              title: t('pipia.field.activities'),
              key: 'activities',
              render: (_, p) => (
                <Space size={[0, 4]} wrap>
                  {activityNames(p).map((a) => (
                    <Tag key={a.id}>{a.code ? `${a.code} ${a.name}` : a.name}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('pipia.field.triggers'),
              key: 'triggers',
              render: (_, p) => <TriggerTags triggers={p.triggers} />,
            },
            {
              title: t('pipia.field.overallRisk'),
              dataIndex: 'overallRisk',
              width: 100,
              render: (_, p) => <PipiaRiskTag risk={p.overallRisk} />,
            },
            {
              title: t('pipia.field.approvedOn'),
              dataIndex: 'approvedOn',
              width: 120,
              sorter: (a, b) => (a.approvedOn ?? '').localeCompare(b.approvedOn ?? ''),
              render: (d: string | null) => d ?? '—',
            },
            {
              title: t('pipia.field.retainUntil'),
              dataIndex: 'retainUntil',
              width: 120,
              render: (d: string | null) => d ?? '—',
            },
          ]}
        />
      </Card>
    </Space>
  );
}
