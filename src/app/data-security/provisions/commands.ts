/**
 * Adding, editing and removing provisions of important data: the resources named must be in the
 * inventory and graded important or core (data_resources.grade, kept in clear by the inventory);
 * codes are unique per organisation. Each change in one transaction with its audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  ConflictError,
  ValidationError,
  isUniqueViolation,
  type ErrorDetail,
} from '../../../errors';
import type { ImportantDataProvision } from '../../../shared/data-security-schemas';
import type { Database } from '../../../store/schema';
import { updateVersioned } from '../../../store/repositories/versioned';
import { audited, type Actor } from '../../actor';
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import { auditChanges } from '../../privacy/model';
import {
  decryptProvision,
  encryptProvision,
  getProvisionRow,
  normaliseProvision,
  presentProvision,
  provisionForAudit,
  type ProvisionView,
} from './model';

/** Grades of the organisation's resources by code (from the clear `grade` column). */
export async function resourceGrades(
  db: Kysely<Database>,
  organisationId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('data_resources')
    .select(['code', 'grade'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.grade]));
}

/** Problems of a provision against the inventory (codes known and important/core, no repeats). */
export function provisionProblems(
  p: ImportantDataProvision,
  grades: ReadonlyMap<string, string>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  p.dataResourceCodes.forEach((code, i) => {
    const path = `dataResourceCodes.${i}`;
    if (seen.has(code)) problems.push({ path, message: `"${code}" is listed twice` });
    seen.add(code);
    const grade = grades.get(code);
    if (grade === undefined)
      problems.push({ path, message: `"${code}" is not a data resource of the inventory` });
    else if (grade !== 'important' && grade !== 'core')
      problems.push({
        path,
        message: `"${code}" is graded ${grade}; a provision of important data names important or core resources`,
      });
  });
  return problems;
}

function refuse(problems: readonly ErrorDetail[]): void {
  if (problems.length > 0)
    throw new ValidationError(
      `the provision has ${problems.length} problem(s); nothing was saved`,
      problems,
    );
}

async function codeTaken(
  db: Kysely<Database>,
  organisationId: string,
  code: string,
  except?: string,
): Promise<void> {
  const row = await db
    .selectFrom('important_data_provisions')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (row && row.id !== except)
    throw new ValidationError('a provision with this code exists', [
      { path: 'code', message: `"${code}" is already a provision of this organisation` },
    ]);
}

export function createProvisionCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: ImportantDataProvision,
): Promise<ProvisionView> {
  const { organisationId } = inScope(within);
  const provision = normaliseProvision(input);
  return audited(ctx, actor, async (trx, audit, now) => {
    refuse(provisionProblems(provision, await resourceGrades(trx, organisationId)));
    await codeTaken(trx, organisationId, provision.code);
    const id = randomUUID();
    try {
      await trx
        .insertInto('important_data_provisions')
        .values({
          id,
          organisation_id: organisationId,
          code: provision.code,
          data_enc: encryptProvision(ctx.cipher, id, provision),
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('a provision with this code was created at the same time');
      throw error;
    }
    await audit({
      organisationId,
      action: 'datasec.provision.create',
      entityType: 'important_data_provision',
      entityId: id,
      changes: auditChanges(null, provisionForAudit(provision)),
    });
    return presentProvision(ctx.cipher, await getProvisionRow(trx, organisationId, id));
  });
}

export function updateProvisionCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  provisionId: string,
  patch: Partial<ImportantDataProvision> & { version: number },
): Promise<ProvisionView> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await getProvisionRow(trx, organisationId, provisionId);
    const before = decryptProvision(ctx.cipher, row);
    const { version, ...fields } = patch;
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<ImportantDataProvision>;
    const after = normaliseProvision({ ...before, ...defined });
    refuse(provisionProblems(after, await resourceGrades(trx, organisationId)));
    if (after.code !== before.code) await codeTaken(trx, organisationId, after.code, provisionId);
    await updateVersioned(trx, 'important_data_provisions', {
      where: { organisation_id: organisationId, id: provisionId },
      expected: version,
      columns: { code: after.code, data_enc: encryptProvision(ctx.cipher, provisionId, after) },
      now,
      entity: 'important-data provision',
      current: async () => (await getProvisionRow(trx, organisationId, provisionId)).version,
    });
    await audit({
      organisationId,
      action: 'datasec.provision.update',
      entityType: 'important_data_provision',
      entityId: provisionId,
      changes: auditChanges(provisionForAudit(before), provisionForAudit(after)),
    });
    return presentProvision(ctx.cipher, await getProvisionRow(trx, organisationId, provisionId));
  });
}

export function deleteProvisionCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  provisionId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const row = await getProvisionRow(trx, organisationId, provisionId);
    const before = decryptProvision(ctx.cipher, row);
    await trx
      .deleteFrom('important_data_provisions')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', provisionId)
      .execute();
    await audit({
      organisationId,
      action: 'datasec.provision.delete',
      entityType: 'important_data_provision',
      entityId: provisionId,
      changes: auditChanges(provisionForAudit(before), null),
    });
  });
}
