/**
 * Loads and validates the GB/T 39204-2022 capability catalog: every `*.yaml` in
 * src/catalogs/gbt39204/ — one `standard` file (identity, principles, sources) and one `chapter`
 * file per activity (chapters 6–11).
 *
 * Validation is whole-or-nothing and reports EVERY problem as `{file, path, message, line}`:
 * syntax, schema, then cross-checks — exactly one standard file; each chapter once, with its
 * fixed key; clause ids inside their chapter and item ids inside their clause; ids unique across
 * the catalog; a clause without items assessable; every source key known.
 *
 * The catalog is small (7 files); the shipped one is parsed once per process and cached.
 */
import { canonicalJsonHash, metadataProblems } from './catalog-metadata';
import { fileURLToPath } from 'node:url';
import { VERIFICATION_STATUSES, type VerificationStatus } from './knowledge-base.schema';
import {
  CAPABILITY_CHAPTERS,
  CapabilityCatalogFileSchema,
  type CapabilityCatalogFile,
  type CapabilityChapter,
  type CapabilityProvenance,
  type CapabilityRequirement,
  type ChapterFile,
  type CiiCapabilityCatalog,
  type StandardFile,
} from './cii-capability-catalog.schema';
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

export const DEFAULT_CII_CAPABILITY_DIR = fileURLToPath(new URL('./gbt39204/', import.meta.url));

export type CiiCapabilityCatalogResult =
  | { readonly ok: true; readonly catalog: CiiCapabilityCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads and validates every catalog file in `dir` (default: the shipped catalog). */
export function loadCiiCapabilityCatalogFrom(
  dir: string = DEFAULT_CII_CAPABILITY_DIR,
): CiiCapabilityCatalogResult {
  const read = readYamlDirectory(dir);
  if (!read.ok) return read;
  return validateCiiCapabilityCatalog(read.sources);
}

let cached: CiiCapabilityCatalog | undefined;

/**
 * The shipped catalog, loaded once per process. Throws with every problem listed if the data is
 * invalid — the tests make sure it never is.
 */
export function loadCiiCapabilityCatalog(): CiiCapabilityCatalog {
  if (cached !== undefined) return cached;
  const result = loadCiiCapabilityCatalogFrom();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`GB/T 39204 capability catalog is invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}

/** Validates catalog file texts (pure apart from hashing; the loader reads the files for it). */
export function validateCiiCapabilityCatalog(
  sources: readonly YamlSource[],
): CiiCapabilityCatalogResult {
  const problems: Problem[] = [];
  const files: ParsedFile[] = [];
  const raw: { file: string; data: unknown }[] = [];
  for (const source of sources) {
    const parsed = parseYaml(source);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    raw.push({ file: source.file, data: parsed.data });
    const checked = checkSchema(CapabilityCatalogFileSchema, parsed.data, {
      file: source.file,
      locate: parsed.locate,
    });
    if (!checked.ok) problems.push(...checked.problems);
    else files.push({ file: source.file, data: checked.data, locate: parsed.locate });
  }
  const catalog = build(files, problems, canonicalJsonHash(raw));
  if (problems.length > 0 || catalog === undefined) return { ok: false, problems };
  return { ok: true, catalog };
}

// --- internals -------------------------------------------------------------------------------

interface ParsedFile {
  readonly file: string;
  readonly data: CapabilityCatalogFile;
  readonly locate: Locator;
}

function build(
  files: readonly ParsedFile[],
  problems: Problem[],
  sourceHash: string,
): CiiCapabilityCatalog | undefined {
  const standards = files.filter(
    (f): f is ParsedFile & { data: StandardFile } => f.data.kind === 'standard',
  );
  const chapterFiles = files.filter(
    (f): f is ParsedFile & { data: ChapterFile } => f.data.kind === 'chapter',
  );
  for (const extra of standards.slice(1)) {
    problems.push(
      problemAt(
        extra.file,
        ['kind'],
        `a second standard file (the first is ${standards[0]?.file})`,
        extra.locate,
      ),
    );
  }
  const standardFile = standards[0];
  const sourceKeys = new Set(Object.keys(standardFile?.data.sources ?? {}));
  const checkSources = (
    file: ParsedFile,
    path: readonly PathSegment[],
    provenance: CapabilityProvenance,
  ) => {
    if (standardFile === undefined) return;
    provenance.sources.forEach((key, index) => {
      if (!sourceKeys.has(key)) {
        problems.push(
          problemAt(
            file.file,
            [...path, 'sources', index],
            `unknown source key "${key}" (not in ${standardFile.file} sources)`,
            file.locate,
          ),
        );
      }
    });
  };
  if (standardFile) {
    checkSources(standardFile, ['provenance'], standardFile.data.provenance);
    checkSources(
      standardFile,
      ['principles', 'provenance'],
      standardFile.data.principles.provenance,
    );
  }

  const seenIds = new Map<string, string>();
  const claim = (file: ParsedFile, path: readonly PathSegment[], id: string) => {
    const first = seenIds.get(id);
    if (first !== undefined) {
      problems.push(
        problemAt(file.file, path, `duplicate id ${id} (first in ${first})`, file.locate),
      );
    } else {
      seenIds.set(id, file.file);
    }
  };

  const chaptersById = new Map<string, ParsedFile & { data: ChapterFile }>();
  for (const file of chapterFiles) {
    const chapter = file.data;
    const expected = CAPABILITY_CHAPTERS.find((c) => c.id === chapter.id);
    if (expected && expected.key !== chapter.key) {
      problems.push(
        problemAt(
          file.file,
          ['key'],
          `chapter ${chapter.id} has the key ${expected.key}, not ${chapter.key}`,
          file.locate,
        ),
      );
    }
    const first = chaptersById.get(chapter.id);
    if (first) {
      problems.push(
        problemAt(file.file, ['id'], `chapter ${chapter.id} is also in ${first.file}`, file.locate),
      );
      continue;
    }
    chaptersById.set(chapter.id, file);
    checkSources(file, ['provenance'], chapter.provenance);
    chapter.clauses.forEach((clause, ci) => {
      const clausePath: PathSegment[] = ['clauses', ci];
      claim(file, [...clausePath, 'id'], clause.id);
      if (!clause.id.startsWith(`${chapter.id}.`)) {
        problems.push(
          problemAt(
            file.file,
            [...clausePath, 'id'],
            `clause ${clause.id} is not in chapter ${chapter.id}`,
            file.locate,
          ),
        );
      }
      checkSources(file, [...clausePath, 'provenance'], clause.provenance);
      clause.keyPoints?.forEach((point, pi) =>
        checkSources(file, [...clausePath, 'keyPoints', pi, 'provenance'], point.provenance),
      );
      const items = clause.items ?? [];
      if (items.length === 0 && !clause.assessable) {
        problems.push(
          problemAt(
            file.file,
            [...clausePath, 'assessable'],
            `clause ${clause.id} has no items, so it must be assessable`,
            file.locate,
          ),
        );
      }
      items.forEach((item, ii) => {
        const itemPath: PathSegment[] = [...clausePath, 'items', ii];
        claim(file, [...itemPath, 'id'], item.id);
        if (!item.id.startsWith(`${clause.id}-`)) {
          problems.push(
            problemAt(
              file.file,
              [...itemPath, 'id'],
              `item ${item.id} is not in clause ${clause.id}`,
              file.locate,
            ),
          );
        }
        checkSources(file, [...itemPath, 'provenance'], item.provenance);
      });
    });
  }
  for (const { id, key } of CAPABILITY_CHAPTERS) {
    if (!chaptersById.has(id)) {
      problems.push({ file: '(catalog)', path: '', message: `chapter ${id} (${key}) is missing` });
    }
  }
  if (!standardFile) {
    problems.push({ file: '(catalog)', path: '', message: 'no standard file (kind: standard)' });
    return undefined;
  }

  const nodes = zeroCounts();
  const keyPoints = zeroCounts();
  const chapters: CapabilityChapter[] = [];
  for (const { id } of CAPABILITY_CHAPTERS) {
    const file = chaptersById.get(id);
    if (!file) continue;
    const chapter = file.data;
    nodes[chapter.provenance.status] += 1;
    const requirements: CapabilityRequirement[] = [];
    for (const clause of chapter.clauses) {
      nodes[clause.provenance.status] += 1;
      for (const point of clause.keyPoints ?? []) keyPoints[point.provenance.status] += 1;
      if (clause.assessable) {
        requirements.push({
          id: clause.id,
          kind: 'clause',
          chapterId: chapter.id,
          clauseId: clause.id,
          title: clause.title,
          summary: clause.summary,
          evidence: clause.evidence,
          provenance: clause.provenance,
        });
      }
      for (const item of clause.items ?? []) {
        nodes[item.provenance.status] += 1;
        requirements.push({
          id: item.id,
          kind: 'item',
          chapterId: chapter.id,
          clauseId: clause.id,
          title: item.title,
          summary: item.summary,
          evidence: item.evidence,
          provenance: item.provenance,
        });
      }
    }
    chapters.push({
      id: chapter.id,
      key: chapter.key,
      title: chapter.title,
      summary: chapter.summary,
      provenance: chapter.provenance,
      clauses: chapter.clauses,
      requirements,
    });
  }
  for (const p of metadataProblems(standardFile.data))
    problems.push(problemAt(standardFile.file, p.path, p.message, standardFile.locate));
  const { kind: _kind, ...standard } = standardFile.data;
  const requirements = chapters.flatMap((c) => c.requirements);
  return {
    standard,
    chapters,
    requirements,
    requirementsById: new Map(requirements.map((r) => [r.id, r])),
    provenanceCounts: { nodes, keyPoints },
    sourceHash,
  };
}

function zeroCounts(): Record<VerificationStatus, number> {
  return Object.fromEntries(VERIFICATION_STATUSES.map((s) => [s, 0])) as Record<
    VerificationStatus,
    number
  >;
}
