/**
 * Reading attachments on records: the list of a system's (shown on the system detail), one file
 * decrypted for download, and {@link attachmentContent} for documents that embed one (the
 * 定级报告's topology diagram) and the dossier zip.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, NotFoundError } from '../../errors';
import type { RecordAttachmentDto } from '../../shared/api-types';
import type { Database, RecordAttachmentRow } from '../../store/schema';
import { assertSystemVisible, inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';

type ListedRow = Omit<RecordAttachmentRow, 'content_enc' | 'organisation_id'>;

export const presentAttachment = (r: ListedRow): RecordAttachmentDto => ({
  id: r.id,
  recordKind: r.record_kind as RecordAttachmentDto['recordKind'],
  recordId: r.record_id,
  purpose: r.purpose as RecordAttachmentDto['purpose'],
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  sm3: r.sm3,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

const LISTED = [
  'id',
  'system_id',
  'record_kind',
  'record_id',
  'purpose',
  'file_name',
  'media_type',
  'size',
  'sm3',
  'created_at',
  'created_by',
] as const;

/** The attachments of one system (its records' and its own), oldest first; no content. */
export async function systemAttachments(
  db: Kysely<Database>,
  organisationId: string,
  systemId: string,
): Promise<RecordAttachmentDto[]> {
  const rows = await db
    .selectFrom('record_attachments')
    .select([...LISTED])
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentAttachment);
}

/**
 * One attachment's content, decrypted and checked against its SM3 digest (a mismatch is
 * DATA_INTEGRITY, never silently served). For callers with direct access to the organisation's
 * data (documents, the dossier); requests go through {@link attachmentFileQuery}.
 */
export async function attachmentContent(
  ctx: AppContext,
  organisationId: string,
  attachmentId: string,
): Promise<{ data: Buffer; mediaType: string; fileName: string; sm3: string }> {
  const row = await ctx.store.db
    .selectFrom('record_attachments')
    .select(['id', 'file_name', 'media_type', 'sm3', 'content_enc'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('attachment', attachmentId);
  const data = Buffer.from(
    ctx.cipher.decrypt(row.content_enc, {
      table: 'record_attachments',
      column: 'content_enc',
      rowId: row.id,
    }),
    'base64',
  );
  if (createHash('sm3').update(data).digest('hex') !== row.sm3) {
    throw new AppError('DATA_INTEGRITY', 500, {
      code: 'attachment.digest_mismatch',
      params: { id: row.id },
    });
  }
  return { data, mediaType: row.media_type, fileName: row.file_name, sm3: row.sm3 };
}

/** One attachment of a system for download, within the caller's scope; NOT_FOUND outside it. */
export async function attachmentFileQuery(
  ctx: AppContext,
  within: OrgScope,
  systemId: string,
  attachmentId: string,
): Promise<{ data: Buffer; mediaType: string; fileName: string; sm3: string }> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const owner = await ctx.store.db
    .selectFrom('record_attachments')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!owner) throw new NotFoundError('attachment', attachmentId);
  return attachmentContent(ctx, organisationId, attachmentId);
}

/**
 * The system's topology diagram for embedding in a document: the latest 'topology' attachment of
 * the system that is an image (PNG or JPEG; a PDF diagram is kept for the dossier only), decrypted
 * and digest-checked; null when there is none.
 */
export async function systemTopologyImage(
  ctx: AppContext,
  organisationId: string,
  systemId: string,
): Promise<{ data: Buffer; mediaType: string; fileName: string; sm3: string } | null> {
  const latest = await ctx.store.db
    .selectFrom('record_attachments')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .where('record_kind', '=', 'system')
    .where('purpose', '=', 'topology')
    .where('media_type', 'in', ['image/png', 'image/jpeg'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return latest ? attachmentContent(ctx, organisationId, latest.id) : null;
}
