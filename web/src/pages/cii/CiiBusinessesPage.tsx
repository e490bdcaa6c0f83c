import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CoreBusinessView } from '../../../../src/shared/cii-schemas';
import { ciiExportUrl } from '../../api/cii-client';
import { useCoreBusinesses, useCreateCoreBusiness } from '../../api/cii-hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useCiiLabels } from '../../components/cii/cii-labels';
import { CoreBusinessDrawer } from '../../components/cii/CoreBusinessDrawer';
import { useCan, useCurrentOrganisation } from '../../components/OrganisationScope';
import { formatTimestamp } from '../../lib/dates';

/** 关键信息基础设施: the core businesses (核心业务) of the organisation. */
export default function CiiBusinessesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCiiLabels();
  const organisation = useCurrentOrganisation();
  const navigate = useNavigate();
  const canWrite = useCan('cii.write');
  const list = useCoreBusinesses(organisation.id);
  const create = useCreateCoreBusiness(organisation.id);
  const [creating, setCreating] = useState(false);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('cii.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('cii.subtitle')}</Typography.Text>
      </div>
      {list.isError && <ApiErrorAlert error={list.error} />}
      <Card
        size="small"
        title={t('cii.business.list')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={ciiExportUrl(organisation.id)}>
              {t('cii.exportXlsx')}
            </Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('cii.business.create')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<CoreBusinessView>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={(list.data?.length ?? 0) > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('cii.business.empty') }}
          columns={[
            {
              title: t('cii.field.name'),
              dataIndex: 'name',
              sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
              render: (name: string, b) => (
                <Link to={`/o/${organisation.id}/cii/${b.id}`}>{name}</Link>
              ),
            },
            {
              title: t('cii.field.sector'),
              dataIndex: 'sector',
              width: 180,
              render: (s: CoreBusinessView['sector']) => <Tag>{labels.sector(s)}</Tag>,
            },
            {
              title: t('cii.field.designation'),
              key: 'designation',
              render: (_, b) =>
                b.designatingAuthority || b.designationNotice || b.designatedOn ? (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>{b.designatingAuthority ?? '—'}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[b.designationNotice, b.designatedOn].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">
                    {t('cii.business.notDesignated')}
                  </Typography.Text>
                ),
            },
            {
              title: t('cii.field.flowCount'),
              dataIndex: 'flowCount',
              width: 110,
              align: 'right',
              render: (n: number) => t('cii.countFlows', { count: n }),
            },
            {
              title: t('cii.field.lastDetermination'),
              dataIndex: 'lastDeterminedAt',
              width: 170,
              render: (at: string | null) =>
                at ? (
                  formatTimestamp(at)
                ) : (
                  <Tag color="warning">{t('cii.business.neverDetermined')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <CoreBusinessDrawer
        open={creating}
        submitting={create.isPending}
        error={create.error}
        onClose={() => {
          setCreating(false);
          create.reset();
        }}
        onSubmit={async (input) => {
          const created = await create.mutateAsync(input);
          setCreating(false);
          create.reset();
          message.success(t('cii.business.created', { name: created.name }));
          void navigate(`/o/${organisation.id}/cii/${created.id}`);
        }}
      />
    </Space>
  );
}
