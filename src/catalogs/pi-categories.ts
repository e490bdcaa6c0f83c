/**
 * Loads and validates the sensitive-information classifier (src/catalogs/pi-categories/
 * categories.yaml): the data categories an activity of the processing register names, with
 * their PIPL Art. 28 class and GB/T 35273-2020 Annex B flag.
 *
 * Validation is whole-or-nothing and reports every problem with its data path and line: schema,
 * then cross-checks — version and changelog; codes and Chinese labels unique; a category with a
 * PIPL class cites PIPL Art. 28; a category flagged by GB/T 35273 cites its Annex B; the
 * categories dengbao's rules and examples name are all there.
 */
import { fileURLToPath } from 'node:url';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import {
  PIPL_SENSITIVE_CLASS_LABELS,
  PiCategoriesFileSchema,
  type PiCategoriesFile,
  type PiCategory,
} from './pi-categories.schema';
import {
  checkSchema,
  parseYaml,
  problemAt,
  readCatalogFile,
  type Locator,
  type Problem,
  type YamlSource,
} from './validate';

export type { PiCategory, PiplSensitiveClass, PiCategoryGroup } from './pi-categories.schema';
export {
  PIPL_SENSITIVE_CLASSES,
  PIPL_SENSITIVE_CLASS_LABELS,
  PI_CATEGORY_GROUPS,
} from './pi-categories.schema';

/** The shipped data file, resolved from this module (src/ under tsx, dist/ once built). */
export const DEFAULT_PI_CATEGORIES_FILE = fileURLToPath(
  new URL('./pi-categories/categories.yaml', import.meta.url),
);

/** The citation of PIPL Art. 28 a category with a class must carry. */
export const PIPL_ART_28 = { instrumentId: 'pipl-2021', provisionId: 'art-28' } as const;
/** The citation of GB/T 35273-2020 Annex B a flagged category must carry. */
export const GBT_35273_ANNEX_B = {
  instrumentId: 'gbt-35273-2020',
  provisionId: 'annex-b',
} as const;

/**
 * Codes the rules, the examples and the other catalogs rely on: the file must define them (a
 * code may be added, never silently dropped).
 */
export const REQUIRED_PI_CATEGORY_CODES = [
  'name',
  'id_card_number',
  'passport_number',
  'social_security_number',
  'phone_number',
  'email',
  'postal_address',
  'birth_date',
  'gender',
  'ethnicity',
  'marital_status',
  'photo',
  'face_features',
  'fingerprint',
  'voiceprint',
  'iris',
  'gene',
  'religious_belief',
  'disability_status',
  'criminal_record',
  'medical_record',
  'health_checkup',
  'medication_record',
  'medical_insurance_number',
  'bank_account_number',
  'payment_password',
  'credit_record',
  'property_information',
  'income',
  'transaction_record',
  'precise_location',
  'travel_record',
  'accommodation_record',
  'communication_content',
  'contacts_list',
  'browsing_history',
  'device_identifier',
  'ip_address',
  'employee_number',
  'employment_history',
  'education',
  'student_number',
  'vehicle_plate',
  'account_credentials',
] as const;

/** The validated classifier with the catalog's metadata. */
export interface PiCategoryCatalog {
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  readonly categories: readonly PiCategory[];
  /** SHA-256 of canonical JSON of the parsed data. */
  readonly sourceHash: string;
}

export type PiCategoryResult =
  | { readonly ok: true; readonly catalog: PiCategoryCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads and validates the categories file (default: the shipped one). */
export function loadPiCategories(file: string = DEFAULT_PI_CATEGORIES_FILE): PiCategoryResult {
  return readCatalogFile(file, 'pi-categories/categories.yaml', validatePiCategories);
}

/** Validates the file text (pure; {@link loadPiCategories} reads the file). */
export function validatePiCategories(source: YamlSource): PiCategoryResult {
  const parsed = parseYaml(source);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(PiCategoriesFileSchema, parsed.data, {
    file: source.file,
    locate: parsed.locate,
  });
  if (!checked.ok) return checked;
  const problems = crossCheck(checked.data, source.file, parsed.locate);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalog: toCatalog(checked.data) };
}

const cites = (
  citations: readonly { instrumentId: string; provisionId?: string | undefined }[],
  wanted: { instrumentId: string; provisionId: string },
) =>
  citations.some(
    (c) => c.instrumentId === wanted.instrumentId && c.provisionId === wanted.provisionId,
  );

function crossCheck(data: PiCategoriesFile, file: string, locate: Locator): Problem[] {
  const problems: Problem[] = metadataProblems(data).map((p) =>
    problemAt(file, p.path, p.message, locate),
  );
  const codes = new Map<string, number>();
  const labels = new Map<string, number>();
  data.categories.forEach((category, i) => {
    const at = (field: string, message: string) =>
      problems.push(problemAt(file, ['categories', i, field], message, locate));
    const earlier = codes.get(category.code);
    if (earlier !== undefined)
      at('code', `code ${category.code} is used twice (first at categories[${earlier}])`);
    else codes.set(category.code, i);
    const earlierLabel = labels.get(category.labelZh);
    if (earlierLabel !== undefined)
      at('labelZh', `${category.labelZh} is used twice (first at categories[${earlierLabel}])`);
    else labels.set(category.labelZh, i);
    if (category.piplClass !== null && !cites(category.citations, PIPL_ART_28))
      at('citations', 'a category with a PIPL class must cite pipl-2021 art-28');
    if (category.gbt35273Sensitive && !cites(category.citations, GBT_35273_ANNEX_B))
      at('citations', 'a category flagged by GB/T 35273 must cite gbt-35273-2020 annex-b');
    if (!category.gbt35273Sensitive && cites(category.citations, GBT_35273_ANNEX_B))
      at('citations', 'cites GB/T 35273 Annex B but gbt35273Sensitive is false');
    if ((category.noteZh === undefined) !== (category.noteEn === undefined))
      at(category.noteZh === undefined ? 'noteZh' : 'noteEn', 'give the note in both languages');
  });
  for (const code of REQUIRED_PI_CATEGORY_CODES)
    if (!codes.has(code))
      problems.push(
        problemAt(
          file,
          ['categories'],
          `category ${code} is missing (rules and examples name it)`,
          locate,
        ),
      );
  return problems;
}

function toCatalog(data: PiCategoriesFile): PiCategoryCatalog {
  return {
    version: data.version,
    changelog: data.changelog,
    categories: data.categories.map((c) => ({
      code: c.code,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      group: c.group,
      piplClass: c.piplClass,
      gbt35273Sensitive: c.gbt35273Sensitive,
      examplesZh: c.examplesZh ?? null,
      citations: c.citations,
      verification: c.verification,
      note:
        c.noteZh !== undefined && c.noteEn !== undefined ? { zh: c.noteZh, en: c.noteEn } : null,
    })),
    sourceHash: canonicalJsonHash(data),
  };
}

let cached: PiCategoryCatalog | undefined;
let cachedByCode: ReadonlyMap<string, PiCategory> | undefined;

/**
 * The shipped classifier, loaded once per process. Throws with every problem listed if the data
 * is invalid; the catalog test makes sure it never is.
 */
export function shippedPiCategoryCatalog(): PiCategoryCatalog {
  if (cached !== undefined) return cached;
  const result = loadPiCategories();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`the personal-information categories are invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}

/** The shipped categories by code. */
export function piCategoriesByCode(): ReadonlyMap<string, PiCategory> {
  cachedByCode ??= new Map(shippedPiCategoryCatalog().categories.map((c) => [c.code, c]));
  return cachedByCode;
}

/**
 * Resolves an activity's category codes against the shipped classifier: the categories found
 * (in the order given, duplicates once) and the codes it does not know.
 */
export function resolvePiCategories(codes: readonly string[]): {
  readonly categories: readonly PiCategory[];
  readonly unknown: readonly string[];
} {
  const byCode = piCategoriesByCode();
  const categories: PiCategory[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) continue;
    seen.add(code);
    const category = byCode.get(code);
    if (category) categories.push(category);
    else unknown.push(code);
  }
  return { categories, unknown };
}

/**
 * The classifier as clients show it (the shape of `GET /api/catalog/pi-categories`): each
 * category with `sensitive` (has an Art. 28 class) and its class label, plus the class labels.
 */
export function piCategoriesForClients(catalog: PiCategoryCatalog = shippedPiCategoryCatalog()) {
  return {
    version: catalog.version,
    classes: PIPL_SENSITIVE_CLASS_LABELS,
    categories: catalog.categories.map((c) => ({
      ...c,
      sensitive: c.piplClass !== null,
      piplClassZh: c.piplClass === null ? null : PIPL_SENSITIVE_CLASS_LABELS[c.piplClass].zh,
      piplClassEn: c.piplClass === null ? null : PIPL_SENSITIVE_CLASS_LABELS[c.piplClass].en,
    })),
  };
}
