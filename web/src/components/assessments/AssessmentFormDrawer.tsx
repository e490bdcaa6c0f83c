import { Button, DatePicker, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummaryDto } from '../../../../src/shared/api-types';
import type { AssessmentInput } from '../../../../src/shared/assessment-schemas';
import { useMembers } from '../../api/settings-hooks';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { useCan, useCurrentOrganisation } from '../OrganisationScope';

interface FormValues {
  title: string;
  period?: [Dayjs | null, Dayjs | null] | null;
  agency?: string;
  reportNumber?: string;
  reportDate?: Dayjs | null;
  team?: string[];
  startFromPrevious?: boolean;
}

const FIELDS = [
  'title',
  'period',
  'agency',
  'reportNumber',
  'reportDate',
  'team',
  'startFromPrevious',
];

/** 新建测评 / 编辑测评信息: the project's metadata (the baseline is fixed by the server). */
export function AssessmentFormDrawer({
  open,
  assessment,
  defaultTitle,
  submitting,
  error,
  onClose,
  onSubmit,
}: {
  open: boolean;
  assessment?: AssessmentSummaryDto;
  defaultTitle?: string;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: AssessmentInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const organisation = useCurrentOrganisation();
  const canSeeMembers = useCan('members.read');
  const members = useMembers(organisation.id, { enabled: open && canSeeMembers });

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      title: assessment?.title ?? defaultTitle ?? '',
      period:
        assessment?.periodStart || assessment?.periodEnd
          ? [fromIsoDate(assessment.periodStart), fromIsoDate(assessment.periodEnd)]
          : null,
      agency: assessment?.agency ?? '',
      reportNumber: assessment?.reportNumber ?? '',
      reportDate: fromIsoDate(assessment?.reportDate),
      team: assessment?.team ?? [],
    });
  }, [open, assessment, defaultTitle, form]);

  useEffect(() => {
    if (error) applyApiErrorsToForm(form, error, FIELDS);
  }, [error, form]);

  const submit = async (values: FormValues) => {
    const text = (value: string | undefined) => value?.trim() || null;
    await onSubmit({
      title: values.title.trim(),
      periodStart: toIsoDate(values.period?.[0]),
      periodEnd: toIsoDate(values.period?.[1]),
      agency: text(values.agency),
      reportNumber: text(values.reportNumber),
      reportDate: toIsoDate(values.reportDate),
      team: (values.team ?? []).map((u) => u.trim()).filter(Boolean),
      // Year over year: copy the last assessment's objects and show its results and findings.
      ...(!assessment && values.startFromPrevious ? { startFromPrevious: true } : {}),
    }).catch(() => undefined);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={assessment ? t('assessment.form.editTitle') : t('assessment.form.createTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {assessment ? t('common.save') : t('common.create')}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="title"
          label={t('assessment.field.title')}
          rules={[
            { required: true, whitespace: true, message: t('assessment.form.titleRequired') },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="period" label={t('assessment.field.period')}>
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            allowEmpty={[true, true]}
            style={{ width: '100%' }}
            placeholder={[t('assessment.field.periodStart'), t('assessment.field.periodEnd')]}
          />
        </Form.Item>
        <Form.Item name="agency" label={t('assessment.field.agency')}>
          <Input maxLength={200} placeholder={t('assessment.form.agencyPlaceholder')} />
        </Form.Item>
        <Form.Item name="reportNumber" label={t('assessment.field.reportNumber')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="reportDate"
          label={t('assessment.field.reportDate')}
          extra={t('assessment.form.reportDateHint')}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="team"
          label={t('assessment.field.team')}
          extra={t('assessment.form.teamHint')}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，', ' ']}
            options={(members.data?.items ?? []).map((m) => ({
              value: m.username,
              label: `${m.displayName}（${m.username}）`,
            }))}
          />
        </Form.Item>
        {!assessment && (
          <Form.Item
            name="startFromPrevious"
            label={t('assessment.form.startFromPrevious')}
            extra={t('assessment.form.startFromPreviousHint')}
            valuePropName="checked"
          >
            <Switch aria-label={t('assessment.form.startFromPrevious')} />
          </Form.Item>
        )}
      </Form>
      <ApiErrorAlert error={error} />
    </Drawer>
  );
}
