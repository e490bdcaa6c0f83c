import {
  ArrowLeftOutlined,
  DownloadOutlined,
  EditOutlined,
  FilePdfOutlined,
  FileWordOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Dropdown,
  Flex,
  Form,
  Input,
  Result,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type MenuProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { IncidentReport } from '../../../../src/shared/data-security-schemas';
import { ApiRequestError } from '../../api/client';
import { useAllSystems } from '../../api/hooks';
import { incidentReportUrl, incidentsApi, type IncidentView } from '../../api/incidents-client';
import {
  isVersionConflict,
  useIncident,
  useIncidentGrading,
  usePatchIncident,
} from '../../api/incidents-hooks';
import { usePiCategories } from '../../api/privacy-hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DutyTimeline } from '../../components/data-security/incidents/DutyTimeline';
import {
  GRADE_COLOURS,
  GradeTag,
  StatusTag,
} from '../../components/data-security/incidents/incident-labels';
import { inputOf } from '../../components/data-security/incidents/incident-form';
import { toBeijingInstant } from '../../components/data-security/incidents/incident-time';
import {
  criterionText,
  IncidentDrawer,
} from '../../components/data-security/incidents/IncidentDrawer';
import { ReportRecordForm } from '../../components/data-security/incidents/ReportRecordForm';
import { useCan, useCurrentOrganisation } from '../../components/OrganisationScope';
import { formatTimestamp } from '../../lib/dates';
import { pick } from '../../lib/language';

/** 安全事件 detail: grade and status, the reporting duties with live countdowns, reports. */
export function IncidentPage() {
  const { t } = useTranslation();
  const { incidentId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  const incident = useIncident(organisation.id, incidentId);
  const back = `/o/${organisation.id}/data-security?tab=incidents`;

  if (incident.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (incident.isError) {
    if (incident.error instanceof ApiRequestError && incident.error.status === 404)
      return (
        <Result
          status="404"
          title={t('incidents.notFound')}
          extra={<Link to={back}>{t('incidents.backToList')}</Link>}
        />
      );
    return <ApiErrorAlert error={incident.error} />;
  }
  return <IncidentDetail incident={incident.data} back={back} />;
}

function ReportDownload({ orgId, incident }: { orgId: string; incident: IncidentView }) {
  const { t } = useTranslation();
  const items: MenuProps['items'] = (['initial', 'closing'] as const).flatMap((kind, index) => [
    ...(index > 0 ? [{ type: 'divider' as const }] : []),
    {
      type: 'group' as const,
      label: t(`incidents.download.${kind}`),
      children: (['docx', 'pdf'] as const).flatMap((format) =>
        (['zh', 'en'] as const).map((lang) => {
          const href = incidentReportUrl(orgId, incident.id, kind, format, lang);
          return {
            key: href,
            icon: format === 'docx' ? <FileWordOutlined /> : <FilePdfOutlined />,
            label: (
              <a href={href} download data-testid={`download-${kind}-${format}-${lang}`}>
                {t(`report.format.${format}`)} · {t(`report.lang.${lang}`)}
              </a>
            ),
          };
        }),
      ),
    },
  ]);
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />}>{t('incidents.download.button')}</Button>
    </Dropdown>
  );
}

/** PIPL Art. 57: individuals told (when, how) or why they need not be; recorded here. */
function PiNotification({ orgId, incident }: { orgId: string; incident: IncidentView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('datasec.write');
  const patch = usePatchIncident(orgId);
  const categories = usePiCategories();
  const [form] = Form.useForm<{ notifiedAt: Dayjs | null; method?: string }>();
  const pi = incident.piIncident;
  const duty = incident.duties.find((d) => d.kind === 'notify_individuals');
  if (!pi)
    return <Typography.Text type="secondary">{t('incidents.pi.notInvolved')}</Typography.Text>;
  const name = (code: string) => {
    const c = categories.data?.find((x) => x.code === code);
    return c ? pick(i18n.language, c.nameZh, c.nameEn) : code;
  };
  const record = async (v: { notifiedAt: Dayjs | null; method?: string }) => {
    const notifiedAt = toBeijingInstant(v.notifiedAt);
    if (!notifiedAt) return;
    try {
      await patch.mutateAsync({
        id: incident.id,
        version: incident.version,
        ...inputOf(incident),
        piIncident: { ...pi, notifiedAt, notificationMethod: v.method?.trim() || null },
      });
      message.success(t('incidents.pi.recorded'));
    } catch {
      // shown below
    }
  };
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'individuals',
            label: t('incidents.pi.individuals'),
            children: t('incidents.people', { n: pi.individuals.toLocaleString() }),
          },
          {
            key: 'categories',
            label: t('incidents.pi.categories'),
            children:
              pi.categories.length > 0 ? (
                <Space size={[4, 4]} wrap>
                  {pi.categories.map((c) => (
                    <Tag key={c}>{name(c)}</Tag>
                  ))}
                </Space>
              ) : (
                t('common.none')
              ),
          },
          {
            key: 'notified',
            label: t('incidents.pi.notifiedAt'),
            children: pi.notifiedAt ? (
              <Typography.Text type="success">
                {formatTimestamp(pi.notifiedAt)}
                {pi.notificationMethod ? ` · ${pi.notificationMethod}` : ''}
              </Typography.Text>
            ) : pi.notificationNotRequiredReason ? (
              <Typography.Text>
                {t('incidents.pi.notRequired')}
                {t('common.labelSeparator')}
                {pi.notificationNotRequiredReason}
              </Typography.Text>
            ) : (
              <Typography.Text type="warning">{t('incidents.pi.notYet')}</Typography.Text>
            ),
          },
        ]}
      />
      {duty && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pick(i18n.language, duty.reasonZh, duty.reasonEn)}
        </Typography.Text>
      )}
      {isVersionConflict(patch.error) ? (
        <Alert type="warning" showIcon title={t('incidents.conflict.reloaded')} />
      ) : (
        patch.error !== null && <ApiErrorAlert error={patch.error} />
      )}
      {canWrite && !pi.notifiedAt && !pi.notificationNotRequiredReason && (
        <Form form={form} layout="inline" onFinish={(v) => void record(v)}>
          <Form.Item
            name="notifiedAt"
            rules={[{ required: true, message: t('incidents.report.submittedAtRequired') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              placeholder={t('incidents.pi.notifiedAt')}
            />
          </Form.Item>
          <Form.Item name="method">
            <Input placeholder={t('incidents.pi.notificationMethod')} maxLength={200} />
          </Form.Item>
          <Button htmlType="submit" loading={patch.isPending}>
            {t('incidents.pi.record')}
          </Button>
        </Form>
      )}
    </Space>
  );
}

function IncidentDetail({ incident, back }: { incident: IncidentView; back: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const language = i18n.language;
  const organisation = useCurrentOrganisation();
  const orgId = organisation.id;
  const canWrite = useCan('datasec.write');
  const systems = useAllSystems(orgId);
  const grading = useIncidentGrading();
  const patch = usePatchIncident(orgId);
  const [editing, setEditing] = useState<IncidentView | null>(null);

  const systemName = (id: string) => systems.data?.items.find((s) => s.id === id)?.name ?? id;
  const criterion = (id: string) => grading.data?.find((c) => c.id === id);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={back}>
        <ArrowLeftOutlined /> {t('incidents.backToList')}
      </Link>
      <Flex justify="space-between" align="start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {incident.code} {incident.title}
          </Typography.Title>
          <Space size={8} wrap style={{ marginTop: 8 }}>
            <GradeTag incident={incident} />
            {incident.grade && incident.grade !== incident.suggestedGrade && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('incidents.suggestedOther', {
                  grade: t(`incidents.grade.${incident.suggestedGrade}`),
                })}
              </Typography.Text>
            )}
            <StatusTag status={incident.status} />
            <Tag>{t(`incidents.type.${incident.type}`)}</Tag>
            <Typography.Text type="secondary">
              {t('incidents.foundAtLine', { time: formatTimestamp(incident.foundAt) })}
            </Typography.Text>
          </Space>
        </div>
        <Space wrap>
          <ReportDownload orgId={orgId} incident={incident} />
          {canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(incident)}>
              {t('incidents.editButton')}
            </Button>
          )}
        </Space>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('incidents.section.duties')}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('incidents.dutiesHint', {
                regime: t(`incidents.regime.${incident.regime}`, { defaultValue: incident.regime }),
                operator: t(`incidents.operatorKind.${incident.operatorKind}`),
              })}
            </Typography.Paragraph>
            <DutyTimeline duties={incident.duties} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {canWrite && (
              <Card size="small" title={t('incidents.section.recordReport')}>
                <ReportRecordForm key={incident.version} orgId={orgId} incident={incident} />
              </Card>
            )}
            <Card size="small" title={t('incidents.section.reports')}>
              <Table<IncidentReport>
                size="small"
                rowKey={(r) => `${r.kind}-${r.recipient}-${r.submittedAt}`}
                dataSource={incident.reports}
                pagination={false}
                locale={{ emptyText: t('incidents.report.none') }}
                columns={[
                  {
                    title: t('incidents.report.kindShort'),
                    dataIndex: 'kind',
                    width: 56,
                    render: (k: string) => t(`incidents.reportKind.${k}`),
                  },
                  {
                    title: t('incidents.report.recipient'),
                    dataIndex: 'recipient',
                    render: (r: string) => (
                      <span style={{ whiteSpace: 'nowrap' }}>{t(`incidents.recipient.${r}`)}</span>
                    ),
                  },
                  {
                    title: t('incidents.report.submittedAt'),
                    dataIndex: 'submittedAt',
                    width: 135,
                    render: (at: string) => formatTimestamp(at),
                  },
                  {
                    title: t('incidents.report.reference'),
                    dataIndex: 'reference',
                    render: (r: string | null) => r ?? t('common.none'),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('incidents.section.piNotice')}>
              <PiNotification orgId={orgId} incident={incident} />
            </Card>
          </Space>
        </Col>
      </Row>

      <Card size="small" title={t('incidents.section.facts')}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'occurredAt',
              label: t('incidents.field.occurredAt'),
              children: formatTimestamp(incident.occurredAt) || t('common.none'),
            },
            {
              key: 'cii',
              label: t('incidents.field.involvesCii'),
              children:
                incident.involvesCii === null || incident.involvesCii === undefined
                  ? t('incidents.cii.autoResult', {
                      result: t(
                        incident.involvesCiiEffective ? 'incidents.cii.yes' : 'incidents.cii.no',
                      ),
                    })
                  : t(incident.involvesCii ? 'incidents.cii.yes' : 'incidents.cii.no'),
            },
            {
              key: 'systems',
              label: t('incidents.field.systems'),
              children:
                incident.systemIds.length > 0 ? (
                  <Space size={[4, 4]} wrap>
                    {incident.systemIds.map((id) => (
                      <Link key={id} to={`/o/${orgId}/systems/${id}`}>
                        {systemName(id)}
                      </Link>
                    ))}
                  </Space>
                ) : (
                  t('common.none')
                ),
            },
            {
              key: 'resources',
              label: t('incidents.field.dataResources'),
              children:
                incident.dataResourceCodes.join(t('common.listSeparator')) || t('common.none'),
            },
            {
              key: 'criteria',
              label: t('incidents.field.criteriaFound'),
              span: 2,
              children:
                incident.criteriaFound.length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="criteria-found">
                    {incident.criteriaFound.map((c) => {
                      const full = criterion(c.id);
                      return (
                        <li key={c.id}>
                          <Tag color={GRADE_COLOURS[c.grade]}>
                            {t(`incidents.grade.${c.grade}`)}
                          </Tag>
                          {full ? criterionText(full, language) : c.id}{' '}
                          <Tag style={{ fontSize: 11 }}>
                            {t(`incidents.source.${c.source === 'final-2025' ? 'final' : 'draft'}`)}
                          </Tag>
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  t('incidents.criteriaNone')
                ),
            },
            ...(incident.gradeReason
              ? [
                  {
                    key: 'gradeReason',
                    label: t('incidents.field.gradeReason'),
                    span: 2,
                    children: incident.gradeReason,
                  },
                ]
              : []),
            ...(['impactDescription', 'responseTaken', 'cause', 'furtherMeasures'] as const)
              .filter((k) => incident[k])
              .map((k) => ({
                key: k,
                label: t(`incidents.field.${k}`),
                span: 2,
                children: (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {incident[k]}
                  </Typography.Paragraph>
                ),
              })),
          ]}
        />
      </Card>

      <IncidentDrawer
        orgId={orgId}
        open={editing !== null}
        incident={editing ?? undefined}
        canWrite={canWrite}
        submitting={patch.isPending}
        error={patch.error}
        onClose={() => {
          setEditing(null);
          patch.reset();
        }}
        onReload={async () => {
          const latest = await incidentsApi.get(orgId, incident.id);
          patch.reset();
          setEditing(latest);
          return latest;
        }}
        onSubmit={async (body) => {
          if (!editing) return;
          const saved = await patch.mutateAsync({
            id: editing.id,
            version: editing.version,
            ...body,
            reports: editing.reports,
          });
          patch.reset();
          setEditing(null);
          message.success(t('incidents.saved', { code: saved.code }));
        }}
      />
    </Space>
  );
}
