import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appChecksApi, type AppCheckView } from '../../../api/app-checks-client';
import {
  useAppCatalog,
  useAppChecks,
  useCreateAppCheck,
  useDeleteAppCheck,
  usePatchAppCheck,
} from '../../../api/app-checks-hooks';
import { pick } from '../../../lib/language';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { useCan } from '../../OrganisationScope';
import { AppCheckDrawer } from './AppCheckDrawer';
import { AppCheckResult, SeverityCounts } from './AppCheckResult';

/** App 检查: checked apps with their flags by severity; add/edit in a drawer; the result view. */
export function AppChecksPanel({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('datasec.write');
  const list = useAppChecks(orgId);
  const catalog = useAppCatalog();
  const create = useCreateAppCheck(orgId);
  const patch = usePatchAppCheck(orgId);
  const remove = useDeleteAppCheck(orgId);
  const [editing, setEditing] = useState<AppCheckView | 'new' | null>(null);
  const [viewingId, setViewingId] = useState<string | null>(null);
  const rows = list.data ?? [];
  const viewing = rows.find((c) => c.id === viewingId);
  const current = editing === 'new' ? undefined : (editing ?? undefined);
  const typeName = (id: string | null | undefined) => {
    if (!id) return t('appChecks.typeNone');
    const x = catalog.data?.types.find((c) => c.id === id);
    return x ? pick(i18n.language, x.nameZh, x.nameEn) : id;
  };
  const close = () => {
    setEditing(null);
    create.reset();
    patch.reset();
  };

  return (
    <Card
      size="small"
      title={t('appChecks.list')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('appChecks.create')}
          </Button>
        )
      }
    >
      {list.isError && <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
      {remove.error !== null && <ApiErrorAlert error={remove.error} style={{ marginBottom: 12 }} />}
      <Table<AppCheckView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('appChecks.empty') }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('appChecks.field.code'), dataIndex: 'code', width: 90 },
          {
            title: t('appChecks.field.name'),
            dataIndex: 'name',
            width: 180,
            render: (name: string, c) => (
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 0 }}
                onClick={() => setViewingId(c.id)}
              >
                {name}
              </Button>
            ),
          },
          {
            title: t('appChecks.field.appType'),
            dataIndex: 'appType',
            width: 150,
            render: typeName,
          },
          {
            title: t('appChecks.field.platform'),
            dataIndex: 'platform',
            width: 100,
            render: (p: string) => t(`appChecks.platform.${p}`),
          },
          {
            title: t('appChecks.field.version'),
            dataIndex: 'appVersion',
            width: 80,
            render: (v: string | null) => v ?? t('common.none'),
          },
          { title: t('appChecks.field.checkedOn'), dataIndex: 'checkedOn', width: 110 },
          {
            title: t('appChecks.field.flags'),
            key: 'flags',
            width: 200,
            render: (_, c) => (
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 0 }}
                onClick={() => setViewingId(c.id)}
              >
                <SeverityCounts check={c} />
              </Button>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_, c) =>
              canWrite && (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    aria-label={`${t('appChecks.editAction')} ${c.code}`}
                    icon={<EditOutlined />}
                    onClick={() => setEditing(c)}
                  />
                  <Popconfirm
                    title={t('appChecks.confirmDelete', { name: c.name })}
                    onConfirm={() =>
                      remove.mutateAsync(c.id).then(
                        () => message.success(t('appChecks.deleted', { name: c.name })),
                        () => undefined,
                      )
                    }
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      aria-label={`${t('appChecks.deleteAction')} ${c.code}`}
                      icon={<DeleteOutlined />}
                    />
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Drawer
        open={viewing !== undefined}
        onClose={() => setViewingId(null)}
        size={900}
        title={viewing ? t('appChecks.resultTitle', { name: viewing.name }) : ''}
        extra={
          viewing &&
          canWrite && (
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                setEditing(viewing);
                setViewingId(null);
              }}
            >
              {t('appChecks.editAction')}
            </Button>
          )
        }
      >
        {viewing && (
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {typeName(viewing.appType)} · {t(`appChecks.platform.${viewing.platform}`)}
              {viewing.appVersion ? ` · ${viewing.appVersion}` : ''} ·{' '}
              {t('appChecks.checkedOnLine', { date: viewing.checkedOn })}
            </Typography.Text>
            <AppCheckResult check={viewing} catalog={catalog.data} />
          </Space>
        )}
      </Drawer>
      <AppCheckDrawer
        open={editing !== null}
        check={current}
        canWrite={canWrite}
        submitting={create.isPending || patch.isPending}
        error={current ? patch.error : create.error}
        onClose={close}
        onReload={async () => {
          if (!current) return undefined;
          const latest = await appChecksApi.get(orgId, current.id);
          patch.reset();
          setEditing(latest);
          return latest;
        }}
        onSubmit={async (body) => {
          const saved = current
            ? await patch.mutateAsync({ id: current.id, version: current.version, ...body })
            : await create.mutateAsync(body);
          close();
          setViewingId(saved.id);
          message.success(t('appChecks.saved', { name: saved.name }));
        }}
      />
    </Card>
  );
}
