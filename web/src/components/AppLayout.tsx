import {
  CalendarOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
  ClusterOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router-dom';
import { LanguageSwitch } from './LanguageSwitch';
import { OrganisationSwitcher } from './OrganisationSwitcher';

/** Only sections that exist are listed; the rest of the ux.md map arrives with their pages. */
const SECTIONS = [
  { key: 'dashboard', path: '', icon: <DashboardOutlined /> },
  { key: 'systems', path: 'systems', icon: <ClusterOutlined /> },
  { key: 'obligations', path: 'obligations', icon: <CalendarOutlined /> },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const orgMatch = useMatch('/o/:orgId/*');
  const orgId = orgMatch?.params.orgId ?? null;
  const section = orgMatch?.params['*']?.split('/')[0] ?? '';
  const selected = SECTIONS.find((s) => s.path === section)?.key ?? 'dashboard';

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
        {orgId && (
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            items={SECTIONS.map((s) => ({
              key: s.key,
              icon: s.icon,
              label: (
                <Link to={`/o/${orgId}${s.path ? `/${s.path}` : ''}`}>{t(`nav.${s.key}`)}</Link>
              ),
            }))}
          />
        )}
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
          </Space>
        </Layout.Header>
        <Layout.Content
          style={{ padding: 24 }}
          key={location.pathname === '/' ? 'home' : (orgId ?? 'none')}
        >
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
