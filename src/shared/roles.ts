/**
 * Roles per organisation membership and what each may do. The server enforces this matrix on
 * every route; the web UI reads it to hide what a role cannot do; the README prints it.
 * The three administrator roles follow GB/T 22239-2019's separation of duties (三员分立).
 */
import { ROLE } from './vocabulary';

export const ROLES = [
  'owner',
  'system_admin',
  'security_admin',
  'audit_admin',
  'assessor',
  'member',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read',
  'org.update',
  'members.read',
  'members.manage',
  'tokens.manage',
  'systems.read',
  'systems.write',
  'obligations.read',
  'obligations.write',
  'assessments.read',
  'assessments.write',
  'assessments.review',
  'rectification.write',
  'cii.read',
  'cii.write',
  'privacy.read',
  'privacy.write',
  'privacy.approve',
  'datasec.read',
  'datasec.write',
  'datasec.approve',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  // 系统管理员: runs the inventory and its records; no accounts, no audit log.
  system_admin: [
    'org.read',
    'org.update',
    'systems.read',
    'systems.write',
    'obligations.read',
    'obligations.write',
    'assessments.read',
    'rectification.write',
    'cii.read',
    'cii.write',
    'privacy.read',
    'privacy.write',
    'privacy.approve',
    'datasec.read',
    'datasec.write',
    'datasec.approve',
  ],
  // 安全管理员: accounts, roles and tokens; cannot read or edit the compliance data.
  security_admin: ['org.read', 'members.read', 'members.manage', 'tokens.manage'],
  // 审计管理员: reads and verifies the audit log (and who holds which role); changes nothing.
  audit_admin: ['org.read', 'members.read', 'audit.read'],
  // 测评人员 (external): reads the systems assigned to them and records their assessments,
  // reviews colleagues' results and re-tests rectifications. No personal-information register
  // and no data-security records (inventory, incidents): they are not their engagement.
  assessor: [
    'org.read',
    'systems.read',
    'obligations.read',
    'assessments.read',
    'assessments.write',
    'assessments.review',
  ],
  // 成员: the operator's staff; fix what the assessment found.
  member: [
    'org.read',
    'systems.read',
    'systems.write',
    'obligations.read',
    'obligations.write',
    'assessments.read',
    'rectification.write',
    'cii.read',
    'cii.write',
    'privacy.read',
    'privacy.write',
    'datasec.read',
    'datasec.write',
  ],
  viewer: [
    'org.read',
    'systems.read',
    'obligations.read',
    'assessments.read',
    'cii.read',
    'privacy.read',
    'datasec.read',
  ],
};

/** Roles whose reads are limited to the systems they are assigned. */
export const ASSIGNMENT_SCOPED_ROLES: readonly Role[] = ['assessor'];

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The roles' Chinese names, from the shared vocabulary (src/shared/vocabulary). */
export const ROLE_LABELS_ZH: Readonly<Record<Role, string>> = Object.fromEntries(
  ROLES.map((r) => [r, ROLE[r].zh]),
) as Record<Role, string>;

/** The role matrix as a Markdown table (the README carries this exact table; a test checks it). */
export function roleMatrixMarkdown(): string {
  const head = `| Permission | ${ROLES.map((r) => `${r} ${ROLE_LABELS_ZH[r]}`).join(' | ')} |`;
  const sep = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = PERMISSIONS.map(
    (p) =>
      `| \`${p}\` | ${ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? '✓' : '—')).join(' | ')} |`,
  );
  return [head, sep, ...rows].join('\n');
}
