import type { Kysely } from 'kysely';
import { diffChanges } from '../audit/chain';
import { appendAudit, type AuditEvent } from '../store/repositories/audit.repository';
import type { Database } from '../store/schema';
import type { AppContext } from './context';

/** Who is acting and from where: recorded with every change. */
export interface Actor {
  readonly userId: string | null;
  readonly tokenId: string | null;
  /** Human-readable: the username, `token:<name>`, or `cli`. */
  readonly label: string;
  readonly requestId: string | null;
  readonly sourceIp: string | null;
}

/** The actor of CLI commands run by someone with direct access to the database. */
export const CLI_ACTOR: Actor = {
  userId: null,
  tokenId: null,
  label: 'cli',
  requestId: null,
  sourceIp: null,
};

export type RecordAudit = (
  event: Omit<AuditEvent, 'actor' | 'requestId' | 'sourceIp'>,
) => Promise<void>;

/**
 * Runs a change in one transaction together with its audit entries: either both are stored or
 * neither is.
 */
export async function audited<T>(
  ctx: Pick<AppContext, 'store' | 'clock'>,
  actor: Actor,
  fn: (trx: Kysely<Database>, audit: RecordAudit, now: string) => Promise<T>,
): Promise<T> {
  return ctx.store.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now().toISOString();
    const audit: RecordAudit = async (event) => {
      await appendAudit(
        trx,
        {
          ...event,
          actor: { userId: actor.userId, tokenId: actor.tokenId, label: actor.label },
          requestId: actor.requestId,
          sourceIp: actor.sourceIp,
        },
        now,
      );
    };
    return fn(trx, audit, now);
  });
}

/** Fields never written to the audit log in clear. */
export const REDACTED_FIELDS = [
  'password_hash',
  'secret_hash',
  'contact_phone_enc',
  'filing_profile_enc',
  'csrf_token',
  'id_hash',
  'record_enc',
  'reason_enc',
  'content_enc',
  'description_enc',
  'note_enc',
  'plan_enc',
  'measures_enc',
  'evidence_enc',
];

/** Changed fields of a row for the audit log, with secrets redacted. */
export function rowChanges(before: object | null, after: object | null) {
  return diffChanges(
    before as Record<string, unknown> | null,
    after as Record<string, unknown> | null,
    {
      redact: REDACTED_FIELDS,
    },
  );
}
