import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ObligationDto } from '../../../../src/shared/api-types';
import { eventDeadlineLabel } from '../../../../src/shared/event-deadlines';
import { pick } from '../../lib/language';
import { CitationPopover } from '../CitationPopover';
import { useCan } from '../OrganisationScope';
import { ObligationStateTag } from '../ObligationStateTag';
import { ObligationActions } from './ObligationActions';

/** "PT1H" / "P1D" → hours / days, for event-triggered reporting duties. */
function parseDeadline(iso: string): { unit: 'hours' | 'days'; count: number } | null {
  const hours = /^PT(\d+)H$/.exec(iso);
  if (hours) return { unit: 'hours', count: Number(hours[1]) };
  const days = /^P(\d+)D$/.exec(iso);
  if (days) return { unit: 'days', count: Number(days[1]) };
  return null;
}

function DueCell({ obligation }: { obligation: ObligationDto }) {
  const { t, i18n } = useTranslation();
  const deadline = obligation.eventDeadline ? parseDeadline(obligation.eventDeadline) : null;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text
        strong={obligation.effectiveState === 'overdue'}
        type={obligation.effectiveState === 'overdue' ? 'danger' : undefined}
      >
        {obligation.dueDate ?? t('common.none')}
      </Typography.Text>
      {obligation.windowOpensOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('obligation.windowOpens', { date: obligation.windowOpensOn })}
        </Typography.Text>
      )}
      {obligation.recurrenceMonths && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('obligation.recurrence', { count: obligation.recurrenceMonths })}
        </Typography.Text>
      )}
      {obligation.eventDeadline && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {deadline
            ? t(`obligation.eventDeadline.${deadline.unit}`, { count: deadline.count })
            : pick(
                i18n.language,
                eventDeadlineLabel(obligation.eventDeadline).zh,
                eventDeadlineLabel(obligation.eventDeadline).en,
              )}
        </Typography.Text>
      )}
    </Space>
  );
}

export function ObligationTable({
  orgId,
  items,
  showSystem,
  loading,
}: {
  orgId: string;
  items: readonly ObligationDto[];
  showSystem: boolean;
  loading?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan('obligations.write');
  const columns: ColumnsType<ObligationDto> = [
    {
      title: t('obligation.column.state'),
      dataIndex: 'effectiveState',
      width: 120,
      render: (state: ObligationDto['effectiveState']) => <ObligationStateTag state={state} />,
    },
    ...(showSystem
      ? [
          {
            title: t('obligation.column.system'),
            dataIndex: 'systemName',
            width: 160,
            render: (name: string, row: ObligationDto) => (
              <Link to={`/o/${orgId}/systems/${row.systemId}`}>{name}</Link>
            ),
          },
        ]
      : []),
    {
      title: t('obligation.column.title'),
      key: 'title',
      width: 200,
      render: (_, row) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text>{pick(i18n.language, row.titleZh, row.titleEn)}</Typography.Text>
          {row.provenance !== 'confirmed' && (
            <Tag style={{ fontSize: 11 }} variant="filled">
              {t(`provenance.${row.provenance}`)}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('obligation.column.due'),
      key: 'due',
      width: 140,
      render: (_, row) => <DueCell obligation={row} />,
    },
    {
      title: t('obligation.column.reason'),
      key: 'reason',
      render: (_, row) => (
        <Typography.Text style={{ fontSize: 13 }}>
          {pick(i18n.language, row.reasonZh, row.reasonEn)}
        </Typography.Text>
      ),
    },
    {
      title: t('obligation.column.citations'),
      key: 'citations',
      width: 110,
      render: (_, row) => <CitationPopover citations={row.citations} />,
    },
    // Done / not applicable / undo are writes: only for roles with obligations.write.
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            render: (_: unknown, row: ObligationDto) => (
              <ObligationActions orgId={orgId} obligation={row} />
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<ObligationDto>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={items as ObligationDto[]}
      tableLayout="fixed"
      scroll={{ x: 1100 }}
      loading={loading}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: true } : false}
      locale={{ emptyText: t('obligation.empty') }}
    />
  );
}
