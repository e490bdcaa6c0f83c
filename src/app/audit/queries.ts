import {
  latestAuditHash,
  listAudit,
  type AuditListQuery,
} from '../../store/repositories/audit.repository';
import type { AuditEntryRow } from '../../store/schema';
import {
  allChains,
  verifyAuditView,
  verifyChainWithAnchors,
  writeAnchors,
  type AnchorFile,
  type AuditVerificationView,
  type ChainReport,
} from '../audit-anchors';
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

/**
 * Verifies chains (one, or every chain when `organisationId` is 'all') against an anchor file,
 * and reads the hash stored at `anchorSeq` of the one chain (a hand-kept anchor to compare).
 */
export async function verifyChainsQuery(
  ctx: Pick<AppContext, 'store'>,
  organisationId: string | 'all',
  anchorFile: AnchorFile | null,
  anchorSeq: number | null,
): Promise<{ reports: ChainReport[]; manual: { hash: string } | undefined }> {
  const db = ctx.store.db;
  const chains = organisationId === 'all' ? await allChains(db) : [organisationId];
  const reports: ChainReport[] = [];
  for (const id of chains) reports.push(await verifyChainWithAnchors(db, id, anchorFile));
  const manual =
    anchorSeq !== null
      ? await db
          .selectFrom('audit_entries')
          .select('hash')
          .where('organisation_id', '=', chains[0] as string)
          .where('seq', '=', anchorSeq)
          .executeTakeFirst()
      : undefined;
  return { reports, manual };
}

/** Appends the head of every chain to the anchor file (`dengbao audit anchor --write`). */
export function writeAnchorsCommand(ctx: Pick<AppContext, 'store' | 'clock'>, file: string) {
  return writeAnchors(ctx.store.db, file, 'manual', ctx.clock.now());
}
