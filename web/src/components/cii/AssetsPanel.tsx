import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  CII_ASSET_KINDS,
  CII_DEPENDENCY_KINDS,
  type CiiAssetKind,
  type CiiAssetView,
  type CiiDependencyKind,
  type CiiDependencyView,
} from '../../../../src/shared/cii-schemas';
import type { ProtectionLevel } from '../../../../src/shared/mlps';
import { ciiExportUrl, type CiiAssetBody } from '../../api/cii-client';
import {
  isVersionConflict,
  useCiiAssets,
  useCiiDependencies,
  useCreateCiiAsset,
  useCreateCiiDependency,
  useDeleteCiiAsset,
  useDeleteCiiDependency,
  usePatchCiiAsset,
} from '../../api/cii-hooks';
import { useAllSystems } from '../../api/hooks';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { LevelTag } from '../LevelTag';
import { useCan } from '../OrganisationScope';
import { AssetKindTag, assetText, useCiiLabels } from './cii-labels';
import type { CiiPanelProps } from './panel-props';

/** 资产与依赖: the organisation's assets (shared by all core businesses) and what depends on what. */
export function AssetsPanel({ orgId, editable }: CiiPanelProps) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AssetsCard orgId={orgId} editable={editable} />
      <DependenciesCard orgId={orgId} editable={editable} />
    </Space>
  );
}

function AssetsCard({ orgId, editable }: { orgId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCiiLabels();
  const assets = useCiiAssets(orgId);
  const create = useCreateCiiAsset(orgId);
  const patch = usePatchCiiAsset(orgId);
  const remove = useDeleteCiiAsset(orgId);
  const [editing, setEditing] = useState<CiiAssetView | 'new' | null>(null);
  const mutation = editing === 'new' ? create : patch;
  const close = () => {
    setEditing(null);
    create.reset();
    patch.reset();
  };

  return (
    <Card
      size="small"
      title={t('cii.asset.title')}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={ciiExportUrl(orgId)}>
            {t('cii.exportXlsx')}
          </Button>
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('cii.asset.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('cii.asset.hint')}</Typography.Text>
        {assets.isError && <ApiErrorAlert error={assets.error} />}
        {remove.isError && <ApiErrorAlert error={remove.error} />}
        <Table<CiiAssetView>
          rowKey="id"
          size="small"
          loading={assets.isPending}
          dataSource={assets.data ?? []}
          pagination={(assets.data?.length ?? 0) > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('cii.asset.empty') }}
          columns={[
            {
              title: t('cii.field.code'),
              dataIndex: 'code',
              width: 130,
              sorter: (a, b) => a.code.localeCompare(b.code),
              render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
            },
            { title: t('cii.field.name'), dataIndex: 'name' },
            {
              title: t('cii.field.kind'),
              dataIndex: 'kind',
              width: 150,
              filters: CII_ASSET_KINDS.map((k) => ({ text: labels.kind(k), value: k })),
              onFilter: (value, a) => a.kind === value,
              render: (k: CiiAssetKind) => <AssetKindTag kind={k} />,
            },
            {
              title: t('cii.field.party'),
              dataIndex: 'party',
              width: 180,
              render: (p: string | null, a) =>
                p ??
                (a.external ? (
                  '—'
                ) : (
                  <Typography.Text type="secondary">{t('cii.asset.own')}</Typography.Text>
                )),
            },
            {
              title: t('cii.field.system'),
              key: 'system',
              width: 220,
              render: (_, a) =>
                a.systemId ? (
                  <Space size={4}>
                    <Link to={`/o/${orgId}/systems/${a.systemId}`}>{a.systemName}</Link>
                    <LevelTag level={a.systemLevel as ProtectionLevel | null} />
                  </Space>
                ) : (
                  '—'
                ),
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, a: CiiAssetView) => (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing(a)}
                          aria-label={`${t('cii.edit')} ${a.code}`}
                        >
                          {t('cii.edit')}
                        </Button>
                        <Popconfirm
                          title={t('cii.asset.deleteConfirm', { name: assetText(a) })}
                          description={t('cii.asset.deleteHint')}
                          okButtonProps={{ danger: true }}
                          okText={t('cii.delete')}
                          cancelText={t('common.cancel')}
                          onConfirm={async () => {
                            await remove.mutateAsync(a.id).catch(() => undefined);
                          }}
                        >
                          <Button
                            type="link"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={`${t('cii.delete')} ${a.code}`}
                          >
                            {t('cii.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <AssetDrawer
        orgId={orgId}
        asset={editing}
        submitting={mutation.isPending}
        error={mutation.error}
        onClose={close}
        onSubmit={async (input) => {
          try {
            if (editing === 'new') await create.mutateAsync(input);
            else if (editing)
              await patch.mutateAsync({ ...input, assetId: editing.id, version: editing.version });
          } catch (error) {
            if (isVersionConflict(error)) message.warning(t('cii.versionConflict'));
            throw error;
          }
          close();
          message.success(t('cii.asset.saved', { name: input.name }));
        }}
      />
    </Card>
  );
}

interface AssetFormValues {
  code: string;
  name: string;
  kind?: CiiAssetKind;
  party?: string;
  systemId?: string | null;
  description?: string;
}

const ASSET_FIELDS = ['code', 'name', 'kind', 'party', 'systemId', 'description'];

function AssetDrawer({
  orgId,
  asset,
  submitting,
  error,
  onClose,
  onSubmit,
}: {
  orgId: string;
  asset: CiiAssetView | 'new' | null;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: CiiAssetBody) => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useCiiLabels();
  const [form] = Form.useForm<AssetFormValues>();
  const open = asset !== null;
  const canSeeSystems = useCan('systems.read');
  const systems = useAllSystems(orgId, { enabled: open && canSeeSystems });
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!asset) return;
    form.resetFields();
    if (asset !== 'new')
      form.setFieldsValue({
        code: asset.code,
        name: asset.name,
        kind: asset.kind,
        party: asset.party ?? '',
        systemId: asset.systemId,
        description: asset.description ?? '',
      });
  }, [asset, form]);

  useEffect(() => {
    if (error) applyApiErrorsToForm(form, error, ASSET_FIELDS);
  }, [error, form]);

  const submit = async (values: AssetFormValues) => {
    await onSubmit({
      code: values.code.trim(),
      name: values.name.trim(),
      kind: values.kind!,
      party: values.party?.trim() || null,
      systemId: values.systemId ?? null,
      description: values.description?.trim() || null,
    }).catch(() => undefined);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={asset === 'new' ? t('cii.asset.create') : t('cii.asset.edit')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {asset === 'new' ? t('common.create') : t('common.save')}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <Form name="ciiAsset" form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Flex gap={16}>
          <Form.Item
            name="code"
            label={t('cii.field.code')}
            style={{ flex: 1 }}
            extra={t('cii.asset.codeHint')}
            rules={[
              { required: true, whitespace: true, message: t('cii.asset.codeRequired') },
              { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, message: t('cii.asset.codePattern') },
            ]}
          >
            <Input maxLength={60} placeholder="PAY-FE" />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('cii.field.kind')}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('cii.asset.kindRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={CII_ASSET_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="name"
          label={t('cii.field.name')}
          rules={[{ required: true, whitespace: true, message: t('cii.asset.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="party"
          label={t('cii.field.party')}
          extra={kind === 'external_system' ? t('cii.asset.partyHint') : undefined}
        >
          <Input maxLength={200} />
        </Form.Item>
        {canSeeSystems && (
          <Form.Item
            name="systemId"
            label={t('cii.field.system')}
            extra={t('cii.asset.systemHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={systems.isPending}
              options={(systems.data?.items ?? []).map((s) => ({
                value: s.id,
                label: s.level ? `${s.name}（${t(`level.short.${s.level}`)}）` : s.name,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('cii.field.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={error} />
    </Drawer>
  );
}

interface DependencyFormValues {
  fromAssetId?: string;
  kind?: CiiDependencyKind;
  toAssetId?: string;
  note?: string;
}

function DependenciesCard({ orgId, editable }: { orgId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCiiLabels();
  const assets = useCiiAssets(orgId);
  const dependencies = useCiiDependencies(orgId);
  const create = useCreateCiiDependency(orgId);
  const remove = useDeleteCiiDependency(orgId);
  const [form] = Form.useForm<DependencyFormValues>();
  const byId = new Map((assets.data ?? []).map((a) => [a.id, a]));
  const name = (id: string) => {
    const a = byId.get(id);
    return a ? assetText(a) : id;
  };
  const options = (assets.data ?? []).map((a) => ({ value: a.id, label: assetText(a) }));

  return (
    <Card size="small" title={t('cii.dependency.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('cii.dependency.hint')}</Typography.Text>
        {editable && (
          <Form
            name="ciiDependency"
            form={form}
            layout="inline"
            style={{ rowGap: 8 }}
            onFinish={async (values) => {
              try {
                await create.mutateAsync({
                  fromAssetId: values.fromAssetId!,
                  kind: values.kind!,
                  toAssetId: values.toAssetId!,
                  note: values.note?.trim() || null,
                });
              } catch {
                return;
              }
              form.resetFields();
              create.reset();
              message.success(t('cii.dependency.added'));
            }}
          >
            <Form.Item
              name="fromAssetId"
              rules={[{ required: true, message: t('cii.dependency.fromRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('cii.field.fromAsset')}
                placeholder={t('cii.field.fromAsset')}
                options={options}
                style={{ width: 220 }}
              />
            </Form.Item>
            <Form.Item
              name="kind"
              rules={[{ required: true, message: t('cii.dependency.kindRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('cii.field.dependencyKind')}
                placeholder={t('cii.field.dependencyKind')}
                options={CII_DEPENDENCY_KINDS.map((k) => ({
                  value: k,
                  label: labels.dependency(k),
                }))}
                style={{ width: 140 }}
              />
            </Form.Item>
            <Form.Item
              name="toAssetId"
              rules={[{ required: true, message: t('cii.dependency.toRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('cii.field.toAsset')}
                placeholder={t('cii.field.toAsset')}
                options={options}
                style={{ width: 220 }}
              />
            </Form.Item>
            <Form.Item name="note">
              <Input
                aria-label={t('cii.field.note')}
                placeholder={t('cii.field.note')}
                style={{ width: 180 }}
              />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
                {t('cii.dependency.add')}
              </Button>
            </Form.Item>
          </Form>
        )}
        {create.isError && <ApiErrorAlert error={create.error} />}
        {remove.isError && <ApiErrorAlert error={remove.error} />}
        {dependencies.isError && <ApiErrorAlert error={dependencies.error} />}
        <Table<CiiDependencyView>
          rowKey="id"
          size="small"
          loading={dependencies.isPending}
          dataSource={dependencies.data ?? []}
          pagination={(dependencies.data?.length ?? 0) > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('cii.dependency.empty') }}
          columns={[
            { title: t('cii.field.fromAsset'), key: 'from', render: (_, d) => name(d.fromAssetId) },
            {
              title: t('cii.field.dependencyKind'),
              dataIndex: 'kind',
              width: 140,
              render: (k: CiiDependencyKind) => labels.dependency(k),
            },
            { title: t('cii.field.toAsset'), key: 'to', render: (_, d) => name(d.toAssetId) },
            {
              title: t('cii.field.note'),
              dataIndex: 'note',
              render: (n: string | null) => n ?? '—',
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, d: CiiDependencyView) => (
                      <Popconfirm
                        title={t('cii.dependency.deleteConfirm')}
                        okButtonProps={{ danger: true }}
                        okText={t('cii.delete')}
                        cancelText={t('common.cancel')}
                        onConfirm={async () => {
                          await remove.mutateAsync(d.id).catch(() => undefined);
                        }}
                      >
                        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                          {t('cii.delete')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
    </Card>
  );
}
