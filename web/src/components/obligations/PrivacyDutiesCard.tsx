import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PrivacyDutyDto } from '../../api/privacy-client';
import { privacyDutyColumns } from '../privacy/duty-columns';
import { ApiErrorAlert } from '../ApiErrorAlert';

/** 个人信息保护 › 义务 of the same as-of date. */
export const privacyDutiesPath = (orgId: string, asOf: string) =>
  `/o/${orgId}/privacy?tab=duties&asOf=${encodeURIComponent(asOf)}`;

/**
 * 个人信息保护义务 on 义务日历: the register's duties (PIPL, the cross-border Provisions, the face-
 * recognition Measures) as of the calendar's date, below the systems' obligations, each with its
 * working-day deadline, citations and penalty risk, linked to 个人信息保护 › 义务.
 */
export function PrivacyDutiesCard({
  orgId,
  asOf,
  duties,
  filtered,
  loading,
  error,
}: {
  orgId: string;
  asOf: string;
  /** Sorted (compareDuties) and already filtered by the page's state group. */
  duties: readonly PrivacyDutyDto[];
  /** A state group is selected: the empty text says no duty matches rather than none exist. */
  filtered: boolean;
  loading: boolean;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const link = privacyDutiesPath(orgId, asOf);
  const rows = duties.map((d, i) => ({
    ...d,
    key: d.key ?? `${d.ruleId}|${d.subject.kind}|${d.subject.id}|${i}`,
  }));
  return (
    <Card
      size="small"
      title={t('privacy.duties.title')}
      extra={<Link to={link}>{t('obligation.privacy.open')}</Link>}
      data-testid="calendar-privacy-duties"
    >
      {error != null && <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <Table<PrivacyDutyDto>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={rows}
        tableLayout="fixed"
        scroll={{ x: 1100 }}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: true } : false}
        locale={{ emptyText: filtered ? t('obligation.empty') : t('privacy.duties.empty') }}
        columns={privacyDutyColumns(t, language, link)}
      />
    </Card>
  );
}
