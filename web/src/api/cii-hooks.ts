/**
 * react-query hooks for the CII model. Every key starts with ['cii', orgId]: assets and
 * dependencies are organisation-wide and change every core business's boundary, so any write
 * refreshes the whole family (a few small lists).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ciiApi,
  type CiiAssetBody,
  type CiiAssetPatchBody,
  type CiiDependencyBody,
  type CiiFlowBody,
  type CiiFlowPatchBody,
  type CoreBusinessBody,
  type CoreBusinessPatchBody,
} from './cii-client';
import { ApiRequestError } from './client';
import { queryKeys } from './hooks';

export const ciiKeys = {
  all: (orgId: string) => ['cii', orgId] as const,
  businesses: (orgId: string) => ['cii', orgId, 'businesses'] as const,
  business: (orgId: string, id: string) => ['cii', orgId, 'business', id] as const,
  assets: (orgId: string) => ['cii', orgId, 'assets'] as const,
  dependencies: (orgId: string) => ['cii', orgId, 'dependencies'] as const,
  flows: (orgId: string, id: string) => ['cii', orgId, 'business', id, 'flows'] as const,
  boundary: (orgId: string, id: string) => ['cii', orgId, 'business', id, 'boundary'] as const,
  determinations: (orgId: string, id: string) =>
    ['cii', orgId, 'business', id, 'determinations'] as const,
  duties: (orgId: string, id: string) => ['cii', orgId, 'business', id, 'duties'] as const,
};

export const isVersionConflict = (error: unknown) =>
  error instanceof ApiRequestError && error.body.code === 'VERSION_CONFLICT';

/** A write to the CII model: refresh the family afterwards (and after a 409, to get the new version). */
function useCiiMutation<I, O>(orgId: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ciiKeys.all(orgId) }),
      // CII duties appear on the organisation's obligations calendar too.
      client.invalidateQueries({ queryKey: queryKeys.obligations(orgId) }),
    ]);
  return useMutation({
    mutationFn: write,
    onSuccess: refresh,
    onError: (error) => {
      if (isVersionConflict(error)) void refresh();
    },
  });
}

export const useCoreBusinesses = (orgId: string) =>
  useQuery({ queryKey: ciiKeys.businesses(orgId), queryFn: () => ciiApi.listBusinesses(orgId) });

export const useCoreBusiness = (orgId: string, id: string) =>
  useQuery({ queryKey: ciiKeys.business(orgId, id), queryFn: () => ciiApi.getBusiness(orgId, id) });

export const useCreateCoreBusiness = (orgId: string) =>
  useCiiMutation(orgId, (input: CoreBusinessBody) => ciiApi.createBusiness(orgId, input));
export const usePatchCoreBusiness = (orgId: string, id: string) =>
  useCiiMutation(orgId, (patch: CoreBusinessPatchBody) => ciiApi.patchBusiness(orgId, id, patch));
export const useDeleteCoreBusiness = (orgId: string) =>
  useCiiMutation(orgId, (id: string) => ciiApi.deleteBusiness(orgId, id));

export const useCiiAssets = (orgId: string) =>
  useQuery({ queryKey: ciiKeys.assets(orgId), queryFn: () => ciiApi.listAssets(orgId) });
export const useCreateCiiAsset = (orgId: string) =>
  useCiiMutation(orgId, (input: CiiAssetBody) => ciiApi.createAsset(orgId, input));
export const usePatchCiiAsset = (orgId: string) =>
  useCiiMutation(orgId, ({ assetId, ...patch }: CiiAssetPatchBody & { assetId: string }) =>
    ciiApi.patchAsset(orgId, assetId, patch),
  );
export const useDeleteCiiAsset = (orgId: string) =>
  useCiiMutation(orgId, (assetId: string) => ciiApi.deleteAsset(orgId, assetId));

export const useCiiDependencies = (orgId: string) =>
  useQuery({
    queryKey: ciiKeys.dependencies(orgId),
    queryFn: () => ciiApi.listDependencies(orgId),
  });
export const useCreateCiiDependency = (orgId: string) =>
  useCiiMutation(orgId, (input: CiiDependencyBody) => ciiApi.createDependency(orgId, input));
export const useDeleteCiiDependency = (orgId: string) =>
  useCiiMutation(orgId, (dependencyId: string) => ciiApi.deleteDependency(orgId, dependencyId));

export const useCiiFlows = (orgId: string, businessId: string) =>
  useQuery({
    queryKey: ciiKeys.flows(orgId, businessId),
    queryFn: () => ciiApi.listFlows(orgId, businessId),
  });
export const useCreateCiiFlow = (orgId: string, businessId: string) =>
  useCiiMutation(orgId, (input: CiiFlowBody) => ciiApi.createFlow(orgId, businessId, input));
export const usePatchCiiFlow = (orgId: string) =>
  useCiiMutation(orgId, ({ flowId, ...patch }: CiiFlowPatchBody & { flowId: string }) =>
    ciiApi.patchFlow(orgId, flowId, patch),
  );
export const useDeleteCiiFlow = (orgId: string) =>
  useCiiMutation(orgId, (flowId: string) => ciiApi.deleteFlow(orgId, flowId));

export const useCiiBoundary = (orgId: string, businessId: string) =>
  useQuery({
    queryKey: ciiKeys.boundary(orgId, businessId),
    queryFn: () => ciiApi.boundary(orgId, businessId),
  });

export const useCiiDeterminations = (orgId: string, businessId: string) =>
  useQuery({
    queryKey: ciiKeys.determinations(orgId, businessId),
    queryFn: () => ciiApi.listDeterminations(orgId, businessId),
  });
export const useRecordDetermination = (orgId: string, businessId: string) =>
  useCiiMutation(orgId, (note: string | null) =>
    ciiApi.recordDetermination(orgId, businessId, note),
  );

export const useCiiDuties = (orgId: string, businessId: string) =>
  useQuery({
    queryKey: ciiKeys.duties(orgId, businessId),
    queryFn: () => ciiApi.duties(orgId, businessId),
  });
