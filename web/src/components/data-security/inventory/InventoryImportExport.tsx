import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../../api/client';
import { inventoryExportUrl, type DataImportResult } from '../../../api/data-security-client';
import { useImportInventory } from '../../../api/data-security-hooks';
import { detailMessage, errorMessage, placeLabel } from '../../../lib/api-errors';
import { ApiErrorAlert } from '../../ApiErrorAlert';

interface Staged {
  file: File;
  kind: 'xlsx' | 'file';
  preview: DataImportResult | null;
  error: unknown;
}

const counted = (c?: { created: number; updated: number; unchanged?: number }) => ({
  created: c?.created ?? 0,
  updated: c?.updated ?? 0,
  unchanged: c?.unchanged ?? 0,
});

/**
 * 导出 (Excel, YAML, JSON) and 导入 of the data inventory: checked on the server first (dry run),
 * problems listed by sheet, row and column; nothing is written until the whole file is clean and
 * the user confirms (all-or-nothing).
 */
export function InventoryImportExport({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const run = useImportInventory(orgId);
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
      const r = counted(done.resources);
      message.success(
        t('dataSecurity.import.done', {
          created: r.created,
          updated: r.updated,
          provisions: counted(done.provisions).created + counted(done.provisions).updated,
        }),
      );
    } catch (error) {
      setStaged({ ...staged, preview: null, error });
    }
  };

  const error = staged?.error;
  const details = error instanceof ApiRequestError ? error.body.details : [];
  const r = counted(staged?.preview?.resources);
  const p = counted(staged?.preview?.provisions);

  return (
    <>
      <Dropdown
        menu={{
          items: (['xlsx', 'yaml', 'json'] as const).map((format) => ({
            key: format,
            label: (
              <a href={inventoryExportUrl(orgId, format)}>{t(`dataSecurity.export.${format}`)}</a>
            ),
          })),
        }}
      >
        <Button size="small" icon={<DownloadOutlined />}>
          {t('dataSecurity.export.button')}
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
            {t('dataSecurity.import.button')}
          </Button>
        </Upload>
      )}
      <Modal
        open={staged !== null}
        title={t('dataSecurity.import.title', { name: staged?.file.name ?? '' })}
        onCancel={() => setStaged(null)}
        okText={t('dataSecurity.import.commit')}
        okButtonProps={{ disabled: !staged?.preview, loading: run.isPending }}
        onOk={() => void commit()}
        width={720}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('dataSecurity.import.hint')}</Typography.Text>
          {run.isPending && !staged?.preview && !error && (
            <Typography.Text>{t('dataSecurity.import.checking')}</Typography.Text>
          )}
          {staged?.preview && (
            <Alert
              type="success"
              showIcon
              data-testid="datasec-import-preview"
              title={t('dataSecurity.import.clean')}
              description={
                <Space orientation="vertical" size={0}>
                  <span>
                    {t('dataSecurity.import.preview', {
                      created: r.created,
                      updated: r.updated,
                      unchanged: r.unchanged,
                    })}
                  </span>
                  {p.created + p.updated > 0 && (
                    <span>
                      {t('dataSecurity.import.previewProvisions', {
                        created: p.created,
                        updated: p.updated,
                      })}
                    </span>
                  )}
                  {staged.preview.grades && (
                    <span data-testid="datasec-import-grades">
                      {t('dataSecurity.import.grades', staged.preview.grades)}
                    </span>
                  )}
                  {staged.preview.ignored &&
                    (staged.preview.ignored.profile || staged.preview.ignored.provisions > 0) && (
                      <Typography.Text type="warning">
                        {t('dataSecurity.import.ignored', {
                          provisions: staged.preview.ignored.provisions,
                        })}
                      </Typography.Text>
                    )}
                  {staged.preview.profile === 'saved' && (
                    <Typography.Text type="secondary">
                      {t('dataSecurity.import.profileSaved')}
                    </Typography.Text>
                  )}
                </Space>
              }
            />
          )}
          {error != null && details.length > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="datasec-import-problems"
              title={
                error instanceof ApiRequestError
                  ? `${errorMessage(error.body, i18n.language)} — ${t('dataSecurity.import.problems', { count: details.length })}`
                  : t('dataSecurity.import.problems', { count: details.length })
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
          {error != null && details.length === 0 && <ApiErrorAlert error={error} />}
        </Space>
      </Modal>
    </>
  );
}
