import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { RiskAssessmentInputSchema } from '../../../../../src/shared/data-security-schemas';
import type {
  AssessmentView as Assessment,
  RiskLevel,
  RiskView,
} from '../../../api/data-security-client';
import {
  useAssessments,
  useCreateAssessment,
  useOpenRisks,
} from '../../../api/data-security-hooks';
import { DATE_FORMAT, todayInBeijing, toIsoDate } from '../../../lib/dates';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { zodProblems } from '../../privacy/form-errors';
import { AssessmentView } from './AssessmentView';
import { DueCell, LEVEL_COLOURS, RiskLevelTag, STATUS_COLOURS } from './risk-labels';

const LEVELS: RiskLevel[] = ['critical', 'high', 'medium', 'low'];

function levelCounts(a: Assessment): Partial<Record<RiskLevel, number>> {
  if (a.risks) return a.risks.byLevel;
  const c: Partial<Record<RiskLevel, number>> = {};
  for (const r of a.riskItems ?? []) if (r.level) c[r.level] = (c[r.level] ?? 0) + 1;
  return c;
}

/** 风险评估: the annual assessments (NDS Art. 33), one opened below the list, and open risks. */
export function RiskPanel({
  orgId,
  canWrite,
  canApprove,
}: {
  orgId: string;
  canWrite: boolean;
  canApprove: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const list = useAssessments(orgId);
  const open = useOpenRisks(orgId);
  const create = useCreateAssessment(orgId);
  const [params, setParams] = useSearchParams();
  const selected = params.get('assessment');
  const select = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('assessment', id);
        else next.delete('assessment');
        return next;
      },
      { replace: true },
    );
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{
    year: number;
    title: string;
    period?: [Dayjs, Dayjs];
    assessor?: string;
  }>();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    const v = form.getFieldsValue(true) as {
      year: number;
      title: string;
      period?: [Dayjs, Dayjs];
      assessor?: string;
    };
    const body = {
      year: v.year,
      title: (v.title ?? '').trim(),
      periodFrom: toIsoDate(v.period?.[0] ?? null) ?? '',
      periodTo: toIsoDate(v.period?.[1] ?? null) ?? '',
      assessor: v.assessor?.trim() ? v.assessor.trim() : null,
    };
    const checked = RiskAssessmentInputSchema.safeParse(body);
    if (!checked.success) {
      setProblem(
        zodProblems(checked.error, i18n.language)
          .map((p) => `${p.name.join('.')}: ${p.message}`)
          .join('；'),
      );
      return;
    }
    setProblem(null);
    try {
      const saved = await create.mutateAsync(body);
      setCreating(false);
      create.reset();
      select(saved.id);
      message.success(t('dataSecurity.assessment.created', { year: saved.year }));
    } catch {
      /* shown in the dialog */
    }
  };

  const year = Number(todayInBeijing().slice(0, 4));
  const rows = [...(list.data ?? [])].sort((a, b) => b.year - a.year);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('dataSecurity.assessment.list')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({
                  year: year - 1,
                  title: t('dataSecurity.assessment.defaultTitle', { year: year - 1 }),
                });
                setProblem(null);
                setCreating(true);
              }}
            >
              {t('dataSecurity.assessment.create')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('dataSecurity.assessment.intro')}
        </Typography.Paragraph>
        {list.isError && <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<Assessment>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('dataSecurity.assessment.empty') }}
          rowClassName={(a) => (a.id === selected ? 'ant-table-row-selected' : '')}
          data-testid="assessments-table"
          columns={[
            { title: t('dataSecurity.field.year'), dataIndex: 'year', width: 80 },
            {
              title: t('dataSecurity.field.assessmentTitle'),
              dataIndex: 'title',
              render: (title: string, a) => (
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0 }}
                  onClick={() => select(a.id)}
                >
                  {title}
                </Button>
              ),
            },
            {
              title: t('dataSecurity.field.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: string) => (
                <Tag color={STATUS_COLOURS[s]}>{t(`dataSecurity.assessmentStatus.${s}`)}</Tag>
              ),
            },
            {
              title: t('dataSecurity.assessment.risksByLevel'),
              key: 'levels',
              width: 220,
              render: (_, a) => {
                const c = levelCounts(a);
                const any = LEVELS.some((l) => (c[l] ?? 0) > 0);
                return any ? (
                  <Space size={4}>
                    {LEVELS.filter((l) => (c[l] ?? 0) > 0).map((l) => (
                      <Tag key={l} color={LEVEL_COLOURS[l]}>
                        {t(`dataSecurity.riskLevel.${l}`)} {c[l]}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                );
              },
            },
            {
              title: t('dataSecurity.field.reportedOn'),
              key: 'reported',
              width: 130,
              render: (_, a) =>
                a.reportedOn ?? (
                  <Typography.Text type="secondary">
                    {t('dataSecurity.assessment.notReported')}
                  </Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      {selected && (
        <AssessmentView orgId={orgId} id={selected} canWrite={canWrite} canApprove={canApprove} />
      )}
      <Card size="small" title={t('dataSecurity.risk.openTitle')}>
        {open.isError && <ApiErrorAlert error={open.error} style={{ marginBottom: 12 }} />}
        <Table<RiskView>
          rowKey="id"
          size="small"
          loading={open.isPending}
          dataSource={open.data ?? []}
          pagination={(open.data?.length ?? 0) > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('dataSecurity.risk.noneOpen') }}
          data-testid="open-risks"
          columns={[
            {
              title: t('dataSecurity.field.assessment'),
              key: 'assessment',
              width: 160,
              render: (_, r) => {
                const id = r.assessment?.id ?? r.assessmentId;
                const label = r.assessment
                  ? r.assessment.title.includes(String(r.assessment.year))
                    ? r.assessment.title
                    : `${r.assessment.year} · ${r.assessment.title}`
                  : (r.assessmentYear ?? r.assessmentTitle ?? id ?? '');
                return id ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ paddingInline: 0 }}
                    onClick={() => select(id)}
                  >
                    {label}
                  </Button>
                ) : (
                  label
                );
              },
            },
            { title: t('dataSecurity.field.code'), dataIndex: 'code', width: 80 },
            { title: t('dataSecurity.field.riskTitle'), dataIndex: 'title' },
            {
              title: t('dataSecurity.field.level'),
              key: 'level',
              width: 170,
              render: (_, r) => <RiskLevelTag risk={r} />,
            },
            {
              title: t('dataSecurity.field.owner'),
              dataIndex: 'owner',
              width: 110,
              render: (o: string | null) => o ?? t('common.none'),
            },
            {
              title: t('dataSecurity.field.dueOn'),
              key: 'due',
              width: 150,
              render: (_, r) => <DueCell risk={r} />,
            },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={t('dataSecurity.assessment.create')}
        onCancel={() => setCreating(false)}
        onOk={() => void submit()}
        okButtonProps={{ loading: create.isPending }}
        destroyOnHidden
      >
        {problem && <Typography.Paragraph type="danger">{problem}</Typography.Paragraph>}
        {create.error != null && (
          <ApiErrorAlert error={create.error} style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="vertical" name="newAssessment">
          <Form.Item name="year" label={t('dataSecurity.field.year')} required>
            <InputNumber min={2021} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="title" label={t('dataSecurity.field.assessmentTitle')} required>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="period" label={t('dataSecurity.field.period')} required>
            <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="assessor" label={t('dataSecurity.field.assessor')}>
            <Input maxLength={200} placeholder={t('dataSecurity.assessment.assessorPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
