import { DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RawBody, org, query, request } from '../../api/client';
import { formatTimestamp } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { useCan } from '../OrganisationScope';

/** One entry as GET …/requirement-wording lists it (src/app/assessment/wording.ts). */
interface WordingItemDto {
  requirementId: string;
  level: number | null;
  text: string;
  source: 'licensed_copy' | 'workbook';
  sourceName: string | null;
  updatedBy: string;
  updatedAt: string;
}

interface WordingReportDto {
  entries: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

const path = (orgId: string) => `${org(orgId)}/requirement-wording`;
const key = (orgId: string) => ['requirement-wording', orgId] as const;

function upload(orgId: string, file: File, dryRun: boolean) {
  return request<WordingReportDto>(
    'PUT',
    `${path(orgId)}${query({ name: file.name, dryRun: String(dryRun) })}`,
    new RawBody(file, 'application/octet-stream'),
  );
}

/**
 * 标准原文: the organisation's own copy of the GB/T 22239 / GB/T 28448 wording, loaded per
 * requirement item from its licensed text or an imported workbook (checked first, then loaded),
 * counted, listed and cleared. Stored for this organisation only; never shipped.
 */
export function RequirementWordingPanel({ orgId }: { readonly orgId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const mayWrite = useCan('assessments.write');
  const list = useQuery({
    queryKey: key(orgId),
    queryFn: () => request<{ count: number; items: WordingItemDto[] }>('GET', path(orgId)),
  });
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<WordingReportDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const clear = useMutation({
    mutationFn: () => request<{ deleted: number }>('DELETE', path(orgId)),
    onSuccess: async ({ deleted }) => {
      message.success(t('wording.cleared', { count: deleted }));
      await client.invalidateQueries({ queryKey: key(orgId) });
      await client.invalidateQueries({ queryKey: ['assessment', orgId] });
    },
  });

  const check = async (chosen: File) => {
    setFile(chosen);
    setChecked(null);
    setError(null);
    setBusy(true);
    try {
      setChecked(await upload(orgId, chosen, true));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const load = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const report = await upload(orgId, file, false);
      message.success(t('wording.loaded', { ...report }));
      setFile(null);
      setChecked(null);
      await client.invalidateQueries({ queryKey: key(orgId) });
      // Workbooks show the new text.
      await client.invalidateQueries({ queryKey: ['assessment', orgId] });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<WordingItemDto> = [
    { title: t('wording.col.requirement'), dataIndex: 'requirementId', width: 110 },
    {
      title: t('wording.col.level'),
      dataIndex: 'level',
      width: 90,
      render: (level: number | null) =>
        level === null ? t('wording.allLevels') : t('wording.level', { level }),
    },
    {
      title: t('wording.col.text'),
      dataIndex: 'text',
      render: (text: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
          {text}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('wording.col.source'),
      dataIndex: 'source',
      width: 180,
      render: (source: WordingItemDto['source'], row) => (
        <Space orientation="vertical" size={0}>
          <Tag>{t(`wording.source.${source}`)}</Tag>
          {row.sourceName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.sourceName}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('wording.col.updated'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (at: string, row) => `${formatTimestamp(at)} · ${row.updatedBy}`,
    },
  ];

  const count = list.data?.count ?? 0;
  return (
    <Card
      title={t('wording.title')}
      extra={
        mayWrite && count > 0 ? (
          <Popconfirm
            title={t('wording.clearConfirm')}
            okButtonProps={{ danger: true }}
            onConfirm={() => clear.mutate()}
          >
            <Button danger icon={<DeleteOutlined />} loading={clear.isPending}>
              {t('wording.clear')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('wording.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('wording.formats')}</Typography.Paragraph>
      <Typography.Paragraph strong data-testid="wording-count">
        {count > 0 ? t('wording.count', { count }) : t('wording.none')}
      </Typography.Paragraph>
      {mayWrite ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".xlsx,.csv,.tsv,.txt,.yaml,.yml,.json"
            maxCount={1}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(chosen) => {
              void check(chosen);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? file.name : t('wording.choose')}</p>
          </Upload.Dragger>
          <ApiErrorAlert error={error} />
          {checked ? (
            <Alert
              type="success"
              showIcon
              message={t('wording.checked', { ...checked })}
              action={
                <Button type="primary" loading={busy} onClick={() => void load()}>
                  {t('wording.load')}
                </Button>
              }
            />
          ) : null}
        </Space>
      ) : (
        <Alert type="info" showIcon message={t('wording.readOnly')} />
      )}
      <ApiErrorAlert error={list.error ?? clear.error} />
      <Table<WordingItemDto>
        style={{ marginTop: 16 }}
        size="small"
        rowKey={(r) => `${r.requirementId}@${r.level ?? 0}`}
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </Card>
  );
}
