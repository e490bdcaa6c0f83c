import { Button, DatePicker, Drawer, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CiiEvaluationBody } from '../../api/cii-capability';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';

interface FormValues {
  title: string;
  evaluator?: string;
  agency?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

/** Form fields the server's error details can name (period errors show in the alert). */
const FIELDS = ['title', 'evaluator', 'agency'];

/** 新建能力评价: title, who evaluates, the period. Nothing typed is lost on a server error. */
export function EvaluationFormDrawer({
  open,
  defaultTitle,
  submitting,
  error,
  onClose,
  onSubmit,
}: {
  open: boolean;
  defaultTitle: string;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: CiiEvaluationBody) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (open) form.setFieldsValue({ title: defaultTitle });
  }, [open, defaultTitle, form]);

  useEffect(() => {
    if (!error) return;
    applyApiErrorsToForm(form, error, FIELDS);
  }, [error, form]);

  const submit = async (values: FormValues) => {
    const text = (value: string | undefined) => value?.trim() || null;
    await onSubmit({
      title: values.title.trim(),
      evaluator: text(values.evaluator),
      agency: text(values.agency),
      periodStart: toIsoDate(values.period?.[0]),
      periodEnd: toIsoDate(values.period?.[1]),
    }).catch(() => undefined);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={t('ciiCapability.form.createTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('common.create')}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="title"
          label={t('ciiCapability.field.title')}
          rules={[
            { required: true, whitespace: true, message: t('ciiCapability.form.titleRequired') },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="evaluator"
          label={t('ciiCapability.field.evaluatorName')}
          extra={t('ciiCapability.form.evaluatorHint')}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="agency" label={t('ciiCapability.field.agency')}>
          <Input maxLength={200} placeholder={t('ciiCapability.form.agencyPlaceholder')} />
        </Form.Item>
        <Form.Item name="period" label={t('ciiCapability.field.period')}>
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            allowEmpty={[true, true]}
            style={{ width: '100%' }}
            placeholder={[t('ciiCapability.field.periodStart'), t('ciiCapability.field.periodEnd')]}
          />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={error} />
    </Drawer>
  );
}
