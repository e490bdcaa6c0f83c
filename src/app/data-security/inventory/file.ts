/**
 * The inventory as a file (dengbao.data-inventory.v1: YAML, JSON, or the Excel workbook) in and
 * out. An import merges resources by code (a stored resource takes the file's content; a new
 * code is created), never deletes, and is all-or-nothing: every problem is reported with its
 * path (or sheet, row and column) and nothing is written. A dry run checks and counts without
 * writing. Systems are named in the file, not referenced by id.
 *
 * The file may carry the organisation's data-security profile and its important-data
 * provisions; those belong to the duties module and are not written by this import (the outcome
 * counts them as `ignored`).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ValidationError } from '../../../errors';
import type { DataInventoryFile, DataResourceInput } from '../../../shared/data-security-schemas';
import {
  insertResourceRows,
  privacyActivityCodes,
  updateResourceRow,
} from '../../../store/repositories/data-resources.repository';
import { organisationSystems } from '../../../store/repositories/privacy.repository';
import type { Database } from '../../../store/schema';
import { audited, type Actor } from '../../actor';
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import { classifyResource, encryptResource, normaliseResource, splitResource } from './model';
import { storedResources } from './queries';
import { fileProblems } from './validate';

/** Maps a file path (`resources[3].code`) to where the user sees it (an Excel sheet and row). */
export type Locate = (path: string) => string;

export interface InventoryImportOutcome {
  readonly dryRun: boolean;
  readonly resources: {
    readonly created: number;
    readonly updated: number;
    readonly unchanged: number;
  };
  /** Grades of the imported resources after the import (file order). */
  readonly grades: { readonly general: number; readonly important: number; readonly core: number };
  /** Parts of the file this import does not write (profile and provisions: the duties module). */
  readonly ignored: { readonly profile: boolean; readonly provisions: number };
}

type FileResource = DataInventoryFile['resources'][number];

/** The stored inventory in file shape. */
export async function inventoryFile(
  ctx: Pick<AppContext, 'cipher'>,
  db: Kysely<Database>,
  organisationId: string,
  organisationName: string | null = null,
): Promise<DataInventoryFile> {
  const [stored, systems] = await Promise.all([
    storedResources(ctx, db, organisationId),
    organisationSystems(db, organisationId),
  ]);
  const name = new Map(systems.map((s) => [s.id, s.name]));
  return {
    format: 'dengbao.data-inventory.v1',
    ...(organisationName ? { organisation: organisationName } : {}),
    resources: stored.map(({ resource }) => {
      const { systemIds, ...rest } = resource;
      return { ...rest, systems: systemIds.map((id) => name.get(id) ?? id) };
    }),
    provisions: [],
  };
}

export async function inventoryFileQuery(
  ctx: Pick<AppContext, 'store' | 'cipher'>,
  within: OrgScope,
): Promise<DataInventoryFile> {
  const { organisationId } = inScope(within);
  const org = await ctx.store.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return inventoryFile(ctx, ctx.store.db, organisationId, org?.name ?? null);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Rolls the transaction of a dry run back, carrying its outcome out. */
class DryRunDone extends Error {
  constructor(readonly outcome: InventoryImportOutcome) {
    super('dry run');
  }
}

export function toResourceInput(
  r: FileResource,
  systemId: (name: string) => string,
): DataResourceInput {
  const { systems, systemIds: _none, ...rest } = r;
  return normaliseResource({ ...rest, systemIds: systems.map(systemId) });
}

/** Imports an inventory file all-or-nothing, audited as one change with the file's digest. */
export async function importInventoryFileCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  file: DataInventoryFile,
  source: { name: string; sm3: string },
  options: { dryRun?: boolean; locate?: Locate } = {},
): Promise<InventoryImportOutcome> {
  const { organisationId } = inScope(within);
  const locate = options.locate ?? ((p: string) => p);
  const dryRun = options.dryRun ?? false;
  try {
    return await audited(ctx, actor, async (trx, audit, now) => {
      const [stored, systems, activities] = await Promise.all([
        storedResources(ctx, trx, organisationId),
        organisationSystems(trx, organisationId),
        privacyActivityCodes(trx, organisationId),
      ]);
      const systemIdByName = new Map(systems.map((s) => [s.name, s.id]));
      const byCode = new Map(stored.map((s) => [s.resource.code, s]));
      const problems = fileProblems(
        file,
        { systemKnown: (n) => systemIdByName.has(n), activityCodes: activities },
        stored.length,
        new Set(byCode.keys()),
      );
      if (problems.length)
        throw new ValidationError(
          `${problems.length} problem(s) in ${source.name}; nothing was imported`,
          problems.map((p) => ({ ...p, path: locate(p.path) })),
        );
      const created: Parameters<typeof insertResourceRows>[1][number][] = [];
      let updated = 0;
      let unchanged = 0;
      const grades = { general: 0, important: 0, core: 0 };
      for (const fr of file.resources) {
        const input = toResourceInput(fr, (n) => systemIdByName.get(n)!);
        const have = byCode.get(fr.code);
        const id = have?.row.id ?? randomUUID();
        const { classification, catalogVersion } = classifyResource(id, input);
        grades[classification.grade]++;
        const { code, name, content } = splitResource(input);
        if (!have)
          created.push({
            id,
            organisation_id: organisationId,
            code,
            name,
            grade: classification.grade,
            catalog_version: catalogVersion,
            data_enc: encryptResource(ctx.cipher, id, content),
            version: 1,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          });
        else if (!same(have.resource, input)) {
          await updateResourceRow(
            trx,
            organisationId,
            id,
            have.row.version,
            {
              code,
              name,
              grade: classification.grade,
              catalog_version: catalogVersion,
              data_enc: encryptResource(ctx.cipher, id, content),
            },
            now,
          );
          updated++;
        } else unchanged++;
      }
      await insertResourceRows(trx, created);
      const outcome: InventoryImportOutcome = {
        dryRun,
        resources: { created: created.length, updated, unchanged },
        grades,
        ignored: { profile: !!file.profile, provisions: file.provisions.length },
      };
      if (dryRun) throw new DryRunDone(outcome);
      await audit({
        organisationId,
        action: 'datasec.inventory.import',
        entityType: 'organisation',
        entityId: organisationId,
        changes: {
          file: { before: null, after: `${source.name} (SM3 ${source.sm3})` },
          result: {
            before: null,
            after: JSON.stringify({ resources: outcome.resources, grades }),
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
