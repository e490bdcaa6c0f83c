import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DataSecurityDutyDto } from '../../api/data-security-client';
import { ApiErrorAlert } from '../ApiErrorAlert';
import {
  compareDataDuties,
  dataDutyKey,
  dataSecurityDutyColumns,
} from '../data-security/duties/duty-columns';

/** 数据安全 › 重要数据 of the same as-of date. */
export const dataSecurityDutiesPath = (orgId: string, asOf: string) =>
  `/o/${orgId}/data-security?tab=important&asOf=${encodeURIComponent(asOf)}`;

/**
 * 数据安全义务 on 义务日历: the organisation's data-security duties (DSL, the NDS Regulations:
 * important-data declaration, officer and body, annual risk assessment, provisions, PI audits)
 * as of the calendar's date, linked to 数据安全 › 重要数据.
 */
export function DataSecurityDutiesCard({
  orgId,
  asOf,
  duties,
  filtered,
  loading,
  error,
}: {
  orgId: string;
  asOf: string;
  /** The duties of the calendar's state group (all of them when no group is chosen). */
  duties: readonly DataSecurityDutyDto[];
  filtered: boolean;
  loading: boolean;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  const link = dataSecurityDutiesPath(orgId, asOf);
  const rows = [...duties]
    .sort(compareDataDuties)
    .map((d, i) => ({ ...d, key: dataDutyKey(d, i) }));
  return (
    <Card
      size="small"
      title={t('dataSecurity.duties.calendarTitle')}
      extra={<Link to={link}>{t('dataSecurity.duties.open')}</Link>}
      data-testid="calendar-datasec-duties"
    >
      {error != null && <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <Table<DataSecurityDutyDto>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={rows}
        tableLayout="fixed"
        scroll={{ x: 1100 }}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: true } : false}
        locale={{
          emptyText: filtered
            ? t('dataSecurity.duties.noneInGroup')
            : t('dataSecurity.duties.empty'),
        }}
        columns={dataSecurityDutyColumns(t, i18n.language, link)}
      />
    </Card>
  );
}
