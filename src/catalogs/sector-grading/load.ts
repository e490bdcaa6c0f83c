/**
 * Loads and validates the sector grading guides (guides.yaml). Validation reports every problem
 * with its line: the schema, then cross-checks — version and changelog, unique guide ids, a
 * source id meaning the same source everywhere, effective dates in order, and a guide marked
 * confirmed only when one of its sources names the provision it was read in.
 */
import { fileURLToPath } from 'node:url';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from '../catalog-metadata';
import {
  checkSchema,
  parseYaml,
  problemAt,
  type Locator,
  type Problem,
  type YamlSource,
  readCatalogFile,
} from '../validate';
import { SectorGradingFileSchema, type SectorGradingFile, type SectorGradingGuide } from './schema';

export const DEFAULT_SECTOR_GRADING_FILE = fileURLToPath(new URL('./guides.yaml', import.meta.url));

export interface SectorGradingCatalog {
  readonly version: string;
  readonly changelog: readonly ChangelogEntry[];
  readonly guides: readonly SectorGradingGuide[];
  /** SHA-256 of canonical JSON of the parsed data. */
  readonly sourceHash: string;
}

export type SectorGradingResult =
  | { readonly ok: true; readonly catalog: SectorGradingCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function loadSectorGrading(file: string = DEFAULT_SECTOR_GRADING_FILE): SectorGradingResult {
  return readCatalogFile(file, 'guides.yaml', validateSectorGrading);
}

/** Validates the file text (pure; {@link loadSectorGrading} reads the file). */
export function validateSectorGrading(source: YamlSource): SectorGradingResult {
  const parsed = parseYaml(source);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(SectorGradingFileSchema, parsed.data, {
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
      guides: data.guides,
      sourceHash: canonicalJsonHash(data),
    },
  };
}

function crossCheck(data: SectorGradingFile, file: string, locate: Locator): Problem[] {
  const problems: Problem[] = metadataProblems(data).map((p) =>
    problemAt(file, p.path, p.message, locate),
  );
  const ids = new Set<string>();
  const sources = new Map<string, string>();
  data.guides.forEach((g, i) => {
    if (ids.has(g.id))
      problems.push(problemAt(file, ['guides', i, 'id'], `duplicate guide id "${g.id}"`, locate));
    ids.add(g.id);
    if (g.effectiveTo !== null && g.effectiveTo < g.effectiveFrom)
      problems.push(
        problemAt(file, ['guides', i, 'effectiveTo'], 'must not be before effectiveFrom', locate),
      );
    g.sources.forEach((s, j) => {
      const canonical = JSON.stringify({ ...s, note: '' });
      const seen = sources.get(s.id);
      if (seen !== undefined && seen !== canonical)
        problems.push(
          problemAt(
            file,
            ['guides', i, 'sources', j, 'id'],
            `source "${s.id}" is described differently elsewhere; one id, one source`,
            locate,
          ),
        );
      sources.set(s.id, canonical);
    });
    if (!g.sources.some((s) => s.relation === 'rule'))
      problems.push(
        problemAt(
          file,
          ['guides', i, 'sources'],
          'name the source of the rule (relation: rule)',
          locate,
        ),
      );
    if (g.status === 'confirmed' && !g.sources.some((s) => s.provisionZh !== null))
      problems.push(
        problemAt(
          file,
          ['guides', i, 'status'],
          'a confirmed guide names the provision it was read in (sources[].provisionZh)',
          locate,
        ),
      );
  });
  return problems;
}

let cached: SectorGradingCatalog | undefined;

/** The shipped guides, loaded once per process; throws listing every problem if invalid. */
export function shippedSectorGrading(): SectorGradingCatalog {
  if (cached !== undefined) return cached;
  const result = loadSectorGrading();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`sector grading guides are invalid:\n${lines.join('\n')}`);
  }
  cached = result.catalog;
  return cached;
}
