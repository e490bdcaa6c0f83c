import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestObjectDto } from '../../../../src/shared/api-types';
import type { TestObjectInput } from '../../../../src/shared/assessment-schemas';
import {
  CATEGORIES_BY_OBJECT_KIND,
  TEST_OBJECT_KINDS,
  type TestObjectKind,
} from '../../lib/assessment-vocabulary';
import {
  isVersionConflict,
  useAddTestObject,
  usePatchTestObject,
  useRemoveTestObject,
} from '../../api/assessment-hooks';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';
import type { AssessmentPanelProps } from './panel-props';

const FIELDS = ['name', 'kind', 'description'];

/** 测评对象: what is tested; each kind is tested under its categories of requirements. */
export function TestObjectsPanel({ orgId, assessment, editable }: AssessmentPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddTestObject(orgId, assessment.id);
  const patch = usePatchTestObject(orgId, assessment.id);
  const remove = useRemoveTestObject(orgId, assessment.id);
  const [editing, setEditing] = useState<TestObjectDto | 'new' | null>(null);
  const mutation = editing === 'new' ? add : patch;

  return (
    <Card
      size="small"
      title={t('assessment.objects.title')}
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('assessment.objects.add')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('assessment.objects.hint')}</Typography.Text>
        {remove.isError && <ApiErrorAlert error={remove.error} />}
        <Table<TestObjectDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={assessment.objects}
          locale={{ emptyText: t('assessment.objects.empty') }}
          columns={[
            { title: '#', dataIndex: 'position', width: 48, render: (_, __, i) => i + 1 },
            { title: t('assessment.objects.name'), dataIndex: 'name' },
            {
              title: t('assessment.objects.kind'),
              dataIndex: 'kind',
              width: 160,
              render: (kind: string) => t(`assessment.objectKind.${kind}`),
            },
            {
              title: t('assessment.objects.categories'),
              key: 'categories',
              render: (_, o) => (
                <Space size={[0, 4]} wrap>
                  {(CATEGORIES_BY_OBJECT_KIND[o.kind as TestObjectKind] ?? []).map((c) => (
                    <Tag key={c}>{t(`catalog.category.${c}`)}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('field.description'),
              dataIndex: 'description',
              render: (v: string | null) => v ?? '—',
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, o: TestObjectDto) => (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing(o)}
                        >
                          {t('assessment.objects.edit')}
                        </Button>
                        <Popconfirm
                          title={t('assessment.objects.deleteConfirm', { name: o.name })}
                          description={t('assessment.objects.deleteHint')}
                          okButtonProps={{ danger: true }}
                          okText={t('assessment.objects.delete')}
                          cancelText={t('common.cancel')}
                          onConfirm={async () => {
                            await remove.mutateAsync(o.id).catch(() => undefined);
                          }}
                        >
                          <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                            {t('assessment.objects.delete')}
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
      <TestObjectDrawer
        object={editing}
        submitting={mutation.isPending}
        error={mutation.error}
        onClose={() => {
          setEditing(null);
          add.reset();
          patch.reset();
        }}
        onSubmit={async (input) => {
          try {
            if (editing === 'new') await add.mutateAsync(input);
            else if (editing)
              await patch.mutateAsync({ ...input, objectId: editing.id, version: editing.version });
          } catch (error) {
            if (isVersionConflict(error)) message.warning(t('assessment.versionConflict'));
            return;
          }
          setEditing(null);
          add.reset();
          patch.reset();
          message.success(t('assessment.objects.saved'));
        }}
      />
    </Card>
  );
}

function TestObjectDrawer({
  object,
  submitting,
  error,
  onClose,
  onSubmit,
}: {
  object: TestObjectDto | 'new' | null;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: TestObjectInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TestObjectInput>();
  const open = object !== null;
  const kind = Form.useWatch('kind', form) as TestObjectKind | undefined;

  useEffect(() => {
    if (!object) return;
    if (object === 'new') form.resetFields();
    else
      form.setFieldsValue({
        name: object.name,
        kind: object.kind as TestObjectKind,
        description: object.description ?? '',
      });
  }, [object, form]);

  useEffect(() => {
    if (error) applyApiErrorsToForm(form, error, FIELDS);
  }, [error, form]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      title={object === 'new' ? t('assessment.objects.add') : t('assessment.objects.edit')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          onSubmit({
            name: values.name.trim(),
            kind: values.kind,
            description: values.description?.trim() || null,
          })
        }
      >
        <Form.Item
          name="name"
          label={t('assessment.objects.name')}
          rules={[
            { required: true, whitespace: true, message: t('assessment.objects.nameRequired') },
          ]}
        >
          <Input maxLength={200} placeholder={t('assessment.objects.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('assessment.objects.kind')}
          rules={[{ required: true, message: t('assessment.objects.kindRequired') }]}
          extra={
            kind
              ? t('assessment.objects.kindCategories', {
                  categories: CATEGORIES_BY_OBJECT_KIND[kind]
                    .map((c) => t(`catalog.category.${c}`))
                    .join(t('common.listSeparator')),
                })
              : undefined
          }
        >
          <Select
            aria-label={t('assessment.objects.kind')}
            showSearch={{ optionFilterProp: 'label' }}
            options={TEST_OBJECT_KINDS.map((k) => ({
              value: k,
              label: t(`assessment.objectKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={error} />
    </Drawer>
  );
}
