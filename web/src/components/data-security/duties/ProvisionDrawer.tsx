import { ProblemsAlert } from '../../ProblemsAlert';
import { ConflictAlert } from '../../ConflictAlert';
import {
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ImportantDataProvisionSchema,
  PROVISION_KINDS,
} from '../../../../../src/shared/data-security-schemas';
import type { ProvisionBody, ProvisionView, ResourceView } from '../../../api/data-security-client';
import { isVersionConflict } from '../../../api/data-security-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import {
  serverProblems,
  showProblems,
  zodProblems,
  type FieldProblem,
} from '../../privacy/form-errors';
import { GradeTag } from '../inventory/labels';

interface FormValues {
  code: string;
  kind?: ProvisionBody['kind'];
  recipient: string;
  dataResourceCodes: string[];
  startsOn?: Dayjs | null;
  riskAssessedOn?: Dayjs | null;
  statutoryDuty: boolean;
  note?: string;
}

const date = { format: DATE_FORMAT, style: { width: '100%' } } as const;

/** 新增 / 编辑重要数据提供: NDS Art. 31 — a risk assessment before providing, entrusting, joint processing. */
export function ProvisionDrawer({
  open,
  provision,
  resources,
  canWrite,
  submitting,
  error,
  onClose,
  onSubmit,
  onReload,
}: {
  open: boolean;
  provision?: ProvisionView;
  resources: readonly ResourceView[];
  canWrite: boolean;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (body: ProvisionBody) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      provision
        ? {
            ...provision,
            startsOn: fromIsoDate(provision.startsOn),
            riskAssessedOn: fromIsoDate(provision.riskAssessedOn),
            note: provision.note ?? '',
          }
        : { code: '', recipient: '', dataResourceCodes: [], statutoryDuty: false },
    );
    setProblems([]);
  }, [open, provision, form]);

  useEffect(() => {
    if (!error) return;
    const found = serverProblems(error, language);
    setProblems(found);
    showProblems(form, found);
  }, [error, form, language]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    const body = {
      code: (v.code ?? '').trim(),
      kind: v.kind!,
      recipient: (v.recipient ?? '').trim(),
      dataResourceCodes: v.dataResourceCodes ?? [],
      startsOn: toIsoDate(v.startsOn ?? null) ?? '',
      riskAssessedOn: toIsoDate(v.riskAssessedOn ?? null),
      statutoryDuty: v.statutoryDuty ?? false,
      note: v.note?.trim() ? v.note.trim() : null,
    } as ProvisionBody;
    const checked = ImportantDataProvisionSchema.safeParse(body);
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
  const important = resources.filter((r) => r.classification.grade !== 'general');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={
        provision
          ? t('dataSecurity.provision.edit', { code: provision.code })
          : t('dataSecurity.provision.create')
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {canWrite && (
            <Button type="primary" loading={submitting} onClick={() => void submit()}>
              {provision ? t('common.save') : t('common.create')}
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
      <Typography.Paragraph type="secondary">
        {t('dataSecurity.provision.hint')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={!canWrite}
        name="provision"
      >
        <Flex gap={16}>
          <Form.Item
            name="code"
            label={t('dataSecurity.field.code')}
            required
            style={{ width: 160 }}
          >
            <Input maxLength={40} placeholder="PV-001" />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('dataSecurity.field.provisionKind')}
            required
            style={{ flex: 1 }}
          >
            <Select
              aria-label={t('dataSecurity.field.provisionKind')}
              options={PROVISION_KINDS.map((k) => ({
                value: k,
                label: t(`dataSecurity.provisionKind.${k}`),
              }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="recipient" label={t('dataSecurity.field.recipient')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="dataResourceCodes" label={t('dataSecurity.field.resources')} required>
          <Select
            mode="multiple"
            aria-label={t('dataSecurity.field.resources')}
            showSearch={{ optionFilterProp: 'search' }}
            options={(important.length > 0 ? important : resources).map((r) => ({
              value: r.code,
              label: `${r.code} · ${r.name}`,
              search: `${r.code} ${r.name}`,
              grade: r.classification.grade,
            }))}
            optionRender={(o) => (
              <Space size={6}>
                <GradeTag grade={o.data.grade} />
                <span>{o.label}</span>
              </Space>
            )}
          />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            name="startsOn"
            label={t('dataSecurity.field.startsOn')}
            required
            style={{ flex: 1 }}
          >
            <DatePicker {...date} />
          </Form.Item>
          <Form.Item
            name="riskAssessedOn"
            label={t('dataSecurity.field.riskAssessedOn')}
            style={{ flex: 1 }}
          >
            <DatePicker {...date} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="statutoryDuty"
          label={t('dataSecurity.field.statutoryDuty')}
          valuePropName="checked"
          extra={t('dataSecurity.provision.statutoryHint')}
        >
          <Switch />
        </Form.Item>
        <Form.Item name="note" label={t('dataSecurity.field.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
