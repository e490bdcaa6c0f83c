/**
 * react-query hooks for data security. Every key starts with ['dataSecurity', orgId]: a resource,
 * the profile, a provision, an assessment or an audit changes the duties of the whole
 * organisation, so any write refreshes the family (and the obligations calendar).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RiskAssessmentTransition } from '../../../src/shared/data-security-schemas';
import {
  dataSecurityApi,
  type AssessmentBody,
  type AssessmentPatchBody,
  type AuditBody,
  type AuditPatchBody,
  type ProfileBody,
  type ProvisionBody,
  type ResourceBody,
  type ResourcePatchBody,
  type RiskBody,
  type RiskPatchBody,
} from './data-security-client';
import { queryKeys } from './hooks';
import { isVersionConflict } from './privacy-hooks';

export { isVersionConflict };

export const dataSecurityKeys = {
  all: (orgId: string) => ['dataSecurity', orgId] as const,
  resources: (orgId: string) => ['dataSecurity', orgId, 'resources'] as const,
  profile: (orgId: string) => ['dataSecurity', orgId, 'profile'] as const,
  provisions: (orgId: string) => ['dataSecurity', orgId, 'provisions'] as const,
  duties: (orgId: string, asOf: string) => ['dataSecurity', orgId, 'duties', asOf] as const,
  assessments: (orgId: string) => ['dataSecurity', orgId, 'assessments'] as const,
  assessment: (orgId: string, id: string) => ['dataSecurity', orgId, 'assessment', id] as const,
  risks: (orgId: string, id: string) => ['dataSecurity', orgId, 'assessment', id, 'risks'] as const,
  openRisks: (orgId: string) => ['dataSecurity', orgId, 'open-risks'] as const,
  audits: (orgId: string) => ['dataSecurity', orgId, 'audits'] as const,
  catalog: ['catalog', 'data-classification'] as const,
};

/** A write: refresh the family afterwards (and after a 409, for the new version). */
function useDataSecurityMutation<I, O>(orgId: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: dataSecurityKeys.all(orgId) }),
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

// ——— inventory ———
export const useResources = (orgId: string) =>
  useQuery({
    queryKey: dataSecurityKeys.resources(orgId),
    queryFn: () => dataSecurityApi.listResources(orgId),
  });
export const useCreateResource = (orgId: string) =>
  useDataSecurityMutation(orgId, (body: ResourceBody) =>
    dataSecurityApi.createResource(orgId, body),
  );
export const usePatchResource = (orgId: string) =>
  useDataSecurityMutation(orgId, ({ id, ...patch }: ResourcePatchBody & { id: string }) =>
    dataSecurityApi.patchResource(orgId, id, patch),
  );
export const useDeleteResource = (orgId: string) =>
  useDataSecurityMutation(orgId, (id: string) => dataSecurityApi.deleteResource(orgId, id));
export const useImportInventory = (orgId: string) =>
  useDataSecurityMutation(
    orgId,
    ({ file, kind, dryRun }: { file: Blob; kind: 'xlsx' | 'file'; dryRun: boolean }) =>
      dataSecurityApi.importInventory(orgId, file, kind, dryRun),
  );

/** The classification catalog ships with the server. */
export const useClassificationCatalog = () =>
  useQuery({
    queryKey: dataSecurityKeys.catalog,
    queryFn: dataSecurityApi.classificationCatalog,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });

// ——— profile, provisions, duties ———
export const useDataSecurityProfile = (orgId: string) =>
  useQuery({
    queryKey: dataSecurityKeys.profile(orgId),
    queryFn: () => dataSecurityApi.profile(orgId),
  });
export const usePutDataSecurityProfile = (orgId: string) =>
  useDataSecurityMutation(orgId, (body: ProfileBody) => dataSecurityApi.putProfile(orgId, body));

export const useProvisions = (orgId: string) =>
  useQuery({
    queryKey: dataSecurityKeys.provisions(orgId),
    queryFn: () => dataSecurityApi.listProvisions(orgId),
  });
export const useCreateProvision = (orgId: string) =>
  useDataSecurityMutation(orgId, (body: ProvisionBody) =>
    dataSecurityApi.createProvision(orgId, body),
  );
export const usePatchProvision = (orgId: string) =>
  useDataSecurityMutation(
    orgId,
    ({ id, ...patch }: Partial<ProvisionBody> & { id: string; version: number }) =>
      dataSecurityApi.patchProvision(orgId, id, patch),
  );
export const useDeleteProvision = (orgId: string) =>
  useDataSecurityMutation(orgId, (id: string) => dataSecurityApi.deleteProvision(orgId, id));

export const useDataSecurityDuties = (orgId: string, asOf: string, { enabled = true } = {}) =>
  useQuery({
    queryKey: dataSecurityKeys.duties(orgId, asOf),
    queryFn: () => dataSecurityApi.duties(orgId, asOf),
    placeholderData: keepPreviousData,
    enabled,
  });

// ——— risk assessments ———
export const useAssessments = (orgId: string) =>
  useQuery({
    queryKey: dataSecurityKeys.assessments(orgId),
    queryFn: () => dataSecurityApi.listAssessments(orgId),
  });
export const useAssessment = (orgId: string, id: string | null) =>
  useQuery({
    queryKey: dataSecurityKeys.assessment(orgId, id ?? ''),
    queryFn: () => dataSecurityApi.getAssessment(orgId, id ?? ''),
    enabled: id !== null,
  });
export const useCreateAssessment = (orgId: string) =>
  useDataSecurityMutation(orgId, (body: AssessmentBody) =>
    dataSecurityApi.createAssessment(orgId, body),
  );
export const usePatchAssessment = (orgId: string) =>
  useDataSecurityMutation(orgId, ({ id, ...patch }: AssessmentPatchBody & { id: string }) =>
    dataSecurityApi.patchAssessment(orgId, id, patch),
  );
export const useDeleteAssessment = (orgId: string) =>
  useDataSecurityMutation(orgId, (id: string) => dataSecurityApi.deleteAssessment(orgId, id));
export const useTransitionAssessment = (orgId: string) =>
  useDataSecurityMutation(orgId, ({ id, body }: { id: string; body: RiskAssessmentTransition }) =>
    dataSecurityApi.transition(orgId, id, body),
  );
export const useRisks = (orgId: string, assessmentId: string | null) =>
  useQuery({
    queryKey: dataSecurityKeys.risks(orgId, assessmentId ?? ''),
    queryFn: () => dataSecurityApi.listRisks(orgId, assessmentId ?? ''),
    enabled: assessmentId !== null,
  });
export const useCreateRisk = (orgId: string, assessmentId: string) =>
  useDataSecurityMutation(orgId, (body: RiskBody) =>
    dataSecurityApi.createRisk(orgId, assessmentId, body),
  );
export const usePatchRisk = (orgId: string, assessmentId: string) =>
  useDataSecurityMutation(orgId, ({ id, ...patch }: RiskPatchBody & { id: string }) =>
    dataSecurityApi.patchRisk(orgId, assessmentId, id, patch),
  );
export const useDeleteRisk = (orgId: string, assessmentId: string) =>
  useDataSecurityMutation(orgId, (id: string) =>
    dataSecurityApi.deleteRisk(orgId, assessmentId, id),
  );
export const useOpenRisks = (orgId: string) =>
  useQuery({
    queryKey: dataSecurityKeys.openRisks(orgId),
    queryFn: () => dataSecurityApi.openRisks(orgId),
  });

// ——— PI compliance audits ———
export const useAudits = (orgId: string) =>
  useQuery({
    queryKey: dataSecurityKeys.audits(orgId),
    queryFn: () => dataSecurityApi.listAudits(orgId),
  });
export const useCreateAudit = (orgId: string) =>
  useDataSecurityMutation(orgId, (body: AuditBody) => dataSecurityApi.createAudit(orgId, body));
export const usePatchAudit = (orgId: string) =>
  useDataSecurityMutation(orgId, ({ id, ...patch }: AuditPatchBody & { id: string }) =>
    dataSecurityApi.patchAudit(orgId, id, patch),
  );
export const useDeleteAudit = (orgId: string) =>
  useDataSecurityMutation(orgId, (id: string) => dataSecurityApi.deleteAudit(orgId, id));
