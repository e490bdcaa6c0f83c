import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dataSecurityApi,
  type DataSecurityDutyDto,
  type ProvisionView,
} from '../../../api/data-security-client';
import {
  useCreateProvision,
  useDataSecurityDuties,
  useDeleteProvision,
  usePatchProvision,
  useProvisions,
  useResources,
} from '../../../api/data-security-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { GradeTag } from '../inventory/labels';
import { compareDataDuties, dataDutyKey, dataSecurityDutyColumns } from './duty-columns';
import { ProfileForm } from './ProfileForm';
import { ProvisionDrawer } from './ProvisionDrawer';

/** 重要数据: the profile, important data among the resources, provisions and the duties as of a date. */
export function ImportantDataPanel({
  orgId,
  canWrite,
  asOf,
  onAsOfChange,
}: {
  orgId: string;
  canWrite: boolean;
  asOf: string;
  onAsOfChange: (date: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const resources = useResources(orgId);
  const provisions = useProvisions(orgId);
  const duties = useDataSecurityDuties(orgId, asOf);
  const create = useCreateProvision(orgId);
  const patch = usePatchProvision(orgId);
  const remove = useDeleteProvision(orgId);
  const [editing, setEditing] = useState<ProvisionView | 'new' | null>(null);
  const current = editing === 'new' ? undefined : (editing ?? undefined);
  const important = (resources.data ?? []).filter((r) => r.classification.grade !== 'general');
  const rows = [...(duties.data?.duties ?? [])]
    .sort(compareDataDuties)
    .map((d, i) => ({ ...d, key: dataDutyKey(d, i) }));
  const close = () => {
    setEditing(null);
    create.reset();
    patch.reset();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('dataSecurity.duties.title')}
        extra={
          <Space>
            <Typography.Text>{t('dataSecurity.asOf')}</Typography.Text>
            <DatePicker
              aria-label={t('dataSecurity.asOf')}
              allowClear={false}
              format={DATE_FORMAT}
              value={fromIsoDate(asOf)}
              onChange={(v) => {
                const iso = toIsoDate(v);
                if (iso) onAsOfChange(iso);
              }}
            />
          </Space>
        }
      >
        {duties.isError && <ApiErrorAlert error={duties.error} style={{ marginBottom: 12 }} />}
        <Table<DataSecurityDutyDto>
          rowKey="key"
          size="small"
          loading={duties.isPending || duties.isFetching}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
          tableLayout="fixed"
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('dataSecurity.duties.empty') }}
          data-testid="datasec-duties"
          columns={dataSecurityDutyColumns(t, language)}
        />
      </Card>
      <Card size="small" title={t('dataSecurity.important.title')}>
        {important.length === 0 ? (
          <Typography.Text type="secondary">{t('dataSecurity.important.none')}</Typography.Text>
        ) : (
          <Space size={[8, 8]} wrap data-testid="important-resources">
            {important.map((r) => (
              <Space key={r.id} size={4}>
                <GradeTag
                  grade={r.classification.grade}
                  provisional={r.classification.provisional}
                />
                <Typography.Text>
                  {r.code} · {r.name}
                </Typography.Text>
                {r.declaredOn && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('dataSecurity.important.declaredOn', { date: r.declaredOn })}
                  </Typography.Text>
                )}
              </Space>
            ))}
          </Space>
        )}
      </Card>
      <ProfileForm orgId={orgId} canWrite={canWrite} />
      <Card
        size="small"
        title={t('dataSecurity.provision.list')}
        extra={
          canWrite && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('dataSecurity.provision.create')}
            </Button>
          )
        }
      >
        {provisions.isError && (
          <ApiErrorAlert error={provisions.error} style={{ marginBottom: 12 }} />
        )}
        {remove.error != null && (
          <ApiErrorAlert error={remove.error} style={{ marginBottom: 12 }} />
        )}
        <Table<ProvisionView>
          rowKey="id"
          size="small"
          loading={provisions.isPending}
          dataSource={provisions.data ?? []}
          pagination={false}
          locale={{ emptyText: t('dataSecurity.provision.empty') }}
          columns={[
            {
              title: t('dataSecurity.field.code'),
              dataIndex: 'code',
              width: 100,
              render: (code: string, p) => (
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0 }}
                  onClick={() => setEditing(p)}
                >
                  {code}
                </Button>
              ),
            },
            {
              title: t('dataSecurity.field.provisionKind'),
              dataIndex: 'kind',
              width: 110,
              render: (k: string) => t(`dataSecurity.provisionKind.${k}`),
            },
            { title: t('dataSecurity.field.recipient'), dataIndex: 'recipient', width: 200 },
            {
              title: t('dataSecurity.field.resources'),
              dataIndex: 'dataResourceCodes',
              render: (codes: string[]) => codes.join(t('common.listSeparator')),
            },
            { title: t('dataSecurity.field.startsOn'), dataIndex: 'startsOn', width: 110 },
            {
              title: t('dataSecurity.field.riskAssessedOn'),
              key: 'assessed',
              width: 150,
              render: (_, p) =>
                p.statutoryDuty ? (
                  <Tag>{t('dataSecurity.provision.statutory')}</Tag>
                ) : p.riskAssessedOn ? (
                  <Tag color="green">{p.riskAssessedOn}</Tag>
                ) : (
                  <Tag color="red">{t('dataSecurity.provision.notAssessed')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 60,
              render: (_, p) =>
                canWrite && (
                  <Popconfirm
                    title={t('dataSecurity.provision.confirmDelete', { code: p.code })}
                    onConfirm={() =>
                      remove.mutateAsync(p.id).then(
                        () => message.success(t('dataSecurity.deleted', { code: p.code })),
                        () => undefined,
                      )
                    }
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      aria-label={`${t('dataSecurity.deleteAction')} ${p.code}`}
                      icon={<DeleteOutlined />}
                    />
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <ProvisionDrawer
        open={editing !== null}
        provision={current}
        resources={resources.data ?? []}
        canWrite={canWrite}
        submitting={create.isPending || patch.isPending}
        error={current ? patch.error : create.error}
        onClose={close}
        onReload={async () => {
          if (!current) return;
          const latest = (await dataSecurityApi.listProvisions(orgId)).find(
            (p) => p.id === current.id,
          );
          patch.reset();
          if (latest) setEditing(latest);
        }}
        onSubmit={async (body) => {
          if (current)
            await patch.mutateAsync({ id: current.id, version: current.version, ...body });
          else await create.mutateAsync(body);
          message.success(t('dataSecurity.saved', { code: body.code }));
          close();
        }}
      />
    </Space>
  );
}
