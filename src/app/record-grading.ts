import type { Kysely } from 'kysely';
import { gradeSystem } from '../domain/mlps/grading';
import type { GradingRecordInput } from '../shared/schemas';
import type { Database, GradingRow } from '../store/schema';
import { insertGrading } from '../store/repositories/records.repository';
import { getSystem, updateSystemColumns } from '../store/repositories/systems.repository';

/**
 * Grades a system and records it: the grading (with the engine's full result and the previous
 * level) and the system's current level change together, or not at all. A stale `version` is a
 * VERSION_CONFLICT, so two graders never silently overwrite each other.
 */
export async function recordGrading(
  db: Kysely<Database>,
  organisationId: string,
  systemId: string,
  input: GradingRecordInput,
  now: string,
): Promise<GradingRow> {
  return db.transaction().execute(async (trx) => {
    const system = await getSystem(trx, organisationId, systemId);
    const result = gradeSystem(input);
    await updateSystemColumns(
      trx,
      organisationId,
      systemId,
      input.version,
      { level: result.level, graded_on: input.gradedOn },
      now,
    );
    return insertGrading(trx, {
      organisation_id: organisationId,
      system_id: systemId,
      level: result.level,
      previous_level: system.level,
      graded_on: input.gradedOn,
      reason: input.reason,
      input: JSON.stringify({
        businessInformation: input.businessInformation,
        systemService: input.systemService,
      }),
      result: JSON.stringify(result),
      created_at: now,
    });
  });
}
