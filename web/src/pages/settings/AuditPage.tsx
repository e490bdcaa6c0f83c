import {
  ArrowRightOutlined,
  DownloadOutlined,
  ReloadOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useAllSystems } from '../../api/hooks';
import { useAuditLog, useMembers, useVerifyAudit } from '../../api/settings-hooks';
import type { AuditEntryDto, AuditQuery, AuditVerifyDto } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useAccess, useCurrentOrganisation } from '../../components/OrganisationScope';
import {
  actionLabel,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  changeValue,
  entityTypeLabel,
  fieldLabel,
  isInstant,
} from '../../lib/audit-labels';
import { downloadText, toCsv } from '../../lib/csv';
import {
  beijingDayStart,
  DATE_FORMAT,
  formatTimestampSeconds,
  todayInBeijing,
} from '../../lib/dates';

const DEFAULT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;

/** Filters and page live in the URL, so a view of the log can be bookmarked and shared. */
function useAuditQuery(): [
  AuditQuery & { fromDay?: string; toDay?: string; page: number },
  (patch: Record<string, string | number | undefined>) => void,
] {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const limit = Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE;
  const fromDay = params.get('from') ?? undefined;
  const toDay = params.get('to') ?? undefined;
  const query = {
    userId: params.get('user') ?? undefined,
    entityType: params.get('entityType') ?? undefined,
    action: params.get('action') ?? undefined,
    // Whole Beijing days: from the start of the first to the start of the day after the last.
    from: fromDay ? beijingDayStart(fromDay) : undefined,
    to: toDay ? beijingDayStart(dayjs(toDay).add(1, 'day').format(DATE_FORMAT)) : undefined,
    limit,
    offset: (page - 1) * limit,
    fromDay,
    toDay,
    page,
  };
  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };
  return [query, update];
}

/** One side of a change; an instant shows in Beijing time with the stored UTC text on hover. */
function ChangeValue({ value, secondary }: { value: unknown; secondary?: boolean }) {
  const { t, i18n } = useTranslation();
  const text = (
    <Typography.Text type={secondary ? 'secondary' : undefined} style={{ wordBreak: 'break-all' }}>
      {changeValue(t, value, i18n.language)}
    </Typography.Text>
  );
  return isInstant(value) ? <Tooltip title={value}>{text}</Tooltip> : text;
}

function VerifyResult({ result }: { result: AuditVerifyDto }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verify-result"
        title={t('audit.verify.ok', { count: result.count })}
        description={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('audit.verify.okDetail', { seq: result.lastSeq })}
            <Typography.Text code copyable style={{ fontSize: 12 }}>
              {result.lastHash}
            </Typography.Text>
            {result.anchors &&
              (result.anchors.latestSeq !== null
                ? t('audit.verify.anchorsHold', {
                    seq: result.anchors.latestSeq,
                    at: formatTimestampSeconds(result.anchors.latestAt),
                  })
                : t('audit.verify.noAnchor'))}
          </Typography.Text>
        }
      />
    );
  }
  const { firstBroken } = result;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      title={t('audit.verify.broken', {
        seq: firstBroken.seq,
        reason: t(`audit.verify.reason.${firstBroken.reason}`, {
          defaultValue: firstBroken.reason,
        }),
      })}
      description={
        <Space orientation="vertical" size={2}>
          <span>{t('audit.verify.brokenDetail', { count: result.count })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {firstBroken.message}
          </Typography.Text>
        </Space>
      }
    />
  );
}

/** 审计日志: every change and who made it, with the SM3 hash chain's integrity check. */
export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const organisation = useCurrentOrganisation();
  const access = useAccess();
  const [query, update] = useAuditQuery();
  const { fromDay, toDay, page, ...filters } = query;
  const log = useAuditLog(organisation.id, filters);
  const verify = useVerifyAudit(organisation.id);
  // Names for the user filter and the entity column, where the role may read them.
  const members = useMembers(organisation.id, { enabled: access.can('members.read') });
  const systems = useAllSystems(organisation.id, { enabled: access.can('systems.read') });
  const [exporting, setExporting] = useState(false);

  const memberLabel = (m: { displayName: string; username: string }) =>
    t('audit.memberLabel', { name: m.displayName, username: m.username });
  const memberName = new Map((members.data?.items ?? []).map((m) => [m.userId, memberLabel(m)]));
  const systemName = new Map((systems.data?.items ?? []).map((s) => [s.id, s.name]));

  const entityText = (entry: AuditEntryDto): string => {
    const id = entry.entityId ?? '';
    if (entry.entityType === 'system') return systemName.get(id) ?? id;
    if (entry.entityType === 'membership' || entry.entityType === 'user')
      return memberName.get(id) ?? id;
    if (entry.entityType === 'organisation' && id === organisation.id) return organisation.name;
    if (entry.entityType === 'system_assignment' && id.includes(':')) {
      // "<userId>:<systemId>": who was given (or lost) which system.
      const [userId = '', systemId = ''] = id.split(':');
      const user = memberName.get(userId);
      const system = systemName.get(systemId);
      if (user || system)
        return t('audit.assignmentEntity', {
          user: user ?? userId.slice(0, 8),
          system: system ?? systemId.slice(0, 8),
        });
    }
    if (entry.entityType === 'api_token') {
      const name = entry.changes.name?.after ?? entry.changes.name?.before;
      if (typeof name === 'string' && name) return name;
    }
    return id;
  };

  const renderEntity = (entry: AuditEntryDto) => {
    const text = entityText(entry);
    const id = entry.entityId;
    const named = text !== id;
    return (
      <Space orientation="vertical" size={0}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {entityTypeLabel(t, entry.entityType)}
        </Typography.Text>
        {entry.entityType === 'system' && id && named ? (
          <Link to={`/o/${organisation.id}/systems/${id}`}>{text}</Link>
        ) : named ? (
          <Typography.Text>{text}</Typography.Text>
        ) : id ? (
          <Tooltip title={id}>
            <Typography.Text code copyable={{ text: id }} style={{ fontSize: 12 }}>
              {id.length > 13 ? `${id.slice(0, 8)}…` : id}
            </Typography.Text>
          </Tooltip>
        ) : (
          t('common.none')
        )}
      </Space>
    );
  };

  const columns: ColumnsType<AuditEntryDto> = [
    {
      title: t('audit.column.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => (
        <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatTimestampSeconds(at)}
        </Typography.Text>
      ),
    },
    { title: t('audit.column.seq'), dataIndex: 'seq', width: 70, align: 'right' },
    {
      title: t('audit.column.actor'),
      key: 'actor',
      width: 180,
      render: (_, entry) => {
        const name = entry.actorUserId ? memberName.get(entry.actorUserId) : undefined;
        return name ?? entry.actorLabel ?? t('common.none');
      },
    },
    {
      title: t('audit.column.action'),
      key: 'action',
      width: 190,
      render: (_, entry) => (
        // The stored code stays at hand (tooltip, CSV export) without showing it as text.
        <Tooltip title={entry.action}>
          <Typography.Text>{actionLabel(t, entry.action)}</Typography.Text>
        </Tooltip>
      ),
    },
    { title: t('audit.column.entity'), key: 'entity', render: (_, entry) => renderEntity(entry) },
    {
      title: t('audit.column.changes'),
      key: 'changes',
      width: 110,
      render: (_, entry) => {
        const n = Object.keys(entry.changes ?? {}).length;
        return n > 0 ? t('audit.changeCount', { count: n }) : t('common.none');
      },
    },
    {
      title: t('audit.column.sourceIp'),
      dataIndex: 'sourceIp',
      width: 130,
      render: (ip: string | null) => ip ?? t('common.none'),
    },
  ];

  const renderChanges = (entry: AuditEntryDto) => (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      aria-label={t('audit.column.changes')}
      style={{ maxWidth: 960 }}
      dataSource={Object.entries(entry.changes).map(([field, change]) => ({
        field,
        before: change?.before,
        after: change?.after,
      }))}
      columns={[
        {
          title: t('audit.change.field'),
          dataIndex: 'field',
          width: 200,
          render: (field: string) => (
            <Tooltip title={field}>
              <Typography.Text>{fieldLabel(t, field)}</Typography.Text>
            </Tooltip>
          ),
        },
        {
          title: t('audit.change.before'),
          dataIndex: 'before',
          render: (v: unknown) => <ChangeValue value={v} secondary />,
        },
        {
          title: '',
          key: 'arrow',
          width: 32,
          render: () => <ArrowRightOutlined style={{ color: '#8c8c8c' }} />,
        },
        {
          title: t('audit.change.after'),
          dataIndex: 'after',
          render: (v: unknown) => <ChangeValue value={v} />,
        },
      ]}
    />
  );

  const onTableChange = (pagination: TablePaginationConfig) =>
    update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? DEFAULT_PAGE_SIZE });

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: AuditEntryDto[] = [];
      for (let total = Infinity; rows.length < total;) {
        const batch = await api.listAudit(organisation.id, {
          ...filters,
          limit: EXPORT_BATCH,
          offset: rows.length,
        });
        total = batch.total;
        rows.push(...batch.items);
        if (batch.items.length === 0) break;
      }
      const csv = toCsv(
        [
          t('audit.column.seq'),
          t('audit.column.at'),
          t('audit.column.actor'),
          t('audit.column.action'),
          t('audit.column.entityType'),
          t('audit.column.entityId'),
          t('audit.column.changes'),
          t('audit.column.sourceIp'),
          t('audit.column.requestId'),
          t('audit.column.hash'),
        ],
        rows.map((r) => [
          String(r.seq),
          formatTimestampSeconds(r.at),
          r.actorLabel,
          actionLabel(t, r.action),
          entityTypeLabel(t, r.entityType),
          r.entityId,
          JSON.stringify(r.changes),
          r.sourceIp,
          r.requestId,
          r.hash,
        ]),
      );
      downloadText(`${t('audit.exportFileName')}-${todayInBeijing()}.csv`, csv);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  const filtered = Boolean(
    filters.userId || filters.entityType || filters.action || fromDay || toDay,
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('nav.audit')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
        </Space>
        <Space>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
            {t('audit.exportCsv')}
          </Button>
          <Button
            type="primary"
            icon={<SafetyOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify.button')}
          </Button>
        </Space>
      </Space>
      {verify.data && <VerifyResult result={verify.data} />}
      {verify.error && <ApiErrorAlert error={verify.error} />}
      <Card size="small">
        <Space wrap>
          <Select
            allowClear
            aria-label={t('audit.filter.user')}
            placeholder={t('audit.filter.user')}
            value={filters.userId}
            onChange={(user?: string) => update({ user, page: 1 })}
            options={(members.data?.items ?? []).map((m) => ({
              value: m.userId,
              label: memberLabel(m),
            }))}
            disabled={!access.can('members.read')}
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Select
            allowClear
            aria-label={t('audit.filter.entityType')}
            placeholder={t('audit.filter.entityType')}
            value={filters.entityType}
            onChange={(entityType?: string) => update({ entityType, page: 1 })}
            options={AUDIT_ENTITY_TYPES.map((type) => ({
              value: type,
              label: entityTypeLabel(t, type),
            }))}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            aria-label={t('audit.filter.action')}
            placeholder={t('audit.filter.action')}
            value={filters.action}
            onChange={(action?: string) => update({ action, page: 1 })}
            options={AUDIT_ACTIONS.map((action) => ({
              value: action,
              label: actionLabel(t, action),
            }))}
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <DatePicker.RangePicker
            aria-label={t('audit.filter.dateRange')}
            format={DATE_FORMAT}
            value={fromDay && toDay ? [dayjs(fromDay), dayjs(toDay)] : null}
            onChange={(range) =>
              update({
                from: range?.[0]?.format(DATE_FORMAT),
                to: range?.[1]?.format(DATE_FORMAT),
                page: 1,
              })
            }
          />
          {filtered && (
            <Button
              icon={<ReloadOutlined />}
              onClick={() =>
                update({
                  user: undefined,
                  entityType: undefined,
                  action: undefined,
                  from: undefined,
                  to: undefined,
                  page: 1,
                })
              }
            >
              {t('audit.filter.reset')}
            </Button>
          )}
        </Space>
      </Card>
      {log.isError && <ApiErrorAlert error={log.error} />}
      <Table<AuditEntryDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={log.data?.items}
        loading={log.isFetching}
        onChange={onTableChange}
        aria-label={t('nav.audit')}
        expandable={{
          expandedRowRender: renderChanges,
          rowExpandable: (entry) => Object.keys(entry.changes ?? {}).length > 0,
        }}
        locale={{ emptyText: filtered ? t('audit.emptyFiltered') : t('audit.empty') }}
        pagination={{
          current: page,
          pageSize: filters.limit,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('audit.total', { count: total }),
        }}
      />
    </Space>
  );
}
