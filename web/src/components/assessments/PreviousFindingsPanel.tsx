import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemResultCode } from '../../../../src/shared/api-types';
import type { PreviousFindingsDto } from '../../../../src/shared/compensation-schemas';
import { usePreviousFindings } from '../../api/compensation-hooks';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ResultTag, RiskTag, STATUS_COLOURS } from './assessment-labels';
import type { AssessmentPanelProps } from './panel-props';

type Item = PreviousFindingsDto['items'][number];

/**
 * 上次测评问题整改情况: the previous assessment's findings (result, risk, objects), what their
 * rectification came to, and the item's result in this assessment.
 */
export function PreviousFindingsPanel({ orgId, assessment }: AssessmentPanelProps) {
  const { t, i18n } = useTranslation();
  const data = usePreviousFindings(orgId, assessment.id);
  if (data.isError) return <ApiErrorAlert error={data.error} />;
  const previous = data.data?.previous ?? null;
  if (data.isSuccess && !previous) {
    return (
      <Card size="small" title={t('previousFindings.title')}>
        <Empty description={t('previousFindings.none')} />
      </Card>
    );
  }
  const items = data.data?.items ?? [];
  const fixed = items.filter(
    (i) => i.rectification?.status === 'verified' || i.currentResult === 'compliant',
  ).length;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('previousFindings.title')}
          {previous && (
            <Typography.Text type="secondary" data-testid="previous-assessment">
              {t('previousFindings.from', {
                title: previous.title,
                date: previous.reportDate ?? '—',
              })}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        previous && (
          <Typography.Text>
            {t('previousFindings.count', { count: items.length, fixed })}
          </Typography.Text>
        )
      }
    >
      <Table<Item>
        rowKey="requirementId"
        size="small"
        loading={data.isPending}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('previousFindings.empty') }}
        columns={[
          {
            title: t('previousFindings.item'),
            key: 'item',
            render: (_, i) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>
                  {i.clause} {pick(i18n.language, i.title.zh, i.title.en)}
                </Typography.Text>
                {i.description && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.description}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('previousFindings.objects'),
            dataIndex: 'objects',
            render: (objects: string[]) => objects.join('、'),
          },
          {
            title: t('previousFindings.lastResult'),
            dataIndex: 'result',
            width: 100,
            render: (r: ItemResultCode) => <ResultTag result={r} />,
          },
          {
            title: t('previousFindings.risk'),
            dataIndex: 'risk',
            width: 90,
            render: (r: Item['risk']) => <RiskTag risk={r} />,
          },
          {
            title: t('previousFindings.rectification'),
            key: 'rectification',
            width: 150,
            render: (_, i) =>
              i.rectification ? (
                <Space orientation="vertical" size={0}>
                  <Tag color={STATUS_COLOURS[i.rectification.status]}>
                    {t(`assessment.rectification.status.${i.rectification.status}`)}
                  </Tag>
                  {i.rectification.closedOn && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.rectification.closedOn}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                <Tag>{t('previousFindings.noRectification')}</Tag>
              ),
          },
          {
            title: t('previousFindings.now'),
            dataIndex: 'currentResult',
            width: 120,
            render: (r: Item['currentResult']) =>
              r === null ? (
                '—'
              ) : r === 'unanswered' || r === 'untested' ? (
                <Tag>{t(`assessment.result.${r}`)}</Tag>
              ) : (
                <ResultTag result={r} />
              ),
          },
        ]}
      />
    </Card>
  );
}
