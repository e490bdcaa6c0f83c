import {
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  type Permission,
  type Role,
} from '../../../src/shared/roles';
import { useOrganisations } from '../api/hooks';
import { useSession } from '../api/session';

export interface OrganisationAccess {
  role: Role | null;
  permissions: ReadonlySet<Permission>;
  can: (permission: Permission) => boolean;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Access of a role taken from the shared matrix (the server enforces the same one). */
export function accessOfRole(
  role: Role | null,
  permissions?: readonly string[],
): OrganisationAccess {
  const granted = new Set<Permission>(
    permissions ? permissions.filter(isPermission) : role ? ROLE_PERMISSIONS[role] : [],
  );
  return { role, permissions: granted, can: (permission) => granted.has(permission) };
}

/**
 * The caller's role and permissions in an organisation: from the session's organisations (the
 * server's word), or — for an organisation created since the session was read — from the role
 * GET /organisations reports. The UI only hides what the server would refuse anyway.
 */
export function useOrganisationAccess(orgId: string | null): OrganisationAccess {
  const session = useSession();
  const organisations = useOrganisations();
  if (!orgId) return accessOfRole(null, []);
  const fromSession = session.data?.organisations.find((o) => o.id === orgId);
  if (fromSession) return accessOfRole(fromSession.role, fromSession.permissions);
  const role = organisations.data?.items.find((o) => o.id === orgId)?.role;
  return accessOfRole(isRole(role) ? role : null);
}
