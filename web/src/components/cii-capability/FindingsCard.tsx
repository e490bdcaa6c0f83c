import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CiiEvaluationDetailDto,
  CiiFindingDto,
} from '../../../../src/shared/cii-evaluation-schemas';
import { useCreateCiiRectification } from '../../api/cii-capability';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ResultTag } from '../assessments/assessment-labels';
import { CiiRectificationStatusTag, Hint, ProvenanceMark } from './capability-labels';
import type { ReferenceIndex } from './reference';

interface CreateValues {
  owner?: string;
  dueOn?: Dayjs | null;
  plan?: string;
}

/** 问题清单: requirements found 不符合 or 部分符合, each with its rectification item or 创建整改项. */
export function FindingsCard({
  orgId,
  evaluation,
  references,
  canWrite,
}: {
  orgId: string;
  evaluation: CiiEvaluationDetailDto;
  references: ReferenceIndex | null;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateCiiRectification(orgId, evaluation.id);
  const [creating, setCreating] = useState<CiiFindingDto | null>(null);
  const notes = new Map(evaluation.requirements.map((r) => [r.requirementId, r.note]));
  const rectifications = new Map(evaluation.rectifications.map((r) => [r.id, r]));

  return (
    <Card
      size="small"
      title={t('ciiCapability.findings.title', { count: evaluation.findings.length })}
    >
      <Space orientation="vertical" size={8} className="cap-stack">
        <Table<CiiFindingDto>
          rowKey="requirementId"
          size="small"
          dataSource={[...evaluation.findings]}
          pagination={false}
          data-testid="findings"
          locale={{ emptyText: t('ciiCapability.findings.empty') }}
          columns={[
            {
              title: t('ciiCapability.grid.clause'),
              dataIndex: 'requirementId',
              width: 92,
              render: (id: string, f) => (
                <span className="cap-clause-cell">
                  <span className="cap-clause">{id}</span>
                  <ProvenanceMark
                    status={f.provenanceStatus}
                    note={(() => {
                      const ref = references?.byId.get(id);
                      return ref
                        ? pick(i18n.language, ref.provenance.note.zh, ref.provenance.note.en)
                        : null;
                    })()}
                  />
                </span>
              ),
            },
            {
              title: t('ciiCapability.grid.requirement'),
              dataIndex: 'title',
              width: 240,
              render: (title: CiiFindingDto['title']) => pick(i18n.language, title.zh, title.en),
            },
            {
              title: t('ciiCapability.grid.result'),
              dataIndex: 'result',
              width: 100,
              render: (result: CiiFindingDto['result']) => <ResultTag result={result} />,
            },
            {
              title: t('ciiCapability.grid.note'),
              key: 'note',
              render: (_, f) => (
                <Typography.Paragraph
                  ellipsis={{ rows: 2, tooltip: notes.get(f.requirementId) }}
                  style={{ margin: 0 }}
                >
                  {notes.get(f.requirementId) ?? '—'}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('ciiCapability.findings.rectification'),
              key: 'rectification',
              width: 200,
              render: (_, f) => {
                const item = f.rectificationId ? rectifications.get(f.rectificationId) : undefined;
                if (item) {
                  return (
                    <Space size={4} wrap>
                      <CiiRectificationStatusTag status={item.status} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[item.owner, item.dueOn].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </Space>
                  );
                }
                return canWrite ? (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => {
                      create.reset();
                      setCreating(f);
                    }}
                  >
                    {t('ciiCapability.findings.create')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">
                    {t('ciiCapability.findings.none')}
                  </Typography.Text>
                );
              },
            },
          ]}
        />
        <Hint>{t('ciiCapability.findings.hint')}</Hint>
      </Space>
      <CreateModal
        finding={creating}
        submitting={create.isPending}
        error={create.error}
        onClose={() => setCreating(null)}
        onSubmit={async (values) => {
          if (!creating) return;
          await create.mutateAsync({ requirementId: creating.requirementId, ...values });
          setCreating(null);
          message.success(t('ciiCapability.findings.created', { id: creating.requirementId }));
        }}
      />
    </Card>
  );
}

function CreateModal({
  finding,
  submitting,
  error,
  onClose,
  onSubmit,
}: {
  finding: CiiFindingDto | null;
  submitting: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (values: {
    owner: string | null;
    dueOn: string | null;
    plan: string | null;
  }) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  useEffect(() => {
    if (finding) form.resetFields();
  }, [finding, form]);
  useEffect(() => {
    if (error) applyApiErrorsToForm(form, error, ['owner', 'dueOn', 'plan']);
  }, [error, form]);

  return (
    <Modal
      open={finding !== null}
      title={
        finding
          ? t('ciiCapability.findings.createTitle', {
              id: finding.requirementId,
              title: pick(i18n.language, finding.title.zh, finding.title.en),
            })
          : ''
      }
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSubmit({
            owner: v.owner?.trim() || null,
            dueOn: toIsoDate(v.dueOn),
            plan: v.plan?.trim() || null,
          }).catch(() => undefined)
        }
      >
        <Form.Item name="owner" label={t('ciiCapability.rectification.owner')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('ciiCapability.rectification.dueOn')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="plan" label={t('ciiCapability.rectification.plan')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={error} />
    </Modal>
  );
}
