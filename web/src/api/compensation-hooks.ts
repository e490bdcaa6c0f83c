/**
 * 整体测评 compensations and 上次测评问题整改情况 (src/server/routes/assessment-compensations.routes.ts).
 * The query keys sit under the assessment's, so every write to it refreshes them too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CompensationDto,
  CompensationInput,
  CompensationPatch,
  CompensationsDto,
  PreviousFindingsDto,
} from '../../../src/shared/compensation-schemas';
import { assessmentKeys, isVersionConflict, refreshAssessment } from './assessment-hooks';
import { org, request } from './client';

const base = (orgId: string, id: string) => `${org(orgId)}/assessments/${encodeURIComponent(id)}`;

export const compensationApi = {
  list: (orgId: string, id: string) =>
    request<CompensationsDto>('GET', `${base(orgId, id)}/compensations`),
  add: (orgId: string, id: string, input: CompensationInput) =>
    request<CompensationDto>('POST', `${base(orgId, id)}/compensations`, input),
  patch: (orgId: string, id: string, compensationId: string, patch: CompensationPatch) =>
    request<CompensationDto>(
      'PATCH',
      `${base(orgId, id)}/compensations/${encodeURIComponent(compensationId)}`,
      patch,
    ),
  remove: (orgId: string, id: string, compensationId: string) =>
    request<null>(
      'DELETE',
      `${base(orgId, id)}/compensations/${encodeURIComponent(compensationId)}`,
    ),
  previousFindings: (orgId: string, id: string) =>
    request<PreviousFindingsDto>('GET', `${base(orgId, id)}/previous-findings`),
};

const keys = {
  compensations: (orgId: string, id: string) =>
    [...assessmentKeys.one(orgId, id), 'compensations'] as const,
  previousFindings: (orgId: string, id: string) =>
    [...assessmentKeys.one(orgId, id), 'previous-findings'] as const,
};

export function useCompensations(orgId: string, id: string) {
  return useQuery({
    queryKey: keys.compensations(orgId, id),
    queryFn: () => compensationApi.list(orgId, id),
  });
}

export function usePreviousFindings(orgId: string, id: string) {
  return useQuery({
    queryKey: keys.previousFindings(orgId, id),
    queryFn: () => compensationApi.previousFindings(orgId, id),
  });
}

function useCompensationMutation<I, O>(orgId: string, id: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    // Findings and the score change with a compensation; the workbook's recorded results do not.
    onSuccess: () => refreshAssessment(client, orgId, id, { workbook: false }),
    onError: (error) => {
      if (isVersionConflict(error)) void refreshAssessment(client, orgId, id, { workbook: false });
    },
  });
}

export const useAddCompensation = (orgId: string, id: string) =>
  useCompensationMutation(orgId, id, (input: CompensationInput) =>
    compensationApi.add(orgId, id, input),
  );
export const usePatchCompensation = (orgId: string, id: string) =>
  useCompensationMutation(
    orgId,
    id,
    ({ compensationId, ...patch }: CompensationPatch & { compensationId: string }) =>
      compensationApi.patch(orgId, id, compensationId, patch),
  );
export const useRemoveCompensation = (orgId: string, id: string) =>
  useCompensationMutation(orgId, id, (compensationId: string) =>
    compensationApi.remove(orgId, id, compensationId),
  );
