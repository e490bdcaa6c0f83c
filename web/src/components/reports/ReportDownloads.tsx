import {
  DownloadOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  FileZipOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ReportLink {
  /** i18n key of the document name, e.g. report.grading */
  readonly label: string;
  /** URL without the extension, e.g. /api/organisations/…/reports/grading */
  readonly base: string;
  /** Extra query parameters, e.g. `asOf=2026-03-02` (appended after `lang`). */
  readonly query?: string;
}

/**
 * Download buttons for the documents regulators and assessors expect: each in Word or PDF, in
 * Chinese or English. Plain links: the session cookie authorises the GET and the server names
 * the file (Chinese-safe Content-Disposition).
 */
export function ReportDownloads({ reports }: { reports: readonly ReportLink[] }) {
  const { t } = useTranslation();
  const items: MenuProps['items'] = reports.flatMap((report, index) => [
    ...(index > 0 ? [{ type: 'divider' as const }] : []),
    {
      type: 'group' as const,
      label: t(report.label),
      children: (['docx', 'pdf'] as const).flatMap((format) =>
        (['zh', 'en'] as const).map((lang) => ({
          key: `${report.base}.${format}?lang=${lang}${report.query ? `&${report.query}` : ''}`,
          icon: format === 'docx' ? <FileWordOutlined /> : <FilePdfOutlined />,
          label: (
            <a
              href={`${report.base}.${format}?lang=${lang}${report.query ? `&${report.query}` : ''}`}
              download
              data-testid={`download-${report.label}-${format}-${lang}`}
            >
              {t(`report.format.${format}`)} · {t(`report.lang.${lang}`)}
            </a>
          ),
        })),
      ),
    },
  ]);
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />}>{t('report.download')}</Button>
    </Dropdown>
  );
}

/**
 * 下载备案材料包: the system's filing dossier as one zip (备案表, 定级报告, the latest assessment's
 * reports, every attached scan, and a manifest with SM3 digests), in Chinese or English.
 */
export function DossierDownload({ orgId, systemId }: { orgId: string; systemId: string }) {
  const { t } = useTranslation();
  const base = `/api/organisations/${encodeURIComponent(orgId)}/systems/${encodeURIComponent(systemId)}/dossier.zip`;
  const items: MenuProps['items'] = (['zh', 'en'] as const).map((lang) => ({
    key: lang,
    icon: <FileZipOutlined />,
    label: (
      <a href={`${base}?lang=${lang}`} download data-testid={`download-dossier-${lang}`}>
        {t('report.dossier')} · {t(`report.lang.${lang}`)}
      </a>
    ),
  }));
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<FileZipOutlined />}>{t('report.dossierButton')}</Button>
    </Dropdown>
  );
}
