import {
  latestAuditHash,
  listAudit,
  type AuditListQuery,
} from '../../store/repositories/audit.repository';
import type { AuditEntryRow } from '../../store/schema';
import { verifyAuditView, type AuditVerificationView } from '../audit-anchors';
import type { AppContext } from '../context';

/** The platform chain (accounts, sign-ins) has the empty organisation id. */
export const PLATFORM_CHAIN = '';

export type { AuditListQuery };

const present = (r: AuditEntryRow) => ({
  id: r.id,
  seq: r.seq,
  at: r.at,
  actorUserId: r.actor_user_id,
  actorTokenId: r.actor_token_id,
  actorLabel: r.actor_label,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  changes: JSON.parse(r.changes) as unknown,
  requestId: r.request_id,
  sourceIp: r.source_ip,
  hash: r.hash,
});

/** One page of a chain's entries, newest first (an organisation's, or the platform's). */
export async function auditLogQuery(
  ctx: Pick<AppContext, 'store'>,
  organisationId: string,
  query: AuditListQuery,
) {
  const { rows, total } = await listAudit(ctx.store.db, organisationId, query);
  return { items: rows.map(present), total };
}

/** Verifies one chain and, when an anchor file is configured, its anchors. */
export function verifyAuditQuery(
  ctx: Pick<AppContext, 'store' | 'auditAnchorFile'>,
  organisationId: string,
): Promise<AuditVerificationView> {
  return verifyAuditView(ctx.store.db, organisationId, ctx.auditAnchorFile);
}

/** The seq and hash of the chain's last entry, to publish outside the database. */
export function auditHeadQuery(ctx: Pick<AppContext, 'store'>, organisationId: string) {
  return latestAuditHash(ctx.store.db, organisationId);
}
