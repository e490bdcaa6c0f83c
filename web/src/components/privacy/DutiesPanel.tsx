import { Card, DatePicker, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PrivacyDutyDto } from '../../api/privacy-client';
import { usePrivacyDuties } from '../../api/privacy-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { compareDuties } from './duty-order';
import { privacyDutyColumns } from './duty-columns';
import { ApiErrorAlert } from '../ApiErrorAlert';

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
        columns={privacyDutyColumns(t, language)}
      />
    </Card>
  );
}
