import type { Kysely } from 'kysely';
import { evaluateObligations } from '../domain/obligations/evaluate';
import { NotFoundError } from '../errors';
import type { ObligationDto, ObligationsDto } from '../shared/api-types';
import type { ObligationStatusInput } from '../shared/schemas';
import type { Database, SystemRow } from '../store/schema';
import {
  deleteObligationStatus,
  listObligationStatuses,
  loadRecords,
  upsertObligationStatus,
} from '../store/repositories/records.repository';
import type { AppContext } from './context';
import { presentObligation } from './presenters';
import { toSystemFacts } from './system-facts';

async function systemsOf(
  db: Kysely<Database>,
  organisationId: string,
  systemId?: string,
): Promise<SystemRow[]> {
  return db
    .selectFrom('systems')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .$if(systemId !== undefined, (q) => q.where('id', '=', systemId as string))
    .orderBy('name')
    .execute();
}

/**
 * Every obligation of an organisation's systems on `asOf`, with the manual statuses recorded
 * against them and the facts still missing.
 */
export async function listObligations(
  ctx: AppContext,
  organisationId: string,
  asOf: string,
  systemId?: string,
): Promise<ObligationsDto> {
  const db = ctx.store.db;
  const rows = await systemsOf(db, organisationId, systemId);
  if (systemId !== undefined && rows.length === 0) throw new NotFoundError('system', systemId);
  const records = await loadRecords(db, organisationId, systemId ? [systemId] : undefined);
  const facts = rows.map((r) => toSystemFacts(r, records.get(r.id)));
  const result = evaluateObligations(facts, asOf);
  const statuses = new Map(
    (await listObligationStatuses(db, organisationId)).map((s) => [s.obligation_key, s]),
  );
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const items: ObligationDto[] = result.obligations.map((o) => {
    const dto = presentObligation(o, ctx.labelCitation);
    const manual = statuses.get(dto.key);
    const manualStatus = manual
      ? {
          status: manual.status as 'done' | 'not_applicable',
          note: manual.note,
          updatedAt: manual.updated_at,
        }
      : null;
    return {
      ...dto,
      systemName: names.get(o.systemId) ?? '',
      manualStatus,
      effectiveState: o.state === 'satisfied' ? 'satisfied' : (manualStatus?.status ?? o.state),
    };
  });
  return {
    asOf,
    items,
    missingFacts: result.missingFacts.map((m) => ({
      ...m,
      systemName: names.get(m.systemId) ?? '',
    })),
  };
}

/** Parses an obligation key `<ruleId>:<systemId>:<due>` into its system id. */
function systemIdOfKey(key: string): string {
  const parts = key.split(':');
  if (parts.length !== 3 || !parts[1]) throw new NotFoundError('obligation', key);
  return parts[1];
}

/** Records done / not applicable against an obligation that exists on `asOf`. */
export async function setObligationStatus(
  ctx: AppContext,
  organisationId: string,
  key: string,
  input: ObligationStatusInput,
  asOf: string,
): Promise<ObligationDto> {
  const systemId = systemIdOfKey(key);
  const current = await listObligations(ctx, organisationId, asOf, systemId).catch(() => null);
  if (!current?.items.some((o) => o.key === key)) throw new NotFoundError('obligation', key);
  await upsertObligationStatus(ctx.store.db, {
    organisation_id: organisationId,
    obligation_key: key,
    system_id: systemId,
    status: input.status,
    note: input.note ?? null,
    updated_at: ctx.clock.now().toISOString(),
  });
  const after = await listObligations(ctx, organisationId, asOf, systemId);
  return after.items.find((o) => o.key === key) as ObligationDto;
}

export async function clearObligationStatus(
  ctx: AppContext,
  organisationId: string,
  key: string,
): Promise<void> {
  const n = await deleteObligationStatus(ctx.store.db, organisationId, key);
  if (n === 0) throw new NotFoundError('obligation status', key);
}
