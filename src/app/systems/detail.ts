import type { Kysely } from 'kysely';
import { gradingWarnings } from '../../domain/mlps/grading-warnings';
import type { SystemDetailDto } from '../../shared/api-types';
import type { ProtectionLevel, SystemType } from '../../shared/mlps';
import type { Database } from '../../store/schema';
import { loadRecords } from '../../store/repositories/records.repository';
import { getSystem } from '../../store/repositories/systems.repository';
import { beijingToday } from '../clock';
import { ciiDesignatedSystems } from '../cii/queries';
import { systemAttachments } from '../attachments/queries';
import { assertSystemVisible, inScope, type OrgScope } from '../access';
import {
  organisationSector,
  presentSectorGuidance,
  sectorGuidance,
  withSectorSources,
} from './sector-guidance';
import type { AppContext } from '../context';
import {
  presentEvent,
  presentFiling,
  presentGrading,
  presentReview,
  presentSystem,
  presentWarning,
} from '../presenters';

/** A system with its grading history, reviews, filings, assessment records and grading warnings. */
export async function getSystemDetail(
  ctx: AppContext,
  within: OrgScope,
  systemId: string,
  db: Kysely<Database> = ctx.store.db,
): Promise<SystemDetailDto> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const row = await getSystem(db, organisationId, systemId);
  const records = (await loadRecords(db, organisationId, [systemId])).get(systemId) ?? {
    gradings: [],
    reviews: [],
    filings: [],
    events: [],
  };
  const carried = await db
    .selectFrom('systems')
    .select(['id', 'name', 'level'])
    .where('organisation_id', '=', organisationId)
    .where('host_system_id', '=', systemId)
    .where('level', 'is not', null)
    .execute();
  const history = records.gradings
    .map((g) => presentGrading(g, ctx.labelCitation, ctx.cipher))
    .reverse();
  // Sector guides in force on the grading date (today while ungraded), with its answers.
  const guidance = sectorGuidance(
    await organisationSector(db, ctx.cipher, organisationId),
    history[0]?.narrative,
    row.level as ProtectionLevel | null,
    history[0]?.gradedOn ?? beijingToday(ctx.clock),
  );
  const label = withSectorSources(ctx.labelCitation);
  const warnings =
    row.level === null
      ? []
      : gradingWarnings({
          types: JSON.parse(row.types) as SystemType[],
          level: row.level as ProtectionLevel,
          isCii: row.is_cii === 1 || (await ciiDesignatedSystems(db, organisationId)).has(systemId),
          carriedLevels: carried.map((c) => ({
            systemId: c.id,
            name: c.name,
            level: c.level as ProtectionLevel,
          })),
          sectorWarnings: guidance.warnings,
        }).map((w) => presentWarning(w, label));
  return {
    system: presentSystem(row, records.filings.at(-1), ctx.cipher),
    grading: history[0] ?? null,
    gradingHistory: history,
    reviews: records.reviews.map(presentReview),
    filings: records.filings.map(presentFiling),
    events: records.events.map(presentEvent),
    warnings,
    sectorGuidance: presentSectorGuidance(guidance),
    attachments: await systemAttachments(db, organisationId, systemId),
  };
}
