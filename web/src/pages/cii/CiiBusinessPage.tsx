import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Popconfirm,
  Row,
  Space,
  Spin,
  Steps,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  isVersionConflict,
  useCoreBusiness,
  useDeleteCoreBusiness,
  usePatchCoreBusiness,
} from '../../api/cii-hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useCiiLabels } from '../../components/cii/cii-labels';
import { CoreBusinessDrawer } from '../../components/cii/CoreBusinessDrawer';
import { useCan, useCurrentOrganisation } from '../../components/OrganisationScope';
import { ReportDownloads } from '../../components/reports/ReportDownloads';
import { formatTimestamp } from '../../lib/dates';
import { CII_BUSINESS_TABS } from './business-tabs';

/** One core business (核心业务): key facts above, the boundary work in tabs below. */
export default function CiiBusinessPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCiiLabels();
  const organisation = useCurrentOrganisation();
  const navigate = useNavigate();
  const { businessId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const canWrite = useCan('cii.write');
  const business = useCoreBusiness(organisation.id, businessId);
  const patch = usePatchCoreBusiness(organisation.id, businessId);
  const remove = useDeleteCoreBusiness(organisation.id);
  const [editing, setEditing] = useState(false);

  const requested = params.get('tab');
  const tab = CII_BUSINESS_TABS.some((x) => x.key === requested)
    ? requested!
    : CII_BUSINESS_TABS[0]!.key;
  const openTab = (key: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', key);
    setParams(next, { replace: true });
  };

  if (business.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (business.isError) return <ApiErrorAlert error={business.error} />;
  const b = business.data;
  const props = { orgId: organisation.id, business: b, editable: canWrite, openTab };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to={`/o/${organisation.id}/cii`}>{t('cii.nav')}</Link> },
          { title: b.name },
        ]}
      />
      <Card size="small">
        <Row justify="space-between" align="top" gutter={[16, 12]}>
          <Col flex="auto">
            <Space align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {b.name}
              </Typography.Title>
              <Tag color="blue">{labels.sector(b.sector)}</Tag>
              {b.lastDeterminedAt ? null : (
                <Tag color="warning">{t('cii.business.neverDetermined')}</Tag>
              )}
            </Space>
            {b.description && (
              <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
                {b.description}
              </Typography.Paragraph>
            )}
          </Col>
          <Col>
            <Space size="large" wrap align="start">
              <Fact label={t('cii.field.designatingAuthority')} value={b.designatingAuthority} />
              <Fact label={t('cii.field.designationNotice')} value={b.designationNotice} />
              <Fact label={t('cii.field.designatedOn')} value={b.designatedOn} />
              <Fact
                label={t('cii.field.lastDetermination')}
                value={b.lastDeterminedAt ? formatTimestamp(b.lastDeterminedAt) : null}
              />
              <ReportDownloads
                reports={[
                  {
                    label: 'cii.boundaryReport',
                    base: `/api/organisations/${organisation.id}/cii/core-businesses/${b.id}/reports/boundary`,
                  },
                ]}
              />
              {canWrite && (
                <Space>
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                    {t('cii.business.edit')}
                  </Button>
                  <Popconfirm
                    title={t('cii.business.deleteConfirm', { name: b.name })}
                    description={t('cii.business.deleteHint')}
                    okButtonProps={{ danger: true }}
                    okText={t('cii.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={async () => {
                      await remove.mutateAsync(b.id);
                      message.success(t('cii.business.deleted', { name: b.name }));
                      void navigate(`/o/${organisation.id}/cii`);
                    }}
                  >
                    <Button danger icon={<DeleteOutlined />}>
                      {t('cii.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              )}
            </Space>
          </Col>
        </Row>
        <Row gutter={[24, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} xl={16}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cii.field.chainSteps')}
            </Typography.Text>
            {b.chainSteps.length === 0 ? (
              <div>
                <Typography.Text type="secondary">{t('cii.business.noChain')}</Typography.Text>
              </div>
            ) : (
              <Steps
                size="small"
                current={b.chainSteps.length}
                style={{ marginTop: 6 }}
                items={b.chainSteps.map((s) => ({
                  title: s.name,
                  content: s.description ?? undefined,
                  status: 'finish' as const,
                }))}
              />
            )}
          </Col>
          <Col xs={24} xl={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cii.field.infoCategories')}
            </Typography.Text>
            <div style={{ marginTop: 6 }}>
              {b.infoCategories.length === 0 ? (
                <Typography.Text type="secondary">{t('cii.business.noCategories')}</Typography.Text>
              ) : (
                <Space size={[4, 4]} wrap>
                  {b.infoCategories.map((c) => (
                    <Tooltip key={c.name} title={c.description}>
                      <Tag color={c.important ? 'red' : 'default'}>
                        {c.name}
                        {c.important ? ` · ${t('cii.field.important')}` : ''}
                      </Tag>
                    </Tooltip>
                  ))}
                </Space>
              )}
            </div>
          </Col>
        </Row>
        {remove.isError && <ApiErrorAlert error={remove.error} style={{ marginTop: 12 }} />}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={openTab}
        destroyOnHidden
        items={CII_BUSINESS_TABS.map((x) => ({
          key: x.key,
          label: t(x.labelKey),
          children: x.render(props),
        }))}
      />
      <CoreBusinessDrawer
        open={editing}
        business={b}
        submitting={patch.isPending}
        error={patch.error}
        onClose={() => {
          setEditing(false);
          patch.reset();
        }}
        onSubmit={async (input) => {
          try {
            await patch.mutateAsync({ ...input, version: b.version });
          } catch (error) {
            if (isVersionConflict(error)) message.warning(t('cii.versionConflict'));
            throw error;
          }
          setEditing(false);
          patch.reset();
          message.success(t('cii.saved'));
        }}
      />
    </Space>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text>{value ?? '—'}</Typography.Text>
    </Space>
  );
}
