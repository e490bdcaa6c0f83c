import type { AppContext } from '../app/context';
import { systemIdsNamed } from '../app/systems/queries';
import { UsageError } from './io';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `<system>` argument: a system id, or the exact name of one system of the organisation. */
export async function systemArgument(
  ctx: AppContext,
  organisationId: string,
  value: string,
): Promise<string> {
  if (UUID.test(value)) return value;
  const ids = await systemIdsNamed(ctx, organisationId, value);
  if (ids.length === 1) return ids[0]!;
  throw new UsageError(
    ids.length === 0
      ? `no system named "${value}" in this organisation`
      : `${ids.length} systems are named "${value}"; give the id`,
  );
}
