/**
 * Loads and validates the knowledge-base seed: every `*.yaml` file in
 * src/catalogs/knowledge-base/ (one `instruments:` list per file).
 *
 * Validation is whole-or-nothing and reports EVERY problem: YAML syntax errors (with line),
 * schema errors per instrument, then cross-checks over all files — unique instrument ids, unique
 * provision ids within an instrument, `supersededBy` pointing at an existing instrument, and date
 * order (promulgated ≤ effective from ≤ effective to < successor's effective from).
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  InstrumentSchema,
  type Citation,
  type Instrument,
  type Provision,
} from './knowledge-base.schema';
import {
  canonicalJsonHash,
  CATALOG_METADATA_FIELDS,
  metadataProblems,
  type ChangelogEntry,
} from './catalog-metadata';
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

/** The shipped data directory, resolved from this module so it works from any cwd. */
export const DEFAULT_KNOWLEDGE_BASE_DIR = fileURLToPath(
  new URL('./knowledge-base/', import.meta.url),
);

/** The validated knowledge base: all instruments of all files, in file then list order. */
export interface KnowledgeBase {
  /** Human version of the data and its changelog (newest first), from the one file carrying them. */
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  /** SHA-256 of canonical JSON of the parsed files (comments and layout do not count). */
  readonly sourceHash: string;
  readonly instruments: readonly Instrument[];
}

/** Either the knowledge base or every problem found. */
export type KnowledgeBaseResult =
  | { readonly ok: true; readonly kb: KnowledgeBase }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** A citation as any caller may hold it (readonly, provision optional). */
export interface CitationLike {
  readonly instrumentId: string;
  readonly provisionId?: string | undefined;
}

/**
 * Reads every `*.yaml` / `*.yml` file in `dir` (default: the shipped seed) and validates it.
 *
 * @example
 * const result = loadKnowledgeBase();
 * if (!result.ok) for (const p of result.problems) console.error(`${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
 */
export function loadKnowledgeBase(dir: string = DEFAULT_KNOWLEDGE_BASE_DIR): KnowledgeBaseResult {
  const read = readYamlDirectory(dir);
  return read.ok ? validateKnowledgeBase(read.sources) : read;
}

/** Validates knowledge-base file texts (pure; {@link loadKnowledgeBase} reads the files for it). */
export function validateKnowledgeBase(sources: readonly YamlSource[]): KnowledgeBaseResult {
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  const rawIds: RawId[] = [];
  const metadata: { version: string; changelog: ChangelogEntry[]; file: string }[] = [];
  const parsedFiles: { file: string; data: unknown }[] = [];

  for (const source of sources) {
    const parsed = parseYaml(source);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const outer = checkSchema(FileOuterSchema, parsed.data, {
      file: source.file,
      locate: parsed.locate,
    });
    if (!outer.ok) {
      problems.push(...outer.problems);
      continue;
    }
    parsedFiles.push({ file: source.file, data: parsed.data });
    const { version, changelog } = outer.data;
    if (version !== undefined || changelog !== undefined) {
      if (version === undefined || changelog === undefined) {
        problems.push(
          problemAt(
            source.file,
            [version === undefined ? 'version' : 'changelog'],
            'give both version and changelog',
            parsed.locate,
          ),
        );
      } else {
        for (const p of metadataProblems({ version, changelog }))
          problems.push(problemAt(source.file, p.path, p.message, parsed.locate));
        metadata.push({ version, changelog, file: source.file });
      }
    }
    outer.data.instruments.forEach((raw, index) => {
      const basePath: PathSegment[] = ['instruments', index];
      const checked = checkSchema(InstrumentSchema, raw, {
        file: source.file,
        basePath,
        locate: parsed.locate,
      });
      if (checked.ok) {
        entries.push({ instrument: checked.data, file: source.file, index, locate: parsed.locate });
      } else {
        problems.push(...checked.problems);
        // Keep the id of an invalid instrument so references to it are not reported as dangling.
        const id = isRecord(raw) ? raw['id'] : undefined;
        if (typeof id === 'string')
          rawIds.push({ id, file: source.file, index, locate: parsed.locate });
      }
    });
  }

  problems.push(...crossCheck(entries, rawIds));
  const head = metadata[0];
  if (metadata.length > 1)
    problems.push({
      file: metadata[1]?.file ?? '',
      path: 'version',
      message: `only one file carries version and changelog (already in ${head?.file})`,
    });
  if (head === undefined && parsedFiles.length > 0)
    problems.push({
      file: parsedFiles[0]?.file ?? '',
      path: 'version',
      message: 'one knowledge-base file must carry the data version and changelog',
    });
  if (problems.length > 0 || head === undefined) return { ok: false, problems };
  return {
    ok: true,
    kb: {
      version: head.version,
      changelog: head.changelog,
      sourceHash: canonicalJsonHash(parsedFiles),
      instruments: entries.map((entry) => entry.instrument),
    },
  };
}

/** The instrument with this id, if any. */
export function findInstrument(kb: KnowledgeBase, instrumentId: string): Instrument | undefined {
  return kb.instruments.find((instrument) => instrument.id === instrumentId);
}

/**
 * The provision a citation points at; undefined when the instrument or provision does not exist
 * or the citation names no provision.
 */
export function findProvision(kb: KnowledgeBase, citation: CitationLike): Provision | undefined {
  if (citation.provisionId === undefined) return undefined;
  return findInstrument(kb, citation.instrumentId)?.provisions.find(
    (provision) => provision.id === citation.provisionId,
  );
}

/**
 * Returns the citations that do not resolve: unknown instrument, or unknown provision within a
 * known instrument. An empty array means every citation exists.
 *
 * @example
 * assert.deepEqual(assertCitationsExist(kb, rules.flatMap((r) => r.citations)), []);
 */
export function assertCitationsExist(
  kb: KnowledgeBase,
  citations: readonly CitationLike[],
): Citation[] {
  const missing: Citation[] = [];
  for (const citation of citations) {
    const instrument = findInstrument(kb, citation.instrumentId);
    const found =
      instrument !== undefined &&
      (citation.provisionId === undefined ||
        instrument.provisions.some((provision) => provision.id === citation.provisionId));
    if (!found) {
      missing.push(
        citation.provisionId === undefined
          ? { instrumentId: citation.instrumentId }
          : { instrumentId: citation.instrumentId, provisionId: citation.provisionId },
      );
    }
  }
  return missing;
}

// --- internals -------------------------------------------------------------------------------

/** Outer shape only; each instrument is checked on its own so one bad record hides nothing else. */
const FileOuterSchema = z.strictObject({
  version: CATALOG_METADATA_FIELDS.version.optional(),
  changelog: CATALOG_METADATA_FIELDS.changelog.optional(),
  instruments: z.array(z.unknown()),
});

interface Entry {
  readonly instrument: Instrument;
  readonly file: string;
  readonly index: number;
  readonly locate: Locator;
}

interface RawId {
  readonly id: string;
  readonly file: string;
  readonly index: number;
  readonly locate: Locator;
}

function crossCheck(entries: readonly Entry[], rawIds: readonly RawId[]): Problem[] {
  const problems: Problem[] = [];
  const at = (entry: Entry | RawId, path: readonly PathSegment[], message: string): Problem =>
    problemAt(entry.file, ['instruments', entry.index, ...path], message, entry.locate);

  // Unique instrument ids across all files (invalid records included).
  const firstById = new Map<string, Entry | RawId>();
  const everyId: (Entry | RawId)[] = [...entries, ...rawIds].sort(
    (a, b) => a.file.localeCompare(b.file) || a.index - b.index,
  );
  for (const record of everyId) {
    const id = 'instrument' in record ? record.instrument.id : record.id;
    const first = firstById.get(id);
    if (first === undefined) {
      firstById.set(id, record);
    } else {
      problems.push(
        at(
          record,
          ['id'],
          `duplicate instrument id "${id}" (first defined in ${first.file} at instruments[${first.index}])`,
        ),
      );
    }
  }

  const byId = new Map(entries.map((entry) => [entry.instrument.id, entry.instrument] as const));

  for (const entry of entries) {
    const { instrument } = entry;

    // Unique provision ids within the instrument.
    const seen = new Map<string, number>();
    instrument.provisions.forEach((provision, index) => {
      const first = seen.get(provision.id);
      if (first === undefined) {
        seen.set(provision.id, index);
      } else {
        problems.push(
          at(
            entry,
            ['provisions', index, 'id'],
            `duplicate provision id "${provision.id}" (first at provisions[${first}])`,
          ),
        );
      }
    });

    // supersededBy must name another, existing instrument; status must agree with it.
    const successorId = instrument.supersededBy;
    if (successorId !== null) {
      if (successorId === instrument.id) {
        problems.push(at(entry, ['supersededBy'], 'an instrument cannot supersede itself'));
      } else if (!firstById.has(successorId)) {
        problems.push(
          at(entry, ['supersededBy'], `supersededBy "${successorId}" is not a known instrument id`),
        );
      }
      if (instrument.status === 'in_force') {
        problems.push(at(entry, ['status'], 'status is in_force but supersededBy is set'));
      }
    } else if (instrument.status === 'superseded') {
      problems.push(at(entry, ['supersededBy'], 'status is superseded but supersededBy is null'));
    }

    // Date order.
    const { promulgatedOn, effectiveFrom, effectiveTo } = instrument;
    if (promulgatedOn !== null && effectiveFrom !== null && promulgatedOn > effectiveFrom) {
      problems.push(
        at(
          entry,
          ['effectiveFrom'],
          `effectiveFrom ${effectiveFrom} is before promulgatedOn ${promulgatedOn}`,
        ),
      );
    }
    if (effectiveFrom !== null && effectiveTo !== null && effectiveFrom > effectiveTo) {
      problems.push(
        at(
          entry,
          ['effectiveTo'],
          `effectiveTo ${effectiveTo} is before effectiveFrom ${effectiveFrom}`,
        ),
      );
    }
    const successor = successorId === null ? undefined : byId.get(successorId);
    if (
      successor !== undefined &&
      effectiveTo !== null &&
      successor.effectiveFrom !== null &&
      effectiveTo >= successor.effectiveFrom
    ) {
      problems.push(
        at(
          entry,
          ['effectiveTo'],
          `effectiveTo ${effectiveTo} overlaps the successor ${successor.id}, in force from ${successor.effectiveFrom}`,
        ),
      );
    }
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
