/**
 * react-query hooks for the incident register. Every key starts with ['incidents', orgId]: a
 * write changes the incident and its duties (and the obligations calendar), so any write
 * refreshes the family; a 409 refreshes it too (for the new version).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IncidentReport } from '../../../src/shared/data-security-schemas';
import { queryKeys } from './hooks';
import { incidentsApi, type IncidentBody, type IncidentPatchBody } from './incidents-client';
import { isVersionConflict } from './privacy-hooks';

export { isVersionConflict };

export const incidentKeys = {
  all: (orgId: string) => ['incidents', orgId] as const,
  list: (orgId: string) => ['incidents', orgId, 'list'] as const,
  one: (orgId: string, id: string) => ['incidents', orgId, 'incident', id] as const,
  resources: (orgId: string) => ['incidents', orgId, 'resources'] as const,
  grading: ['catalog', 'incident-grading'] as const,
};

function useIncidentMutation<I, O>(orgId: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: incidentKeys.all(orgId) }),
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

/** The register; refetched every minute so a duty's state follows the clock. */
export const useIncidents = (orgId: string) =>
  useQuery({
    queryKey: incidentKeys.list(orgId),
    queryFn: () => incidentsApi.list(orgId),
    refetchInterval: 60_000,
  });
export const useIncident = (orgId: string, id: string) =>
  useQuery({
    queryKey: incidentKeys.one(orgId, id),
    queryFn: () => incidentsApi.get(orgId, id),
    refetchInterval: 60_000,
  });
export const useCreateIncident = (orgId: string) =>
  useIncidentMutation(orgId, (body: IncidentBody) => incidentsApi.create(orgId, body));
export const usePatchIncident = (orgId: string) =>
  useIncidentMutation(orgId, ({ id, ...patch }: IncidentPatchBody & { id: string }) =>
    incidentsApi.patch(orgId, id, patch),
  );
export const useDeleteIncident = (orgId: string) =>
  useIncidentMutation(orgId, (id: string) => incidentsApi.remove(orgId, id));
export const useAddIncidentReport = (orgId: string, id: string) =>
  useIncidentMutation(orgId, (report: IncidentReport & { version: number }) =>
    incidentsApi.addReport(orgId, id, report),
  );

/** The grading guide ships with the server. */
export const useIncidentGrading = () =>
  useQuery({
    queryKey: incidentKeys.grading,
    queryFn: incidentsApi.grading,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });

export const useIncidentResources = (orgId: string, { enabled = true } = {}) =>
  useQuery({
    queryKey: incidentKeys.resources(orgId),
    queryFn: () => incidentsApi.resources(orgId),
    enabled,
    retry: false,
  });
