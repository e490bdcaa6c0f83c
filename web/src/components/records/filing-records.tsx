import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FilingDto } from '../../../../src/shared/api-types';
import type { ProtectionLevel } from '../../../../src/shared/mlps';
import type { FilingInput } from '../../../../src/shared/schemas';
import { useAddFiling } from '../../api/hooks';
import { todayInBeijing, toIsoDate } from '../../lib/dates';
import { LevelTag } from '../LevelTag';
import type { RecordKind } from './record-kind';
import { RecordDateField, RecordLevelField, trimmedOrNull } from './record-fields';

interface FilingValues {
  filedOn: Dayjs;
  bureau: string;
  certificateNumber?: string;
  level: ProtectionLevel;
}

/** The filing form. */
function FilingFormFields() {
  const { t } = useTranslation();
  return (
    <>
      <RecordDateField name="filedOn" label={t('field.filedOn')} />
      <Form.Item
        name="bureau"
        label={t('field.bureau')}
        rules={[{ required: true, whitespace: true, message: t('records.filings.bureauRequired') }]}
      >
        <Input maxLength={200} placeholder={t('records.filings.bureauPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="certificateNumber"
        label={t('field.certificateNumber')}
        extra={t('records.filings.certificateHint')}
      >
        <Input maxLength={100} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <RecordLevelField name="level" label={t('records.filings.level')} />
    </>
  );
}

/** 备案 with public security, with the 备案证明 number. */
export const filingRecords: RecordKind<FilingDto, FilingValues, FilingInput> = {
  formName: 'filing',
  i18nPrefix: 'records.filings',
  requiresGrading: true,
  rows: (detail) => detail.filings,
  columns: (t) => [
    { title: t('field.filedOn'), dataIndex: 'filedOn', width: 120 },
    { title: t('field.bureau'), dataIndex: 'bureau' },
    {
      title: t('field.certificateNumber'),
      dataIndex: 'certificateNumber',
      render: (n: string | null) => n ?? t('common.none'),
    },
    {
      title: t('field.level'),
      dataIndex: 'level',
      width: 100,
      render: (l: ProtectionLevel) => <LevelTag level={l} />,
    },
  ],
  useAdd: useAddFiling,
  fieldNames: ['filedOn', 'bureau', 'certificateNumber', 'level'],
  initialValues: (detail) => ({
    filedOn: dayjs(todayInBeijing()),
    level: detail.system.level ?? undefined,
  }),
  FormFields: FilingFormFields,
  attachment: () => ({ recordKind: 'filing', purpose: 'filing_certificate' }),
  toInput: (values) => ({
    filedOn: toIsoDate(values.filedOn) ?? todayInBeijing(),
    bureau: values.bureau.trim(),
    certificateNumber: trimmedOrNull(values.certificateNumber),
    level: values.level,
  }),
};
