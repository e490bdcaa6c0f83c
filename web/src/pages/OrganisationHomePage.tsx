import { Navigate } from 'react-router-dom';
import { useAccess, useCurrentOrganisation } from '../components/OrganisationScope';
import { SETTINGS_SECTIONS } from '../lib/navigation';
import { DashboardPage } from './DashboardPage';

/**
 * /o/:orgId: the dashboard for roles that read the systems; the administrators without that
 * permission (安全管理员, 审计管理员) land on their first settings page instead.
 */
export function OrganisationHomePage() {
  const organisation = useCurrentOrganisation();
  const access = useAccess();
  if (access.can('systems.read')) return <DashboardPage />;
  const first = SETTINGS_SECTIONS.find((s) => access.can(s.permission));
  return <Navigate to={`/o/${organisation.id}/${first?.path ?? 'settings/roles'}`} replace />;
}
