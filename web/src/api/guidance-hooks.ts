/**
 * react-query hook for the level-3 test guidance (测评作业指导) of one requirement:
 * GET /catalog/requirements/:id/guidance (contract: src/server/routes/catalog.routes.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { request } from './client';

export interface GuidanceTextDto {
  zh: string;
  en: string;
}

export interface TestGuidanceDto {
  requirementId: string;
  /** GB/T 28448-2019 test id (测评项编号), e.g. L3-CES1-01. */
  testId: string | null;
  /** True when the catalog has no test id and the guidance's id was derived by position. */
  testIdDerived: boolean;
  steps: GuidanceTextDto[];
  expected: GuidanceTextDto;
  judgement: GuidanceTextDto;
  source: string;
}

export interface RequirementGuidanceDto {
  requirementId: string;
  /** Null where the requirement has no guidance (extensions, levels other than 3). */
  guidance: TestGuidanceDto | null;
}

export const getRequirementGuidance = (requirementId: string) =>
  request<RequirementGuidanceDto>(
    'GET',
    `/catalog/requirements/${encodeURIComponent(requirementId)}/guidance`,
  );

/** Shipped with the server: it does not change while the page is open. */
export function useRequirementGuidance(requirementId: string | null) {
  return useQuery({
    queryKey: ['catalog', 'requirement', requirementId ?? '', 'guidance'] as const,
    queryFn: () => getRequirementGuidance(requirementId ?? ''),
    enabled: requirementId !== null,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
}
