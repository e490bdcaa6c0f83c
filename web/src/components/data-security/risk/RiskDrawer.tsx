import { ProblemsAlert } from '../../ProblemsAlert';
import { ConflictAlert } from '../../ConflictAlert';
import { Button, DatePicker, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RISK_AREAS,
  RISK_STATUSES,
  RiskItemInputSchema,
} from '../../../../../src/shared/data-security-schemas';
import type { ResourceView, RiskBody, RiskView } from '../../../api/data-security-client';
import { isVersionConflict } from '../../../api/data-security-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import {
  serverProblems,
  showProblems,
  zodProblems,
  type FieldProblem,
} from '../../privacy/form-errors';
import { RiskLevelTag } from './risk-labels';

type FormValues = Omit<RiskBody, 'dueOn' | 'closedOn'> & {
  dueOn?: Dayjs | null;
  closedOn?: Dayjs | null;
};
const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
const date = { format: DATE_FORMAT, style: { width: '100%' } } as const;

/** 新增 / 编辑风险: likelihood × impact → level (the server decides), measures, owner, due, status. */
export function RiskDrawer({
  open,
  risk,
  resources,
  canWrite,
  submitting,
  error,
  onClose,
  onSubmit,
  onReload,
}: {
  open: boolean;
  risk?: RiskView;
  resources: readonly ResourceView[];
  canWrite: boolean;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (body: RiskBody) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const likelihood = Form.useWatch('likelihood', form);
  const impact = Form.useWatch('impact', form);
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      risk
        ? { ...risk, dueOn: fromIsoDate(risk.dueOn), closedOn: fromIsoDate(risk.closedOn) }
        : { code: '', title: '', likelihood: 3, impact: 3, status: 'open', dataResourceCodes: [] },
    );
    setProblems([]);
  }, [open, risk, form]);

  useEffect(() => {
    if (!error) return;
    const found = serverProblems(error, language);
    setProblems(found);
    showProblems(form, found);
  }, [error, form, language]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    const body: RiskBody = {
      code: (v.code ?? '').trim(),
      title: (v.title ?? '').trim(),
      description: blank(v.description),
      area: v.area,
      dataResourceCodes: v.dataResourceCodes ?? [],
      likelihood: v.likelihood,
      impact: v.impact,
      measures: blank(v.measures),
      owner: blank(v.owner),
      dueOn: toIsoDate(v.dueOn ?? null),
      status: v.status ?? 'open',
      closedOn: toIsoDate(v.closedOn ?? null),
      closingNote: blank(v.closingNote),
    };
    const checked = RiskItemInputSchema.safeParse(body);
    if (!checked.success) {
      const found = zodProblems(checked.error, language);
      setProblems(found);
      showProblems(form, found);
      return;
    }
    setProblems([]);
    await onSubmit(body).catch(() => undefined);
  };

  const conflict = isVersionConflict(error);
  const scale = (kind: 'likelihood' | 'impact') =>
    [1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n} · ${t(`dataSecurity.${kind}.${n}`)}` }));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={
        risk ? t('dataSecurity.risk.edit', { code: risk.code }) : t('dataSecurity.risk.create')
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {canWrite && (
            <Button type="primary" loading={submitting} onClick={() => void submit()}>
              {risk ? t('common.save') : t('common.create')}
            </Button>
          )}
        </Space>
      }
    >
      {conflict && <ConflictAlert onReload={() => void onReload()} />}
      {!conflict && error != null && problems.length === 0 && (
        <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      )}
      <ProblemsAlert
        title={t('dataSecurity.problems', { count: problems.length })}
        problems={problems}
      />
      <Form form={form} layout="vertical" requiredMark="optional" disabled={!canWrite} name="risk">
        <Flex gap={16}>
          <Form.Item
            name="code"
            label={t('dataSecurity.field.code')}
            required
            style={{ width: 150 }}
          >
            <Input maxLength={40} placeholder="R-01" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('dataSecurity.field.riskTitle')}
            required
            style={{ flex: 1 }}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item name="area" label={t('dataSecurity.field.area')} required>
          <Select
            aria-label={t('dataSecurity.field.area')}
            options={RISK_AREAS.map((a) => ({ value: a, label: t(`dataSecurity.area.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('dataSecurity.field.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Flex gap={16} align="end">
          <Form.Item
            name="likelihood"
            label={t('dataSecurity.field.likelihood')}
            required
            style={{ flex: 1 }}
          >
            <Select aria-label={t('dataSecurity.field.likelihood')} options={scale('likelihood')} />
          </Form.Item>
          <Form.Item
            name="impact"
            label={t('dataSecurity.field.impact')}
            required
            style={{ flex: 1 }}
          >
            <Select aria-label={t('dataSecurity.field.impact')} options={scale('impact')} />
          </Form.Item>
          <Form.Item style={{ width: 180 }}>
            {likelihood && impact ? (
              <RiskLevelTag
                risk={{
                  likelihood,
                  impact,
                  level:
                    risk && risk.likelihood === likelihood && risk.impact === impact
                      ? risk.level
                      : undefined,
                }}
              />
            ) : null}
          </Form.Item>
        </Flex>
        <Form.Item name="dataResourceCodes" label={t('dataSecurity.field.resources')}>
          <Select
            mode="multiple"
            aria-label={t('dataSecurity.field.resources')}
            options={resources.map((r) => ({ value: r.code, label: `${r.code} · ${r.name}` }))}
          />
        </Form.Item>
        <Form.Item name="measures" label={t('dataSecurity.field.measures')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="owner" label={t('dataSecurity.field.owner')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('dataSecurity.field.dueOn')} style={{ width: 170 }}>
            <DatePicker {...date} />
          </Form.Item>
          <Form.Item name="status" label={t('dataSecurity.field.status')} style={{ width: 150 }}>
            <Select
              options={RISK_STATUSES.map((s) => ({
                value: s,
                label: t(`dataSecurity.riskStatus.${s}`),
              }))}
            />
          </Form.Item>
        </Flex>
        {(status === 'closed' || status === 'accepted') && (
          <Flex gap={16}>
            <Form.Item
              name="closedOn"
              label={t('dataSecurity.field.closedOn')}
              style={{ width: 170 }}
            >
              <DatePicker {...date} />
            </Form.Item>
            <Form.Item
              name="closingNote"
              label={t('dataSecurity.field.closingNote')}
              style={{ flex: 1 }}
            >
              <Input maxLength={2000} />
            </Form.Item>
          </Flex>
        )}
      </Form>
    </Drawer>
  );
}
