import { baselineFor, extensionsForSystemTypes } from '../../domain/mlps/baseline';
import { ValidationError } from '../../errors';
import type { BaselineDto } from '../../shared/api-types';
import { getSystem } from '../../store/repositories/systems.repository';
import { baselineDto } from '../catalog-queries';
import { assertSystemVisible, inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { presentSystem } from '../presenters';

/**
 * The GB/T 22239 baseline of one system: its graded level, and the extensions and cloud role its
 * grading-object types call for. An ungraded system has no baseline yet.
 */
export async function systemBaseline(
  ctx: AppContext,
  within: OrgScope,
  systemId: string,
): Promise<BaselineDto> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const system = presentSystem(
    await getSystem(ctx.store.db, organisationId, systemId),
    undefined,
    ctx.cipher,
  );
  if (system.level === null) {
    throw new ValidationError('the system is not graded yet', [
      {
        path: 'level',
        message:
          'the system has no protection level yet: grade it before asking for its baseline (该系统尚未定级)',
      },
    ]);
  }
  const { extensions, cloudRole } = extensionsForSystemTypes(system.types);
  const baseline = baselineFor(ctx.catalog, system.level, extensions, { cloudRole });
  return {
    ...baselineDto(ctx.catalog, baseline),
    system: { id: system.id, name: system.name, types: system.types },
  };
}
