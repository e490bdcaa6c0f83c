import { Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EventDto } from '../../../../src/shared/api-types';
import type { EventInput } from '../../../../src/shared/schemas';
import { useAddEvent } from '../../api/hooks';
import { todayInBeijing, toIsoDate } from '../../lib/dates';
import { EVENT_KINDS } from '../../lib/record-kinds';
import type { RecordKind } from './record-kind';
import { RecordDateField, trimmedOrNull } from './record-fields';

interface EventValues {
  kind: EventDto['kind'];
  completedOn: Dayjs;
  agency?: string;
  reportNumber?: string;
}

/** The assessment-event form. */
function EventFormFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
        <Select
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`records.events.kind.${k}`) }))}
        />
      </Form.Item>
      <RecordDateField name="completedOn" label={t('field.completedOn')} />
      <Form.Item name="agency" label={t('field.agency')}>
        <Input maxLength={200} placeholder={t('records.events.agencyPlaceholder')} />
      </Form.Item>
      <Form.Item name="reportNumber" label={t('field.reportNumber')}>
        <Input maxLength={100} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
    </>
  );
}

/** Completed assessments (等级测评, 密评, CII risk assessment): they restart the periodic duties. */
export const eventRecords: RecordKind<EventDto, EventValues, EventInput> = {
  formName: 'event',
  i18nPrefix: 'records.events',
  requiresGrading: false,
  rows: (detail) => detail.events,
  columns: (t) => [
    {
      title: t('field.kind'),
      dataIndex: 'kind',
      render: (k: EventDto['kind']) => t(`records.events.kind.${k}`),
    },
    { title: t('field.completedOn'), dataIndex: 'completedOn', width: 120 },
    {
      title: t('field.agency'),
      dataIndex: 'agency',
      render: (a: string | null) => a ?? t('common.none'),
    },
    {
      title: t('field.reportNumber'),
      dataIndex: 'reportNumber',
      render: (n: string | null) => n ?? t('common.none'),
    },
  ],
  useAdd: useAddEvent,
  fieldNames: ['kind', 'completedOn', 'agency', 'reportNumber'],
  initialValues: () => ({ kind: 'mlps_assessment', completedOn: dayjs(todayInBeijing()) }),
  FormFields: EventFormFields,
  attachment: () => ({ recordKind: 'event', purpose: 'assessment_report' }),
  toInput: (values) => ({
    kind: values.kind,
    completedOn: toIsoDate(values.completedOn) ?? todayInBeijing(),
    agency: trimmedOrNull(values.agency),
    reportNumber: trimmedOrNull(values.reportNumber),
  }),
};
