import { Breadcrumb, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCoreBusiness } from '../../api/cii-hooks';
import { CiiCapabilityTab } from '../../components/cii-capability/CiiCapabilityTab';
import { useCan, useCurrentOrganisation } from '../../components/OrganisationScope';

/**
 * 能力评价 of one core business on a page of its own, until the tab is mounted in the core
 * business page (o/:orgId/cii/:businessId/capability).
 */
export default function CiiCapabilityPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const { businessId = '' } = useParams();
  const canWrite = useCan('cii.write');
  const business = useCoreBusiness(organisation.id, businessId);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to={`/o/${organisation.id}/cii`}>{t('ciiCapability.page.cii')}</Link> },
          {
            title: (
              <Link to={`/o/${organisation.id}/cii/${businessId}`}>
                {business.data?.name ?? businessId}
              </Link>
            ),
          },
          { title: t('ciiCapability.page.title') },
        ]}
      />
      <CiiCapabilityTab orgId={organisation.id} businessId={businessId} canWrite={canWrite} />
    </Space>
  );
}
