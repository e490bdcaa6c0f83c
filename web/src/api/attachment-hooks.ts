/**
 * Attachments on the records of a system (scans of 专家评审意见, 主管部门核准, 备案证明, 测评报告; the
 * 网络拓扑图) and the system's filing dossier. The list comes with the system detail; uploads
 * and removals refresh it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordAttachmentDto } from '../../../src/shared/api-types';
import { mediaTypeOf } from './assessment-client';
import { RawBody, request } from './client';
import { queryKeys } from './hooks';

const systemPath = (orgId: string, systemId: string) =>
  `/organisations/${encodeURIComponent(orgId)}/systems/${encodeURIComponent(systemId)}`;

/** Where the browser downloads an attachment (a plain link: the session cookie authorises it). */
export const attachmentUrl = (orgId: string, systemId: string, attachmentId: string) =>
  `/api${systemPath(orgId, systemId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** Where the browser downloads the filing dossier (备案材料包) zip. */
export const dossierUrl = (orgId: string, systemId: string, lang: 'zh' | 'en') =>
  `/api${systemPath(orgId, systemId)}/dossier.zip?lang=${lang}`;

export interface AttachmentTarget {
  recordKind: RecordAttachmentDto['recordKind'];
  recordId: string;
  purpose: RecordAttachmentDto['purpose'];
}

export function useAddAttachment(orgId: string, systemId: string, target: AttachmentTarget) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const query = new URLSearchParams({
        recordKind: target.recordKind,
        recordId: target.recordId,
        purpose: target.purpose,
        fileName: file.name,
      });
      return request<RecordAttachmentDto>(
        'POST',
        `${systemPath(orgId, systemId)}/attachments?${query}`,
        new RawBody(file, mediaTypeOf(file)),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.system(orgId, systemId) }),
  });
}

export function useRemoveAttachment(orgId: string, systemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      request<null>(
        'DELETE',
        `${systemPath(orgId, systemId)}/attachments/${encodeURIComponent(attachmentId)}`,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.system(orgId, systemId) }),
  });
}
