/**
 * Loads and validates the filing form's option lists (src/catalogs/filing-form/options.yaml):
 * 隶属关系, 单位类型, 行业类别 (表一) and 业务类型, 服务范围, 服务对象, 覆盖范围, 网络性质, 系统互联情况,
 * 关键产品类型, 系统采用服务情况 (表二), with the form's codes and their public sources.
 *
 * Validation is whole-or-nothing and reports every problem with its data path and line: schema,
 * then cross-checks — version and changelog; source ids unique and every list's sources known;
 * codes and labels unique within a list; exactly one 其他 option per list; 跨 N 个 only on
 * 服务范围.
 */
import { fileURLToPath } from 'node:url';
import {
  FILING_OPTION_LIST_IDS,
  type FilingFormOptions,
  type FilingFormSource,
  type FilingOptionList,
  type FilingOptionListId,
} from '../shared/filing-profile';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import { FilingFormOptionsFileSchema, type FilingFormOptionsFile } from './filing-form.schema';
import {
  checkSchema,
  parseYaml,
  problemAt,
  type Locator,
  type Problem,
  type YamlSource,
  readCatalogFile,
} from './validate';

export type {
  FilingFormOptions,
  FilingOptionList,
  FilingOptionListId,
} from '../shared/filing-profile';

/** The shipped data file, resolved from this module (src/ under tsx, dist/ once built). */
export const DEFAULT_FILING_FORM_OPTIONS_FILE = fileURLToPath(
  new URL('./filing-form/options.yaml', import.meta.url),
);

/** The validated option lists with the catalog's metadata. */
export interface FilingFormCatalog {
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  readonly edition: {
    readonly year: number;
    readonly title: { readonly zh: string; readonly en: string };
    readonly note: { readonly zh: string; readonly en: string };
  };
  readonly sources: readonly FilingFormSource[];
  readonly lists: FilingFormOptions;
  /** SHA-256 of canonical JSON of the parsed data. */
  readonly sourceHash: string;
}

export type FilingFormResult =
  | { readonly ok: true; readonly catalog: FilingFormCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads and validates the option lists file (default: the shipped one). */
export function loadFilingFormOptions(
  file: string = DEFAULT_FILING_FORM_OPTIONS_FILE,
): FilingFormResult {
  return readCatalogFile(file, 'filing-form/options.yaml', validateFilingFormOptions);
}

/** Validates the file text (pure; {@link loadFilingFormOptions} reads the file). */
export function validateFilingFormOptions(source: YamlSource): FilingFormResult {
  const parsed = parseYaml(source);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(FilingFormOptionsFileSchema, parsed.data, {
    file: source.file,
    locate: parsed.locate,
  });
  if (!checked.ok) return checked;
  const problems = crossCheck(checked.data, source.file, parsed.locate);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalog: toCatalog(checked.data) };
}

function crossCheck(data: FilingFormOptionsFile, file: string, locate: Locator): Problem[] {
  const problems: Problem[] = metadataProblems(data).map((p) =>
    problemAt(file, p.path, p.message, locate),
  );
  const sourceIds = new Set<string>();
  data.sources.forEach((source, i) => {
    if (sourceIds.has(source.id))
      problems.push(
        problemAt(file, ['sources', i, 'id'], `source ${source.id} is listed twice`, locate),
      );
    sourceIds.add(source.id);
  });
  if (!sourceIds.has(data.edition.issuedWith))
    problems.push(
      problemAt(
        file,
        ['edition', 'issuedWith'],
        `${data.edition.issuedWith} is not a source id`,
        locate,
      ),
    );
  for (const id of FILING_OPTION_LIST_IDS) {
    const list = data.lists[id];
    list.sources.forEach((sourceId, i) => {
      if (!sourceIds.has(sourceId))
        problems.push(
          problemAt(file, ['lists', id, 'sources', i], `${sourceId} is not a source id`, locate),
        );
    });
    const codes = new Map<string, number>();
    const labels = new Map<string, number>();
    list.options.forEach((option, i) => {
      const at = (field: string, message: string) =>
        problems.push(problemAt(file, ['lists', id, 'options', i, field], message, locate));
      const earlier = codes.get(option.code);
      if (earlier !== undefined)
        at('code', `code ${option.code} is used twice (first at options[${earlier}])`);
      else codes.set(option.code, i);
      const earlierLabel = labels.get(option.zh);
      if (earlierLabel !== undefined)
        at('zh', `${option.zh} is listed twice (first at options[${earlierLabel}])`);
      else labels.set(option.zh, i);
      if (option.counted && id !== 'serviceScope')
        at('counted', '跨 N 个 (counted) belongs to 服务范围 options only');
    });
    const others = list.options.filter((o) => o.other);
    if (others.length !== 1)
      problems.push(
        problemAt(
          file,
          ['lists', id, 'options'],
          `must have exactly one 其他 option (other: true); found ${others.length}`,
          locate,
        ),
      );
  }
  return problems;
}

function toCatalog(data: FilingFormOptionsFile): FilingFormCatalog {
  const sources: FilingFormSource[] = data.sources.map((s) => ({
    id: s.id,
    title: { zh: s.titleZh, en: s.titleEn },
    url: s.url ?? null,
    dated: s.dated ?? null,
    note: s.noteZh !== undefined ? { zh: s.noteZh, en: s.noteEn ?? s.noteZh } : null,
  }));
  const byId = new Map(sources.map((s) => [s.id, s]));
  const lists = Object.fromEntries(
    FILING_OPTION_LIST_IDS.map((id) => {
      const entry = data.lists[id];
      const list: FilingOptionList = {
        label: entry.label,
        formItem: entry.formItem,
        field: entry.field,
        multiple: entry.multiple,
        status: entry.status,
        edition: data.edition.year,
        note:
          entry.noteZh !== undefined
            ? { zh: entry.noteZh, en: entry.noteEn ?? entry.noteZh }
            : null,
        sources: entry.sources.map((sid) => byId.get(sid)!),
        options: entry.options.map((o) => ({
          code: o.code,
          zh: o.zh,
          en: o.en,
          other: o.other === true,
          counted: o.counted === true,
        })),
      };
      return [id, list];
    }),
  ) as FilingFormOptions;
  return {
    version: data.version,
    changelog: data.changelog,
    edition: {
      year: data.edition.year,
      title: { zh: data.edition.titleZh, en: data.edition.titleEn },
      note: { zh: data.edition.noteZh, en: data.edition.noteEn },
    },
    sources,
    lists,
    sourceHash: canonicalJsonHash(data),
  };
}

let cached: FilingFormCatalog | undefined;

/**
 * The shipped option lists, loaded once per process. Throws with every problem listed if the
 * data is invalid; the catalog test makes sure it never is.
 */
export function shippedFilingFormCatalog(): FilingFormCatalog {
  if (cached !== undefined) return cached;
  const result = loadFilingFormOptions();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`filing form option lists are invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}

/** The option lists of the filing form, validated at load (first import). */
export const FILING_FORM_OPTIONS: FilingFormOptions = shippedFilingFormCatalog().lists;

/** The public sources of the option lists. */
export const FILING_FORM_SOURCES: readonly FilingFormSource[] = shippedFilingFormCatalog().sources;

/** The label of option `code` of list `listId` in `lang`, or undefined for a code the list lacks. */
export function optionLabel(
  listId: FilingOptionListId,
  code: string,
  lang: 'zh' | 'en',
): string | undefined {
  return FILING_FORM_OPTIONS[listId].options.find((o) => o.code === code)?.[lang];
}

/** Whether `code` is the 其他 option of `listId` (whose answer needs the text of what it is). */
export function isOtherOption(listId: FilingOptionListId, code: string): boolean {
  return FILING_FORM_OPTIONS[listId].options.some((o) => o.code === code && o.other);
}
