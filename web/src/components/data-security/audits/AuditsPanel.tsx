import { ProblemsAlert } from '../../ProblemsAlert';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PI_AUDIT_KINDS,
  PI_AUDIT_STATUSES,
  PiAuditInputSchema,
  RISK_STATUSES,
  type PiAuditFinding,
} from '../../../../../src/shared/data-security-schemas';
import { dataSecurityApi, type AuditBody, type AuditView } from '../../../api/data-security-client';
import {
  isVersionConflict,
  useAudits,
  useCreateAudit,
  useDataSecurityDuties,
  useDeleteAudit,
  usePatchAudit,
} from '../../../api/data-security-hooks';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { pick } from '../../../lib/language';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { CitationPopover } from '../../CitationPopover';
import { ObligationStateTag } from '../../ObligationStateTag';
import {
  serverProblems,
  showProblems,
  zodProblems,
  type FieldProblem,
} from '../../privacy/form-errors';
import { dataDutyState } from '../duties/duty-columns';
import { DueCell, STATUS_COLOURS } from '../risk/risk-labels';

const SEVERITY_COLOURS: Record<string, string> = { high: 'red', medium: 'orange', low: 'default' };
const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
const date = { format: DATE_FORMAT, style: { width: '100%' } } as const;

type FindingForm = Omit<PiAuditFinding, 'dueOn' | 'closedOn'> & {
  dueOn?: Dayjs | null;
  closedOn?: Dayjs | null;
};
type FormValues = Omit<
  AuditBody,
  'periodFrom' | 'periodTo' | 'plannedOn' | 'orderedDeadline' | 'completedOn' | 'findings'
> & {
  period?: [Dayjs, Dayjs] | null;
  plannedOn?: Dayjs | null;
  orderedDeadline?: Dayjs | null;
  completedOn?: Dayjs | null;
  findings: FindingForm[];
};

const toForm = (a: AuditView): FormValues => ({
  ...a,
  period: [fromIsoDate(a.periodFrom)!, fromIsoDate(a.periodTo)!],
  plannedOn: fromIsoDate(a.plannedOn),
  orderedDeadline: fromIsoDate(a.orderedDeadline),
  completedOn: fromIsoDate(a.completedOn),
  findings: a.findings.map((f) => ({
    ...f,
    dueOn: fromIsoDate(f.dueOn),
    closedOn: fromIsoDate(f.closedOn),
  })),
});

const toBody = (v: FormValues): AuditBody => ({
  title: (v.title ?? '').trim(),
  kind: v.kind,
  auditor: blank(v.auditor),
  periodFrom: toIsoDate(v.period?.[0] ?? null) ?? '',
  periodTo: toIsoDate(v.period?.[1] ?? null) ?? '',
  plannedOn: toIsoDate(v.plannedOn ?? null) ?? '',
  orderedDeadline: toIsoDate(v.orderedDeadline ?? null),
  status: v.status ?? 'planned',
  completedOn: toIsoDate(v.completedOn ?? null),
  scope: blank(v.scope),
  reportReference: blank(v.reportReference),
  findings: (v.findings ?? []).map((f) => ({
    code: (f.code ?? '').trim(),
    title: (f.title ?? '').trim(),
    description: blank(f.description),
    severity: f.severity,
    owner: blank(f.owner),
    dueOn: toIsoDate(f.dueOn ?? null),
    status: f.status ?? 'open',
    closedOn: toIsoDate(f.closedOn ?? null),
  })),
});

/** 合规审计: personal-information compliance audits with their findings, and when the next is due. */
export function AuditsPanel({
  orgId,
  canWrite,
  asOf,
}: {
  orgId: string;
  canWrite: boolean;
  asOf: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const list = useAudits(orgId);
  const duties = useDataSecurityDuties(orgId, asOf);
  const create = useCreateAudit(orgId);
  const patch = usePatchAudit(orgId);
  const remove = useDeleteAudit(orgId);
  const [editing, setEditing] = useState<AuditView | 'new' | null>(null);
  const current = editing === 'new' ? undefined : (editing ?? undefined);
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const status = Form.useWatch('status', form);
  const kind = Form.useWatch('kind', form);
  const error = current ? patch.error : create.error;

  const cycle = duties.data?.piAudit;
  const auditDuties = (duties.data?.duties ?? []).filter(
    (d) => d.subject.kind === 'pi_audit' || /audit/i.test(d.ruleId),
  );

  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    form.setFieldsValue(
      current ? toForm(current) : { title: '', kind: 'self', status: 'planned', findings: [] },
    );
    setProblems([]);
  }, [editing, current, form]);

  useEffect(() => {
    if (!error) return;
    const found = serverProblems(error, language);
    setProblems(found);
    showProblems(form, found);
  }, [error, form, language]);

  const close = () => {
    setEditing(null);
    create.reset();
    patch.reset();
  };

  const submit = async () => {
    const body = toBody(form.getFieldsValue(true) as FormValues);
    const checked = PiAuditInputSchema.safeParse(body);
    if (!checked.success) {
      const found = zodProblems(checked.error, language).map((p) => ({
        ...p,
        name: p.name[0] === 'periodFrom' || p.name[0] === 'periodTo' ? ['period'] : p.name,
      }));
      setProblems(found);
      showProblems(form, found);
      return;
    }
    setProblems([]);
    try {
      if (current) await patch.mutateAsync({ id: current.id, version: current.version, ...body });
      else await create.mutateAsync(body);
      message.success(t('dataSecurity.audit.saved', { title: body.title }));
      close();
    } catch {
      /* shown in the drawer */
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('dataSecurity.audit.dueTitle')}>
        {duties.isError && <ApiErrorAlert error={duties.error} />}
        {cycle && (
          <Space
            orientation="vertical"
            size={2}
            style={{ marginBottom: 8 }}
            data-testid="audit-cycle"
          >
            <Typography.Text>
              {cycle.intervalMonths
                ? t('dataSecurity.audit.cycle', {
                    people: (cycle.totalIndividuals ?? 0).toLocaleString(),
                    months: cycle.intervalMonths,
                  })
                : t('dataSecurity.audit.noCycle', {
                    people: (cycle.totalIndividuals ?? 0).toLocaleString(),
                  })}
            </Typography.Text>
            <Space size={16} wrap>
              <Typography.Text type="secondary">
                {t('dataSecurity.audit.lastCompleted', {
                  date: cycle.lastCompletedOn ?? t('dataSecurity.audit.never'),
                })}
              </Typography.Text>
              {cycle.nextDueOn && (
                <Typography.Text
                  strong
                  type={cycle.nextDueOn < asOf ? 'danger' : undefined}
                  data-testid="audit-next-due"
                >
                  {t('dataSecurity.audit.nextDue', { date: cycle.nextDueOn })}
                  {cycle.nextDueOn < asOf ? ` ${t('dataSecurity.overdue')}` : ''}
                </Typography.Text>
              )}
            </Space>
          </Space>
        )}
        {auditDuties.length === 0 ? (
          !cycle && (
            <Typography.Text type="secondary">{t('dataSecurity.audit.noDuty')}</Typography.Text>
          )
        ) : (
          <Space orientation="vertical" size={6} data-testid="audit-duties">
            {auditDuties.map((d, i) => (
              <Space key={i} size={8} wrap>
                <ObligationStateTag state={dataDutyState(d)} />
                <Typography.Text strong>{pick(language, d.titleZh, d.titleEn)}</Typography.Text>
                <Typography.Text>
                  {t('dataSecurity.audit.dueOn', { date: d.dueDate ?? t('common.none') })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pick(language, d.reasonZh, d.reasonEn)}
                </Typography.Text>
                <CitationPopover citations={d.citations} />
              </Space>
            ))}
          </Space>
        )}
      </Card>
      <Card
        size="small"
        title={t('dataSecurity.audit.list')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('dataSecurity.audit.create')}
            </Button>
          )
        }
      >
        {list.isError && <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        {remove.error != null && (
          <ApiErrorAlert error={remove.error} style={{ marginBottom: 12 }} />
        )}
        <Table<AuditView>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{ emptyText: t('dataSecurity.audit.empty') }}
          data-testid="audits-table"
          columns={[
            {
              title: t('dataSecurity.field.auditTitle'),
              dataIndex: 'title',
              render: (title: string, a) => (
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0 }}
                  onClick={() => setEditing(a)}
                >
                  {title}
                </Button>
              ),
            },
            {
              title: t('dataSecurity.field.auditKind'),
              dataIndex: 'kind',
              width: 130,
              render: (k: string) => t(`dataSecurity.auditKind.${k}`),
            },
            {
              title: t('dataSecurity.field.auditor'),
              dataIndex: 'auditor',
              width: 150,
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('dataSecurity.field.auditPeriod'),
              key: 'period',
              width: 200,
              render: (_, a) => `${a.periodFrom} ~ ${a.periodTo}`,
            },
            {
              title: t('dataSecurity.field.plannedOn'),
              key: 'planned',
              width: 150,
              render: (_, a) => (
                <Space orientation="vertical" size={0}>
                  <span>{a.plannedOn}</span>
                  {a.orderedDeadline && (
                    <Typography.Text type="warning" style={{ fontSize: 12 }}>
                      {t('dataSecurity.audit.deadline', { date: a.orderedDeadline })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('dataSecurity.field.status'),
              key: 'status',
              width: 130,
              render: (_, a) => (
                <Space orientation="vertical" size={0}>
                  <Tag
                    color={
                      a.status === 'completed'
                        ? 'green'
                        : a.status === 'in_progress'
                          ? 'orange'
                          : undefined
                    }
                  >
                    {t(`dataSecurity.auditStatus.${a.status}`)}
                  </Tag>
                  {a.completedOn && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.completedOn}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('dataSecurity.audit.findings'),
              key: 'findings',
              width: 170,
              render: (_, a) => {
                const open = a.findings.filter(
                  (f) => f.status === 'open' || f.status === 'in_progress',
                );
                return a.findings.length === 0 ? (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ) : (
                  <Typography.Text type={open.length > 0 ? 'danger' : undefined}>
                    {t('dataSecurity.audit.findingCounts', {
                      total: a.findings.length,
                      open: open.length,
                    })}
                  </Typography.Text>
                );
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 60,
              render: (_, a) =>
                canWrite && (
                  <Popconfirm
                    title={t('dataSecurity.audit.confirmDelete', { title: a.title })}
                    onConfirm={() =>
                      remove.mutateAsync(a.id).then(
                        () => message.success(t('dataSecurity.deleted', { code: a.title })),
                        () => undefined,
                      )
                    }
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      aria-label={`${t('dataSecurity.deleteAction')} ${a.title}`}
                      icon={<DeleteOutlined />}
                    />
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Drawer
        open={editing !== null}
        onClose={close}
        size={900}
        destroyOnHidden
        title={
          current
            ? t('dataSecurity.audit.edit', { title: current.title })
            : t('dataSecurity.audit.create')
        }
        extra={
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            {canWrite && (
              <Button
                type="primary"
                loading={create.isPending || patch.isPending}
                onClick={() => void submit()}
              >
                {current ? t('common.save') : t('common.create')}
              </Button>
            )}
          </Space>
        }
      >
        {isVersionConflict(error) && (
          <Alert
            type="warning"
            showIcon
            title={t('privacy.conflict.title')}
            description={
              <Typography.Text>
                {t('privacy.conflict.description')}{' '}
                <Button
                  size="small"
                  onClick={() =>
                    current &&
                    void dataSecurityApi.getAudit(orgId, current.id).then((latest) => {
                      patch.reset();
                      setEditing(latest);
                    })
                  }
                >
                  {t('privacy.conflict.reload')}
                </Button>
              </Typography.Text>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {!isVersionConflict(error) && error != null && problems.length === 0 && (
          <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
        )}
        <ProblemsAlert
          title={t('dataSecurity.problems', { count: problems.length })}
          problems={problems}
        />
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          disabled={!canWrite}
          name="piAudit"
        >
          <Form.Item name="title" label={t('dataSecurity.field.auditTitle')} required>
            <Input maxLength={200} />
          </Form.Item>
          <Flex gap={16}>
            <Form.Item
              name="kind"
              label={t('dataSecurity.field.auditKind')}
              required
              style={{ width: 200 }}
            >
              <Select
                options={PI_AUDIT_KINDS.map((k) => ({
                  value: k,
                  label: t(`dataSecurity.auditKind.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="auditor" label={t('dataSecurity.field.auditor')} style={{ flex: 1 }}>
              <Input maxLength={200} />
            </Form.Item>
          </Flex>
          <Flex gap={16}>
            <Form.Item
              name="period"
              label={t('dataSecurity.field.period')}
              required
              style={{ flex: 1 }}
            >
              <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="plannedOn"
              label={t('dataSecurity.field.plannedOn')}
              required
              style={{ width: 170 }}
            >
              <DatePicker {...date} />
            </Form.Item>
            {kind === 'regulator_ordered' && (
              <Form.Item
                name="orderedDeadline"
                label={t('dataSecurity.field.orderedDeadline')}
                style={{ width: 170 }}
              >
                <DatePicker {...date} />
              </Form.Item>
            )}
          </Flex>
          <Flex gap={16}>
            <Form.Item name="status" label={t('dataSecurity.field.status')} style={{ width: 170 }}>
              <Select
                options={PI_AUDIT_STATUSES.map((s) => ({
                  value: s,
                  label: t(`dataSecurity.auditStatus.${s}`),
                }))}
              />
            </Form.Item>
            {status === 'completed' && (
              <Form.Item
                name="completedOn"
                label={t('dataSecurity.field.completedOn')}
                style={{ width: 170 }}
              >
                <DatePicker {...date} />
              </Form.Item>
            )}
            <Form.Item
              name="reportReference"
              label={t('dataSecurity.field.reportReference')}
              style={{ flex: 1 }}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Flex>
          <Form.Item name="scope" label={t('dataSecurity.field.scope')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Typography.Title level={5}>{t('dataSecurity.audit.findings')}</Typography.Title>
          <Form.List name="findings">
            {(fields, { add, remove: drop }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="start" wrap>
                    <Form.Item name={[f.name, 'code']} style={{ width: 90 }}>
                      <Input placeholder={t('dataSecurity.field.code')} maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} style={{ width: 230 }}>
                      <Input placeholder={t('dataSecurity.field.findingTitle')} maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'severity']} style={{ width: 90 }}>
                      <Select
                        placeholder={t('dataSecurity.field.severity')}
                        options={(['high', 'medium', 'low'] as const).map((s) => ({
                          value: s,
                          label: (
                            <Tag color={SEVERITY_COLOURS[s]}>{t(`dataSecurity.severity.${s}`)}</Tag>
                          ),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'owner']} style={{ width: 110 }}>
                      <Input placeholder={t('dataSecurity.field.owner')} maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} style={{ width: 130 }}>
                      <DatePicker
                        format={DATE_FORMAT}
                        placeholder={t('dataSecurity.field.dueOn')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'status']} style={{ width: 100 }}>
                      <Select
                        options={RISK_STATUSES.map((s) => ({
                          value: s,
                          label: t(`dataSecurity.riskStatus.${s}`),
                        }))}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('dataSecurity.audit.removeFinding')}
                      onClick={() => drop(f.name)}
                    />
                  </Flex>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ code: `F-${fields.length + 1}`, status: 'open', severity: 'medium' })
                  }
                >
                  {t('dataSecurity.audit.addFinding')}
                </Button>
              </>
            )}
          </Form.List>
          {current && current.findings.length > 0 && (
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={current.findings}
              columns={[
                { title: t('dataSecurity.field.code'), dataIndex: 'code', width: 80 },
                { title: t('dataSecurity.field.findingTitle'), dataIndex: 'title' },
                {
                  title: t('dataSecurity.field.severity'),
                  dataIndex: 'severity',
                  width: 80,
                  render: (s: string) => (
                    <Tag color={SEVERITY_COLOURS[s]}>{t(`dataSecurity.severity.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('dataSecurity.field.status'),
                  dataIndex: 'status',
                  width: 90,
                  render: (s: string) => (
                    <Tag color={STATUS_COLOURS[s]}>{t(`dataSecurity.riskStatus.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('dataSecurity.field.dueOn'),
                  key: 'due',
                  width: 150,
                  render: (_, f) => <DueCell risk={f} />,
                },
              ]}
            />
          )}
        </Form>
      </Drawer>
    </Space>
  );
}
