import { App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  INCIDENT_REPORT_KINDS,
  REPORT_RECIPIENTS,
  type IncidentReportKind,
  type ReportRecipient,
} from '../../../../../src/shared/data-security-schemas';
import type { IncidentView } from '../../../api/incidents-client';
import { useAddIncidentReport } from '../../../api/incidents-hooks';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { openOperatorDuties } from './incident-labels';
import { nowInBeijing, toBeijingInstant } from './incident-time';

interface Values {
  kind: IncidentReportKind;
  recipients: ReportRecipient[];
  submittedAt: Dayjs | null;
  reference?: string;
  note?: string;
}

const KIND_OF_DUTY: Record<string, IncidentReportKind> = {
  initial: 'initial',
  pre_2025_report: 'initial',
  follow_up: 'follow_up',
  closing: 'closing',
};

/**
 * 记录已报送: a report submitted (首报/续报/终报) to one or more recipients at a time; one record
 * per recipient, so each duty naming that recipient is done. Defaults to the next open duty.
 */
export function ReportRecordForm({ orgId, incident }: { orgId: string; incident: IncidentView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddIncidentReport(orgId, incident.id);
  const [form] = Form.useForm<Values>();
  const next = openOperatorDuties(incident)[0];
  const initial: Values = {
    kind: (next && KIND_OF_DUTY[next.kind]) ?? 'initial',
    recipients: next ? [...next.recipients] : [],
    submittedAt: nowInBeijing(),
  };

  const submit = async (values: Values) => {
    const submittedAt = toBeijingInstant(values.submittedAt);
    if (!submittedAt || values.recipients.length === 0) return;
    try {
      // Each record bumps the incident's version: send the one the previous answer gave.
      let version = incident.version;
      for (const recipient of values.recipients)
        version = (
          await add.mutateAsync({
            kind: values.kind,
            recipient,
            submittedAt,
            reference: values.reference?.trim() || null,
            note: values.note?.trim() || null,
            version,
          })
        ).version;
      message.success(
        t('incidents.report.recorded', { kind: t(`incidents.reportKind.${values.kind}`) }),
      );
      form.resetFields();
    } catch {
      // shown below the form
    }
  };

  return (
    <Form<Values>
      name="incidentReport"
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
    >
      {add.error !== null && <ApiErrorAlert error={add.error} style={{ marginBottom: 12 }} />}
      <Flex gap={12} wrap align="start">
        <Form.Item name="kind" label={t('incidents.report.kind')} required style={{ width: 120 }}>
          <Select
            aria-label={t('incidents.report.kind')}
            options={INCIDENT_REPORT_KINDS.map((k) => ({
              value: k,
              label: t(`incidents.reportKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="recipients"
          label={t('incidents.report.recipients')}
          rules={[{ required: true, message: t('incidents.report.recipientsRequired') }]}
          style={{ flex: 1, minWidth: 260 }}
        >
          <Select
            mode="multiple"
            aria-label={t('incidents.report.recipients')}
            options={REPORT_RECIPIENTS.map((r) => ({
              value: r,
              label: t(`incidents.recipient.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="submittedAt"
          label={t('incidents.report.submittedAt')}
          rules={[{ required: true, message: t('incidents.report.submittedAtRequired') }]}
          style={{ width: 200 }}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            aria-label={t('incidents.report.submittedAt')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="reference" label={t('incidents.report.reference')} style={{ width: 200 }}>
          <Input maxLength={200} aria-label={t('incidents.report.reference')} />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('incidents.report.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('incidents.report.submit')}
      </Button>
    </Form>
  );
}
