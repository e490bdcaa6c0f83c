import { DeleteOutlined, EditOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CiiFlowView } from '../../../../src/shared/cii-schemas';
import {
  useCiiAssets,
  useCiiFlows,
  useCreateCiiFlow,
  useDeleteCiiFlow,
  usePatchCiiFlow,
} from '../../api/cii-hooks';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ordinal } from './BoundaryGraph';
import { useCiiLabels } from './cii-labels';
import { FlowEditorDrawer } from './FlowEditorDrawer';
import type { CiiPanelProps } from './panel-props';

/** 信息流: how the critical business information moves through the assets, hop by hop. */
export function FlowsPanel({ orgId, business, editable, openTab }: CiiPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCiiLabels();
  const flows = useCiiFlows(orgId, business.id);
  const assets = useCiiAssets(orgId);
  const create = useCreateCiiFlow(orgId, business.id);
  const patch = usePatchCiiFlow(orgId);
  const remove = useDeleteCiiFlow(orgId);
  const [editing, setEditing] = useState<CiiFlowView | 'new' | null>(null);
  const mutation = editing === 'new' ? create : patch;
  // After a 409 the list is refetched: the version someone else saved, for "refresh".
  const latest =
    editing && editing !== 'new' ? flows.data?.find((f) => f.id === editing.id) : undefined;
  const assetById = new Map((assets.data ?? []).map((a) => [a.id, a]));

  const close = () => {
    setEditing(null);
    create.reset();
    patch.reset();
  };

  return (
    <Card
      size="small"
      title={t('cii.flow.title')}
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('cii.flow.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('cii.flow.hint')}</Typography.Text>
        {flows.isError && <ApiErrorAlert error={flows.error} />}
        {remove.isError && <ApiErrorAlert error={remove.error} />}
        <Table<CiiFlowView>
          rowKey="id"
          size="small"
          loading={flows.isPending}
          dataSource={flows.data ?? []}
          pagination={false}
          locale={{ emptyText: t('cii.flow.empty') }}
          columns={[
            { title: t('cii.field.flowName'), dataIndex: 'name', width: 200 },
            {
              title: t('cii.field.infoCategory'),
              dataIndex: 'infoCategory',
              width: 160,
              render: (c: string | null) => {
                const important = business.infoCategories.find((x) => x.name === c)?.important;
                return c ? <Tag color={important ? 'red' : undefined}>{c}</Tag> : '—';
              },
            },
            {
              title: t('cii.field.hops'),
              key: 'hops',
              render: (_, f) => (
                <Space size={[2, 4]} wrap>
                  {f.hops.map((h, i) => {
                    const a = assetById.get(h.assetId);
                    return (
                      <Fragment key={i}>
                        {i > 0 && <RightOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />}
                        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                          {ordinal(i + 1)} {labels.stage(h.stage)}
                        </Tag>
                        <Typography.Text>{a ? a.name : h.assetId}</Typography.Text>
                      </Fragment>
                    );
                  })}
                </Space>
              ),
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, f: CiiFlowView) => (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing(f)}
                          aria-label={`${t('cii.edit')} ${f.name}`}
                        >
                          {t('cii.edit')}
                        </Button>
                        <Popconfirm
                          title={t('cii.flow.deleteConfirm', { name: f.name })}
                          okButtonProps={{ danger: true }}
                          okText={t('cii.delete')}
                          cancelText={t('common.cancel')}
                          onConfirm={async () => {
                            await remove.mutateAsync(f.id).catch(() => undefined);
                          }}
                        >
                          <Button type="link" size="small" danger icon={<DeleteOutlined />}>
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
      <FlowEditorDrawer
        flow={editing}
        business={business}
        assets={assets.data ?? []}
        submitting={mutation.isPending}
        error={mutation.error}
        onClose={close}
        onReload={
          latest
            ? () => {
                setEditing(latest);
                patch.reset();
              }
            : null
        }
        onManageAssets={() => {
          close();
          openTab('assets');
        }}
        onSubmit={async (input) => {
          // A 409 is shown in the drawer, with the button that loads the other version.
          if (editing === 'new') await create.mutateAsync(input);
          else if (editing)
            await patch.mutateAsync({ ...input, flowId: editing.id, version: editing.version });
          close();
          message.success(t('cii.flow.saved'));
        }}
      />
    </Card>
  );
}
