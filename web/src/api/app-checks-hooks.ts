/** react-query hooks for the app collection checks; keys start with ['app-checks', orgId]. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { appChecksApi, type AppCheckBody, type AppCheckPatchBody } from './app-checks-client';
import { isVersionConflict } from './privacy-hooks';

export { isVersionConflict };

export const appCheckKeys = {
  all: (orgId: string) => ['app-checks', orgId] as const,
  list: (orgId: string) => ['app-checks', orgId, 'list'] as const,
  catalog: ['catalog', 'app-necessary-pi'] as const,
};

function useAppCheckMutation<I, O>(orgId: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: appCheckKeys.all(orgId) });
  return useMutation({
    mutationFn: write,
    onSuccess: refresh,
    onError: (error) => {
      if (isVersionConflict(error)) void refresh();
    },
  });
}

export const useAppChecks = (orgId: string) =>
  useQuery({ queryKey: appCheckKeys.list(orgId), queryFn: () => appChecksApi.list(orgId) });
export const useCreateAppCheck = (orgId: string) =>
  useAppCheckMutation(orgId, (body: AppCheckBody) => appChecksApi.create(orgId, body));
export const usePatchAppCheck = (orgId: string) =>
  useAppCheckMutation(orgId, ({ id, ...patch }: AppCheckPatchBody & { id: string }) =>
    appChecksApi.patch(orgId, id, patch),
  );
export const useDeleteAppCheck = (orgId: string) =>
  useAppCheckMutation(orgId, (id: string) => appChecksApi.remove(orgId, id));

/** The 2021 necessary-information rules ship with the server. */
export const useAppCatalog = () =>
  useQuery({
    queryKey: appCheckKeys.catalog,
    queryFn: appChecksApi.catalog,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
