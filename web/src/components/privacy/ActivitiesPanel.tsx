import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAllSystems } from '../../api/hooks';
import type { ActivityView, PipiaStatusDto } from '../../api/privacy-client';
import { privacyApi } from '../../api/privacy-client';
import {
  useActivities,
  useCreateActivity,
  useDeleteActivity,
  usePatchActivity,
  usePipiaStatuses,
} from '../../api/privacy-hooks';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ActivityDrawer } from './ActivityDrawer';
import { countryLabel } from './countries';
import { ImportExportButtons } from './ImportExportButtons';
import { SensitiveTag, useCategoryIndex } from './privacy-labels';

const PIPIA_COLOURS: Record<string, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'green',
  returned: 'orange',
};

/** The latest assessment covering each activity (approved ones first). */
function pipiaByActivity(pipias: readonly PipiaStatusDto[]): Map<string, PipiaStatusDto> {
  const rank = (p: PipiaStatusDto) => (p.status === 'approved' ? 1 : 0);
  const map = new Map<string, PipiaStatusDto>();
  for (const p of pipias) {
    for (const id of p.activityIds ?? []) {
      const known = map.get(id);
      if (
        !known ||
        rank(p) > rank(known) ||
        (rank(p) === rank(known) && (p.updatedAt ?? '') > (known.updatedAt ?? ''))
      )
        map.set(id, p);
    }
  }
  return map;
}

/** 处理活动: the processing register, with the create/edit drawer and import/export. */
export function ActivitiesPanel({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const language = i18n.language;
  const list = useActivities(orgId);
  const categories = useCategoryIndex();
  const systems = useAllSystems(orgId);
  const pipias = usePipiaStatuses(orgId);
  const create = useCreateActivity(orgId);
  const patch = usePatchActivity(orgId);
  const remove = useDeleteActivity(orgId);
  const [editing, setEditing] = useState<ActivityView | 'new' | null>(null);
  const [search, setSearch] = useState('');

  const systemNames = useMemo(
    () => new Map((systems.data?.items ?? []).map((s) => [s.id, s.name])),
    [systems.data],
  );
  const pipiaOf = useMemo(() => pipiaByActivity(pipias.data ?? []), [pipias.data]);
  const rows = (list.data ?? []).filter((a) => {
    const q = search.trim().toLowerCase();
    return !q || `${a.code} ${a.name} ${a.purpose}`.toLowerCase().includes(q);
  });

  const closeDrawer = () => {
    setEditing(null);
    create.reset();
    patch.reset();
  };
  const current = editing === 'new' ? undefined : (editing ?? undefined);

  return (
    <Card
      size="small"
      title={t('privacy.activity.list')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            size="small"
            placeholder={t('privacy.activity.search')}
            onSearch={setSearch}
            onChange={(e) => !e.target.value && setSearch('')}
            style={{ width: 200 }}
          />
          <ImportExportButtons orgId={orgId} canWrite={canWrite} />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('privacy.activity.create')}
            </Button>
          )}
        </Space>
      }
    >
      {list.isError && <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
      {remove.error !== null && <ApiErrorAlert error={remove.error} style={{ marginBottom: 12 }} />}
      <Table<ActivityView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('privacy.activity.empty') }}
        scroll={{ x: 1200 }}
        columns={[
          {
            title: t('privacy.field.code'),
            dataIndex: 'code',
            width: 100,
            sorter: (a, b) => a.code.localeCompare(b.code),
            defaultSortOrder: 'ascend',
          },
          {
            title: t('privacy.field.name'),
            dataIndex: 'name',
            width: 180,
            render: (name: string, a) => (
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 0, whiteSpace: 'normal', textAlign: 'start' }}
                onClick={() => setEditing(a)}
              >
                {name}
              </Button>
            ),
          },
          {
            title: t('privacy.field.dataCategories'),
            key: 'categories',
            width: 300,
            render: (_, a) => {
              const sensitive = categories.sensitiveOf(a.dataCategories);
              return (
                <Space orientation="vertical" size={4}>
                  <Space size={[4, 4]} wrap>
                    {a.dataCategories.map((code) => (
                      <Tag
                        key={code}
                        color={categories.byCode.get(code)?.sensitive ? 'red' : undefined}
                        style={{ marginInlineEnd: 0 }}
                      >
                        {categories.name(code)}
                      </Tag>
                    ))}
                  </Space>
                  <SensitiveTag categories={sensitive} index={categories} />
                  {a.minorsUnder14 > 0 && (
                    <Tag color="red">
                      {t('privacy.sensitive.minors', { count: a.minorsUnder14 })}
                    </Tag>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('privacy.field.dataSubjects'),
            dataIndex: 'dataSubjects',
            width: 140,
            render: (subjects: ActivityView['dataSubjects']) =>
              subjects.map((s) => t(`privacy.subject.${s}`)).join(t('common.listSeparator')),
          },
          {
            title: t('privacy.field.individuals'),
            dataIndex: 'individuals',
            width: 120,
            align: 'right',
            sorter: (a, b) => a.individuals - b.individuals,
            render: (n: number, a) => (
              <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
                <span>{t('privacy.people', { count: n, n: n.toLocaleString() })}</span>
                {a.sensitiveIndividuals > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('privacy.activity.ofWhichSensitive', {
                      n: a.sensitiveIndividuals.toLocaleString(),
                    })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('privacy.field.systems'),
            dataIndex: 'systemIds',
            width: 150,
            render: (ids: string[]) =>
              ids.length === 0 ? (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ) : (
                <Space orientation="vertical" size={0}>
                  {ids.map((id) => (
                    <Link key={id} to={`/o/${orgId}/systems/${id}`}>
                      {systemNames.get(id) ?? id}
                    </Link>
                  ))}
                </Space>
              ),
          },
          {
            title: t('privacy.field.recipientsAbroad'),
            key: 'abroad',
            width: 170,
            render: (_, a) => {
              const abroad = a.recipients.filter((r) => r.country !== 'CN');
              if (abroad.length === 0)
                return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
              return (
                <Space orientation="vertical" size={0}>
                  {abroad.map((r) => (
                    <Typography.Text key={r.key} style={{ fontSize: 13 }}>
                      {r.name}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {' '}
                        · {countryLabel(r.country, language)}
                      </Typography.Text>
                    </Typography.Text>
                  ))}
                </Space>
              );
            },
          },
          {
            title: t('privacy.field.pipiaStatus'),
            key: 'pipia',
            width: 130,
            render: (_, a) => {
              const status = a.pipiaStatus ?? pipiaOf.get(a.id)?.status ?? null;
              return (
                <Space orientation="vertical" size={0}>
                  {status ? (
                    <Tag color={PIPIA_COLOURS[status]}>{t(`privacy.pipiaStatus.${status}`)}</Tag>
                  ) : (
                    <Tag>{t('privacy.pipiaStatus.none')}</Tag>
                  )}
                  {a.retainUntil && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('privacy.activity.retainUntil', { date: a.retainUntil })}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_, a) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  aria-label={`${t('privacy.activity.editAction')} ${a.code}`}
                  icon={<EditOutlined />}
                  onClick={() => setEditing(a)}
                />
                {canWrite && (
                  <Popconfirm
                    title={t('privacy.activity.confirmDelete', { code: a.code })}
                    onConfirm={() =>
                      remove.mutateAsync(a.id).then(
                        () => message.success(t('privacy.activity.deleted', { code: a.code })),
                        () => undefined,
                      )
                    }
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      aria-label={`${t('privacy.activity.deleteAction')} ${a.code}`}
                      icon={<DeleteOutlined />}
                    />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ActivityDrawer
        orgId={orgId}
        open={editing !== null}
        activity={current}
        canWrite={canWrite}
        submitting={create.isPending || patch.isPending}
        error={current ? patch.error : create.error}
        onClose={closeDrawer}
        onReload={async () => {
          if (!current) return undefined;
          const latest = await privacyApi.getActivity(orgId, current.id);
          patch.reset();
          setEditing(latest);
          return latest;
        }}
        onSubmit={async (body) => {
          if (current) {
            const saved = await patch.mutateAsync({
              id: current.id,
              version: current.version,
              ...body,
            });
            patch.reset();
            setEditing(saved);
            message.success(t('privacy.activity.saved', { code: saved.code }));
          } else {
            const saved = await create.mutateAsync(body);
            create.reset();
            // Stay in the drawer on the saved activity: batches can be added now.
            setEditing(saved);
            message.success(t('privacy.activity.created', { code: saved.code }));
          }
        }}
      />
    </Card>
  );
}
