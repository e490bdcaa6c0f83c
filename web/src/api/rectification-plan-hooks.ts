/**
 * The rectification plan's own text (整改方案: objectives, principles, budget note), one per
 * assessment (src/server/routes/rectification-plans.routes.ts). The items' measures, schedule
 * and costs go through the rectification PATCH (assessment-hooks.ts).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  RectificationPlanDto,
  RectificationPlanInput,
} from '../../../src/shared/rectification-plan-schemas';
import { assessmentKeys, isVersionConflict } from './assessment-hooks';
import { org, request } from './client';

const path = (orgId: string, id: string) =>
  `${org(orgId)}/assessments/${encodeURIComponent(id)}/rectification-plan`;

export const rectificationPlanApi = {
  get: (orgId: string, id: string) => request<RectificationPlanDto>('GET', path(orgId, id)),
  save: (orgId: string, id: string, input: RectificationPlanInput) =>
    request<RectificationPlanDto>('PUT', path(orgId, id), input),
};

const key = (orgId: string, id: string) =>
  [...assessmentKeys.one(orgId, id), 'rectification-plan'] as const;

export function useRectificationPlan(orgId: string, id: string) {
  return useQuery({ queryKey: key(orgId, id), queryFn: () => rectificationPlanApi.get(orgId, id) });
}

export function useSaveRectificationPlan(orgId: string, id: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: key(orgId, id) });
  return useMutation({
    mutationFn: (input: RectificationPlanInput) => rectificationPlanApi.save(orgId, id, input),
    onSuccess: (plan) => client.setQueryData(key(orgId, id), plan),
    onError: (error) => {
      if (isVersionConflict(error)) void refresh();
    },
  });
}
