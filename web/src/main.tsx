import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { api, ApiRequestError, setCsrfToken } from './api/client';
import { queryKeys } from './api/hooks';
import { SESSION_KEY } from './api/session';
import { App, preloadPage } from './App';
import './i18n';
// antd's prebuilt styles (App.tsx sets zeroRuntime), before ours so that ours win.
import 'antd/dist/antd.css';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // A 4xx will not fix itself on retry.
      retry: (count, error) =>
        !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) &&
        count < 2,
    },
  },
});

// The page's own code loads while the session is being read, and the organisations (which the
// shell asks for once it has the session) are asked for at the same time, not after it. The
// session query is the one of useSession (api/session.ts).
preloadPage(window.location.pathname);
void queryClient.prefetchQuery({
  queryKey: SESSION_KEY,
  queryFn: async () => {
    const session = await api.getSession();
    setCsrfToken(session?.csrfToken ?? null);
    return session;
  },
  staleTime: Infinity,
});
if (!window.location.pathname.startsWith('/login'))
  void queryClient.prefetchQuery({
    queryKey: queryKeys.organisations,
    queryFn: api.listOrganisations,
  });

// After an upgrade the old hashed chunks are gone: a tab opened before it reloads once to get the
// new index.html instead of failing to open a page.
const RELOADED_KEY = 'dengbao.chunkReload';
window.addEventListener('vite:preloadError', (event) => {
  if (sessionStorage.getItem(RELOADED_KEY) === window.location.href) return;
  sessionStorage.setItem(RELOADED_KEY, window.location.href);
  event.preventDefault();
  window.location.reload();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
