import { ProblemsAlert } from '../../ProblemsAlert';
import { ConflictAlert } from '../../ConflictAlert';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APP_PLATFORMS,
  AppCheckInputSchema,
  NOTICE_ELEMENTS,
  REQUEST_MOMENTS,
} from '../../../../../src/shared/data-security-schemas';
import type { AppCheckBody, AppCheckView } from '../../../api/app-checks-client';
import { isVersionConflict, useAppCatalog } from '../../../api/app-checks-hooks';
import { DATE_FORMAT } from '../../../lib/dates';
import { pick } from '../../../lib/language';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import {
  serverProblems,
  showProblems,
  zodProblems,
  type FieldProblem,
} from '../../privacy/form-errors';
import {
  CONSENT_KEYS,
  emptyAppCheck,
  isOverCollected,
  toAppCheckBody,
  toAppCheckForm,
  type AppCheckFormValues,
} from './app-check-form';

const CN_NUMERALS = '〇一二三四五六七八九';
/** 1 → 一, 12 → 十二, 39 → 三十九 (the 2021 rules number the types so). */
function cnNumber(n: number): string {
  if (n < 10) return CN_NUMERALS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CN_NUMERALS[tens] : ''}十${ones ? CN_NUMERALS[ones] : ''}`;
}

/** 新增 App 检查 / 编辑: the app, its type's necessary items, what it asks for and collects. */
export function AppCheckDrawer({
  open,
  check,
  submitting,
  error,
  canWrite,
  onClose,
  onSubmit,
  onReload,
}: {
  open: boolean;
  check?: AppCheckView;
  submitting: boolean;
  error: unknown;
  canWrite: boolean;
  onClose: () => void;
  onSubmit: (body: AppCheckBody) => Promise<void>;
  onReload?: () => Promise<AppCheckView | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const zh = language !== 'en';
  const [form] = Form.useForm<AppCheckFormValues>();
  const catalog = useAppCatalog();
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(check ? toAppCheckForm(check) : emptyAppCheck());
    setProblems([]);
  }, [open, check, form]);

  useEffect(() => {
    if (!error) return;
    const found = serverProblems(error, language);
    setProblems(found);
    showProblems(form, found);
  }, [error, form, language]);

  const typeId = Form.useWatch('appType', form);
  const collected = Form.useWatch('collected', form) ?? [];
  const type = catalog.data?.types.find((x) => x.id === typeId);
  const itemName = (id: string) => {
    const item = catalog.data?.items.find((i) => i.id === id);
    return item ? pick(language, item.nameZh, item.nameEn) : id;
  };
  const necessaryOptions = (type?.items ?? []).map((i) => ({
    value: i.item,
    label: itemName(i.item),
  }));
  const otherOptions = (catalog.data?.items ?? [])
    .filter((i) => !type?.items.some((x) => x.item === i.id))
    .map((i) => ({ value: i.id, label: pick(language, i.nameZh, i.nameEn) }));

  const submit = async () => {
    const body = toAppCheckBody(form.getFieldsValue(true) as AppCheckFormValues);
    const checked = AppCheckInputSchema.safeParse(body);
    if (!checked.success) {
      const found = zodProblems(checked.error, language);
      setProblems(found);
      showProblems(form, found);
      return;
    }
    setProblems([]);
    await onSubmit(body).catch(() => undefined);
  };
  const reload = async () => {
    const latest = await onReload?.();
    if (!latest) return;
    form.resetFields();
    form.setFieldsValue(toAppCheckForm(latest));
    setProblems([]);
  };
  const conflict = isVersionConflict(error);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={1000}
      title={check ? t('appChecks.edit', { name: check.name }) : t('appChecks.create')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {canWrite && (
            <Button type="primary" loading={submitting} onClick={() => void submit()}>
              {t('appChecks.saveAndCheck')}
            </Button>
          )}
        </Space>
      }
      destroyOnHidden
    >
      {conflict && <ConflictAlert onReload={() => void reload()} />}
      {!conflict && error !== null && error !== undefined && problems.length === 0 && (
        <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      )}
      <ProblemsAlert
        title={t('incidents.problems', { count: problems.length })}
        problems={problems}
      />
      <Form
        name="appCheck"
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={!canWrite}
      >
        <Flex gap={16}>
          <Form.Item name="code" label={t('appChecks.field.code')} required style={{ width: 150 }}>
            <Input maxLength={40} placeholder="APP-1" />
          </Form.Item>
          <Form.Item name="name" label={t('appChecks.field.name')} required style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="platform"
            label={t('appChecks.field.platform')}
            required
            style={{ width: 150 }}
          >
            <Select
              aria-label={t('appChecks.field.platform')}
              options={APP_PLATFORMS.map((p) => ({
                value: p,
                label: t(`appChecks.platform.${p}`),
              }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="appType" label={t('appChecks.field.appType')} style={{ flex: 2 }}>
            <Select
              allowClear
              aria-label={t('appChecks.field.appType')}
              loading={catalog.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('appChecks.typeNone')}
              options={(catalog.data?.types ?? []).map((x, index) => {
                const n = x.number ?? index + 1;
                return {
                  value: x.id,
                  label: zh ? `（${cnNumber(n)}）${x.nameZh}` : `(${n}) ${x.nameEn}`,
                };
              })}
            />
          </Form.Item>
          <Form.Item name="appVersion" label={t('appChecks.field.version')} style={{ width: 120 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="packageId" label={t('appChecks.field.packageId')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        {catalog.isError && <ApiErrorAlert error={catalog.error} style={{ marginBottom: 12 }} />}
        {type && (
          <Alert
            type="info"
            showIcon
            data-testid="app-type-info"
            style={{ marginBottom: 16 }}
            title={t('appChecks.basicFunction', {
              fn: pick(language, type.basicFunctionZh, type.basicFunctionEn),
            })}
            description={
              type.noPersonalInformationNeeded ? (
                t('appChecks.noPiNeeded')
              ) : (
                <Space size={[4, 4]} wrap>
                  <Typography.Text type="secondary">
                    {t('appChecks.necessaryItems')}
                  </Typography.Text>
                  {type.items.map((i) => (
                    <Tag key={i.item} color="green">
                      {itemName(i.item)}
                      {(zh ? i.conditionZh : i.conditionEn) &&
                        `（${zh ? i.conditionZh : i.conditionEn}）`}
                    </Tag>
                  ))}
                </Space>
              )
            }
          />
        )}
        <Flex gap={16}>
          <Form.Item
            name="checkedOn"
            label={t('appChecks.field.checkedOn')}
            required
            style={{ width: 180 }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="checkedBy" label={t('appChecks.field.checkedBy')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>

        <Divider titlePlacement="start" plain>
          {t('appChecks.section.collected')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('appChecks.hint.collected')}
        </Typography.Paragraph>
        <Form.List name="collected">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const over = isOverCollected(catalog.data, typeId, collected[index]?.item);
                const what = t('appChecks.rowN', { n: index + 1 });
                return (
                  <div
                    key={field.key}
                    data-testid={`collected-${index}`}
                    style={{
                      borderInlineStart: `3px solid ${over ? '#ff4d4f' : 'transparent'}`,
                      paddingInlineStart: 8,
                      marginBottom: 4,
                    }}
                  >
                    <Flex gap={8} align="start" wrap>
                      <Form.Item
                        name={[field.name, 'item']}
                        label={t('appChecks.collected.item')}
                        required
                        style={{ width: 240, marginBottom: 4 }}
                        getValueProps={(v: string | undefined) => ({ value: v ? [v] : [] })}
                        normalize={(v: string[]) => v.at(-1) ?? ''}
                      >
                        <Select
                          mode="tags"
                          aria-label={`${what} ${t('appChecks.collected.item')}`}
                          showSearch={{ optionFilterProp: 'label' }}
                          options={[
                            ...(necessaryOptions.length > 0
                              ? [
                                  {
                                    label: t('appChecks.necessaryGroup'),
                                    options: necessaryOptions,
                                  },
                                ]
                              : []),
                            { label: t('appChecks.otherGroup'), options: otherOptions },
                          ]}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'function']}
                        label={t('appChecks.collected.function')}
                        required
                        style={{ flex: 1, minWidth: 180, marginBottom: 4 }}
                      >
                        <Input
                          aria-label={`${what} ${t('appChecks.collected.function')}`}
                          maxLength={200}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        aria-label={`${t('appChecks.remove')} ${what}`}
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: 30 }}
                      />
                    </Flex>
                    <Space size={16} wrap>
                      {(
                        [
                          'basicFunction',
                          'requiredToUse',
                          'collectedBeforeConsent',
                          'disclosedInNotice',
                        ] as const
                      ).map((k) => (
                        <Form.Item
                          key={k}
                          name={[field.name, k]}
                          valuePropName="checked"
                          style={{ marginBottom: 8 }}
                        >
                          <Checkbox>{t(`appChecks.collected.${k}`)}</Checkbox>
                        </Form.Item>
                      ))}
                      {over && (
                        <Tag color="red" data-testid="over-collected-tag">
                          {t('appChecks.beyondNecessary')}
                        </Tag>
                      )}
                    </Space>
                  </div>
                );
              })}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    basicFunction: true,
                    requiredToUse: false,
                    collectedBeforeConsent: false,
                    disclosedInNotice: true,
                  })
                }
              >
                {t('appChecks.collected.add')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('appChecks.section.permissions')}
        </Divider>
        <Form.List name="permissions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const what = t('appChecks.rowN', { n: index + 1 });
                return (
                  <Flex key={field.key} gap={8} align="start" wrap>
                    <Form.Item
                      name={[field.name, 'name']}
                      required
                      label={t('appChecks.permission.name')}
                      style={{ width: 300, marginBottom: 8 }}
                    >
                      <Input
                        aria-label={`${what} ${t('appChecks.permission.name')}`}
                        maxLength={200}
                        placeholder="android.permission.ACCESS_FINE_LOCATION"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'requestedAt']}
                      label={t('appChecks.permission.requestedAt')}
                      style={{ width: 130, marginBottom: 8 }}
                    >
                      <Select
                        options={REQUEST_MOMENTS.map((m) => ({
                          value: m,
                          label: t(`appChecks.moment.${m}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'purpose']}
                      label={t('appChecks.permission.purpose')}
                      style={{ flex: 1, minWidth: 160, marginBottom: 8 }}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'function']}
                      label={t('appChecks.permission.function')}
                      style={{ width: 160, marginBottom: 8 }}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      aria-label={`${t('appChecks.remove')} ${what}`}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Flex>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ requestedAt: 'on_use' })}>
                {t('appChecks.permission.add')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('appChecks.section.sdks')}
        </Divider>
        <Form.List name="sdks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const what = t('appChecks.rowN', { n: index + 1 });
                return (
                  <Flex key={field.key} gap={8} align="start" wrap>
                    <Form.Item
                      name={[field.name, 'name']}
                      required
                      label={t('appChecks.sdk.name')}
                      style={{ width: 180, marginBottom: 8 }}
                    >
                      <Input aria-label={`${what} ${t('appChecks.sdk.name')}`} maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'vendor']}
                      label={t('appChecks.sdk.vendor')}
                      style={{ width: 160, marginBottom: 8 }}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'purpose']}
                      label={t('appChecks.sdk.purpose')}
                      style={{ width: 160, marginBottom: 8 }}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'items']}
                      label={t('appChecks.sdk.items')}
                      style={{ flex: 1, minWidth: 160, marginBottom: 8 }}
                    >
                      <Select
                        mode="tags"
                        options={(catalog.data?.items ?? []).map((i) => ({
                          value: i.id,
                          label: pick(language, i.nameZh, i.nameEn),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'disclosedInNotice']}
                      valuePropName="checked"
                      label=" "
                      style={{ marginBottom: 8 }}
                    >
                      <Checkbox>{t('appChecks.sdk.disclosed')}</Checkbox>
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      aria-label={`${t('appChecks.remove')} ${what}`}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Flex>
                );
              })}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ items: [], disclosedInNotice: false })}
              >
                {t('appChecks.sdk.add')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('appChecks.section.notice')}
        </Divider>
        <Form.Item name="privacyPolicyUrl" label={t('appChecks.field.privacyPolicyUrl')}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="noticeElements" label={t('appChecks.field.noticeElements')}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {NOTICE_ELEMENTS.map((e) => (
              <Checkbox key={e} value={e}>
                {t(`appChecks.notice.${e}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('appChecks.section.consent')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('appChecks.hint.consent')}
        </Typography.Paragraph>
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {CONSENT_KEYS.map((k) => (
            <Flex key={k} gap={12} align="center">
              <Form.Item name={['consent', k]} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Switch
                  size="small"
                  aria-label={t(`appChecks.consent.${k}`)}
                  checkedChildren={t('common.yes')}
                  unCheckedChildren={t('common.no')}
                />
              </Form.Item>
              <Typography.Text>{t(`appChecks.consent.${k}`)}</Typography.Text>
            </Flex>
          ))}
        </Space>
        <Form.Item name="note" label={t('appChecks.field.note')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
