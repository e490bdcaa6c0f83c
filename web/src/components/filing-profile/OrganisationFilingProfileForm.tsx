/**
 * 表一 单位基本情况 of the filing form, with the 2025 attachments the organisation answers once for
 * all its objects: 数据摸底调查表 and (level 3+) 网络安全保护工作方案. Saved as one PATCH of the
 * organisation (name, credit code and the whole `filingProfile`) with its version.
 */
import { App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DataCategory,
  FormPerson,
  OrganisationFilingProfile,
  ProtectionWorkPlan,
  FilingOptionListId,
} from '../../../../src/shared/filing-profile';
import {
  usePatchOrganisationProfile,
  type FilingFormOptions,
  type FilingFormOptionList,
  type OrganisationWithProfile,
} from '../../api/filing-profile-hooks';
import { DataCategoriesEditor } from './DataCategoriesEditor';
import {
  applyProfileErrors,
  MissingHint,
  numberOrNull,
  SaveErrorAlert,
  textOrNull,
  useLoadedRecord,
} from './form-support';
import { listProvenance, OptionChoice, OtherText, picksOther } from './option-select';
import { PersonFields, PERSON_FIELDS } from './PersonFields';
import { PLAN_TEXT_FIELDS, ProtectionWorkPlanForm } from './ProtectionWorkPlanForm';
import { rules } from './validators';

/** What the form holds: the profile as the API has it, loosely typed while it is being typed. */
interface FormValues {
  name: string;
  nameEn?: string | null;
  creditCode?: string | null;
  hasProtectionWorkPlan: boolean;
  filingProfile: Record<string, unknown> & {
    head?: Partial<FormPerson> | null;
    departmentContact?: Partial<FormPerson> | null;
    dataCategories?: Partial<DataCategory>[];
    protectionWorkPlan?: Partial<ProtectionWorkPlan> | null;
  };
}

const ADDRESS = ['province', 'city', 'county', 'address'] as const;
/** The coded answers of 表一, each with its option list and the text field for 其他. */
const CODED = [
  { field: 'affiliation', list: 'affiliation', other: 'affiliationOther' },
  { field: 'organisationType', list: 'organisationType', other: 'organisationTypeOther' },
  { field: 'sectorCode', list: 'sector', other: 'sectorOther' },
] as const;

function toValues(organisation: OrganisationWithProfile): FormValues {
  const profile = organisation.filingProfile ?? null;
  return {
    name: organisation.name,
    nameEn: organisation.nameEn,
    creditCode: organisation.creditCode,
    hasProtectionWorkPlan: !!profile?.protectionWorkPlan,
    filingProfile: {
      ...(profile ?? {}),
      head: profile?.head ?? {},
      departmentContact: profile?.departmentContact ?? {},
      dataCategories: profile?.dataCategories ?? [],
      protectionWorkPlan: profile?.protectionWorkPlan ?? { year: new Date().getFullYear() },
    },
  };
}

function person(value: Partial<FormPerson> | null | undefined): FormPerson | null {
  const name = textOrNull(value?.name);
  const rest = {
    title: textOrNull(value?.title),
    officePhone: textOrNull(value?.officePhone),
    mobilePhone: textOrNull(value?.mobilePhone),
    email: textOrNull(value?.email),
  };
  if (name === null && Object.values(rest).every((v) => v === null)) return null;
  // A missing name with other details is refused by the server with a field error on `name`.
  return { name: name ?? '', ...rest };
}

function toProfile(
  values: FormValues,
  lists: FilingFormOptions | undefined,
): OrganisationFilingProfile {
  const p = values.filingProfile;
  const coded = (field: string, listId: FilingOptionListId, other: string) => {
    const code = textOrNull(p[field]);
    const list = lists?.[listId];
    return {
      [field]: code,
      [other]: picksOther(list, code) ? textOrNull(p[other]) : null,
    };
  };
  const plan = p.protectionWorkPlan;
  return {
    province: textOrNull(p.province),
    city: textOrNull(p.city),
    county: textOrNull(p.county),
    address: textOrNull(p.address),
    postalCode: textOrNull(p.postalCode),
    divisionCode: textOrNull(p.divisionCode),
    head: person(p.head),
    responsibleDepartment: textOrNull(p.responsibleDepartment),
    departmentContact: person(p.departmentContact),
    ...CODED.reduce((acc, c) => ({ ...acc, ...coded(c.field, c.list, c.other) }), {}),
    dataCategories: (p.dataCategories ?? []).map((row) => ({
      name: textOrNull(row.name) ?? '',
      volume: textOrNull(row.volume) ?? '',
      individuals: numberOrNull(row.individuals),
      importance: row.importance ?? 'general',
      location: textOrNull(row.location) ?? '',
      crossBorder: row.crossBorder === true,
      crossBorderDestinations:
        row.crossBorder === true
          ? (row.crossBorderDestinations ?? []).map((d) => d.trim()).filter(Boolean)
          : [],
      systems: (row.systems ?? []).map((s) => s.trim()).filter(Boolean),
      note: textOrNull(row.note),
    })),
    protectionWorkPlan:
      values.hasProtectionWorkPlan && plan
        ? {
            year: numberOrNull(plan.year) ?? new Date().getFullYear(),
            ...(Object.fromEntries(
              PLAN_TEXT_FIELDS.map((f) => [f, textOrNull(plan[f]) ?? '']),
            ) as Record<(typeof PLAN_TEXT_FIELDS)[number], string>),
          }
        : null,
  };
}

/** The 表一 answers still empty, as labels (the form prints （待填写） for them). */
function missingAnswers(
  values: FormValues | undefined,
  planNeeded: boolean | null,
  t: (key: string, options?: Record<string, unknown>) => string,
): string[] {
  if (!values) return [];
  const p = values.filingProfile ?? {};
  const filled = (v: unknown) =>
    typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined;
  const missing: string[] = [];
  if (!filled(values.creditCode)) missing.push(t('filingProfile.org.creditCode'));
  for (const f of ADDRESS) if (!filled(p[f])) missing.push(t(`filingProfile.org.${f}`));
  for (const f of ['postalCode', 'divisionCode', 'responsibleDepartment'])
    if (!filled(p[f])) missing.push(t(`filingProfile.org.${f}`));
  for (const who of ['head', 'departmentContact'] as const) {
    const label = t(`filingProfile.org.${who}`);
    const data = (p[who] ?? {}) as Partial<FormPerson>;
    // The form asks the head for no mobile phone (表一 05), the contact for all five (07).
    for (const f of PERSON_FIELDS)
      if ((who === 'departmentContact' || f !== 'mobilePhone') && !filled(data[f]))
        missing.push(t(`filingProfile.person.${f}`, { person: label }));
  }
  for (const c of CODED) if (!filled(p[c.field])) missing.push(t(`filingProfile.org.${c.field}`));
  if (planNeeded && !values.hasProtectionWorkPlan) missing.push(t('filingProfile.plan.title'));
  return missing;
}

export function OrganisationFilingProfileForm({
  organisation,
  options,
  systemNames,
  planNeeded,
  readOnly,
  onReload,
}: {
  organisation: OrganisationWithProfile;
  options: FilingFormOptions | undefined;
  systemNames: string[];
  /** The organisation has an object graded level 3 or above (null: not known to the caller). */
  planNeeded: boolean | null;
  readOnly: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = usePatchOrganisationProfile(organisation.id);
  const initial = useMemo(() => toValues(organisation), [organisation]);
  const watched = Form.useWatch((values: FormValues) => values, { form, preserve: true });
  const missing = missingAnswers(watched ?? initial, planNeeded, t);

  // A newer version from the server (after a save or a reload) replaces what the form shows.
  const { loadedVersion, replaceNext } = useLoadedRecord(form, initial, organisation.version);

  const list = (id: FilingOptionListId): FilingFormOptionList | undefined => options?.[id];

  const submit = async (values: FormValues) => {
    replaceNext();
    try {
      await save.mutateAsync({
        name: values.name.trim(),
        nameEn: textOrNull(values.nameEn),
        creditCode: textOrNull(values.creditCode)?.toUpperCase() ?? null,
        filingProfile: toProfile(values, options),
        version: loadedVersion,
      });
      save.reset();
      message.success(t('filingProfile.saved'));
    } catch (error) {
      replaceNext(false);
      applyProfileErrors(form, error, i18n.language);
    }
  };

  const reload = async () => {
    save.reset();
    replaceNext();
    await onReload();
  };

  return (
    <Form
      name="organisation-filing-profile"
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      disabled={readOnly}
      scrollToFirstError={{ block: 'center' }}
    >
      <MissingHint missing={missing} />
      <SaveErrorAlert error={save.error} onReload={() => void reload()} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('filingProfile.org.table1')} data-testid="filing-table-1">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={t('filingProfile.org.name')}
                rules={[
                  { required: true, whitespace: true, message: t('organisation.nameRequired') },
                ]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="creditCode"
                label={t('filingProfile.org.creditCode')}
                rules={[rules.creditCode(t)]}
                extra={t('filingProfile.org.creditCodeHint')}
                normalize={(v: string) => v?.toUpperCase()}
              >
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text strong>{t('filingProfile.org.addressGroup')}</Typography.Text>
          <Row gutter={16} style={{ marginTop: 8 }}>
            {(['province', 'city', 'county'] as const).map((f) => (
              <Col xs={24} md={8} xl={4} key={f}>
                <Form.Item name={['filingProfile', f]} label={t(`filingProfile.org.${f}`)}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24} xl={12}>
              <Form.Item name={['filingProfile', 'address']} label={t('filingProfile.org.address')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item
                name={['filingProfile', 'postalCode']}
                label={t('filingProfile.org.postalCode')}
                rules={[rules.postalCode(t)]}
              >
                <Input maxLength={6} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item
                name={['filingProfile', 'divisionCode']}
                label={t('filingProfile.org.divisionCode')}
                rules={[rules.divisionCode(t)]}
                extra={t('filingProfile.org.divisionCodeHint')}
              >
                <Input maxLength={6} inputMode="numeric" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text strong>{t('filingProfile.org.head')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <PersonFields name="head" label={t('filingProfile.org.head')} />
          </div>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['filingProfile', 'responsibleDepartment']}
                label={t('filingProfile.org.responsibleDepartment')}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text strong>{t('filingProfile.org.departmentContact')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <PersonFields
              name="departmentContact"
              label={t('filingProfile.org.departmentContact')}
            />
          </div>
          {CODED.map((c) => (
            <div key={c.field}>
              <Form.Item
                name={['filingProfile', c.field]}
                label={t(`filingProfile.org.${c.field}`)}
                tooltip={listProvenance(list(c.list), i18n.language)}
              >
                <OptionChoice list={list(c.list)} aria-label={t(`filingProfile.org.${c.field}`)} />
              </Form.Item>
              <OtherText
                list={list(c.list)}
                watch={['filingProfile', c.field]}
                name={['filingProfile', c.other]}
                label={t('filingProfile.otherOf', { label: t(`filingProfile.org.${c.field}`) })}
              />
            </div>
          ))}
        </Card>
        <Card title={t('filingProfile.data.title')} data-testid="filing-data-categories">
          <Typography.Paragraph type="secondary">
            {t('filingProfile.data.intro')}
          </Typography.Paragraph>
          <DataCategoriesEditor systemNames={systemNames} />
        </Card>
        <Card title={t('filingProfile.plan.title')} data-testid="filing-protection-plan">
          <ProtectionWorkPlanForm needed={planNeeded} />
        </Card>
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('filingProfile.save')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
