import type { Kysely } from 'kysely';
import { shippedHolidayCalendar } from '../catalogs/holiday-calendar';
import { evaluateObligations } from '../domain/obligations/evaluate';
import { addCalendarDays } from '../domain/calendar/working-days';
import { DUE_SOON_DAYS } from '../domain/obligations/evaluate';
import { NotFoundError, ValidationError, detail } from '../errors';
import { label } from '../shared/vocabulary';
import { decryptNullable, encryptNullable } from '../security/field-crypto';
import type { ObligationDto, ObligationsDto } from '../shared/api-types';
import type { ObligationStatusInput } from '../shared/schemas';
import type { Database, SystemRow } from '../store/schema';
import {
  deleteObligationStatus,
  listObligationStatuses,
  loadRecords,
  upsertObligationStatus,
} from '../store/repositories/records.repository';
import { audited, type Actor } from './actor';
import { rectificationsQuery } from './assessment/rectification';
import { ciiDesignatedSystems, withCiiDesignation } from './cii/queries';
import type { AppContext } from './context';
import { presentObligation } from './presenters';
import { toSystemFacts } from './system-facts';

/** Which systems a caller may see: all, or only those assigned (assessors). */
export interface SystemScope {
  readonly systemId?: string | undefined;
  readonly onlyIds?: ReadonlySet<string> | null | undefined;
}

async function systemsOf(
  db: Kysely<Database>,
  organisationId: string,
  scope: SystemScope,
): Promise<SystemRow[]> {
  const rows = await db
    .selectFrom('systems')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .$if(scope.systemId !== undefined, (q) => q.where('id', '=', scope.systemId as string))
    // Assessors: only their assigned systems, filtered by the database ('' matches none).
    .$if(!!scope.onlyIds, (q) => q.where('id', 'in', [...(scope.onlyIds ?? []), '']))
    .orderBy('name')
    .execute();
  return rows;
}

/**
 * Every obligation of an organisation's systems on `asOf`, with the manual statuses recorded
 * against them (notes decrypted) and the facts still missing.
 */
export async function listObligations(
  ctx: AppContext,
  organisationId: string,
  asOf: string,
  scope: SystemScope = {},
): Promise<ObligationsDto> {
  const db = ctx.store.db;
  const rows = await systemsOf(db, organisationId, scope);
  if (scope.systemId !== undefined && rows.length === 0)
    throw new NotFoundError('system', scope.systemId);
  const ids = rows.map((r) => r.id);
  const records = await loadRecords(
    db,
    organisationId,
    scope.systemId || scope.onlyIds ? ids : undefined,
  );
  // A system inside the recorded boundary of a designated core business is CII.
  const designated = await ciiDesignatedSystems(db, organisationId);
  const result = evaluateObligations(
    rows.map((r) => withCiiDesignation(toSystemFacts(r, records.get(r.id)), designated.get(r.id))),
    asOf,
    { calendar: shippedHolidayCalendar() },
  );
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
          note: decryptNullable(ctx.cipher, manual.note, {
            table: 'obligation_statuses',
            column: 'note',
            rowId: [manual.organisation_id, manual.obligation_key],
          }),
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
  items.push(...(await rectificationObligations(ctx, organisationId, asOf, rows)));
  return {
    asOf,
    items,
    missingFacts: result.missingFacts.map((m) => ({
      ...m,
      systemName: names.get(m.systemId) ?? '',
    })),
  };
}

/** Rule id of the obligations that open rectification items put on the calendar. */
export const RECTIFICATION_RULE_ID = 'mlps.rectification';

/**
 * 整改: every open rectification item with its due date, as an obligation of its system
 * (信息安全等级保护管理办法 Art 14: where an assessment finds the level not met, the operator
 * draws up a plan and rectifies). Its state follows the item; it closes when the item is
 * verified or its risk accepted — not through a manual status.
 */
async function rectificationObligations(
  ctx: AppContext,
  organisationId: string,
  asOf: string,
  systems: readonly SystemRow[],
): Promise<ObligationDto[]> {
  if (systems.length === 0) return [];
  const items = await rectificationsQuery(
    ctx,
    organisationId,
    { systemIds: systems.map((s) => s.id) },
    asOf,
  );
  const soon = addCalendarDays(asOf, DUE_SOON_DAYS);
  const citation = ctx.labelCitation({
    instrumentId: 'mps-mlps-measures-2007',
    provisionId: 'art-14',
  });
  return items
    .filter((r) => r.status !== 'verified' && r.status !== 'risk_accepted')
    .map((r) => {
      const state =
        r.dueDate === null
          ? 'open'
          : r.dueDate < asOf
            ? 'overdue'
            : r.dueDate <= soon
              ? 'due_soon'
              : 'upcoming';
      return {
        key: `${RECTIFICATION_RULE_ID}:${r.systemId}:${r.id}`,
        ruleId: RECTIFICATION_RULE_ID,
        systemId: r.systemId,
        systemName: r.systemName,
        titleZh: `整改：${r.clause} ${r.title.zh}`,
        titleEn: `Rectify: ${r.clause} ${r.title.en}`,
        // Status and risk in words from the shared vocabulary, never their codes (in_progress).
        reasonZh: `${r.assessmentTitle}发现的问题${r.risk ? `（${label('risk', r.risk, 'zh')}）` : ''}，整改状态：${label('rectification_status', r.status, 'zh')}${r.owner ? `，负责人 ${r.owner}` : ''}`,
        reasonEn: `Found by ${r.assessmentTitle}${r.risk ? ` (${label('risk', r.risk, 'en')})` : ''}; status: ${label('rectification_status', r.status, 'en')}${r.owner ? `; owner ${r.owner}` : ''}`,
        citations: [citation],
        dueDate: r.dueDate,
        windowOpensOn: null,
        recurrenceMonths: null,
        eventDeadline: null,
        state,
        manualStatus: null,
        effectiveState: state,
        provenance: 'confirmed',
      } satisfies ObligationDto;
    });
}

/** Parses an obligation key `<ruleId>:<systemId>:<due>` into its system id. */
function systemIdOfKey(key: string): string {
  const parts = key.split(':');
  if (parts.length !== 3 || !parts[1]) throw new NotFoundError('obligation', key);
  return parts[1];
}

/**
 * Records done / not applicable against an obligation that exists on `asOf`. The note is
 * evidence and is stored SM4-encrypted.
 */
export async function setObligationStatus(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  key: string,
  input: ObligationStatusInput,
  asOf: string,
  scope: SystemScope = {},
): Promise<ObligationDto> {
  if (key.startsWith(`${RECTIFICATION_RULE_ID}:`)) {
    throw new ValidationError({ code: 'error.rectification_closes_itself' }, [
      detail('key', 'validation.rectification_closes_itself'),
    ]);
  }
  const systemId = systemIdOfKey(key);
  const current = await listObligations(ctx, organisationId, asOf, { ...scope, systemId }).catch(
    () => null,
  );
  const obligation = current?.items.find((o) => o.key === key);
  if (!obligation) throw new NotFoundError('obligation', key);
  await audited(ctx, actor, async (trx, audit, now) => {
    await upsertObligationStatus(trx, {
      organisation_id: organisationId,
      obligation_key: key,
      system_id: systemId,
      status: input.status,
      note: encryptNullable(ctx.cipher, input.note ?? null, {
        table: 'obligation_statuses',
        column: 'note',
        rowId: [organisationId, key],
      }),
      updated_at: now,
    });
    await audit({
      organisationId,
      action: 'obligation.status_set',
      entityType: 'obligation',
      entityId: key,
      changes: {
        status: { before: obligation.manualStatus?.status ?? null, after: input.status },
        note: {
          before: obligation.manualStatus ? '[redacted]' : null,
          after: input.note ? '[redacted]' : null,
        },
      },
    });
  });
  const after = await listObligations(ctx, organisationId, asOf, { ...scope, systemId });
  return after.items.find((o) => o.key === key) as ObligationDto;
}

export async function clearObligationStatus(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  key: string,
  scope: SystemScope = {},
): Promise<void> {
  if (key.startsWith(`${RECTIFICATION_RULE_ID}:`)) {
    throw new ValidationError({ code: 'error.rectification_closes_itself' }, [
      detail('key', 'validation.rectification_closes_itself'),
    ]);
  }
  const systemId = systemIdOfKey(key);
  if (scope.onlyIds && !scope.onlyIds.has(systemId))
    throw new NotFoundError('obligation status', key);
  await audited(ctx, actor, async (trx, audit) => {
    const n = await deleteObligationStatus(trx, organisationId, key);
    if (n === 0) throw new NotFoundError('obligation status', key);
    await audit({
      organisationId,
      action: 'obligation.status_clear',
      entityType: 'obligation',
      entityId: key,
      changes: { status: { before: 'set', after: null } },
    });
  });
}
