import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { incidentsApi, type IncidentView } from '../../../api/incidents-client';
import {
  useCreateIncident,
  useDeleteIncident,
  useIncidents,
  usePatchIncident,
} from '../../../api/incidents-hooks';
import { formatTimestamp } from '../../../lib/dates';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { useCan } from '../../OrganisationScope';
import { IncidentDrawer } from './IncidentDrawer';
import {
  CountdownText,
  GradeTag,
  liveState,
  openOperatorDuties,
  StatusTag,
  useNow,
} from './incident-labels';

/** 下一项报告: the earliest open duty of the operator, its recipients and a live countdown. */
function NextDutyCell({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const next = openOperatorDuties(incident)[0];
  if (!next) {
    const done = incident.duties.some((d) => d.state === 'done');
    return (
      <Typography.Text type="secondary">
        {done ? t('incidents.next.allDone') : t('incidents.next.none')}
      </Typography.Text>
    );
  }
  const state = liveState(next, now);
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type={state === 'overdue' ? 'danger' : undefined}>
        {t(`incidents.dutyKind.${next.kind}`, { defaultValue: next.kind })}
        {t('common.labelSeparator')}
        {next.recipients.map((r) => t(`incidents.recipient.${r}`)).join(t('common.listSeparator'))}
      </Typography.Text>
      {next.dueAt ? (
        <Space size={6} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('incidents.dueAt', { time: formatTimestamp(next.dueAt) })}
          </Typography.Text>
          <CountdownText dueAt={next.dueAt} now={now} />
        </Space>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('incidents.noHourCount')}
        </Typography.Text>
      )}
    </Space>
  );
}

/** 安全事件: the incident register with each incident's next reporting duty counting down. */
export function IncidentsPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('datasec.write');
  const list = useIncidents(orgId);
  const create = useCreateIncident(orgId);
  const patch = usePatchIncident(orgId);
  const remove = useDeleteIncident(orgId);
  const [editing, setEditing] = useState<IncidentView | 'new' | null>(null);
  const [search, setSearch] = useState('');

  const rows = (list.data ?? [])
    .filter((i) => {
      const q = search.trim().toLowerCase();
      return !q || `${i.code} ${i.title}`.toLowerCase().includes(q);
    })
    .sort((a, b) => b.foundAt.localeCompare(a.foundAt));
  const current = editing === 'new' ? undefined : (editing ?? undefined);
  const closeDrawer = () => {
    setEditing(null);
    create.reset();
    patch.reset();
  };
  const page = (i: IncidentView) => `/o/${orgId}/data-security/incidents/${i.id}`;

  return (
    <Card
      size="small"
      title={t('incidents.list')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            size="small"
            placeholder={t('incidents.search')}
            onSearch={setSearch}
            onChange={(e) => !e.target.value && setSearch('')}
            style={{ width: 200 }}
          />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('incidents.create')}
            </Button>
          )}
        </Space>
      }
    >
      {list.isError && <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
      {remove.error !== null && <ApiErrorAlert error={remove.error} style={{ marginBottom: 12 }} />}
      <Table<IncidentView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('incidents.empty') }}
        scroll={{ x: 1150 }}
        columns={[
          {
            title: t('incidents.field.code'),
            dataIndex: 'code',
            width: 120,
            sorter: (a, b) => a.code.localeCompare(b.code),
            render: (code: string, i) => <Link to={page(i)}>{code}</Link>,
          },
          {
            title: t('incidents.field.title'),
            dataIndex: 'title',
            width: 220,
            render: (title: string, i) => <Link to={page(i)}>{title}</Link>,
          },
          {
            title: t('incidents.field.type'),
            dataIndex: 'type',
            width: 130,
            render: (type: string) => t(`incidents.type.${type}`),
          },
          {
            title: t('incidents.field.foundAtShort'),
            dataIndex: 'foundAt',
            width: 140,
            sorter: (a, b) => a.foundAt.localeCompare(b.foundAt),
            render: (at: string) => formatTimestamp(at),
          },
          {
            title: t('incidents.field.grade'),
            key: 'grade',
            width: 120,
            render: (_, i) => <GradeTag incident={i} />,
          },
          {
            title: t('incidents.field.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: IncidentView['status']) => <StatusTag status={s} />,
          },
          {
            title: t('incidents.field.nextDuty'),
            key: 'next',
            width: 300,
            render: (_, i) => <NextDutyCell incident={i} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_, i) => (
              <Space size={0}>
                {canWrite && (
                  <Button
                    type="text"
                    size="small"
                    aria-label={`${t('incidents.editAction')} ${i.code}`}
                    icon={<EditOutlined />}
                    onClick={() => setEditing(i)}
                  />
                )}
                {canWrite && (
                  <Popconfirm
                    title={t('incidents.confirmDelete', { code: i.code })}
                    onConfirm={() =>
                      remove.mutateAsync(i.id).then(
                        () => message.success(t('incidents.deleted', { code: i.code })),
                        () => undefined,
                      )
                    }
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      aria-label={`${t('incidents.deleteAction')} ${i.code}`}
                      icon={<DeleteOutlined />}
                    />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}
      >
        <Tag>{t('incidents.legend.beijing')}</Tag>
        {t('incidents.legend.text')}
      </Typography.Paragraph>
      <IncidentDrawer
        orgId={orgId}
        open={editing !== null}
        incident={current}
        canWrite={canWrite}
        submitting={create.isPending || patch.isPending}
        error={current ? patch.error : create.error}
        onClose={closeDrawer}
        onReload={async () => {
          if (!current) return undefined;
          const latest = await incidentsApi.get(orgId, current.id);
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
              reports: current.reports,
            });
            patch.reset();
            closeDrawer();
            message.success(t('incidents.saved', { code: saved.code }));
          } else {
            const saved = await create.mutateAsync(body);
            create.reset();
            closeDrawer();
            message.success(t('incidents.created', { code: saved.code }));
          }
        }}
      />
    </Card>
  );
}
