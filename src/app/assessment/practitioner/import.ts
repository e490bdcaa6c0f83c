/**
 * Importing an assessor's own workbook (any layout with the usual columns, one sheet per test
 * object): a preview first (per sheet: the object it becomes or writes to, rows matched, rows
 * not matched and why, problems), then, on commit, everything in one transaction with its audit
 * entries — new objects with their attributes and requirement sets, and the results — or nothing.
 *
 * Results for objects that already exist follow the Excel import's rules: rows identical to what
 * is stored are not rewritten (their review stays), changed rows are updated only where the
 * stored version is still the one read.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ValidationError, detail, type ErrorDetail } from '../../../errors';
import { decryptNullable, encryptNullable } from '../../../security/field-crypto';
import type { TestObjectKind } from '../../../shared/assessment-vocabulary';
import type {
  PractitionerImportDto,
  PractitionerNoteDto,
  PractitionerSheetDto,
} from '../../../shared/practitioner-import';
import { say } from '../../../shared/vocabulary';
import { readSpreadsheet, type Workbook } from '../../../spreadsheet/reader';
import { at } from '../../../spreadsheet/types';
import {
  getAssessment,
  insertResults,
  listResults,
  listTestObjects,
  touchAssessment,
  updateResults,
  type ResultUpdate,
} from '../../../store/repositories/assessments.repository';
import type { AssessmentResultRow, AssessmentRow, TestObjectRow } from '../../../store/schema';
import { inScope, type OrgScope } from '../../access';
import { audited, rowChanges, type Actor } from '../../actor';
import type { AppContext } from '../../context';
import { editable } from '../commands';
import { baselineOf, controlPointsOf } from '../model';
import { detectSheet, HEADER_SCAN_ROWS, type DetectedSheet } from './detect';
import { matchWorkbook, type Note, type PractitionerMatch } from './match';

export interface PractitionerImportOptions {
  /** Only preview: nothing is written. */
  readonly dryRun?: boolean;
  /** Leave out rows that could not be matched (else they refuse the import). */
  readonly skipUnmatched?: boolean;
  /** Kinds chosen by the user for the objects to create, by sheet name. */
  readonly kinds?: Readonly<Record<string, string>>;
}

/** The `kinds` query parameter: a JSON object sheet name → kind (checked against the file later). */
export function parseKinds(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((v) => typeof v !== 'string')
  ) {
    throw new ValidationError({ code: 'practitioner.kinds_invalid' }, [
      detail('kinds', 'practitioner.kinds_invalid'),
    ]);
  }
  return parsed as Record<string, string>;
}

/** An Excel 97–2003 file starts with the OLE2 compound-document signature. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Reads the upload (bounded) and what each sheet says; .xls is refused with a clear message. */
export async function readPractitionerWorkbook(buffer: Buffer): Promise<DetectedSheet[]> {
  if (buffer.length >= OLE2.length && buffer.subarray(0, OLE2.length).equals(OLE2)) {
    throw new ValidationError({ code: 'practitioner.xls_refused' }, [
      detail('file', 'practitioner.xls_refused'),
    ]);
  }
  const book: Workbook = await readSpreadsheet(buffer);
  const sheets = book.sheets.map((s) => detectSheet(s));
  if (!sheets.some((s) => s.status === 'items')) {
    throw new ValidationError(
      { code: 'practitioner.no_sheets', params: { rows: HEADER_SCAN_ROWS } },
      [detail('file', 'practitioner.no_sheets', { rows: HEADER_SCAN_ROWS })],
    );
  }
  return sheets;
}

/** The match of a file against the assessment and its objects as they are now. */
function matchAgainst(
  sheets: readonly DetectedSheet[],
  assessment: AssessmentRow,
  objects: readonly TestObjectRow[],
  kinds: Readonly<Record<string, string>> | undefined,
): PractitionerMatch {
  return matchWorkbook({
    sheets,
    baseline: baselineOf(assessment),
    level: assessment.level,
    objects: objects.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind as TestObjectKind,
      controlPoints: controlPointsOf(o),
    })),
    ...(kinds ? { kinds } : {}),
  });
}

/**
 * A practitioner workbook matched against an assessment (within the caller's scope), without
 * writing: for features that read it otherwise, e.g. the standard's wording per requirement
 * (`wordingFromWorkbook(parsed)`; the level is `parsed.level`).
 */
export async function parsePractitionerWorkbook(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  buffer: Buffer,
): Promise<PractitionerMatch> {
  const { organisationId, systemIds } = inScope(within);
  const assessment = await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
  const sheets = await readPractitionerWorkbook(buffer);
  return matchAgainst(
    sheets,
    assessment,
    await listTestObjects(ctx.store.db, assessmentId),
    undefined,
  );
}

/**
 * Preview (dryRun) or import a practitioner workbook. A preview never writes and answers even
 * when there are problems (they are in the answer); a commit refuses (400) any file with
 * problems, or with unmatched rows unless `skipUnmatched`, naming each sheet, row and column.
 */
export async function practitionerImportCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  buffer: Buffer,
  options: PractitionerImportOptions = {},
): Promise<PractitionerImportDto> {
  const { organisationId, systemIds } = inScope(within);
  // 404 / 409 before reading a large file.
  await editable(ctx.store.db, organisationId, assessmentId, systemIds);
  const sheets = await readPractitionerWorkbook(buffer);

  if (options.dryRun) {
    const assessment = await editable(ctx.store.db, organisationId, assessmentId, systemIds);
    const objects = await listTestObjects(ctx.store.db, assessmentId);
    return present(matchAgainst(sheets, assessment, objects, options.kinds), true, null);
  }

  const digest = createHash('sm3').update(buffer).digest('hex');
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await editable(trx, organisationId, assessmentId, systemIds);
    const objects = await listTestObjects(trx, assessmentId);
    const match = matchAgainst(sheets, assessment, objects, options.kinds);
    const problems = problemDetails(match);
    if (problems.length > 0) {
      throw new ValidationError(
        { code: 'practitioner.problems', params: { count: problems.length } },
        problems,
      );
    }
    const unmatched = unmatchedDetails(match);
    if (unmatched.length > 0 && !options.skipUnmatched) {
      throw new ValidationError(
        { code: 'practitioner.unmatched', params: { count: unmatched.length } },
        unmatched,
      );
    }

    // New objects, in sheet order after the existing ones.
    let position = objects.reduce((max, o) => Math.max(max, o.position), 0);
    const objectIdBySheet = new Map<string, string>();
    const newObjects: TestObjectRow[] = [];
    for (const sheet of match.sheets) {
      const object = sheet.object;
      if (!object) continue;
      if (object.existingId) {
        objectIdBySheet.set(sheet.name, object.existingId);
        continue;
      }
      position += 1;
      const row: TestObjectRow = {
        id: randomUUID(),
        assessment_id: assessmentId,
        organisation_id: organisationId,
        name: object.name,
        kind: object.kind,
        description: null,
        attributes: JSON.stringify(object.attributes),
        control_points: object.controlPoints ? JSON.stringify(object.controlPoints) : null,
        position,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      newObjects.push(row);
      objectIdBySheet.set(sheet.name, row.id);
    }
    for (let i = 0; i < newObjects.length; i += 200) {
      await trx
        .insertInto('test_objects')
        .values(newObjects.slice(i, i + 200))
        .execute();
    }
    for (const row of newObjects) {
      await audit({
        organisationId,
        action: 'assessment.object.create',
        entityType: 'test_object',
        entityId: row.id,
        changes: rowChanges(null, row),
      });
    }

    // Results: new where none is stored, updated where different, identical ones left alone.
    const existingIds = new Set(objects.map((o) => o.id));
    const stored = new Map<string, AssessmentResultRow>();
    if (match.sheets.some((s) => s.object?.existingId)) {
      for (const r of await listResults(trx, assessmentId)) {
        if (existingIds.has(r.object_id)) stored.set(`${r.requirement_id}\u0000${r.object_id}`, r);
      }
    }
    const creates: AssessmentResultRow[] = [];
    const updates: ResultUpdate[] = [];
    let unchanged = 0;
    for (const sheet of match.sheets) {
      const objectId = objectIdBySheet.get(sheet.name);
      if (!objectId) continue;
      for (const row of sheet.matched) {
        if (row.result === null) continue;
        const rowId = [assessmentId, row.item.id, objectId];
        const recordAt = { table: 'assessment_results', column: 'record_enc', rowId };
        const reasonAt = { table: 'assessment_results', column: 'reason_enc', rowId };
        const current = stored.get(`${row.item.id}\u0000${objectId}`);
        if (
          current &&
          current.result === row.result &&
          decryptNullable(ctx.cipher, current.record_enc, recordAt) === row.record &&
          decryptNullable(ctx.cipher, current.reason_enc, reasonAt) === row.reason
        ) {
          unchanged += 1;
          continue;
        }
        const values = {
          assessment_id: assessmentId,
          requirement_id: row.item.id,
          object_id: objectId,
          organisation_id: organisationId,
          result: row.result,
          record_enc: encryptNullable(ctx.cipher, row.record, recordAt),
          reason_enc: encryptNullable(ctx.cipher, row.reason, reasonAt),
          recorded_by: actor.label,
          recorded_at: now,
        };
        if (current) updates.push({ ...values, expected: current.version });
        else creates.push({ ...values, reviewed_by: null, reviewed_at: null, version: 1 });
      }
    }
    await insertResults(trx, creates);
    await updateResults(trx, assessmentId, actor.label, now, updates);
    const written = {
      objectsCreated: newObjects.length,
      created: creates.length,
      updated: updates.length,
      unchanged,
      unmatchedLeftOut: unmatched.length,
    };
    if (newObjects.length + creates.length + updates.length > 0) {
      await touchAssessment(trx, assessmentId, now);
    }
    await audit({
      organisationId,
      action: 'assessment.results.import',
      entityType: 'assessment',
      entityId: assessmentId,
      changes: {
        file: { before: null, after: { sm3: digest, bytes: buffer.length, layout: 'auto' } },
        counts: { before: null, after: written },
        objects: { before: null, after: newObjects.map((o) => o.name) },
      },
    });
    return present(match, false, written);
  });
}

const noteDto = (n: Note): PractitionerNoteDto => ({
  row: n.row,
  column: n.column,
  code: n.code,
  params: { ...n.params },
  message: say(n.code, n.params, 'en'),
});

const place = (sheet: string, n: Note) => at(sheet, n.row ?? undefined, n.column ?? undefined);

function problemDetails(match: PractitionerMatch): ErrorDetail[] {
  return [
    ...match.problems.map((n) => detail('file', n.code, n.params)),
    ...match.sheets.flatMap((s) =>
      s.problems.map((n) => detail(place(s.name, n), n.code, n.params)),
    ),
  ];
}

function unmatchedDetails(match: PractitionerMatch): ErrorDetail[] {
  return match.sheets.flatMap((s) =>
    s.unmatched.map((n) => detail(place(s.name, n), n.code, n.params)),
  );
}

/** The answer: per sheet, then totals. */
export function present(
  match: PractitionerMatch,
  dryRun: boolean,
  written: PractitionerImportDto['written'],
): PractitionerImportDto {
  const sheets: PractitionerSheetDto[] = match.sheets.map((s) => ({
    sheet: s.name,
    status: s.status,
    headerRow: s.headerRow,
    columns: { ...s.columns },
    object: s.object
      ? {
          ...s.object,
          attributes: { ...s.object.attributes, ipAddresses: [...s.object.attributes.ipAddresses] },
          controlPoints: s.object.controlPoints ? [...s.object.controlPoints] : null,
        }
      : null,
    rows: s.rows,
    matched: s.matched.length,
    results: s.matched.filter((m) => m.result !== null).length,
    unmatched: s.unmatched.map(noteDto),
    warnings: s.warnings.map(noteDto),
    problems: s.problems.map(noteDto),
  }));
  const sum = (f: (s: PractitionerSheetDto) => number) => sheets.reduce((n, s) => n + f(s), 0);
  return {
    layout: 'auto',
    dryRun,
    level: match.level,
    sheets,
    problems: match.problems.map(noteDto),
    totals: {
      sheets: sheets.filter((s) => s.status === 'items').length,
      rows: sum((s) => s.rows),
      matched: sum((s) => s.matched),
      results: sum((s) => s.results),
      unmatched: sum((s) => s.unmatched.length),
      problems: sum((s) => s.problems.length) + match.problems.length,
      warnings: sum((s) => s.warnings.length),
      objectsToCreate: sheets.filter((s) => s.object && !s.object.existingId).length,
    },
    written,
  };
}

export { wordingFromWorkbook, type PractitionerMatch } from './match';
