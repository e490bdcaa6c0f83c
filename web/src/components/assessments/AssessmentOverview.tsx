import { CheckCircleOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummaryDto } from '../../../../src/shared/api-types';
import { Link } from 'react-router-dom';
import {
  isVersionConflict,
  usePatchAssessment,
  useScore,
  useWorkbook,
} from '../../api/assessment-hooks';
import { formatTimestamp } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { LevelTag } from '../LevelTag';
import { AssessmentFormDrawer } from './AssessmentFormDrawer';
import { CategoryProgress } from './CategoryProgress';
import { progressOf, type AssessmentPanelProps } from './panel-props';
import { ScoreHeadline } from './ScoreHeadline';
import { AssessmentStatusTag, periodText } from './SystemAssessments';

/** 概况: metadata, the fixed baseline, progress and the project status. */
export function AssessmentOverview({
  orgId,
  assessment: a,
  canWrite,
}: AssessmentPanelProps & { canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const patch = usePatchAssessment(orgId, a.id);
  const workbook = useWorkbook(orgId, a.id);
  const score = useScore(orgId, a.id);
  const progress = useMemo(() => progressOf(workbook.data?.rows ?? []), [workbook.data]);
  const [editing, setEditing] = useState(false);
  const unanswered = progress.reduce((n, p) => n + p.rows - p.answered, 0);

  const onConflict = (error: unknown) => {
    if (isVersionConflict(error)) message.warning(t('assessment.versionConflict'));
  };

  const setStatus = async (status: AssessmentSummaryDto['status']) => {
    try {
      await patch.mutateAsync({ version: a.version, status });
      message.success(t(`assessment.statusChanged.${status}`));
    } catch (error) {
      onConflict(error);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card
          size="small"
          title={t('assessment.overview.metadata')}
          extra={
            canWrite && a.status === 'in_progress' ? (
              <Button icon={<EditOutlined />} size="small" onClick={() => setEditing(true)}>
                {t('assessment.overview.edit')}
              </Button>
            ) : null
          }
        >
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('assessment.field.title')} span={2}>
              {a.title}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.field.system')}>
              {a.systemName}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.field.period')}>
              {periodText(a)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.field.agency')}>
              {a.agency ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.field.reportNumber')}>
              {a.reportNumber ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.field.reportDate')}>
              {a.reportDate ?? t('assessment.overview.noReportDate')}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.field.team')}>
              {a.team.length ? a.team.map((u) => <Tag key={u}>{u}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.field.createdBy')}>
              {a.createdBy}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.updatedAt')}>
              {formatTimestamp(a.updatedAt)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card
            size="small"
            title={t('assessment.overview.conclusion')}
            extra={<Link to={{ search: '?tab=score' }}>{t('assessment.overview.toScore')}</Link>}
          >
            {score.isError ? (
              <ApiErrorAlert error={score.error} />
            ) : score.isPending ? (
              <Skeleton active paragraph={{ rows: 1 }} />
            ) : (
              <ScoreHeadline score={score.data.before} testId="overview-headline" level={5} />
            )}
          </Card>
          <Card size="small" title={t('assessment.overview.status')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <AssessmentStatusTag status={a.status} />
                {canWrite && a.status === 'in_progress' && (
                  <Popconfirm
                    title={t('assessment.overview.completeConfirm')}
                    description={
                      unanswered > 0
                        ? t('assessment.overview.completeUnanswered', { count: unanswered })
                        : undefined
                    }
                    okText={t('assessment.overview.complete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => setStatus('completed')}
                  >
                    <Button icon={<CheckCircleOutlined />} loading={patch.isPending}>
                      {t('assessment.overview.complete')}
                    </Button>
                  </Popconfirm>
                )}
                {canWrite && a.status === 'completed' && (
                  <Button
                    icon={<UndoOutlined />}
                    loading={patch.isPending}
                    onClick={() => setStatus('in_progress')}
                  >
                    {t('assessment.overview.reopen')}
                  </Button>
                )}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('assessment.overview.statusHint')}
              </Typography.Text>
              {patch.isError && !isVersionConflict(patch.error) && !editing && (
                <ApiErrorAlert error={patch.error} />
              )}
            </Space>
          </Card>
          <Card size="small" title={t('assessment.overview.baseline')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('field.level')}>
                <LevelTag level={a.level as 1 | 2 | 3 | 4 | 5} full />
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.field.extensions')}>
                <Space size={4} wrap>
                  {a.extensions.map((e) => (
                    <Tag key={e}>{t(`catalog.extension.${e}`)}</Tag>
                  ))}
                  {a.cloudRole && <Tag>{t(`assessment.cloudRole.${a.cloudRole}`)}</Tag>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.field.requirementCount')}>
                <span data-testid="overview-requirement-count">
                  {t('assessment.countItems', { count: a.requirementCount })}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.field.catalogHash')}>
                <Typography.Text code copyable={{ text: a.catalogHash }} style={{ fontSize: 12 }}>
                  {a.catalogHash.slice(0, 16)}…
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            {a.catalogChanged && (
              <Alert type="warning" showIcon title={t('assessment.overview.catalogChanged')} />
            )}
          </Card>
        </Space>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('assessment.overview.progress')}>
          {workbook.isError ? (
            <ApiErrorAlert error={workbook.error} />
          ) : workbook.isPending ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : progress.length === 0 ? (
            <Typography.Text type="secondary">{t('assessment.workbook.noObjects')}</Typography.Text>
          ) : (
            <CategoryProgress progress={progress} />
          )}
        </Card>
      </Col>
      <AssessmentFormDrawer
        open={editing}
        assessment={a}
        submitting={patch.isPending}
        error={patch.error}
        onClose={() => {
          setEditing(false);
          patch.reset();
        }}
        onSubmit={async (input) => {
          try {
            await patch.mutateAsync({ ...input, version: a.version });
          } catch (error) {
            onConflict(error);
            throw error;
          }
          setEditing(false);
          patch.reset();
          message.success(t('assessment.overview.saved'));
        }}
      />
    </Row>
  );
}
