import {
  DeleteOutlined,
  FileImageOutlined,
  FilePdfOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tooltip, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordAttachmentDto } from '../../../../src/shared/api-types';
import { ATTACHMENT_ACCEPT } from '../../../../src/shared/attachments';
import { attachmentUrl, useAddAttachment, useRemoveAttachment } from '../../api/attachment-hooks';
import { useSystemDetail } from '../../api/hooks';
import { formatTimestamp } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { useCurrentOrganisation } from '../OrganisationScope';

/** The server's limit (src/app/attachments/commands.ts ATTACHMENT_MAX_BYTES): checked here first. */
const MAX_MB = 10;

export interface AttachmentListProps {
  systemId: string;
  recordKind: RecordAttachmentDto['recordKind'];
  /** The review, filing or event id; the system id for recordKind 'system'. */
  recordId: string;
  /** What an upload here is (the list shows every attachment of the record). */
  purpose: RecordAttachmentDto['purpose'];
  canEdit: boolean;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The scans attached to one record (or the system's topology diagram): each downloadable with
 * its size and SM3 digest, removable, and (with `canEdit`) an upload button for PDF, JPEG or PNG.
 * Reads the list from the system detail, which uploads and removals refresh.
 */
export function AttachmentList({
  systemId,
  recordKind,
  recordId,
  purpose,
  canEdit,
}: AttachmentListProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const organisation = useCurrentOrganisation();
  const detail = useSystemDetail(organisation.id, systemId);
  const add = useAddAttachment(organisation.id, systemId, { recordKind, recordId, purpose });
  const remove = useRemoveAttachment(organisation.id, systemId);
  const items = (detail.data?.attachments ?? []).filter(
    (a) => a.recordKind === recordKind && a.recordId === recordId,
  );

  return (
    <Space
      orientation="vertical"
      size={2}
      data-testid={`attachments-${recordKind}-${recordId}`}
      style={{ width: '100%' }}
    >
      {items.map((a) => (
        <Space key={a.id} size={6} wrap>
          {a.mediaType.startsWith('image/') ? <FileImageOutlined /> : <FilePdfOutlined />}
          <Tooltip
            title={`${t(`attachments.purpose.${a.purpose}`)} · ${formatTimestamp(a.createdAt)}${a.createdBy ? ` · ${a.createdBy}` : ''}`}
          >
            <a href={attachmentUrl(organisation.id, systemId, a.id)} download={a.fileName}>
              {a.fileName}
            </a>
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sizeText(a.size)}
          </Typography.Text>
          <Typography.Text
            type="secondary"
            code
            copyable={{
              text: a.sm3,
              tooltips: [t('attachments.copySm3'), t('attachments.copied')],
            }}
            style={{ fontSize: 11 }}
            title={`SM3 ${a.sm3}`}
          >
            SM3 {a.sm3.slice(0, 8)}…
          </Typography.Text>
          {canEdit && (
            <Popconfirm
              title={t('attachments.deleteConfirm', { name: a.fileName })}
              okButtonProps={{ danger: true }}
              okText={t('attachments.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(a.id).catch(() => undefined)}
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('attachments.deleteNamed', { name: a.fileName })}
              />
            </Popconfirm>
          )}
        </Space>
      ))}
      {items.length === 0 && !canEdit && (
        <Typography.Text type="secondary">{t('attachments.none')}</Typography.Text>
      )}
      {canEdit && (
        <Upload
          accept={ATTACHMENT_ACCEPT}
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > MAX_MB * 1024 * 1024) {
              message.error(t('attachments.tooLarge', { name: file.name, mb: MAX_MB }));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              const saved = await add.mutateAsync(file as File);
              message.success(t('attachments.uploaded', { name: saved.fileName }));
              onSuccess?.(saved);
            } catch (error) {
              onError?.(error as Error);
            }
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={add.isPending}
            aria-label={t('attachments.uploadPurpose', {
              purpose: t(`attachments.purpose.${purpose}`),
            })}
          >
            {t('attachments.upload')}
          </Button>
        </Upload>
      )}
      {add.isError && <ApiErrorAlert error={add.error} />}
      {remove.isError && <ApiErrorAlert error={remove.error} />}
    </Space>
  );
}
