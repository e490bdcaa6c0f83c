import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Result, Spin, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Component, lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, Route, Routes, useLocation } from 'react-router-dom';
import { setAuthErrorListener } from './api/client';
import { markSignedOut, SESSION_KEY } from './api/session';
import { AppLayout } from './components/AppLayout';
import { RequireSession } from './components/auth/RequireSession';
import { OrganisationScope, RequirePermission } from './components/OrganisationScope';
interface LazyPage {
  readonly Component: ComponentType;
  /** Starts loading the page's code (and the libraries only it needs); safe to call again. */
  readonly preload: () => Promise<unknown>;
}

/**
 * Each page is its own chunk, with the libraries only it uses (ECharts with the assessments list,
 * React Flow with the CII pages): a first visit downloads and runs the shell plus one page.
 * `preload` and React.lazy share one import, which is tried again after a failed load.
 */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => ({ default: pick(module) }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return { Component: lazy(preload), preload };
}

const pages = {
  login: lazyPage(
    () => import('./pages/LoginPage'),
    (m) => m.LoginPage,
  ),
  home: lazyPage(
    () => import('./pages/HomePage'),
    (m) => m.HomePage,
  ),
  organisationHome: lazyPage(
    () => import('./pages/OrganisationHomePage'),
    (m) => m.OrganisationHomePage,
  ),
  systems: lazyPage(
    () => import('./pages/SystemsPage'),
    (m) => m.SystemsPage,
  ),
  system: lazyPage(
    () => import('./pages/SystemDetailPage'),
    (m) => m.SystemDetailPage,
  ),
  obligations: lazyPage(
    () => import('./pages/ObligationsPage'),
    (m) => m.ObligationsPage,
  ),
  assessments: lazyPage(
    () => import('./pages/assessments/AssessmentsPage'),
    (m) => m.AssessmentsPage,
  ),
  assessment: lazyPage(
    () => import('./pages/assessments/AssessmentPage'),
    (m) => m.AssessmentPage,
  ),
  ciiBusinesses: lazyPage(
    () => import('./pages/cii/CiiBusinessesPage'),
    (m) => m.default,
  ),
  ciiBusiness: lazyPage(
    () => import('./pages/cii/CiiBusinessPage'),
    (m) => m.default,
  ),
  privacy: lazyPage(
    () => import('./pages/privacy/PrivacyPage'),
    (m) => m.default,
  ),
  dataSecurity: lazyPage(
    () => import('./pages/data-security/DataSecurityPage'),
    (m) => m.default,
  ),
  catalog: lazyPage(
    () => import('./pages/catalog/CatalogPage'),
    (m) => m.CatalogPage,
  ),
  members: lazyPage(
    () => import('./pages/settings/MembersPage'),
    (m) => m.MembersPage,
  ),
  roles: lazyPage(
    () => import('./pages/settings/RolesPage'),
    (m) => m.RolesPage,
  ),
  tokens: lazyPage(
    () => import('./pages/settings/TokensPage'),
    (m) => m.TokensPage,
  ),
  audit: lazyPage(
    () => import('./pages/settings/AuditPage'),
    (m) => m.AuditPage,
  ),
  wording: lazyPage(
    () => import('./pages/settings/RequirementWordingPage'),
    (m) => m.RequirementWordingPage,
  ),
  organisationProfile: lazyPage(
    () => import('./pages/settings/OrganisationProfilePage'),
    (m) => m.OrganisationProfilePage,
  ),
  templates: lazyPage(
    () => import('./pages/settings/DocumentTemplatesPage'),
    (m) => m.DocumentTemplatesPage,
  ),
  pipias: lazyPage(
    () => import('./pages/privacy/PipiaListPage'),
    (m) => m.PipiaListPage,
  ),
  pipia: lazyPage(
    () => import('./pages/privacy/PipiaPage'),
    (m) => m.PipiaPage,
  ),
  incident: lazyPage(
    () => import('./pages/data-security/IncidentPage'),
    (m) => m.IncidentPage,
  ),
  notFound: lazyPage(
    () => import('./pages/NotFoundPage'),
    (m) => m.NotFoundPage,
  ),
} satisfies Record<string, LazyPage>;

/** The paths of the routes below, for preloading the page of a URL. */
const PAGE_PATHS: readonly (readonly [string, LazyPage])[] = [
  ['/login', pages.login],
  ['/', pages.home],
  ['/o/:orgId', pages.organisationHome],
  ['/o/:orgId/systems', pages.systems],
  ['/o/:orgId/systems/:systemId', pages.system],
  ['/o/:orgId/obligations', pages.obligations],
  ['/o/:orgId/assessments', pages.assessments],
  ['/o/:orgId/assessments/:assessmentId', pages.assessment],
  ['/o/:orgId/cii', pages.ciiBusinesses],
  ['/o/:orgId/cii/:businessId', pages.ciiBusiness],
  ['/o/:orgId/privacy/pipias', pages.pipias],
  ['/o/:orgId/privacy/pipias/:pipiaId', pages.pipia],
  ['/o/:orgId/data-security/incidents/:incidentId', pages.incident],
  ['/o/:orgId/privacy', pages.privacy],
  ['/o/:orgId/data-security', pages.dataSecurity],
  ['/o/:orgId/catalog', pages.catalog],
  ['/o/:orgId/settings/members', pages.members],
  ['/o/:orgId/settings/organisation', pages.organisationProfile],
  ['/o/:orgId/settings/templates', pages.templates],
  ['/o/:orgId/settings/roles', pages.roles],
  ['/o/:orgId/settings/tokens', pages.tokens],
  ['/o/:orgId/settings/audit', pages.audit],
  ['/o/:orgId/settings/wording', pages.wording],
];

/**
 * Starts loading the code of the page at `pathname` while the session and the organisation are
 * still being fetched, not after them (main.tsx calls it once, before the first render).
 */
export function preloadPage(pathname: string): void {
  const page = PAGE_PATHS.find(([pattern]) => matchPath(pattern, pathname))?.[1] ?? pages.notFound;
  const ignore = () => undefined; // a failed load shows when the route renders
  void page.preload().catch(ignore);
  // "/" forwards to the organisation's home.
  if (page === pages.home) void pages.organisationHome.preload().catch(ignore);
}

/** True for the error of a page's code that could not be downloaded (server or network down). */
const isChunkLoadError = (error: unknown) =>
  error instanceof TypeError &&
  /dynamically imported module|module script failed|Failed to fetch/i.test(error.message);

function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('error.network')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

/**
 * Shows "cannot reach the server" with a reload button when a page's code fails to load; other
 * errors pass on. The other pages still open (the boundary forgets the error on a new pathname).
 */
class PageLoadBoundary extends Component<
  { pathname: string; children: ReactNode },
  { error: unknown; pathname: string }
> {
  state = { error: null as unknown, pathname: this.props.pathname };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  static getDerivedStateFromProps(
    props: { pathname: string },
    state: { error: unknown; pathname: string },
  ) {
    return props.pathname === state.pathname ? null : { error: null, pathname: props.pathname };
  }
  render() {
    if (this.state.error === null) return this.props.children;
    if (isChunkLoadError(this.state.error)) return <PageLoadFailed />;
    throw this.state.error;
  }
}

/** A page of the route table, with a spinner while its code loads (the layout stays). */
function Lazy({ page }: { page: LazyPage }) {
  const { pathname } = useLocation();
  const { Component: Page } = page;
  return (
    <PageLoadBoundary pathname={pathname}>
      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
        <Page />
      </Suspense>
    </PageLoadBoundary>
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

/**
 * zeroRuntime: antd's styles come from its prebuilt stylesheet (main.tsx), not generated in the
 * browser for each component on its first render, which made the first render of every page
 * slower; tokens such as the radius still apply (as CSS variables).
 */
const THEME: ThemeConfig = { token: { borderRadius: 4 }, zeroRuntime: true };

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useSessionWatch();

  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <Routes>
          <Route path="login" element={<Lazy page={pages.login} />} />
          <Route element={<RequireSession />}>
            <Route element={<AppLayout />}>
              <Route index element={<Lazy page={pages.home} />} />
              <Route path="o/:orgId" element={<OrganisationScope />}>
                <Route index element={<Lazy page={pages.organisationHome} />} />
                <Route
                  path="systems"
                  element={
                    <RequirePermission permission="systems.read">
                      <Lazy page={pages.systems} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="systems/:systemId"
                  element={
                    <RequirePermission permission="systems.read">
                      <Lazy page={pages.system} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="obligations"
                  element={
                    <RequirePermission permission="systems.read">
                      <Lazy page={pages.obligations} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="assessments"
                  element={
                    <RequirePermission permission="assessments.read">
                      <Lazy page={pages.assessments} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="assessments/:assessmentId"
                  element={
                    <RequirePermission permission="assessments.read">
                      <Lazy page={pages.assessment} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cii"
                  element={
                    <RequirePermission permission="cii.read">
                      <Lazy page={pages.ciiBusinesses} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cii/:businessId"
                  element={
                    <RequirePermission permission="cii.read">
                      <Lazy page={pages.ciiBusiness} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="privacy/pipias"
                  element={
                    <RequirePermission permission="privacy.read">
                      <Lazy page={pages.pipias} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="privacy/pipias/:pipiaId"
                  element={
                    <RequirePermission permission="privacy.read">
                      <Lazy page={pages.pipia} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="data-security/incidents/:incidentId"
                  element={
                    <RequirePermission permission="datasec.read">
                      <Lazy page={pages.incident} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="privacy"
                  element={
                    <RequirePermission permission="privacy.read">
                      <Lazy page={pages.privacy} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="data-security"
                  element={
                    <RequirePermission permission="datasec.read">
                      <Lazy page={pages.dataSecurity} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="catalog"
                  element={
                    <RequirePermission permission="systems.read">
                      <Lazy page={pages.catalog} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/members"
                  element={
                    <RequirePermission permission="members.read">
                      <Lazy page={pages.members} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/organisation"
                  element={
                    <RequirePermission permission="org.read">
                      <Lazy page={pages.organisationProfile} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/templates"
                  element={
                    <RequirePermission permission="org.read">
                      <Lazy page={pages.templates} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/roles"
                  element={
                    <RequirePermission permission="org.read">
                      <Lazy page={pages.roles} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/tokens"
                  element={
                    <RequirePermission permission="tokens.manage">
                      <Lazy page={pages.tokens} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/audit"
                  element={
                    <RequirePermission permission="audit.read">
                      <Lazy page={pages.audit} />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings/wording"
                  element={
                    <RequirePermission permission="assessments.read">
                      <Lazy page={pages.wording} />
                    </RequirePermission>
                  }
                />
              </Route>
              <Route path="*" element={<Lazy page={pages.notFound} />} />
            </Route>
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
