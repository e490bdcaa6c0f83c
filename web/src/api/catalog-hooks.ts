/** react-query hooks for the GB/T 22239-2019 catalog (基本要求) and a system's baseline. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type CatalogItemsQuery } from './client';

/** The catalog is shipped with the server: it does not change while the page is open. */
const STATIC = { staleTime: Infinity, gcTime: 30 * 60_000 } as const;

export const catalogKeys = {
  summary: ['catalog', 'summary'] as const,
  items: (q: CatalogItemsQuery) => ['catalog', 'items', q] as const,
  requirement: (id: string) => ['catalog', 'requirement', id] as const,
  systemBaseline: (orgId: string, systemId: string) =>
    ['system', orgId, systemId, 'baseline'] as const,
};

export function useCatalogSummary() {
  return useQuery({ queryKey: catalogKeys.summary, queryFn: api.catalogSummary, ...STATIC });
}

export function useCatalogItems(q: CatalogItemsQuery) {
  return useQuery({
    queryKey: catalogKeys.items(q),
    queryFn: () => api.listCatalogItems(q),
    placeholderData: keepPreviousData,
    ...STATIC,
  });
}

export function useRequirement(id: string | null) {
  return useQuery({
    queryKey: catalogKeys.requirement(id ?? ''),
    queryFn: () => api.getRequirement(id ?? ''),
    enabled: id !== null,
    ...STATIC,
  });
}

/**
 * The system's baseline. Keyed under the system, so a new grading (which invalidates
 * ['system', orgId, systemId]) refreshes it too.
 */
export function useSystemBaseline(orgId: string, systemId: string, enabled: boolean) {
  return useQuery({
    queryKey: catalogKeys.systemBaseline(orgId, systemId),
    queryFn: () => api.getSystemBaseline(orgId, systemId),
    enabled,
    retry: false,
  });
}
