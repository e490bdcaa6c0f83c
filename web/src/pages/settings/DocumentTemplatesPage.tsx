import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentOrganisation } from '../../components/OrganisationScope';
import { DocumentTemplatesPanel } from '../../components/settings/DocumentTemplatesPanel';

/** 文书模板: the organisation's wording of document blocks and its cover logo (settings). */
export function DocumentTemplatesPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <>
      <Typography.Title level={3}>{t('nav.templates')}</Typography.Title>
      <DocumentTemplatesPanel orgId={organisation.id} />
    </>
  );
}
