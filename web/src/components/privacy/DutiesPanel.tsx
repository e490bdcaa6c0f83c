import { Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PrivacyDutyDto } from '../../api/privacy-client';
import { PenaltyCell } from './PenaltyCell';
import { usePrivacyDuties } from '../../api/privacy-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { pick } from '../../lib/language';
import { compareDuties, dutyState } from './duty-order';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CitationPopover } from '../CitationPopover';
import { ObligationStateTag } from '../ObligationStateTag';

export { dutyState } from './duty-order';

/**
 * 义务: the duties of the register as of a date (PIPL, the cross-border Provisions, the NDS
 * Regulations, the face-recognition Measures), each with its due date, state, reason, citation
 * and the penalty an open duty risks.
 */
export function DutiesPanel({
  orgId,
  asOf,
  onAsOfChange,
}: {
  orgId: string;
  asOf: string;
  onAsOfChange: (date: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const duties = usePrivacyDuties(orgId, asOf);
  const rows = [...(duties.data?.duties ?? [])]
    .sort(compareDuties)
    .map((d, i) => ({ ...d, key: d.key ?? `${d.ruleId}|${d.subject.kind}|${d.subject.id}|${i}` }));

  return (
    <Card
      size="small"
      title={t('privacy.duties.title')}
      extra={
        <Space>
          <Typography.Text>{t('privacy.asOf')}</Typography.Text>
          <DatePicker
            aria-label={t('privacy.asOf')}
            allowClear={false}
            format={DATE_FORMAT}
            value={fromIsoDate(asOf)}
            onChange={(v) => {
              const iso = toIsoDate(v);
              if (iso) onAsOfChange(iso);
            }}
          />
        </Space>
      }
    >
      {duties.isError && <ApiErrorAlert error={duties.error} style={{ marginBottom: 12 }} />}
      <Table<PrivacyDutyDto>
        rowKey="key"
        size="small"
        loading={duties.isPending || duties.isFetching}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        tableLayout="fixed"
        locale={{ emptyText: t('privacy.duties.empty') }}
        data-testid="privacy-duties"
        columns={[
          {
            title: t('obligation.column.state'),
            key: 'state',
            width: 110,
            render: (_, d) => <ObligationStateTag state={dutyState(d)} />,
          },
          {
            title: t('obligation.column.title'),
            key: 'title',
            width: 230,
            render: (_, d) => (
              <Space orientation="vertical" size={2}>
                <Typography.Text>{pick(language, d.titleZh, d.titleEn)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`privacy.subjectKind.${d.subject.kind}`)} · {d.subject.name}
                </Typography.Text>
                {d.provenance !== 'confirmed' && (
                  <Tag style={{ fontSize: 11 }} variant="filled">
                    {t(`provenance.${d.provenance}`)}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('obligation.column.due'),
            key: 'due',
            width: 110,
            render: (_, d) => (
              <Typography.Text
                strong={dutyState(d) === 'overdue'}
                type={dutyState(d) === 'overdue' ? 'danger' : undefined}
              >
                {d.dueDate ?? t('common.none')}
              </Typography.Text>
            ),
          },
          {
            title: t('obligation.column.reason'),
            key: 'reason',
            render: (_, d) => (
              <Typography.Text style={{ fontSize: 13 }}>
                {pick(language, d.reasonZh, d.reasonEn)}
              </Typography.Text>
            ),
          },
          {
            title: t('obligation.column.citations'),
            key: 'citations',
            width: 100,
            render: (_, d) => <CitationPopover citations={d.citations} />,
          },
          {
            title: t('privacy.duties.penalty'),
            key: 'penalty',
            width: 230,
            render: (_, d) => <PenaltyCell duty={d} />,
          },
        ]}
      />
    </Card>
  );
}
