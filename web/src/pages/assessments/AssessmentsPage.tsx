import {
  Card,
  Col,
  Empty,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type {
  AssessmentDashboardDto,
  AssessmentSummaryDto,
  ScoreResultDto,
} from '../../../../src/shared/api-types';
import { RISK_LEVELS } from '../../lib/assessment-vocabulary';
import { RECTIFICATION_STATUSES } from '../../../../src/shared/assessment-schemas';
import {
  useAssessmentDashboard,
  useAssessments,
  useRectifications,
} from '../../api/assessment-hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import {
  ConclusionTag,
  RISK_COLOURS,
  STATUS_COLOURS,
} from '../../components/assessments/assessment-labels';
import { BurndownChart } from '../../components/assessments/BurndownChart';
import { RectificationTable } from '../../components/assessments/RectificationTable';
import { AssessmentStatusTag, periodText } from '../../components/assessments/SystemAssessments';
import { LevelTag } from '../../components/LevelTag';
import { useCurrentOrganisation } from '../../components/OrganisationScope';
import { todayInBeijing } from '../../lib/dates';

type SystemRow = AssessmentDashboardDto['systems'][number];
const TABS = ['overview', 'projects', 'rectification'] as const;
type TabKey = (typeof TABS)[number];

/** 测评与整改: the estate's conclusions, risks and rectification at a glance. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && TABS.includes(requested) ? requested : 'overview';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('assessment.dashboard.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('assessment.dashboard.subtitle')}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'overview',
            label: t('assessment.dashboard.tab.overview'),
            children: <Overview orgId={organisation.id} />,
          },
          {
            key: 'projects',
            label: t('assessment.dashboard.tab.projects'),
            children: <Projects orgId={organisation.id} />,
          },
          {
            key: 'rectification',
            label: t('assessment.dashboard.tab.rectification'),
            children: <AllRectifications orgId={organisation.id} />,
          },
        ]}
      />
    </Space>
  );
}

function ScoreCell({ score }: { score: ScoreResultDto | undefined }) {
  const { t } = useTranslation();
  if (!score) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4}>
      <ConclusionTag conclusion={score.conclusion} />
      <Tooltip
        title={score.policy === 'T2025' ? t('assessment.score.rate') : t('assessment.score.score')}
      >
        <span>
          {score.value.toFixed(2)}
          {score.policy === 'T2025' ? '%' : ''}
        </span>
      </Tooltip>
      {score.provisional && (
        <Tooltip title={t('assessment.score.provisional', { count: score.counts.unanswered })}>
          <Tag color="warning">{t('assessment.dashboard.provisional')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function Overview({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const dashboard = useAssessmentDashboard(orgId);
  if (dashboard.isError) return <ApiErrorAlert error={dashboard.error} />;
  if (dashboard.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { systems, burndown, risks } = dashboard.data;
  const today = todayInBeijing();
  const rect = systems.reduce(
    (sum, s) => ({
      open: sum.open + s.rectification.open + s.rectification.in_progress + s.rectification.fixed,
      overdue: sum.overdue + s.rectification.overdue,
    }),
    { open: 0, overdue: 0 },
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {RISK_LEVELS.map((r) => (
          <Col key={r} xs={12} md={6} xl={4}>
            <Card size="small">
              <Statistic
                title={t('assessment.dashboard.openRisks', { risk: t(`assessment.risk.${r}`) })}
                value={risks[r].open}
                suffix={`/ ${risks[r].total}`}
                styles={{
                  content: { color: risks[r].open ? colourOf(RISK_COLOURS[r]) : undefined },
                }}
              />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic title={t('assessment.dashboard.openItems')} value={rect.open} />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic
              title={t('assessment.dashboard.overdueItems')}
              value={rect.overdue}
              styles={{ content: { color: rect.overdue ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('assessment.dashboard.systems')}>
        <Table<SystemRow>
          rowKey="systemId"
          size="small"
          pagination={false}
          dataSource={systems}
          scroll={{ x: 1160 }}
          locale={{ emptyText: t('assessment.dashboard.noSystems') }}
          columns={[
            {
              title: t('assessment.field.system'),
              dataIndex: 'systemName',
              width: 150,
              render: (name: string, s) => (
                <Link to={`/o/${orgId}/systems/${s.systemId}?tab=assessments`}>{name}</Link>
              ),
            },
            {
              title: t('assessment.field.level'),
              dataIndex: 'level',
              width: 80,
              render: (l: number | null) => <LevelTag level={l as 1 | 2 | 3 | 4 | 5 | null} />,
            },
            {
              title: t('assessment.dashboard.latest'),
              key: 'latest',
              width: 200,
              render: (_, s) =>
                s.latest ? (
                  <Space orientation="vertical" size={0}>
                    <Link to={`/o/${orgId}/assessments/${s.latest.assessmentId}`}>
                      {s.latest.title}
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.latest.reportDate ?? t('assessment.overview.noReportDate')}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">
                    {t('assessment.dashboard.never')}
                  </Typography.Text>
                ),
            },
            {
              title: t('assessment.score.before'),
              key: 'before',
              width: 160,
              render: (_, s) => <ScoreCell score={s.latest?.score} />,
            },
            {
              title: t('assessment.score.after'),
              key: 'after',
              width: 160,
              render: (_, s) => <ScoreCell score={s.latest?.scoreAfter} />,
            },
            {
              title: t('assessment.dashboard.risks'),
              key: 'risks',
              width: 130,
              render: (_, s) =>
                s.latest ? (
                  <Space size={4} wrap>
                    {RISK_LEVELS.map((r) => {
                      const n = s.latest!.scoreAfter.risks[r];
                      return (
                        <Tooltip
                          key={r}
                          title={t('assessment.score.riskCount', {
                            risk: t(`assessment.risk.${r}`),
                            total: n.total,
                            open: n.open,
                          })}
                        >
                          <Tag color={n.open ? RISK_COLOURS[r] : undefined}>
                            {t(`assessment.riskShort.${r}`)} {n.open}
                          </Tag>
                        </Tooltip>
                      );
                    })}
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: t('assessment.dashboard.rectification'),
              key: 'rectification',
              width: 180,
              render: (_, s) => (
                <Space size={4} wrap>
                  {RECTIFICATION_STATUSES.map((st) =>
                    s.rectification[st] ? (
                      <Tag key={st} color={STATUS_COLOURS[st]}>
                        {t(`assessment.rectification.status.${st}`)} {s.rectification[st]}
                      </Tag>
                    ) : null,
                  )}
                  {s.rectification.overdue > 0 && (
                    <Tag color="error">
                      {t('assessment.rectification.overdue')} {s.rectification.overdue}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('assessment.dashboard.nextDue'),
              dataIndex: 'nextAssessmentDue',
              width: 100,
              render: (d: string | null) =>
                d ? (
                  <Typography.Text type={d < today ? 'danger' : undefined} strong={d < today}>
                    {d}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('assessment.dashboard.burndown')}>
        {burndown.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('assessment.dashboard.noBurndown')}
          />
        ) : (
          <BurndownChart data={burndown} />
        )}
      </Card>
    </Space>
  );
}

function colourOf(name: string): string {
  return name === 'red' ? '#cf1322' : name === 'orange' ? '#d46b08' : '#0958d9';
}

function Projects({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const list = useAssessments(orgId);
  if (list.isError) return <ApiErrorAlert error={list.error} />;
  return (
    <Card size="small">
      <Table<AssessmentSummaryDto>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('assessment.dashboard.noProjects') }}
        columns={[
          {
            title: t('assessment.field.title'),
            dataIndex: 'title',
            render: (title: string, a) => (
              <Link to={`/o/${orgId}/assessments/${a.id}`}>{title}</Link>
            ),
          },
          {
            title: t('assessment.field.system'),
            dataIndex: 'systemName',
            render: (name: string, a) => (
              <Link to={`/o/${orgId}/systems/${a.systemId}`}>{name}</Link>
            ),
          },
          {
            title: t('assessment.field.level'),
            dataIndex: 'level',
            width: 80,
            render: (l: number) => <LevelTag level={l as 1 | 2 | 3 | 4 | 5} />,
          },
          { title: t('assessment.field.period'), key: 'period', render: (_, a) => periodText(a) },
          {
            title: t('assessment.field.agency'),
            dataIndex: 'agency',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('assessment.field.reportDate'),
            dataIndex: 'reportDate',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('field.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: AssessmentSummaryDto['status']) => <AssessmentStatusTag status={s} />,
          },
        ]}
      />
    </Card>
  );
}

function AllRectifications({ orgId }: { orgId: string }) {
  const list = useRectifications(orgId);
  if (list.isError) return <ApiErrorAlert error={list.error} />;
  return (
    <Card size="small">
      <RectificationTable
        orgId={orgId}
        items={list.data?.items ?? []}
        loading={list.isPending}
        showSystem
      />
    </Card>
  );
}
