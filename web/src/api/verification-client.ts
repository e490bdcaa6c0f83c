/**
 * Verification tests (漏洞扫描, 渗透测试) of a level assessment: upload with a dry-run preview,
 * commit, list and delete (src/server/routes/verification.routes.ts), with their react-query hooks.
 * Keys sit under the assessment's own key, so a commit also refreshes its findings and score.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  VerificationImportDto,
  VerificationListDto,
} from '../../../src/shared/verification-schemas';
import { org, RawBody, request } from './client';

export type {
  ObjectCandidatesDto,
  SeverityCounts,
  VerificationFindingDto,
  VerificationHostDto,
  VerificationImportDto,
  VerificationImportSummaryDto,
  VerificationListDto,
  VerificationSeverityCode,
} from '../../../src/shared/verification-schemas';

export interface VerificationUpload {
  file: Blob;
  fileName: string;
  dryRun: boolean;
  allowUnassigned: boolean;
  /** host → test object id. */
  assign: Record<string, string>;
}

const base = (orgId: string, assessmentId: string) =>
  `${org(orgId)}/assessments/${encodeURIComponent(assessmentId)}/verification`;

export const verificationApi = {
  upload: (orgId: string, assessmentId: string, u: VerificationUpload) => {
    const search = new URLSearchParams({ fileName: u.fileName });
    if (u.dryRun) search.set('dryRun', 'true');
    if (u.allowUnassigned) search.set('allowUnassigned', 'true');
    for (const [host, objectId] of Object.entries(u.assign)) {
      if (objectId) search.append('assign', `${host}=${objectId}`);
    }
    // The server tells the format by the content; browsers give .nessus no type.
    return request<VerificationImportDto>(
      'POST',
      `${base(orgId, assessmentId)}?${search.toString()}`,
      new RawBody(u.file, 'application/octet-stream'),
    );
  },
  list: (orgId: string, assessmentId: string) =>
    request<VerificationListDto>('GET', base(orgId, assessmentId)),
  remove: (orgId: string, assessmentId: string, importId: string) =>
    request<void>('DELETE', `${base(orgId, assessmentId)}/${encodeURIComponent(importId)}`),
};

const key = (orgId: string, assessmentId: string) =>
  ['assessment', orgId, assessmentId, 'verification'] as const;

export function useVerification(orgId: string, assessmentId: string) {
  return useQuery({
    queryKey: key(orgId, assessmentId),
    queryFn: () => verificationApi.list(orgId, assessmentId),
  });
}

export function useVerificationUpload(orgId: string, assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (u: VerificationUpload) => verificationApi.upload(orgId, assessmentId, u),
    onSuccess: (answer) => {
      if (!answer.dryRun) {
        void client.invalidateQueries({ queryKey: ['assessment', orgId, assessmentId] });
      }
    },
  });
}

export function useVerificationDelete(orgId: string, assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => verificationApi.remove(orgId, assessmentId, importId),
    onSuccess: () => client.invalidateQueries({ queryKey: ['assessment', orgId, assessmentId] }),
  });
}
