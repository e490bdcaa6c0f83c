import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemResultCode, WorkbookRowDto } from '../../../../src/shared/api-types';
import type { CompensationDto } from '../../../../src/shared/compensation-schemas';
import { useWorkbook } from '../../api/assessment-hooks';
import {
  useAddCompensation,
  useCompensations,
  useRemoveCompensation,
} from '../../api/compensation-hooks';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ResultTag } from './assessment-labels';
import type { AssessmentPanelProps } from './panel-props';

type Scope = CompensationDto['scope'];

interface FormValues {
  target?: string;
  allObjects?: boolean;
  source?: string;
  wholeItem?: boolean;
  adjustedResult?: 'partial' | 'compliant';
  reason?: string;
}

const SCOPE_COLOURS: Record<Scope, string> = {
  item: 'blue',
  control_point: 'geekblue',
  layer: 'purple',
};

const key = (r: { requirementId: string; objectId: string }) => `${r.requirementId}|${r.objectId}`;

/** The scope GB/T 28448 names for two requirements (same rule as the server's). */
function scopeOf(a: WorkbookRowDto, b: WorkbookRowDto): Scope {
  if (a.controlPointId === b.controlPointId) return 'item';
  if (a.category === b.category) return 'control_point';
  return 'layer';
}

/**
 * 整体测评: compensations the assessor records between items, control points and layers — the
 * failing item and object, the compensating item and object, the adjusted result and why; each
 * shown with the results it raises (before → after). The recorded results stay as they are.
 */
export function CompensationsPanel({ orgId, assessment, editable }: AssessmentPanelProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const list = useCompensations(orgId, assessment.id);
  const workbook = useWorkbook(orgId, assessment.id);
  const add = useAddCompensation(orgId, assessment.id);
  const remove = useRemoveCompensation(orgId, assessment.id);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const target = Form.useWatch('target', form);
  const source = Form.useWatch('source', form);

  const rows = useMemo(() => workbook.data?.rows ?? [], [workbook.data]);
  const byKey = useMemo(() => new Map(rows.map((r) => [key(r), r])), [rows]);
  const objectName = useMemo(
    () => new Map(assessment.objects.map((o) => [o.id, o.name])),
    [assessment.objects],
  );
  const rowLabel = (r: WorkbookRowDto) =>
    `${r.clause} ${pick(i18n.language, r.title.zh, r.title.en)} — ${objectName.get(r.objectId) ?? ''}（${t(`assessment.result.${r.result}`)}）`;
  const failing = rows.filter((r) => r.result === 'partial' || r.result === 'non_compliant');
  const compliant = rows.filter((r) => r.result === 'compliant');
  const targetRow = target ? byKey.get(target) : undefined;
  const sourceRow = source ? byKey.get(source) : undefined;
  const scope = targetRow && sourceRow ? scopeOf(targetRow, sourceRow) : null;
  const items = list.data?.items ?? [];

  const open = () => {
    add.reset();
    form.resetFields();
    form.setFieldsValue({ allObjects: false, wholeItem: false, adjustedResult: 'compliant' });
    setAdding(true);
  };

  const submit = async (values: FormValues) => {
    if (!targetRow || !sourceRow || !scope) return;
    try {
      await add.mutateAsync({
        requirementId: targetRow.requirementId,
        objectId: values.allObjects ? null : targetRow.objectId,
        scope,
        compensatingRequirementId: sourceRow.requirementId,
        compensatingObjectId: values.wholeItem ? null : sourceRow.objectId,
        adjustedResult: values.adjustedResult ?? 'compliant',
        reason: values.reason?.trim() ?? '',
      });
      setAdding(false);
      message.success(t('overallAssessment.saved'));
    } catch {
      // Shown in the dialog.
    }
  };

  const itemText = (clause: string, title: { zh: string; en: string }) =>
    `${clause} ${pick(i18n.language, title.zh, title.en)}`;

  return (
    <Card
      size="small"
      title={t('overallAssessment.title')}
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={open}>
            {t('overallAssessment.add')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('overallAssessment.hint')}</Typography.Text>
        {list.isError && <ApiErrorAlert error={list.error} />}
        {remove.isError && <ApiErrorAlert error={remove.error} />}
        {(list.data?.outcomes.length ?? 0) > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="compensation-outcomes"
            title={t('overallAssessment.outcomes')}
            description={
              <Space wrap>
                {list.data?.outcomes.map((o) => (
                  <Space key={o.requirementId} size={4}>
                    <Typography.Text strong>{o.clause}</Typography.Text>
                    <OutcomeTag result={o.before} />→<OutcomeTag result={o.after} />
                  </Space>
                ))}
              </Space>
            }
          />
        )}
        <Table<CompensationDto>
          rowKey="id"
          size="small"
          loading={list.isPending}
          pagination={false}
          dataSource={items}
          locale={{ emptyText: t('overallAssessment.empty') }}
          columns={[
            {
              title: t('overallAssessment.compensated'),
              key: 'compensated',
              render: (_, c) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{itemText(c.clause, c.title)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {c.objectName ?? t('overallAssessment.allObjects')}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('overallAssessment.scope'),
              dataIndex: 'scope',
              width: 110,
              render: (s: Scope) => (
                <Tag color={SCOPE_COLOURS[s]}>{t(`overallAssessment.scopes.${s}`)}</Tag>
              ),
            },
            {
              title: t('overallAssessment.compensating'),
              key: 'compensating',
              render: (_, c) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>
                    {itemText(c.compensatingClause, c.compensatingTitle)}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {c.compensatingObjectName ?? t('overallAssessment.allObjects')}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('overallAssessment.beforeAfter'),
              key: 'adjustments',
              width: 260,
              render: (_, c) =>
                c.active ? (
                  <Space orientation="vertical" size={2}>
                    {c.adjustments.map((a) => (
                      <Space key={a.objectId} size={4}>
                        <Typography.Text type="secondary">{a.objectName}</Typography.Text>
                        <ResultTag result={a.original} />→<ResultTag result={a.adjusted} />
                      </Space>
                    ))}
                  </Space>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <Tag color="warning">{t('overallAssessment.inactive')}</Tag>
                    {c.problems.map((p) => (
                      <Typography.Text key={p.code} type="warning" style={{ fontSize: 12 }}>
                        {pick(i18n.language, p.message.zh, p.message.en)}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
            },
            { title: t('overallAssessment.reason'), dataIndex: 'reason' },
            { title: t('overallAssessment.recordedBy'), dataIndex: 'recordedBy', width: 110 },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 70,
                    render: (_: unknown, c: CompensationDto) => (
                      <Popconfirm
                        title={t('overallAssessment.deleteConfirm', { clause: c.clause })}
                        okButtonProps={{ danger: true }}
                        okText={t('assessment.objects.delete')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove.mutateAsync(c.id).catch(() => undefined)}
                      >
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('assessment.objects.delete')}
                        />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <Modal
        open={adding}
        title={t('overallAssessment.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAdding(false)}
        width={760}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="target"
            label={t('overallAssessment.compensated')}
            extra={t('overallAssessment.compensatedHint')}
            rules={[{ required: true, message: t('overallAssessment.targetRequired') }]}
          >
            <Select
              aria-label={t('overallAssessment.compensated')}
              showSearch={{ optionFilterProp: 'label' }}
              loading={workbook.isPending}
              options={failing.map((r) => ({ value: key(r), label: rowLabel(r) }))}
            />
          </Form.Item>
          <Form.Item
            name="allObjects"
            label={t('overallAssessment.allObjectsSwitch')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item
            name="source"
            label={t('overallAssessment.compensating')}
            extra={t('overallAssessment.compensatingHint')}
            rules={[{ required: true, message: t('overallAssessment.sourceRequired') }]}
          >
            <Select
              aria-label={t('overallAssessment.compensating')}
              showSearch={{ optionFilterProp: 'label' }}
              loading={workbook.isPending}
              options={compliant.map((r) => ({ value: key(r), label: rowLabel(r) }))}
            />
          </Form.Item>
          <Form.Item
            name="wholeItem"
            label={t('overallAssessment.wholeItemSwitch')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          {scope && (
            <Typography.Paragraph>
              {t('overallAssessment.scope')}：
              <Tag color={SCOPE_COLOURS[scope]} data-testid="compensation-scope">
                {t(`overallAssessment.scopes.${scope}`)}
              </Tag>
              {targetRow && (
                <>
                  {t('overallAssessment.currentResult')}：
                  <ResultTag result={targetRow.result} />
                </>
              )}
            </Typography.Paragraph>
          )}
          <Form.Item name="adjustedResult" label={t('overallAssessment.adjustedResult')}>
            <Radio.Group
              options={(['partial', 'compliant'] as const).map((r) => ({
                value: r,
                label: t(`assessment.result.${r}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('overallAssessment.reason')}
            rules={[
              { required: true, whitespace: true, message: t('overallAssessment.reasonRequired') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
        <ApiErrorAlert error={add.error} />
      </Modal>
    </Card>
  );
}

function OutcomeTag({ result }: { result: string }) {
  const { t } = useTranslation();
  if (result === 'unanswered' || result === 'untested') {
    return <Tag>{t(`assessment.result.${result}`)}</Tag>;
  }
  return <ResultTag result={result as ItemResultCode} />;
}
