import { DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  List,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useVerification,
  useVerificationDelete,
  useVerificationUpload,
  type ObjectCandidatesDto,
  type SeverityCounts,
  type VerificationFindingDto,
  type VerificationHostDto,
  type VerificationImportDto,
  type VerificationImportSummaryDto,
  type VerificationSeverityCode,
} from '../../api/verification-client';
import { ApiRequestError } from '../../api/client';
import { detailMessage } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';
import type { AssessmentPanelProps } from './panel-props';

const SEVERITIES: readonly VerificationSeverityCode[] = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
];
const SEVERITY_COLOR: Record<VerificationSeverityCode, string> = {
  critical: 'magenta',
  high: 'red',
  medium: 'orange',
  low: 'blue',
  info: 'default',
};

/** `10.20.1.11:443`, `[2001:db8::15]:22`, or the host alone for host-level findings. */
const targetText = (f: VerificationFindingDto) => {
  const host = f.host ?? f.hostname ?? '—';
  if (!f.port) return host;
  return `${f.host?.includes(':') ? `[${host}]` : host}:${f.port}`;
};

const hostKey = (h: { host: string | null; hostname: string | null }) => h.host ?? h.hostname ?? '';

function Counts({ counts }: { counts: SeverityCounts }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
        <Tag key={s} color={SEVERITY_COLOR[s]}>
          {t(`assessment.verification.severity.${s}`)} {counts[s]}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * Verification tests (漏洞扫描, 渗透测试): upload a Greenbone/OpenVAS report, a Nessus .nessus
 * file or a penetration-test sheet; the preview shows each host's test object (matched by IP or
 * name, or chosen here), counts by severity and the 6.4.3.2 candidates; the import is all or
 * nothing. Below, the imported files and the findings per object with CVE and CVSS.
 */
export function VerificationPanel({ orgId, assessment, editable }: AssessmentPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const list = useVerification(orgId, assessment.id);
  const upload = useVerificationUpload(orgId, assessment.id);
  const remove = useVerificationDelete(orgId, assessment.id);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<VerificationImportDto | null>(null);
  const [assign, setAssign] = useState<Record<string, string>>({});
  const [allowUnassigned, setAllowUnassigned] = useState(false);
  const [done, setDone] = useState<VerificationImportDto | null>(null);
  const [objectFilter, setObjectFilter] = useState<string | undefined>(undefined);

  const objectOptions = assessment.objects.map((o) => ({ value: o.id, label: o.name }));
  const send = async (f: File, dryRun: boolean, chosen = assign, allow = allowUnassigned) => {
    const answer = await upload.mutateAsync({
      file: f,
      fileName: f.name,
      dryRun,
      allowUnassigned: allow,
      assign: chosen,
    });
    if (dryRun) setPreview(answer);
    else {
      setDone(answer);
      setPreview(null);
      setFile(null);
      setAssign({});
    }
  };

  const error = upload.error;
  const problems =
    error instanceof ApiRequestError && error.status === 400
      ? error.body.details.map((d) => ({ path: d.path, text: detailMessage(d, i18n.language) }))
      : [];
  const previewProblems = (preview?.problems ?? []).map((d) => ({
    path: d.path,
    text: detailMessage(d, i18n.language),
  }));
  const findings = useMemo(
    () => (list.data?.findings ?? []).filter((f) => !objectFilter || f.objectId === objectFilter),
    [list.data, objectFilter],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('assessment.verification.importTitle')}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('assessment.verification.importHint')}
            </Typography.Paragraph>
            <Upload.Dragger
              accept=".xml,.nessus,.xlsx,.csv"
              multiple={false}
              showUploadList={false}
              disabled={!editable || upload.isPending}
              data-testid="verification-upload"
              customRequest={async ({ file: picked, onSuccess, onError }) => {
                const f = picked as File;
                setFile(f);
                setPreview(null);
                setDone(null);
                setAssign({});
                upload.reset();
                try {
                  await send(f, true, {});
                  onSuccess?.(null);
                } catch (cause) {
                  onError?.(cause as Error);
                }
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('assessment.verification.drop')}</p>
              <p className="ant-upload-hint">
                {editable
                  ? t('assessment.verification.dropHint')
                  : t('assessment.completedReadOnly')}
              </p>
            </Upload.Dragger>
            {done && (
              <Alert
                type="success"
                showIcon
                data-testid="verification-imported"
                title={t('assessment.verification.imported', {
                  name: done.fileName,
                  count: done.findingCount,
                })}
                description={<Counts counts={done.counts} />}
              />
            )}
            {problems.length > 0 ? (
              <Alert
                type="error"
                showIcon
                data-testid="verification-problems"
                title={t('assessment.verification.refused', { name: file?.name ?? '' })}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {problems.map((p, i) => (
                      <li key={i}>{p.text}</li>
                    ))}
                  </ul>
                }
              />
            ) : (
              error && <ApiErrorAlert error={error} />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        {preview && file ? (
          <Card
            size="small"
            data-testid="verification-preview"
            title={t('assessment.verification.previewTitle', { name: preview.fileName })}
            extra={
              <Space>
                <Checkbox
                  checked={allowUnassigned}
                  onChange={(e) => {
                    setAllowUnassigned(e.target.checked);
                    void send(file, true, assign, e.target.checked);
                  }}
                >
                  {t('assessment.verification.allowUnassigned')}
                </Checkbox>
                <Button
                  type="primary"
                  data-testid="verification-commit"
                  disabled={!editable || preview.problems.length > 0}
                  loading={upload.isPending}
                  onClick={() => void send(file, false).catch(() => undefined)}
                >
                  {t('assessment.verification.commit', { count: preview.findingCount })}
                </Button>
              </Space>
            }
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {t(`assessment.verification.format.${preview.format}`)}
                {preview.scanner
                  ? ` · ${[preview.scanner, preview.scannerVersion].filter(Boolean).join(' ')}`
                  : ''}
                {preview.scanDate ? ` · ${preview.scanDate}` : ''}
              </Typography.Text>
              <Counts counts={preview.counts} />
              <Table<VerificationHostDto>
                size="small"
                rowKey={(h) => hostKey(h)}
                dataSource={preview.hosts}
                pagination={preview.hosts.length > 20 ? { pageSize: 20 } : false}
                columns={[
                  {
                    title: t('assessment.verification.host'),
                    render: (_, h) => (
                      <Space orientation="vertical" size={0}>
                        <span>{h.host ?? h.hostname}</span>
                        {h.host && h.hostname && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {h.hostname}
                          </Typography.Text>
                        )}
                      </Space>
                    ),
                  },
                  {
                    title: t('assessment.verification.object'),
                    width: 220,
                    render: (_, h) => (
                      <Select
                        size="small"
                        allowClear
                        style={{ width: '100%' }}
                        placeholder={t('assessment.verification.unmatched')}
                        options={objectOptions}
                        value={assign[hostKey(h)] ?? h.objectId ?? undefined}
                        status={h.objectId === null && h.findingCount > 0 ? 'warning' : undefined}
                        onChange={(value?: string) => {
                          const next = { ...assign };
                          if (value) next[hostKey(h)] = value;
                          else delete next[hostKey(h)];
                          setAssign(next);
                          void send(file, true, next);
                        }}
                      />
                    ),
                  },
                  {
                    title: t('assessment.verification.matchedBy'),
                    width: 90,
                    render: (_, h) =>
                      h.matchedBy ? (
                        <Tag>{t(`assessment.verification.by.${h.matchedBy}`)}</Tag>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    title: t('assessment.verification.findings'),
                    render: (_, h) =>
                      h.findingCount === 0 ? (
                        <Typography.Text type="secondary">
                          {t('assessment.verification.clean')}
                        </Typography.Text>
                      ) : (
                        <Counts counts={h.counts} />
                      ),
                  },
                ]}
              />
              {previewProblems.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('assessment.verification.wouldRefuse')}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {previewProblems.map((p, i) => (
                        <li key={i}>{p.text}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Candidates list={preview.candidates} lang={lang} />
            </Space>
          </Card>
        ) : (
          <Card size="small" title={t('assessment.verification.candidatesTitle')}>
            {list.data && list.data.candidates.length > 0 ? (
              <Candidates list={list.data.candidates} lang={lang} />
            ) : (
              <Empty description={t('assessment.verification.noCandidates')} />
            )}
          </Card>
        )}
      </Col>
      <Col span={24}>
        <Card size="small" title={t('assessment.verification.importsTitle')}>
          {list.isError && <ApiErrorAlert error={list.error} />}
          <Table<VerificationImportSummaryDto>
            size="small"
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.imports ?? []}
            pagination={false}
            data-testid="verification-imports"
            columns={[
              { title: t('assessment.verification.file'), dataIndex: 'fileName' },
              {
                title: t('assessment.verification.formatLabel'),
                render: (_, i) => t(`assessment.verification.format.${i.format}`),
              },
              {
                title: t('assessment.verification.scanner'),
                render: (_, i) => [i.scanner, i.scannerVersion].filter(Boolean).join(' ') || '—',
              },
              {
                title: t('assessment.verification.scanDate'),
                dataIndex: 'scanDate',
                render: (v) => v ?? '—',
              },
              { title: t('assessment.verification.hosts'), dataIndex: 'hostCount', width: 70 },
              {
                title: t('assessment.verification.findings'),
                render: (_, i) => <Counts counts={i.counts} />,
              },
              { title: t('assessment.verification.importedBy'), dataIndex: 'importedBy' },
              {
                title: '',
                width: 50,
                render: (_, i) => (
                  <Popconfirm
                    title={t('assessment.verification.deleteConfirm', { name: i.fileName })}
                    onConfirm={() => remove.mutate(i.id)}
                    disabled={!editable}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={!editable}
                      aria-label={t('assessment.verification.delete')}
                    />
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card
          size="small"
          title={t('assessment.verification.findingsTitle')}
          extra={
            <Select
              size="small"
              allowClear
              style={{ width: 220 }}
              placeholder={t('assessment.verification.allObjects')}
              options={objectOptions}
              value={objectFilter}
              onChange={setObjectFilter}
            />
          }
        >
          <Table<VerificationFindingDto>
            size="small"
            rowKey="id"
            dataSource={findings}
            data-testid="verification-findings"
            pagination={findings.length > 50 ? { pageSize: 50 } : false}
            columns={[
              {
                title: t('assessment.verification.object'),
                render: (_, f) =>
                  f.objectName ?? (
                    <Typography.Text type="secondary">
                      {t('assessment.verification.unmatched')}
                    </Typography.Text>
                  ),
              },
              {
                title: t('assessment.verification.target'),
                render: (_, f) => targetText(f),
              },
              {
                title: t('assessment.verification.source'),
                width: 80,
                render: (_, f) => t(`assessment.verification.sourceOf.${f.source}`),
              },
              { title: t('assessment.verification.name'), dataIndex: 'name' },
              {
                title: 'CVE',
                render: (_, f) => (f.cves.length ? f.cves.join(', ') : '—'),
              },
              {
                title: 'CVSS',
                width: 70,
                align: 'right',
                sorter: (a, b) => (a.cvss ?? -1) - (b.cvss ?? -1),
                render: (_, f) => (f.cvss === null ? '—' : f.cvss.toFixed(1)),
              },
              {
                title: t('assessment.verification.severityLabel'),
                width: 80,
                render: (_, f) => (
                  <Tag color={SEVERITY_COLOR[f.severity]}>
                    {t(`assessment.verification.severity.${f.severity}`)}
                  </Tag>
                ),
              },
              {
                title: t('assessment.verification.exploitable'),
                width: 80,
                render: (_, f) =>
                  f.exploitable === null ? '—' : f.exploitable ? t('common.yes') : t('common.no'),
              },
            ]}
            expandable={{
              rowExpandable: (f) => Boolean(f.description || f.solution),
              expandedRowRender: (f) => (
                <Space orientation="vertical">
                  {f.description && (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {f.description}
                    </Typography.Paragraph>
                  )}
                  {f.solution && (
                    <Typography.Paragraph style={{ margin: 0 }}>
                      <b>{t('assessment.verification.solution')}：</b>
                      {f.solution}
                    </Typography.Paragraph>
                  )}
                </Space>
              ),
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}

function Candidates({ list, lang }: { list: readonly ObjectCandidatesDto[]; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  if (list.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="verification-candidates">
      <Typography.Text strong>{t('assessment.verification.candidatesHint')}</Typography.Text>
      {list.map((o) => (
        <List
          key={o.objectId}
          size="small"
          bordered
          header={`${o.objectName} · ${o.caseId}（${o.requirementId}）`}
          dataSource={o.candidates}
          renderItem={(c) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <span>
                  {c.name}
                  {c.cvss !== null ? ` · CVSS ${c.cvss.toFixed(1)}` : ''}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.reasons.map((r) => r[lang]).join(lang === 'zh' ? '；' : '; ')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ))}
    </Space>
  );
}
