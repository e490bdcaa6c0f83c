/** Minimal typed fetch client for the dengbao HTTP API (contract: src/shared/api-types.ts). */
import type {
  ApiError,
  ListDto,
  ObligationDto,
  ObligationsDto,
  OrganisationDto,
  GradingResultDto,
  SystemDetailDto,
  SystemDto,
  SystemSummaryDto,
} from '../../../src/shared/api-types';
import type {
  EventInput,
  FilingInput,
  GradingInputDto,
  GradingRecordInput,
  ObligationStatusInput,
  OrganisationInput,
  ReviewInput,
  SystemInput,
  SystemPatch,
} from '../../../src/shared/schemas';

/** A failed request, carrying the server's error body so forms can show field errors. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiError;

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.body = body;
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiRequestError(0, { code: 'INTERNAL', message: String(cause), details: [] });
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const errorBody: ApiError = isApiError(parsed)
      ? { ...parsed, details: Array.isArray(parsed.details) ? parsed.details : [] }
      : { code: 'INTERNAL', message: text || response.statusText, details: [] };
    throw new ApiRequestError(response.status, errorBody);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface SystemListQuery {
  q?: string;
  level?: number;
  type?: string;
  sort?: 'name' | 'level' | 'gradedOn' | 'updatedAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

const org = (orgId: string) => `/organisations/${encodeURIComponent(orgId)}`;
const sys = (orgId: string, systemId: string) =>
  `${org(orgId)}/systems/${encodeURIComponent(systemId)}`;

export const api = {
  health: () => request<{ status: 'ok'; store: 'sqlite' | 'postgres' }>('GET', '/health'),

  listOrganisations: () => request<ListDto<OrganisationDto>>('GET', '/organisations'),
  createOrganisation: (input: OrganisationInput) =>
    request<OrganisationDto>('POST', '/organisations', input),

  listSystems: (orgId: string, q: SystemListQuery) =>
    request<ListDto<SystemSummaryDto>>('GET', `${org(orgId)}/systems${query({ ...q })}`),
  createSystem: (orgId: string, input: SystemInput) =>
    request<SystemDto>('POST', `${org(orgId)}/systems`, input),
  getSystem: (orgId: string, systemId: string) =>
    request<SystemDetailDto>('GET', sys(orgId, systemId)),
  patchSystem: (orgId: string, systemId: string, patch: SystemPatch) =>
    request<SystemDto>('PATCH', sys(orgId, systemId), patch),

  previewGrading: (input: GradingInputDto) =>
    request<GradingResultDto>('POST', '/grading/preview', input),
  recordGrading: (orgId: string, systemId: string, input: GradingRecordInput) =>
    request<SystemDetailDto>('POST', `${sys(orgId, systemId)}/gradings`, input),
  addReview: (orgId: string, systemId: string, input: ReviewInput) =>
    request<SystemDetailDto>('POST', `${sys(orgId, systemId)}/reviews`, input),
  addFiling: (orgId: string, systemId: string, input: FilingInput) =>
    request<SystemDetailDto>('POST', `${sys(orgId, systemId)}/filings`, input),
  addEvent: (orgId: string, systemId: string, input: EventInput) =>
    request<SystemDetailDto>('POST', `${sys(orgId, systemId)}/events`, input),

  listObligations: (orgId: string, asOf: string, systemId?: string) =>
    request<ObligationsDto>('GET', `${org(orgId)}/obligations${query({ asOf, systemId })}`),
  setObligationStatus: (orgId: string, key: string, input: ObligationStatusInput) =>
    request<ObligationDto>('PUT', `${org(orgId)}/obligations/status`, { key, ...input }),
  clearObligationStatus: (orgId: string, key: string) =>
    request<unknown>('DELETE', `${org(orgId)}/obligations/status${query({ key })}`),
};
