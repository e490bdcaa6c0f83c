/**
 * Loads and validates the free-trade-zone data-export negative lists
 * (src/catalogs/ftz-negative-lists/lists.yaml) that the cross-border engine checks a claimed
 * `ftz_negative_list` exemption against (2024 Provisions Art. 6).
 *
 * Validation is whole-or-nothing and reports every problem with its data path and line: schema,
 * then cross-checks — version and changelog; ids unique; the id's year matching the edition in
 * the title; effectiveFrom not before publication nor before 2024-03-22 (Art. 6 in force);
 * effectiveTo not before effectiveFrom; sectors given in both languages.
 */
import { fileURLToPath } from 'node:url';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import {
  FtzNegativeListsFileSchema,
  type FtzNegativeListRecord,
  type FtzNegativeListsFile,
} from './ftz-negative-lists.schema';
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

export type { FtzNegativeListRecord } from './ftz-negative-lists.schema';

/** The shipped data file, resolved from this module (src/ under tsx, dist/ once built). */
export const DEFAULT_FTZ_LISTS_FILE = fileURLToPath(
  new URL('./ftz-negative-lists/lists.yaml', import.meta.url),
);

/** 2024 Provisions (CAC Order No. 16), Art. 6 included, in force on publication. */
export const FTZ_LISTS_AUTHORISED_FROM = '2024-03-22';

export interface FtzNegativeListCatalog {
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  readonly lists: readonly FtzNegativeListRecord[];
  /** SHA-256 of canonical JSON of the parsed data. */
  readonly sourceHash: string;
}

export type FtzNegativeListCatalogResult =
  | { readonly ok: true; readonly catalog: FtzNegativeListCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads and validates the lists file (default: the shipped one). */
export function loadFtzNegativeLists(
  file: string = DEFAULT_FTZ_LISTS_FILE,
): FtzNegativeListCatalogResult {
  return readCatalogFile(file, 'ftz-negative-lists/lists.yaml', validateFtzNegativeLists);
}

/** Validates the file text (pure; {@link loadFtzNegativeLists} reads the file). */
export function validateFtzNegativeLists(source: YamlSource): FtzNegativeListCatalogResult {
  const parsed = parseYaml(source);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(FtzNegativeListsFileSchema, parsed.data, {
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
      lists: checked.data.lists,
      sourceHash: canonicalJsonHash(checked.data),
    },
  };
}

function crossCheck(data: FtzNegativeListsFile, file: string, locate: Locator): Problem[] {
  const problems: Problem[] = metadataProblems(data).map((p) =>
    problemAt(file, p.path, p.message, locate),
  );
  const ids = new Map<string, number>();
  data.lists.forEach((list, i) => {
    const at = (path: readonly PathSegment[], message: string) =>
      problems.push(problemAt(file, ['lists', i, ...path], message, locate));
    const earlier = ids.get(list.id);
    if (earlier !== undefined)
      at(['id'], `list ${list.id} is listed twice (first at lists[${earlier}])`);
    else ids.set(list.id, i);
    const year = list.id.slice(-4);
    if (!list.titleZh.includes(`${year}版`) && !list.titleZh.includes(`${year}年版`))
      at(['id'], `the id's year ${year} must be the edition in titleZh (${year}版)`);
    if (list.effectiveFrom < list.publishedOn)
      at(['effectiveFrom'], `must not be before publishedOn ${list.publishedOn}`);
    if (list.effectiveFrom < FTZ_LISTS_AUTHORISED_FROM)
      at(
        ['effectiveFrom'],
        `must not be before ${FTZ_LISTS_AUTHORISED_FROM}, when Art. 6 of the 2024 Provisions took effect`,
      );
    if (list.effectiveTo !== null && list.effectiveTo < list.effectiveFrom)
      at(['effectiveTo'], 'must not be before effectiveFrom');
    if (list.sectorsZh.length !== list.sectorsEn.length)
      at(
        ['sectorsEn'],
        `give every sector in both languages (${list.sectorsZh.length} in Chinese, ${list.sectorsEn.length} in English)`,
      );
  });
  return problems;
}

let cached: FtzNegativeListCatalog | undefined;

/**
 * The shipped lists, loaded once per process. Throws with every problem listed if the data is
 * invalid; the catalog test makes sure it never is.
 */
export function shippedFtzCatalog(): FtzNegativeListCatalog {
  if (cached !== undefined) return cached;
  const result = loadFtzNegativeLists();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`the free-trade-zone negative lists are invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}

/** The shipped lists (what the app layer passes to crossBorderPaths). */
export function shippedFtzLists(): readonly FtzNegativeListRecord[] {
  return shippedFtzCatalog().lists;
}

/** The shipped list ids, for validation messages. */
export function ftzListIds(): readonly string[] {
  return shippedFtzLists().map((l) => l.id);
}

/** Whether the list is in effect on `asOf` (ISO dates compare as strings). */
export function ftzListInEffect(list: FtzNegativeListRecord, asOf: string): boolean {
  return list.effectiveFrom <= asOf && (list.effectiveTo === null || asOf <= list.effectiveTo);
}
