import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDto, WorkbookRowDto } from '../../../../src/shared/api-types';
import { evidenceUrl } from '../../api/assessment-client';
import { useAddEvidence, useEvidence, useRemoveEvidence } from '../../api/assessment-hooks';
import { formatTimestamp } from '../../lib/dates';
import { pick } from '../../lib/language';
import { ApiErrorAlert } from '../ApiErrorAlert';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 证据: files of one workbook row, stored encrypted with their SM3 digest. */
export function EvidenceDrawer({
  orgId,
  assessmentId,
  row,
  objectName,
  editable,
  onClose,
}: {
  orgId: string;
  assessmentId: string;
  row: WorkbookRowDto | null;
  objectName: string;
  editable: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const target = row ? { requirementId: row.requirementId, objectId: row.objectId } : null;
  const list = useEvidence(orgId, assessmentId, target);
  const add = useAddEvidence(orgId, assessmentId, target);
  const remove = useRemoveEvidence(orgId, assessmentId, target);
  const [uploaded, setUploaded] = useState<EvidenceDto | null>(null);

  return (
    <Drawer
      open={row !== null}
      onClose={() => {
        setUploaded(null);
        add.reset();
        onClose();
      }}
      size={720}
      title={
        row
          ? t('assessment.evidence.title', { clause: row.clause, object: objectName })
          : t('assessment.evidence.titleShort')
      }
    >
      {row && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {pick(i18n.language, row.text.zh, row.text.en)}
          </Typography.Paragraph>
          {editable && (
            <Upload
              accept=".pdf,.png,.jpg,.jpeg,.txt,.log,.conf,.cfg,.csv,.xlsx,.docx"
              multiple={false}
              showUploadList={false}
              customRequest={async ({ file, onSuccess, onError }) => {
                setUploaded(null);
                try {
                  const saved = await add.mutateAsync(file as File);
                  setUploaded(saved);
                  onSuccess?.(saved);
                } catch (error) {
                  onError?.(error as Error);
                }
              }}
            >
              <Button icon={<UploadOutlined />} loading={add.isPending}>
                {t('assessment.evidence.upload')}
              </Button>
            </Upload>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.evidence.hint')}
          </Typography.Text>
          {add.isError && <ApiErrorAlert error={add.error} />}
          {remove.isError && <ApiErrorAlert error={remove.error} />}
          {uploaded && (
            <Alert
              type="success"
              showIcon
              title={t('assessment.evidence.uploaded', { name: uploaded.fileName })}
              description={
                <span>
                  {t('assessment.evidence.sm3')}
                  {t('common.labelSeparator')}
                  <Typography.Text code copyable data-testid="evidence-sm3">
                    {uploaded.sm3}
                  </Typography.Text>
                </span>
              }
            />
          )}
          {list.isError && <ApiErrorAlert error={list.error} />}
          <Table<EvidenceDto>
            rowKey="id"
            size="small"
            loading={list.isPending}
            pagination={false}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('assessment.evidence.empty') }}
            columns={[
              {
                title: t('assessment.evidence.fileName'),
                dataIndex: 'fileName',
                render: (name: string, e) => (
                  <a href={evidenceUrl(orgId, assessmentId, e.id)} download={name}>
                    <DownloadOutlined /> {name}
                  </a>
                ),
              },
              {
                title: t('assessment.evidence.size'),
                dataIndex: 'size',
                width: 80,
                render: sizeText,
              },
              {
                title: t('assessment.evidence.sm3'),
                dataIndex: 'sm3',
                width: 170,
                render: (sm3: string) => (
                  <Typography.Text
                    code
                    copyable={{ text: sm3 }}
                    style={{ fontSize: 12 }}
                    title={sm3}
                  >
                    {sm3.slice(0, 12)}…
                  </Typography.Text>
                ),
              },
              {
                title: t('assessment.evidence.uploadedBy'),
                key: 'by',
                width: 150,
                render: (_, e) => (
                  <Space orientation="vertical" size={0}>
                    <span>{e.uploadedBy}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTimestamp(e.uploadedAt)}
                    </Typography.Text>
                  </Space>
                ),
              },
              ...(editable
                ? [
                    {
                      title: '',
                      key: 'actions',
                      width: 48,
                      render: (_: unknown, e: EvidenceDto) => (
                        <Popconfirm
                          title={t('assessment.evidence.deleteConfirm', { name: e.fileName })}
                          okButtonProps={{ danger: true }}
                          okText={t('assessment.objects.delete')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => remove.mutateAsync(e.id).catch(() => undefined)}
                        >
                          <Button
                            type="text"
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
      )}
    </Drawer>
  );
}
