/** react-query hooks over the API client; mutations refresh whatever their write can change. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListDto, SystemDetailDto, SystemSummaryDto } from '../../../src/shared/api-types';
import type {
  EventInput,
  FilingInput,
  GradingInputDto,
  GradingRecordInput,
  ObligationStatusInput,
  OrganisationInput,
  ReviewInput,
  SystemInput,
  SystemPatch,
} from '../../../src/shared/schemas';
import { api, ApiRequestError, type SystemListQuery } from './client';
import { SESSION_KEY } from './session';

export const queryKeys = {
  organisations: ['organisations'] as const,
  systems: (orgId: string) => ['systems', orgId] as const,
  systemList: (orgId: string, q: SystemListQuery) => ['systems', orgId, 'list', q] as const,
  allSystems: (orgId: string) => ['systems', orgId, 'all'] as const,
  system: (orgId: string, systemId: string) => ['system', orgId, systemId] as const,
  obligations: (orgId: string) => ['obligations', orgId] as const,
  obligationList: (orgId: string, asOf: string, systemId?: string) =>
    ['obligations', orgId, asOf, systemId ?? null] as const,
  gradingPreview: (input: GradingInputDto) => ['grading-preview', input] as const,
};

export function useOrganisations() {
  return useQuery({ queryKey: queryKeys.organisations, queryFn: api.listOrganisations });
}

export function useCreateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationInput) => api.createOrganisation(input),
    // The creator becomes owner: the session's organisations (with permissions) change too.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.organisations }),
        client.invalidateQueries({ queryKey: SESSION_KEY }),
      ]),
  });
}

export function useSystemList(orgId: string, q: SystemListQuery) {
  return useQuery({
    queryKey: queryKeys.systemList(orgId, q),
    queryFn: () => api.listSystems(orgId, q),
    placeholderData: keepPreviousData,
  });
}

const PAGE_SIZE_FOR_ALL = 100;

/** Every system of the organisation (for estate-wide counts), fetched page by page. */
export function useAllSystems(orgId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.allSystems(orgId),
    enabled,
    queryFn: async (): Promise<ListDto<SystemSummaryDto>> => {
      const items: SystemSummaryDto[] = [];
      let total = Infinity;
      while (items.length < total) {
        const page = await api.listSystems(orgId, {
          limit: PAGE_SIZE_FOR_ALL,
          offset: items.length,
          sort: 'name',
        });
        total = page.total;
        items.push(...page.items);
        if (page.items.length === 0) break;
      }
      return { items, total: items.length };
    },
  });
}

export function useSystemDetail(orgId: string, systemId: string) {
  return useQuery({
    queryKey: queryKeys.system(orgId, systemId),
    queryFn: () => api.getSystem(orgId, systemId),
  });
}

export function useCreateSystem(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SystemInput) => api.createSystem(orgId, input),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.systems(orgId) }),
        client.invalidateQueries({ queryKey: queryKeys.obligations(orgId) }),
      ]);
    },
  });
}

/** After any write to a system: its detail, the lists and the obligations may all have changed. */
async function refreshSystem(
  client: ReturnType<typeof useQueryClient>,
  orgId: string,
  systemId: string,
) {
  await Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.system(orgId, systemId) }),
    client.invalidateQueries({ queryKey: queryKeys.systems(orgId) }),
    client.invalidateQueries({ queryKey: queryKeys.obligations(orgId) }),
  ]);
}

export function usePatchSystem(orgId: string, systemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SystemPatch) => api.patchSystem(orgId, systemId, patch),
    onSuccess: () => refreshSystem(client, orgId, systemId),
    onError: (error) => {
      if (error instanceof ApiRequestError && error.body.code === 'VERSION_CONFLICT') {
        void client.invalidateQueries({ queryKey: queryKeys.system(orgId, systemId) });
      }
    },
  });
}

function useSystemRecordMutation<I>(
  orgId: string,
  systemId: string,
  write: (orgId: string, systemId: string, input: I) => Promise<SystemDetailDto>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => write(orgId, systemId, input),
    onSuccess: async (detail) => {
      client.setQueryData(queryKeys.system(orgId, systemId), detail);
      await refreshSystem(client, orgId, systemId);
    },
    // A stale version (409) means someone else wrote: reload so a retry carries the new version.
    onError: (error) => {
      if (error instanceof ApiRequestError && error.body.code === 'VERSION_CONFLICT') {
        void client.invalidateQueries({ queryKey: queryKeys.system(orgId, systemId) });
      }
    },
  });
}

export const useRecordGrading = (orgId: string, systemId: string) =>
  useSystemRecordMutation<GradingRecordInput>(orgId, systemId, api.recordGrading);
export const useAddReview = (orgId: string, systemId: string) =>
  useSystemRecordMutation<ReviewInput>(orgId, systemId, api.addReview);
export const useAddFiling = (orgId: string, systemId: string) =>
  useSystemRecordMutation<FilingInput>(orgId, systemId, api.addFiling);
export const useAddEvent = (orgId: string, systemId: string) =>
  useSystemRecordMutation<EventInput>(orgId, systemId, api.addEvent);

/** Live grading preview; disabled until both dimensions have at least one judgement. */
export function useGradingPreview(input: GradingInputDto | null) {
  return useQuery({
    queryKey: queryKeys.gradingPreview(input ?? { businessInformation: [], systemService: [] }),
    queryFn: () => api.previewGrading(input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

export function useObligations(orgId: string, asOf: string, systemId?: string) {
  return useQuery({
    queryKey: queryKeys.obligationList(orgId, asOf, systemId),
    queryFn: () => api.listObligations(orgId, asOf, systemId),
    placeholderData: keepPreviousData,
  });
}

export function useSetObligationStatus(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...input }: ObligationStatusInput & { key: string }) =>
      api.setObligationStatus(orgId, key, input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.obligations(orgId) }),
  });
}

export function useClearObligationStatus(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.clearObligationStatus(orgId, key),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.obligations(orgId) }),
  });
}
