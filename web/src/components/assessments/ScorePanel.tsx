import { InfoCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Col,
  Collapse,
  Descriptions,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskLevelCode, ScoreResultDto } from '../../../../src/shared/api-types';
import { RISK_LEVELS } from '../../lib/assessment-vocabulary';
import { useScore } from '../../api/assessment-hooks';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ConclusionTag, RISK_COLOURS } from './assessment-labels';
import { ProvisionalTag, ScoreHeadline } from './ScoreHeadline';
import type { AssessmentPanelProps } from './panel-props';
import './assessments.css';

/** 结论: 符合率/综合得分 and conclusion, as assessed and after verified rectification. */
export function ScorePanel({ orgId, assessment }: AssessmentPanelProps) {
  const { t } = useTranslation();
  const score = useScore(orgId, assessment.id);
  if (score.isError) return <ApiErrorAlert error={score.error} />;
  if (score.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { before, after, reportDate } = score.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('assessment.score.basis', {
          date: reportDate,
          policy: t(`assessment.score.policy.${before.policy}`),
        })}
        {!assessment.reportDate && t('assessment.score.noReportDate')}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ScoreCard id="before" title={t('assessment.score.before')} score={before} />
        </Col>
        <Col xs={24} xl={12}>
          <ScoreCard id="after" title={t('assessment.score.after')} score={after} />
        </Col>
      </Row>
      <Collapse
        items={[
          {
            key: 'params',
            label: t('assessment.score.params'),
            children: <Params before={before} after={after} />,
          },
        ]}
      />
    </Space>
  );
}

function ScoreCard({ id, title, score }: { id: string; title: string; score: ScoreResultDto }) {
  const { t, i18n } = useTranslation();
  const rate = score.policy === 'T2025';
  const c = score.counts;
  return (
    <Card size="small" title={title} data-testid={`score-${id}`}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <ScoreHeadline score={score} testId={`score-${id}-headline`} showCoverage={false} />
        <Row gutter={16} align="middle">
          <Col flex="none">
            <Typography.Text type="secondary">
              {rate ? t('assessment.score.rate') : t('assessment.score.score')}
            </Typography.Text>
            <div className="score-value" data-testid={`score-${id}-value`}>
              {score.value.toFixed(2)}
              {rate ? '%' : ''}
            </div>
          </Col>
          <Col flex="none">
            <Typography.Text type="secondary">{t('assessment.score.conclusion')}</Typography.Text>
            <Space size={4}>
              <div data-testid={`score-${id}-conclusion`}>
                <ConclusionTag conclusion={score.conclusion} large />
              </div>
              {score.provisional && <ProvisionalTag />}
            </Space>
          </Col>
          <Col flex="auto" style={{ textAlign: 'right' }}>
            <Tag>{t(`assessment.score.policy.${score.policy}`)}</Tag>
          </Col>
        </Row>
        {score.provisional && (
          <Alert
            type="warning"
            showIcon
            title={
              c.untested > 0
                ? t('assessment.score.provisionalUntested', {
                    count: c.unanswered,
                    untested: c.untested,
                  })
                : t('assessment.score.provisional', { count: c.unanswered })
            }
          />
        )}
        {score.onBoundary && (
          <Alert type="warning" showIcon title={t('assessment.score.onBoundary')} />
        )}
        <div>
          <Typography.Text strong>{t('assessment.score.reasons')}</Typography.Text>
          <ul
            style={{ margin: '4px 0 0', paddingInlineStart: 20 }}
            data-testid={`score-${id}-reasons`}
          >
            {score.reasons.map((r, i) => (
              <li key={i}>{pick(i18n.language, r.zh, r.en)}</li>
            ))}
          </ul>
        </div>
        <Descriptions size="small" bordered column={3}>
          <Descriptions.Item label={t('assessment.result.compliant')}>
            {c.compliant}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.result.partial')}>{c.partial}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.result.non_compliant')}>
            {c.nonCompliant}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.result.not_applicable')}>
            {c.notApplicable}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.result.unanswered')}>
            <Typography.Text type={c.unanswered ? 'warning' : undefined}>
              {c.unanswered}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.result.untested')}>
            <Typography.Text type={c.untested ? 'warning' : undefined}>
              {c.untested}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.score.applicable')}>
            {t('assessment.score.ofItems', { applicable: c.applicable, items: c.items })}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap size={[16, 8]}>
          <Typography.Text strong>{t('assessment.score.risks')}</Typography.Text>
          {RISK_LEVELS.map((r: RiskLevelCode) => (
            <Tag key={r} color={score.risks[r].open ? RISK_COLOURS[r] : undefined}>
              {t('assessment.score.riskCount', {
                risk: t(`assessment.risk.${r}`),
                total: score.risks[r].total,
                open: score.risks[r].open,
              })}
            </Tag>
          ))}
        </Space>
        <Space size={8}>
          <Typography.Text strong>{t('assessment.score.majorRisks')}</Typography.Text>
          <Typography.Text type={score.majorRisks.total ? 'danger' : undefined}>
            {i18n.language === 'en'
              ? t('assessment.major.count', {
                  count: score.majorRisks.total,
                  rectified: score.majorRisks.rectified,
                })
              : score.majorRiskLabel}
          </Typography.Text>
        </Space>
        <Table
          size="small"
          rowKey="category"
          pagination={false}
          dataSource={score.byCategory}
          columns={[
            {
              title: t('assessment.workbook.col.category'),
              dataIndex: 'category',
              render: (cat: string) => t(`catalog.category.${cat}`, { defaultValue: cat }),
            },
            { title: t('assessment.score.applicable'), dataIndex: 'applicable', align: 'right' },
            { title: t('assessment.result.compliant'), dataIndex: 'compliant', align: 'right' },
            {
              title: rate ? t('assessment.score.rate') : t('assessment.score.score'),
              dataIndex: 'value',
              align: 'right',
              // Nothing applicable in a category: no rate to show (not 100 %).
              render: (v: number, row) =>
                row.applicable === 0 ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  `${v.toFixed(2)}${rate ? '%' : ''}`
                ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

function Params({ before, after }: { before: ScoreResultDto; after: ScoreResultDto }) {
  const { t } = useTranslation();
  const keys = [...new Set([...Object.keys(before.params), ...Object.keys(after.params)])];
  const value = (v: string | number | boolean | undefined) =>
    v === undefined
      ? '—'
      : typeof v === 'boolean'
        ? t(v ? 'common.yes' : 'common.no')
        : typeof v === 'string'
          ? t(`assessment.score.paramValue.${v}`, { defaultValue: v })
          : String(v);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        <InfoCircleOutlined /> {t('assessment.score.paramsHint')}
      </Typography.Text>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={keys.map((key) => ({ key }))}
        columns={[
          {
            title: t('assessment.score.param'),
            dataIndex: 'key',
            render: (key: string) => (
              <Space orientation="vertical" size={0}>
                <span>{t(`assessment.score.paramName.${key}`, { defaultValue: key })}</span>
                <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                  {key}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('assessment.score.before'),
            key: 'before',
            render: (_, { key }) => value(before.params[key]),
          },
          {
            title: t('assessment.score.after'),
            key: 'after',
            render: (_, { key }) => value(after.params[key]),
          },
        ]}
      />
    </Space>
  );
}
