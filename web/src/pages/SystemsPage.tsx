import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType, SorterResult, TablePaginationConfig } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { SystemSummaryDto } from '../../../src/shared/api-types';
import { PROTECTION_LEVELS, SYSTEM_TYPES } from '../../../src/shared/mlps';
import { api, type SystemListQuery } from '../api/client';
import { useCreateSystem, useSystemList } from '../api/hooks';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { FilingStatusTag } from '../components/FilingStatusTag';
import { LevelTag } from '../components/LevelTag';
import { useCan, useCurrentOrganisation } from '../components/OrganisationScope';
import { SystemFormDrawer } from '../components/SystemFormDrawer';
import { SystemTypeTags } from '../components/SystemTypeTags';
import { toCsv, downloadText } from '../lib/csv';
import { formatTimestamp, todayInBeijing } from '../lib/dates';

type SortField = NonNullable<SystemListQuery['sort']>;
const SORT_FIELDS: readonly SortField[] = ['name', 'level', 'gradedOn', 'updatedAt'];
const DEFAULT_PAGE_SIZE = 20;

/** The list state lives in the URL so a filtered view can be bookmarked and shared. */
function useListQuery(): [
  SystemListQuery & { page: number; pageSize: number },
  (patch: Record<string, string | number | undefined>) => void,
] {
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort') as SortField | null;
  const level = Number(params.get('level'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE;
  const query = {
    q: params.get('q') ?? undefined,
    level: level >= 1 && level <= 5 ? level : undefined,
    type: params.get('type') ?? undefined,
    sort: sort && SORT_FIELDS.includes(sort) ? sort : undefined,
    order:
      params.get('order') === 'desc'
        ? ('desc' as const)
        : params.get('order') === 'asc'
          ? ('asc' as const)
          : undefined,
    page,
    pageSize,
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

export function SystemsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const organisation = useCurrentOrganisation();
  const navigate = useNavigate();
  const [query, update] = useListQuery();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { page, pageSize, ...filters } = query;
  const list = useSystemList(organisation.id, {
    ...filters,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const create = useCreateSystem(organisation.id);
  const canWrite = useCan('systems.write');

  const sortOrderOf = (field: SortField) =>
    query.sort === field
      ? query.order === 'desc'
        ? ('descend' as const)
        : ('ascend' as const)
      : null;

  const columns: ColumnsType<SystemSummaryDto> = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, row) => (
        <Link to={`/o/${organisation.id}/systems/${row.id}`}>{name}</Link>
      ),
    },
    {
      title: t('field.types'),
      dataIndex: 'types',
      key: 'types',
      render: (types: SystemSummaryDto['types']) => <SystemTypeTags types={types} />,
    },
    {
      title: t('field.level'),
      dataIndex: 'level',
      key: 'level',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf('level'),
      render: (level: SystemSummaryDto['level']) => <LevelTag level={level} />,
    },
    {
      title: t('field.gradedOn'),
      dataIndex: 'gradedOn',
      key: 'gradedOn',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf('gradedOn'),
      render: (value: string | null) => value ?? t('common.none'),
    },
    {
      title: t('system.filingStatus'),
      key: 'filing',
      width: 170,
      render: (_, row) =>
        row.level === null ? t('common.none') : <FilingStatusTag system={row} />,
    },
    {
      title: t('field.goLiveOn'),
      dataIndex: 'goLiveOn',
      key: 'goLiveOn',
      width: 120,
      render: (value: string | null) => value ?? t('common.none'),
    },
    {
      title: t('field.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 160,
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      render: (value: string) => formatTimestamp(value),
    },
  ];

  const onTableChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<SystemSummaryDto> | SorterResult<SystemSummaryDto>[],
  ) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = single?.order ? (single.columnKey as SortField) : undefined;
    update({
      sort: field,
      order: field ? (single?.order === 'descend' ? 'desc' : 'asc') : undefined,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? DEFAULT_PAGE_SIZE,
    });
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: SystemSummaryDto[] = [];
      for (let total = Infinity; rows.length < total;) {
        const batch = await api.listSystems(organisation.id, {
          ...filters,
          limit: 100,
          offset: rows.length,
        });
        total = batch.total;
        rows.push(...batch.items);
        if (batch.items.length === 0) break;
      }
      const csv = toCsv(
        [
          t('field.name'),
          t('field.types'),
          t('field.level'),
          t('field.gradedOn'),
          t('field.filedOn'),
          t('field.certificateNumber'),
          t('field.goLiveOn'),
        ],
        rows.map((r) => [
          r.name,
          r.types.map((type) => t(`systemType.${type}`)).join('、'),
          r.level ? t(`level.full.${r.level}`) : t('level.ungraded'),
          r.gradedOn,
          r.filedOn,
          r.certificateNumber,
          r.goLiveOn,
        ]),
      );
      downloadText(`${t('system.exportFileName')}-${todayInBeijing()}.csv`, csv);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.systems')}
      </Typography.Title>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('system.searchPlaceholder')}
              defaultValue={query.q}
              onSearch={(q) => update({ q, page: 1 })}
              style={{ width: 260 }}
            />
            <Select
              allowClear
              placeholder={t('system.filterLevel')}
              value={query.level}
              onChange={(level?: number) => update({ level, page: 1 })}
              options={PROTECTION_LEVELS.map((level) => ({
                value: level,
                label: t(`level.full.${level}`),
              }))}
              style={{ width: 200 }}
            />
            <Select
              allowClear
              placeholder={t('system.filterType')}
              value={query.type}
              onChange={(type?: string) => update({ type, page: 1 })}
              options={SYSTEM_TYPES.map((type) => ({
                value: type,
                label: t(`systemType.${type}`),
              }))}
              style={{ width: 180 }}
            />
          </Space>
          <Space>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportCsv()}
            >
              {t('system.exportCsv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/organisations/${organisation.id}/systems.xlsx`}
              download
              data-testid="download-systems-xlsx"
            >
              {t('report.systemsXlsx')}
            </Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawerOpen(true)}>
                {t('system.create')}
              </Button>
            )}
          </Space>
        </Space>
      </Card>
      {list.isError && <ApiErrorAlert error={list.error} />}
      <Table<SystemSummaryDto>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        onChange={onTableChange}
        locale={{ emptyText: canWrite ? t('system.empty') : t('system.emptyReadOnly') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('system.total', { count: total }),
        }}
      />
      <SystemFormDrawer
        open={canWrite && drawerOpen}
        system={null}
        onClose={() => {
          setDrawerOpen(false);
          create.reset();
        }}
        submitting={create.isPending}
        error={create.error}
        onSubmit={async (input) => {
          const system = await create.mutateAsync(input);
          setDrawerOpen(false);
          create.reset();
          message.success(t('system.created', { name: system.name }));
          navigate(`/o/${organisation.id}/systems/${system.id}`);
        }}
      />
    </Space>
  );
}
