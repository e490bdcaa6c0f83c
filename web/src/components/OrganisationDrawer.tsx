import { Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganisationDto } from '../../../src/shared/api-types';
import type { OrganisationInput } from '../../../src/shared/schemas';
import { useCreateOrganisation } from '../api/hooks';
import { applyApiErrorsToForm } from '../lib/api-errors';
import { ApiErrorAlert } from './ApiErrorAlert';

const FIELDS = ['name', 'nameEn', 'creditCode', 'region', 'sector'] as const;
type FormValues = Record<(typeof FIELDS)[number], string | undefined>;

const blankToNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);

export function OrganisationDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (organisation: OrganisationDto) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateOrganisation();

  const submit = async (values: FormValues) => {
    const input: OrganisationInput = {
      name: values.name?.trim() ?? '',
      nameEn: blankToNull(values.nameEn),
      creditCode: blankToNull(values.creditCode),
      region: blankToNull(values.region),
      sector: blankToNull(values.sector),
    };
    try {
      const organisation = await create.mutateAsync(input);
      form.resetFields();
      create.reset();
      onCreated(organisation);
    } catch (error) {
      applyApiErrorsToForm(form, error, FIELDS);
    }
  };

  return (
    <Drawer
      title={t('organisation.create')}
      open={open}
      onClose={onClose}
      size={480}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={create.error} style={{ marginBottom: 16 }} />
      <Form name="organisation" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('field.organisationName')}
          rules={[{ required: true, whitespace: true, message: t('organisation.nameRequired') }]}
        >
          <Input placeholder={t('organisation.namePlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('field.nameEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('field.creditCode')}
          extra={t('organisation.creditCodeHint')}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="region" label={t('field.region')}>
          <Input placeholder={t('organisation.regionPlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item name="sector" label={t('field.sector')}>
          <Input placeholder={t('organisation.sectorPlaceholder')} maxLength={100} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
