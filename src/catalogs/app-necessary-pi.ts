/**
 * Loads and validates the app necessary-information catalog (src/catalogs/app-necessary-pi/
 * types.yaml): the 39 common app types of the 2021 rules (常见类型移动互联网应用程序必要个人信息
 * 范围规定) with their basic function and necessary items, the requirements an app check flags
 * and the enforcement practice behind the exposure.
 *
 * Validation is whole-or-nothing and reports every problem with its data path and line: schema,
 * then cross-checks — version and changelog; ids unique; types numbered 1, 2, 3 … in order; every
 * item a type names is defined and every defined item used; each item's data category exists in
 * src/catalogs/pi-categories; a type needing no personal information names no item; conditions
 * given in both languages; the requirements the checks rely on all there; every citation of the
 * app rules is one of the APP_RULES constants (src/domain/data-security/citations.ts).
 */
import { fileURLToPath } from 'node:url';
import { APP_RULES } from '../domain/data-security/citations';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import {
  AppNecessaryPiFileSchema,
  type AppEnforcement,
  type AppNecessaryPiFile,
  type AppPiItem,
  type AppRequirement,
  type AppType,
} from './app-necessary-pi.schema';
import { piCategoriesByCode } from './pi-categories';
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

export type { AppEnforcement, AppPiItem, AppRequirement, AppType } from './app-necessary-pi.schema';

/** The shipped data file, resolved from this module (src/ under tsx, dist/ once built). */
export const DEFAULT_APP_NECESSARY_PI_FILE = fileURLToPath(
  new URL('./app-necessary-pi/types.yaml', import.meta.url),
);

/** The requirement ids the app checks flag (src/domain/data-security/app-checks.ts). */
export const APP_REQUIREMENT_IDS = [
  'over_collection',
  'basic_function_refused',
  'collection_before_consent',
  'sdk_undisclosed',
  'no_privacy_policy',
  'notice_incomplete',
  'item_not_disclosed',
  'sensitive_permission_no_purpose',
  'permission_without_function',
  'repeated_prompts',
  'bundled_consent',
  'no_withdrawal',
  'no_account_deletion',
  'no_personalisation_opt_out',
  'type_not_assessed',
] as const;
export type AppRequirementId = (typeof APP_REQUIREMENT_IDS)[number];

/** The instruments whose citations must be APP_RULES constants. */
const APP_RULE_INSTRUMENTS = new Set(Object.values(APP_RULES).map((c) => c.instrumentId));
const APP_RULE_KEYS = new Set(
  Object.values(APP_RULES).map((c) => `${c.instrumentId}#${c.provisionId ?? ''}`),
);

export interface AppNecessaryPiCatalog {
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  readonly items: readonly AppPiItem[];
  readonly types: readonly AppType[];
  readonly requirements: readonly AppRequirement[];
  readonly enforcement: readonly AppEnforcement[];
  /** SHA-256 of canonical JSON of the parsed data. */
  readonly sourceHash: string;
}

export type AppNecessaryPiResult =
  | { readonly ok: true; readonly catalog: AppNecessaryPiCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads and validates the catalog file (default: the shipped one). */
export function loadAppNecessaryPi(
  file: string = DEFAULT_APP_NECESSARY_PI_FILE,
  piCategoryCodes: ReadonlySet<string> = new Set(piCategoriesByCode().keys()),
): AppNecessaryPiResult {
  return readCatalogFile(file, 'app-necessary-pi/types.yaml', (source) =>
    validateAppNecessaryPi(source, piCategoryCodes),
  );
}

/** Validates the file text against the known data-category codes (pure). */
export function validateAppNecessaryPi(
  source: YamlSource,
  piCategoryCodes: ReadonlySet<string>,
): AppNecessaryPiResult {
  const parsed = parseYaml(source);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(AppNecessaryPiFileSchema, parsed.data, {
    file: source.file,
    locate: parsed.locate,
  });
  if (!checked.ok) return checked;
  const problems = crossCheck(checked.data, source.file, parsed.locate, piCategoryCodes);
  if (problems.length > 0) return { ok: false, problems };
  const { version, changelog, items, types, requirements, enforcement } = checked.data;
  return {
    ok: true,
    catalog: {
      version,
      changelog,
      items,
      types,
      requirements,
      enforcement,
      sourceHash: canonicalJsonHash(checked.data),
    },
  };
}

function crossCheck(
  data: AppNecessaryPiFile,
  file: string,
  locate: Locator,
  piCategoryCodes: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = metadataProblems(data).map((p) =>
    problemAt(file, p.path, p.message, locate),
  );
  const at = (path: readonly PathSegment[], message: string) =>
    problems.push(problemAt(file, path, message, locate));
  const unique = (list: 'items' | 'types' | 'requirements' | 'enforcement') => {
    const seen = new Map<string, number>();
    data[list].forEach((entry, i) => {
      const first = seen.get(entry.id);
      if (first !== undefined)
        at([list, i, 'id'], `${entry.id} is listed twice (first at ${list}[${first}])`);
      else seen.set(entry.id, i);
    });
    return seen;
  };
  const items = unique('items');
  unique('types');
  const requirements = unique('requirements');
  unique('enforcement');

  data.items.forEach((item, i) => {
    if (item.piCategory !== null && !piCategoryCodes.has(item.piCategory))
      at(['items', i, 'piCategory'], `${item.piCategory} is not a data category (pi-categories)`);
  });
  const used = new Set<string>();
  data.types.forEach((type, i) => {
    if (type.number !== i + 1)
      at(['types', i, 'number'], `must be ${i + 1}: types follow Art. 5 in order`);
    if (type.noPersonalInformationNeeded && type.items.length > 0)
      at(['types', i, 'items'], 'a type needing no personal information names no item');
    if (!type.noPersonalInformationNeeded && type.items.length === 0)
      at(['types', i, 'items'], 'name the necessary items, or set noPersonalInformationNeeded');
    const mine = new Set<string>();
    type.items.forEach((entry, j) => {
      used.add(entry.item);
      if (!items.has(entry.item))
        at(['types', i, 'items', j, 'item'], `${entry.item} is not an item of this catalog`);
      if (mine.has(entry.item))
        at(['types', i, 'items', j, 'item'], `${entry.item} is named twice`);
      mine.add(entry.item);
      if ((entry.conditionZh === undefined) !== (entry.conditionEn === undefined))
        at(
          ['types', i, 'items', j],
          'give the condition in both languages (conditionZh and conditionEn)',
        );
    });
  });
  data.items.forEach((item, i) => {
    if (!used.has(item.id)) at(['items', i, 'id'], `${item.id} is not named by any type`);
  });
  for (const required of APP_REQUIREMENT_IDS)
    if (!requirements.has(required))
      at(['requirements'], `the requirement ${required} the app checks flag is missing`);
  data.requirements.forEach((req, i) => {
    req.citations.forEach((c, j) => {
      if (
        APP_RULE_INSTRUMENTS.has(c.instrumentId) &&
        !APP_RULE_KEYS.has(`${c.instrumentId}#${c.provisionId}`)
      )
        at(
          ['requirements', i, 'citations', j],
          `${c.instrumentId} ${c.provisionId} is not one of the APP_RULES citations (src/domain/data-security/citations.ts)`,
        );
    });
  });
  return problems;
}

let cached: AppNecessaryPiCatalog | undefined;

/**
 * The shipped catalog, loaded once per process. Throws with every problem listed if the data is
 * invalid; the catalog test makes sure it never is.
 */
export function shippedAppNecessaryPi(): AppNecessaryPiCatalog {
  if (cached !== undefined) return cached;
  const result = loadAppNecessaryPi();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`the app necessary-information catalog is invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}

/** The catalog as clients show it (`GET /api/catalog/app-necessary-pi`). */
export function appNecessaryPiForClients(catalog: AppNecessaryPiCatalog = shippedAppNecessaryPi()) {
  const itemsById = new Map(catalog.items.map((i) => [i.id, i]));
  return {
    version: catalog.version,
    changelog: catalog.changelog,
    items: catalog.items,
    types: catalog.types.map((t) => ({
      ...t,
      items: t.items.map((entry) => ({ ...entry, ...itemsById.get(entry.item)! })),
    })),
    requirements: catalog.requirements,
    enforcement: catalog.enforcement,
  };
}

/** The shipped catalog with the sensitive data categories: what checkApp takes. */
export function shippedAppCheckCatalog(): AppNecessaryPiCatalog & {
  readonly sensitiveCategories: ReadonlySet<string>;
} {
  const sensitiveCategories = new Set(
    [...piCategoriesByCode().values()].filter((c) => c.piplClass !== null).map((c) => c.code),
  );
  return { ...shippedAppNecessaryPi(), sensitiveCategories };
}
