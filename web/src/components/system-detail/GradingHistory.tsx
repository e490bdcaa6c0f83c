import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradingRecordDto } from '../../../../src/shared/api-types';
import type { ProtectionLevel } from '../../../../src/shared/mlps';
import { formatTimestamp } from '../../lib/dates';
import { GradingResultPanel } from '../grading/GradingResultPanel';
import { LevelTag } from '../LevelTag';

/** 变更历史: every grading, newest first, each expandable to its full reasoning. */
export function GradingHistory({ history }: { history: readonly GradingRecordDto[] }) {
  const { t } = useTranslation();
  const rows = [...history].sort((a, b) =>
    a.gradedOn === b.gradedOn
      ? b.createdAt.localeCompare(a.createdAt)
      : b.gradedOn.localeCompare(a.gradedOn),
  );
  return (
    <Table<GradingRecordDto>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('history.empty') }}
      expandable={{ expandedRowRender: (row) => <GradingResultPanel result={row.result} /> }}
      columns={[
        { title: t('field.gradedOn'), dataIndex: 'gradedOn', width: 120 },
        {
          title: t('field.level'),
          dataIndex: 'level',
          width: 110,
          render: (l: ProtectionLevel) => <LevelTag level={l} />,
        },
        {
          title: t('history.previousLevel'),
          dataIndex: 'previousLevel',
          width: 110,
          render: (l: ProtectionLevel | null) =>
            l === null ? t('history.firstGrading') : <LevelTag level={l} />,
        },
        { title: t('field.reason'), dataIndex: 'reason' },
        {
          title: t('history.recordedBy'),
          dataIndex: 'recordedBy',
          width: 120,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('history.recordedAt'),
          dataIndex: 'createdAt',
          width: 160,
          render: (v: string) => formatTimestamp(v),
        },
      ]}
    />
  );
}
