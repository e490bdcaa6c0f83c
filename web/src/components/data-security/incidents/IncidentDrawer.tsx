import { ProblemsAlert } from '../../ProblemsAlert';
import { ConflictAlert } from '../../ConflictAlert';
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
  Radio,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INCIDENT_GRADES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  IncidentInputSchema,
} from '../../../../../src/shared/data-security-schemas';
import { useAllSystems } from '../../../api/hooks';
import type { IncidentBody, IncidentView } from '../../../api/incidents-client';
import {
  isVersionConflict,
  useIncidentGrading,
  useIncidentResources,
} from '../../../api/incidents-hooks';
import { usePiCategories } from '../../../api/privacy-hooks';
import { pick } from '../../../lib/language';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import {
  serverProblems,
  showProblems,
  zodProblems,
  type FieldProblem,
} from '../../privacy/form-errors';
import {
  emptyIncident,
  MEASURE_FLAGS,
  MEASURE_NUMBERS,
  measureMeets,
  REPORT_CONTENT_FIELDS,
  suggestGrade,
  toIncidentBody,
  toIncidentForm,
  toMeasures,
  type IncidentFormValues,
} from './incident-form';
import { GRADE_COLOURS } from './incident-labels';

/** A criterion's text without the trailing draft mark (the source shows as its own tag). */
export function criterionText(c: { textZh: string; textEn: string }, language: string): string {
  return pick(language, c.textZh, c.textEn)
    .replace(/\s*[（(]2023\s*年?\s*(征求意见稿|draft)[）)]\s*$/, '')
    .trim();
}

const timeField = {
  showTime: { format: 'HH:mm' },
  format: 'YYYY-MM-DD HH:mm',
  style: { width: '100%' },
} as const;

/**
 * 登记事件 / 编辑事件: every field of IncidentInputSchema, checked with the same schema before
 * sending. Times are Beijing time. The grading criteria come from the catalog, grouped by grade
 * with their source (2025 annex or 2023 draft); the grade they suggest shows as the form fills.
 */
export function IncidentDrawer({
  orgId,
  open,
  incident,
  submitting,
  error,
  canWrite,
  onClose,
  onSubmit,
  onReload,
}: {
  orgId: string;
  open: boolean;
  incident?: IncidentView;
  submitting: boolean;
  error: unknown;
  canWrite: boolean;
  onClose: () => void;
  onSubmit: (body: IncidentBody) => Promise<void>;
  onReload?: () => Promise<IncidentView | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [form] = Form.useForm<IncidentFormValues>();
  const systems = useAllSystems(orgId, { enabled: open });
  const resources = useIncidentResources(orgId, { enabled: open });
  const grading = useIncidentGrading();
  const categories = usePiCategories();
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(incident ? toIncidentForm(incident) : emptyIncident());
    setProblems([]);
  }, [open, incident, form]);

  useEffect(() => {
    if (!error) return;
    const found = serverProblems(error, language);
    setProblems(found);
    showProblems(form, found);
  }, [error, form, language]);

  const measuresValue = Form.useWatch('measures', form);
  const ticked = Form.useWatch('criteriaMet', form) ?? [];
  const ransomEnabled = Form.useWatch('ransomEnabled', form) ?? false;
  const piEnabled = Form.useWatch('piEnabled', form) ?? false;
  const grade = Form.useWatch('grade', form);
  const status = Form.useWatch('status', form);
  const measures = useMemo(() => toMeasures(measuresValue), [measuresValue]);
  const criteria = useMemo(() => grading.data ?? [], [grading.data]);
  const suggestion = suggestGrade(criteria, measures, ticked);

  const submit = async () => {
    const values = form.getFieldsValue(true) as IncidentFormValues;
    const body = toIncidentBody(values, incident);
    const checked = IncidentInputSchema.safeParse(body);
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
    form.setFieldsValue(toIncidentForm(latest));
    setProblems([]);
  };

  const conflict = isVersionConflict(error);
  const gradeLabel = (g: string) => t(`incidents.grade.${g}`);
  const categoryOptions = (categories.data ?? []).map((c) => ({
    value: c.code,
    label: pick(language, c.nameZh, c.nameEn),
  }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={900}
      title={incident ? t('incidents.edit', { code: incident.code }) : t('incidents.create')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {canWrite && (
            <Button type="primary" loading={submitting} onClick={() => void submit()}>
              {incident ? t('common.save') : t('incidents.createSubmit')}
            </Button>
          )}
        </Space>
      }
      destroyOnHidden
    >
      {conflict && <ConflictAlert onReload={() => void reload()} testId="incident-conflict" />}
      {!conflict && error !== null && error !== undefined && problems.length === 0 && (
        <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      )}
      <ProblemsAlert
        title={t('incidents.problems', { count: problems.length })}
        problems={problems}
        testId="incident-problems"
      />
      <Form
        name="incident"
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={!canWrite}
        onFinish={() => void submit()}
      >
        <Flex gap={16}>
          <Form.Item name="code" label={t('incidents.field.code')} required style={{ width: 180 }}>
            <Input maxLength={40} placeholder="INC-2026-01" />
          </Form.Item>
          <Form.Item name="title" label={t('incidents.field.title')} required style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="type" label={t('incidents.field.type')} required style={{ flex: 1 }}>
            <Select
              aria-label={t('incidents.field.type')}
              options={INCIDENT_TYPES.map((k) => ({ value: k, label: t(`incidents.type.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="foundAt"
            label={t('incidents.field.foundAt')}
            required
            tooltip={t('incidents.hint.foundAt')}
            style={{ flex: 1 }}
          >
            <DatePicker {...timeField} aria-label={t('incidents.field.foundAt')} />
          </Form.Item>
          <Form.Item name="occurredAt" label={t('incidents.field.occurredAt')} style={{ flex: 1 }}>
            <DatePicker {...timeField} aria-label={t('incidents.field.occurredAt')} />
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -12 }}>
          {t('incidents.hint.beijingTime')}
        </Typography.Paragraph>
        <Form.Item name="location" label={t('incidents.field.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('incidents.field.description')}>
          <Input.TextArea rows={3} maxLength={8000} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="systemIds" label={t('incidents.field.systems')} style={{ flex: 1 }}>
            <Select
              mode="multiple"
              aria-label={t('incidents.field.systems')}
              loading={systems.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
          <Form.Item
            name="dataResourceCodes"
            label={t('incidents.field.dataResources')}
            style={{ flex: 1 }}
          >
            <Select
              mode="multiple"
              aria-label={t('incidents.field.dataResources')}
              loading={resources.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={(resources.data ?? []).map((r) => ({
                value: r.code,
                label: `${r.code} ${r.name}`,
              }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="involvesCii"
          label={t('incidents.field.involvesCii')}
          extra={t('incidents.hint.involvesCii')}
        >
          <Radio.Group
            optionType="button"
            options={(['auto', 'yes', 'no'] as const).map((v) => ({
              value: v,
              label: t(`incidents.cii.${v}`),
            }))}
          />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('incidents.section.measures')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('incidents.hint.measures')}
        </Typography.Paragraph>
        <Flex gap={12} wrap>
          {MEASURE_NUMBERS.map((key) => (
            <Form.Item
              key={key}
              name={['measures', key]}
              label={t(`incidents.measure.${key}`)}
              style={{ width: 270 }}
            >
              <InputNumber
                aria-label={t(`incidents.measure.${key}`)}
                min={0}
                max={key === 'populationShareAffectedPercent' ? 100 : undefined}
                precision={key === 'populationShareAffectedPercent' ? 2 : 0}
                style={{ width: '100%' }}
                formatter={(v) =>
                  v === undefined || v === null ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
                }
                parser={(v) => (v ?? '').replace(/,/g, '') as never}
                suffix={t(`incidents.unit.${key}`)}
              />
            </Form.Item>
          ))}
        </Flex>
        <Space size={24}>
          {MEASURE_FLAGS.map((key) => (
            <Form.Item key={key} name={['measures', key]} valuePropName="checked">
              <Checkbox>{t(`incidents.measure.${key}`)}</Checkbox>
            </Form.Item>
          ))}
        </Space>

        <Divider titlePlacement="start" plain>
          {t('incidents.section.grading')}
        </Divider>
        {grading.isError && <ApiErrorAlert error={grading.error} style={{ marginBottom: 12 }} />}
        <Form.Item name="criteriaMet" label={t('incidents.field.criteriaMet')}>
          <Checkbox.Group style={{ display: 'block' }}>
            {INCIDENT_GRADES.map((g) => {
              const group = criteria.filter((c) => c.grade === g);
              if (group.length === 0) return null;
              return (
                <div key={g} style={{ marginBottom: 8 }} data-testid={`criteria-${g}`}>
                  <Tag color={GRADE_COLOURS[g]}>{gradeLabel(g)}</Tag>
                  <Space orientation="vertical" size={2} style={{ display: 'flex', marginTop: 4 }}>
                    {group.map((c) => {
                      const byMeasure = measureMeets(c, measures);
                      return (
                        <Checkbox key={c.id} value={c.id}>
                          {criterionText(c, language)}{' '}
                          <Tag
                            color={c.source === 'final-2025' ? 'blue' : 'default'}
                            style={{ fontSize: 11 }}
                          >
                            {t(`incidents.source.${c.source === 'final-2025' ? 'final' : 'draft'}`)}
                          </Tag>
                          {byMeasure && (
                            <Tag color="green" style={{ fontSize: 11 }}>
                              {t('incidents.criteriaByMeasure')}
                            </Tag>
                          )}
                        </Checkbox>
                      );
                    })}
                  </Space>
                </div>
              );
            })}
          </Checkbox.Group>
        </Form.Item>
        <Alert
          type={suggestion.grade === 'general' ? 'info' : 'warning'}
          showIcon
          data-testid="incident-suggestion"
          style={{ marginBottom: 16 }}
          title={t('incidents.suggestion', { grade: gradeLabel(suggestion.grade) })}
          description={
            suggestion.by.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {suggestion.by.map((c) => (
                  <li key={c.id}>{criterionText(c, language)}</li>
                ))}
              </ul>
            ) : (
              t('incidents.suggestionNone')
            )
          }
        />
        <Flex gap={16} align="end">
          <Form.Item name="grade" label={t('incidents.field.grade')} style={{ width: 260 }}>
            <Select
              allowClear
              aria-label={t('incidents.field.grade')}
              placeholder={t('incidents.ungraded', { grade: gradeLabel(suggestion.grade) })}
              options={INCIDENT_GRADES.map((g) => ({
                value: g,
                label:
                  g === suggestion.grade
                    ? `${gradeLabel(g)}${t('incidents.suggestedMark')}`
                    : gradeLabel(g),
              }))}
            />
          </Form.Item>
          {grade !== suggestion.grade && (
            <Form.Item>
              <Button onClick={() => form.setFieldValue('grade', suggestion.grade)}>
                {t('incidents.adoptSuggestion')}
              </Button>
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="gradeReason" label={t('incidents.field.gradeReason')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('incidents.section.contents')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('incidents.hint.contents')}
        </Typography.Paragraph>
        {REPORT_CONTENT_FIELDS.map((key) => (
          <Form.Item key={key} name={key} label={t(`incidents.field.${key}`)}>
            <Input.TextArea rows={2} maxLength={8000} />
          </Form.Item>
        ))}

        <Divider titlePlacement="start" plain>
          {t('incidents.section.ransom')}
        </Divider>
        <Form.Item name="ransomEnabled" valuePropName="checked">
          <Switch
            checkedChildren={t('incidents.ransom.yes')}
            unCheckedChildren={t('incidents.ransom.no')}
          />
        </Form.Item>
        {ransomEnabled && (
          <>
            <Form.Item name={['ransom', 'demand']} label={t('incidents.ransom.demand')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Flex gap={16}>
              <Form.Item
                name={['ransom', 'deadline']}
                label={t('incidents.ransom.deadline')}
                style={{ flex: 1 }}
              >
                <DatePicker {...timeField} />
              </Form.Item>
              <Form.Item
                name={['ransom', 'paymentMethod']}
                label={t('incidents.ransom.paymentMethod')}
                style={{ flex: 1 }}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name={['ransom', 'amount']}
                label={t('incidents.ransom.amount')}
                style={{ flex: 1 }}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Flex>
          </>
        )}

        <Divider titlePlacement="start" plain>
          {t('incidents.section.pi')}
        </Divider>
        {!piEnabled && (measures.piLeakedIndividuals ?? 0) > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('incidents.hint.piFromMeasures', {
              n: (measures.piLeakedIndividuals ?? 0).toLocaleString(),
            })}
          />
        )}
        <Form.Item name="piEnabled" valuePropName="checked" extra={t('incidents.hint.pi')}>
          <Switch
            aria-label={t('incidents.pi.enabled')}
            checkedChildren={t('incidents.pi.yes')}
            unCheckedChildren={t('incidents.pi.no')}
          />
        </Form.Item>
        {piEnabled && (
          <>
            <Flex gap={16}>
              <Form.Item
                name={['piIncident', 'individuals']}
                label={t('incidents.pi.individuals')}
                required
                style={{ width: 220 }}
              >
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name={['piIncident', 'categories']}
                label={t('incidents.pi.categories')}
                style={{ flex: 1 }}
              >
                <Select
                  mode="multiple"
                  aria-label={t('incidents.pi.categories')}
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={categories.isPending}
                  options={categoryOptions}
                />
              </Form.Item>
            </Flex>
            <Flex gap={16}>
              <Form.Item
                name={['piIncident', 'notifiedAt']}
                label={t('incidents.pi.notifiedAt')}
                style={{ width: 220 }}
              >
                <DatePicker {...timeField} />
              </Form.Item>
              <Form.Item
                name={['piIncident', 'notificationMethod']}
                label={t('incidents.pi.notificationMethod')}
                style={{ flex: 1 }}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Flex>
            <Form.Item
              name={['piIncident', 'notificationNotRequiredReason']}
              label={t('incidents.pi.notRequiredReason')}
              extra={t('incidents.hint.notRequiredReason')}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}

        <Divider titlePlacement="start" plain>
          {t('incidents.section.status')}
        </Divider>
        <Flex gap={16}>
          <Form.Item name="status" label={t('incidents.field.status')} style={{ width: 200 }}>
            <Select
              aria-label={t('incidents.field.status')}
              options={INCIDENT_STATUSES.map((s) => ({
                value: s,
                label: t(`incidents.status.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="handledAt"
            label={t('incidents.field.handledAt')}
            required={status === 'closed'}
            extra={t('incidents.hint.handledAt')}
            style={{ flex: 1 }}
          >
            <DatePicker {...timeField} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
