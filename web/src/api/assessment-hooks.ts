/**
 * react-query hooks for level assessments. Keys: ['assessments', orgId, …] for organisation-wide
 * lists (projects, rectification, dashboard); ['assessment', orgId, id, part] for one project.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AssessmentSummaryDto,
  WorkbookDto,
  WorkbookRowDto,
} from '../../../src/shared/api-types';
import type {
  AssessmentInput,
  AssessmentPatch,
  BulkResultInput,
  FindingNoteInput,
  MajorRiskInput,
  MajorRiskPatch,
  RectificationPatch,
  RectificationRetestInput,
  ResultInput,
  ResultReviewInput,
  TestObjectInput,
  TestObjectPatch,
} from '../../../src/shared/assessment-schemas';
import { assessmentApi } from './assessment-client';
import { ApiRequestError } from './client';

export const assessmentKeys = {
  org: (orgId: string) => ['assessments', orgId] as const,
  list: (orgId: string, systemId?: string) =>
    ['assessments', orgId, 'list', systemId ?? null] as const,
  dashboard: (orgId: string) => ['assessments', orgId, 'dashboard'] as const,
  rectifications: (orgId: string, assessmentId?: string) =>
    ['assessments', orgId, 'rectifications', assessmentId ?? null] as const,
  one: (orgId: string, id: string) => ['assessment', orgId, id] as const,
  detail: (orgId: string, id: string) => ['assessment', orgId, id, 'detail'] as const,
  workbook: (orgId: string, id: string) => ['assessment', orgId, id, 'workbook'] as const,
  findings: (orgId: string, id: string) => ['assessment', orgId, id, 'findings'] as const,
  majorRisks: (orgId: string, id: string) => ['assessment', orgId, id, 'major-risks'] as const,
  score: (orgId: string, id: string) => ['assessment', orgId, id, 'score'] as const,
  evidence: (orgId: string, id: string, requirementId: string, objectId: string) =>
    ['assessment', orgId, id, 'evidence', requirementId, objectId] as const,
};

export const rowKey = (row: { requirementId: string; objectId: string }) =>
  `${row.requirementId}|${row.objectId}`;

export const isVersionConflict = (error: unknown) =>
  error instanceof ApiRequestError && error.body.code === 'VERSION_CONFLICT';

/**
 * After a write: everything derived from the assessment may have changed (findings, score,
 * rectification, the organisation's dashboard). The workbook, thousands of rows, is refetched
 * only when asked; result writes patch it in place.
 */
export async function refreshAssessment(
  client: QueryClient,
  orgId: string,
  id: string,
  { workbook = true }: { workbook?: boolean } = {},
) {
  const one = assessmentKeys.one(orgId, id);
  await Promise.all([
    client.invalidateQueries({
      queryKey: one,
      predicate: (query) => workbook || query.queryKey[3] !== 'workbook',
    }),
    client.invalidateQueries({ queryKey: assessmentKeys.org(orgId) }),
  ]);
}

export function useAssessments(orgId: string, systemId?: string) {
  return useQuery({
    queryKey: assessmentKeys.list(orgId, systemId),
    queryFn: () => assessmentApi.list(orgId, systemId),
  });
}

export function useAssessment(orgId: string, id: string) {
  return useQuery({
    queryKey: assessmentKeys.detail(orgId, id),
    queryFn: () => assessmentApi.get(orgId, id),
  });
}

export function useCreateAssessment(orgId: string, systemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AssessmentInput) => assessmentApi.create(orgId, systemId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: assessmentKeys.org(orgId) }),
  });
}

/** Writes that carry a version: a 409 reloads the data so the retry carries the new version. */
function useAssessmentMutation<I, O>(
  orgId: string,
  id: string,
  write: (input: I) => Promise<O>,
  options: { workbook?: boolean } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => refreshAssessment(client, orgId, id, options),
    onError: (error) => {
      if (isVersionConflict(error)) void refreshAssessment(client, orgId, id);
    },
  });
}

export const usePatchAssessment = (orgId: string, id: string) =>
  useAssessmentMutation(
    orgId,
    id,
    (patch: AssessmentPatch) => assessmentApi.patch(orgId, id, patch),
    { workbook: true },
  );

export const useAddTestObject = (orgId: string, id: string) =>
  useAssessmentMutation(orgId, id, (input: TestObjectInput) =>
    assessmentApi.addObject(orgId, id, input),
  );
export const usePatchTestObject = (orgId: string, id: string) =>
  useAssessmentMutation(
    orgId,
    id,
    ({ objectId, ...patch }: TestObjectPatch & { objectId: string }) =>
      assessmentApi.patchObject(orgId, id, objectId, patch),
  );
export const useRemoveTestObject = (orgId: string, id: string) =>
  useAssessmentMutation(orgId, id, (objectId: string) =>
    assessmentApi.removeObject(orgId, id, objectId),
  );

export function useWorkbook(orgId: string, id: string) {
  return useQuery({
    queryKey: assessmentKeys.workbook(orgId, id),
    queryFn: () => assessmentApi.workbook(orgId, id),
  });
}

/** Puts written rows into the cached workbook (no refetch of thousands of rows). */
function patchWorkbookRows(
  client: QueryClient,
  orgId: string,
  id: string,
  changes: (Partial<WorkbookRowDto> & { requirementId: string; objectId: string })[],
) {
  const byKey = new Map(changes.map((c) => [rowKey(c), c]));
  client.setQueryData<WorkbookDto>(assessmentKeys.workbook(orgId, id), (old) =>
    old
      ? {
          ...old,
          rows: old.rows.map((row) => {
            const change = byKey.get(rowKey(row));
            return change ? { ...row, ...change } : row;
          }),
        }
      : old,
  );
}

export function useWriteResult(orgId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      requirementId,
      objectId,
      ...input
    }: ResultInput & { requirementId: string; objectId: string }) =>
      assessmentApi.writeResult(orgId, id, requirementId, objectId, input),
    onSuccess: async (written) => {
      patchWorkbookRows(client, orgId, id, [
        {
          requirementId: written.requirementId,
          objectId: written.objectId,
          result: written.result,
          record: written.record,
          reason: written.reason,
          recordedBy: written.recordedBy,
          recordedAt: written.recordedAt,
          // A rewritten result needs a new review (the server clears it).
          reviewedBy: null,
          reviewedAt: null,
          version: written.version,
        },
      ]);
      await refreshAssessment(client, orgId, id, { workbook: false });
    },
  });
}

export function useWriteResults(orgId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkResultInput) => assessmentApi.writeResults(orgId, id, input),
    onSuccess: async (answer, input) => {
      const sent = new Map(input.rows.map((r) => [rowKey(r), r]));
      patchWorkbookRows(
        client,
        orgId,
        id,
        answer.items.map((item) => ({
          ...item,
          record: sent.get(rowKey(item))?.record ?? null,
          reason: sent.get(rowKey(item))?.reason ?? null,
          reviewedBy: null,
          reviewedAt: null,
        })),
      );
      await refreshAssessment(client, orgId, id, { workbook: false });
    },
  });
}

export const useReviewResults = (orgId: string, id: string) =>
  useAssessmentMutation(orgId, id, (input: ResultReviewInput) =>
    assessmentApi.review(orgId, id, input),
  );

export function useEvidence(
  orgId: string,
  id: string,
  row: { requirementId: string; objectId: string } | null,
) {
  return useQuery({
    queryKey: assessmentKeys.evidence(orgId, id, row?.requirementId ?? '', row?.objectId ?? ''),
    queryFn: () => assessmentApi.listEvidence(orgId, id, row!.requirementId, row!.objectId),
    enabled: row !== null,
  });
}

/** Evidence changes a row's count: patch the cached workbook row rather than refetching it. */
function useEvidenceMutation<I, O>(
  orgId: string,
  id: string,
  row: { requirementId: string; objectId: string } | null,
  write: (input: I) => Promise<O>,
  delta: number,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      if (!row) return;
      const current = client
        .getQueryData<WorkbookDto>(assessmentKeys.workbook(orgId, id))
        ?.rows.find((r) => rowKey(r) === rowKey(row));
      if (current) {
        patchWorkbookRows(client, orgId, id, [
          { ...row, evidenceCount: Math.max(0, current.evidenceCount + delta) },
        ]);
      }
      await client.invalidateQueries({
        queryKey: assessmentKeys.evidence(orgId, id, row.requirementId, row.objectId),
      });
    },
  });
}

export const useAddEvidence = (
  orgId: string,
  id: string,
  row: { requirementId: string; objectId: string } | null,
) =>
  useEvidenceMutation(
    orgId,
    id,
    row,
    (file: File) => assessmentApi.addEvidence(orgId, id, row!.requirementId, row!.objectId, file),
    1,
  );

export const useRemoveEvidence = (
  orgId: string,
  id: string,
  row: { requirementId: string; objectId: string } | null,
) =>
  useEvidenceMutation(
    orgId,
    id,
    row,
    (evidenceId: string) => assessmentApi.removeEvidence(orgId, id, evidenceId),
    -1,
  );

export const useImportWorkbook = (orgId: string, id: string) =>
  useAssessmentMutation(orgId, id, (file: Blob) => assessmentApi.importXlsx(orgId, id, file));

export function useFindings(orgId: string, id: string) {
  return useQuery({
    queryKey: assessmentKeys.findings(orgId, id),
    queryFn: () => assessmentApi.findings(orgId, id),
  });
}

export const useWriteFinding = (orgId: string, id: string) =>
  useAssessmentMutation(
    orgId,
    id,
    ({ requirementId, ...input }: FindingNoteInput & { requirementId: string }) =>
      assessmentApi.writeFinding(orgId, id, requirementId, input),
    { workbook: false },
  );

export function useMajorRisks(orgId: string, id: string) {
  return useQuery({
    queryKey: assessmentKeys.majorRisks(orgId, id),
    queryFn: () => assessmentApi.majorRisks(orgId, id),
  });
}

export const useAddMajorRisk = (orgId: string, id: string) =>
  useAssessmentMutation(
    orgId,
    id,
    (input: MajorRiskInput) => assessmentApi.addMajorRisk(orgId, id, input),
    { workbook: false },
  );
export const usePatchMajorRisk = (orgId: string, id: string) =>
  useAssessmentMutation(
    orgId,
    id,
    ({ majorRiskId, ...patch }: MajorRiskPatch & { majorRiskId: string }) =>
      assessmentApi.patchMajorRisk(orgId, id, majorRiskId, patch),
    { workbook: false },
  );
export const useRemoveMajorRisk = (orgId: string, id: string) =>
  useAssessmentMutation(
    orgId,
    id,
    (majorRiskId: string) => assessmentApi.removeMajorRisk(orgId, id, majorRiskId),
    { workbook: false },
  );

export function useScore(orgId: string, id: string) {
  return useQuery({
    queryKey: assessmentKeys.score(orgId, id),
    queryFn: () => assessmentApi.score(orgId, id),
  });
}

export function useRectifications(orgId: string, assessmentId?: string) {
  return useQuery({
    queryKey: assessmentKeys.rectifications(orgId, assessmentId),
    queryFn: () => assessmentApi.rectifications(orgId, assessmentId),
  });
}

/** Rectification writes change the score after rectification and the dashboard. */
function useRectificationMutation<I, O>(
  orgId: string,
  assessmentId: string | undefined,
  write: (input: I) => Promise<O>,
) {
  const client = useQueryClient();
  const refresh = () =>
    assessmentId
      ? refreshAssessment(client, orgId, assessmentId, { workbook: false })
      : client.invalidateQueries({ queryKey: assessmentKeys.org(orgId) });
  return useMutation({
    mutationFn: write,
    onSuccess: refresh,
    onError: (error) => {
      if (isVersionConflict(error)) void refresh();
    },
  });
}

export const useGenerateRectifications = (orgId: string, id: string) =>
  useRectificationMutation(orgId, id, () => assessmentApi.generateRectifications(orgId, id));

export const usePatchRectification = (orgId: string, assessmentId?: string) =>
  useRectificationMutation(
    orgId,
    assessmentId,
    ({ rectificationId, ...patch }: RectificationPatch & { rectificationId: string }) =>
      assessmentApi.patchRectification(orgId, rectificationId, patch),
  );

export const useRetestRectification = (orgId: string, assessmentId?: string) =>
  useRectificationMutation(
    orgId,
    assessmentId,
    ({ rectificationId, ...input }: RectificationRetestInput & { rectificationId: string }) =>
      assessmentApi.retestRectification(orgId, rectificationId, input),
  );

export function useAssessmentDashboard(orgId: string) {
  return useQuery({
    queryKey: assessmentKeys.dashboard(orgId),
    queryFn: () => assessmentApi.dashboard(orgId),
  });
}

/** Narrowing a test object's requirement set would drop recorded results (409, confirm to discard). */
export const isScopeDropsResults = (error: unknown) =>
  error instanceof ApiRequestError && error.body.messageCode === 'assessment.scope_drops_results';

/** The catalog's requirement set an assessment was fixed at (its control points, for scoping). */
export function useAssessmentBaseline(
  a: Pick<AssessmentSummaryDto, 'level' | 'extensions' | 'cloudRole'>,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['catalog', 'baseline', a.level, a.extensions.join(','), a.cloudRole ?? ''],
    queryFn: () => assessmentApi.baseline(a),
    enabled,
    staleTime: Infinity,
  });
}
