import { ProblemsAlert } from '../ProblemsAlert';
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
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ActivityInputSchema,
  CONSENT_CASES,
  DATA_SUBJECT_KINDS,
  EXEMPTION_GROUNDS,
  LEGAL_BASES,
  RECIPIENT_RELATIONSHIPS,
  TRANSFER_MECHANISMS,
} from '../../../../src/shared/privacy-schemas';
import { useAllSystems } from '../../api/hooks';
import type { ActivityBody, ActivityView } from '../../api/privacy-client';
import { isVersionConflict, usePrivacyProfile } from '../../api/privacy-hooks';
import { DATE_FORMAT } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import {
  EMPTY_ACTIVITY,
  toActivityBody,
  toActivityForm,
  type ActivityFormValues,
} from './activity-form';
import { BatchesTable } from './BatchesTable';
import { countryOptions } from './countries';
import { serverProblems, showProblems, zodProblems, type FieldProblem } from './form-errors';
import { SensitiveTag, useCategoryIndex } from './privacy-labels';

const dateField = { format: DATE_FORMAT, style: { width: '100%' } } as const;

/**
 * 新建处理活动 / 编辑处理活动: every field of ActivityInputSchema, checked with the same schema
 * before sending; the server's problems land on their fields; a 409 offers 载入最新内容.
 */
export function ActivityDrawer({
  orgId,
  open,
  activity,
  submitting,
  error,
  canWrite,
  onClose,
  onSubmit,
  onReload,
}: {
  orgId: string;
  open: boolean;
  activity?: ActivityView;
  submitting: boolean;
  error: unknown;
  canWrite: boolean;
  onClose: () => void;
  onSubmit: (body: ActivityBody) => Promise<void>;
  /** Fetches the activity as saved now (after a 409). */
  onReload?: () => Promise<ActivityView | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [form] = Form.useForm<ActivityFormValues>();
  const categories = useCategoryIndex();
  const systems = useAllSystems(orgId, { enabled: open });
  const profile = usePrivacyProfile(orgId);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(activity ? toActivityForm(activity) : EMPTY_ACTIVITY);
    setProblems([]);
  }, [open, activity, form]);

  useEffect(() => {
    if (!error) return;
    const found = serverProblems(error, language);
    setProblems(found);
    showProblems(form, found);
  }, [error, form, language]);

  const pickedCategories = Form.useWatch('dataCategories', form) ?? [];
  const recipients = Form.useWatch('recipients', form) ?? [];
  const faceEnabled = Form.useWatch('faceEnabled', form) ?? false;
  const transfers = Form.useWatch('transfers', form) ?? [];
  const sensitivePicked = categories.sensitiveOf(pickedCategories);
  const countries = useMemo(() => countryOptions(language), [language]);

  const categoryOptions = categories.list.map((c) => ({
    value: c.code,
    label: language.startsWith('zh') ? c.nameZh : c.nameEn,
    sensitive: c.sensitive,
    search: `${c.nameZh} ${c.nameEn} ${c.code}`,
  }));
  const selectCategories = (aria: string) => (
    <Select
      mode="multiple"
      aria-label={aria}
      showSearch={{ optionFilterProp: 'search' }}
      loading={categories.loading}
      options={categoryOptions}
      optionRender={(o) => (
        <Space size={6}>
          <span>{o.label}</span>
          {o.data.sensitive && <Tag color="red">{t('privacy.sensitive.tag')}</Tag>}
        </Space>
      )}
      tagRender={({ value, closable, onClose: close }) => {
        const c = categories.byCode.get(String(value));
        return (
          <Tag
            color={c?.sensitive ? 'red' : undefined}
            closable={closable}
            onClose={close}
            style={{ marginInlineEnd: 4 }}
          >
            {categories.name(String(value))}
          </Tag>
        );
      }}
    />
  );

  const abroadRecipients = recipients
    .filter((r) => r?.key && r.country && r.country !== 'CN')
    .map((r) => ({ value: r.key!, label: `${r.key} · ${r.name ?? ''} (${r.country})` }));

  const submit = async () => {
    const values = form.getFieldsValue(true) as ActivityFormValues;
    const body = toActivityBody(values);
    const checked = ActivityInputSchema.safeParse(body);
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
    form.setFieldsValue(toActivityForm(latest));
    setProblems([]);
  };

  const conflict = isVersionConflict(error);
  const title = activity
    ? t('privacy.activity.edit', { code: activity.code })
    : t('privacy.activity.create');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={860}
      title={title}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {canWrite && (
            <Button type="primary" loading={submitting} onClick={() => void submit()}>
              {activity ? t('common.save') : t('common.create')}
            </Button>
          )}
        </Space>
      }
      destroyOnHidden
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="privacy-activity-conflict"
          title={t('privacy.conflict.title')}
          description={
            <Typography.Text>
              {t('privacy.conflict.description')}{' '}
              <Button size="small" onClick={() => void reload()}>
                {t('privacy.conflict.reload')}
              </Button>
            </Typography.Text>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {!conflict && error !== null && error !== undefined && problems.length === 0 && (
        <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      )}
      <ProblemsAlert
        title={t('privacy.activity.problems', { count: problems.length })}
        problems={problems}
        testId="privacy-activity-problems"
      />
      <Form
        name="privacyActivity"
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={!canWrite}
        onFinish={() => void submit()}
      >
        <Flex gap={16}>
          <Form.Item name="code" label={t('privacy.field.code')} required style={{ width: 180 }}>
            <Input maxLength={40} placeholder="PA-001" />
          </Form.Item>
          <Form.Item name="name" label={t('privacy.field.name')} required style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item name="purpose" label={t('privacy.field.purpose')} required>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="legalBases"
          label={t('privacy.field.legalBases')}
          required
          extra={t('privacy.activity.legalBasesHint')}
        >
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {LEGAL_BASES.map((b, i) => (
              <Checkbox key={b} value={b}>
                {`(${i + 1}) `}
                {t(`privacy.legalBasis.${b}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="dataCategories"
          label={t('privacy.field.dataCategories')}
          required
          extra={t('privacy.activity.categoriesHint')}
        >
          {selectCategories(t('privacy.field.dataCategories'))}
        </Form.Item>
        {sensitivePicked.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="privacy-sensitive-picked"
            title={t('privacy.activity.sensitivePicked')}
            description={<SensitiveTag categories={sensitivePicked} index={categories} />}
          />
        )}
        <Form.Item name="dataSubjects" label={t('privacy.field.dataSubjects')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            mode="multiple"
            aria-label={t('privacy.field.dataSubjects')}
            options={DATA_SUBJECT_KINDS.map((k) => ({
              value: k,
              label: t(`privacy.subject.${k}`),
            }))}
          />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            name="individuals"
            label={t('privacy.field.individuals')}
            required
            style={{ flex: 1 }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="sensitiveIndividuals"
            label={t('privacy.field.sensitiveIndividuals')}
            style={{ flex: 1 }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="minorsUnder14"
            label={t('privacy.field.minorsUnder14')}
            style={{ flex: 1 }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item
            name="retention"
            label={t('privacy.field.retention')}
            required
            style={{ flex: 2 }}
          >
            <Input maxLength={500} placeholder={t('privacy.activity.retentionPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="retentionMonths"
            label={t('privacy.field.retentionMonths')}
            style={{ flex: 1 }}
          >
            <InputNumber min={0} max={1200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="deletion" label={t('privacy.field.deletion')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="systemIds" label={t('privacy.field.systems')}>
          <Select
            mode="multiple"
            aria-label={t('privacy.field.systems')}
            loading={systems.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('privacy.activity.recipientsSection')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('privacy.activity.recipientsHint')}
        </Typography.Paragraph>
        <Form.List name="recipients">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const what = t('privacy.activity.recipientN', { n: index + 1 });
                return (
                  <div key={field.key} className="privacy-row" data-testid={`recipient-${index}`}>
                    <Flex gap={8} align="start">
                      <Form.Item
                        name={[field.name, 'key']}
                        required
                        label={t('privacy.field.key')}
                        style={{ width: 110, marginBottom: 8 }}
                      >
                        <Input aria-label={`${what} ${t('privacy.field.key')}`} maxLength={40} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'name']}
                        required
                        label={t('privacy.field.recipientName')}
                        style={{ flex: 2, marginBottom: 8 }}
                      >
                        <Input
                          aria-label={`${what} ${t('privacy.field.recipientName')}`}
                          maxLength={200}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'relationship']}
                        required
                        label={t('privacy.field.relationship')}
                        style={{ width: 150, marginBottom: 8 }}
                      >
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          aria-label={`${what} ${t('privacy.field.relationship')}`}
                          options={RECIPIENT_RELATIONSHIPS.map((r) => ({
                            value: r,
                            label: t(`privacy.relationship.${r}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'country']}
                        required
                        label={t('privacy.field.country')}
                        style={{ width: 170, marginBottom: 8 }}
                      >
                        <Select
                          aria-label={`${what} ${t('privacy.field.country')}`}
                          showSearch={{ optionFilterProp: 'label' }}
                          options={countries}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        aria-label={`${t('privacy.activity.remove')} ${what}`}
                        icon={<DeleteOutlined />}
                        style={{ marginTop: 30 }}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                    <Flex gap={8} align="start">
                      <Form.Item
                        name={[field.name, 'contact']}
                        style={{ width: 200, marginBottom: 8 }}
                      >
                        <Input
                          aria-label={`${what} ${t('privacy.field.contact')}`}
                          placeholder={t('privacy.field.contact')}
                          maxLength={200}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'purpose']}
                        style={{ flex: 1, marginBottom: 8 }}
                      >
                        <Input
                          aria-label={`${what} ${t('privacy.field.recipientPurpose')}`}
                          placeholder={t('privacy.field.recipientPurpose')}
                          maxLength={1000}
                        />
                      </Form.Item>
                    </Flex>
                    <Form.Item
                      name={[field.name, 'dataCategories']}
                      extra={t('privacy.activity.recipientCategoriesHint')}
                      style={{ marginBottom: 12 }}
                    >
                      {selectCategories(`${what} ${t('privacy.field.dataCategories')}`)}
                    </Form.Item>
                  </div>
                );
              })}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    key: `R${fields.length + 1}`,
                    relationship: 'entrusted_processor',
                    country: 'CN',
                    dataCategories: [],
                  })
                }
              >
                {t('privacy.activity.addRecipient')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('privacy.activity.transfersSection')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('privacy.activity.transfersHint')}
        </Typography.Paragraph>
        <Form.List name="transfers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const what = t('privacy.activity.transferN', { n: index + 1 });
                const kind = transfers[index]?.mechanism?.kind;
                return (
                  <div key={field.key} className="privacy-row" data-testid={`transfer-${index}`}>
                    <Flex gap={8} align="start">
                      <Form.Item
                        name={[field.name, 'key']}
                        required
                        label={t('privacy.field.key')}
                        style={{ width: 110, marginBottom: 8 }}
                      >
                        <Input aria-label={`${what} ${t('privacy.field.key')}`} maxLength={40} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'recipientKey']}
                        required
                        label={t('privacy.field.recipientAbroad')}
                        style={{ flex: 1, marginBottom: 8 }}
                      >
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          aria-label={`${what} ${t('privacy.field.recipientAbroad')}`}
                          options={abroadRecipients}
                          notFoundContent={t('privacy.activity.noRecipientAbroad')}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'exemption']}
                        label={t('privacy.field.exemption')}
                        style={{ width: 220, marginBottom: 8 }}
                      >
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          aria-label={`${what} ${t('privacy.field.exemption')}`}
                          allowClear
                          placeholder={t('privacy.exemption.none')}
                          options={EXEMPTION_GROUNDS.map((g) => ({
                            value: g,
                            label: t(`privacy.exemption.${g}`),
                          }))}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        aria-label={`${t('privacy.activity.remove')} ${what}`}
                        icon={<DeleteOutlined />}
                        style={{ marginTop: 30 }}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                    <Flex gap={8} align="start" wrap>
                      <Form.Item
                        name={[field.name, 'mechanism', 'kind']}
                        label={t('privacy.field.mechanism')}
                        style={{ width: 200, marginBottom: 8 }}
                      >
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          aria-label={`${what} ${t('privacy.field.mechanism')}`}
                          allowClear
                          placeholder={t('privacy.mechanism.none')}
                          options={TRANSFER_MECHANISMS.map((m) => ({
                            value: m,
                            label: t(`privacy.mechanism.${m}`),
                          }))}
                        />
                      </Form.Item>
                      {kind === 'standard_contract' && (
                        <Form.Item
                          name={[field.name, 'mechanism', 'contractEffectiveOn']}
                          label={t('privacy.field.contractEffectiveOn')}
                          style={{ width: 180, marginBottom: 8 }}
                        >
                          <DatePicker
                            {...dateField}
                            aria-label={`${what} ${t('privacy.field.contractEffectiveOn')}`}
                          />
                        </Form.Item>
                      )}
                      {kind && (
                        <>
                          <Form.Item
                            name={[field.name, 'mechanism', 'filedOn']}
                            label={t(`privacy.field.filedOn_${kind}`)}
                            style={{ width: 160, marginBottom: 8 }}
                          >
                            <DatePicker
                              {...dateField}
                              aria-label={`${what} ${t(`privacy.field.filedOn_${kind}`)}`}
                            />
                          </Form.Item>
                          {kind !== 'standard_contract' && (
                            <Form.Item
                              name={[field.name, 'mechanism', 'approvedOn']}
                              label={t(`privacy.field.approvedOn_${kind}`)}
                              style={{ width: 160, marginBottom: 8 }}
                            >
                              <DatePicker
                                {...dateField}
                                aria-label={`${what} ${t(`privacy.field.approvedOn_${kind}`)}`}
                              />
                            </Form.Item>
                          )}
                          <Form.Item
                            name={[field.name, 'mechanism', 'reference']}
                            label={t('privacy.field.reference')}
                            style={{ width: 160, marginBottom: 8 }}
                          >
                            <Input
                              aria-label={`${what} ${t('privacy.field.reference')}`}
                              maxLength={100}
                            />
                          </Form.Item>
                        </>
                      )}
                    </Flex>
                    <Flex gap={8} align="start">
                      <Form.Item
                        name={[field.name, 'importantData']}
                        valuePropName="checked"
                        style={{ marginBottom: 8 }}
                      >
                        <Checkbox aria-label={`${what} ${t('privacy.field.importantData')}`}>
                          {t('privacy.field.importantData')}
                        </Checkbox>
                      </Form.Item>
                      <Form.Item name={[field.name, 'note']} style={{ flex: 1, marginBottom: 12 }}>
                        <Input
                          aria-label={`${what} ${t('privacy.field.note')}`}
                          placeholder={t('privacy.field.note')}
                          maxLength={1000}
                        />
                      </Form.Item>
                    </Flex>
                  </div>
                );
              })}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    key: `T${fields.length + 1}`,
                    recipientKey: abroadRecipients[0]?.value,
                    exemption: null,
                    importantData: false,
                    mechanism: { kind: null },
                  })
                }
              >
                {t('privacy.activity.addTransfer')}
              </Button>
            </>
          )}
        </Form.List>

        {activity && (
          <>
            <Divider titlePlacement="start" plain>
              {t('privacy.batch.section')}
            </Divider>
            <BatchesTable orgId={orgId} activity={activity} canWrite={canWrite} />
          </>
        )}

        <Divider titlePlacement="start" plain>
          {t('privacy.activity.consentsSection')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('privacy.activity.consentsHint')}
        </Typography.Paragraph>
        <Form.List name="consents">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const what = t('privacy.activity.consentN', { n: index + 1 });
                return (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item name={[field.name, 'case']} style={{ width: 230, marginBottom: 8 }}>
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        aria-label={`${what} ${t('privacy.field.consentCase')}`}
                        placeholder={t('privacy.field.consentCase')}
                        options={CONSENT_CASES.map((c) => ({
                          value: c,
                          label: t(`privacy.consentCase.${c}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'method']} style={{ flex: 1, marginBottom: 8 }}>
                      <Input
                        aria-label={`${what} ${t('privacy.field.consentMethod')}`}
                        placeholder={t('privacy.field.consentMethod')}
                        maxLength={500}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'evidence']}
                      style={{ width: 160, marginBottom: 8 }}
                    >
                      <Input
                        aria-label={`${what} ${t('privacy.field.consentEvidence')}`}
                        placeholder={t('privacy.field.consentEvidence')}
                        maxLength={500}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'since']} style={{ width: 140, marginBottom: 8 }}>
                      <DatePicker
                        {...dateField}
                        aria-label={`${what} ${t('privacy.field.since')}`}
                        placeholder={t('privacy.field.since')}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      aria-label={`${t('privacy.activity.remove')} ${what}`}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                );
              })}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
                {t('privacy.activity.addConsent')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('privacy.activity.impactSection')}
        </Divider>
        <Space orientation="vertical" size={0} style={{ width: '100%' }}>
          <Form.Item
            name="automatedDecisionMaking"
            valuePropName="checked"
            style={{ marginBottom: 4 }}
          >
            <Checkbox>{t('privacy.field.automatedDecisionMaking')}</Checkbox>
          </Form.Item>
          <Form.Item name="publicDisclosure" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>{t('privacy.field.publicDisclosure')}</Checkbox>
          </Form.Item>
          <Form.Item name="publicCameraImages" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('privacy.field.publicCameraImages')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="otherMajorImpact" label={t('privacy.field.otherMajorImpact')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('privacy.activity.faceSection')}
        </Divider>
        <Form.Item
          name="faceEnabled"
          valuePropName="checked"
          label={t('privacy.field.faceEnabled')}
          extra={t('privacy.activity.faceHint')}
        >
          <Switch aria-label={t('privacy.field.faceEnabled')} />
        </Form.Item>
        {faceEnabled && (
          <>
            <Flex gap={16} wrap>
              <Form.Item
                name={['faceRecognition', 'storedIndividuals']}
                label={t('privacy.field.storedIndividuals')}
                style={{ width: 200 }}
              >
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name={['faceRecognition', 'reachedThresholdOn']}
                label={t('privacy.field.reachedThresholdOn')}
                style={{ width: 200 }}
              >
                <DatePicker {...dateField} />
              </Form.Item>
              <Form.Item
                name={['faceRecognition', 'filedOn']}
                label={t('privacy.field.faceFiledOn')}
                style={{ width: 160 }}
              >
                <DatePicker {...dateField} />
              </Form.Item>
              <Form.Item
                name={['faceRecognition', 'filingReference']}
                label={t('privacy.field.filingReference')}
                style={{ width: 180 }}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Flex>
            <Flex gap={16} wrap>
              <Form.Item
                name={['faceRecognition', 'changedOn']}
                label={t('privacy.field.changedOn')}
                style={{ width: 160 }}
              >
                <DatePicker {...dateField} />
              </Form.Item>
              <Form.Item
                name={['faceRecognition', 'changeFiledOn']}
                label={t('privacy.field.changeFiledOn')}
                style={{ width: 160 }}
              >
                <DatePicker {...dateField} />
              </Form.Item>
              <Form.Item
                name={['faceRecognition', 'stoppedOn']}
                label={t('privacy.field.stoppedOn')}
                style={{ width: 160 }}
              >
                <DatePicker {...dateField} />
              </Form.Item>
              <Form.Item
                name={['faceRecognition', 'deregisteredOn']}
                label={t('privacy.field.deregisteredOn')}
                style={{ width: 160 }}
              >
                <DatePicker {...dateField} />
              </Form.Item>
            </Flex>
            <Space>
              <Form.Item
                name={['faceRecognition', 'storedOnDevice']}
                valuePropName="checked"
                style={{ marginBottom: 8 }}
              >
                <Checkbox>{t('privacy.field.storedOnDevice')}</Checkbox>
              </Form.Item>
              <Form.Item
                name={['faceRecognition', 'alternativeOffered']}
                valuePropName="checked"
                style={{ marginBottom: 8 }}
              >
                <Checkbox>{t('privacy.field.alternativeOffered')}</Checkbox>
              </Form.Item>
            </Space>
          </>
        )}

        <Divider titlePlacement="start" plain>
          {t('privacy.activity.otherSection')}
        </Divider>
        <Flex gap={16}>
          <Form.Item
            name="privacyNoticeVersion"
            label={t('privacy.field.privacyNoticeVersion')}
            style={{ flex: 1 }}
          >
            <Select
              allowClear
              aria-label={t('privacy.field.privacyNoticeVersion')}
              loading={profile.isPending}
              notFoundContent={t('privacy.activity.noNotices')}
              options={(profile.data?.privacyNotices ?? []).map((n) => ({
                value: n.version,
                label: t('privacy.activity.noticeOption', {
                  version: n.version,
                  from: n.effectiveFrom,
                }),
              }))}
            />
          </Form.Item>
          <Form.Item name="owner" label={t('privacy.field.owner')} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('privacy.field.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
