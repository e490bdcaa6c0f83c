/**
 * Loads and validates the GB/T 22239-2019 catalog: every `*.yaml` file in src/catalogs/gbt22239/
 * (requirements per extension, the high-risk guide, major-risk triggers, crosswalks).
 *
 * Validation is whole-or-nothing and reports EVERY problem as `{file, path, message, line}`:
 * syntax, schema, then cross-checks over all files — unique ids; ids that match the anchor
 * clause and item letter; clause numbers in the right chapter for their level and extension;
 * GB/T 28448 test ids consistent with level, category and extension; cloud responsibility;
 * source keys; and every reference from guide cases, triggers and crosswalks resolving.
 */
import { createHash } from 'node:crypto';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  anchorLevel,
  indexCatalog,
  kindOfCategory,
  type CatalogControlPoint,
  type CatalogRequirement,
  type Crosswalk,
  type CrosswalkMapping,
  type LevelCoverageRecord,
  type MlpsCatalog,
} from './mlps-catalog.model';
import {
  CatalogFileSchema,
  type Bilingual,
  EXTENSIONS,
  REQUIREMENT_CATEGORIES,
  type CatalogFile,
  type CatalogLevel,
  type Extension,
  type HighRiskCase,
  type MajorRiskTrigger,
  type Provenance,
  type RequirementsFile,
} from './mlps-catalog.schema';
import {
  checkSchema,
  lazyLocator,
  parseYaml,
  problemAt,
  readYamlDirectory,
  type Locator,
  type PathSegment,
  type Problem,
  type YamlSource,
} from './validate';

export const DEFAULT_MLPS_CATALOG_DIR = fileURLToPath(new URL('./gbt22239/', import.meta.url));

/**
 * The shipped YAML parsed ahead of time (`dengbao catalog compile`), keyed by a hash of the YAML
 * texts. Start-up reads it instead of parsing 0.5 MB of YAML, then validates the data exactly as
 * it would the YAML; a stale or missing file only means the slower path. A test keeps it fresh.
 */
export const COMPILED_MLPS_CATALOG = fileURLToPath(
  new URL('./mlps-catalog.compiled.json', import.meta.url),
);

interface CompiledCatalog {
  /** {@link catalogSourceHash} of the YAML texts it was compiled from (freshness key). */
  readonly sourceHash: string;
  /** {@link catalogContentHash} of the parsed data. */
  readonly contentHash: string;
  readonly files: readonly { readonly file: string; readonly data: unknown }[];
}

/**
 * The catalog's content hash: SHA-256 of canonical JSON of every file's name and parsed data.
 * Comments, whitespace and key order do not change it; any data change does. This is the
 * catalog hash assessments record (`MlpsCatalog.sourceHash`).
 */
export function catalogContentHash(
  files: readonly { readonly file: string; readonly data: unknown }[],
): string {
  return canonicalJsonHash(files.map(({ file, data }) => ({ file, data })));
}

/**
 * SHA-256 over the file names and texts, in order: only the freshness key of the compiled copy
 * (any edit, even a comment, means the copy must be rebuilt). Not the catalog's version.
 */
export function catalogSourceHash(sources: readonly YamlSource[]): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(`${source.file}\0${source.text}\0`);
  return hash.digest('hex');
}

export type MlpsCatalogResult =
  | { readonly ok: true; readonly catalog: MlpsCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads and validates every catalog file in `dir` (default: the shipped catalog). */
export function loadMlpsCatalog(dir: string = DEFAULT_MLPS_CATALOG_DIR): MlpsCatalogResult {
  const read = readYamlDirectory(dir);
  if (!read.ok) return read;
  const compiled = dir === DEFAULT_MLPS_CATALOG_DIR ? readCompiled(read.sources) : undefined;
  return validateMlpsCatalog(read.sources, compiled?.data, compiled?.contentHash);
}

/**
 * The source tree's catalog, whether this code runs from src/ or from the compiled dist/ (both
 * sit one level below the project root): `catalog compile` must update the files in src/, not
 * the copies the build placed in dist/.
 */
export const SOURCE_MLPS_CATALOG_DIR = fileURLToPath(
  new URL('../../src/catalogs/gbt22239/', import.meta.url),
);
export const SOURCE_COMPILED_MLPS_CATALOG = fileURLToPath(
  new URL('../../src/catalogs/mlps-catalog.compiled.json', import.meta.url),
);

/**
 * Parses and validates the YAML in the source tree and, when valid, writes the pre-parsed copy
 * beside it ({@link SOURCE_COMPILED_MLPS_CATALOG}). Returns the validation result.
 */
export function compileMlpsCatalog(): MlpsCatalogResult {
  const read = readYamlDirectory(SOURCE_MLPS_CATALOG_DIR);
  if (!read.ok) return read;
  const sources = read.sources;
  const result = validateMlpsCatalog(sources);
  if (result.ok) {
    const files = sources.map((source) => {
      const parsed = parseYaml(source);
      return { file: source.file, data: parsed.ok ? parsed.data : null };
    });
    const compiled: CompiledCatalog = {
      sourceHash: catalogSourceHash(sources),
      contentHash: catalogContentHash(files),
      files,
    };
    writeFileSync(SOURCE_COMPILED_MLPS_CATALOG, `${JSON.stringify(compiled)}\n`);
  }
  return result;
}

/** The compiled data, if it exists and was made from exactly these sources. */
function readCompiled(
  sources: readonly YamlSource[],
): { readonly data: readonly unknown[]; readonly contentHash: string | undefined } | undefined {
  if (!existsSync(COMPILED_MLPS_CATALOG)) return undefined;
  try {
    const compiled = JSON.parse(readFileSync(COMPILED_MLPS_CATALOG, 'utf8')) as CompiledCatalog;
    if (compiled.sourceHash !== catalogSourceHash(sources)) return undefined;
    if (compiled.files.length !== sources.length) return undefined;
    return {
      data: compiled.files.map((f) => f.data),
      contentHash: typeof compiled.contentHash === 'string' ? compiled.contentHash : undefined,
    };
  } catch {
    return undefined;
  }
}

let cached: MlpsCatalog | undefined;

/**
 * The shipped catalog, loaded once per process. Throws with every problem listed if the data is
 * invalid — the tests and start-up make sure it never is.
 */
export function shippedMlpsCatalog(): MlpsCatalog {
  if (cached !== undefined) return cached;
  const result = loadMlpsCatalog();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`GB/T 22239 catalog is invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}

/**
 * Validates catalog file texts (pure; {@link loadMlpsCatalog} reads the files for it).
 * `preParsed[i]`, when given, is the already-parsed data of `sources[i]`, and `contentHash` its
 * {@link catalogContentHash} (computed when not given).
 */
export function validateMlpsCatalog(
  sources: readonly YamlSource[],
  preParsed?: readonly unknown[],
  contentHash?: string,
): MlpsCatalogResult {
  const problems: Problem[] = [];
  const files: ParsedFile[] = [];
  for (const [index, source] of sources.entries()) {
    const parsed =
      preParsed === undefined
        ? parseYaml(source)
        : ({ ok: true, data: preParsed[index], locate: lazyLocator(source) } as const);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const checked = checkSchema(CatalogFileSchema, parsed.data, {
      file: source.file,
      locate: parsed.locate,
    });
    if (!checked.ok) problems.push(...checked.problems);
    else
      files.push({
        file: source.file,
        data: checked.data,
        raw: parsed.data,
        locate: parsed.locate,
      });
  }
  const built = build(
    files,
    problems,
    contentHash ?? catalogContentHash(files.map(({ file, raw }) => ({ file, data: raw }))),
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalog: built };
}

// --- internals -------------------------------------------------------------------------------

interface ParsedFile {
  readonly file: string;
  readonly data: CatalogFile;
  /** The data as parsed, before the schema: what the content hash covers. */
  readonly raw: unknown;
  readonly locate: Locator;
}

/** Chapter of a level (6 = level 1 … 9 = level 4) and sub-chapter of an extension. */
const LEVEL_CHAPTER: Record<CatalogLevel, string> = { 1: '6', 2: '7', 3: '8', 4: '9' };
const EXTENSION_SECTION: Record<Extension, string | null> = {
  general: '1',
  cloud: '2',
  mobile: '3',
  iot: '4',
  ics: '5',
  big_data: null, // Annex H has its own numbering
};
/** GB/T 28448-2019 ids that do not exist although the sequence suggests them. */
const NONEXISTENT_TEST_IDS: ReadonlySet<string> = new Set(['L3-CES1-16']);

/** The digit after the category code in GB/T 28448 ids: L3-CES{1..5}-nn. */
const TEST_ID_TYPE: Record<Extension, string | null> = {
  general: '1',
  cloud: '2',
  mobile: '3',
  iot: '4',
  ics: '5',
  big_data: null,
};

function build(files: readonly ParsedFile[], problems: Problem[], sourceHash: string): MlpsCatalog {
  const controlPoints: CatalogControlPoint[] = [];
  const requirements: CatalogRequirement[] = [];
  const highRiskCases: HighRiskCase[] = [];
  const triggers: MajorRiskTrigger[] = [];
  const crosswalks: Crosswalk[] = [];
  const mappings: CrosswalkMapping[] = [];
  const coverage: LevelCoverageRecord[] = [];
  const sources: Record<string, Bilingual> = {};
  let majorRiskEffectiveFrom: string | null = null;

  const seenIds = new Map<string, string>(); // id → file
  const seenTestIds = new Map<string, string>(); // test id → requirement id
  const refs: {
    file: string;
    locate: Locator;
    path: PathSegment[];
    requirementId: string;
  }[] = [];
  const caseRefs: { file: string; locate: Locator; path: PathSegment[]; caseId: string }[] = [];

  const claimId = (id: string, file: string, path: PathSegment[], locate: Locator) => {
    const earlier = seenIds.get(id);
    if (earlier !== undefined) {
      problems.push(problemAt(file, path, `duplicate id "${id}" (also in ${earlier})`, locate));
    } else {
      seenIds.set(id, file);
    }
  };
  const checkSources = (
    provenance: Provenance,
    fileSources: Readonly<Record<string, Bilingual>>,
    at: (message: string) => Problem,
  ) => {
    for (const key of provenance.sources) {
      if (!(key in fileSources))
        problems.push(at(`source key "${key}" is not in this file's sources`));
    }
  };

  let header: { version: string; changelog: readonly ChangelogEntry[]; file: string } | undefined;
  for (const { file, data, locate } of files) {
    const at = (path: PathSegment[], message: string) => problemAt(file, path, message, locate);
    if (data.kind === 'catalog') {
      if (header !== undefined)
        problems.push(at(['kind'], `only one catalog header file (already ${header.file})`));
      else header = { version: data.version, changelog: data.changelog, file };
      for (const p of metadataProblems(data)) problems.push(at(p.path, p.message));
      continue;
    }
    for (const [key, value] of Object.entries(data.sources)) {
      if (sources[key] === undefined) sources[key] = value;
    }
    switch (data.kind) {
      case 'requirements':
        for (const [key, value] of Object.entries(data.coverage)) {
          coverage.push({
            extension: data.extension,
            level: Number(key) as CatalogLevel,
            status: value.status,
            note: value.note,
            file,
          });
        }
        readRequirements(data, file, locate, {
          at,
          claimId,
          checkSources,
          seenTestIds,
          controlPoints,
          requirements,
          problems,
        });
        break;
      case 'high-risk-guide': {
        const seenCases = new Set<string>();
        data.cases.forEach((c, index) => {
          if (seenCases.has(c.id))
            problems.push(at(['cases', index, 'id'], `duplicate case "${c.id}"`));
          seenCases.add(c.id);
          checkSources(c.provenance, data.sources, (m) => at(['cases', index, 'provenance'], m));
          c.requirements.forEach((requirementId, i) =>
            refs.push({ file, locate, path: ['cases', index, 'requirements', i], requirementId }),
          );
          highRiskCases.push(c);
        });
        break;
      }
      case 'major-risk-triggers':
        majorRiskEffectiveFrom = data.effectiveFrom;
        data.triggers.forEach((t, index) => {
          claimId(t.id, file, ['triggers', index, 'id'], locate);
          checkSources(t.provenance, data.sources, (m) => at(['triggers', index, 'provenance'], m));
          t.requirements.forEach((requirementId, i) =>
            refs.push({
              file,
              locate,
              path: ['triggers', index, 'requirements', i],
              requirementId,
            }),
          );
          t.highRiskCases.forEach((caseId, i) =>
            caseRefs.push({ file, locate, path: ['triggers', index, 'highRiskCases', i], caseId }),
          );
          triggers.push(t);
        });
        break;
      case 'crosswalk': {
        checkSources(data.provenance, data.sources, (m) => at(['provenance'], m));
        const controls = new Map(data.target.controls.map((c) => [c.id, c]));
        data.mappings.forEach((m, index) => {
          refs.push({
            file,
            locate,
            path: ['mappings', index, 'requirement'],
            requirementId: m.requirement,
          });
          const target = controls.get(m.target);
          if (target === undefined) {
            problems.push(
              at(['mappings', index, 'target'], `"${m.target}" is not in target.controls`),
            );
            return;
          }
          mappings.push({
            crosswalkId: data.id,
            catalog: data.target.catalog,
            requirementId: m.requirement,
            target,
            relation: m.relation,
            coverage: m.coverage,
            note: m.note,
          });
        });
        crosswalks.push({
          id: data.id,
          title: data.title,
          catalog: data.target.catalog,
          catalogTitle: data.target.title,
          provenance: data.provenance,
          mappingCount: data.mappings.length,
        });
        break;
      }
    }
  }

  const requirementIds = new Set(requirements.map((r) => r.id));
  for (const ref of refs) {
    if (!requirementIds.has(ref.requirementId)) {
      problems.push(
        problemAt(
          ref.file,
          ref.path,
          `requirement "${ref.requirementId}" does not exist in the catalog`,
          ref.locate,
        ),
      );
    }
  }
  const caseIds = new Set(highRiskCases.map((c) => c.id));
  for (const ref of caseRefs) {
    if (!caseIds.has(ref.caseId)) {
      problems.push(
        problemAt(ref.file, ref.path, `high-risk case "${ref.caseId}" does not exist`, ref.locate),
      );
    }
  }

  // Standard order: general before extensions, categories in the standard's order, file order within.
  const rank = (extension: Extension, category: string) =>
    EXTENSIONS.indexOf(extension) * 100 +
    (REQUIREMENT_CATEGORIES as readonly string[]).indexOf(category);
  const sortedPoints = controlPoints
    .map((cp, index) => ({ cp, index }))
    .sort(
      (a, b) =>
        rank(a.cp.extension, a.cp.category) - rank(b.cp.extension, b.cp.category) ||
        a.index - b.index,
    )
    .map(({ cp }) => cp);
  const position = new Map(sortedPoints.map((cp, index) => [cp.id, index]));
  const sortedRequirements = requirements
    .slice()
    .sort(
      (a, b) =>
        (position.get(a.controlPointId) ?? 0) - (position.get(b.controlPointId) ?? 0) ||
        a.order - b.order,
    )
    .map((requirement, order) => ({ ...requirement, order }));

  if (header === undefined && files.length > 0)
    problems.push({
      file: '00-catalog.yaml',
      path: '',
      message: 'the catalog needs a header file (kind: catalog) with version and changelog',
    });
  return indexCatalog({
    version: header?.version ?? '0.0.0',
    changelog: header?.changelog ?? [],
    controlPoints: sortedPoints,
    requirements: sortedRequirements,
    highRiskCases,
    majorRiskTriggers: triggers,
    majorRiskEffectiveFrom,
    crosswalks,
    mappings,
    coverage,
    sources,
    sourceHash,
  });
}

function readRequirements(
  data: RequirementsFile,
  file: string,
  locate: Locator,
  ctx: {
    at: (path: PathSegment[], message: string) => Problem;
    claimId: (id: string, file: string, path: PathSegment[], locate: Locator) => void;
    checkSources: (
      provenance: Provenance,
      fileSources: Readonly<Record<string, Bilingual>>,
      at: (message: string) => Problem,
    ) => void;
    seenTestIds: Map<string, string>;
    controlPoints: CatalogControlPoint[];
    requirements: CatalogRequirement[];
    problems: Problem[];
  },
): void {
  const { at, problems } = ctx;
  const extension = data.extension;
  data.controlPoints.forEach((cp, cpIndex) => {
    const cpPath: PathSegment[] = ['controlPoints', cpIndex];
    ctx.claimId(cp.id, file, [...cpPath, 'id'], locate);
    ctx.checkSources(cp.provenance, data.sources, (m) => at([...cpPath, 'provenance'], m));
    const clauses: Partial<Record<CatalogLevel, string>> = {};
    for (const [key, clause] of Object.entries(cp.clauses)) {
      const level = Number(key) as CatalogLevel;
      clauses[level] = clause;
      const section = EXTENSION_SECTION[extension];
      const prefix = section === null ? 'H.' : `${LEVEL_CHAPTER[level]}.${section}.`;
      if (!clause.startsWith(prefix)) {
        problems.push(
          at(
            [...cpPath, 'clauses', key],
            `clause ${clause} is not in the ${extension} part for level ${level} (expected ${prefix}…)`,
          ),
        );
      }
    }
    const cpLevels = Object.keys(clauses).map(Number) as CatalogLevel[];
    const cpAnchor = anchorLevel(cpLevels);
    if (cpAnchor !== undefined && clauses[cpAnchor] !== cp.id) {
      problems.push(
        at(
          [...cpPath, 'id'],
          `control point id must be its level-${cpAnchor} clause ${clauses[cpAnchor]}`,
        ),
      );
    }

    const lettersByLevel = new Map<CatalogLevel, Set<string>>();
    const requirementIds: string[] = [];
    cp.requirements.forEach((req, reqIndex) => {
      const reqPath: PathSegment[] = [...cpPath, 'requirements', reqIndex];
      ctx.claimId(req.id, file, [...reqPath, 'id'], locate);
      if (req.provenance !== undefined) {
        ctx.checkSources(req.provenance, data.sources, (m) => at([...reqPath, 'provenance'], m));
      }
      if ((extension === 'cloud') !== (req.responsibility !== undefined)) {
        problems.push(
          at(
            [...reqPath, 'responsibility'],
            extension === 'cloud'
              ? 'cloud requirements must say who answers them (provider, tenant or both)'
              : 'responsibility applies to cloud requirements only',
          ),
        );
      }
      const levels = req.levels.map((entry) => entry.level);
      req.levels.forEach((entry, entryIndex) => {
        const entryPath: PathSegment[] = [...reqPath, 'levels', entryIndex];
        if (levels.indexOf(entry.level) !== entryIndex) {
          problems.push(at([...entryPath, 'level'], `level ${entry.level} is listed twice`));
        }
        if (clauses[entry.level] === undefined) {
          problems.push(
            at(
              [...entryPath, 'level'],
              `control point ${cp.id} has no clause for level ${entry.level}`,
            ),
          );
        }
        const letters = lettersByLevel.get(entry.level) ?? new Set<string>();
        if (letters.has(entry.item)) {
          problems.push(
            at([...entryPath, 'item'], `item ${entry.item} is used twice at level ${entry.level}`),
          );
        }
        letters.add(entry.item);
        lettersByLevel.set(entry.level, letters);
        if (entry.testId !== undefined) {
          const expected = `L${entry.level}-${cp.category}${TEST_ID_TYPE[extension] ?? '?'}-`;
          if (!entry.testId.startsWith(expected)) {
            problems.push(
              at([...entryPath, 'testId'], `test id ${entry.testId} should start with ${expected}`),
            );
          }
          if (NONEXISTENT_TEST_IDS.has(entry.testId)) {
            problems.push(
              at(
                [...entryPath, 'testId'],
                `${entry.testId} does not exist in GB/T 28448-2019 (its numbering skips it)`,
              ),
            );
          }
          const other = ctx.seenTestIds.get(entry.testId);
          if (other !== undefined) {
            problems.push(
              at([...entryPath, 'testId'], `test id ${entry.testId} is also used by ${other}`),
            );
          }
          ctx.seenTestIds.set(entry.testId, req.id);
        }
      });
      const anchor = anchorLevel(levels);
      const anchorEntry = req.levels.find((entry) => entry.level === anchor);
      if (anchor !== undefined && anchorEntry !== undefined) {
        const expected = `${clauses[anchor] ?? '?'}-${anchorEntry.item}`;
        if (req.id !== expected) {
          problems.push(
            at(
              [...reqPath, 'id'],
              `requirement id must be its level-${anchor} clause and item: expected ${expected}`,
            ),
          );
        }
      }
      requirementIds.push(req.id);
      ctx.requirements.push({
        id: req.id,
        controlPointId: cp.id,
        extension,
        category: cp.category,
        kind: kindOfCategory(cp.category),
        title: req.title,
        summary: req.summary,
        methods: req.methods,
        evidence: req.evidence,
        responsibility: req.responsibility,
        levels: [...req.levels].sort((a, b) => a.level - b.level),
        provenance: req.provenance ?? cp.provenance,
        order: ctx.requirements.length,
      });
    });
    ctx.controlPoints.push({
      id: cp.id,
      extension,
      category: cp.category,
      kind: kindOfCategory(cp.category),
      title: cp.title,
      clauses,
      provenance: cp.provenance,
      requirementIds,
      file,
    });
  });
}
