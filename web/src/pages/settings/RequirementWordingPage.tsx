import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentOrganisation } from '../../components/OrganisationScope';
import { RequirementWordingPanel } from '../../components/settings/RequirementWordingPanel';

/** 标准原文: the organisation's own copy of the standard's wording (settings). */
export function RequirementWordingPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <>
      <Typography.Title level={3}>{t('nav.wording')}</Typography.Title>
      <RequirementWordingPanel orgId={organisation.id} />
    </>
  );
}
