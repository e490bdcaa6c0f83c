import type { Permission } from '../../../src/shared/roles';

export interface Section {
  /** i18n key under nav.* and the menu key. */
  key: string;
  /** Path below /o/:orgId ('' = the organisation's home). */
  path: string;
  /** Shown (and the page opened) only for roles with this permission. */
  permission: Permission;
}

/** The work sections of the ux.md map that exist so far. */
export const WORK_SECTIONS: readonly Section[] = [
  { key: 'dashboard', path: '', permission: 'systems.read' },
  { key: 'systems', path: 'systems', permission: 'systems.read' },
  { key: 'obligations', path: 'obligations', permission: 'systems.read' },
  { key: 'assessments', path: 'assessments', permission: 'assessments.read' },
  { key: 'catalog', path: 'catalog', permission: 'systems.read' },
];

/** 设置: organisation administration, each page for the roles that hold its permission. */
export const SETTINGS_SECTIONS: readonly Section[] = [
  { key: 'members', path: 'settings/members', permission: 'members.read' },
  { key: 'organisationProfile', path: 'settings/organisation', permission: 'org.read' },
  { key: 'templates', path: 'settings/templates', permission: 'org.read' },
  { key: 'roles', path: 'settings/roles', permission: 'org.read' },
  { key: 'tokens', path: 'settings/tokens', permission: 'tokens.manage' },
  { key: 'wording', path: 'settings/wording', permission: 'assessments.read' },
  { key: 'audit', path: 'settings/audit', permission: 'audit.read' },
];

/** The section a path below /o/:orgId belongs to ('' → dashboard). */
export function sectionOf(rest: string): Section | undefined {
  const parts = rest.split('/').filter(Boolean);
  const path = parts[0] === 'settings' ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  return [...WORK_SECTIONS, ...SETTINGS_SECTIONS].find((s) => s.path === path);
}
