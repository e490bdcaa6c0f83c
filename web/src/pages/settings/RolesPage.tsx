import { CheckOutlined, MinusOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Table, Tag, Tooltip, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { GRANT_INVARIANTS, GRANTS, type GrantBasis } from '../../../../src/shared/grants';
import { PERMISSIONS, ROLES, can, type Permission, type Role } from '../../../../src/shared/roles';
import { useAccess } from '../../components/OrganisationScope';
import { RoleTag } from '../../components/RoleTag';

/** The three administrators whose duties GB/T 22239-2019 keeps apart (三员分立). */
const THREE_ADMINISTRATORS: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

/** 角色权限: the role × permission matrix the server enforces (src/shared/roles.ts). */
export function RolesPage() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const access = useAccess();
  const zh = i18n.language.startsWith('zh');
  const roleList = (roles: readonly Role[]) =>
    roles.length === 0 ? (
      <Typography.Text type="secondary">{t('roles.grants.none')}</Typography.Text>
    ) : (
      <Space size={[4, 4]} wrap>
        {roles.map((r) => (
          <RoleTag key={r} role={r} />
        ))}
      </Space>
    );
  const basis = (b: GrantBasis) => (
    <div key={b.clause + b.en}>
      <Typography.Text code>{b.clause}</Typography.Text> {zh ? b.zh : b.en}
    </div>
  );
  // The grant matrix (src/shared/grants.ts): who may give, take away or put in a token which role.
  const grantColumns: ColumnsType<Role> = [
    {
      title: t('roles.grants.role'),
      key: 'role',
      width: 150,
      render: (_, r) => <RoleTag role={r} />,
    },
    { title: t('roles.grants.grant'), key: 'grant', render: (_, r) => roleList(GRANTS[r].grant) },
    {
      title: t('roles.grants.revoke'),
      key: 'revoke',
      render: (_, r) => roleList(GRANTS[r].revoke),
    },
    {
      title: t('roles.grants.tokens'),
      key: 'tokens',
      render: (_, r) => roleList(GRANTS[r].tokens),
    },
    {
      title: t('roles.grants.basis'),
      key: 'basis',
      width: 420,
      render: (_, r) => GRANTS[r].basis.map(basis),
    },
  ];

  const columns: ColumnsType<Permission> = [
    {
      title: t('roles.permission'),
      key: 'permission',
      fixed: 'left',
      width: 220,
      render: (_, permission) => (
        // The permission's code (API token scopes, README) on hover, its name as the text.
        <Tooltip title={permission}>
          <Typography.Text>{t(`permission.${permission}`)}</Typography.Text>
        </Tooltip>
      ),
    },
    ...ROLES.map((role) => ({
      title: (
        <Space orientation="vertical" size={2} style={{ alignItems: 'center' }}>
          <RoleTag role={role} />
          {THREE_ADMINISTRATORS.includes(role) && (
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {t('roles.threeAdministratorsShort')}
            </Typography.Text>
          )}
          {role === access.role && (
            <Typography.Text type="success" style={{ fontSize: 11 }}>
              {t('roles.yourRole')}
            </Typography.Text>
          )}
        </Space>
      ),
      key: role,
      align: 'center' as const,
      onCell: () => ({
        style: role === access.role ? { background: token.colorSuccessBg } : undefined,
      }),
      render: (_: unknown, permission: Permission) =>
        can(role, permission) ? (
          <CheckOutlined style={{ color: token.colorSuccess }} aria-label={t('roles.granted')} />
        ) : (
          <MinusOutlined
            style={{ color: token.colorTextQuaternary }}
            aria-label={t('roles.notGranted')}
          />
        ),
    })),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.roles')}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title={t('roles.separationTitle')}
        description={t('roles.separation')}
      />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Permission>
          rowKey={(p) => p}
          size="small"
          columns={columns}
          dataSource={[...PERMISSIONS]}
          pagination={false}
          scroll={{ x: 960 }}
          aria-label={t('nav.roles')}
        />
      </Card>
      <Card size="small" title={t('roles.grants.title')} styles={{ body: { padding: 0 } }}>
        <Table<Role>
          rowKey={(r) => r}
          size="small"
          columns={grantColumns}
          dataSource={[...ROLES]}
          pagination={false}
          scroll={{ x: 960 }}
          aria-label={t('roles.grants.title')}
          footer={() => GRANT_INVARIANTS.map(basis)}
        />
      </Card>
      <Card size="small" title={t('roles.descriptionsTitle')}>
        <Descriptions
          column={1}
          size="small"
          items={ROLES.map((role) => ({
            key: role,
            label: (
              <Space size={4}>
                <RoleTag role={role} />
                {THREE_ADMINISTRATORS.includes(role) && (
                  <Tag variant="outlined">{t('roles.threeAdministratorsShort')}</Tag>
                )}
              </Space>
            ),
            children: t(`roles.description.${role}`),
          }))}
        />
      </Card>
    </Space>
  );
}
