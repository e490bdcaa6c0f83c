/**
 * Loads and validates the incident grading criteria (src/catalogs/incident-grading/criteria.yaml)
 * that src/domain/data-security/incident-grading.ts grades measured effects against (annex of the
 * 2025 incident-reporting Measures), and the incident classes of GB/T 20986-2023.
 *
 * Validation is whole-or-nothing, every problem with its data path and line: schema, then
 * cross-checks — version and changelog; ids unique; final-2025 criteria only confirmed, draft ones
 * never confirmed (the final wording of the lower tiers is not verified); for each measure, the
 * threshold rising strictly with the grade; every incident class of the wire enum named once.
 */
import { fileURLToPath } from 'node:url';
import type { Citation } from '../domain/citation';
import type { IncidentCriterion } from '../domain/data-security/types';
import { INCIDENT_MEASURES_2025, GBT_20986 } from '../domain/data-security/citations';
import {
  INCIDENT_GRADES,
  INCIDENT_TYPES,
  type IncidentGrade,
} from '../shared/data-security-schemas';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import {
  IncidentGradingFileSchema,
  type IncidentGradingFile,
  type IncidentTypeRecord,
} from './incident-grading.schema';
import {
  checkSchema,
  parseYaml,
  problemAt,
  readCatalogFile,
  type Locator,
  type PathSegment,
  type Problem,
  type YamlSource,
} from './validate';

export const DEFAULT_INCIDENT_GRADING_FILE = fileURLToPath(
  new URL('./incident-grading/criteria.yaml', import.meta.url),
);

/** A criterion as the catalog ships it: the domain type plus what it cites. */
export interface IncidentGradingCriterion extends IncidentCriterion {
  readonly citation: Citation;
}

export interface IncidentGradingCatalog {
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  readonly criteria: readonly IncidentGradingCriterion[];
  readonly types: readonly IncidentTypeRecord[];
  readonly typesProvenance: 'confirmed' | 'derived' | 'unverified';
  readonly typesCitation: Citation;
  readonly sourceHash: string;
}

export type IncidentGradingCatalogResult =
  | { readonly ok: true; readonly catalog: IncidentGradingCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function loadIncidentGrading(
  file: string = DEFAULT_INCIDENT_GRADING_FILE,
): IncidentGradingCatalogResult {
  return readCatalogFile(file, 'incident-grading/criteria.yaml', validateIncidentGrading);
}

/** Validates the file text (pure; {@link loadIncidentGrading} reads the file). */
export function validateIncidentGrading(source: YamlSource): IncidentGradingCatalogResult {
  const parsed = parseYaml(source);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(IncidentGradingFileSchema, parsed.data, {
    file: source.file,
    locate: parsed.locate,
  });
  if (!checked.ok) return checked;
  const problems = crossCheck(checked.data, source.file, parsed.locate);
  if (problems.length > 0) return { ok: false, problems };
  const data = checked.data;
  return {
    ok: true,
    catalog: {
      version: data.version,
      changelog: data.changelog,
      criteria: data.criteria.map((c) => ({ ...c, citation: INCIDENT_MEASURES_2025.gradingGuide })),
      types: data.types,
      typesProvenance: data.typesProvenance,
      typesCitation: GBT_20986,
      sourceHash: canonicalJsonHash(data),
    },
  };
}

const rank = (g: IncidentGrade) => INCIDENT_GRADES.indexOf(g);

function crossCheck(data: IncidentGradingFile, file: string, locate: Locator): Problem[] {
  const problems: Problem[] = metadataProblems(data).map((p) =>
    problemAt(file, p.path, p.message, locate),
  );
  const at = (path: readonly PathSegment[], message: string) =>
    problems.push(problemAt(file, path, message, locate));
  const ids = new Map<string, number>();
  data.criteria.forEach((c, i) => {
    const first = ids.get(c.id);
    if (first !== undefined)
      at(['criteria', i, 'id'], `${c.id} is listed twice (first at criteria[${first}])`);
    else ids.set(c.id, i);
    if (c.source === 'final-2025' && c.provenance !== 'confirmed')
      at(
        ['criteria', i, 'provenance'],
        'a final-2025 criterion is text read from the final annex: confirmed',
      );
    if (c.source === 'draft-2023' && c.provenance === 'confirmed')
      at(
        ['criteria', i, 'provenance'],
        'a draft-2023 criterion cannot be confirmed as the law in force (the final wording is not verified)',
      );
  });
  // For each measure: a higher grade needs a strictly larger value.
  const byMeasure = new Map<string, { grade: IncidentGrade; atLeast: number; i: number }[]>();
  data.criteria.forEach((c, i) => {
    if (!c.measure) return;
    const list = byMeasure.get(c.measure.key) ?? [];
    list.push({ grade: c.grade, atLeast: c.measure.atLeast, i });
    byMeasure.set(c.measure.key, list);
  });
  for (const [key, list] of byMeasure)
    for (const a of list)
      for (const b of list)
        if (rank(a.grade) < rank(b.grade) && a.atLeast <= b.atLeast)
          at(
            ['criteria', a.i, 'measure', 'atLeast'],
            `${key}: the ${a.grade} threshold ${a.atLeast} must be above the ${b.grade} one (${b.atLeast})`,
          );
        else if (a.i < b.i && a.grade === b.grade)
          at(['criteria', b.i, 'measure'], `${key} has two ${a.grade} thresholds`);
  const seen = new Set<string>();
  data.types.forEach((t, i) => {
    if (seen.has(t.id)) at(['types', i, 'id'], `${t.id} is listed twice`);
    seen.add(t.id);
  });
  for (const id of INCIDENT_TYPES)
    if (!seen.has(id)) at(['types'], `incident class ${id} has no names`);
  return problems;
}

let cached: IncidentGradingCatalog | undefined;

/** The shipped criteria, loaded once per process; throws with every problem if invalid. */
export function shippedIncidentGrading(): IncidentGradingCatalog {
  if (cached !== undefined) return cached;
  const result = loadIncidentGrading();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`the incident grading criteria are invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}

/** The shipped criteria (what the app layer passes to the grading engine). */
export function shippedIncidentCriteria(): readonly IncidentGradingCriterion[] {
  return shippedIncidentGrading().criteria;
}
