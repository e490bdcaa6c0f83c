/**
 * Attachments on the records of a system (附件): scans of the 专家评审意见, 主管部门核准, 备案证明 and
 * 测评报告 on their review, filing or assessment-event record, and the 网络拓扑图 on the system.
 * Stored like assessment evidence — SM4-encrypted at rest with the SM3 digest of the plaintext,
 * within the evidence size limit — and each add or removal is audited (without the content).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, detail, NotFoundError, ValidationError, type ErrorDetail } from '../../errors';
import type { RecordAttachmentDto } from '../../shared/api-types';
import {
  ATTACHMENT_MEDIA_TYPES,
  PURPOSES_BY_RECORD_KIND,
  type AttachmentPurpose,
  type AttachmentRecordKind,
} from '../../shared/attachments';
import type { Database } from '../../store/schema';
import { getSystem } from '../../store/repositories/systems.repository';
import { audited, rowChanges, type Actor } from '../actor';
import { assertSystemVisible, inScope, type OrgScope } from '../access';
import { EVIDENCE_MAX_BYTES } from '../assessment/evidence';
import type { AppContext } from '../context';
import { presentAttachment } from './queries';

/** The same ceiling as evidence files (10 MB): a scan of a few signed pages fits easily. */
export const ATTACHMENT_MAX_BYTES = EVIDENCE_MAX_BYTES;

/**
 * All attachments of one system together: kept below the dossier's ceiling (200 MB, see
 * src/app/dossier.ts) with room for the generated documents, so every system's dossier can be built.
 */
export const SYSTEM_ATTACHMENTS_MAX_BYTES = 150 * 1024 * 1024;

/** The first bytes each accepted type starts with (PDF: within the first 1024 bytes, as readers allow). */
function contentMatches(mediaType: string, content: Buffer): boolean {
  switch (mediaType) {
    case 'application/pdf':
      return content.subarray(0, 1024).includes('%PDF-');
    case 'image/png':
      return content
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return (
        content.length > 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff
      );
    default:
      return false;
  }
}

export interface AttachmentUpload {
  readonly recordKind: AttachmentRecordKind;
  /** The review, filing or event id; the system id for 'system' (may be omitted then). */
  readonly recordId?: string | undefined;
  /** Omitted: the record kind's usual one (a review's follows its kind). */
  readonly purpose?: AttachmentPurpose | undefined;
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/** The record an attachment goes on, checked to be the system's; its default purpose. */
async function recordOf(
  db: Kysely<Database>,
  organisationId: string,
  systemId: string,
  kind: AttachmentRecordKind,
  recordId: string,
): Promise<{ defaultPurpose: AttachmentPurpose } | null> {
  const table = { review: 'reviews', filing: 'filings', event: 'system_events' } as const;
  if (kind === 'system') return recordId === systemId ? { defaultPurpose: 'topology' } : null;
  if (kind === 'review') {
    const review = await db
      .selectFrom('reviews')
      .select('kind')
      .where('organisation_id', '=', organisationId)
      .where('system_id', '=', systemId)
      .where('id', '=', recordId)
      .executeTakeFirst();
    if (!review) return null;
    return {
      defaultPurpose:
        review.kind === 'competent_approval' ? 'competent_approval' : 'expert_review_opinion',
    };
  }
  const row = await db
    .selectFrom(table[kind])
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .where('id', '=', recordId)
    .executeTakeFirst();
  if (!row) return null;
  return { defaultPurpose: PURPOSES_BY_RECORD_KIND[kind][0]! };
}

/** The problems of an upload's name, type, content and size (all of them, not the first). */
export function attachmentFileProblems(file: {
  fileName: string;
  mediaType: string;
  content: Buffer;
}): { problems: ErrorDetail[]; mediaType: string; name: string; tooLarge: boolean } {
  const problems: ErrorDetail[] = [];
  const name = file.fileName.trim();
  let mediaType = file.mediaType.split(';')[0]!.trim().toLowerCase();
  // Some clients send no useful type: infer it from the name then (the content is still checked).
  if (mediaType === '' || mediaType === 'application/octet-stream') {
    const lower = name.toLowerCase();
    const inferred = Object.entries(ATTACHMENT_MEDIA_TYPES).find(([, exts]) =>
      exts.some((e) => lower.endsWith(e)),
    );
    if (inferred) mediaType = inferred[0];
  }
  if (
    !name ||
    name.length > 255 ||
    [...name].some((ch) => ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32)
  ) {
    problems.push({
      path: 'fileName',
      message: 'give a plain file name (no path, at most 255 characters)',
    });
  }
  const extensions = ATTACHMENT_MEDIA_TYPES[mediaType];
  if (!extensions) {
    problems.push(detail('content-type', 'attachment.media_type', { type: mediaType || '?' }));
  } else {
    if (name && !extensions.some((e) => name.toLowerCase().endsWith(e))) {
      problems.push(
        detail('fileName', 'attachment.extension', {
          type: mediaType,
          extensions: extensions.join(' / '),
        }),
      );
    }
    if (file.content.length > 0 && !contentMatches(mediaType, file.content)) {
      problems.push(detail('body', 'attachment.content', { type: mediaType }));
    }
  }
  if (file.content.length === 0) problems.push({ path: 'body', message: 'the file is empty' });
  const tooLarge = file.content.length > ATTACHMENT_MAX_BYTES;
  if (tooLarge) {
    problems.push(
      detail('body', 'app.file_too_large_mb', { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }),
    );
  }
  return { problems, mediaType, name, tooLarge };
}

/** Attaches a file to a record of the system (or to the system); answers it as the API shows it. */
export async function addAttachmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  systemId: string,
  upload: AttachmentUpload,
): Promise<RecordAttachmentDto> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  return audited(ctx, actor, async (trx, audit, now) => {
    await getSystem(trx, organisationId, systemId);
    const recordId = upload.recordId ?? (upload.recordKind === 'system' ? systemId : '');
    const { problems, mediaType, name, tooLarge } = attachmentFileProblems(upload);
    const record = recordId
      ? await recordOf(trx, organisationId, systemId, upload.recordKind, recordId)
      : null;
    if (!record) {
      problems.unshift(
        detail('recordId', 'attachment.record_missing', {
          kind: upload.recordKind,
          id: recordId || '?',
        }),
      );
    }
    const allowed = PURPOSES_BY_RECORD_KIND[upload.recordKind];
    const purpose = upload.purpose ?? record?.defaultPurpose ?? allowed[0]!;
    if (!allowed.includes(purpose)) {
      problems.push(
        detail('purpose', 'attachment.purpose_kind', {
          purpose,
          kind: upload.recordKind,
          allowed: allowed.join(', '),
        }),
      );
    }
    const stored = await trx
      .selectFrom('record_attachments')
      .select((eb) => eb.fn.sum<number | string | null>('size').as('total'))
      .where('organisation_id', '=', organisationId)
      .where('system_id', '=', systemId)
      .executeTakeFirst();
    const storedBytes = Number(stored?.total ?? 0);
    const systemFull =
      !tooLarge && storedBytes + upload.content.length > SYSTEM_ATTACHMENTS_MAX_BYTES;
    if (systemFull) {
      problems.push(
        detail('body', 'attachment.system_full', {
          mb: Math.ceil(storedBytes / 1024 / 1024),
          limit: SYSTEM_ATTACHMENTS_MAX_BYTES / 1024 / 1024,
        }),
      );
    }
    if (problems.length > 0) {
      // Too large is its own status (413), with every other problem listed beside it.
      if (tooLarge || systemFull)
        throw new AppError('VALIDATION_FAILED', 413, { code: 'attachment.not_stored' }, problems);
      throw new ValidationError({ code: 'attachment.not_stored' }, problems);
    }
    const id = randomUUID();
    const row = {
      id,
      organisation_id: organisationId,
      system_id: systemId,
      record_kind: upload.recordKind,
      record_id: recordId,
      purpose,
      file_name: name,
      media_type: mediaType,
      size: upload.content.length,
      sm3: createHash('sm3').update(upload.content).digest('hex'),
      content_enc: ctx.cipher.encrypt(upload.content.toString('base64'), {
        table: 'record_attachments',
        column: 'content_enc',
        rowId: id,
      }),
      created_at: now,
      created_by: actor.label,
    };
    await trx.insertInto('record_attachments').values(row).execute();
    const { content_enc: _content, ...logged } = row;
    await audit({
      organisationId,
      action: 'attachment.add',
      entityType: 'record_attachment',
      entityId: id,
      changes: rowChanges(null, logged),
    });
    return presentAttachment(logged);
  });
}

/** Removes an attachment of the system; NOT_FOUND when the system has none with this id. */
export async function deleteAttachmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  systemId: string,
  attachmentId: string,
): Promise<void> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  return audited(ctx, actor, async (trx, audit) => {
    const before = await trx
      .selectFrom('record_attachments')
      .select([
        'id',
        'system_id',
        'record_kind',
        'record_id',
        'purpose',
        'file_name',
        'media_type',
        'size',
        'sm3',
      ])
      .where('organisation_id', '=', organisationId)
      .where('system_id', '=', systemId)
      .where('id', '=', attachmentId)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('attachment', attachmentId);
    await trx.deleteFrom('record_attachments').where('id', '=', attachmentId).execute();
    await audit({
      organisationId,
      action: 'attachment.delete',
      entityType: 'record_attachment',
      entityId: attachmentId,
      changes: rowChanges(before, null),
    });
  });
}
