import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../../api/session';
import { ForcedPasswordChangePage } from '../../pages/ForcedPasswordChangePage';
import { ApiErrorAlert } from '../ApiErrorAlert';

/**
 * Everything but the sign-in page sits below this: signed out → /login?next=<this page>, a
 * password that must be changed → the change-password page, whatever the URL.
 */
export function RequireSession() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <Spin size="large" style={{ display: 'block', margin: 96 }} />;
  if (session.isError) {
    return (
      <Result
        status="warning"
        title={t('login.sessionUnavailable')}
        extra={
          <Button type="primary" onClick={() => void session.refetch()}>
            {t('common.retry')}
          </Button>
        }
      >
        <ApiErrorAlert error={session.error} />
      </Result>
    );
  }
  if (!session.data) {
    const here = `${location.pathname}${location.search}`;
    const to = here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  if (session.data.passwordChangeRequired) return <ForcedPasswordChangePage />;
  return <Outlet />;
}
