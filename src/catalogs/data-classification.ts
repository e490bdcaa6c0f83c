/**
 * Loads and validates the data-classification catalog: every `*.yaml` file in
 * src/catalogs/data-classification/ — the GB/T 43697-2024 grading table, the sector keys and the
 * published sector catalogues (GB/T 39725-2020 health data, the 2021 automotive provisions, the
 * MIIT industry measures, GB/T 43697 Annex G) that src/domain/data-security/classify.ts reads.
 *
 * Validation is whole-or-nothing and reports every problem with its file, data path and line:
 * YAML syntax, schema per file, then cross-checks over all files — exactly one file carries the
 * version and changelog (newest first); the grading table names each impact object × degree of
 * harm exactly once; sector keys, catalogue ids and entry ids (within a catalogue) unique;
 * catalogues name only known sectors; every citation (and each catalogue's instrument) resolves
 * in the knowledge base; an entry's piCategories exist in src/catalogs/pi-categories; a
 * catalogue's note is in both languages or neither.
 */
import { fileURLToPath } from 'node:url';
import type { Citation } from '../domain/citation';
import type {
  CatalogueEntry,
  ClassificationCatalog,
  GradeRule,
  SectorCatalogue,
} from '../domain/data-security/types';
import {
  HARM_LEVELS,
  IMPACT_OBJECTS,
  type DataGrade,
  type HarmLevel,
  type ImpactObject,
} from '../shared/data-security-schemas';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import {
  DataClassificationFileSchema,
  type DataClassificationFile,
} from './data-classification.schema';
import { assertCitationsExist, loadKnowledgeBase, type KnowledgeBase } from './knowledge-base';
import { shippedPiCategoryCatalog } from './pi-categories';
import {
  checkSchema,
  parseYaml,
  problemAt,
  readYamlDirectory,
  type Locator,
  type PathSegment,
  type Problem,
  type YamlSource,
} from './validate';

/** The shipped data directory, resolved from this module (src/ under tsx, dist/ once built). */
export const DEFAULT_DATA_CLASSIFICATION_DIR = fileURLToPath(
  new URL('./data-classification/', import.meta.url),
);

/** The validated catalog: the domain shape plus its metadata. */
export interface DataClassificationCatalog extends ClassificationCatalog {
  readonly changelog: readonly ChangelogEntry[];
  readonly sourceHash: string;
}

export type DataClassificationResult =
  | { readonly ok: true; readonly catalog: DataClassificationCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** What the cross-checks compare against (the shipped knowledge base and PI categories by default). */
export interface DataClassificationContext {
  readonly kb: KnowledgeBase;
  readonly piCategoryCodes: ReadonlySet<string>;
}

/**
 * Reads every `*.yaml` file in `dir` (default: the shipped catalog) and validates it against the
 * shipped knowledge base and personal-information categories.
 */
export function loadDataClassification(
  dir: string = DEFAULT_DATA_CLASSIFICATION_DIR,
  context?: DataClassificationContext,
): DataClassificationResult {
  const read = readYamlDirectory(dir);
  if (!read.ok) return read;
  if (context) return validateDataClassification(read.sources, context);
  const shipped = shippedContext();
  if (!shipped.ok) return shipped;
  return validateDataClassification(read.sources, shipped.context);
}

function shippedContext():
  | { readonly ok: true; readonly context: DataClassificationContext }
  | { readonly ok: false; readonly problems: readonly Problem[] } {
  const kb = loadKnowledgeBase();
  if (!kb.ok) return kb;
  return {
    ok: true,
    context: {
      kb: kb.kb,
      piCategoryCodes: new Set(shippedPiCategoryCatalog().categories.map((c) => c.code)),
    },
  };
}

/** Validates the catalog files (pure apart from the context given). */
export function validateDataClassification(
  sources: readonly YamlSource[],
  context: DataClassificationContext,
): DataClassificationResult {
  const problems: Problem[] = [];
  const files: { file: string; data: DataClassificationFile; locate: Locator }[] = [];
  for (const source of sources) {
    const parsed = parseYaml(source);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const checked = checkSchema(DataClassificationFileSchema, parsed.data, {
      file: source.file,
      locate: parsed.locate,
    });
    if (!checked.ok) problems.push(...checked.problems);
    else files.push({ file: source.file, data: checked.data, locate: parsed.locate });
  }
  if (problems.length > 0) return { ok: false, problems };
  problems.push(...crossCheck(files, context));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalog: toCatalog(files) };
}

// --- cross-checks ------------------------------------------------------------------------------

type FileEntry = { file: string; data: DataClassificationFile; locate: Locator };

function crossCheck(files: readonly FileEntry[], context: DataClassificationContext): Problem[] {
  const problems: Problem[] = [];
  const at = (f: FileEntry, path: readonly PathSegment[], message: string) =>
    problems.push(problemAt(f.file, path, message, f.locate));

  // Version and changelog: exactly one file.
  const withMeta = files.filter(
    (f) => f.data.version !== undefined || f.data.changelog !== undefined,
  );
  for (const f of withMeta) {
    const { version, changelog } = f.data;
    if (version === undefined || changelog === undefined) {
      at(f, [version === undefined ? 'version' : 'changelog'], 'give both version and changelog');
      continue;
    }
    for (const p of metadataProblems({ version, changelog })) at(f, p.path, p.message);
  }
  if (withMeta.length === 0 && files[0])
    at(files[0], ['version'], 'one data-classification file must carry the version and changelog');
  for (const f of withMeta.slice(1))
    at(
      f,
      ['version'],
      `only one file carries version and changelog (already in ${withMeta[0]?.file})`,
    );

  // Grading table: each object × degree exactly once.
  const cells = new Map<string, string>();
  for (const f of files)
    (f.data.gradeRules ?? []).forEach((rule, i) => {
      const key = `${rule.object}/${rule.degree}`;
      const first = cells.get(key);
      if (first !== undefined)
        at(f, ['gradeRules', i], `${key} is graded twice (first at ${first})`);
      else cells.set(key, `${f.file} gradeRules[${i}]`);
    });
  const tableFile = files.find((f) => f.data.gradeRules !== undefined) ?? files[0];
  if (tableFile)
    for (const object of IMPACT_OBJECTS)
      for (const degree of HARM_LEVELS)
        if (!cells.has(`${object}/${degree}`))
          at(tableFile, ['gradeRules'], `the grading table has no rule for ${object} × ${degree}`);

  // Sectors: unique keys.
  const sectorKeys = new Map<string, string>();
  for (const f of files)
    (f.data.sectors ?? []).forEach((sector, i) => {
      const first = sectorKeys.get(sector.key);
      if (first !== undefined)
        at(f, ['sectors', i, 'key'], `sector ${sector.key} is defined twice (first at ${first})`);
      else sectorKeys.set(sector.key, `${f.file} sectors[${i}]`);
    });
  if (sectorKeys.size === 0 && files[0]) at(files[0], ['sectors'], 'define at least one sector');

  // Catalogues: ids, sectors, instrument, entries, citations, PI categories.
  const catalogueIds = new Map<string, string>();
  for (const f of files)
    (f.data.catalogues ?? []).forEach((catalogue, c) => {
      const base: PathSegment[] = ['catalogues', c];
      const first = catalogueIds.get(catalogue.id);
      if (first !== undefined)
        at(f, [...base, 'id'], `catalogue ${catalogue.id} is defined twice (first at ${first})`);
      else catalogueIds.set(catalogue.id, `${f.file} catalogues[${c}]`);
      catalogue.sectors.forEach((key, s) => {
        if (!sectorKeys.has(key)) at(f, [...base, 'sectors', s], `unknown sector "${key}"`);
      });
      if (new Set(catalogue.sectors).size !== catalogue.sectors.length)
        at(f, [...base, 'sectors'], 'a sector is named twice');
      if (assertCitationsExist(context.kb, [{ instrumentId: catalogue.instrumentId }]).length > 0)
        at(
          f,
          [...base, 'instrumentId'],
          `instrument ${catalogue.instrumentId} is not in the knowledge base`,
        );
      if (catalogue.effectiveTo !== null && catalogue.effectiveTo < catalogue.effectiveFrom)
        at(f, [...base, 'effectiveTo'], 'must not be before effectiveFrom');
      if ((catalogue.noteZh === undefined) !== (catalogue.noteEn === undefined))
        at(
          f,
          [...base, catalogue.noteZh === undefined ? 'noteZh' : 'noteEn'],
          'give the note in both languages',
        );
      const entryIds = new Map<string, number>();
      catalogue.entries.forEach((entry, e) => {
        const path: PathSegment[] = [...base, 'entries', e];
        const earlier = entryIds.get(entry.id);
        if (earlier !== undefined)
          at(
            f,
            [...path, 'id'],
            `entry id ${entry.id} is used twice (first at entries[${earlier}])`,
          );
        else entryIds.set(entry.id, e);
        const missing = assertCitationsExist(context.kb, [entry.citation]);
        if (missing.length > 0)
          at(
            f,
            [...path, 'citation'],
            `${entry.citation.instrumentId}/${entry.citation.provisionId ?? ''} is not in the knowledge base`,
          );
        entry.piCategories.forEach((code, p) => {
          if (!context.piCategoryCodes.has(code))
            at(f, [...path, 'piCategories', p], `unknown personal-information category "${code}"`);
        });
        const seen = new Set<string>();
        entry.keywords.forEach((keyword, k) => {
          const needle = keyword.toLowerCase();
          if (seen.has(needle))
            at(f, [...path, 'keywords', k], `keyword "${keyword}" is listed twice`);
          seen.add(needle);
        });
      });
    });
  if (catalogueIds.size === 0 && files[0])
    at(files[0], ['catalogues'], 'define at least one catalogue');
  return problems;
}

// --- building the catalog ----------------------------------------------------------------------

function toCatalog(files: readonly FileEntry[]): DataClassificationCatalog {
  const meta = files.find((f) => f.data.version !== undefined)?.data;
  const gradeRules: GradeRule[] = [];
  const sectors: { key: string; nameZh: string; nameEn: string }[] = [];
  const catalogues: SectorCatalogue[] = [];
  for (const f of files) {
    for (const r of f.data.gradeRules ?? [])
      gradeRules.push({
        object: r.object,
        degree: r.degree,
        grade: r.grade,
        provenance: r.provenance,
      });
    for (const s of f.data.sectors ?? [])
      sectors.push({ key: s.key, nameZh: s.nameZh, nameEn: s.nameEn });
    for (const c of f.data.catalogues ?? []) {
      const entries: CatalogueEntry[] = c.entries.map((e) => ({
        id: e.id,
        catalogueId: c.id,
        nameZh: e.nameZh,
        nameEn: e.nameEn,
        descriptionZh: e.descriptionZh,
        descriptionEn: e.descriptionEn,
        grade: e.grade,
        sectorLevel: e.sectorLevel,
        keywords: e.keywords,
        piCategories: e.piCategories,
        threshold: e.threshold,
        citation: citation(e.citation),
        provenance: e.provenance ?? c.provenance,
      }));
      catalogues.push({
        id: c.id,
        titleZh: c.titleZh,
        titleEn: c.titleEn,
        sectors: c.sectors,
        instrumentId: c.instrumentId,
        effectiveFrom: c.effectiveFrom,
        effectiveTo: c.effectiveTo,
        provenance: c.provenance,
        ...(c.noteZh !== undefined && c.noteEn !== undefined
          ? { noteZh: c.noteZh, noteEn: c.noteEn }
          : {}),
        entries,
      });
    }
  }
  // The table in a fixed order (objects, then degrees), whatever the file order.
  gradeRules.sort(
    (a, b) =>
      IMPACT_OBJECTS.indexOf(a.object) - IMPACT_OBJECTS.indexOf(b.object) ||
      HARM_LEVELS.indexOf(a.degree) - HARM_LEVELS.indexOf(b.degree),
  );
  return {
    version: meta?.version ?? '',
    changelog: meta?.changelog ?? [],
    sourceHash: canonicalJsonHash(files.map((f) => ({ file: f.file, data: f.data }))),
    gradeRules,
    sectors,
    catalogues,
  };
}

const citation = (c: { instrumentId: string; provisionId?: string | undefined }): Citation =>
  c.provisionId === undefined
    ? { instrumentId: c.instrumentId }
    : { instrumentId: c.instrumentId, provisionId: c.provisionId };

// --- the shipped catalog -----------------------------------------------------------------------

let cached: DataClassificationCatalog | undefined;

/**
 * The shipped catalog, loaded once per process. Throws with every problem listed if the data is
 * invalid; the catalog test makes sure it never is.
 */
export function classificationCatalog(): DataClassificationCatalog {
  if (cached !== undefined) return cached;
  const result = loadDataClassification();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`the data-classification catalog is invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}

/** The grade the GB/T 43697-2024 table gives one impact judgement. */
export function gradeFor(
  catalog: ClassificationCatalog,
  object: ImpactObject,
  degree: HarmLevel,
): DataGrade {
  const rule = catalog.gradeRules.find((r) => r.object === object && r.degree === degree);
  if (!rule) throw new Error(`no grading rule for ${object} × ${degree}`);
  return rule.grade;
}

/** The catalog as `GET /api/catalog/data-classification` serves it (the loaded catalog as is). */
export function dataClassificationForClients(
  catalog: DataClassificationCatalog = classificationCatalog(),
) {
  return catalog;
}
