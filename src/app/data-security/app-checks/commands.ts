/**
 * Every change to the app checks, each in one transaction with its audit entry (codes, names,
 * counts — never the encrypted content). Bad input changes nothing and names every problem.
 */
import { randomUUID } from 'node:crypto';
import { ValidationError, detail, type ErrorDetail } from '../../../errors';
import {
  DATASEC_LIMITS,
  type AppCheckInput,
  type AppCheckPatch,
} from '../../../shared/data-security-schemas';
import { audited, rowChanges, type Actor } from '../../actor';
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import {
  appCheckForAudit,
  decryptAppCheck,
  encryptAppCheck,
  normaliseAppCheck,
  presentAppCheck,
  splitAppCheck,
  type AppCheckView,
} from './model';
import {
  appCheckIdByCode,
  countAppCheckRows,
  deleteAppCheckRow,
  getAppCheckRow,
  insertAppCheckRow,
  updateAppCheckRow,
} from './repository';
import { appCheckProblems } from './validate';

function refuse(problems: readonly ErrorDetail[]): void {
  if (problems.length > 0)
    throw new ValidationError(
      { code: 'app_check.problems', params: { count: problems.length } },
      problems,
    );
}

const codeTaken = (code: string) =>
  new ValidationError({ code: 'app_check.code_exists' }, [
    detail('code', 'app_check.code_exists_detail', { code }),
  ]);

export function createAppCheckCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  input: AppCheckInput,
): Promise<AppCheckView> {
  const { organisationId } = inScope(within);
  const check = normaliseAppCheck(input);
  refuse(appCheckProblems(check));
  return audited(ctx, actor, async (trx, audit, now) => {
    if ((await countAppCheckRows(trx, organisationId)) >= DATASEC_LIMITS.appChecksPerOrganisation)
      refuse([
        detail('code', 'app_check.too_many', { max: DATASEC_LIMITS.appChecksPerOrganisation }),
      ]);
    if (await appCheckIdByCode(trx, organisationId, check.code)) throw codeTaken(check.code);
    const id = randomUUID();
    const { code, name, checkedOn, content } = splitAppCheck(check);
    await insertAppCheckRow(trx, {
      id,
      organisation_id: organisationId,
      code,
      name,
      checked_on: checkedOn,
      content_enc: encryptAppCheck(ctx.cipher, id, content),
      version: 1,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await audit({
      organisationId,
      action: 'datasec.app_check.create',
      entityType: 'app_check',
      entityId: id,
      changes: rowChanges(null, appCheckForAudit(check)),
    });
    return presentAppCheck(ctx.cipher, await getAppCheckRow(trx, organisationId, id));
  });
}

export function updateAppCheckCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  checkId: string,
  patch: AppCheckPatch,
): Promise<AppCheckView> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const row = await getAppCheckRow(trx, organisationId, checkId);
    const before = decryptAppCheck(ctx.cipher, row);
    const { version, ...fields } = patch;
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<AppCheckInput>;
    const after = normaliseAppCheck({ ...before, ...defined });
    refuse(appCheckProblems(after));
    if (after.code !== before.code) {
      const clash = await appCheckIdByCode(trx, organisationId, after.code);
      if (clash && clash !== checkId) throw codeTaken(after.code);
    }
    const { code, name, checkedOn, content } = splitAppCheck(after);
    const updated = await updateAppCheckRow(
      trx,
      organisationId,
      checkId,
      version,
      {
        code,
        name,
        checked_on: checkedOn,
        content_enc: encryptAppCheck(ctx.cipher, checkId, content),
      },
      now,
    );
    await audit({
      organisationId,
      action: 'datasec.app_check.update',
      entityType: 'app_check',
      entityId: checkId,
      changes: rowChanges(appCheckForAudit(before), appCheckForAudit(after)),
    });
    return presentAppCheck(ctx.cipher, updated);
  });
}

export function deleteAppCheckCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  checkId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const row = await getAppCheckRow(trx, organisationId, checkId);
    const before = decryptAppCheck(ctx.cipher, row);
    await deleteAppCheckRow(trx, organisationId, checkId);
    await audit({
      organisationId,
      action: 'datasec.app_check.delete',
      entityType: 'app_check',
      entityId: checkId,
      changes: rowChanges(appCheckForAudit(before), null),
    });
  });
}
