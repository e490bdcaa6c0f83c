/**
 * Response shapes of the session, members, tokens and audit routes that src/shared/api-types.ts
 * does not (yet) declare; they mirror src/server/routes/{session,members,tokens,audit}.routes.ts.
 */
import type { Permission, Role } from '../../../src/shared/roles';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  isPlatformAdmin: boolean;
}

export interface SessionOrganisation {
  id: string;
  name: string;
  role: Role;
  permissions: Permission[];
}

export interface PasswordPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
  sessionIdleMinutes: number;
}

/** POST /session answers without `policy`; GET /session includes it. */
export interface SessionDto {
  user: SessionUser;
  csrfToken: string;
  passwordChangeRequired: boolean;
  organisations: SessionOrganisation[];
  policy?: PasswordPolicy;
  /** Only in the sign-in answer: failed attempts and blocked addresses since the last sign-in. */
  signInNotice?: SignInNoticeDto | null;
}

export interface SignInNoticeDto {
  failedAttempts: number;
  lastFailureAt: string | null;
  lastFailureFrom: string | null;
  blockedSources: { source: string; until: string }[];
}

export interface MemberDto {
  userId: string;
  username: string;
  displayName: string;
  disabled: boolean;
  /** The latest running block of an address for this account. */
  lockedUntil: string | null;
  /** Failed sign-ins since the member last signed in. */
  failedSignIns: number;
  role: Role;
  version: number;
  createdAt: string;
  assignedSystemIds: string[];
}

export interface AddMemberInput {
  username: string;
  role: Role;
  newAccount?: { displayName: string; initialPassword: string };
}

export interface ApiTokenDto {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** The creator left or may no longer create this role: the token answers 401. */
  suspended: boolean;
  createdBy: string | null;
}

/** The create answer: the only time the secret is shown. */
export interface CreatedApiTokenDto extends ApiTokenDto {
  token: string;
}

export interface ApiTokenInput {
  name: string;
  role: Role;
  expiresInDays: number;
}

export interface AuditChange {
  before: unknown;
  after: unknown;
}

export interface AuditEntryDto {
  id: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, AuditChange>;
  requestId: string | null;
  sourceIp: string | null;
  hash: string;
}

export interface AuditQuery {
  userId?: string;
  entityType?: string;
  action?: string;
  /** ISO instants (UTC): from inclusive, to exclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Anchors checked from the anchor file outside the database (null: none configured). */
export interface AuditAnchorSummaryDto {
  checked: number;
  latestSeq: number | null;
  latestAt: string | null;
  lostByRestore: number;
}

export type AuditVerifyDto =
  | {
      ok: true;
      count: number;
      lastSeq: number;
      lastHash: string;
      anchors: AuditAnchorSummaryDto | null;
    }
  | {
      ok: false;
      count: number;
      firstBroken: {
        seq: number;
        id: string;
        reason:
          | 'hash_mismatch'
          | 'prev_hash_mismatch'
          | 'sequence_gap'
          | 'out_of_order'
          | 'anchor_missing'
          | 'anchor_mismatch';
        message: string;
      };
      anchors: AuditAnchorSummaryDto | null;
    };
