import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CII_LIFECYCLE_STAGES,
  type CiiAssetView,
  type CiiFlowView,
  type CiiLifecycleStage,
  type CoreBusinessView,
} from '../../../../src/shared/cii-schemas';
import type { CiiFlowBody } from '../../api/cii-client';
import { isVersionConflict } from '../../api/cii-hooks';
import { ApiRequestError } from '../../api/client';
import { applyApiErrorsToForm, errorMessage } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ordinal } from './BoundaryGraph';
import { useCiiLabels } from './cii-labels';
import { OrderedListControls } from './OrderedListControls';

interface HopValues {
  assetId?: string;
  stage?: CiiLifecycleStage;
  note?: string;
}

interface FormValues {
  name: string;
  infoCategory?: string | null;
  description?: string;
  hops?: HopValues[];
}

const FIELDS = ['name', 'infoCategory', 'description', 'hops'];

/** 新建信息流 / 编辑信息流: the hops in order, each an asset and the life-cycle stage there. */
export function FlowEditorDrawer({
  flow,
  business,
  assets,
  submitting,
  error,
  onClose,
  onReload,
  onManageAssets,
  onSubmit,
}: {
  flow: CiiFlowView | 'new' | null;
  business: CoreBusinessView;
  assets: readonly CiiAssetView[];
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  /** After a 409: load the version someone else saved (null when the flow is gone). */
  onReload: (() => void) | null;
  onManageAssets: () => void;
  onSubmit: (input: CiiFlowBody) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const labels = useCiiLabels();
  const [form] = Form.useForm<FormValues>();
  const open = flow !== null;

  useEffect(() => {
    if (!flow) return;
    form.resetFields();
    if (flow === 'new') form.setFieldsValue({ hops: [{}] });
    else
      form.setFieldsValue({
        name: flow.name,
        infoCategory: flow.infoCategory,
        description: flow.description ?? '',
        hops: flow.hops.map((h) => ({ assetId: h.assetId, stage: h.stage, note: h.note ?? '' })),
      });
  }, [flow, form]);

  useEffect(() => {
    if (error) applyApiErrorsToForm(form, error, FIELDS);
  }, [error, form]);

  const submit = async (values: FormValues) => {
    await onSubmit({
      name: values.name.trim(),
      infoCategory: values.infoCategory ?? null,
      description: values.description?.trim() || null,
      hops: (values.hops ?? []).map((h) => ({
        assetId: h.assetId!,
        stage: h.stage!,
        note: h.note?.trim() || null,
      })),
    }).catch(() => undefined);
  };

  const assetOptions = assets.map((a) => ({
    value: a.id,
    label: `${a.code} ${a.name}${a.external ? t('cii.flow.externalSuffix') : ''}`,
  }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={flow === 'new' ? t('cii.flow.create') : t('cii.flow.edit')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      {isVersionConflict(error) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cii.flow.conflict')}
          description={
            <>
              {t('cii.flow.conflictHint')}
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
                {error instanceof ApiRequestError ? errorMessage(error.body, i18n.language) : null}
              </Typography.Paragraph>
            </>
          }
          action={
            onReload && (
              <Button size="small" onClick={onReload}>
                {t('cii.flow.reload')}
              </Button>
            )
          }
        />
      )}
      <Form name="ciiFlow" form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="name"
          label={t('cii.field.flowName')}
          rules={[{ required: true, whitespace: true, message: t('cii.flow.nameRequired') }]}
        >
          <Input maxLength={200} placeholder={t('cii.flow.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="infoCategory"
          label={t('cii.field.infoCategory')}
          extra={business.infoCategories.length === 0 ? t('cii.flow.noCategories') : undefined}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={business.infoCategories.map((c) => ({
              value: c.name,
              label: c.important ? `${c.name}（${t('cii.field.important')}）` : c.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('cii.field.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Typography.Title level={5}>{t('cii.field.hops')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('cii.flow.hopsHint')}{' '}
          <Button type="link" size="small" style={{ padding: 0 }} onClick={onManageAssets}>
            {t('cii.flow.manageAssets')}
          </Button>
        </Typography.Paragraph>
        <Form.List
          name="hops"
          rules={[
            {
              validator: async (_, hops?: HopValues[]) => {
                if (!hops || hops.length === 0) throw new Error(t('cii.flow.hopsRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <>
              {fields.map((field, index) => {
                const what = t('cii.flow.hopN', { n: index + 1 });
                return (
                  <Flex key={field.key} gap={8} align="start" data-testid={`cii-hop-${index + 1}`}>
                    <Typography.Text strong style={{ width: 24, lineHeight: '32px' }}>
                      {ordinal(index + 1)}
                    </Typography.Text>
                    <Form.Item
                      name={[field.name, 'assetId']}
                      style={{ flex: 3, marginBottom: 8 }}
                      rules={[{ required: true, message: t('cii.flow.assetRequired') }]}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        aria-label={`${what} ${t('cii.field.asset')}`}
                        placeholder={t('cii.field.asset')}
                        options={assetOptions}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'stage']}
                      style={{ flex: 2, marginBottom: 8 }}
                      rules={[{ required: true, message: t('cii.flow.stageRequired') }]}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        aria-label={`${what} ${t('cii.field.stage')}`}
                        placeholder={t('cii.field.stage')}
                        options={CII_LIFECYCLE_STAGES.map((s) => ({
                          value: s,
                          label: labels.stage(s),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'note']} style={{ flex: 2, marginBottom: 8 }}>
                      <Input
                        aria-label={`${what} ${t('cii.field.note')}`}
                        placeholder={t('cii.field.note')}
                        maxLength={500}
                      />
                    </Form.Item>
                    <OrderedListControls
                      index={index}
                      count={fields.length}
                      move={move}
                      remove={remove}
                      what={what}
                    />
                  </Flex>
                );
              })}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
                {t('cii.flow.addHop')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
      {!isVersionConflict(error) && <ApiErrorAlert error={error} style={{ marginTop: 16 }} />}
    </Drawer>
  );
}
