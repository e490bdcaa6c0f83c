import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src/shared/roles';

/** The three administrators of 三员分立 share a colour family; read-only roles are grey. */
export const ROLE_COLOURS: Record<Role, string> = {
  owner: 'gold',
  system_admin: 'blue',
  security_admin: 'geekblue',
  audit_admin: 'purple',
  assessor: 'cyan',
  member: 'green',
  viewer: 'default',
};

export function RoleTag({ role }: { role: string | null | undefined }) {
  const { t } = useTranslation();
  if (!role) return null;
  const colour = ROLE_COLOURS[role as Role] ?? 'default';
  return (
    <Tag color={colour} style={{ marginInlineEnd: 0 }}>
      {t(`role.${role}`, { defaultValue: role })}
    </Tag>
  );
}
