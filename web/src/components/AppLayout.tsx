import {
  ApiOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DeploymentUnitOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Space, Typography, theme, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router-dom';
import { SETTINGS_SECTIONS, WORK_SECTIONS, sectionOf, type Section } from '../lib/navigation';
import { useOrganisationAccess } from '../lib/permissions';
import { SignInNoticeBanner } from './auth/SignInNoticeBanner';
import { UserMenu } from './auth/UserMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { OrganisationSwitcher } from './OrganisationSwitcher';

const ICONS: Record<string, ReactNode> = {
  dashboard: <DashboardOutlined />,
  systems: <ClusterOutlined />,
  obligations: <CalendarOutlined />,
  assessments: <FileSearchOutlined />,
  cii: <DeploymentUnitOutlined />,
  privacy: <LockOutlined />,
  dataSecurity: <DatabaseOutlined />,
  catalog: <BookOutlined />,
  members: <TeamOutlined />,
  roles: <TableOutlined />,
  tokens: <ApiOutlined />,
  audit: <AuditOutlined />,
};

/** 关键信息基础设施 (CII), listed after the assessments as in ux.md's map. */
const CII_SECTION: Section = { key: 'cii', path: 'cii', permission: 'cii.read' };
/** 个人信息保护 (personal information), after CII. */
const PRIVACY_SECTION: Section = { key: 'privacy', path: 'privacy', permission: 'privacy.read' };
/** 数据安全 (data security), after personal information. */
const DATA_SECURITY_SECTION: Section = {
  key: 'dataSecurity',
  path: 'data-security',
  permission: 'datasec.read',
};
const withCii = (sections: readonly Section[]): Section[] =>
  sections.flatMap((s) =>
    s.key === 'assessments' ? [s, CII_SECTION, PRIVACY_SECTION, DATA_SECURITY_SECTION] : [s],
  );

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const orgMatch = useMatch('/o/:orgId/*');
  const orgId = orgMatch?.params.orgId ?? null;
  const access = useOrganisationAccess(orgId);
  const rest = orgMatch?.params['*'] ?? '';
  const first = rest.split('/')[0];
  const selected =
    first === CII_SECTION.path
      ? CII_SECTION.key
      : first === PRIVACY_SECTION.path
        ? PRIVACY_SECTION.key
        : first === DATA_SECURITY_SECTION.path
          ? DATA_SECURITY_SECTION.key
          : (sectionOf(rest)?.key ?? 'dashboard');

  // Only what the role may open is listed (the server refuses the rest anyway).
  const item = (s: Section) => ({
    key: s.key,
    icon: ICONS[s.key],
    label: (
      <Link to={`/o/${orgId}${s.path ? `/${s.path}` : ''}`}>
        {t(
          s.key === CII_SECTION.key
            ? 'cii.nav'
            : s.key === PRIVACY_SECTION.key
              ? 'privacy.nav'
              : s.key === DATA_SECURITY_SECTION.key
                ? 'dataSecurity.nav'
                : `nav.${s.key}`,
        )}
      </Link>
    ),
  });
  const work = withCii(WORK_SECTIONS)
    .filter((s) => access.can(s.permission))
    .map(item);
  const settings = SETTINGS_SECTIONS.filter((s) => access.can(s.permission)).map(item);
  const menuItems: MenuProps['items'] = [
    ...work,
    ...(settings.length > 0
      ? [{ type: 'group' as const, key: 'settings', label: t('nav.settings'), children: settings }]
      : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark">
        <Link
          to={orgId ? `/o/${orgId}` : '/'}
          style={{ display: 'flex', alignItems: 'center', gap: 10, height: 56, paddingInline: 20 }}
        >
          <SafetyCertificateOutlined style={{ fontSize: 22, color: token.colorPrimary }} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        {orgId && <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={menuItems} />}
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            paddingInline: 24,
            height: 56,
          }}
        >
          <Space size="middle">
            <OrganisationSwitcher currentId={orgId} />
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content
          style={{ padding: 24 }}
          key={location.pathname === '/' ? 'home' : (orgId ?? 'none')}
        >
          <SignInNoticeBanner />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
