/**
 * 表二 定级对象情况 of the filing form beyond what the system's own form holds (name, types,
 * description, go-live date): the object's number, business types, service scope and targets,
 * coverage, network nature, interconnection, key products and services, sub-system and 填表人.
 * Saved as one PATCH of the system (`filingProfile`, whole object) with the system's version.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOMESTIC_USE,
  SERVICE_PROVIDERS,
  type SystemFilingProfile,
  type FilingOptionListId,
} from '../../../../src/shared/filing-profile';
import {
  usePatchSystemProfile,
  type FilingFormOptionList,
  type FilingFormOptions,
  type SystemWithProfile,
} from '../../api/filing-profile-hooks';
import {
  applyProfileErrors,
  MissingHint,
  numberOrNull,
  SaveErrorAlert,
  textOrNull,
  useLoadedRecord,
} from './form-support';
import {
  isCountedOption,
  listProvenance,
  OptionChoice,
  OtherText,
  picksOther,
} from './option-select';

type Loose = Record<string, unknown>;

interface FormValues {
  filingProfile: Loose & {
    keyProducts?: Loose[];
    services?: Loose[];
    isSubsystem?: boolean | null;
  };
}

/** The coded answers of 表二 in the form's order, each with its option list and 其他 text. */
const CODED: readonly { field: string; list: FilingOptionListId; other: string }[] = [
  { field: 'businessTypes', list: 'businessType', other: 'businessTypeOther' },
  { field: 'serviceScope', list: 'serviceScope', other: 'serviceScopeOther' },
  { field: 'serviceTargets', list: 'serviceTargets', other: 'serviceTargetsOther' },
  { field: 'coverage', list: 'coverage', other: 'coverageOther' },
  { field: 'networkNature', list: 'networkNature', other: 'networkNatureOther' },
  { field: 'interconnections', list: 'interconnection', other: 'interconnectionsOther' },
];

const fp = (...path: (string | number)[]) => ['filingProfile', ...path];

function toValues(system: SystemWithProfile): FormValues {
  const profile = system.filingProfile ?? null;
  return {
    filingProfile: {
      ...(profile ?? {}),
      businessTypes: profile?.businessTypes ?? [],
      interconnections: profile?.interconnections ?? [],
      keyProducts: profile?.keyProducts ?? [],
      services: profile?.services ?? [],
      isSubsystem: profile?.isSubsystem ?? null,
    },
  };
}

function toProfile(
  values: FormValues,
  options: FilingFormOptions | undefined,
): SystemFilingProfile {
  const p = values.filingProfile;
  const list = (id: FilingOptionListId): FilingFormOptionList | undefined => options?.[id];
  const other = (listId: FilingOptionListId, value: unknown, text: unknown) =>
    picksOther(list(listId), value) ? textOrNull(text) : null;
  const codes = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);
  const scope = textOrNull(p.serviceScope);
  const scopeOption = list('serviceScope')?.options.find((o) => o.code === scope);
  const subsystem = typeof p.isSubsystem === 'boolean' ? p.isSubsystem : null;
  return {
    objectNumber: textOrNull(p.objectNumber),
    businessTypes: codes(p.businessTypes),
    businessTypeOther: other('businessType', p.businessTypes, p.businessTypeOther),
    serviceScope: scope,
    serviceScopeCount: isCountedOption(scopeOption) ? numberOrNull(p.serviceScopeCount) : null,
    serviceScopeOther: other('serviceScope', scope, p.serviceScopeOther),
    serviceTargets: textOrNull(p.serviceTargets),
    serviceTargetsOther: other('serviceTargets', p.serviceTargets, p.serviceTargetsOther),
    coverage: textOrNull(p.coverage),
    coverageOther: other('coverage', p.coverage, p.coverageOther),
    networkNature: textOrNull(p.networkNature),
    networkNatureOther: other('networkNature', p.networkNature, p.networkNatureOther),
    interconnections: codes(p.interconnections),
    interconnectionsOther: other('interconnection', p.interconnections, p.interconnectionsOther),
    keyProducts: (p.keyProducts ?? []).map((row) => ({
      type: textOrNull(row.type) ?? '',
      typeOther: other('productType', row.type, row.typeOther),
      count: numberOrNull(row.count) ?? 0,
      domesticUse: (row.domesticUse as (typeof DOMESTIC_USE)[number] | undefined) ?? 'none',
      domesticRate: row.domesticUse === 'partial' ? numberOrNull(row.domesticRate) : null,
    })),
    services: (p.services ?? []).map((row) => ({
      type: textOrNull(row.type) ?? '',
      typeOther: other('serviceType', row.type, row.typeOther),
      provider: (row.provider as (typeof SERVICE_PROVIDERS)[number] | undefined) ?? 'domestic',
    })),
    isSubsystem: subsystem,
    parentSystemName: subsystem ? textOrNull(p.parentSystemName) : null,
    parentOrganisationName: subsystem ? textOrNull(p.parentOrganisationName) : null,
    formFilledBy: textOrNull(p.formFilledBy),
  };
}

function missingAnswers(
  values: FormValues | undefined,
  t: (key: string, options?: Record<string, unknown>) => string,
): string[] {
  const p = values?.filingProfile ?? {};
  const filled = (v: unknown) =>
    Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v != null;
  return [
    'objectNumber',
    'businessTypes',
    'serviceScope',
    'serviceTargets',
    'coverage',
    'networkNature',
    'interconnections',
    'keyProducts',
    'services',
    'isSubsystem',
    'formFilledBy',
  ]
    .filter((f) => !filled(p[f]))
    .map((f) => t(`filingProfile.system.${f}`));
}

export function SystemFilingProfileForm({
  orgId,
  system,
  options,
  readOnly,
  onReload,
}: {
  orgId: string;
  system: SystemWithProfile;
  options: FilingFormOptions | undefined;
  readOnly: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = usePatchSystemProfile(orgId, system.id);
  const initial = useMemo(() => toValues(system), [system]);
  const watched = Form.useWatch((values: FormValues) => values, { form, preserve: true });
  const missing = missingAnswers(watched ?? initial, t);
  const scopeCode: unknown = Form.useWatch(fp('serviceScope'), form);
  const isSubsystem: unknown = Form.useWatch(fp('isSubsystem'), form);

  const { loadedVersion, replaceNext } = useLoadedRecord(form, initial, system.version);

  const list = (id: FilingOptionListId): FilingFormOptionList | undefined => options?.[id];
  const scopeCounted = isCountedOption(
    list('serviceScope')?.options.find((o) => o.code === scopeCode),
  );

  const submit = async (values: FormValues) => {
    replaceNext();
    try {
      await save.mutateAsync({
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

  /** A row's type: a type another row already lists is not offered again (the form has one row each). */
  const rowTypeSelect = (
    listId: FilingOptionListId,
    label: string,
    listName: 'keyProducts' | 'services',
    row: number,
  ) => (
    <Form.Item noStyle shouldUpdate>
      {() => {
        const rows = (form.getFieldValue(fp(listName)) ?? []) as Loose[];
        const taken = new Set(rows.filter((_, i) => i !== row).map((r) => r.type));
        return (
          <Form.Item
            name={[row, 'type']}
            rules={[{ required: true, message: t('filingProfile.system.typeRequired') }]}
            style={{ margin: 0 }}
          >
            <Select
              aria-label={label}
              showSearch={{ optionFilterProp: 'label' }}
              options={(list(listId)?.options ?? []).map((o) => ({
                value: o.code,
                label: `${o.code} ${i18n.language.startsWith('zh') ? o.zh : o.en}`,
                disabled: taken.has(o.code),
              }))}
            />
          </Form.Item>
        );
      }}
    </Form.Item>
  );

  /** The 其他 text of a table row, shown beside the row's type when the type is 其他. */
  const rowOther = (listId: FilingOptionListId, row: number, listName: string) => (
    <Form.Item noStyle shouldUpdate>
      {() =>
        picksOther(list(listId), form.getFieldValue(fp(listName, row, 'type'))) ? (
          <Form.Item
            name={[row, 'typeOther']}
            rules={[
              { required: true, whitespace: true, message: t('filingProfile.otherRequired') },
            ]}
            style={{ margin: '4px 0 0' }}
          >
            <Input
              maxLength={200}
              aria-label={t('filingProfile.other')}
              placeholder={t('filingProfile.otherPlaceholder')}
            />
          </Form.Item>
        ) : null
      }
    </Form.Item>
  );

  return (
    <Form
      name="system-filing-profile"
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      disabled={readOnly}
      scrollToFirstError={{ block: 'center' }}
    >
      <MissingHint missing={missing} />
      <SaveErrorAlert
        error={save.error}
        onReload={() => {
          save.reset();
          replaceNext();
          void onReload();
        }}
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('filingProfile.system.table2')} data-testid="filing-table-2">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name={fp('objectNumber')}
                label={t('filingProfile.system.objectNumber')}
                extra={t('filingProfile.system.objectNumberHint')}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={fp('formFilledBy')} label={t('filingProfile.system.formFilledBy')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          {CODED.map((c) => (
            <div key={c.field}>
              <Form.Item
                name={fp(c.field)}
                label={t(`filingProfile.system.${c.field}`)}
                tooltip={listProvenance(list(c.list), i18n.language)}
              >
                <OptionChoice
                  list={list(c.list)}
                  aria-label={t(`filingProfile.system.${c.field}`)}
                />
              </Form.Item>
              {c.field === 'serviceScope' && scopeCounted && (
                <Form.Item
                  name={fp('serviceScopeCount')}
                  label={t('filingProfile.system.serviceScopeCount')}
                  rules={[
                    {
                      required: true,
                      message: t('filingProfile.system.serviceScopeCountRequired'),
                    },
                  ]}
                >
                  <InputNumber min={2} max={1000} precision={0} style={{ width: 120 }} />
                </Form.Item>
              )}
              <OtherText
                list={list(c.list)}
                watch={fp(c.field)}
                name={fp(c.other)}
                label={t('filingProfile.otherOf', { label: t(`filingProfile.system.${c.field}`) })}
              />
            </div>
          ))}
        </Card>
        <Card title={t('filingProfile.system.keyProducts')} data-testid="filing-key-products">
          <Form.List name={fp('keyProducts')}>
            {(fields, { add, remove }) => (
              <>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  locale={{ emptyText: t('filingProfile.system.noKeyProducts') }}
                  columns={[
                    {
                      title: t('filingProfile.system.productType'),
                      width: 260,
                      render: (_, field) => (
                        <>
                          {rowTypeSelect(
                            'productType',
                            t('filingProfile.system.productType'),
                            'keyProducts',
                            field.name,
                          )}
                          {rowOther('productType', field.name, 'keyProducts')}
                        </>
                      ),
                    },
                    {
                      title: t('filingProfile.system.productCount'),
                      width: 120,
                      render: (_, field) => (
                        <Form.Item
                          name={[field.name, 'count']}
                          rules={[
                            { required: true, message: t('filingProfile.system.countRequired') },
                          ]}
                          style={{ margin: 0 }}
                        >
                          <InputNumber
                            min={0}
                            max={1_000_000}
                            precision={0}
                            aria-label={t('filingProfile.system.productCount')}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('filingProfile.system.domesticUse'),
                      width: 160,
                      render: (_, field) => (
                        <Form.Item name={[field.name, 'domesticUse']} style={{ margin: 0 }}>
                          <Select
                            aria-label={t('filingProfile.system.domesticUse')}
                            options={DOMESTIC_USE.map((value) => ({
                              value,
                              label: t(`filingProfile.system.domesticUseValue.${value}`),
                            }))}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('filingProfile.system.domesticRate'),
                      width: 140,
                      render: (_, field) => (
                        <Form.Item noStyle shouldUpdate>
                          {() => {
                            const partial =
                              form.getFieldValue(fp('keyProducts', field.name, 'domesticUse')) ===
                              'partial';
                            return (
                              <Form.Item
                                name={[field.name, 'domesticRate']}
                                rules={
                                  partial
                                    ? [
                                        {
                                          required: true,
                                          message: t('filingProfile.system.domesticRateRequired'),
                                        },
                                      ]
                                    : []
                                }
                                style={{ margin: 0 }}
                              >
                                <InputNumber
                                  min={0}
                                  max={100}
                                  disabled={!partial}
                                  suffix="%"
                                  aria-label={t('filingProfile.system.domesticRate')}
                                  style={{ width: '100%' }}
                                />
                              </Form.Item>
                            );
                          }}
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('common.actions'),
                      width: 60,
                      render: (_, field) => (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('filingProfile.removeRow')}
                          onClick={() => remove(field.name)}
                        />
                      ),
                    },
                  ]}
                />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ domesticUse: 'all', count: 1 })}
                  style={{ marginTop: 8 }}
                >
                  {t('filingProfile.system.addKeyProduct')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title={t('filingProfile.system.services')} data-testid="filing-services">
          <Form.List name={fp('services')}>
            {(fields, { add, remove }) => (
              <>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  locale={{ emptyText: t('filingProfile.system.noServices') }}
                  columns={[
                    {
                      title: t('filingProfile.system.serviceType'),
                      width: 260,
                      render: (_, field) => (
                        <>
                          {rowTypeSelect(
                            'serviceType',
                            t('filingProfile.system.serviceType'),
                            'services',
                            field.name,
                          )}
                          {rowOther('serviceType', field.name, 'services')}
                        </>
                      ),
                    },
                    {
                      title: t('filingProfile.system.provider'),
                      render: (_, field) => (
                        <Form.Item name={[field.name, 'provider']} style={{ margin: 0 }}>
                          <Radio.Group
                            aria-label={t('filingProfile.system.provider')}
                            options={SERVICE_PROVIDERS.map((value) => ({
                              value,
                              label: t(`filingProfile.system.providerValue.${value}`),
                            }))}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('common.actions'),
                      width: 60,
                      render: (_, field) => (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('filingProfile.removeRow')}
                          onClick={() => remove(field.name)}
                        />
                      ),
                    },
                  ]}
                />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ provider: 'domestic' })}
                  style={{ marginTop: 8 }}
                >
                  {t('filingProfile.system.addService')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title={t('filingProfile.system.subsystemGroup')} data-testid="filing-subsystem">
          <Form.Item name={fp('isSubsystem')} label={t('filingProfile.system.isSubsystem')}>
            <Radio.Group
              options={[
                { value: true, label: t('common.yes') },
                { value: false, label: t('common.no') },
              ]}
            />
          </Form.Item>
          {isSubsystem === true && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name={fp('parentSystemName')}
                  label={t('filingProfile.system.parentSystemName')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('filingProfile.system.parentSystemNameRequired'),
                    },
                  ]}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name={fp('parentOrganisationName')}
                  label={t('filingProfile.system.parentOrganisationName')}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('filingProfile.system.subsystemHint')}
          </Typography.Paragraph>
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
