import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { MajorRiskDto } from '../../../../src/shared/api-types';
import { api } from '../../api/client';
import {
  isVersionConflict,
  useAddMajorRisk,
  useMajorRisks,
  usePatchMajorRisk,
  useRemoveMajorRisk,
} from '../../api/assessment-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate, todayInBeijing } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import type { AssessmentPanelProps } from './panel-props';

interface FormValues {
  triggerId?: string;
  note?: string;
  rectified?: boolean;
  rectifiedOn?: Dayjs | null;
}

/** 重大风险隐患: the triggers (A-01…) found, with note and rectification. */
export function MajorRisksPanel({ orgId, assessment, editable }: AssessmentPanelProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const list = useMajorRisks(orgId, assessment.id);
  const triggers = useQuery({
    queryKey: ['catalog', 'major-risk-triggers'],
    queryFn: api.listMajorRiskTriggers,
    staleTime: Infinity,
  });
  const add = useAddMajorRisk(orgId, assessment.id);
  const patch = usePatchMajorRisk(orgId, assessment.id);
  const remove = useRemoveMajorRisk(orgId, assessment.id);
  const [editing, setEditing] = useState<MajorRiskDto | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const rectified = Form.useWatch('rectified', form);
  const items = list.data?.items ?? [];
  const done = items.filter((m) => m.rectified).length;
  const used = new Set(items.map((m) => m.triggerId));
  const mutation = editing === 'new' ? add : patch;

  const open = (target: MajorRiskDto | 'new') => {
    add.reset();
    patch.reset();
    setEditing(target);
    form.setFieldsValue(
      target === 'new'
        ? { triggerId: undefined, note: '', rectified: false, rectifiedOn: null }
        : {
            triggerId: target.triggerId,
            note: target.note ?? '',
            rectified: target.rectified,
            rectifiedOn: fromIsoDate(target.rectifiedOn),
          },
    );
  };

  const submit = async (values: FormValues) => {
    const rectifiedOn = values.rectified
      ? (toIsoDate(values.rectifiedOn) ?? todayInBeijing())
      : null;
    try {
      if (editing === 'new') {
        await add.mutateAsync({
          triggerId: values.triggerId ?? '',
          note: values.note?.trim() || null,
          rectified: values.rectified ?? false,
          rectifiedOn,
        });
      } else if (editing) {
        await patch.mutateAsync({
          majorRiskId: editing.id,
          version: editing.version,
          note: values.note?.trim() || null,
          rectified: values.rectified ?? false,
          rectifiedOn,
        });
      }
      setEditing(null);
      message.success(t('assessment.major.saved'));
    } catch (error) {
      if (isVersionConflict(error)) message.warning(t('assessment.versionConflict'));
    }
  };

  const markRectified = async (m: MajorRiskDto) => {
    try {
      await patch.mutateAsync({
        majorRiskId: m.id,
        version: m.version,
        rectified: true,
        rectifiedOn: todayInBeijing(),
      });
      message.success(t('assessment.major.saved'));
    } catch (error) {
      if (isVersionConflict(error)) message.warning(t('assessment.versionConflict'));
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('assessment.major.title')}
          <Typography.Text
            data-testid="major-risk-count"
            type={items.length ? 'danger' : undefined}
          >
            {t('assessment.major.count', { count: items.length, rectified: done })}
          </Typography.Text>
        </Space>
      }
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            {t('assessment.major.add')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('assessment.major.hint')}</Typography.Text>
        {list.isError && <ApiErrorAlert error={list.error} />}
        {(patch.isError || remove.isError) && !editing && (
          <ApiErrorAlert error={patch.error ?? remove.error} />
        )}
        <Table<MajorRiskDto>
          rowKey="id"
          size="small"
          loading={list.isPending}
          pagination={false}
          dataSource={items}
          locale={{ emptyText: t('assessment.major.empty') }}
          columns={[
            {
              title: t('assessment.major.trigger'),
              dataIndex: 'triggerId',
              render: (id: string, m) => (
                <Space>
                  <Tag color="red">{id}</Tag>
                  {pick(i18n.language, m.title.zh, m.title.en)}
                </Space>
              ),
            },
            {
              title: t('field.note'),
              dataIndex: 'note',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('assessment.major.rectified'),
              key: 'rectified',
              width: 160,
              render: (_, m) =>
                m.rectified ? (
                  <Tag color="success">
                    {t('assessment.major.rectifiedOn', { date: m.rectifiedOn ?? '' })}
                  </Tag>
                ) : (
                  <Tag color="error">{t('assessment.major.open')}</Tag>
                ),
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 230,
                    render: (_: unknown, m: MajorRiskDto) => (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => open(m)}
                        >
                          {t('assessment.major.edit')}
                        </Button>
                        {!m.rectified && (
                          <Button type="link" size="small" onClick={() => markRectified(m)}>
                            {t('assessment.major.markRectified')}
                          </Button>
                        )}
                        <Popconfirm
                          title={t('assessment.major.deleteConfirm', { id: m.triggerId })}
                          okButtonProps={{ danger: true }}
                          okText={t('assessment.objects.delete')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => remove.mutateAsync(m.id).catch(() => undefined)}
                        >
                          <Button
                            type="link"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('assessment.objects.delete')}
                          />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('assessment.major.add') : t('assessment.major.edit')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        width={640}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="triggerId"
            label={t('assessment.major.trigger')}
            rules={[{ required: true, message: t('assessment.major.triggerRequired') }]}
          >
            <Select
              aria-label={t('assessment.major.trigger')}
              disabled={editing !== 'new'}
              showSearch={{ optionFilterProp: 'label' }}
              loading={triggers.isPending}
              options={(triggers.data?.items ?? []).map((tr) => ({
                value: tr.id,
                disabled: used.has(tr.id) && (editing === 'new' || editing?.triggerId !== tr.id),
                label: `${tr.id} ${pick(i18n.language, tr.title.zh, tr.title.en)}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('field.note')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Space size="large">
            <Form.Item
              name="rectified"
              label={t('assessment.major.rectified')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
            {rectified && (
              <Form.Item name="rectifiedOn" label={t('assessment.major.rectifiedDate')}>
                <DatePicker format={DATE_FORMAT} />
              </Form.Item>
            )}
          </Space>
        </Form>
        <ApiErrorAlert error={mutation.error} />
      </Modal>
    </Card>
  );
}
