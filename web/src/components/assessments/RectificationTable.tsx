import { EditOutlined, ExperimentOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type {
  ItemResultCode,
  RectificationDto,
  RectificationStatusCode,
} from '../../../../src/shared/api-types';
import { RECTIFICATION_STATUSES } from '../../../../src/shared/assessment-schemas';
import {
  isVersionConflict,
  usePatchRectification,
  useRetestRectification,
} from '../../api/assessment-hooks';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { DATE_FORMAT, fromIsoDate, toIsoDate, todayInBeijing } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { useCan } from '../OrganisationScope';
import { RectificationStatusTag, RESULT_KEYS, ResultTag, RiskTag } from './assessment-labels';
import {
  PLAN_FIELDS,
  planFormValues,
  planPatch,
  RectificationPlanFields,
  type PlanFormValues,
} from './RectificationPlanFields';

interface EditValues extends PlanFormValues {
  owner?: string;
  dueDate?: Dayjs | null;
  plan?: string;
  status: RectificationStatusCode;
  approver?: string;
  acceptanceReason?: string;
}

const FIELDS = [
  'owner',
  'dueDate',
  'plan',
  'status',
  'approver',
  'acceptanceReason',
  ...PLAN_FIELDS,
];
const CLOSED: readonly RectificationStatusCode[] = ['verified', 'risk_accepted'];

/** 整改项: owner, due date, plan, status; 复测 by an assessor closes an item. */
export function RectificationTable({
  orgId,
  assessmentId,
  items,
  loading,
  showSystem = false,
}: {
  orgId: string;
  assessmentId?: string;
  items: readonly RectificationDto[];
  loading: boolean;
  showSystem?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canRectify = useCan('rectification.write');
  const canRetest = useCan('assessments.write');
  const patch = usePatchRectification(orgId, assessmentId);
  const retest = useRetestRectification(orgId, assessmentId);
  const [editing, setEditing] = useState<RectificationDto | null>(null);
  const [retesting, setRetesting] = useState<RectificationDto | null>(null);

  const conflict = (error: unknown) => {
    if (isVersionConflict(error)) {
      message.warning(t('assessment.rectification.conflict'));
      setEditing(null);
      setRetesting(null);
    }
  };

  return (
    <>
      <Table<RectificationDto>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={[...items]}
        pagination={items.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('assessment.rectification.empty') }}
        scroll={{ x: 1100 }}
        rowClassName={(r) => `rect-${r.status}`}
        columns={[
          ...(showSystem
            ? [
                {
                  title: t('assessment.field.system'),
                  key: 'system',
                  width: 180,
                  render: (_: unknown, r: RectificationDto) => (
                    <Space orientation="vertical" size={0}>
                      <Link to={`/o/${orgId}/assessments/${r.assessmentId}?tab=rectification`}>
                        {r.systemName}
                      </Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.assessmentTitle}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
          {
            title: t('assessment.workbook.col.clause'),
            dataIndex: 'clause',
            width: 100,
            render: (v: string) => <span className="wb-clause">{v}</span>,
          },
          {
            title: t('assessment.rectification.problem'),
            dataIndex: 'title',
            render: (title: RectificationDto['title']) => pick(i18n.language, title.zh, title.en),
          },
          {
            title: t('assessment.rectification.risk'),
            dataIndex: 'risk',
            width: 90,
            render: (risk: RectificationDto['risk']) => <RiskTag risk={risk} />,
          },
          {
            title: t('assessment.rectification.owner'),
            dataIndex: 'owner',
            width: 100,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('assessment.rectification.dueDate'),
            dataIndex: 'dueDate',
            width: 130,
            render: (v: string | null, r) => (
              <Space size={4} wrap>
                {r.startDate && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.startDate} →
                  </Typography.Text>
                )}
                <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
                  {v ?? '—'}
                </Typography.Text>
                {r.overdue && <Tag color="error">{t('assessment.rectification.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('assessment.rectification.plan'),
            dataIndex: 'plan',
            render: (v: string | null, r) => (
              <Space orientation="vertical" size={2}>
                <Typography.Paragraph
                  ellipsis={{ rows: 2, tooltip: [v, r.measures].filter(Boolean).join('\n') }}
                  style={{ margin: 0 }}
                >
                  {v ?? r.measures ?? '—'}
                </Typography.Paragraph>
                {r.measureKind && (
                  <Tag>{t(`assessment.rectificationPlan.kind.${r.measureKind}`)}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('field.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: RectificationStatusCode, r) => (
              <Space orientation="vertical" size={2}>
                <RectificationStatusTag status={s} />
                {s === 'risk_accepted' && r.approver && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('assessment.rectification.approvedBy', { by: r.approver })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('assessment.rectification.retest'),
            key: 'retest',
            width: 130,
            render: (_, r) =>
              r.retestResult ? (
                <Space orientation="vertical" size={2}>
                  <ResultTag result={r.retestResult} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.retestOn} {r.retestBy}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right',
            render: (_, r) => (
              <Space size={0}>
                {canRectify && (
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => {
                      patch.reset();
                      setEditing(r);
                    }}
                  >
                    {t('assessment.rectification.edit')}
                  </Button>
                )}
                {canRetest && !CLOSED.includes(r.status) && (
                  <Button
                    type="link"
                    size="small"
                    icon={<ExperimentOutlined />}
                    onClick={() => {
                      retest.reset();
                      setRetesting(r);
                    }}
                  >
                    {t('assessment.rectification.retestAction')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <EditDrawer
        item={editing}
        submitting={patch.isPending}
        error={patch.error}
        onClose={() => setEditing(null)}
        onSubmit={async (values) => {
          if (!editing) return;
          try {
            await patch.mutateAsync({
              rectificationId: editing.id,
              version: editing.version,
              ...values,
            });
            setEditing(null);
            message.success(t('assessment.rectification.saved'));
          } catch (error) {
            conflict(error);
          }
        }}
      />
      <RetestModal
        item={retesting}
        submitting={retest.isPending}
        error={retest.error}
        onClose={() => setRetesting(null)}
        onSubmit={async (retestResult, retestOn) => {
          if (!retesting) return;
          try {
            await retest.mutateAsync({
              rectificationId: retesting.id,
              version: retesting.version,
              retestResult,
              retestOn,
            });
            setRetesting(null);
            message.success(
              retestResult === 'compliant'
                ? t('assessment.rectification.verified')
                : t('assessment.rectification.reopened'),
            );
          } catch (error) {
            conflict(error);
          }
        }}
      />
    </>
  );
}

function EditDrawer({
  item,
  submitting,
  error,
  onClose,
  onSubmit,
}: {
  item: RectificationDto | null;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (
    values: {
      owner: string | null;
      dueDate: string | null;
      plan: string | null;
      status: RectificationStatusCode;
      approver?: string | null;
      acceptanceReason?: string | null;
    } & ReturnType<typeof planPatch>,
  ) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    form.setFieldsValue({
      owner: item.owner ?? '',
      dueDate: fromIsoDate(item.dueDate),
      plan: item.plan ?? '',
      status: item.status,
      approver: item.approver ?? '',
      acceptanceReason: item.acceptanceReason ?? '',
      ...planFormValues(item),
    });
  }, [item, form]);
  useEffect(() => {
    if (error) applyApiErrorsToForm(form, error, FIELDS);
  }, [error, form]);

  const closed = item ? CLOSED.includes(item.status) : false;
  // Verified comes from a re-test; a closed item can only be reopened.
  const options = RECTIFICATION_STATUSES.filter((s) =>
    closed ? s === item?.status || s === 'open' : s !== 'verified',
  );

  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size={760}
      title={
        item
          ? t('assessment.rectification.editTitle', { clause: item.clause })
          : t('assessment.rectification.edit')
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {item && (
        <Typography.Paragraph type="secondary">
          {pick(i18n.language, item.title.zh, item.title.en)}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSubmit({
            owner: v.owner?.trim() || null,
            dueDate: toIsoDate(v.dueDate),
            plan: v.plan?.trim() || null,
            status: v.status,
            ...planPatch(v),
            ...(v.status === 'risk_accepted'
              ? {
                  approver: v.approver?.trim() || null,
                  acceptanceReason: v.acceptanceReason?.trim() || null,
                }
              : {}),
          })
        }
      >
        <Form.Item name="owner" label={t('assessment.rectification.owner')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('assessment.rectification.dueDate')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="plan" label={t('assessment.rectification.plan')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="status"
          label={t('field.status')}
          extra={t('assessment.rectification.statusHint')}
        >
          <Select
            aria-label={t('field.status')}
            options={options.map((s) => ({
              value: s,
              label: t(`assessment.rectification.status.${s}`),
            }))}
          />
        </Form.Item>
        {status === 'risk_accepted' && (
          <>
            <Form.Item
              name="approver"
              label={t('assessment.rectification.approver')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('assessment.rectification.approverRequired'),
                },
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="acceptanceReason"
              label={t('assessment.rectification.acceptanceReason')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('assessment.rectification.acceptanceReasonRequired'),
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        )}
        <RectificationPlanFields />
      </Form>
      <ApiErrorAlert error={error} />
    </Drawer>
  );
}

function RetestModal({
  item,
  submitting,
  error,
  onClose,
  onSubmit,
}: {
  item: RectificationDto | null;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (result: ItemResultCode, on: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<ItemResultCode>('compliant');
  const [on, setOn] = useState<Dayjs | null>(fromIsoDate(todayInBeijing()));
  useEffect(() => {
    if (item) {
      setResult('compliant');
      setOn(fromIsoDate(todayInBeijing()));
    }
  }, [item]);
  return (
    <Modal
      open={item !== null}
      title={item ? t('assessment.rectification.retestTitle', { clause: item.clause }) : ''}
      okText={t('assessment.rectification.retestSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onCancel={onClose}
      onOk={() => onSubmit(result, toIsoDate(on) ?? todayInBeijing())}
    >
      {item && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {pick(i18n.language, item.title.zh, item.title.en)}
          </Typography.Text>
          <Space wrap>
            <Typography.Text>{t('assessment.rectification.retestResult')}</Typography.Text>
            <Select<ItemResultCode>
              aria-label={t('assessment.rectification.retestResult')}
              value={result}
              onChange={setResult}
              style={{ width: 140 }}
              options={RESULT_KEYS.map((r) => ({ value: r, label: t(`assessment.result.${r}`) }))}
            />
            <Typography.Text>{t('assessment.rectification.retestOn')}</Typography.Text>
            <DatePicker format={DATE_FORMAT} value={on} onChange={setOn} allowClear={false} />
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.rectification.retestHint')}
          </Typography.Text>
          <ApiErrorAlert error={error} />
        </Space>
      )}
    </Modal>
  );
}
