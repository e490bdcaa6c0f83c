/**
 * 个人信息保护影响评估 on a page of its own (/o/:orgId/privacy/pipias): the same list as the
 * 影响评估 tab of 个人信息保护, for a direct link and for roles that only read the assessments.
 */
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PipiaTab } from '../../components/privacy/pipia/PipiaTab';

export function PipiaListPage() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('pipia.list.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('pipia.list.subtitle')}</Typography.Text>
      </div>
      <PipiaTab />
    </Space>
  );
}
