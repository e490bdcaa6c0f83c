/**
 * Loads and validates the penalty provisions (src/catalogs/penalties/penalties.yaml) that the
 * personal-information duties point at (issue 16 part 7): PIPL Art. 66, DSL Art. 45, NDS
 * Regulations Arts. 55–57, each with its tiers and the days its text was in force.
 *
 * Validation is whole-or-nothing and reports every problem with its data path and line: schema,
 * then cross-checks — version and changelog; ids unique and naming their article (and
 * paragraph); fine bounds ordered; the heavier tier not lighter than the first; in-force dates
 * ordered; texts given in both languages.
 */
import { fileURLToPath } from 'node:url';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import {
  PenaltiesFileSchema,
  type IndividualSanction,
  type OrganisationSanction,
  type PenaltiesFile,
  type PenaltyEntryRecord,
} from './penalties.schema';
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

export type {
  IndividualSanction,
  OrganisationSanction,
  PenaltyEntryRecord as PenaltyProvision,
} from './penalties.schema';

/** The shipped data file, resolved from this module (src/ under tsx, dist/ once built). */
export const DEFAULT_PENALTIES_FILE = fileURLToPath(
  new URL('./penalties/penalties.yaml', import.meta.url),
);

export interface PenaltyCatalog {
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  readonly penalties: readonly PenaltyEntryRecord[];
  /** SHA-256 of canonical JSON of the parsed data. */
  readonly sourceHash: string;
}

export type PenaltyCatalogResult =
  | { readonly ok: true; readonly catalog: PenaltyCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads and validates the penalties file (default: the shipped one). */
export function loadPenalties(file: string = DEFAULT_PENALTIES_FILE): PenaltyCatalogResult {
  return readCatalogFile(file, 'penalties/penalties.yaml', validatePenalties);
}

/** Validates the file text (pure; {@link loadPenalties} reads the file). */
export function validatePenalties(source: YamlSource): PenaltyCatalogResult {
  const parsed = parseYaml(source);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(PenaltiesFileSchema, parsed.data, {
    file: source.file,
    locate: parsed.locate,
  });
  if (!checked.ok) return checked;
  const problems = crossCheck(checked.data, source.file, parsed.locate);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    catalog: {
      version: checked.data.version,
      changelog: checked.data.changelog,
      penalties: checked.data.penalties,
      sourceHash: canonicalJsonHash(checked.data),
    },
  };
}

/** The highest fine of a tier, for comparing tiers (turnover caps count as above any sum). */
const ceiling = (o: OrganisationSanction) =>
  o.turnoverPercentMax !== null ? Number.POSITIVE_INFINITY : (o.fineMaxCny ?? 0);

function crossCheck(data: PenaltiesFile, file: string, locate: Locator): Problem[] {
  const problems: Problem[] = metadataProblems(data).map((p) =>
    problemAt(file, p.path, p.message, locate),
  );
  const ids = new Map<string, number>();
  data.penalties.forEach((entry, i) => {
    const at = (path: readonly PathSegment[], message: string) =>
      problems.push(problemAt(file, ['penalties', i, ...path], message, locate));
    const earlier = ids.get(entry.id);
    if (earlier !== undefined)
      at(['id'], `penalty ${entry.id} is listed twice (first at penalties[${earlier}])`);
    else ids.set(entry.id, i);

    // The id names the article and (when given) the paragraph: pipl-66-1 = art-66 ¶1.
    const article = /^art-(\d+)$/.exec(entry.provisionId)?.[1];
    const expected =
      article === undefined
        ? undefined
        : entry.paragraph === null
          ? `-${article}`
          : `-${article}-${entry.paragraph}`;
    if (expected === undefined) at(['provisionId'], 'must be an article such as art-66');
    else if (!entry.id.endsWith(expected))
      at(
        ['id'],
        `must end with "${expected}" (article ${article}${entry.paragraph ? ` ¶${entry.paragraph}` : ''})`,
      );

    if (entry.inForceTo !== null && entry.inForceTo < entry.inForceFrom)
      at(['inForceTo'], 'must not be before inForceFrom');
    checkOrganisation(entry.organisation, ['organisation'], at);
    checkIndividual(entry.individual, ['individual'], at);
    if ((entry.tierNoteZh === undefined) !== (entry.tierNoteEn === undefined))
      at(
        [entry.tierNoteZh === undefined ? 'tierNoteZh' : 'tierNoteEn'],
        'give the note in both languages',
      );
    if (entry.escalated !== null) {
      checkOrganisation(entry.escalated.organisation, ['escalated', 'organisation'], at);
      checkIndividual(entry.escalated.individual, ['escalated', 'individual'], at);
      if (ceiling(entry.escalated.organisation) < ceiling(entry.organisation))
        at(
          ['escalated', 'organisation', 'fineMaxCny'],
          'the heavier tier must not cap lower than the first',
        );
      const first = entry.individual?.fineMaxCny ?? 0;
      const heavier = entry.escalated.individual?.fineMaxCny ?? 0;
      if (heavier < first)
        at(
          ['escalated', 'individual'],
          'the heavier tier must not fine individuals less than the first',
        );
    }
  });
  return problems;
}

type At = (path: readonly PathSegment[], message: string) => void;

function checkOrganisation(o: OrganisationSanction, path: PathSegment[], at: At) {
  if (o.fineMinCny !== null && o.fineMaxCny !== null && o.fineMinCny > o.fineMaxCny)
    at([...path, 'fineMinCny'], 'must not exceed fineMaxCny');
  if (o.fineMinCny !== null && o.fineMaxCny === null && o.turnoverPercentMax === null)
    at([...path, 'fineMaxCny'], 'a fine with a lower bound needs an upper bound');
  if (o.fineOptional && o.fineMaxCny === null && o.turnoverPercentMax === null)
    at([...path, 'fineOptional'], 'no fine in this tier, so it cannot be optional');
  if ((o.otherMeasuresZh === undefined) !== (o.otherMeasuresEn === undefined))
    at(
      [...path, o.otherMeasuresZh === undefined ? 'otherMeasuresZh' : 'otherMeasuresEn'],
      'give the measures in both languages',
    );
}

function checkIndividual(o: IndividualSanction | null, path: PathSegment[], at: At) {
  if (o === null) return;
  if (o.fineMinCny !== null && o.fineMaxCny !== null && o.fineMinCny > o.fineMaxCny)
    at([...path, 'fineMinCny'], 'must not exceed fineMaxCny');
  if ((o.banZh === undefined) !== (o.banEn === undefined))
    at([...path, o.banZh === undefined ? 'banZh' : 'banEn'], 'give the ban in both languages');
}

let cached: PenaltyCatalog | undefined;
let cachedById: ReadonlyMap<string, PenaltyEntryRecord> | undefined;

/**
 * The shipped penalties, loaded once per process. Throws with every problem listed if the data
 * is invalid; the catalog test makes sure it never is.
 */
export function shippedPenaltyCatalog(): PenaltyCatalog {
  if (cached !== undefined) return cached;
  const result = loadPenalties();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`the penalty provisions are invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}

/** The shipped penalty provisions by id (e.g. `pipl-66-1`, `nds-55`). */
export function penaltiesById(): ReadonlyMap<string, PenaltyEntryRecord> {
  cachedById ??= new Map(shippedPenaltyCatalog().penalties.map((p) => [p.id, p]));
  return cachedById;
}

/** Whether the penalty's text was in force on `asOf` (ISO dates compare as strings). */
export function penaltyInForce(penalty: PenaltyEntryRecord, asOf: string): boolean {
  return penalty.inForceFrom <= asOf && (penalty.inForceTo === null || asOf <= penalty.inForceTo);
}
