import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CII_SECTORS,
  type CiiSector,
  type CoreBusinessView,
} from '../../../../src/shared/cii-schemas';
import type { CoreBusinessBody } from '../../api/cii-client';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { useCiiLabels } from './cii-labels';
import { OrderedListControls } from './OrderedListControls';

interface FormValues {
  name: string;
  sector?: CiiSector;
  designatingAuthority?: string;
  designationNotice?: string;
  designatedOn?: Dayjs | null;
  description?: string;
  chainSteps?: { name?: string; description?: string }[];
  infoCategories?: { name?: string; important?: boolean; description?: string }[];
}

const FIELDS = [
  'name',
  'sector',
  'designatingAuthority',
  'designationNotice',
  'designatedOn',
  'description',
  'chainSteps',
  'infoCategories',
];

/** 新建核心业务 / 编辑核心业务: designation facts, the business chain and its information categories. */
export function CoreBusinessDrawer({
  open,
  business,
  submitting,
  error,
  onClose,
  onSubmit,
}: {
  open: boolean;
  business?: CoreBusinessView;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: CoreBusinessBody) => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useCiiLabels();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (business)
      form.setFieldsValue({
        name: business.name,
        sector: business.sector,
        designatingAuthority: business.designatingAuthority ?? '',
        designationNotice: business.designationNotice ?? '',
        designatedOn: fromIsoDate(business.designatedOn),
        description: business.description ?? '',
        chainSteps: business.chainSteps.map((s) => ({
          name: s.name,
          description: s.description ?? '',
        })),
        infoCategories: business.infoCategories.map((c) => ({
          name: c.name,
          important: c.important,
          description: c.description ?? '',
        })),
      });
  }, [open, business, form]);

  useEffect(() => {
    if (error) applyApiErrorsToForm(form, error, FIELDS);
  }, [error, form]);

  const submit = async (values: FormValues) => {
    const text = (value: string | undefined) => value?.trim() || null;
    await onSubmit({
      name: values.name.trim(),
      sector: values.sector!,
      designatingAuthority: text(values.designatingAuthority),
      designationNotice: text(values.designationNotice),
      designatedOn: toIsoDate(values.designatedOn),
      description: text(values.description),
      chainSteps: (values.chainSteps ?? [])
        .filter((s) => s.name?.trim())
        .map((s) => ({ name: s.name!.trim(), description: text(s.description) })),
      infoCategories: (values.infoCategories ?? [])
        .filter((c) => c.name?.trim())
        .map((c) => ({
          name: c.name!.trim(),
          important: c.important ?? false,
          description: text(c.description),
        })),
    }).catch(() => undefined);
  };

  const title = business ? t('cii.business.edit') : t('cii.business.create');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={title}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {business ? t('common.save') : t('common.create')}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <Form
        name="ciiBusiness"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
      >
        <Form.Item
          name="name"
          label={t('cii.field.name')}
          rules={[{ required: true, whitespace: true, message: t('cii.business.nameRequired') }]}
        >
          <Input maxLength={200} placeholder={t('cii.business.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="sector"
          label={t('cii.field.sector')}
          rules={[{ required: true, message: t('cii.business.sectorRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={CII_SECTORS.map((s) => ({ value: s, label: labels.sector(s) }))}
          />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            name="designatingAuthority"
            label={t('cii.field.designatingAuthority')}
            style={{ flex: 2 }}
          >
            <Input maxLength={200} placeholder={t('cii.business.authorityPlaceholder')} />
          </Form.Item>
          <Form.Item name="designatedOn" label={t('cii.field.designatedOn')} style={{ flex: 1 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="designationNotice" label={t('cii.field.designationNotice')}>
          <Input maxLength={200} placeholder={t('cii.business.noticePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('cii.field.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('cii.field.chainSteps')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('cii.business.chainHint')}
        </Typography.Paragraph>
        <Form.List name="chainSteps">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((field, index) => {
                const what = t('cii.business.stepN', { n: index + 1 });
                return (
                  <Flex key={field.key} gap={8} align="start">
                    <Typography.Text style={{ width: 28, lineHeight: '32px' }} type="secondary">
                      {index + 1}.
                    </Typography.Text>
                    <Form.Item
                      name={[field.name, 'name']}
                      style={{ flex: 1, marginBottom: 8 }}
                      rules={[{ required: true, whitespace: true, message: t('cii.required') }]}
                    >
                      <Input
                        aria-label={`${what} ${t('cii.field.stepName')}`}
                        placeholder={t('cii.field.stepName')}
                        maxLength={200}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'description']}
                      style={{ flex: 2, marginBottom: 8 }}
                    >
                      <Input
                        aria-label={`${what} ${t('cii.field.description')}`}
                        placeholder={t('cii.field.description')}
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
                {t('cii.business.addStep')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('cii.field.infoCategories')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('cii.business.categoriesHint')}
        </Typography.Paragraph>
        <Form.List name="infoCategories">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((field, index) => {
                const what = t('cii.business.categoryN', { n: index + 1 });
                return (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item
                      name={[field.name, 'name']}
                      style={{ flex: 1, marginBottom: 8 }}
                      rules={[{ required: true, whitespace: true, message: t('cii.required') }]}
                    >
                      <Input
                        aria-label={`${what} ${t('cii.field.categoryName')}`}
                        placeholder={t('cii.field.categoryName')}
                        maxLength={200}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'important']}
                      valuePropName="checked"
                      style={{ marginBottom: 8, lineHeight: '32px' }}
                    >
                      <Checkbox aria-label={`${what} ${t('cii.field.important')}`}>
                        {t('cii.field.important')}
                      </Checkbox>
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
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ important: false })}
              >
                {t('cii.business.addCategory')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <ApiErrorAlert error={error} style={{ marginTop: 16 }} />
    </Drawer>
  );
}
