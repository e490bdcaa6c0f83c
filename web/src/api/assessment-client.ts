/**
 * Level assessment (等级测评) calls: projects, test objects, workbook, evidence, findings, major
 * risks, score, rectification and the dashboard (src/server/routes/assessments.routes.ts).
 */
import type {
  AssessmentDashboardDto,
  AssessmentDto,
  AssessmentScoreDto,
  AssessmentSummaryDto,
  BaselineDto,
  EvidenceDto,
  FindingDto,
  ItemResultCode,
  ListDto,
  MajorRiskDto,
  RectificationDto,
  TestObjectDto,
  WorkbookDto,
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
import { org, query, RawBody, request, sys } from './client';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The answer of PUT …/results/:requirementId/:objectId. */
export interface WrittenResultDto {
  requirementId: string;
  objectId: string;
  result: ItemResultCode;
  record: string | null;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
  version: number;
}

/** The answer of POST …/import (the workbook filled in Excel). */
export interface ImportResultDto {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Finding notes changed from the 安全问题 sheet. */
  findingNotes: number;
}

/** Browsers leave the type of .log/.conf/.cfg (and sometimes .csv/.docx) empty: named from the extension. */
const MEDIA_TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  log: 'text/plain',
  conf: 'text/plain',
  cfg: 'text/plain',
  csv: 'text/csv',
  xlsx: XLSX_MEDIA_TYPE,
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function mediaTypeOf(file: File): string {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return MEDIA_TYPES_BY_EXTENSION[extension] ?? (file.type || 'application/octet-stream');
}

const assessment = (orgId: string, assessmentId: string) =>
  `${org(orgId)}/assessments/${encodeURIComponent(assessmentId)}`;

/** Where the browser downloads the workbook as Excel (a plain link: the cookie authenticates). */
export const exportXlsxUrl = (orgId: string, assessmentId: string, guidance = false) =>
  `/api${assessment(orgId, assessmentId)}/export.xlsx${guidance ? '?guidance=true' : ''}`;

export const evidenceUrl = (orgId: string, assessmentId: string, evidenceId: string) =>
  `/api${assessment(orgId, assessmentId)}/evidence/${encodeURIComponent(evidenceId)}`;

export const assessmentApi = {
  list: (orgId: string, systemId?: string) =>
    request<ListDto<AssessmentSummaryDto>>(
      'GET',
      `${org(orgId)}/assessments${query({ systemId })}`,
    ),
  create: (orgId: string, systemId: string, input: AssessmentInput) =>
    request<AssessmentDto>('POST', `${sys(orgId, systemId)}/assessments`, input),
  get: (orgId: string, id: string) => request<AssessmentDto>('GET', assessment(orgId, id)),
  patch: (orgId: string, id: string, patch: AssessmentPatch) =>
    request<AssessmentDto>('PATCH', assessment(orgId, id), patch),
  remove: (orgId: string, id: string) => request<null>('DELETE', assessment(orgId, id)),

  addObject: (orgId: string, id: string, input: TestObjectInput) =>
    request<TestObjectDto>('POST', `${assessment(orgId, id)}/objects`, input),
  patchObject: (orgId: string, id: string, objectId: string, patch: TestObjectPatch) =>
    request<TestObjectDto>(
      'PATCH',
      `${assessment(orgId, id)}/objects/${encodeURIComponent(objectId)}`,
      patch,
    ),
  removeObject: (orgId: string, id: string, objectId: string) =>
    request<null>('DELETE', `${assessment(orgId, id)}/objects/${encodeURIComponent(objectId)}`),

  workbook: (orgId: string, id: string) =>
    request<WorkbookDto>('GET', `${assessment(orgId, id)}/workbook`),
  writeResult: (
    orgId: string,
    id: string,
    requirementId: string,
    objectId: string,
    input: ResultInput,
  ) =>
    request<WrittenResultDto>(
      'PUT',
      `${assessment(orgId, id)}/results/${encodeURIComponent(requirementId)}/${encodeURIComponent(objectId)}`,
      input,
    ),
  writeResults: (orgId: string, id: string, input: BulkResultInput) =>
    request<
      ListDto<{ requirementId: string; objectId: string; result: ItemResultCode; version: number }>
    >('POST', `${assessment(orgId, id)}/results`, input),
  review: (orgId: string, id: string, input: ResultReviewInput) =>
    request<null>('POST', `${assessment(orgId, id)}/results/review`, input),

  listEvidence: (orgId: string, id: string, requirementId: string, objectId: string) =>
    request<ListDto<EvidenceDto>>(
      'GET',
      `${assessment(orgId, id)}/evidence${query({ requirementId, objectId })}`,
    ),
  addEvidence: (orgId: string, id: string, requirementId: string, objectId: string, file: File) =>
    request<EvidenceDto>(
      'POST',
      `${assessment(orgId, id)}/evidence${query({ requirementId, objectId, fileName: file.name })}`,
      new RawBody(file, mediaTypeOf(file)),
    ),
  removeEvidence: (orgId: string, id: string, evidenceId: string) =>
    request<null>('DELETE', `${assessment(orgId, id)}/evidence/${encodeURIComponent(evidenceId)}`),

  importXlsx: (orgId: string, id: string, file: Blob) =>
    request<ImportResultDto>(
      'POST',
      `${assessment(orgId, id)}/import`,
      new RawBody(file, XLSX_MEDIA_TYPE),
    ),

  findings: (orgId: string, id: string) =>
    request<ListDto<FindingDto>>('GET', `${assessment(orgId, id)}/findings`),
  writeFinding: (orgId: string, id: string, requirementId: string, input: FindingNoteInput) =>
    request<FindingDto>(
      'PUT',
      `${assessment(orgId, id)}/findings/${encodeURIComponent(requirementId)}`,
      input,
    ),

  majorRisks: (orgId: string, id: string) =>
    request<ListDto<MajorRiskDto>>('GET', `${assessment(orgId, id)}/major-risks`),
  addMajorRisk: (orgId: string, id: string, input: MajorRiskInput) =>
    request<MajorRiskDto>('POST', `${assessment(orgId, id)}/major-risks`, input),
  patchMajorRisk: (orgId: string, id: string, majorRiskId: string, patch: MajorRiskPatch) =>
    request<MajorRiskDto>(
      'PATCH',
      `${assessment(orgId, id)}/major-risks/${encodeURIComponent(majorRiskId)}`,
      patch,
    ),
  removeMajorRisk: (orgId: string, id: string, majorRiskId: string) =>
    request<null>(
      'DELETE',
      `${assessment(orgId, id)}/major-risks/${encodeURIComponent(majorRiskId)}`,
    ),

  score: (orgId: string, id: string) =>
    request<AssessmentScoreDto>('GET', `${assessment(orgId, id)}/score`),

  generateRectifications: (orgId: string, id: string) =>
    request<ListDto<RectificationDto>>('POST', `${assessment(orgId, id)}/rectifications`),
  rectifications: (orgId: string, assessmentId?: string) =>
    request<ListDto<RectificationDto>>(
      'GET',
      `${org(orgId)}/rectifications${query({ assessmentId })}`,
    ),
  patchRectification: (orgId: string, rectificationId: string, patch: RectificationPatch) =>
    request<RectificationDto>(
      'PATCH',
      `${org(orgId)}/rectifications/${encodeURIComponent(rectificationId)}`,
      patch,
    ),
  retestRectification: (orgId: string, rectificationId: string, input: RectificationRetestInput) =>
    request<RectificationDto>(
      'POST',
      `${org(orgId)}/rectifications/${encodeURIComponent(rectificationId)}/retest`,
      input,
    ),

  dashboard: (orgId: string) =>
    request<AssessmentDashboardDto>('GET', `${org(orgId)}/assessment-dashboard`),

  /** The catalog's requirement set for an assessment's level, extensions and cloud role. */
  baseline: (a: Pick<AssessmentSummaryDto, 'level' | 'extensions' | 'cloudRole'>) =>
    request<BaselineDto>(
      'GET',
      `/catalog/baseline${query({
        level: a.level,
        extension: a.extensions.join(','),
        cloudRole: a.cloudRole ?? undefined,
      })}`,
    ),
};
