/** Minimal typed fetch client for the dengbao HTTP API (contract: src/shared/api-types.ts). */
import type {
  ApiError,
  BaselineDto,
  CatalogExtension,
  CatalogItemDto,
  CatalogRequirementDetailDto,
  CatalogSummaryDto,
  HighRiskCaseDto,
  ListDto,
  MajorRiskTriggerDto,
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
import type { Role } from '../../../src/shared/roles';
import type {
  AddMemberInput,
  ApiTokenDto,
  ApiTokenInput,
  AuditEntryDto,
  AuditQuery,
  AuditVerifyDto,
  CreatedApiTokenDto,
  MemberDto,
  SessionDto,
} from './types';

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

/** Methods the server checks the CSRF header on (cookie sessions). */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Kept in memory only (never in storage): from POST /session, or GET /session after a reload. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Told about answers that concern the session rather than the request: 401 (signed out or
 * expired), 403 PASSWORD_CHANGE_REQUIRED and 403 CSRF_FAILED. The app root decides what to do.
 */
type AuthErrorListener = (error: ApiRequestError) => void;
let authErrorListener: AuthErrorListener | null = null;

export function setAuthErrorListener(listener: AuthErrorListener | null): void {
  authErrorListener = listener;
}

function isSessionProblem(method: string, path: string, error: ApiRequestError): boolean {
  // A failed sign-in is the sign-in form's business, not a lost session.
  if (method === 'POST' && path === '/session') return false;
  if (error.status === 401) return true;
  return (
    error.status === 403 &&
    (error.body.code === 'PASSWORD_CHANGE_REQUIRED' || error.body.code === 'CSRF_FAILED')
  );
}

/** A request body sent as it is (a file), with its own content type, instead of JSON. */
export class RawBody {
  readonly data: Blob;
  readonly contentType: string;

  constructor(data: Blob, contentType: string) {
    this.data = data;
    this.contentType = contentType || 'application/octet-stream';
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = body instanceof RawBody ? body : null;
  if (raw) headers['content-type'] = raw.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.data : body === undefined ? undefined : JSON.stringify(body),
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
    // The rate limiter answers 429 under its own code; the UI reacts to the status.
    if (response.status === 429) errorBody.code = 'RATE_LIMITED';
    const error = new ApiRequestError(response.status, errorBody);
    if (isSessionProblem(method, path, error)) authErrorListener?.(error);
    throw error;
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

export function query(params: Record<string, string | number | undefined | null>): string {
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

/** GET /catalog/items: one level's items; `general` is always included by the page, not the API. */
export interface CatalogItemsQuery {
  level: 1 | 2 | 3 | 4;
  extensions?: readonly CatalogExtension[];
  q?: string;
}

export const org = (orgId: string) => `/organisations/${encodeURIComponent(orgId)}`;
export const sys = (orgId: string, systemId: string) =>
  `${org(orgId)}/systems/${encodeURIComponent(systemId)}`;

const member = (orgId: string, userId: string) =>
  `${org(orgId)}/members/${encodeURIComponent(userId)}`;

export const api = {
  getSession: async (): Promise<SessionDto | null> => {
    try {
      return await request<SessionDto>('GET', '/session');
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) return null;
      throw error;
    }
  },
  signIn: (username: string, password: string) =>
    request<SessionDto>('POST', '/session', { username, password }),
  signOut: () => request<null>('DELETE', '/session'),
  signOutEverywhere: () => request<{ ended: number }>('POST', '/session/sign-out-everywhere'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<null>('PUT', '/session/password', { currentPassword, newPassword }),

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

  listMembers: (orgId: string) => request<ListDto<MemberDto>>('GET', `${org(orgId)}/members`),
  addMember: (orgId: string, input: AddMemberInput) =>
    request<{ userId: string; role: Role; version: number }>(
      'POST',
      `${org(orgId)}/members`,
      input,
    ),
  changeMemberRole: (orgId: string, userId: string, role: Role, version: number) =>
    request<{ userId: string; role: Role; version: number }>('PATCH', member(orgId, userId), {
      role,
      version,
    }),
  removeMember: (orgId: string, userId: string) => request<null>('DELETE', member(orgId, userId)),
  unlockMember: (orgId: string, userId: string) =>
    request<{ clearedSources: number }>('POST', `${member(orgId, userId)}/unlock`),
  setSystemAssignment: (orgId: string, userId: string, systemId: string, assigned: boolean) =>
    request<null>(
      assigned ? 'PUT' : 'DELETE',
      `${member(orgId, userId)}/systems/${encodeURIComponent(systemId)}`,
    ),

  listTokens: (orgId: string) => request<ListDto<ApiTokenDto>>('GET', `${org(orgId)}/tokens`),
  createToken: (orgId: string, input: ApiTokenInput) =>
    request<CreatedApiTokenDto>('POST', `${org(orgId)}/tokens`, input),
  revokeToken: (orgId: string, tokenId: string) =>
    request<null>('DELETE', `${org(orgId)}/tokens/${encodeURIComponent(tokenId)}`),

  listAudit: (orgId: string, q: AuditQuery) =>
    request<ListDto<AuditEntryDto>>('GET', `${org(orgId)}/audit${query({ ...q })}`),
  verifyAudit: (orgId: string) => request<AuditVerifyDto>('GET', `${org(orgId)}/audit/verify`),

  catalogSummary: () => request<CatalogSummaryDto>('GET', '/catalog'),
  listCatalogItems: ({ level, extensions, q }: CatalogItemsQuery) =>
    request<ListDto<CatalogItemDto>>(
      'GET',
      `/catalog/items${query({ level, extension: extensions?.join(','), q: q?.trim() })}`,
    ),
  getRequirement: (id: string) =>
    request<CatalogRequirementDetailDto>('GET', `/catalog/requirements/${encodeURIComponent(id)}`),
  listHighRiskCases: () => request<ListDto<HighRiskCaseDto>>('GET', '/catalog/high-risk-cases'),
  listMajorRiskTriggers: () =>
    request<ListDto<MajorRiskTriggerDto>>('GET', '/catalog/major-risk-triggers'),
  getSystemBaseline: (orgId: string, systemId: string) =>
    request<BaselineDto>('GET', `${sys(orgId, systemId)}/baseline`),
};
