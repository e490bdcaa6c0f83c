import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemDto } from '../../../src/shared/api-types';
import { SYSTEM_TYPES, type SystemType } from '../../../src/shared/mlps';
import type { SystemInput } from '../../../src/shared/schemas';
import { ApiRequestError } from '../api/client';
import { applyApiErrorsToForm } from '../lib/api-errors';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../lib/dates';
import { ApiErrorAlert } from './ApiErrorAlert';
import { fromTriState, toTriState, TriStateRadio, type TriState } from './TriStateRadio';

const FIELDS = [
  'name',
  'description',
  'types',
  'goLiveOn',
  'isCii',
  'ciiDesignatedOn',
  'isNationalEgov',
  'hasCompetentAuthority',
  'competentAuthority',
  'responsibleDepartment',
] as const;

interface FormValues {
  name: string;
  description?: string;
  types: SystemType[];
  goLiveOn?: Dayjs | null;
  isCii: TriState;
  ciiDesignatedOn?: Dayjs | null;
  isNationalEgov: TriState;
  hasCompetentAuthority: TriState;
  competentAuthority?: string;
  responsibleDepartment?: string;
}

const blankToNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);

function toInput(values: FormValues): SystemInput {
  const isCii = fromTriState(values.isCii);
  const hasCompetentAuthority = fromTriState(values.hasCompetentAuthority);
  return {
    name: values.name.trim(),
    description: blankToNull(values.description),
    types: values.types,
    goLiveOn: toIsoDate(values.goLiveOn),
    isCii,
    ciiDesignatedOn: isCii ? toIsoDate(values.ciiDesignatedOn) : null,
    isNationalEgov: fromTriState(values.isNationalEgov),
    hasCompetentAuthority,
    competentAuthority: hasCompetentAuthority ? blankToNull(values.competentAuthority) : null,
    responsibleDepartment: blankToNull(values.responsibleDepartment),
  };
}

function toValues(system: SystemDto | null): FormValues {
  return {
    name: system?.name ?? '',
    description: system?.description ?? undefined,
    types: system?.types ?? ['ordinary_system'],
    goLiveOn: fromIsoDate(system?.goLiveOn),
    isCii: toTriState(system?.isCii),
    ciiDesignatedOn: fromIsoDate(system?.ciiDesignatedOn),
    isNationalEgov: toTriState(system?.isNationalEgov),
    hasCompetentAuthority: toTriState(system?.hasCompetentAuthority),
    competentAuthority: system?.competentAuthority ?? undefined,
    responsibleDepartment: system?.responsibleDepartment ?? undefined,
  };
}

/** Create a grading object, or edit one (`system` given). The form keeps its values on a server error. */
export function SystemFormDrawer({
  open,
  system,
  onClose,
  onSubmit,
  submitting,
  error,
}: {
  open: boolean;
  system: SystemDto | null;
  onClose: () => void;
  onSubmit: (input: SystemInput) => Promise<unknown>;
  submitting: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const isCii = Form.useWatch('isCii', form);
  const hasCompetentAuthority = Form.useWatch('hasCompetentAuthority', form);

  useEffect(() => {
    if (open) form.setFieldsValue(toValues(system));
  }, [open, system, form]);

  const submit = async (values: FormValues) => {
    try {
      await onSubmit(toInput(values));
      form.resetFields();
    } catch (failure) {
      applyApiErrorsToForm(form, failure, FIELDS);
    }
  };

  const conflict = error instanceof ApiRequestError && error.body.code === 'VERSION_CONFLICT';

  return (
    <Drawer
      title={system ? t('system.edit') : t('system.create')}
      open={open}
      onClose={onClose}
      size={560}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {system ? t('common.save') : t('common.create')}
          </Button>
        </Space>
      }
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('error.versionConflict')}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      )}
      <Form
        name="system"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={toValues(system)}
        requiredMark
      >
        <Form.Item
          name="name"
          label={t('field.name')}
          rules={[{ required: true, whitespace: true, message: t('system.nameRequired') }]}
        >
          <Input maxLength={200} placeholder={t('system.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea
            rows={3}
            maxLength={4000}
            placeholder={t('system.descriptionPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="types"
          label={t('field.types')}
          extra={t('system.typesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('system.typesRequired') }]}
        >
          <Select
            mode="multiple"
            options={SYSTEM_TYPES.map((type) => ({ value: type, label: t(`systemType.${type}`) }))}
          />
        </Form.Item>
        <Form.Item name="goLiveOn" label={t('field.goLiveOn')} extra={t('system.goLiveOnHint')}>
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="responsibleDepartment" label={t('field.responsibleDepartment')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="isCii" label={t('field.isCii')} extra={t('system.isCiiHint')}>
          <TriStateRadio />
        </Form.Item>
        {isCii === 'yes' && (
          <Form.Item name="ciiDesignatedOn" label={t('field.ciiDesignatedOn')}>
            <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item
          name="isNationalEgov"
          label={t('field.isNationalEgov')}
          extra={t('system.isNationalEgovHint')}
        >
          <TriStateRadio />
        </Form.Item>
        <Form.Item
          name="hasCompetentAuthority"
          label={t('field.hasCompetentAuthority')}
          extra={t('system.hasCompetentAuthorityHint')}
        >
          <TriStateRadio />
        </Form.Item>
        {hasCompetentAuthority === 'yes' && (
          <Form.Item name="competentAuthority" label={t('field.competentAuthority')}>
            <Input maxLength={200} placeholder={t('system.competentAuthorityPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
