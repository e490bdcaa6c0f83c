import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyImportResult } from '../../../../src/shared/privacy-schemas';

/** What a dry run answers: the counts, and what stays as it is. */
type ImportPreview = PrivacyImportResult & {
  activitiesUnchanged?: number;
  transferBatchesUnchanged?: number;
  profile?: 'unchanged' | 'saved' | 'absent';
};
import { ApiRequestError } from '../../api/client';
import { privacyFileUrl, privacyWorkbookUrl } from '../../api/privacy-client';
import { useImportRegister } from '../../api/privacy-hooks';
import { detailMessage, errorMessage, placeLabel } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';

interface Staged {
  file: File;
  kind: 'xlsx' | 'file';
  preview: ImportPreview | null;
  error: unknown;
}

/**
 * 导出 (Excel, YAML, JSON) and 导入 (Excel, YAML/JSON): an import is first checked on the server
 * (dry run) and its problems listed by sheet, row and column; nothing is written until the
 * whole file is clean and the user confirms (all-or-nothing).
 */
export function ImportExportButtons({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const run = useImportRegister(orgId);
  const [staged, setStaged] = useState<Staged | null>(null);

  const check = async (file: File) => {
    const kind = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'file';
    setStaged({ file, kind, preview: null, error: null });
    try {
      const preview = await run.mutateAsync({ file, kind, dryRun: true });
      setStaged({ file, kind, preview, error: null });
    } catch (error) {
      setStaged({ file, kind, preview: null, error });
    }
  };

  const commit = async () => {
    if (!staged?.preview) return;
    try {
      const done = await run.mutateAsync({ file: staged.file, kind: staged.kind, dryRun: false });
      setStaged(null);
      message.success(
        t('privacy.import.done', {
          created: done.activities.created,
          updated: done.activities.updated,
          batches: done.transferBatches.created,
        }),
      );
    } catch (error) {
      setStaged({ ...staged, preview: null, error });
    }
  };

  const error = staged?.error;
  const details = error instanceof ApiRequestError ? error.body.details : [];

  return (
    <>
      <Dropdown
        menu={{
          items: [
            {
              key: 'xlsx',
              label: <a href={privacyWorkbookUrl(orgId)}>{t('privacy.export.xlsx')}</a>,
            },
            {
              key: 'yaml',
              label: <a href={privacyFileUrl(orgId, 'yaml')}>{t('privacy.export.yaml')}</a>,
            },
            {
              key: 'json',
              label: <a href={privacyFileUrl(orgId, 'json')}>{t('privacy.export.json')}</a>,
            },
          ],
        }}
      >
        <Button size="small" icon={<DownloadOutlined />}>
          {t('privacy.export.button')}
        </Button>
      </Dropdown>
      {canWrite && (
        <Upload
          accept=".xlsx,.yaml,.yml,.json"
          showUploadList={false}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />}>
            {t('privacy.import.button')}
          </Button>
        </Upload>
      )}
      <Modal
        open={staged !== null}
        title={t('privacy.import.title', { name: staged?.file.name ?? '' })}
        onCancel={() => setStaged(null)}
        okText={t('privacy.import.commit')}
        okButtonProps={{ disabled: !staged?.preview, loading: run.isPending }}
        onOk={() => void commit()}
        width={720}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('privacy.import.hint')}</Typography.Text>
          {run.isPending && !staged?.preview && !error && (
            <Typography.Text>{t('privacy.import.checking')}</Typography.Text>
          )}
          {staged?.preview && (
            <Alert
              type="success"
              showIcon
              data-testid="privacy-import-preview"
              title={t('privacy.import.clean')}
              description={
                <Space orientation="vertical" size={0}>
                  <span>
                    {t('privacy.import.preview', {
                      created: staged.preview.activities.created,
                      updated: staged.preview.activities.updated,
                      batches: staged.preview.transferBatches.created,
                    })}
                  </span>
                  {(staged.preview.activitiesUnchanged ?? 0) +
                    (staged.preview.transferBatchesUnchanged ?? 0) >
                    0 && (
                    <Typography.Text type="secondary">
                      {t('privacy.import.unchanged', {
                        activities: staged.preview.activitiesUnchanged ?? 0,
                        batches: staged.preview.transferBatchesUnchanged ?? 0,
                      })}
                    </Typography.Text>
                  )}
                  {staged.preview.profile === 'saved' && (
                    <Typography.Text type="secondary">
                      {t('privacy.import.profileSaved')}
                    </Typography.Text>
                  )}
                </Space>
              }
            />
          )}
          {error !== null && error !== undefined && details.length > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="privacy-import-problems"
              title={
                error instanceof ApiRequestError
                  ? `${errorMessage(error.body, i18n.language)} — ${t('privacy.import.problems', { count: details.length })}`
                  : t('privacy.import.problems', { count: details.length })
              }
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 320, overflow: 'auto' }}>
                  {details.slice(0, 200).map((d, i) => (
                    <li key={i}>
                      <Typography.Text code>{placeLabel(t, d.path) ?? d.path}</Typography.Text>{' '}
                      {detailMessage(d, i18n.language)}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {error !== null && error !== undefined && details.length === 0 && (
            <ApiErrorAlert error={error} />
          )}
        </Space>
      </Modal>
    </>
  );
}
