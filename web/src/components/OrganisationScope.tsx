import { Alert, Button, Result, Spin } from 'antd';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router-dom';
import type { OrganisationDto } from '../../../src/shared/api-types';
import type { Permission } from '../../../src/shared/roles';
import { useOrganisations } from '../api/hooks';
import { rememberOrganisationId } from '../lib/current-organisation';
import { useOrganisationAccess, type OrganisationAccess } from '../lib/permissions';
import { ApiErrorAlert } from './ApiErrorAlert';

const OrganisationContext = createContext<OrganisationDto | null>(null);
const AccessContext = createContext<OrganisationAccess | null>(null);

/** The organisation of the current /o/:orgId route; only valid below <OrganisationScope>. */
export function useCurrentOrganisation(): OrganisationDto {
  const organisation = useContext(OrganisationContext);
  if (!organisation) throw new Error('useCurrentOrganisation used outside <OrganisationScope>');
  return organisation;
}

/** The caller's role and permissions in the current organisation. */
export function useAccess(): OrganisationAccess {
  const access = useContext(AccessContext);
  if (!access) throw new Error('useAccess used outside <OrganisationScope>');
  return access;
}

/** Shorthand: may the caller do this in the current organisation? */
export function useCan(permission: Permission): boolean {
  return useAccess().can(permission);
}

/** Resolves :orgId to an organisation for every page below it. */
export function OrganisationScope() {
  const { t } = useTranslation();
  const { orgId } = useParams();
  const organisations = useOrganisations();
  const organisation = organisations.data?.items.find((o) => o.id === orgId) ?? null;
  const access = useOrganisationAccess(organisation?.id ?? null);

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
        subTitle={t('organisation.notFoundHint')}
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
      <AccessContext.Provider value={access}>
        <Outlet />
      </AccessContext.Provider>
    </OrganisationContext.Provider>
  );
}

/** A page the role may not open says so (the server would answer 403 anyway). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const access = useAccess();
  if (access.can(permission)) return children;
  return (
    <Result
      status="403"
      title={t('access.denied')}
      subTitle={t('access.deniedHint', {
        role: access.role ? t(`role.${access.role}`) : t('common.none'),
      })}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
