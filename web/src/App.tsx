import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { setAuthErrorListener } from './api/client';
import { markSignedOut, SESSION_KEY } from './api/session';
import { AppLayout } from './components/AppLayout';
import { RequireSession } from './components/auth/RequireSession';
import { OrganisationScope, RequirePermission } from './components/OrganisationScope';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ObligationsPage } from './pages/ObligationsPage';
import { OrganisationHomePage } from './pages/OrganisationHomePage';
import { AssessmentPage } from './pages/assessments/AssessmentPage';
import { AssessmentsPage } from './pages/assessments/AssessmentsPage';
import { CatalogPage } from './pages/catalog/CatalogPage';
import { AuditPage } from './pages/settings/AuditPage';
import { MembersPage } from './pages/settings/MembersPage';
import { RolesPage } from './pages/settings/RolesPage';
import { TokensPage } from './pages/settings/TokensPage';
import { SystemDetailPage } from './pages/SystemDetailPage';
import { SystemsPage } from './pages/SystemsPage';

// CII pages carry React Flow and dagre: loaded when first opened, not with the main bundle.
const CiiBusinessesPage = lazy(() => import('./pages/cii/CiiBusinessesPage'));
const CiiBusinessPage = lazy(() => import('./pages/cii/CiiBusinessPage'));

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{children}</Suspense>
  );
}

/**
 * Any call that finds the session gone (401) shows the sign-in page, keeping the page as "next";
 * a password-change demand or a CSRF refusal re-reads the session (which carries both).
 */
function useSessionWatch() {
  const client = useQueryClient();
  useEffect(() => {
    setAuthErrorListener((error) => {
      if (error.status === 401) markSignedOut(client);
      else void client.invalidateQueries({ queryKey: SESSION_KEY });
    });
    return () => setAuthErrorListener(null);
  }, [client]);
}

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useSessionWatch();

  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ token: { borderRadius: 4 } }}>
      <AntApp>
        <Routes>
          <Route path="login" element={<LoginPage />} />
          <Route element={<RequireSession />}>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="o/:orgId" element={<OrganisationScope />}>
                <Route index element={<OrganisationHomePage />} />
                <Route
                  path="systems"
                  element={
                    <RequirePermission permission="systems.read">
                      <SystemsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="systems/:systemId"
                  element={
                    <RequirePermission permission="systems.read">
                      <SystemDetailPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="obligations"
                  element={
                    <RequirePermission permission="systems.read">
                      <ObligationsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="assessments"
                  element={
                    <RequirePermission permission="assessments.read">
                      <AssessmentsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="assessments/:assessmentId"
                  element={
                    <RequirePermission permission="assessments.read">
                      <AssessmentPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cii"
                  element={
                    <RequirePermission permission="cii.read">
                      <Lazy>
                        <CiiBusinessesPage />
                      </Lazy>
                    </RequirePermission>
                  }
                />
                <Route
                  path="cii/:businessId"
                  element={
                    <RequirePermission permission="cii.read">
                      <Lazy>
                        <CiiBusinessPage />
                      </Lazy>
                    </RequirePermission>
                  }
                />
                <Route
                  path="catalog"
                  element={
                    <RequirePermission permission="systems.read">
                      <CatalogPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/members"
                  element={
                    <RequirePermission permission="members.read">
                      <MembersPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/roles"
                  element={
                    <RequirePermission permission="org.read">
                      <RolesPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/tokens"
                  element={
                    <RequirePermission permission="tokens.manage">
                      <TokensPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/audit"
                  element={
                    <RequirePermission permission="audit.read">
                      <AuditPage />
                    </RequirePermission>
                  }
                />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
