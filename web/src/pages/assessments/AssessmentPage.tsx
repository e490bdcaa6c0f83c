import { ReportDownloads } from '../../components/reports/ReportDownloads';
import { Alert, Breadcrumb, Card, Col, Row, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAssessment } from '../../api/assessment-hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { AssessmentOverview } from '../../components/assessments/AssessmentOverview';
import { CompensationsPanel } from '../../components/assessments/CompensationsPanel';
import { ExcelPanel } from '../../components/assessments/ExcelPanel';
import { FindingsPanel } from '../../components/assessments/FindingsPanel';
import { MajorRisksPanel } from '../../components/assessments/MajorRisksPanel';
import { PreviousFindingsPanel } from '../../components/assessments/PreviousFindingsPanel';
import { RectificationPanel } from '../../components/assessments/RectificationPanel';
import { ScorePanel } from '../../components/assessments/ScorePanel';
import { AssessmentStatusTag, periodText } from '../../components/assessments/SystemAssessments';
import { TestObjectsPanel } from '../../components/assessments/TestObjectsPanel';
import { VerificationPanel } from '../../components/assessments/VerificationPanel';
import { WorkbookPanel } from '../../components/assessments/WorkbookPanel';
import { LevelTag } from '../../components/LevelTag';
import { useCan, useCurrentOrganisation } from '../../components/OrganisationScope';

const TABS = [
  'overview',
  'previous',
  'objects',
  'workbook',
  'excel',
  'verification',
  'findings',
  'major',
  'compensation',
  'score',
  'rectification',
] as const;
type TabKey = (typeof TABS)[number];

/** One level assessment (等级测评): header with key facts, tabs for each stage of the work. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const { assessmentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const assessment = useAssessment(organisation.id, assessmentId);
  const canWrite = useCan('assessments.write');

  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && TABS.includes(requested) ? requested : 'overview';
  const setTab = (key: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', key);
    setParams(next, { replace: true });
  };

  if (assessment.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (assessment.isError) return <ApiErrorAlert error={assessment.error} />;
  const a = assessment.data;
  const completed = a.status === 'completed';
  // A completed assessment is read-only until reopened (the server refuses writes).
  const editable = canWrite && !completed;
  const props = { orgId: organisation.id, assessment: a, editable };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to={`/o/${organisation.id}/assessments`}>{t('nav.assessments')}</Link> },
          {
            title: (
              <Link to={`/o/${organisation.id}/systems/${a.systemId}?tab=assessments`}>
                {a.systemName}
              </Link>
            ),
          },
          { title: a.title },
        ]}
      />
      <Card size="small">
        <Row justify="space-between" align="middle" gutter={16}>
          <Col>
            <Space align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {a.title}
              </Typography.Title>
              <LevelTag level={a.level as 1 | 2 | 3 | 4 | 5} full />
              <AssessmentStatusTag status={a.status} />
            </Space>
          </Col>
          <Col>
            <Space size="large" wrap>
              <Fact label={t('assessment.field.system')} value={a.systemName} />
              <Fact label={t('assessment.field.period')} value={periodText(a)} />
              <Fact label={t('assessment.field.agency')} value={a.agency ?? '—'} />
              <Fact label={t('assessment.field.reportDate')} value={a.reportDate ?? '—'} />
              <Fact
                label={t('assessment.field.objects')}
                value={t('assessment.countObjects', { count: a.objects.length })}
              />
              <ReportDownloads
                reports={[
                  {
                    label: 'report.assessment',
                    base: `/api/organisations/${organisation.id}/assessments/${a.id}/reports/assessment`,
                  },
                  {
                    label: 'report.rectification',
                    base: `/api/organisations/${organisation.id}/assessments/${a.id}/reports/rectification`,
                  },
                ]}
              />
            </Space>
          </Col>
        </Row>
      </Card>
      {completed && <Alert type="info" showIcon title={t('assessment.completedReadOnly')} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'overview',
            label: t('assessment.tab.overview'),
            children: <AssessmentOverview {...props} canWrite={canWrite} />,
          },
          {
            key: 'previous',
            label: t('assessment.tab.previous'),
            children: <PreviousFindingsPanel {...props} />,
          },
          {
            key: 'objects',
            label: t('assessment.tab.objects', { count: a.objects.length }),
            children: <TestObjectsPanel {...props} />,
          },
          {
            key: 'workbook',
            label: t('assessment.tab.workbook'),
            children: <WorkbookPanel {...props} onAddObjects={() => setTab('objects')} />,
          },
          { key: 'excel', label: t('assessment.tab.excel'), children: <ExcelPanel {...props} /> },
          {
            key: 'verification',
            label: t('assessment.tab.verification'),
            children: <VerificationPanel {...props} />,
          },
          {
            key: 'findings',
            label: t('assessment.tab.findings'),
            children: <FindingsPanel {...props} />,
          },
          {
            key: 'major',
            label: t('assessment.tab.major'),
            children: <MajorRisksPanel {...props} />,
          },
          {
            key: 'compensation',
            label: t('assessment.tab.compensation'),
            children: <CompensationsPanel {...props} />,
          },
          { key: 'score', label: t('assessment.tab.score'), children: <ScorePanel {...props} /> },
          {
            key: 'rectification',
            label: t('assessment.tab.rectification'),
            children: <RectificationPanel {...props} />,
          },
        ]}
      />
    </Space>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text>{value}</Typography.Text>
    </Space>
  );
}
