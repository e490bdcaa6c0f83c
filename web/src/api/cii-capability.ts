/**
 * GB/T 39204-2022 capability evaluations (能力评价) of a core business: the catalog, evaluations,
 * bulk results, complete / reopen and rectification (src/server/routes/cii-evaluations.routes.ts).
 *
 * Keys live under ['cii', orgId, 'capability', …], so a write elsewhere in the CII model (which
 * refreshes ['cii', orgId]) refreshes these too; a write here refreshes only the evaluation.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CapabilityCatalogDto,
  CiiEvaluationDetailDto,
  CiiEvaluationInputSchema,
  CiiEvaluationResultRow,
  CiiEvaluationSummaryDto,
  CiiRectificationDto,
  CiiRectificationInput,
  CiiRectificationPatch,
} from '../../../src/shared/cii-evaluation-schemas';
import { ApiRequestError, org, request } from './client';

export type CiiEvaluationBody = z.input<typeof CiiEvaluationInputSchema>;

const cii = (orgId: string) => `${org(orgId)}/cii`;
const id = encodeURIComponent;
const evaluation = (orgId: string, evaluationId: string) =>
  `${cii(orgId)}/evaluations/${id(evaluationId)}`;

export const ciiCapabilityApi = {
  catalog: (orgId: string) =>
    request<CapabilityCatalogDto>('GET', `${cii(orgId)}/capability-catalog`),
  list: (orgId: string, businessId: string) =>
    request<{ items: CiiEvaluationSummaryDto[]; total: number }>(
      'GET',
      `${cii(orgId)}/core-businesses/${id(businessId)}/evaluations`,
    ),
  create: (orgId: string, businessId: string, input: CiiEvaluationBody) =>
    request<CiiEvaluationDetailDto>(
      'POST',
      `${cii(orgId)}/core-businesses/${id(businessId)}/evaluations`,
      input,
    ),
  get: (orgId: string, evaluationId: string) =>
    request<CiiEvaluationDetailDto>('GET', evaluation(orgId, evaluationId)),
  writeResults: (orgId: string, evaluationId: string, rows: CiiEvaluationResultRow[]) =>
    request<CiiEvaluationDetailDto>('PUT', `${evaluation(orgId, evaluationId)}/results`, {
      rows,
    }),
  complete: (orgId: string, evaluationId: string, version: number) =>
    request<CiiEvaluationDetailDto>('POST', `${evaluation(orgId, evaluationId)}/complete`, {
      version,
    }),
  reopen: (orgId: string, evaluationId: string, version: number) =>
    request<CiiEvaluationDetailDto>('POST', `${evaluation(orgId, evaluationId)}/reopen`, {
      version,
    }),
  createRectification: (orgId: string, evaluationId: string, input: CiiRectificationInput) =>
    request<CiiRectificationDto>(
      'POST',
      `${evaluation(orgId, evaluationId)}/rectifications`,
      input,
    ),
  patchRectification: (
    orgId: string,
    evaluationId: string,
    rectificationId: string,
    patch: CiiRectificationPatch,
  ) =>
    request<CiiRectificationDto>(
      'PATCH',
      `${evaluation(orgId, evaluationId)}/rectifications/${id(rectificationId)}`,
      patch,
    ),
};

export const capabilityKeys = {
  all: (orgId: string) => ['cii', orgId, 'capability'] as const,
  catalog: (orgId: string) => ['cii', orgId, 'capability', 'catalog'] as const,
  list: (orgId: string, businessId: string) =>
    ['cii', orgId, 'capability', 'list', businessId] as const,
  detail: (orgId: string, evaluationId: string) =>
    ['cii', orgId, 'capability', 'evaluation', evaluationId] as const,
};

export const isVersionConflict = (error: unknown) =>
  error instanceof ApiRequestError && error.body.code === 'VERSION_CONFLICT';

/** The row a bulk write's 409 names ("rows[3]: result 7.9-j was changed …"), if any. */
export function conflictRowIndex(error: unknown): number | null {
  if (!isVersionConflict(error)) return null;
  const match = /rows\[(\d+)\]/.exec((error as ApiRequestError).body.message);
  return match ? Number(match[1]) : null;
}

/** The catalog is shipped with the server: fetched once per session. */
export const useCapabilityCatalog = (orgId: string) =>
  useQuery({
    queryKey: capabilityKeys.catalog(orgId),
    queryFn: () => ciiCapabilityApi.catalog(orgId),
    staleTime: Infinity,
  });

export const useCiiEvaluations = (orgId: string, businessId: string) =>
  useQuery({
    queryKey: capabilityKeys.list(orgId, businessId),
    queryFn: () => ciiCapabilityApi.list(orgId, businessId),
  });

export const useCiiEvaluation = (orgId: string, evaluationId: string | null) =>
  useQuery({
    queryKey: capabilityKeys.detail(orgId, evaluationId ?? ''),
    queryFn: () => ciiCapabilityApi.get(orgId, evaluationId!),
    enabled: evaluationId !== null,
  });

/** Reads the evaluation again now (after a conflict) and puts it in the cache. */
export const reloadEvaluation = (client: QueryClient, orgId: string, evaluationId: string) =>
  client.fetchQuery({
    queryKey: capabilityKeys.detail(orgId, evaluationId),
    queryFn: () => ciiCapabilityApi.get(orgId, evaluationId),
    staleTime: 0,
  });

/** The evaluation and the lists (its summary, with the overall score, appears there). */
function refresh(client: QueryClient, orgId: string, evaluationId: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: capabilityKeys.detail(orgId, evaluationId) }),
    client.invalidateQueries({ queryKey: [...capabilityKeys.all(orgId), 'list'] }),
  ]);
}

/**
 * A write to one evaluation. An answer that is the evaluation itself replaces the cached one; a
 * 409 reloads it, so the user sees the other person's change and the current versions.
 */
function useEvaluationMutation<I, O>(
  orgId: string,
  evaluationId: string,
  write: (input: I) => Promise<O>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (answer) => {
      if (answer && typeof answer === 'object' && 'requirements' in answer) {
        client.setQueryData(capabilityKeys.detail(orgId, evaluationId), answer);
        await client.invalidateQueries({ queryKey: [...capabilityKeys.all(orgId), 'list'] });
      } else {
        await refresh(client, orgId, evaluationId);
      }
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.status === 409) {
        void refresh(client, orgId, evaluationId);
      }
    },
  });
}

export function useCreateCiiEvaluation(orgId: string, businessId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CiiEvaluationBody) => ciiCapabilityApi.create(orgId, businessId, input),
    onSuccess: async (created) => {
      client.setQueryData(capabilityKeys.detail(orgId, created.id), created);
      await client.invalidateQueries({ queryKey: capabilityKeys.list(orgId, businessId) });
    },
  });
}

export const useWriteCiiResults = (orgId: string, evaluationId: string) =>
  useEvaluationMutation(orgId, evaluationId, (rows: CiiEvaluationResultRow[]) =>
    ciiCapabilityApi.writeResults(orgId, evaluationId, rows),
  );

export const useCompleteCiiEvaluation = (orgId: string, evaluationId: string) =>
  useEvaluationMutation(orgId, evaluationId, (version: number) =>
    ciiCapabilityApi.complete(orgId, evaluationId, version),
  );

export const useReopenCiiEvaluation = (orgId: string, evaluationId: string) =>
  useEvaluationMutation(orgId, evaluationId, (version: number) =>
    ciiCapabilityApi.reopen(orgId, evaluationId, version),
  );

export const useCreateCiiRectification = (orgId: string, evaluationId: string) =>
  useEvaluationMutation(orgId, evaluationId, (input: CiiRectificationInput) =>
    ciiCapabilityApi.createRectification(orgId, evaluationId, input),
  );

export const usePatchCiiRectification = (orgId: string, evaluationId: string) =>
  useEvaluationMutation(
    orgId,
    evaluationId,
    ({ rectificationId, ...patch }: CiiRectificationPatch & { rectificationId: string }) =>
      ciiCapabilityApi.patchRectification(orgId, evaluationId, rectificationId, patch),
  );
