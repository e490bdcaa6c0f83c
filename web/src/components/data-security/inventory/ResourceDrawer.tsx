import { ProblemsAlert } from '../../ProblemsAlert';
import { ConflictAlert } from '../../ConflictAlert';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
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
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATA_FORMATS,
  DATA_GRADES,
  DataResourceInputSchema,
  HARM_LEVELS,
  IMPACT_OBJECTS,
  type DataFormat,
  type DataGrade,
  type ImpactJudgement,
} from '../../../../../src/shared/data-security-schemas';
import type { ResourceBody, ResourceView } from '../../../api/data-security-client';
import { isVersionConflict } from '../../../api/data-security-hooks';
import { useAllSystems } from '../../../api/hooks';
import { useActivities } from '../../../api/privacy-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { pick } from '../../../lib/language';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { useCan } from '../../OrganisationScope';
import { countryOptions } from '../../privacy/countries';
import {
  serverProblems,
  showProblems,
  zodProblems,
  type FieldProblem,
} from '../../privacy/form-errors';
import { useCategoryIndex } from '../../privacy/privacy-labels';
import { ClassificationView } from './ClassificationView';
import { GradeTag, suggestEntry, useEntryIndex } from './labels';

interface FormValues {
  code: string;
  name: string;
  description?: string;
  sector?: string | null;
  systemIds: string[];
  records?: number | null;
  volumeText?: string;
  individuals?: number | null;
  formats: DataFormat[];
  locations: string[];
  owner?: string;
  sources: string[];
  recipients: string[];
  crossBorder: boolean;
  crossBorderDestinations: string[];
  piCategories: string[];
  privacyActivityCodes: string[];
  catalogueEntry?: string | null;
  impacts: {
    object?: ImpactJudgement['object'];
    degree?: ImpactJudgement['degree'];
    reason?: string;
  }[];
  declaredGrade?: DataGrade | null;
  declaredOn?: Dayjs | null;
  declarationReference?: string;
  note?: string;
}

const EMPTY: FormValues = {
  code: '',
  name: '',
  systemIds: [],
  formats: [],
  locations: [],
  sources: [],
  recipients: [],
  crossBorder: false,
  crossBorderDestinations: [],
  piCategories: [],
  privacyActivityCodes: [],
  impacts: [],
  individuals: 0,
};

const toForm = (r: ResourceView): FormValues => ({
  code: r.code,
  name: r.name,
  description: r.description ?? '',
  sector: r.sector ?? null,
  systemIds: [...r.systemIds],
  records: r.records ?? null,
  volumeText: r.volumeText ?? '',
  individuals: r.individuals,
  formats: [...r.formats],
  locations: [...r.locations],
  owner: r.owner ?? '',
  sources: [...r.sources],
  recipients: [...r.recipients],
  crossBorder: r.crossBorder,
  crossBorderDestinations: [...r.crossBorderDestinations],
  piCategories: [...r.piCategories],
  privacyActivityCodes: [...r.privacyActivityCodes],
  catalogueEntry: r.catalogueEntry ?? null,
  impacts: r.impacts.map((i) => ({ ...i, reason: i.reason ?? '' })),
  declaredGrade: r.declaredGrade ?? null,
  declaredOn: fromIsoDate(r.declaredOn),
  declarationReference: r.declarationReference ?? '',
  note: r.note ?? '',
});

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

const toBody = (v: FormValues): ResourceBody => ({
  code: (v.code ?? '').trim(),
  name: (v.name ?? '').trim(),
  description: blank(v.description),
  sector: v.sector ?? null,
  systemIds: v.systemIds ?? [],
  records: v.records ?? null,
  volumeText: blank(v.volumeText),
  individuals: v.individuals ?? 0,
  formats: v.formats ?? [],
  locations: v.locations ?? [],
  owner: blank(v.owner),
  sources: v.sources ?? [],
  recipients: v.recipients ?? [],
  crossBorder: v.crossBorder ?? false,
  crossBorderDestinations: v.crossBorder ? (v.crossBorderDestinations ?? []) : [],
  piCategories: v.piCategories ?? [],
  privacyActivityCodes: v.privacyActivityCodes ?? [],
  catalogueEntry: v.catalogueEntry ?? null,
  impacts: (v.impacts ?? []).map((i) => ({
    object: i.object!,
    degree: i.degree!,
    reason: blank(i.reason),
  })),
  declaredGrade: v.declaredGrade ?? null,
  declaredOn: toIsoDate(v.declaredOn ?? null),
  declarationReference: blank(v.declarationReference),
  note: blank(v.note),
});

const full = { style: { width: '100%' } } as const;

/**
 * 新增数据资源 / 编辑数据资源: every field of DataResourceInputSchema, checked with the same
 * schema before sending; after saving, the classification and why; a 409 offers 载入最新内容.
 */
export function ResourceDrawer({
  orgId,
  open,
  resource,
  submitting,
  error,
  canWrite,
  onClose,
  onSubmit,
  onReload,
}: {
  orgId: string;
  open: boolean;
  resource?: ResourceView;
  submitting: boolean;
  error: unknown;
  canWrite: boolean;
  onClose: () => void;
  onSubmit: (body: ResourceBody) => Promise<void>;
  onReload: () => Promise<ResourceView | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [form] = Form.useForm<FormValues>();
  const categories = useCategoryIndex();
  const entries = useEntryIndex();
  const systems = useAllSystems(orgId, { enabled: open });
  const canReadPrivacy = useCan('privacy.read');
  const activities = useActivities(orgId);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(resource ? toForm(resource) : EMPTY);
    setProblems([]);
  }, [open, resource, form]);

  useEffect(() => {
    if (!error) return;
    const found = serverProblems(error, language);
    setProblems(found);
    showProblems(form, found);
  }, [error, form, language]);

  const sector = Form.useWatch('sector', form);
  const name = Form.useWatch('name', form);
  const description = Form.useWatch('description', form);
  const picked = Form.useWatch('piCategories', form);
  const individuals = Form.useWatch('individuals', form);
  const chosenEntry = Form.useWatch('catalogueEntry', form);
  const crossBorder = Form.useWatch('crossBorder', form) ?? false;
  const countries = useMemo(() => countryOptions(language), [language]);

  const sectorEntries = entries.entriesFor(sector);
  const suggestion = suggestEntry(sectorEntries, {
    name,
    description,
    piCategories: picked,
    individuals: individuals ?? 0,
  });
  const entryLabel = (e: { nameZh: string; nameEn: string; sectorLevel: string | null }) =>
    `${pick(language, e.nameZh, e.nameEn)}${e.sectorLevel ? ` · ${e.sectorLevel}` : ''}`;

  const submit = async () => {
    const body = toBody(form.getFieldsValue(true) as FormValues);
    const checked = DataResourceInputSchema.safeParse(body);
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
    const latest = await onReload();
    if (!latest) return;
    form.resetFields();
    form.setFieldsValue(toForm(latest));
    setProblems([]);
  };

  const conflict = isVersionConflict(error);
  const stringTags = (aria: string) => (
    <Select mode="tags" aria-label={aria} open={false} tokenSeparators={[',', '，', '、']} />
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={880}
      title={
        resource
          ? t('dataSecurity.resource.edit', { code: resource.code })
          : t('dataSecurity.resource.create')
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {canWrite && (
            <Button type="primary" loading={submitting} onClick={() => void submit()}>
              {resource ? t('common.save') : t('common.create')}
            </Button>
          )}
        </Space>
      }
      destroyOnHidden
    >
      {conflict && <ConflictAlert onReload={() => void reload()} testId="datasec-conflict" />}
      {!conflict && error != null && problems.length === 0 && (
        <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      )}
      <ProblemsAlert
        title={t('dataSecurity.problems', { count: problems.length })}
        problems={problems}
        testId="datasec-problems"
      />
      {resource && (
        <div style={{ marginBottom: 16 }}>
          <ClassificationView resource={resource} />
        </div>
      )}
      <Form
        name="dataResource"
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={!canWrite}
        onFinish={() => void submit()}
      >
        <Flex gap={16}>
          <Form.Item
            name="code"
            label={t('dataSecurity.field.code')}
            required
            style={{ width: 180 }}
          >
            <Input maxLength={40} placeholder="DR-001" />
          </Form.Item>
          <Form.Item name="name" label={t('dataSecurity.field.name')} required style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('dataSecurity.field.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="sector" label={t('dataSecurity.field.sector')} style={{ width: 260 }}>
            <Select
              allowClear
              aria-label={t('dataSecurity.field.sector')}
              loading={entries.loading}
              options={entries.sectors}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item name="systemIds" label={t('dataSecurity.field.systems')} style={{ flex: 1 }}>
            <Select
              mode="multiple"
              aria-label={t('dataSecurity.field.systems')}
              loading={systems.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="records" label={t('dataSecurity.field.records')} style={{ width: 200 }}>
            <InputNumber min={0} precision={0} {...full} />
          </Form.Item>
          <Form.Item
            name="individuals"
            label={t('dataSecurity.field.individuals')}
            extra={t('dataSecurity.resource.individualsHint')}
            style={{ width: 220 }}
          >
            <InputNumber
              min={0}
              precision={0}
              {...full}
              aria-label={t('dataSecurity.field.individuals')}
            />
          </Form.Item>
          <Form.Item
            name="volumeText"
            label={t('dataSecurity.field.volumeText')}
            style={{ flex: 1 }}
          >
            <Input maxLength={100} placeholder={t('dataSecurity.resource.volumePlaceholder')} />
          </Form.Item>
        </Flex>
        <Form.Item name="piCategories" label={t('dataSecurity.field.piCategories')}>
          <Select
            mode="multiple"
            aria-label={t('dataSecurity.field.piCategories')}
            loading={categories.loading}
            showSearch={{ optionFilterProp: 'search' }}
            options={categories.list.map((c) => ({
              value: c.code,
              label: pick(language, c.nameZh, c.nameEn),
              search: `${c.nameZh} ${c.nameEn} ${c.code}`,
              sensitive: c.sensitive,
            }))}
            optionRender={(o) => (
              <Space size={6}>
                <span>{o.label}</span>
                {o.data.sensitive && <Tag color="red">{t('privacy.sensitive.tag')}</Tag>}
              </Space>
            )}
          />
        </Form.Item>
        <Form.Item
          name="catalogueEntry"
          label={t('dataSecurity.field.catalogueEntry')}
          extra={t('dataSecurity.resource.entryHint')}
        >
          <Select
            allowClear
            aria-label={t('dataSecurity.field.catalogueEntry')}
            loading={entries.loading}
            showSearch={{ optionFilterProp: 'search' }}
            options={sectorEntries.map((e) => ({
              value: e.ref,
              label: entryLabel(e),
              search: `${e.nameZh} ${e.nameEn} ${e.keywords.join(' ')}`,
              grade: e.grade,
              catalogue: e.catalogueTitle,
            }))}
            optionRender={(o) => (
              <Space size={6} wrap>
                <GradeTag grade={o.data.grade} />
                <span>{o.label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.data.catalogue}
                </Typography.Text>
              </Space>
            )}
          />
        </Form.Item>
        {suggestion && suggestion.ref !== chosenEntry && (
          <Alert
            type="info"
            showIcon
            data-testid="entry-suggestion"
            style={{ marginBottom: 16 }}
            title={
              <Space wrap>
                <span>{t('dataSecurity.resource.suggestion')}</span>
                <GradeTag grade={suggestion.grade} />
                <Typography.Text strong>{entryLabel(suggestion)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {suggestion.catalogueTitle}
                </Typography.Text>
                {canWrite && (
                  <Button
                    size="small"
                    onClick={() => form.setFieldValue('catalogueEntry', suggestion.ref)}
                  >
                    {t('dataSecurity.resource.useSuggestion')}
                  </Button>
                )}
              </Space>
            }
          />
        )}
        <Divider titlePlacement="start" plain>
          {t('dataSecurity.resource.impactsTitle')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('dataSecurity.resource.impactsHint')}
        </Typography.Paragraph>
        <Form.List name="impacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'object']} style={{ width: 200 }} required>
                    <Select
                      aria-label={t('dataSecurity.field.impactObject')}
                      placeholder={t('dataSecurity.field.impactObject')}
                      options={IMPACT_OBJECTS.map((o) => ({
                        value: o,
                        label: t(`dataSecurity.impactObject.${o}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'degree']} style={{ width: 160 }} required>
                    <Select
                      aria-label={t('dataSecurity.field.harmLevel')}
                      placeholder={t('dataSecurity.field.harmLevel')}
                      options={HARM_LEVELS.map((o) => ({
                        value: o,
                        label: t(`dataSecurity.harm.${o}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reason']} style={{ flex: 1 }}>
                    <Input maxLength={1000} placeholder={t('dataSecurity.field.impactReason')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('dataSecurity.resource.removeImpact')}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              {fields.length < IMPACT_OBJECTS.length && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  style={{ marginBottom: 16 }}
                >
                  {t('dataSecurity.resource.addImpact')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start" plain>
          {t('dataSecurity.resource.detailsTitle')}
        </Divider>
        <Flex gap={16}>
          <Form.Item name="formats" label={t('dataSecurity.field.formats')} style={{ flex: 1 }}>
            <Select
              mode="multiple"
              aria-label={t('dataSecurity.field.formats')}
              options={DATA_FORMATS.map((f) => ({
                value: f,
                label: t(`dataSecurity.format.${f}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="owner" label={t('dataSecurity.field.owner')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="locations"
          label={t('dataSecurity.field.locations')}
          extra={t('dataSecurity.resource.tagsHint')}
        >
          {stringTags(t('dataSecurity.field.locations'))}
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="sources" label={t('dataSecurity.field.sources')} style={{ flex: 1 }}>
            {stringTags(t('dataSecurity.field.sources'))}
          </Form.Item>
          <Form.Item
            name="recipients"
            label={t('dataSecurity.field.recipients')}
            style={{ flex: 1 }}
          >
            {stringTags(t('dataSecurity.field.recipients'))}
          </Form.Item>
        </Flex>
        <Flex gap={16} align="start">
          <Form.Item
            name="crossBorder"
            label={t('dataSecurity.field.crossBorder')}
            valuePropName="checked"
            style={{ width: 160 }}
          >
            <Switch aria-label={t('dataSecurity.field.crossBorder')} />
          </Form.Item>
          {crossBorder && (
            <Form.Item
              name="crossBorderDestinations"
              label={t('dataSecurity.field.destinations')}
              style={{ flex: 1 }}
            >
              <Select
                mode="multiple"
                aria-label={t('dataSecurity.field.destinations')}
                options={countries}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          )}
        </Flex>
        {canReadPrivacy && (
          <Form.Item name="privacyActivityCodes" label={t('dataSecurity.field.privacyActivities')}>
            <Select
              mode="multiple"
              aria-label={t('dataSecurity.field.privacyActivities')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(activities.data ?? []).map((a) => ({
                value: a.code,
                label: `${a.code} · ${a.name}`,
              }))}
            />
          </Form.Item>
        )}
        <Divider titlePlacement="start" plain>
          {t('dataSecurity.resource.declarationTitle')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('dataSecurity.resource.declarationHint')}
        </Typography.Paragraph>
        <Flex gap={16}>
          <Form.Item
            name="declaredGrade"
            label={t('dataSecurity.field.declaredGrade')}
            style={{ width: 180 }}
          >
            <Select
              allowClear
              aria-label={t('dataSecurity.field.declaredGrade')}
              options={DATA_GRADES.map((g) => ({ value: g, label: t(`dataSecurity.grade.${g}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="declaredOn"
            label={t('dataSecurity.field.declaredOn')}
            style={{ width: 180 }}
          >
            <DatePicker
              format={DATE_FORMAT}
              {...full}
              aria-label={t('dataSecurity.field.declaredOn')}
            />
          </Form.Item>
          <Form.Item
            name="declarationReference"
            label={t('dataSecurity.field.declarationReference')}
            style={{ flex: 1 }}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('dataSecurity.field.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
