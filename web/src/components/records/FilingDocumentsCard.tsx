import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordAttachmentDto } from '../../../../src/shared/api-types';
import { useCan } from '../OrganisationScope';
import { AttachmentList } from './AttachmentList';

/** 表四 02–04: the documents a level-3+ object submits with the filing form. */
const SHEET4_PURPOSES: readonly RecordAttachmentDto['purpose'][] = [
  'security_policies',
  'security_design',
  'product_list',
];

export function FilingDocumentsCard({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const canWrite = useCan('systems.write');
  return (
    <Card
      size="small"
      role="region"
      aria-label={t('attachments.filingDocuments.title')}
      title={t('attachments.filingDocuments.title')}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('attachments.filingDocuments.hint')}
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {SHEET4_PURPOSES.map((purpose) => (
          <div key={purpose}>
            <Typography.Text strong>{t(`attachments.purpose.${purpose}`)}</Typography.Text>
            <AttachmentList
              systemId={systemId}
              recordKind="system"
              recordId={systemId}
              purpose={purpose}
              canEdit={canWrite}
            />
          </div>
        ))}
      </Space>
    </Card>
  );
}
