import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';
import { OrganisationScope } from './components/OrganisationScope';
import { DashboardPage } from './pages/DashboardPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ObligationsPage } from './pages/ObligationsPage';
import { SystemDetailPage } from './pages/SystemDetailPage';
import { SystemsPage } from './pages/SystemsPage';

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';

  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ token: { borderRadius: 4 } }}>
      <AntApp>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route path="o/:orgId" element={<OrganisationScope />}>
              <Route index element={<DashboardPage />} />
              <Route path="systems" element={<SystemsPage />} />
              <Route path="systems/:systemId" element={<SystemDetailPage />} />
              <Route path="obligations" element={<ObligationsPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
