import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DATA_GRADES, type DataGrade } from '../../../../../src/shared/data-security-schemas';
import { dataSecurityApi, type ResourceView } from '../../../api/data-security-client';
import {
  useCreateResource,
  useDeleteResource,
  usePatchResource,
  useResources,
} from '../../../api/data-security-hooks';
import { pick } from '../../../lib/language';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { countryLabel } from '../../privacy/countries';
import { GRADE_COLOURS, GradeTag, PiTag, useEntryIndex } from './labels';
import { InventoryImportExport } from './InventoryImportExport';
import { ResourceDrawer } from './ResourceDrawer';

const GRADE_ORDER: Record<DataGrade, number> = { core: 0, important: 1, general: 2 };

/** 数据资源: the inventory with each resource's grade, counts per grade, the drawer, import/export. */
export function ResourcesPanel({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const list = useResources(orgId);
  const entries = useEntryIndex();
  const create = useCreateResource(orgId);
  const patch = usePatchResource(orgId);
  const remove = useDeleteResource(orgId);
  const [editing, setEditing] = useState<ResourceView | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const [gradeFilter, setGradeFilter] = useState<DataGrade | null>(null);

  const all = list.data ?? [];
  const counts = useMemo(() => {
    const c: Record<DataGrade, number> = { core: 0, important: 0, general: 0 };
    for (const r of all) c[r.classification.grade] += 1;
    return c;
  }, [all]);
  const rows = all.filter((r) => {
    const q = search.trim().toLowerCase();
    if (gradeFilter && r.classification.grade !== gradeFilter) return false;
    return !q || `${r.code} ${r.name} ${r.description ?? ''}`.toLowerCase().includes(q);
  });

  const closeDrawer = () => {
    setEditing(null);
    create.reset();
    patch.reset();
  };
  const current = editing === 'new' ? undefined : (editing ?? undefined);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space size={40} wrap data-testid="grade-counts">
          {[...DATA_GRADES].reverse().map((g) => (
            <Statistic
              key={g}
              title={
                <Button
                  type={gradeFilter === g ? 'primary' : 'link'}
                  size="small"
                  style={{ paddingInline: gradeFilter === g ? 8 : 0 }}
                  onClick={() => setGradeFilter(gradeFilter === g ? null : g)}
                >
                  {t(`dataSecurity.grade.${g}`)}
                </Button>
              }
              value={counts[g]}
              suffix={t('dataSecurity.resource.unit')}
              styles={{
                content: {
                  color: g === 'core' ? '#cf1322' : g === 'important' ? '#d46b08' : undefined,
                },
              }}
            />
          ))}
          <Statistic
            title={t('dataSecurity.resource.total')}
            value={all.length}
            suffix={t('dataSecurity.resource.unit')}
          />
          {entries.version && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dataSecurity.resource.catalogVersion', { version: entries.version })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Card
        size="small"
        title={t('dataSecurity.resource.list')}
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              size="small"
              placeholder={t('dataSecurity.resource.search')}
              onSearch={setSearch}
              onChange={(e) => !e.target.value && setSearch('')}
              style={{ width: 200 }}
            />
            <InventoryImportExport orgId={orgId} canWrite={canWrite} />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('dataSecurity.resource.create')}
              </Button>
            )}
          </Space>
        }
      >
        {list.isError && <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        {remove.error !== null && (
          <ApiErrorAlert error={remove.error} style={{ marginBottom: 12 }} />
        )}
        <Table<ResourceView>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('dataSecurity.resource.empty') }}
          scroll={{ x: 1150 }}
          data-testid="resources-table"
          columns={[
            {
              title: t('dataSecurity.field.code'),
              dataIndex: 'code',
              width: 80,
              sorter: (a, b) => a.code.localeCompare(b.code),
            },
            {
              title: t('dataSecurity.field.name'),
              dataIndex: 'name',
              width: 150,
              render: (name: string, r) => (
                <Space orientation="vertical" size={0}>
                  <Button
                    type="link"
                    size="small"
                    style={{ paddingInline: 0, whiteSpace: 'normal', textAlign: 'start' }}
                    onClick={() => setEditing(r)}
                  >
                    {name}
                  </Button>
                  {r.sector && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {entries.sectorName(r.sector)}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('dataSecurity.field.grade'),
              key: 'grade',
              width: 190,
              defaultSortOrder: 'ascend',
              sorter: (a, b) =>
                GRADE_ORDER[a.classification.grade] - GRADE_ORDER[b.classification.grade] ||
                a.code.localeCompare(b.code),
              render: (_, r) => (
                <Space orientation="vertical" size={2}>
                  <Space size={4} wrap>
                    <GradeTag
                      grade={r.classification.grade}
                      provisional={r.classification.provisional}
                    />
                    <PiTag kind={r.classification.personalInformation} />
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`dataSecurity.decidedBy.${r.classification.decidedBy}`)}
                    {r.classification.catalogueEntry
                      ? ` · ${pick(language, r.classification.catalogueEntry.nameZh, r.classification.catalogueEntry.nameEn)}`
                      : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('dataSecurity.field.systems'),
              key: 'systems',
              width: 150,
              render: (_, r) =>
                r.systems.length === 0 ? (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={0}>
                    {r.systems.map((s) => (
                      <Link key={s.id} to={`/o/${orgId}/systems/${s.id}`}>
                        {s.name}
                      </Link>
                    ))}
                  </Space>
                ),
            },
            {
              title: t('dataSecurity.field.volume'),
              key: 'volume',
              width: 160,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  {r.volumeText && <span>{r.volumeText}</span>}
                  {r.records != null && !r.volumeText && (
                    <span>
                      {t('dataSecurity.resource.records', { n: r.records.toLocaleString() })}
                    </span>
                  )}
                  {r.individuals > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('dataSecurity.resource.people', { n: r.individuals.toLocaleString() })}
                    </Typography.Text>
                  )}
                  {!r.volumeText && r.records == null && r.individuals === 0 && (
                    <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('dataSecurity.field.locations'),
              dataIndex: 'locations',
              width: 120,
              render: (locations: string[]) =>
                locations.length === 0 ? (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ) : (
                  locations.join(t('common.listSeparator'))
                ),
            },
            {
              title: t('dataSecurity.field.crossBorder'),
              key: 'crossBorder',
              width: 110,
              render: (_, r) =>
                r.crossBorder ? (
                  <Space size={[4, 4]} wrap>
                    <Tag color="volcano">{t('dataSecurity.resource.abroad')}</Tag>
                    {r.crossBorderDestinations.map((c) => (
                      <Typography.Text key={c} style={{ fontSize: 12 }}>
                        {countryLabel(c, language)}
                      </Typography.Text>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">
                    {t('dataSecurity.resource.domestic')}
                  </Typography.Text>
                ),
            },
            {
              title: t('dataSecurity.field.owner'),
              dataIndex: 'owner',
              width: 110,
              render: (o: string | null) => o ?? t('common.none'),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 80,
              fixed: 'right',
              render: (_, r) => (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    aria-label={`${t('dataSecurity.resource.editAction')} ${r.code}`}
                    icon={<EditOutlined />}
                    onClick={() => setEditing(r)}
                  />
                  {canWrite && (
                    <Popconfirm
                      title={t('dataSecurity.resource.confirmDelete', { code: r.code })}
                      onConfirm={() =>
                        remove.mutateAsync(r.id).then(
                          () =>
                            message.success(t('dataSecurity.resource.deleted', { code: r.code })),
                          () => undefined,
                        )
                      }
                    >
                      <Button
                        type="text"
                        size="small"
                        danger
                        aria-label={`${t('dataSecurity.resource.deleteAction')} ${r.code}`}
                        icon={<DeleteOutlined />}
                      />
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
        {rows.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Tag color={GRADE_COLOURS.core}>{t('dataSecurity.grade.core')}</Tag>
            <Tag color={GRADE_COLOURS.important}>{t('dataSecurity.grade.important')}</Tag>
            {t('dataSecurity.resource.legend')}
          </Typography.Text>
        )}
      </Card>
      <ResourceDrawer
        orgId={orgId}
        open={editing !== null}
        resource={current}
        canWrite={canWrite}
        submitting={create.isPending || patch.isPending}
        error={current ? patch.error : create.error}
        onClose={closeDrawer}
        onReload={async () => {
          if (!current) return undefined;
          const latest = await dataSecurityApi.getResource(orgId, current.id);
          patch.reset();
          setEditing(latest);
          return latest;
        }}
        onSubmit={async (body) => {
          if (current) {
            const saved = await patch.mutateAsync({
              id: current.id,
              version: current.version,
              ...body,
            });
            patch.reset();
            setEditing(saved);
            message.success(t('dataSecurity.resource.saved', { code: saved.code }));
          } else {
            const saved = await create.mutateAsync(body);
            create.reset();
            // Stay in the drawer on the saved resource: its classification shows at the top.
            setEditing(saved);
            message.success(t('dataSecurity.resource.created', { code: saved.code }));
          }
        }}
      />
    </Space>
  );
}
