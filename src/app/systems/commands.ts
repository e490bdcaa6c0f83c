import { gradeSystem } from '../../domain/mlps/grading';
import type { SystemFilingProfile } from '../../shared/filing-profile';
import type {
  EventInput,
  FilingInput,
  GradingRecordInput,
  ReviewInput,
  SystemInput,
  SystemPatch,
} from '../../shared/schemas';
import {
  insertEvent,
  insertFiling,
  insertGrading,
  insertReview,
} from '../../store/repositories/records.repository';
import {
  createSystem,
  deleteSystem,
  getSystem,
  updateSystem,
  updateSystemColumns,
} from '../../store/repositories/systems.repository';
import type { SystemRow } from '../../store/schema';
import { randomUUID } from 'node:crypto';
import { audited, rowChanges, type Actor } from '../actor';
import {
  decryptSystemFilingProfile,
  encryptFilingProfile,
  refuseProblems,
  systemProfileProblems,
} from '../filing-profile';
import { assertSystemVisible, inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { encryptNarrative, narrativeForAudit } from './grading-narrative';
import { assertKnownGuides } from './sector-guidance';

/*
 * Every change to a system and its records, each in one transaction with its audit entry.
 * Route handlers and the CLI call these; they hold no rules of their own.
 */

export function createSystemCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: SystemInput,
) {
  const { organisationId } = inScope(within);
  refuseProblems(systemProfileProblems(input.filingProfile, ['filingProfile']));
  return audited(ctx, actor, async (trx, audit, now) => {
    const id = randomUUID();
    const row = await createSystem(trx, organisationId, input, now, {
      id,
      filing_profile_enc: encryptFilingProfile(
        ctx.cipher,
        'systems',
        id,
        input.filingProfile ?? null,
      ),
    });
    await audit({
      organisationId,
      action: 'system.create',
      entityType: 'system',
      entityId: row.id,
      changes: {
        ...rowChanges(null, row),
        ...systemProfileChange(null, input.filingProfile ?? null),
      },
    });
    return row;
  });
}

export async function updateSystemCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  systemId: string,
  patch: SystemPatch,
) {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  refuseProblems(systemProfileProblems(patch.filingProfile, ['filingProfile']));
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getSystem(trx, organisationId, systemId);
    const after = await updateSystem(
      trx,
      organisationId,
      systemId,
      patch,
      now,
      patch.filingProfile === undefined
        ? {}
        : {
            filing_profile_enc: encryptFilingProfile(
              ctx.cipher,
              'systems',
              systemId,
              patch.filingProfile ?? null,
            ),
          },
    );
    await audit({
      organisationId,
      action: 'system.update',
      entityType: 'system',
      entityId: systemId,
      changes: {
        ...rowChanges(before, after),
        ...(patch.filingProfile === undefined
          ? {}
          : systemProfileChange(
              decryptSystemFilingProfile(ctx.cipher, systemId, before.filing_profile_enc),
              patch.filingProfile ?? null,
            )),
      },
    });
    return after;
  });
}

export async function deleteSystemCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  systemId: string,
) {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  return audited(ctx, actor, async (trx, audit) => {
    const before = await getSystem(trx, organisationId, systemId);
    await deleteSystem(trx, organisationId, systemId);
    await audit({
      organisationId,
      action: 'system.delete',
      entityType: 'system',
      entityId: systemId,
      changes: rowChanges(before, null),
    });
  });
}

/**
 * Grades a system and records it: the grading (with the engine's full result and the previous
 * level) and the system's current level change together with the audit entry, or not at all. A
 * stale `version` is a VERSION_CONFLICT, so two graders never silently overwrite each other.
 */
export async function recordGradingCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  systemId: string,
  input: GradingRecordInput,
) {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  assertKnownGuides(input.narrative);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before: SystemRow = await getSystem(trx, organisationId, systemId);
    const result = gradeSystem(input);
    const after = await updateSystemColumns(
      trx,
      organisationId,
      systemId,
      input.version,
      { level: result.level, graded_on: input.gradedOn },
      now,
    );
    const gradingId = randomUUID();
    const grading = await insertGrading(trx, {
      id: gradingId,
      organisation_id: organisationId,
      system_id: systemId,
      level: result.level,
      previous_level: before.level,
      graded_on: input.gradedOn,
      reason: input.reason,
      input: JSON.stringify({
        businessInformation: input.businessInformation,
        systemService: input.systemService,
      }),
      result: JSON.stringify(result),
      recorded_by: actor.label,
      narrative: encryptNarrative(ctx.cipher, gradingId, input.narrative),
      created_at: now,
    });
    await audit({
      organisationId,
      action: 'system.grade',
      entityType: 'system',
      entityId: systemId,
      changes: {
        ...rowChanges(before, after),
        reason: { before: null, after: input.reason },
        gradingId: { before: null, after: grading.id },
        ...(input.narrative
          ? { narrative: { before: null, after: narrativeForAudit(input.narrative) } }
          : {}),
      },
    });
    return grading;
  });
}

/** The records kept against a system: each is inserted and audited the same way. */
const RECORD_KINDS = {
  review: { insert: insertReview, action: 'review.create', entityType: 'review' },
  filing: { insert: insertFiling, action: 'filing.create', entityType: 'filing' },
  event: { insert: insertEvent, action: 'event.create', entityType: 'system_event' },
} as const;

interface RecordInputs {
  review: ReviewInput;
  filing: FilingInput;
  event: EventInput;
}

/** Records an expert review / approval, a filing, or a completed assessment against a system. */
export async function addRecordCommand<K extends keyof RecordInputs>(
  ctx: AppContext,
  actor: Actor,
  kind: K,
  within: OrgScope,
  systemId: string,
  input: RecordInputs[K],
) {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const spec = RECORD_KINDS[kind];
  return audited(ctx, actor, async (trx, audit, now) => {
    await getSystem(trx, organisationId, systemId);
    const insert = spec.insert as (
      db: typeof trx,
      organisationId: string,
      systemId: string,
      input: RecordInputs[K],
      now: string,
    ) => Promise<{ id: string }>;
    const row = await insert(trx, organisationId, systemId, input, now);
    await audit({
      organisationId,
      action: spec.action,
      entityType: spec.entityType,
      entityId: row.id,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

/**
 * The system profile's change as the audit log shows it (it holds no phone numbers or e-mail
 * addresses; the encrypted column itself is redacted), or nothing when it did not change.
 */
export function systemProfileChange(
  before: SystemFilingProfile | null,
  after: SystemFilingProfile | null,
): Record<string, { before: unknown; after: unknown }> {
  if (JSON.stringify(before) === JSON.stringify(after)) return {};
  return { filingProfile: { before, after } };
}
