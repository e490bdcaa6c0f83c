import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RECTIFICATION_STATUSES } from '../../../../src/shared/assessment-schemas';
import { useGenerateRectifications, useRectifications } from '../../api/assessment-hooks';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { useCan } from '../OrganisationScope';
import { STATUS_COLOURS } from './assessment-labels';
import type { AssessmentPanelProps } from './panel-props';
import { RectificationPlanCard } from './RectificationPlanCard';
import { RectificationTable } from './RectificationTable';

/** 整改 of one assessment: one item per finding, tracked to its re-test. */
export function RectificationPanel({ orgId, assessment }: AssessmentPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useRectifications(orgId, assessment.id);
  const generate = useGenerateRectifications(orgId, assessment.id);
  const canRectify = useCan('rectification.write');
  const items = list.data?.items ?? [];
  const overdue = items.filter((r) => r.overdue).length;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            {t('assessment.rectification.title')}
            {RECTIFICATION_STATUSES.map((s) => {
              const n = items.filter((r) => r.status === s).length;
              return n ? (
                <Tag key={s} color={STATUS_COLOURS[s]}>
                  {t(`assessment.rectification.status.${s}`)} {n}
                </Tag>
              ) : null;
            })}
            {overdue > 0 && (
              <Tag color="error">
                {t('assessment.rectification.overdue')} {overdue}
              </Tag>
            )}
          </Space>
        }
        extra={
          canRectify && (
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              loading={generate.isPending}
              onClick={async () => {
                const before = items.length;
                try {
                  const answer = await generate.mutateAsync();
                  message.success(
                    t('assessment.rectification.generated', { count: answer.total - before }),
                  );
                } catch {
                  // shown below
                }
              }}
            >
              {t('assessment.rectification.generate')}
            </Button>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('assessment.rectification.hint')}</Typography.Text>
          {generate.isError && <ApiErrorAlert error={generate.error} />}
          {list.isError && <ApiErrorAlert error={list.error} />}
          <RectificationTable
            orgId={orgId}
            assessmentId={assessment.id}
            items={items}
            loading={list.isPending}
          />
        </Space>
      </Card>
      <RectificationPlanCard orgId={orgId} assessmentId={assessment.id} />
    </Space>
  );
}
