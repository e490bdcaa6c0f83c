/** The signed-in session: one query at the app root; sign-in, sign-out and password change. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import type { SessionDto } from './types';

export const SESSION_KEY = ['session'] as const;

/** Puts a session (or none) in the cache and the CSRF token where the API client finds it. */
function storeSession(client: QueryClient, session: SessionDto | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  client.setQueryData<SessionDto | null>(SESSION_KEY, session);
}

/** Forgets everything cached for the previous user (lists, details, audit pages). */
function forgetOtherQueries(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

/** `null` when nobody is signed in (GET /session answered 401). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const session = await api.getSession();
      setCsrfToken(session?.csrfToken ?? null);
      return session;
    },
    staleTime: Infinity,
  });
}

/** The session below <RequireSession> (which renders nothing else until there is one). */
export function useSignedInSession(): SessionDto {
  const session = useSession();
  if (!session.data) throw new Error('useSignedInSession used outside <RequireSession>');
  return session.data;
}

/** Called when the server says the session is gone (401): the root then shows the sign-in page. */
export function markSignedOut(client: QueryClient): void {
  storeSession(client, null);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      api.signIn(username, password),
    onSuccess: (session) => {
      forgetOtherQueries(client);
      storeSession(client, session);
      // POST /session has no password policy; GET /session does.
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

/**
 * Ends this session (or every session of the user). The caller then opens the sign-in page with
 * `state.signedOut`, which forgets the session and the cached data (see `forgetSession`), so the
 * redirect does not carry the page signed out from as "next".
 */
export function useSignOut() {
  return useMutation({
    mutationFn: async (everywhere: boolean) => {
      if (everywhere) return (await api.signOutEverywhere()).ended;
      await api.signOut();
      return 1;
    },
  });
}

/** Drops the session and everything cached for its user. */
export function forgetSession(client: QueryClient): void {
  storeSession(client, null);
  forgetOtherQueries(client);
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      currentPassword,
      newPassword,
    }: {
      currentPassword: string;
      newPassword: string;
    }) => api.changePassword(currentPassword, newPassword),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
