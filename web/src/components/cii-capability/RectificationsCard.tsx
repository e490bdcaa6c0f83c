import { EditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
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
  CII_RECTIFICATION_STATUSES,
  type CiiEvaluationDetailDto,
  type CiiRectificationDto,
  type CiiRectificationPatch,
  type CiiRectificationStatus,
} from '../../../../src/shared/cii-evaluation-schemas';
import { isVersionConflict, usePatchCiiRectification } from '../../api/cii-capability';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { DATE_FORMAT, fromIsoDate, toIsoDate, todayInBeijing } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ResultTag } from '../assessments/assessment-labels';
import { CiiRectificationStatusTag, Hint, OPEN_RECTIFICATION } from './capability-labels';

interface EditValues {
  owner?: string;
  dueOn?: Dayjs | null;
  plan?: string;
  status: CiiRectificationStatus;
}

const FIELDS = ['owner', 'dueOn', 'plan', 'status'];

/** 整改项: owner, due date, plan and status of each finding's rectification. */
export function RectificationsCard({
  orgId,
  evaluation,
  canWrite,
}: {
  orgId: string;
  evaluation: CiiEvaluationDetailDto;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const patch = usePatchCiiRectification(orgId, evaluation.id);
  const [editing, setEditing] = useState<CiiRectificationDto | null>(null);
  const requirements = new Map(evaluation.requirements.map((r) => [r.requirementId, r]));
  const today = todayInBeijing();
  const overdue = (r: CiiRectificationDto) =>
    r.dueOn !== null && r.dueOn < today && OPEN_RECTIFICATION.includes(r.status);

  const send = async (
    item: CiiRectificationDto,
    change: Omit<CiiRectificationPatch, 'version'>,
  ) => {
    try {
      await patch.mutateAsync({ rectificationId: item.id, version: item.version, ...change });
      message.success(t('ciiCapability.rectification.saved', { id: item.requirementId }));
      return true;
    } catch (error) {
      message.error(
        isVersionConflict(error)
          ? t('ciiCapability.conflict')
          : t('ciiCapability.rectification.failed'),
      );
      if (isVersionConflict(error)) setEditing(null);
      return false;
    }
  };

  return (
    <Card
      size="small"
      title={t('ciiCapability.rectification.title', { count: evaluation.rectifications.length })}
    >
      <Space orientation="vertical" size={8} className="cap-stack">
        <Table<CiiRectificationDto>
          rowKey="id"
          size="small"
          dataSource={[...evaluation.rectifications]}
          pagination={false}
          data-testid="rectifications"
          locale={{ emptyText: t('ciiCapability.rectification.empty') }}
          scroll={{ x: 960 }}
          columns={[
            {
              title: t('ciiCapability.grid.clause'),
              dataIndex: 'requirementId',
              width: 80,
              render: (id: string) => <span className="cap-clause">{id}</span>,
            },
            {
              title: t('ciiCapability.rectification.problem'),
              key: 'problem',
              width: 220,
              render: (_, r) => {
                const requirement = requirements.get(r.requirementId);
                return (
                  <Space orientation="vertical" size={2}>
                    <span>
                      {requirement
                        ? pick(i18n.language, requirement.title.zh, requirement.title.en)
                        : r.requirementId}
                    </span>
                    {requirement && <ResultTag result={requirement.result} />}
                  </Space>
                );
              },
            },
            {
              title: t('ciiCapability.rectification.owner'),
              dataIndex: 'owner',
              width: 110,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('ciiCapability.rectification.dueOn'),
              dataIndex: 'dueOn',
              width: 130,
              render: (v: string | null, r) => (
                <Space size={4} wrap>
                  <Typography.Text type={overdue(r) ? 'danger' : undefined} strong={overdue(r)}>
                    {v ?? '—'}
                  </Typography.Text>
                  {overdue(r) && (
                    <Tag color="error">{t('ciiCapability.rectification.overdue')}</Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('ciiCapability.rectification.plan'),
              dataIndex: 'plan',
              render: (v: string | null) => (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>
                  {v ?? '—'}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('field.status'),
              dataIndex: 'status',
              width: 130,
              render: (status: CiiRectificationStatus, r) =>
                canWrite ? (
                  <Select<CiiRectificationStatus>
                    size="small"
                    value={status}
                    aria-label={`${t('field.status')} ${r.requirementId}`}
                    style={{ width: 112 }}
                    disabled={patch.isPending}
                    onChange={(value) => void send(r, { status: value })}
                    options={CII_RECTIFICATION_STATUSES.map((s) => ({
                      value: s,
                      label: t(`ciiCapability.rectification.status.${s}`),
                    }))}
                  />
                ) : (
                  <CiiRectificationStatusTag status={status} />
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 80,
                    render: (_: unknown, r: CiiRectificationDto) => (
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('ciiCapability.rectification.editOf', {
                          id: r.requirementId,
                        })}
                        onClick={() => {
                          patch.reset();
                          setEditing(r);
                        }}
                      >
                        {t('ciiCapability.rectification.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Hint>{t('ciiCapability.rectification.hint')}</Hint>
      </Space>
      <EditDrawer
        item={editing}
        title={
          editing
            ? (() => {
                const requirement = requirements.get(editing.requirementId);
                return `${editing.requirementId} ${requirement ? pick(i18n.language, requirement.title.zh, requirement.title.en) : ''}`;
              })()
            : ''
        }
        submitting={patch.isPending}
        error={patch.error}
        onClose={() => setEditing(null)}
        onSubmit={async (values) => {
          if (!editing) return;
          if (await send(editing, values)) setEditing(null);
        }}
      />
    </Card>
  );
}

function EditDrawer({
  item,
  title,
  submitting,
  error,
  onClose,
  onSubmit,
}: {
  item: CiiRectificationDto | null;
  title: string;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (values: Omit<CiiRectificationPatch, 'version'>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  useEffect(() => {
    if (!item) return;
    form.resetFields();
    form.setFieldsValue({
      owner: item.owner ?? '',
      dueOn: fromIsoDate(item.dueOn),
      plan: item.plan ?? '',
      status: item.status,
    });
  }, [item, form]);
  useEffect(() => {
    if (error) applyApiErrorsToForm(form, error, FIELDS);
  }, [error, form]);

  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size={480}
      title={t('ciiCapability.rectification.editTitle', { title })}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSubmit({
            owner: v.owner?.trim() || null,
            dueOn: toIsoDate(v.dueOn),
            plan: v.plan?.trim() || null,
            status: v.status,
          })
        }
      >
        <Form.Item name="owner" label={t('ciiCapability.rectification.owner')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('ciiCapability.rectification.dueOn')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="plan" label={t('ciiCapability.rectification.plan')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="status" label={t('field.status')}>
          <Select
            aria-label={t('field.status')}
            options={CII_RECTIFICATION_STATUSES.map((s) => ({
              value: s,
              label: t(`ciiCapability.rectification.status.${s}`),
            }))}
          />
        </Form.Item>
      </Form>
      {error !== null && !isVersionConflict(error) && <ApiErrorAlert error={error} />}
    </Drawer>
  );
}
