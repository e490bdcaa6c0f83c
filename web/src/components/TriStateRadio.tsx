import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';

export type TriState = 'yes' | 'no' | 'unknown';

export const toTriState = (value: boolean | null | undefined): TriState =>
  value === true ? 'yes' : value === false ? 'no' : 'unknown';
export const fromTriState = (value: TriState | undefined): boolean | null =>
  value === 'yes' ? true : value === 'no' ? false : null;

/** Yes / no / not known yet: the rules treat "not known" as a fact still to be supplied. */
export function TriStateRadio({
  value,
  onChange,
}: {
  value?: TriState;
  onChange?: (value: TriState) => void;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      value={value}
      onChange={(e) => onChange?.(e.target.value as TriState)}
      optionType="button"
      options={[
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
        { value: 'unknown', label: t('common.unknown') },
      ]}
    />
  );
}
