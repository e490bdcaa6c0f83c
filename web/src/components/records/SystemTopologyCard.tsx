import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../OrganisationScope';
import { AttachmentList } from './AttachmentList';

/** 网络拓扑图: the system's topology diagram (PNG/JPEG embeds in the 定级报告; PDF is kept as is). */
export function SystemTopologyCard({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const canWrite = useCan('systems.write');
  return (
    <Card
      size="small"
      role="region"
      aria-label={t('attachments.topology.title')}
      title={t('attachments.topology.title')}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('attachments.topology.hint')}
      </Typography.Paragraph>
      <AttachmentList
        systemId={systemId}
        recordKind="system"
        recordId={systemId}
        purpose="topology"
        canEdit={canWrite}
      />
    </Card>
  );
}
