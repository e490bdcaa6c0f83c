import { Alert, Button, Result, Spin } from 'antd';
import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router-dom';
import type { OrganisationDto } from '../../../src/shared/api-types';
import { useOrganisations } from '../api/hooks';
import { rememberOrganisationId } from '../lib/current-organisation';
import { ApiErrorAlert } from './ApiErrorAlert';

const OrganisationContext = createContext<OrganisationDto | null>(null);

/** The organisation of the current /o/:orgId route; only valid below <OrganisationScope>. */
export function useCurrentOrganisation(): OrganisationDto {
  const organisation = useContext(OrganisationContext);
  if (!organisation) throw new Error('useCurrentOrganisation used outside <OrganisationScope>');
  return organisation;
}

/** Resolves :orgId to an organisation for every page below it. */
export function OrganisationScope() {
  const { t } = useTranslation();
  const { orgId } = useParams();
  const organisations = useOrganisations();
  const organisation = organisations.data?.items.find((o) => o.id === orgId) ?? null;

  useEffect(() => {
    if (organisation) rememberOrganisationId(organisation.id);
  }, [organisation]);

  if (organisations.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (organisations.isError) return <ApiErrorAlert error={organisations.error} />;
  if (!organisation) {
    return (
      <Result
        status="404"
        title={t('organisation.notFound')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      >
        <Alert type="info" title={orgId} />
      </Result>
    );
  }
  return (
    <OrganisationContext.Provider value={organisation}>
      <Outlet />
    </OrganisationContext.Provider>
  );
}
