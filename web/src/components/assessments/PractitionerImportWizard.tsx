import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Modal,
  Result,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PractitionerImportDto,
  PractitionerNoteDto,
  PractitionerSheetDto,
} from '../../../../src/shared/practitioner-import';
import { XLSX_MEDIA_TYPE } from '../../api/assessment-client';
import { refreshAssessment } from '../../api/assessment-hooks';
import { ApiRequestError, RawBody, org, query, request } from '../../api/client';
import { detailMessage } from '../../lib/api-errors';
import { objectKindLabel, TEST_OBJECT_KINDS } from '../../lib/assessment-vocabulary';
import { ApiErrorAlert } from '../ApiErrorAlert';

interface Props {
  readonly open: boolean;
  readonly orgId: string;
  readonly assessmentId: string;
  readonly onClose: () => void;
}

interface NoteRow {
  key: string;
  sheet: string;
  row: string;
  column: string;
  message: string;
  kind: 'problem' | 'unmatched' | 'warning';
}

/** Uploads the file for a preview (dryRun) or to import it. */
function upload(
  orgId: string,
  assessmentId: string,
  file: Blob,
  options: { dryRun: boolean; skipUnmatched: boolean; kinds: Record<string, string> },
) {
  const q = query({
    layout: 'auto',
    dryRun: String(options.dryRun),
    skipUnmatched: String(options.skipUnmatched),
    kinds: Object.keys(options.kinds).length > 0 ? JSON.stringify(options.kinds) : undefined,
  });
  return request<PractitionerImportDto>(
    'POST',
    `${org(orgId)}/assessments/${encodeURIComponent(assessmentId)}/import${q}`,
    new RawBody(file, XLSX_MEDIA_TYPE),
  );
}

/**
 * Importing an assessor's own workbook (one sheet per test object): upload → preview per sheet
 * (object, kind to confirm, IP, version, rows matched, rows not matched and why) → import, all or
 * nothing.
 */
export function PractitionerImportWizard({ open, orgId, assessmentId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [kinds, setKinds] = useState<Record<string, string>>({});
  const [skipUnmatched, setSkipUnmatched] = useState(false);
  const [preview, setPreview] = useState<PractitionerImportDto | null>(null);
  const [done, setDone] = useState<PractitionerImportDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const step = done ? 2 : preview ? 1 : 0;
  const say = (n: PractitionerNoteDto) => detailMessage(n, i18n.language);

  const reset = () => {
    setFile(null);
    setKinds({});
    setSkipUnmatched(false);
    setPreview(null);
    setDone(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const runPreview = async (blob: File, chosen: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(
        await upload(orgId, assessmentId, blob, { dryRun: true, skipUnmatched, kinds: chosen }),
      );
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await upload(orgId, assessmentId, file, {
        dryRun: false,
        skipUnmatched,
        kinds,
      });
      setDone(answer);
      await refreshAssessment(client, orgId, assessmentId);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const sheets = preview?.sheets.filter((s) => s.status === 'items') ?? [];
  const leftOut = preview?.sheets.filter((s) => s.status !== 'items') ?? [];
  const totals = preview?.totals;
  const blocked = !totals || totals.problems > 0 || (totals.unmatched > 0 && !skipUnmatched);

  const notes = (s: PractitionerSheetDto): NoteRow[] =>
    [
      ...s.problems.map((n, i) => ({ n, i, kind: 'problem' as const })),
      ...s.unmatched.map((n, i) => ({ n, i, kind: 'unmatched' as const })),
      ...s.warnings.map((n, i) => ({ n, i, kind: 'warning' as const })),
    ].map(({ n, i, kind }) => ({
      key: `${kind}-${i}`,
      sheet: s.sheet,
      row: n.row === null ? '' : String(n.row),
      column: n.column ?? '',
      message: say(n),
      kind,
    }));

  const errorDetails =
    error instanceof ApiRequestError && error.status === 400 ? error.body.details : [];

  return (
    <Modal
      open={open}
      title={t('assessment.practitioner.title')}
      width={1180}
      onCancel={close}
      destroyOnHidden
      footer={
        step === 1 ? (
          <Space>
            <Button onClick={reset}>{t('assessment.practitioner.again')}</Button>
            <Button
              type="primary"
              data-testid="practitioner-confirm"
              disabled={blocked}
              loading={busy}
              onClick={() => void commit()}
            >
              {t('assessment.practitioner.confirm', {
                objects: totals?.objectsToCreate ?? 0,
                results: totals?.results ?? 0,
              })}
            </Button>
          </Space>
        ) : (
          <Button onClick={close}>{t('assessment.practitioner.close')}</Button>
        )
      }
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={(['upload', 'preview', 'done'] as const).map((k) => ({
          title: t(`assessment.practitioner.step.${k}`),
        }))}
      />
      {step === 0 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('assessment.practitioner.hint')}
          </Typography.Paragraph>
          <Upload.Dragger
            accept={`.xlsx,${XLSX_MEDIA_TYPE}`}
            multiple={false}
            showUploadList={false}
            disabled={busy}
            customRequest={async ({ file: picked, onSuccess }) => {
              const blob = picked as File;
              setFile(blob);
              setKinds({});
              await runPreview(blob, {});
              onSuccess?.(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('assessment.practitioner.drop')}</p>
            <p className="ant-upload-hint">{t('assessment.practitioner.dropHint')}</p>
          </Upload.Dragger>
        </Space>
      )}

      {step === 1 && preview && totals && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type={totals.problems > 0 ? 'error' : totals.unmatched > 0 ? 'warning' : 'info'}
            showIcon
            data-testid="practitioner-summary"
            title={t('assessment.practitioner.summary', {
              name: file?.name ?? '',
              level: preview.level,
              sheets: totals.sheets,
              rows: totals.rows,
              matched: totals.matched,
              results: totals.results,
              unmatched: totals.unmatched,
              objects: totals.objectsToCreate,
            })}
            description={
              totals.problems > 0
                ? t('assessment.practitioner.hasProblems', { count: totals.problems })
                : t('assessment.practitioner.previewHint')
            }
          />
          {preview.problems.map((p, i) => (
            <Alert key={i} type="error" showIcon title={say(p)} />
          ))}
          <Table<PractitionerSheetDto>
            size="small"
            bordered
            data-testid="practitioner-preview"
            rowKey="sheet"
            dataSource={sheets}
            pagination={false}
            scroll={{ x: 'max-content', y: 420 }}
            expandable={{
              expandedRowRender: (s) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary" data-testid="practitioner-columns">
                    {t('assessment.practitioner.columns', {
                      row: s.headerRow ?? '',
                      columns: Object.entries(s.columns)
                        .map(
                          ([field, header]) =>
                            `${t(`assessment.practitioner.field.${field}`)}：${header}`,
                        )
                        .join('；'),
                    })}
                  </Typography.Text>
                  <Table<NoteRow>
                    size="small"
                    rowKey="key"
                    dataSource={notes(s)}
                    pagination={false}
                    columns={[
                      {
                        title: '',
                        dataIndex: 'kind',
                        width: 90,
                        render: (k: NoteRow['kind']) => (
                          <Tag
                            color={
                              k === 'problem' ? 'red' : k === 'unmatched' ? 'orange' : 'default'
                            }
                          >
                            {t(`assessment.practitioner.note.${k}`)}
                          </Tag>
                        ),
                      },
                      { title: t('assessment.excel.row'), dataIndex: 'row', width: 60 },
                      { title: t('assessment.excel.column'), dataIndex: 'column', width: 100 },
                      { title: t('assessment.practitioner.reason'), dataIndex: 'message' },
                    ]}
                  />
                </Space>
              ),
            }}
            columns={[
              { title: t('assessment.excel.sheet'), dataIndex: 'sheet', width: 140 },
              {
                title: t('assessment.practitioner.object'),
                width: 170,
                render: (_: unknown, s) =>
                  !s.object ? (
                    <Typography.Text type="secondary">
                      {t('assessment.practitioner.noObject')}
                    </Typography.Text>
                  ) : (
                    <Space size={4} wrap>
                      <span>{s.object?.name}</span>
                      {s.object?.existingId ? (
                        <Tag>{t('assessment.practitioner.existing')}</Tag>
                      ) : (
                        <Tag color="blue">{t('assessment.practitioner.new')}</Tag>
                      )}
                    </Space>
                  ),
              },
              {
                title: t('assessment.practitioner.kind'),
                width: 210,
                render: (_: unknown, s) =>
                  !s.object ? null : s.object.existingId ? (
                    objectKindLabel(s.object.kind, i18n.language)
                  ) : (
                    <Space size={4}>
                      <Select
                        size="small"
                        style={{ width: 170 }}
                        aria-label={t('assessment.practitioner.kindOf', { sheet: s.sheet })}
                        value={kinds[s.sheet] ?? s.object?.kind}
                        disabled={busy}
                        options={TEST_OBJECT_KINDS.map((k) => ({
                          value: k,
                          label: objectKindLabel(k, i18n.language),
                        }))}
                        onChange={(kind: string) => {
                          const next = { ...kinds, [s.sheet]: kind };
                          setKinds(next);
                          if (file) void runPreview(file, next);
                        }}
                      />
                      {s.object?.kindGuessed && !kinds[s.sheet] && (
                        <Tag color="gold">{t('assessment.practitioner.guessed')}</Tag>
                      )}
                    </Space>
                  ),
              },
              {
                title: 'IP',
                width: 130,
                render: (_: unknown, s) => s.object?.attributes.ipAddresses.join(', '),
              },
              {
                title: t('assessment.practitioner.version'),
                width: 100,
                render: (_: unknown, s) => s.object?.attributes.version,
              },
              {
                title: t('assessment.practitioner.matched'),
                width: 80,
                render: (_: unknown, s) => `${s.matched}/${s.rows}`,
              },
              { title: t('assessment.practitioner.results'), dataIndex: 'results', width: 70 },
              {
                title: t('assessment.practitioner.unmatched'),
                width: 80,
                render: (_: unknown, s) =>
                  s.unmatched.length > 0 ? <Tag color="orange">{s.unmatched.length}</Tag> : 0,
              },
              {
                title: t('assessment.practitioner.problems'),
                width: 70,
                render: (_: unknown, s) =>
                  s.problems.length > 0 ? <Tag color="red">{s.problems.length}</Tag> : 0,
              },
            ]}
          />
          {leftOut.length > 0 && (
            <Typography.Text type="secondary">
              {t('assessment.practitioner.leftOut', {
                sheets: leftOut.map((s) => s.sheet).join('、'),
              })}
            </Typography.Text>
          )}
          {totals.unmatched > 0 && totals.problems === 0 && (
            <Checkbox
              checked={skipUnmatched}
              data-testid="practitioner-skip"
              onChange={(e) => setSkipUnmatched(e.target.checked)}
            >
              {t('assessment.practitioner.skipUnmatched', { count: totals.unmatched })}
            </Checkbox>
          )}
        </Space>
      )}

      {step === 2 && done?.written && (
        <Result
          status="success"
          data-testid="practitioner-result"
          title={t('assessment.practitioner.done', { name: file?.name ?? '' })}
          extra={
            <Descriptions size="small" column={5} bordered>
              {(
                ['objectsCreated', 'created', 'updated', 'unchanged', 'unmatchedLeftOut'] as const
              ).map((k) => (
                <Descriptions.Item key={k} label={t(`assessment.practitioner.count.${k}`)}>
                  <span data-testid={`practitioner-${k}`}>{done.written?.[k]}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          }
        />
      )}

      {error !== null &&
        (errorDetails.length > 0 ? (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Alert
              type="error"
              showIcon
              title={t('assessment.practitioner.refused', { count: errorDetails.length })}
            />
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={errorDetails.map((d) => ({
                ...d,
                text: detailMessage(d, i18n.language),
              }))}
              pagination={errorDetails.length > 20 ? { pageSize: 20 } : false}
              columns={[
                { title: t('assessment.excel.sheet'), dataIndex: 'path', width: 320 },
                { title: t('assessment.excel.message'), dataIndex: 'text' },
              ]}
            />
          </Space>
        ) : (
          <div style={{ marginTop: 12 }}>
            <ApiErrorAlert error={error} />
          </div>
        ))}
    </Modal>
  );
}
