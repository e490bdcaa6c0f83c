/**
 * The filing form's (备案表) profile of the organisation (表一) and of a grading object (表二), and
 * the form's option lists. The profiles travel on the existing organisation and system routes
 * (`filingProfile`, whole object, with the record's `version`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationDto, SystemDto } from '../../../src/shared/api-types';
import type {
  FilingFormOptions,
  FilingOptionList,
  OrganisationFilingProfile,
  SystemFilingProfile,
} from '../../../src/shared/filing-profile';
import type { OrganisationInput } from '../../../src/shared/schemas';
import { ApiRequestError, org, request, sys } from './client';
import { queryKeys } from './hooks';

export type { FilingFormOptions, FilingOptionList as FilingFormOptionList };
export type FilingFormOption = FilingOptionList['options'][number];

/** The organisation as GET/PATCH /organisations/:orgId answer, with its 表一 profile. */
export type OrganisationWithProfile = OrganisationDto & {
  filingProfile?: OrganisationFilingProfile | null;
};
export type SystemWithProfile = SystemDto & { filingProfile?: SystemFilingProfile | null };

export type OrganisationProfilePatch = Partial<OrganisationInput> & {
  filingProfile?: OrganisationFilingProfile | null;
  version: number;
};

export const filingProfileKeys = {
  options: ['catalog', 'filing-form-options'] as const,
  organisation: (orgId: string) => ['organisation', orgId] as const,
};

/** The lists ship with the server: they do not change while the page is open. */
export function useFilingFormOptions() {
  return useQuery({
    queryKey: filingProfileKeys.options,
    queryFn: () => request<FilingFormOptions>('GET', '/catalog/filing-form-options'),
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
}

export function useOrganisation(orgId: string) {
  return useQuery({
    queryKey: filingProfileKeys.organisation(orgId),
    queryFn: () => request<OrganisationWithProfile>('GET', org(orgId)),
  });
}

const isConflict = (error: unknown) =>
  error instanceof ApiRequestError && error.body.code === 'VERSION_CONFLICT';

export function usePatchOrganisationProfile(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: OrganisationProfilePatch) =>
      request<OrganisationWithProfile>('PATCH', org(orgId), patch),
    onSuccess: async (organisation) => {
      client.setQueryData(filingProfileKeys.organisation(orgId), organisation);
      // The name may have changed: the switcher and the header list the organisations.
      await client.invalidateQueries({ queryKey: queryKeys.organisations });
    },
  });
}

/** PATCH the system's 表二 profile (whole object) with the system's version. */
export function usePatchSystemProfile(orgId: string, systemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: { filingProfile: SystemFilingProfile | null; version: number }) =>
      request<SystemWithProfile>('PATCH', sys(orgId, systemId), patch),
    // A conflict is left to the form: it offers to load the other writer's version.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.system(orgId, systemId) }),
        client.invalidateQueries({ queryKey: queryKeys.systems(orgId) }),
      ]),
  });
}

export { isConflict as isVersionConflict };
