/**
 * Attachments on records (issue 15 part 2): which records carry them, what each can be, and the
 * file types accepted. Shared by the server, the CLI and the web UI.
 */
import type { RecordAttachmentDto } from './api-types';

export type AttachmentRecordKind = RecordAttachmentDto['recordKind'];
export type AttachmentPurpose = RecordAttachmentDto['purpose'];

export const ATTACHMENT_RECORD_KINDS = [
  'review',
  'filing',
  'event',
  'system',
] as const satisfies readonly AttachmentRecordKind[];

export const ATTACHMENT_PURPOSES = [
  'expert_review_opinion',
  'competent_approval',
  'filing_certificate',
  'assessment_report',
  'topology',
  'security_policies',
  'security_design',
  'product_list',
  'other',
] as const satisfies readonly AttachmentPurpose[];

/** What may be attached to each kind of record; the first is the default. */
export const PURPOSES_BY_RECORD_KIND: Readonly<
  Record<AttachmentRecordKind, readonly AttachmentPurpose[]>
> = {
  review: ['expert_review_opinion', 'competent_approval', 'other'],
  filing: ['filing_certificate', 'other'],
  event: ['assessment_report', 'other'],
  system: ['topology', 'security_policies', 'security_design', 'product_list', 'other'],
};

/** Scans and diagrams: PDF, JPEG and PNG, with the file-name endings each must have. */
export const ATTACHMENT_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/** The `accept` list of a file picker for attachments. */
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_MEDIA_TYPES).flat().join(',');
