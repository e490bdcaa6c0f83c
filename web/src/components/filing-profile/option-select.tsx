/**
 * The filing form's option lists as controls: a short single-choice list as radio buttons, a short
 * multiple-choice list as checkboxes, a long list as a searchable Select. Each option shows its
 * official code before its name ("3 地（区、市、州、盟）"), as on the paper form.
 */
import { Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import type { FilingFormOption, FilingFormOptionList } from '../../api/filing-profile-hooks';

/** Lists up to this long are shown as radio buttons / checkboxes rather than a dropdown. */
const INLINE_MAX = 8;

export function optionLabel(option: FilingFormOption, language: string): string {
  return `${option.code} ${language.startsWith('zh') ? option.zh : option.en}`;
}

/** 其他 / 其它: the option that asks for a written answer. */
export function isOtherOption(option: FilingFormOption): boolean {
  return option.other;
}

/** Does the answer (one code or several) pick the list's 其他 option? */
export function picksOther(list: FilingFormOptionList | undefined, value: unknown): boolean {
  if (!list) return false;
  const codes = Array.isArray(value) ? value : value == null ? [] : [value];
  return list.options.some((o) => isOtherOption(o) && codes.includes(o.code));
}

/** 跨省 / 跨地市: options after which the form asks how many (跨 N 个). */
export function isCountedOption(option: FilingFormOption | undefined): boolean {
  return option?.counted ?? false;
}

/** Where the question is on the form and where its options come from (a label's tooltip). */
export function listProvenance(
  list: FilingFormOptionList | undefined,
  language: string,
): string | null {
  if (!list) return null;
  const zh = language.startsWith('zh');
  const sources = list.sources.map((s) => (zh ? s.title.zh : s.title.en)).join('; ');
  const parts = [list.formItem, sources];
  if (list.status === 'unverified') parts.push(zh ? '未经核对' : 'not checked against the form');
  return parts.filter(Boolean).join(' · ');
}

export function OptionChoice({
  list,
  value,
  onChange,
  id,
  inline,
  allowClear = true,
  'aria-label': ariaLabel,
}: {
  list: FilingFormOptionList | undefined;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  id?: string;
  /** Force radio/checkbox (true) or a dropdown (false); default by the list's length. */
  inline?: boolean;
  allowClear?: boolean;
  'aria-label'?: string;
}) {
  const { i18n } = useTranslation();
  const options = (list?.options ?? []).map((o) => ({
    value: o.code,
    label: optionLabel(o, i18n.language),
  }));
  const multiple = list?.multiple ?? false;
  const asInline = inline ?? options.length <= INLINE_MAX;
  if (multiple && asInline) {
    return (
      <Checkbox.Group
        aria-label={ariaLabel}
        options={options}
        value={Array.isArray(value) ? value : []}
        onChange={(codes) => onChange?.(codes)}
      />
    );
  }
  if (!multiple && asInline) {
    return (
      <Radio.Group
        id={id}
        aria-label={ariaLabel}
        value={value ?? null}
        onChange={(event) => onChange?.(event.target.value as string)}
      >
        <Space wrap size={[12, 4]}>
          {options.map((o) => (
            <Radio key={o.value} value={o.value}>
              {o.label}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    );
  }
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      mode={multiple ? 'multiple' : undefined}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      value={value ?? (multiple ? [] : undefined)}
      onChange={(v: string | string[] | undefined) => onChange?.(v ?? (multiple ? [] : null))}
      style={{ width: '100%', maxWidth: 480 }}
    />
  );
}

/**
 * The written answer for 其他: shown, and required, only while the list's 其他 option is chosen.
 * `watch` is the coded field; `name` the text field beside it.
 */
export function OtherText({
  list,
  watch,
  name,
  label,
}: {
  list: FilingFormOptionList | undefined;
  watch: NamePath;
  name: NamePath;
  label?: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const value: unknown = Form.useWatch(watch, form);
  if (!picksOther(list, value)) return null;
  return (
    <Form.Item
      name={name}
      label={label ?? t('filingProfile.other')}
      rules={[{ required: true, whitespace: true, message: t('filingProfile.otherRequired') }]}
    >
      <Input maxLength={200} placeholder={t('filingProfile.otherPlaceholder')} />
    </Form.Item>
  );
}
