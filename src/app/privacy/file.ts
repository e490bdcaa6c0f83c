/**
 * The register as a file (dengbao.privacy.v1: YAML, JSON, or the Excel workbook) in and out. An
 * import merges activities by code, replaces the profile when the file has one, adds the batches
 * not yet recorded (a batch equal to a stored one — same activity, transfer, day and counts — is
 * left alone, so importing the same file twice changes nothing), never deletes, and is
 * all-or-nothing: every problem is reported with its path and nothing is written. A dry run
 * checks and counts without writing.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ValidationError } from '../../errors';
import type {
  ActivityInput,
  PrivacyImportResult,
  PrivacyRegisterFile,
} from '../../shared/privacy-schemas';
import {
  approvedPipiaDates,
  getProfileRow,
  insertActivityRows,
  insertBatchRows,
  listActivityRows,
  listBatchRows,
  organisationSystems,
  saveProfileRow,
  updateActivityRow,
} from '../../store/repositories/privacy.repository';
import type { Database, PrivacyActivityRow } from '../../store/schema';
import { audited, type Actor } from '../actor';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { privacyFacts, type PrivacyFacts } from './facts';
import {
  decryptActivity,
  decryptProfile,
  EMPTY_PROFILE,
  encryptActivity,
  encryptProfile,
  normaliseActivity,
  normaliseProfile,
  splitActivity,
} from './model';
import { fileProblems } from './validate';

/** Maps a file path (`activities[3].code`) to where the user sees it (an Excel sheet and row). */
export type Locate = (path: string) => string;

export interface PrivacyImportOutcome extends PrivacyImportResult {
  readonly dryRun: boolean;
  readonly profile: 'unchanged' | 'saved' | 'absent';
  readonly activitiesUnchanged: number;
  readonly transferBatchesUnchanged: number;
}

type FileActivity = PrivacyRegisterFile['activities'][number];

/** The stored register in file shape, with the id of each activity by code. */
export async function storedRegister(
  ctx: Pick<AppContext, 'cipher'>,
  db: Kysely<Database>,
  organisationId: string,
): Promise<{
  file: PrivacyRegisterFile;
  idByCode: Map<string, string>;
  rows: PrivacyActivityRow[];
  anySystemCii: boolean;
}> {
  const [profileRow, rows, batches, systems] = await Promise.all([
    getProfileRow(db, organisationId),
    listActivityRows(db, organisationId),
    listBatchRows(db, organisationId),
    organisationSystems(db, organisationId),
  ]);
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  const file: PrivacyRegisterFile = {
    format: 'dengbao.privacy.v1',
    ...(profileRow ? { profile: decryptProfile(ctx.cipher, profileRow) } : {}),
    activities: rows.map((r) => {
      const { systemIds, ...a } = decryptActivity(ctx.cipher, r);
      return { ...a, systems: systemIds.map((id) => systemName.get(id) ?? id) };
    }),
    transferBatches: batches.map((b) => ({
      activity: codeOf.get(b.activity_id)!,
      transferKey: b.transfer_key,
      transferredOn: b.transferred_on,
      individuals: Number(b.individuals),
      sensitiveIndividuals: Number(b.sensitive_individuals),
      note: b.note,
    })),
  };
  return {
    file,
    idByCode: new Map(rows.map((r) => [r.code, r.id])),
    rows,
    anySystemCii: systems.some((s) => s.isCii),
  };
}

/** The organisation's register as a file (dengbao.privacy.v1). */
export async function privacyFileQuery(
  ctx: Pick<AppContext, 'store' | 'cipher'>,
  within: OrgScope,
): Promise<PrivacyRegisterFile> {
  const { organisationId } = inScope(within);
  return (await storedRegister(ctx, ctx.store.db, organisationId)).file;
}

/** The engines' facts of the stored register (ids are store ids). */
export async function storedFacts(
  ctx: Pick<AppContext, 'store' | 'cipher'>,
  within: OrgScope,
): Promise<{ facts: PrivacyFacts; file: PrivacyRegisterFile; idByCode: Map<string, string> }> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const [stored, pipias] = await Promise.all([
    storedRegister(ctx, db, organisationId),
    approvedPipiaDates(db, organisationId),
  ]);
  const facts = privacyFacts(stored.file, {
    anySystemCii: stored.anySystemCii,
    activityId: (code) => stored.idByCode.get(code) ?? code,
    pipiaApprovedOn: (code) => pipias.get(stored.idByCode.get(code) ?? '') ?? [],
  });
  return { facts, file: stored.file, idByCode: stored.idByCode };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Rolls the transaction of a dry run back, carrying its outcome out. */
class DryRunDone extends Error {
  constructor(readonly outcome: PrivacyImportOutcome) {
    super('dry run');
  }
}

/** Imports a register file all-or-nothing, audited as one change with the file's digest. */
export async function importPrivacyFileCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  file: PrivacyRegisterFile,
  source: { name: string; sm3: string },
  options: { dryRun?: boolean; locate?: Locate } = {},
): Promise<PrivacyImportOutcome> {
  const { organisationId } = inScope(within);
  const locate = options.locate ?? ((p: string) => p);
  const dryRun = options.dryRun ?? false;
  try {
    return await audited(ctx, actor, async (trx, audit, now) => {
      const stored = await storedRegister(ctx, trx, organisationId);
      const systems = await organisationSystems(trx, organisationId);
      const storedByCode = new Map(stored.file.activities.map((a) => [a.code, a]));
      const problems = fileProblems(file, {
        systemNames: new Set(systems.map((s) => s.name)),
        activities: storedByCode,
        noticeVersions: new Set((stored.file.profile?.privacyNotices ?? []).map((n) => n.version)),
      });
      // Activities the file leaves out must still find their privacy-notice version.
      if (file.profile) {
        const versions = new Set(file.profile.privacyNotices.map((n) => n.version));
        const inFile = new Set(file.activities.map((a) => a.code));
        for (const a of stored.file.activities)
          if (
            !inFile.has(a.code) &&
            a.privacyNoticeVersion &&
            !versions.has(a.privacyNoticeVersion)
          )
            problems.push({
              path: 'profile.privacyNotices',
              message: `stored activity ${a.code} names privacy notice version "${a.privacyNoticeVersion}", which the file's profile leaves out`,
            });
      }
      if (problems.length)
        throw new ValidationError(
          `${problems.length} problem(s) in ${source.name}; nothing was imported`,
          problems.map((p) => ({ ...p, path: locate(p.path) })),
        );

      let profileOutcome: PrivacyImportOutcome['profile'] = 'absent';
      if (file.profile) {
        const profile = normaliseProfile(file.profile);
        const row = await getProfileRow(trx, organisationId);
        if (row && same(decryptProfile(ctx.cipher, row), { ...EMPTY_PROFILE, ...profile }))
          profileOutcome = 'unchanged';
        else {
          await saveProfileRow(
            trx,
            organisationId,
            row?.version ?? 0,
            () => encryptProfile(ctx.cipher, organisationId, profile),
            now,
          );
          profileOutcome = 'saved';
        }
      }

      const systemId = new Map(systems.map((s) => [s.name, s.id]));
      const rowByCode = new Map(stored.rows.map((r) => [r.code, r]));
      const idByCode = new Map(stored.idByCode);
      const created: Parameters<typeof insertActivityRows>[1][number][] = [];
      let updated = 0;
      let unchanged = 0;
      for (const fa of file.activities) {
        const input = toActivityInput(fa, systemId);
        const row = rowByCode.get(fa.code);
        if (!row) {
          const id = randomUUID();
          idByCode.set(fa.code, id);
          const { code, name, content } = splitActivity(input);
          created.push({
            id,
            organisation_id: organisationId,
            code,
            name,
            data_enc: encryptActivity(ctx.cipher, id, content),
            retain_until: null,
            version: 1,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          });
        } else if (!same(decryptActivity(ctx.cipher, row), input)) {
          const { code, name, content } = splitActivity(input);
          await updateActivityRow(
            trx,
            organisationId,
            row.id,
            row.version,
            { code, name, data_enc: encryptActivity(ctx.cipher, row.id, content) },
            now,
          );
          updated++;
        } else unchanged++;
      }
      await insertActivityRows(trx, created);

      const batchKey = (b: {
        activity: string;
        transferKey: string;
        transferredOn: string;
        individuals: number;
        sensitiveIndividuals: number;
      }) =>
        `${b.activity}|${b.transferKey}|${b.transferredOn}|${b.individuals}|${b.sensitiveIndividuals}`;
      // Equal batches are counted, so a file with two equal batches adds the second one too.
      const have = new Map<string, number>();
      for (const b of stored.file.transferBatches)
        have.set(batchKey(b), (have.get(batchKey(b)) ?? 0) + 1);
      const newBatches: Parameters<typeof insertBatchRows>[1][number][] = [];
      let batchesUnchanged = 0;
      for (const b of file.transferBatches) {
        const k = batchKey(b);
        const n = have.get(k) ?? 0;
        if (n > 0) {
          have.set(k, n - 1);
          batchesUnchanged++;
          continue;
        }
        newBatches.push({
          id: randomUUID(),
          organisation_id: organisationId,
          activity_id: idByCode.get(b.activity)!,
          transfer_key: b.transferKey,
          transferred_on: b.transferredOn,
          individuals: b.individuals,
          sensitive_individuals: b.sensitiveIndividuals,
          note: b.note ?? null,
          created_at: now,
        });
      }
      await insertBatchRows(trx, newBatches);
      const outcome: PrivacyImportOutcome = {
        dryRun,
        profile: profileOutcome,
        activities: { created: created.length, updated },
        activitiesUnchanged: unchanged,
        transferBatches: { created: newBatches.length },
        transferBatchesUnchanged: batchesUnchanged,
      };
      if (dryRun) throw new DryRunDone(outcome);
      await audit({
        organisationId,
        action: 'privacy.import',
        entityType: 'organisation',
        entityId: organisationId,
        changes: {
          file: { before: null, after: `${source.name} (SM3 ${source.sm3})` },
          result: {
            before: null,
            after: JSON.stringify({
              profile: outcome.profile,
              activities: outcome.activities,
              transferBatches: outcome.transferBatches,
            }),
          },
        },
      });
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.outcome;
    throw error;
  }
}

function toActivityInput(a: FileActivity, systemId: ReadonlyMap<string, string>): ActivityInput {
  const { systems, ...rest } = a;
  return normaliseActivity({ ...rest, systemIds: systems.map((n) => systemId.get(n)!) });
}
