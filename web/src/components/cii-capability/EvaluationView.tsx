import { ArrowLeftOutlined, CheckCircleOutlined, UndoOutlined } from '@ant-design/icons';
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
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isVersionConflict,
  useCapabilityCatalog,
  useCiiEvaluation,
  useCompleteCiiEvaluation,
  useReopenCiiEvaluation,
} from '../../api/cii-capability';
import { formatTimestamp } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { EvaluationStatusTag, Hint, periodText, rateText } from './capability-labels';
import { ChapterScores, OutcomeCounts } from './ChapterScores';
import { FindingsCard } from './FindingsCard';
import { RectificationsCard } from './RectificationsCard';
import { RequirementsGrid } from './RequirementsGrid';
import { referenceIndex } from './reference';

/** One capability evaluation: key facts and status, chapter scores, the results grid, findings. */
export function EvaluationView({
  orgId,
  businessId,
  evaluationId,
  canWrite,
  onBack,
}: {
  orgId: string;
  businessId: string;
  evaluationId: string;
  canWrite: boolean;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const detail = useCiiEvaluation(orgId, evaluationId);
  const catalog = useCapabilityCatalog(orgId);
  const complete = useCompleteCiiEvaluation(orgId, evaluationId);
  const reopen = useReopenCiiEvaluation(orgId, evaluationId);
  const [chapter, setChapter] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState(0);

  const back = () => {
    if (unsaved === 0) return onBack();
    modal.confirm({
      title: t('ciiCapability.grid.leaveTitle', { count: unsaved }),
      content: t('ciiCapability.grid.leaveHint'),
      okText: t('ciiCapability.grid.leave'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: onBack,
    });
  };

  const backButton = (
    <Button icon={<ArrowLeftOutlined />} onClick={back}>
      {t('ciiCapability.view.back')}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) {
    return (
      <Space orientation="vertical" className="cap-stack">
        {backButton}
        <ApiErrorAlert error={detail.error} />
      </Space>
    );
  }
  const e = detail.data;
  if (e.coreBusinessId !== businessId) {
    return (
      <Space orientation="vertical" className="cap-stack">
        {backButton}
        <Alert type="warning" showIcon title={t('ciiCapability.view.otherBusiness')} />
      </Space>
    );
  }
  const completed = e.status === 'completed';
  // A completed evaluation is read-only until reopened (the server refuses result writes).
  const editable = canWrite && !completed;
  const missing = e.overall.total - e.overall.assessed;
  const references = catalog.data ? referenceIndex(catalog.data) : null;

  const transition = (kind: 'complete' | 'reopen') => {
    const mutation = kind === 'complete' ? complete : reopen;
    (kind === 'complete' ? reopen : complete).reset();
    mutation
      .mutateAsync(e.version)
      .then(() =>
        message.success(
          t(kind === 'complete' ? 'ciiCapability.view.completed' : 'ciiCapability.view.reopened'),
        ),
      )
      .catch((error: unknown) => {
        if (isVersionConflict(error)) message.warning(t('ciiCapability.conflict'));
      });
  };
  const completeBlocked =
    unsaved > 0
      ? t('ciiCapability.view.saveFirst', { count: unsaved })
      : missing > 0
        ? t('ciiCapability.view.missing', { count: missing })
        : null;
  const transitionError = complete.error ?? reopen.error;

  return (
    <Space orientation="vertical" size={12} className="cap-stack" data-testid="cii-evaluation">
      <Card size="small">
        <Row justify="space-between" align="top" gutter={[24, 12]} wrap={false}>
          <Col flex="auto" style={{ minWidth: 0 }}>
            <Space orientation="vertical" size={8} className="cap-stack">
              <Space align="center" wrap>
                {backButton}
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {e.title}
                </Typography.Title>
                <EvaluationStatusTag status={e.status} />
                <Typography.Text type="secondary">{t('ciiCapability.standard')}</Typography.Text>
              </Space>
              <Descriptions size="small" column={{ xs: 1, lg: 2, xxl: 3 }}>
                <Descriptions.Item label={t('ciiCapability.field.period')}>
                  {periodText(e)}
                </Descriptions.Item>
                <Descriptions.Item label={t('ciiCapability.field.evaluatorName')}>
                  {e.evaluator ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('ciiCapability.field.agency')}>
                  {e.agency ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('ciiCapability.field.created')}>
                  {`${e.createdBy} ${formatTimestamp(e.createdAt)}`}
                </Descriptions.Item>
                {e.completedAt && (
                  <Descriptions.Item label={t('ciiCapability.field.completed')}>
                    {`${e.completedBy ?? ''} ${formatTimestamp(e.completedAt)}`}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Space>
          </Col>
          <Col flex="none">
            <Space orientation="vertical" size={4} align="end">
              <Space align="baseline" size={8}>
                <Typography.Text type="secondary">{t('ciiCapability.score.rate')}</Typography.Text>
                <span className="cap-overall-rate" data-testid="overall-rate">
                  {rateText(e.overall.conformanceRate)}
                </span>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('ciiCapability.score.weighted', { rate: rateText(e.overall.weightedRate) })}
              </Typography.Text>
              <OutcomeCounts score={e.overall} />
              {canWrite && !completed && (
                <Popconfirm
                  title={t('ciiCapability.view.completeConfirm')}
                  description={t('ciiCapability.view.completeHint')}
                  okText={t('ciiCapability.view.complete')}
                  cancelText={t('common.cancel')}
                  disabled={completeBlocked !== null}
                  onConfirm={() => transition('complete')}
                >
                  <Tooltip title={completeBlocked}>
                    <Button
                      type="primary"
                      icon={<CheckCircleOutlined />}
                      loading={complete.isPending}
                      disabled={completeBlocked !== null}
                    >
                      {t('ciiCapability.view.complete')}
                    </Button>
                  </Tooltip>
                </Popconfirm>
              )}
              {canWrite && completed && (
                <Popconfirm
                  title={t('ciiCapability.view.reopenConfirm')}
                  okText={t('ciiCapability.view.reopen')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => transition('reopen')}
                >
                  <Button icon={<UndoOutlined />} loading={reopen.isPending}>
                    {t('ciiCapability.view.reopen')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Col>
        </Row>
        <Hint testId="no-conclusion">{t('ciiCapability.view.noConclusion')}</Hint>
      </Card>
      {transitionError !== null && !isVersionConflict(transitionError) && (
        <ApiErrorAlert error={transitionError} />
      )}
      {completed && (
        <Alert
          type="success"
          showIcon
          title={t('ciiCapability.view.readOnly')}
          data-testid="read-only"
        />
      )}
      {e.catalogChanged && (
        <Alert type="warning" showIcon title={t('ciiCapability.view.catalogChanged')} />
      )}
      {e.orphanedResults.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('ciiCapability.view.orphaned', { count: e.orphanedResults.length })}
          description={e.orphanedResults
            .map((o) => `${o.requirementId}（${t(`assessment.result.${o.result}`)}）`)
            .join(t('common.listSeparator'))}
        />
      )}
      {catalog.isError && <ApiErrorAlert error={catalog.error} />}
      <Card size="small" title={t('ciiCapability.score.title')}>
        <ChapterScores evaluation={e} active={chapter} onSelect={setChapter} />
      </Card>
      <RequirementsGrid
        orgId={orgId}
        evaluation={e}
        references={references}
        editable={editable}
        chapter={chapter}
        onChapterChange={setChapter}
        onUnsavedChange={setUnsaved}
      />
      <FindingsCard orgId={orgId} evaluation={e} references={references} canWrite={canWrite} />
      <RectificationsCard orgId={orgId} evaluation={e} canWrite={canWrite} />
    </Space>
  );
}
