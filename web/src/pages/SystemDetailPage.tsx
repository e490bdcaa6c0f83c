import { EditOutlined } from '@ant-design/icons';
import { DossierDownload, ReportDownloads } from '../components/reports/ReportDownloads';
import { App, Breadcrumb, Button, Card, Col, Row, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { usePatchSystem, useSystemDetail } from '../api/hooks';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { SystemAssessments } from '../components/assessments/SystemAssessments';
import { FilingStatusTag } from '../components/FilingStatusTag';
import { GradingWizard } from '../components/grading/GradingWizard';
import { GradingWarnings } from '../components/grading/GradingWarnings';
import { LevelTag } from '../components/LevelTag';
import { useCan, useCurrentOrganisation } from '../components/OrganisationScope';
import { eventRecords } from '../components/records/event-records';
import { filingRecords } from '../components/records/filing-records';
import { RecordsCard } from '../components/records/RecordsCard';
import { FilingDocumentsCard } from '../components/records/FilingDocumentsCard';
import { SystemTopologyCard } from '../components/records/SystemTopologyCard';
import { reviewRecords } from '../components/records/review-records';
import { GradingHistory } from '../components/system-detail/GradingHistory';
import { SystemBaseline } from '../components/system-detail/SystemBaseline';
import { SystemFacts } from '../components/system-detail/SystemFacts';
import { SystemObligations } from '../components/system-detail/SystemObligations';
import { SystemFormDrawer } from '../components/SystemFormDrawer';
import { SystemFilingProfileTab } from '../components/filing-profile/SystemFilingProfileTab';

const TABS = [
  'grading',
  'filingProfile',
  'records',
  'obligations',
  'baseline',
  'assessments',
  'history',
] as const;
type TabKey = (typeof TABS)[number];

export function SystemDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const organisation = useCurrentOrganisation();
  const { systemId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const detail = useSystemDetail(organisation.id, systemId);
  const patch = usePatchSystem(organisation.id, systemId);
  const canWrite = useCan('systems.write');

  const requestedTab = params.get('tab') as TabKey | null;
  const tab: TabKey = requestedTab && TABS.includes(requestedTab) ? requestedTab : 'grading';
  // A read-only role gets no edit drawer, even from a ?edit=1 link (e.g. a missing-fact link).
  const editing = canWrite && params.get('edit') === '1';
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  if (detail.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (detail.isError) return <ApiErrorAlert error={detail.error} />;
  const { system } = detail.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to={`/o/${organisation.id}/systems`}>{t('nav.systems')}</Link> },
          { title: system.name },
        ]}
      />
      <Card>
        <Row justify="space-between" align="top" gutter={16} style={{ marginBottom: 12 }}>
          <Col>
            <Space align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {system.name}
              </Typography.Title>
              <LevelTag level={system.level} full />
              <FilingStatusTag system={system} />
            </Space>
          </Col>
          <Col>
            <Space>
              {system.level !== null && (
                <ReportDownloads
                  reports={[
                    {
                      label: 'report.grading',
                      base: `/api/organisations/${organisation.id}/systems/${system.id}/reports/grading`,
                    },
                    {
                      label: 'report.filing',
                      base: `/api/organisations/${organisation.id}/systems/${system.id}/reports/filing`,
                    },
                  ]}
                />
              )}
              {system.level !== null && (
                <DossierDownload orgId={organisation.id} systemId={system.id} />
              )}
              {canWrite && (
                <Button icon={<EditOutlined />} onClick={() => setParam('edit', '1')}>
                  {t('system.edit')}
                </Button>
              )}
            </Space>
          </Col>
        </Row>
        <SystemFacts detail={detail.data} />
      </Card>
      {tab !== 'grading' && <GradingWarnings warnings={detail.data.warnings} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key)}
        items={[
          {
            key: 'grading',
            label: t('detail.tab.grading'),
            children: (
              <GradingWizard
                key={system.id}
                orgId={organisation.id}
                detail={detail.data}
                readOnly={!canWrite}
                onShowObligations={() => setParam('tab', 'obligations')}
              />
            ),
          },
          {
            key: 'filingProfile',
            label: t('filingProfile.system.tab'),
            children: (
              <SystemFilingProfileTab
                orgId={organisation.id}
                system={system}
                readOnly={!canWrite}
                onReload={() => detail.refetch()}
              />
            ),
          },
          {
            key: 'records',
            label: t('detail.tab.records'),
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <SystemTopologyCard systemId={system.id} />
                <RecordsCard orgId={organisation.id} detail={detail.data} kind={reviewRecords} />
                <RecordsCard orgId={organisation.id} detail={detail.data} kind={filingRecords} />
                <RecordsCard orgId={organisation.id} detail={detail.data} kind={eventRecords} />
                {(system.level ?? 0) >= 3 && <FilingDocumentsCard systemId={system.id} />}
              </Space>
            ),
          },
          {
            key: 'obligations',
            label: t('detail.tab.obligations'),
            children: <SystemObligations orgId={organisation.id} systemId={system.id} />,
          },
          {
            key: 'baseline',
            label: t('detail.tab.baseline'),
            children: (
              <SystemBaseline
                orgId={organisation.id}
                detail={detail.data}
                onGrade={() => setParam('tab', 'grading')}
              />
            ),
          },
          {
            key: 'assessments',
            label: t('detail.tab.assessments'),
            children: <SystemAssessments orgId={organisation.id} detail={detail.data} />,
          },
          {
            key: 'history',
            label: t('detail.tab.history', { count: detail.data.gradingHistory.length }),
            children: <GradingHistory history={detail.data.gradingHistory} />,
          },
        ]}
      />
      <SystemFormDrawer
        open={editing}
        system={system}
        onClose={() => {
          setParam('edit', null);
          patch.reset();
        }}
        submitting={patch.isPending}
        error={patch.error}
        onSubmit={async (input) => {
          await patch.mutateAsync({ ...input, version: system.version });
          setParam('edit', null);
          patch.reset();
          message.success(t('system.saved'));
        }}
      />
    </Space>
  );
}
