/**
 * react-query hooks for the personal-information register. Every key starts with
 * ['privacy', orgId]: an activity, a batch or the profile changes the paths and duties of the
 * whole organisation, so any write refreshes the family (and the obligations calendar).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './client';
import { queryKeys } from './hooks';
import {
  privacyApi,
  type ActivityBody,
  type ActivityPatchBody,
  type RegisterProfileBody,
  type TransferBatchBody,
} from './privacy-client';

export const privacyKeys = {
  all: (orgId: string) => ['privacy', orgId] as const,
  profile: (orgId: string) => ['privacy', orgId, 'profile'] as const,
  activities: (orgId: string) => ['privacy', orgId, 'activities'] as const,
  activity: (orgId: string, id: string) => ['privacy', orgId, 'activity', id] as const,
  classification: (orgId: string, id: string) =>
    ['privacy', orgId, 'activity', id, 'classification'] as const,
  batches: (orgId: string, id: string) => ['privacy', orgId, 'activity', id, 'batches'] as const,
  paths: (orgId: string, asOf: string) => ['privacy', orgId, 'paths', asOf] as const,
  duties: (orgId: string, asOf: string) => ['privacy', orgId, 'duties', asOf] as const,
  categories: ['catalog', 'pi-categories'] as const,
};

export const isVersionConflict = (error: unknown) =>
  error instanceof ApiRequestError &&
  (error.status === 409 || error.body.code === 'VERSION_CONFLICT');

/** A write to the register: refresh the family afterwards (and after a 409, for the new version). */
function usePrivacyMutation<I, O>(orgId: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: privacyKeys.all(orgId) }),
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

export const usePrivacyProfile = (orgId: string) =>
  useQuery({ queryKey: privacyKeys.profile(orgId), queryFn: () => privacyApi.profile(orgId) });
export const usePutPrivacyProfile = (orgId: string) =>
  usePrivacyMutation(orgId, (body: RegisterProfileBody) => privacyApi.putProfile(orgId, body));

export const useActivities = (orgId: string) =>
  useQuery({
    queryKey: privacyKeys.activities(orgId),
    queryFn: () => privacyApi.listActivities(orgId),
  });
export const useCreateActivity = (orgId: string) =>
  usePrivacyMutation(orgId, (body: ActivityBody) => privacyApi.createActivity(orgId, body));
export const usePatchActivity = (orgId: string) =>
  usePrivacyMutation(orgId, ({ id, ...patch }: ActivityPatchBody & { id: string }) =>
    privacyApi.patchActivity(orgId, id, patch),
  );
export const useDeleteActivity = (orgId: string) =>
  usePrivacyMutation(orgId, (id: string) => privacyApi.deleteActivity(orgId, id));

/** The organisation's PIPIAs (keyed under the PIPIA pages' family, so their writes refresh it). */
export const usePipiaStatuses = (orgId: string) =>
  useQuery({
    queryKey: ['pipia', orgId, 'register-statuses'] as const,
    queryFn: () => privacyApi.pipias(orgId),
    retry: false,
  });

export const useActivityClassification = (orgId: string, id: string | null) =>
  useQuery({
    queryKey: privacyKeys.classification(orgId, id ?? ''),
    queryFn: () => privacyApi.classification(orgId, id ?? ''),
    enabled: id !== null,
  });

export const useTransferBatches = (orgId: string, activityId: string | null) =>
  useQuery({
    queryKey: privacyKeys.batches(orgId, activityId ?? ''),
    queryFn: () => privacyApi.listBatches(orgId, activityId ?? ''),
    enabled: activityId !== null,
  });
export const useCreateTransferBatch = (orgId: string, activityId: string) =>
  usePrivacyMutation(orgId, (body: TransferBatchBody) =>
    privacyApi.createBatch(orgId, activityId, body),
  );
export const useDeleteTransferBatch = (orgId: string) =>
  usePrivacyMutation(orgId, (batchId: string) => privacyApi.deleteBatch(orgId, batchId));

export const useCrossBorderPaths = (orgId: string, asOf: string) =>
  useQuery({
    queryKey: privacyKeys.paths(orgId, asOf),
    queryFn: () => privacyApi.paths(orgId, asOf),
    placeholderData: keepPreviousData,
  });

export const usePrivacyDuties = (orgId: string, asOf: string, { enabled = true } = {}) =>
  useQuery({
    queryKey: privacyKeys.duties(orgId, asOf),
    queryFn: () => privacyApi.duties(orgId, asOf),
    placeholderData: keepPreviousData,
    enabled,
  });

/** The classifier's vocabulary ships with the server: it does not change while the page is open. */
export const usePiCategories = () =>
  useQuery({
    queryKey: privacyKeys.categories,
    queryFn: privacyApi.categories,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });

/** The free-trade zones' negative lists; shipped with the server. */
export const useFtzLists = () =>
  useQuery({
    queryKey: ['catalog', 'ftz-negative-lists'] as const,
    queryFn: privacyApi.ftzLists,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });

/** The penalty provisions (罚则) the duties name by id; shipped with the server. */
export const usePenaltyCatalog = () =>
  useQuery({
    queryKey: ['catalog', 'penalties'] as const,
    queryFn: privacyApi.penalties,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });

/** Excel or YAML/JSON import: a dry run lists problems; the commit is all-or-nothing. */
export const useImportRegister = (orgId: string) =>
  usePrivacyMutation(
    orgId,
    ({ file, kind, dryRun }: { file: Blob; kind: 'xlsx' | 'file'; dryRun: boolean }) =>
      kind === 'xlsx'
        ? privacyApi.importWorkbook(orgId, file, dryRun)
        : privacyApi.importFile(orgId, file, dryRun),
  );
