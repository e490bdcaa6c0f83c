import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CiiEvaluationSummaryDto } from '../../../../src/shared/cii-evaluation-schemas';
import { useCiiEvaluations, useCreateCiiEvaluation } from '../../api/cii-capability';
import { formatTimestamp, todayInBeijing } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { EvaluationStatusTag, Hint, periodText, rateText } from './capability-labels';
import { EvaluationFormDrawer } from './EvaluationFormDrawer';

/** The capability evaluations of a core business, newest first, and 新建能力评价. */
export function EvaluationList({
  orgId,
  businessId,
  canWrite,
  onOpen,
}: {
  orgId: string;
  businessId: string;
  canWrite: boolean;
  onOpen: (evaluationId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useCiiEvaluations(orgId, businessId);
  const create = useCreateCiiEvaluation(orgId, businessId);
  const [creating, setCreating] = useState(false);

  return (
    <Card
      size="small"
      title={t('ciiCapability.list.title')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('ciiCapability.list.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" className="cap-stack">
        {list.isError && <ApiErrorAlert error={list.error} />}
        <Table<CiiEvaluationSummaryDto>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('ciiCapability.list.empty') }}
          columns={[
            {
              title: t('ciiCapability.field.title'),
              dataIndex: 'title',
              render: (title: string, e) => (
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal' }}
                  onClick={() => onOpen(e.id)}
                >
                  {title}
                </Button>
              ),
            },
            {
              title: t('ciiCapability.field.period'),
              key: 'period',
              width: 210,
              render: (_, e) => periodText(e),
            },
            {
              title: t('ciiCapability.field.evaluator'),
              key: 'evaluator',
              render: (_, e) =>
                [e.evaluator, e.agency].filter(Boolean).join(t('common.listSeparator')) || '—',
            },
            {
              title: t('field.status'),
              dataIndex: 'status',
              width: 90,
              render: (status: CiiEvaluationSummaryDto['status']) => (
                <EvaluationStatusTag status={status} />
              ),
            },
            {
              title: t('ciiCapability.score.rate'),
              key: 'rate',
              width: 110,
              align: 'right',
              render: (_, e) => (
                <Typography.Text strong data-testid="list-rate">
                  {rateText(e.overall.conformanceRate)}
                </Typography.Text>
              ),
            },
            {
              title: t('ciiCapability.score.assessed'),
              key: 'assessed',
              width: 190,
              render: (_, e) => (
                <Space size={8}>
                  <Progress
                    size={[80, 6]}
                    showInfo={false}
                    percent={e.overall.total ? (e.overall.assessed / e.overall.total) * 100 : 0}
                    status={e.overall.complete ? 'success' : 'normal'}
                  />
                  <Typography.Text style={{ fontSize: 12 }}>
                    {e.overall.complete
                      ? t('ciiCapability.score.allAssessed')
                      : t('ciiCapability.score.assessedOf', {
                          assessed: e.overall.assessed,
                          total: e.overall.total,
                        })}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('field.updatedAt'),
              dataIndex: 'updatedAt',
              width: 140,
              render: (v: string) => formatTimestamp(v),
            },
          ]}
        />
        <Hint>{t('ciiCapability.list.hint')}</Hint>
      </Space>
      <EvaluationFormDrawer
        open={creating}
        defaultTitle={t('ciiCapability.form.defaultTitle', {
          year: todayInBeijing().slice(0, 4),
        })}
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
          message.success(t('ciiCapability.form.created'));
          onOpen(created.id);
        }}
      />
    </Card>
  );
}
