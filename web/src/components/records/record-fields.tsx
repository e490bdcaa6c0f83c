import { DatePicker, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROTECTION_LEVELS } from '../../../../src/shared/mlps';
import { DATE_FORMAT } from '../../lib/dates';

/** A required calendar-date field of a record form. */
export function RecordDateField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: t('records.dateRequired') }]}
    >
      <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
    </Form.Item>
  );
}

/** A required protection-level field of a record form. */
export function RecordLevelField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: t('records.levelRequired') }]}
    >
      <Select
        style={{ width: 240 }}
        options={PROTECTION_LEVELS.map((l) => ({ value: l, label: t(`level.full.${l}`) }))}
      />
    </Form.Item>
  );
}

/** An optional text input as the server wants it: trimmed, or null when blank. */
export function trimmedOrNull(value: string | undefined): string | null {
  return value?.trim() || null;
}
