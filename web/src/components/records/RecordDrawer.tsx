import { Button, Drawer, Form, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';

/** A drawer with one add-record form; server field errors land on the fields, values stay. */
export function RecordDrawer<V extends object>({
  name,
  title,
  open,
  form,
  fieldNames,
  initialValues,
  submitting,
  error,
  onClose,
  onSubmit,
  children,
}: {
  /** Prefixes the field ids, so labels stay unique while several drawers are mounted. */
  name: string;
  title: string;
  open: boolean;
  form: FormInstance<V>;
  fieldNames: readonly string[];
  initialValues: Partial<V>;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = async (values: V) => {
    try {
      await onSubmit(values);
      form.resetFields();
      onClose();
    } catch (failure) {
      applyApiErrorsToForm(form, failure, fieldNames);
    }
  };
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={480}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<V>
        name={name}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
      >
        {children}
      </Form>
    </Drawer>
  );
}
