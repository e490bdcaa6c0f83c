import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Descriptions,
  Dropdown,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskAssessmentTransition } from '../../../../../src/shared/data-security-schemas';
import {
  dataSecurityApi,
  riskReportUrl,
  type AssessmentView as Assessment,
  type RiskView,
} from '../../../api/data-security-client';
import {
  isVersionConflict,
  useAssessment,
  useCreateRisk,
  usePatchAssessment,
  usePatchRisk,
  useResources,
  useRisks,
  useTransitionAssessment,
} from '../../../api/data-security-hooks';
import { DATE_FORMAT, todayInBeijing, toIsoDate } from '../../../lib/dates';
import { pick } from '../../../lib/language';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { RiskDrawer } from './RiskDrawer';
import { DueCell, RiskLevelTag, STATUS_COLOURS } from './risk-labels';

/** The report's narrative, in the order of NDS Regulations Art. 33 ¶1. */
const NARRATIVE = [
  'scope',
  'method',
  'managementMeasures',
  'technicalMeasures',
  'provisionAssessments',
  'exportSituation',
  'other',
  'conclusion',
] as const;
type Narrative = (typeof NARRATIVE)[number];

type TransitionKind = 'complete' | 'report' | 'reopen';

/** 评估详情: header with status and actions, the narrative by Art. 33 item, the risks. */
export function AssessmentView({
  orgId,
  id,
  canWrite,
  canApprove,
}: {
  orgId: string;
  id: string;
  canWrite: boolean;
  canApprove: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const assessment = useAssessment(orgId, id);
  const risks = useRisks(orgId, id);
  const resources = useResources(orgId);
  const patch = usePatchAssessment(orgId);
  const transition = useTransitionAssessment(orgId);
  const createRisk = useCreateRisk(orgId, id);
  const patchRisk = usePatchRisk(orgId, id);
  const [narrative] = Form.useForm<Record<Narrative, string>>();
  const [step] = Form.useForm();
  const [dialog, setDialog] = useState<TransitionKind | null>(null);
  const [editing, setEditing] = useState<RiskView | 'new' | null>(null);
  const a = assessment.data;

  useEffect(() => {
    if (!a) return;
    narrative.setFieldsValue(
      Object.fromEntries(NARRATIVE.map((k) => [k, a[k] ?? ''])) as Record<Narrative, string>,
    );
  }, [a, narrative]);

  if (assessment.isError) return <ApiErrorAlert error={assessment.error} />;
  if (!a) return <Card loading size="small" />;

  const editable = canWrite && a.status === 'draft';
  const saveNarrative = async () => {
    const values = narrative.getFieldsValue(true) as Record<Narrative, string>;
    const body = Object.fromEntries(
      NARRATIVE.map((k) => [k, values[k]?.trim() ? values[k].trim() : null]),
    );
    try {
      await patch.mutateAsync({ id: a.id, version: a.version, ...body });
      message.success(t('dataSecurity.assessment.saved'));
    } catch {
      /* shown below */
    }
  };

  const runTransition = async () => {
    const v = step.getFieldsValue(true) as Record<string, unknown>;
    let body: RiskAssessmentTransition;
    if (dialog === 'complete')
      body = {
        action: 'complete',
        completedOn: toIsoDate(v.on as never) ?? todayInBeijing(),
        version: a.version,
      };
    else if (dialog === 'report')
      body = {
        action: 'report',
        reportedOn: toIsoDate(v.on as never) ?? todayInBeijing(),
        recipient: String(v.recipient ?? '').trim(),
        reference: String(v.reference ?? '').trim() || null,
        version: a.version,
      };
    else body = { action: 'reopen', reason: String(v.reason ?? '').trim(), version: a.version };
    try {
      await transition.mutateAsync({ id: a.id, body });
      setDialog(null);
      transition.reset();
      message.success(t(`dataSecurity.assessment.done.${dialog}`));
    } catch {
      /* shown in the dialog */
    }
  };

  const riskRows = risks.data ?? a.riskItems ?? [];
  const current = editing === 'new' ? undefined : (editing ?? undefined);
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const approveButton = (
    <Button
      type="primary"
      disabled={!canApprove || a.status !== 'draft'}
      onClick={() => {
        step.resetFields();
        setDialog('complete');
      }}
    >
      {t('dataSecurity.assessment.complete')}
    </Button>
  );

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="assessment-view"
    >
      <Card
        size="small"
        title={a.title.includes(String(a.year)) ? a.title : `${a.year} · ${a.title}`}
        extra={
          <Space wrap>
            {canWrite &&
              (canApprove ? (
                approveButton
              ) : (
                <Tooltip title={t('dataSecurity.assessment.needsApprove')}>{approveButton}</Tooltip>
              ))}
            {canWrite && a.status === 'completed' && (
              <Button
                onClick={() => {
                  step.resetFields();
                  setDialog('report');
                }}
              >
                {t('dataSecurity.assessment.report')}
              </Button>
            )}
            {canWrite && a.status !== 'draft' && (
              <Button
                onClick={() => {
                  step.resetFields();
                  setDialog('reopen');
                }}
              >
                {t('dataSecurity.assessment.reopen')}
              </Button>
            )}
            <Dropdown
              menu={{
                items: (['docx', 'pdf'] as const).map((f) => ({
                  key: f,
                  label: (
                    <a href={riskReportUrl(orgId, a.id, f, lang)}>
                      {t(`dataSecurity.assessment.download.${f}`)}
                    </a>
                  ),
                })),
              }}
            >
              <Button icon={<DownloadOutlined />}>
                {t('dataSecurity.assessment.download.button')}
              </Button>
            </Dropdown>
          </Space>
        }
      >
        {transition.error != null && !dialog && <ApiErrorAlert error={transition.error} />}
        {a.status === 'draft' && (a.missingParts?.length ?? 0) > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="assessment-missing"
            title={t('dataSecurity.assessment.missing', { count: a.missingParts!.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {a.missingParts!.map((m) => (
                  <li key={`${m.part}-${m.path}`}>
                    {pick(i18n.language, m.messageZh, m.messageEn)}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'status',
              label: t('dataSecurity.field.status'),
              children: (
                <Tag color={STATUS_COLOURS[a.status]} data-testid="assessment-status">
                  {t(`dataSecurity.assessmentStatus.${a.status}`)}
                </Tag>
              ),
            },
            {
              key: 'period',
              label: t('dataSecurity.field.period'),
              children: `${a.periodFrom} ~ ${a.periodTo}`,
            },
            {
              key: 'assessor',
              label: t('dataSecurity.field.assessor'),
              children: a.assessor ?? t('common.none'),
            },
            {
              key: 'completed',
              label: t('dataSecurity.field.completedOn'),
              children: a.completedOn ?? t('common.none'),
            },
            {
              key: 'reported',
              label: t('dataSecurity.field.reportedOn'),
              children: a.report
                ? [a.report.reportedOn, a.report.recipient, a.report.reference]
                    .filter(Boolean)
                    .join(' · ')
                : (a.reportedOn ?? t('common.none')),
            },
            ...(a.snapshot
              ? [
                  {
                    key: 'snapshot',
                    label: t('dataSecurity.assessment.snapshot'),
                    children: t('dataSecurity.assessment.snapshotText', {
                      resources: a.snapshot.resources,
                      important: a.snapshot.important,
                      core: a.snapshot.core,
                    }),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('dataSecurity.assessment.narrative')}
        extra={
          editable && (
            <Button size="small" loading={patch.isPending} onClick={() => void saveNarrative()}>
              {t('common.save')}
            </Button>
          )
        }
      >
        {isVersionConflict(patch.error) ? (
          <Alert
            type="warning"
            showIcon
            title={t('privacy.conflict.title')}
            description={
              <Button
                size="small"
                onClick={() => {
                  patch.reset();
                  void assessment.refetch();
                }}
              >
                {t('privacy.conflict.reload')}
              </Button>
            }
            style={{ marginBottom: 12 }}
          />
        ) : (
          patch.error != null && <ApiErrorAlert error={patch.error} style={{ marginBottom: 12 }} />
        )}
        {!editable && canWrite && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('dataSecurity.assessment.lockedHint')}
          </Typography.Paragraph>
        )}
        <Form form={narrative} layout="vertical" disabled={!editable}>
          <Collapse
            size="small"
            defaultActiveKey={['scope', 'conclusion']}
            items={NARRATIVE.map((k) => ({
              key: k,
              label: t(`dataSecurity.narrative.${k}`),
              children: (
                <Form.Item
                  name={k}
                  extra={t(`dataSecurity.narrativeHint.${k}`)}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea
                    rows={3}
                    maxLength={8000}
                    aria-label={t(`dataSecurity.narrative.${k}`)}
                  />
                </Form.Item>
              ),
            }))}
          />
        </Form>
      </Card>
      <Card
        size="small"
        title={t('dataSecurity.risk.list')}
        extra={
          canWrite && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('dataSecurity.risk.create')}
            </Button>
          )
        }
      >
        {risks.isError && <ApiErrorAlert error={risks.error} style={{ marginBottom: 12 }} />}
        <Table<RiskView>
          rowKey="id"
          size="small"
          loading={risks.isPending}
          dataSource={riskRows}
          pagination={riskRows.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('dataSecurity.risk.empty') }}
          data-testid="risks-table"
          columns={[
            { title: t('dataSecurity.field.code'), dataIndex: 'code', width: 80 },
            {
              title: t('dataSecurity.field.riskTitle'),
              dataIndex: 'title',
              render: (title: string, r) => (
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0, whiteSpace: 'normal', textAlign: 'start' }}
                  onClick={() => setEditing(r)}
                >
                  {title}
                </Button>
              ),
            },
            {
              title: t('dataSecurity.field.area'),
              dataIndex: 'area',
              width: 110,
              render: (v: string) => t(`dataSecurity.area.${v}`),
            },
            {
              title: t('dataSecurity.field.level'),
              key: 'level',
              width: 170,
              render: (_, r) => <RiskLevelTag risk={r} />,
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
      <RiskDrawer
        open={editing !== null}
        risk={current}
        resources={resources.data ?? []}
        canWrite={canWrite}
        submitting={createRisk.isPending || patchRisk.isPending}
        error={current ? patchRisk.error : createRisk.error}
        onClose={() => {
          setEditing(null);
          createRisk.reset();
          patchRisk.reset();
        }}
        onReload={async () => {
          if (!current) return;
          const latest = (await dataSecurityApi.listRisks(orgId, id)).find(
            (r) => r.id === current.id,
          );
          patchRisk.reset();
          if (latest) setEditing(latest);
        }}
        onSubmit={async (body) => {
          if (current)
            await patchRisk.mutateAsync({ id: current.id, version: current.version, ...body });
          else await createRisk.mutateAsync(body);
          message.success(t('dataSecurity.saved', { code: body.code }));
          setEditing(null);
        }}
      />
      <Modal
        open={dialog !== null}
        title={dialog ? t(`dataSecurity.assessment.${dialog}`) : ''}
        onCancel={() => {
          setDialog(null);
          transition.reset();
        }}
        onOk={() => void runTransition()}
        okButtonProps={{ loading: transition.isPending }}
        destroyOnHidden
      >
        {transition.error != null && (
          <ApiErrorAlert error={transition.error} style={{ marginBottom: 12 }} />
        )}
        <Typography.Paragraph type="secondary">
          {dialog && t(`dataSecurity.assessment.hint.${dialog}`)}
        </Typography.Paragraph>
        <Form form={step} layout="vertical" name="transition">
          {dialog !== 'reopen' && (
            <Form.Item
              name="on"
              label={t(
                dialog === 'report'
                  ? 'dataSecurity.field.reportedOn'
                  : 'dataSecurity.field.completedOn',
              )}
              required
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {dialog === 'report' && (
            <>
              <Form.Item name="recipient" label={t('dataSecurity.field.reportRecipient')} required>
                <Input
                  maxLength={200}
                  placeholder={t('dataSecurity.assessment.recipientPlaceholder')}
                />
              </Form.Item>
              <Form.Item name="reference" label={t('dataSecurity.field.reportReference')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          {dialog === 'reopen' && (
            <Form.Item name="reason" label={t('dataSecurity.field.reopenReason')} required>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

export type { Assessment };
