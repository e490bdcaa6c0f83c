/**
 * Year over year: a new assessment of a system starts from its previous one — the test objects
 * are copied (with their attributes and own control points), last year's results are shown
 * beside the new ones ({@link previousResultsByKey}, matched by requirement and object name) and
 * last year's findings with their rectification state (上次测评问题整改情况:
 * previous-findings.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ValidationError, detail } from '../../errors';
import { decryptNullable } from '../../security/field-crypto';
import type { ItemResultCode } from '../../shared/api-types';
import {
  getAssessment,
  listAssessments,
  listTestObjects,
} from '../../store/repositories/assessments.repository';
import type { AssessmentRow, Database, TestObjectRow } from '../../store/schema';
import type { AppContext } from '../context';
import { baselineOf } from './model';

type Db = Kysely<Database>;

/** When an assessment counts as done: its report date, else when it was created. */
const dateOf = (a: AssessmentRow) => a.report_date ?? a.created_at.slice(0, 10);

/**
 * The assessment a new one of `systemId` starts from: the one named (it must be of the same
 * system and visible to the caller), or with `latest` the system's most recent one; null when
 * neither is asked for.
 */
export async function resolvePrevious(
  db: Db,
  organisationId: string,
  systemIds: readonly string[] | undefined,
  systemId: string,
  ask: {
    previousAssessmentId?: string | null | undefined;
    startFromPrevious?: boolean | undefined;
  },
): Promise<AssessmentRow | null> {
  if (ask.previousAssessmentId) {
    const previous = await getAssessment(db, organisationId, ask.previousAssessmentId, systemIds);
    if (previous.system_id !== systemId) {
      throw new ValidationError({ code: 'previous_assessment.other_system' }, [
        detail('previousAssessmentId', 'previous_assessment.other_system'),
      ]);
    }
    return previous;
  }
  if (!ask.startFromPrevious) return null;
  const rows = await listAssessments(db, organisationId, { systemId, systemIds });
  const latest = [...rows].sort((a, b) => dateOf(b).localeCompare(dateOf(a)))[0];
  if (!latest) {
    throw new ValidationError({ code: 'previous_assessment.none' }, [
      detail('startFromPrevious', 'previous_assessment.none'),
    ]);
  }
  return latest;
}

/**
 * Copies the previous assessment's test objects into the new one: name, kind, description,
 * attributes (IP addresses, OS, …) and own control points — those the new baseline no longer
 * has are dropped (none left: the kind's default). Returns the copied rows.
 */
export async function copyObjects(
  db: Db,
  previous: AssessmentRow,
  target: AssessmentRow,
  now: string,
): Promise<TestObjectRow[]> {
  const known = new Set(baselineOf(target).map((i) => i.controlPointId));
  const objects = await listTestObjects(db, previous.id);
  const copied: TestObjectRow[] = [];
  for (const o of objects) {
    let controlPoints = o.control_points;
    if (controlPoints !== null) {
      const kept = (JSON.parse(controlPoints) as string[]).filter((id) => known.has(id));
      controlPoints = kept.length > 0 ? JSON.stringify(kept) : null;
    }
    const row: TestObjectRow = {
      ...o,
      id: randomUUID(),
      assessment_id: target.id,
      organisation_id: target.organisation_id,
      control_points: controlPoints,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await db.insertInto('test_objects').values(row).execute();
    copied.push(row);
  }
  return copied;
}

export interface PreviousResult {
  readonly result: ItemResultCode;
  readonly record: string | null;
}

/** `${requirementId}\u0000${objectName}` → last time's result; empty without a previous assessment. */
export async function previousResultsByKey(
  ctx: Pick<AppContext, 'cipher'>,
  db: Kysely<Database>,
  assessment: Pick<AssessmentRow, 'organisation_id' | 'previous_assessment_id'>,
): Promise<Map<string, PreviousResult>> {
  const out = new Map<string, PreviousResult>();
  const previousId = assessment.previous_assessment_id;
  if (!previousId) return out;
  const rows = await db
    .selectFrom('assessment_results as r')
    .innerJoin('test_objects as o', 'o.id', 'r.object_id')
    .select([
      'r.assessment_id',
      'r.requirement_id',
      'r.object_id',
      'r.result',
      'r.record_enc',
      'o.name',
    ])
    .where('r.assessment_id', '=', previousId)
    .where('r.organisation_id', '=', assessment.organisation_id)
    .execute();
  for (const r of rows) {
    out.set(`${r.requirement_id}\u0000${r.name}`, {
      result: r.result as ItemResultCode,
      record: decryptNullable(ctx.cipher, r.record_enc, {
        table: 'assessment_results',
        column: 'record_enc',
        rowId: [r.assessment_id, r.requirement_id, r.object_id],
      }),
    });
  }
  return out;
}
