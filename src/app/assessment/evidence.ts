/**
 * Evidence files of a level assessment (测评证据): attach, list, download and remove, each within
 * the caller's access scope. Files are stored SM4-encrypted with their SM3 digest.
 */
import { createHash, randomUUID } from 'node:crypto';
import { NotFoundError, ValidationError, type ErrorDetail } from '../../errors';
import type { EvidenceDto } from '../../shared/api-types';
import {
  getAssessment,
  getTestObject,
  touchAssessment,
} from '../../store/repositories/assessments.repository';
import { audited, rowChanges, type Actor } from '../actor';
import { baselineOf } from './model';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { editable } from './commands';

/** Evidence files: these limits keep the database sane; the types are what assessors attach. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'text/plain': ['.txt', '.log', '.conf', '.cfg'],
  'text/csv': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
};

export function addEvidenceCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  file: {
    requirementId: string;
    objectId: string;
    fileName: string;
    mediaType: string;
    content: Buffer;
  },
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await editable(trx, organisationId, assessmentId, systemIds);
    const problems: ErrorDetail[] = [];
    if (!baselineOf(assessment).some((i) => i.id === file.requirementId)) {
      problems.push({
        path: 'requirementId',
        message: `${file.requirementId} is not in this assessment's baseline`,
      });
    }
    await getTestObject(trx, assessmentId, file.objectId);
    const name = file.fileName.trim();
    // Browsers send no useful type for .log / .conf files: infer it from the name then.
    if (file.mediaType === '' || file.mediaType === 'application/octet-stream') {
      const lower = name.toLowerCase();
      const inferred = Object.entries(EVIDENCE_MEDIA_TYPES).find(([, exts]) =>
        exts.some((e) => lower.endsWith(e)),
      );
      if (inferred) file = { ...file, mediaType: inferred[0] };
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
    const extensions = EVIDENCE_MEDIA_TYPES[file.mediaType];
    if (!extensions) {
      problems.push({
        path: 'content-type',
        message: `${file.mediaType} is not accepted; use one of ${Object.keys(EVIDENCE_MEDIA_TYPES).join(', ')}`,
      });
    } else if (!extensions.some((e) => name.toLowerCase().endsWith(e))) {
      problems.push({
        path: 'fileName',
        message: `a ${file.mediaType} file must end in ${extensions.join(' or ')}`,
      });
    }
    if (file.content.length === 0) problems.push({ path: 'body', message: 'the file is empty' });
    if (file.content.length > EVIDENCE_MAX_BYTES) {
      problems.push({
        path: 'body',
        message: `the file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
      });
    }
    if (problems.length > 0)
      throw new ValidationError('the evidence file cannot be stored', problems);
    const evidenceId = randomUUID();
    const row = {
      id: evidenceId,
      assessment_id: assessmentId,
      organisation_id: organisationId,
      requirement_id: file.requirementId,
      object_id: file.objectId,
      file_name: name,
      media_type: file.mediaType,
      size: file.content.length,
      sm3: createHash('sm3').update(file.content).digest('hex'),
      content_enc: ctx.cipher.encrypt(file.content.toString('base64'), {
        table: 'assessment_evidence',
        column: 'content_enc',
        rowId: evidenceId,
      }),
      uploaded_by: actor.label,
      uploaded_at: now,
    };
    await trx.insertInto('assessment_evidence').values(row).execute();
    await touchAssessment(trx, assessmentId, now);
    const { content_enc: _content, ...logged } = row;
    await audit({
      organisationId,
      action: 'assessment.evidence.add',
      entityType: 'evidence',
      entityId: row.id,
      changes: rowChanges(null, logged),
    });
    return logged;
  });
}

export function deleteEvidenceCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  evidenceId: string,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await editable(trx, organisationId, assessmentId, systemIds);
    const before = await trx
      .selectFrom('assessment_evidence')
      .select(['id', 'file_name', 'sm3', 'size', 'requirement_id', 'object_id'])
      .where('assessment_id', '=', assessmentId)
      .where('id', '=', evidenceId)
      .executeTakeFirst();
    if (!before)
      throw new ValidationError('no such evidence', [{ path: 'evidenceId', message: 'not found' }]);
    await trx.deleteFrom('assessment_evidence').where('id', '=', evidenceId).execute();
    await touchAssessment(trx, assessmentId, now);
    await audit({
      organisationId,
      action: 'assessment.evidence.delete',
      entityType: 'evidence',
      entityId: evidenceId,
      changes: rowChanges(before, null),
    });
  });
}

const presentEvidence = (r: {
  id: string;
  requirement_id: string;
  object_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sm3: string;
  uploaded_by: string;
  uploaded_at: string;
}): EvidenceDto => ({
  id: r.id,
  requirementId: r.requirement_id,
  objectId: r.object_id,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  sm3: r.sm3,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
});

/** Attaches an evidence file and answers it as the API shows it. */
export async function attachEvidence(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  file: Parameters<typeof addEvidenceCommand>[4],
): Promise<EvidenceDto> {
  return presentEvidence(await addEvidenceCommand(ctx, actor, within, assessmentId, file));
}

/** The evidence files of an assessment (optionally of one row); NOT_FOUND outside the scope. */
export async function evidenceListQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  filter: { readonly requirementId?: string | undefined; readonly objectId?: string | undefined },
) {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  await getAssessment(db, organisationId, assessmentId, systemIds);
  let q = db
    .selectFrom('assessment_evidence')
    .select([
      'id',
      'requirement_id',
      'object_id',
      'file_name',
      'media_type',
      'size',
      'sm3',
      'uploaded_by',
      'uploaded_at',
    ])
    .where('assessment_id', '=', assessmentId);
  if (filter.requirementId) q = q.where('requirement_id', '=', filter.requirementId);
  if (filter.objectId) q = q.where('object_id', '=', filter.objectId);
  const rows = await q.orderBy('uploaded_at').execute();
  const items = rows.map(presentEvidence);
  return { items, total: items.length };
}

/** One evidence file, decrypted; NOT_FOUND outside the scope. */
export async function evidenceFileQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  evidenceId: string,
): Promise<{ fileName: string; mediaType: string; sm3: string; content: Buffer }> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  await getAssessment(db, organisationId, assessmentId, systemIds);
  const row = await db
    .selectFrom('assessment_evidence')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('evidence', evidenceId);
  const content = Buffer.from(
    ctx.cipher.decrypt(row.content_enc, {
      table: 'assessment_evidence',
      column: 'content_enc',
      rowId: row.id,
    }),
    'base64',
  );
  return { fileName: row.file_name, mediaType: row.media_type, sm3: row.sm3, content };
}
