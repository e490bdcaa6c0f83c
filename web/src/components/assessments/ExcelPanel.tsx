import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Checkbox,
  Button,
  Card,
  Col,
  Descriptions,
  Progress,
  Row,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportXlsxUrl, XLSX_MEDIA_TYPE, type ImportResultDto } from '../../api/assessment-client';
import { useImportWorkbook } from '../../api/assessment-hooks';
import { ApiRequestError } from '../../api/client';
import { detailMessage } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';
import type { AssessmentPanelProps } from './panel-props';
import { PractitionerImportWizard } from './PractitionerImportWizard';

interface Problem {
  key: number;
  sheet: string;
  row: string;
  column: string;
  path: string;
  message: string;
}

/**
 * A problem's place in the workbook. The server names it "sheet 数据库服务器 row 12 column 符合情况"
 * (row and column optional); other shapes ("sheet!C12", "sheet/row/column") are split as far as
 * they go, anything else is shown as it is.
 */
function locate(path: string): Pick<Problem, 'sheet' | 'row' | 'column'> {
  const named = /^sheet (.+?)(?: row (\d+))?(?: column (.+))?$/.exec(path);
  if (named) return { sheet: named[1] ?? '', row: named[2] ?? '', column: named[3] ?? '' };
  const cell = /^(.*?)!\$?([A-Z]+)\$?(\d+)$/.exec(path);
  if (cell) return { sheet: cell[1] ?? '', row: cell[3] ?? '', column: cell[2] ?? '' };
  const parts = path.split('/').filter(Boolean);
  if (parts.length >= 2 && parts.length <= 3) {
    return { sheet: parts[0] ?? '', row: parts[1] ?? '', column: parts[2] ?? '' };
  }
  return { sheet: '', row: '', column: '' };
}

/** Excel: export the workbook, fill it offline, import it back (every problem is listed). */
export function ExcelPanel({ orgId, assessment, editable }: AssessmentPanelProps) {
  const { t, i18n } = useTranslation();
  const importer = useImportWorkbook(orgId, assessment.id);
  const [result, setResult] = useState<(ImportResultDto & { fileName: string }) | null>(null);
  const [fileName, setFileName] = useState('');
  const [wizardOpen, setWizardOpen] = useState(false);
  const [withGuidance, setWithGuidance] = useState(false);

  const error = importer.error;
  const problems: Problem[] =
    error instanceof ApiRequestError && error.status === 400
      ? error.body.details.map((d, key) => ({
          key,
          path: d.path,
          message: detailMessage(d, i18n.language),
          ...locate(d.path),
        }))
      : [];
  const missingRoute = error instanceof ApiRequestError && error.status === 404;
  // A file without our 说明 sheet is most likely an assessor's own workbook.
  const notOurs =
    error instanceof ApiRequestError &&
    error.body.details.some((d) => d.code === 'assessment_xlsx.guide_missing');

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('assessment.excel.exportTitle')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('assessment.excel.exportHint')}
            </Typography.Paragraph>
            {assessment.level === 3 && (
              <Checkbox
                checked={withGuidance}
                onChange={(e) => setWithGuidance(e.target.checked)}
                data-testid="export-with-guidance"
              >
                {t('assessment.excel.withGuidance')}
              </Checkbox>
            )}
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={exportXlsxUrl(orgId, assessment.id, withGuidance && assessment.level === 3)}
              download
            >
              {t('assessment.excel.export')}
            </Button>
          </Space>
        </Card>
        <Card size="small" title={t('assessment.practitioner.title')} style={{ marginTop: 16 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('assessment.practitioner.openHint')}
            </Typography.Paragraph>
            <Button
              icon={<UploadOutlined />}
              data-testid="practitioner-open"
              disabled={!editable}
              onClick={() => setWizardOpen(true)}
            >
              {t('assessment.practitioner.open')}
            </Button>
          </Space>
        </Card>
        <PractitionerImportWizard
          open={wizardOpen}
          orgId={orgId}
          assessmentId={assessment.id}
          onClose={() => setWizardOpen(false)}
        />
      </Col>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('assessment.excel.importTitle')}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('assessment.excel.importHint')}
            </Typography.Paragraph>
            <Upload.Dragger
              accept={`.xlsx,${XLSX_MEDIA_TYPE}`}
              multiple={false}
              showUploadList={false}
              disabled={!editable || importer.isPending}
              customRequest={async ({ file, onSuccess, onError }) => {
                const blob = file as File;
                setResult(null);
                setFileName(blob.name);
                importer.reset();
                try {
                  const answer = await importer.mutateAsync(blob);
                  setResult({ ...answer, fileName: blob.name });
                  onSuccess?.(answer);
                } catch (cause) {
                  onError?.(cause as Error);
                }
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('assessment.excel.importDrop')}</p>
              <p className="ant-upload-hint">
                {editable
                  ? t('assessment.excel.importDropHint')
                  : t('assessment.completedReadOnly')}
              </p>
            </Upload.Dragger>
            {importer.isPending && (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text>
                  {t('assessment.excel.importing', { name: fileName })}
                </Typography.Text>
                <Progress percent={100} status="active" showInfo={false} />
              </Space>
            )}
            {result && (
              <Alert
                type="success"
                showIcon
                data-testid="import-result"
                title={t('assessment.excel.imported', { name: result.fileName })}
                description={
                  <Descriptions size="small" column={5}>
                    {(['rows', 'created', 'updated', 'unchanged', 'skipped'] as const).map((k) => (
                      <Descriptions.Item key={k} label={t(`assessment.excel.count.${k}`)}>
                        <span data-testid={`import-${k}`}>{result[k]}</span>
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                }
              />
            )}
            {missingRoute && (
              <Alert type="warning" showIcon title={t('assessment.excel.unavailable')} />
            )}
            {problems.length > 0 ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Alert
                  type="error"
                  showIcon
                  title={t('assessment.excel.problems', { count: problems.length, name: fileName })}
                  description={t('assessment.excel.problemsHint')}
                />
                {notOurs && (
                  <Alert
                    type="info"
                    showIcon
                    data-testid="practitioner-suggest"
                    title={t('assessment.practitioner.suggest')}
                    action={
                      <Button size="small" onClick={() => setWizardOpen(true)}>
                        {t('assessment.practitioner.open')}
                      </Button>
                    }
                  />
                )}
                <Table<Problem>
                  size="small"
                  bordered
                  data-testid="import-problems"
                  dataSource={problems}
                  pagination={problems.length > 50 ? { pageSize: 50 } : false}
                  columns={[
                    {
                      title: t('assessment.excel.sheet'),
                      dataIndex: 'sheet',
                      width: 140,
                      // "file": the whole workbook, not one sheet.
                      render: (v: string, p) =>
                        v || (p.path === 'file' ? t('error.place.file') : p.path),
                    },
                    { title: t('assessment.excel.row'), dataIndex: 'row', width: 70 },
                    { title: t('assessment.excel.column'), dataIndex: 'column', width: 110 },
                    { title: t('assessment.excel.message'), dataIndex: 'message' },
                  ]}
                />
              </Space>
            ) : (
              error && !missingRoute && <ApiErrorAlert error={error} />
            )}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
