/**
 * Loads and validates the level-3 test guidance (测评作业指导) of the GB/T 22239-2019 general
 * requirements: what the assessor does for each requirement item (steps), what a compliant
 * system shows (expected result) and how to judge 符合 / 部分符合 / 不符合 (judgement), keyed by
 * the catalog's requirement id and the GB/T 28448-2019 test id. The texts are our own words.
 *
 * Files: every `*.yaml` in src/catalogs/gbt22239/test-guidance/ (`part: technical` and
 * `part: management`), plus any `test-guidance-*.yaml` directly in src/catalogs/gbt22239/. The
 * subfolder is the place for them: the GB/T 22239 catalog loader reads every YAML file at the top
 * of gbt22239/ and accepts only its own kinds.
 *
 * Validation is whole-or-nothing and reports EVERY problem with its file, data path and line:
 * syntax, schema, then cross-checks against the compiled MLPS catalog — the requirement exists,
 * is a general requirement present at level 3 and of the file's part (technical/management); the
 * test id equals the catalog's level-3 test id (where the catalog has none, it must have the
 * form L3-<category>1-NN of the item's own category and is marked as derived); no requirement
 * or test id twice; the judgement says what is 不符合.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shippedMlpsCatalog } from './mlps-catalog';
import type { MlpsCatalog } from './mlps-catalog.model';
import {
  TestGuidanceFileSchema,
  type TestGuidanceFile,
  type TestGuidancePart,
} from './test-guidance.schema';
import {
  checkSchema,
  parseYaml,
  problemAt,
  type Locator,
  type Problem,
  type YamlSource,
} from './validate';

/** The guidance folder (src/ under tsx, dist/ when compiled: the build copies YAML files). */
export const DEFAULT_TEST_GUIDANCE_DIR = fileURLToPath(
  new URL('./gbt22239/test-guidance/', import.meta.url),
);
/** The catalog folder, where `test-guidance-*.yaml` files are read too (see the module note). */
const CATALOG_DIR = fileURLToPath(new URL('./gbt22239/', import.meta.url));

/** A guidance file larger than this is refused unread. */
export const MAX_TEST_GUIDANCE_FILE_BYTES = 1024 * 1024;

/** Chinese and English text. */
export interface GuidanceText {
  zh: string;
  en: string;
}

/** The guidance for one requirement item, as the API, the web and the Excel export show it. */
export interface TestGuidance {
  /** Catalog requirement id, e.g. 8.1.4.1-a. */
  requirementId: string;
  /** GB/T 28448-2019 test id (测评项编号), e.g. L3-CES1-01; null where none is known. */
  testId: string | null;
  /** True when the catalog has no test id for the item and the file's id was derived by position. */
  testIdDerived: boolean;
  steps: GuidanceText[];
  expected: GuidanceText;
  judgement: GuidanceText;
  /** What the guidance follows, e.g. `GB/T 28448-2019 L3-CES1-01`. */
  source: string;
  part: TestGuidancePart;
}

export interface TestGuidanceSet {
  readonly entries: readonly TestGuidance[];
  readonly byRequirement: ReadonlyMap<string, TestGuidance>;
  /** Files read, relative to the catalog folder. */
  readonly files: readonly string[];
}

export type TestGuidanceResult =
  | { readonly ok: true; readonly guidance: TestGuidanceSet }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Reads the guidance files: every `*.yaml` in `dir`, and `test-guidance-*.yaml` in `catalogDir`.
 * File names in the result are relative to `catalogDir` (e.g. `test-guidance/…-technical.yaml`).
 */
export function readTestGuidanceSources(
  dir: string = DEFAULT_TEST_GUIDANCE_DIR,
  catalogDir: string = CATALOG_DIR,
):
  | { readonly ok: true; readonly sources: readonly YamlSource[] }
  | { readonly ok: false; readonly problems: readonly Problem[] } {
  const sources: YamlSource[] = [];
  const problems: Problem[] = [];
  const collect = (folder: string, prefix: string, pattern: RegExp) => {
    let names: string[];
    try {
      names = readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isFile() && pattern.test(entry.name))
        .map((entry) => entry.name)
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      problems.push({ file: folder, path: '', message: `cannot read directory: ${text(error)}` });
      return;
    }
    for (const name of names) {
      const file = `${prefix}${name}`;
      try {
        const size = statSync(join(folder, name)).size;
        if (size > MAX_TEST_GUIDANCE_FILE_BYTES) {
          problems.push({
            file,
            path: '',
            message: `file is ${size} bytes; at most ${MAX_TEST_GUIDANCE_FILE_BYTES} are read`,
          });
          continue;
        }
        sources.push({ file, text: readFileSync(join(folder, name), 'utf8') });
      } catch (error) {
        problems.push({ file, path: '', message: `cannot read file: ${text(error)}` });
      }
    }
  };
  collect(dir, 'test-guidance/', /\.ya?ml$/);
  collect(catalogDir, '', /^test-guidance-.*\.ya?ml$/);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, sources };
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads and validates the guidance files against `catalog` (default: the shipped ones). */
export function loadTestGuidance(
  catalog: MlpsCatalog = shippedMlpsCatalog(),
  dir: string = DEFAULT_TEST_GUIDANCE_DIR,
  catalogDir: string = CATALOG_DIR,
): TestGuidanceResult {
  const read = readTestGuidanceSources(dir, catalogDir);
  if (!read.ok) return read;
  return validateTestGuidance(read.sources, catalog);
}

/** Validates guidance file texts against a catalog (pure; {@link loadTestGuidance} reads). */
export function validateTestGuidance(
  sources: readonly YamlSource[],
  catalog: MlpsCatalog,
): TestGuidanceResult {
  const problems: Problem[] = [];
  const parsedFiles: { file: string; data: TestGuidanceFile; locate: Locator }[] = [];
  for (const source of sources) {
    const parsed = parseYaml(source);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const checked = checkSchema(TestGuidanceFileSchema, parsed.data, {
      file: source.file,
      locate: parsed.locate,
    });
    if (!checked.ok) problems.push(...checked.problems);
    else parsedFiles.push({ file: source.file, data: checked.data, locate: parsed.locate });
  }

  const entries: TestGuidance[] = [];
  const seenRequirement = new Map<string, string>();
  const seenTestId = new Map<string, string>();
  for (const { file, data, locate } of parsedFiles) {
    for (const [index, entry] of data.entries.entries()) {
      const at = (field: string, message: string) =>
        problems.push(problemAt(file, ['entries', index, field], message, locate));
      const where = `${file} entries[${index}]`;

      const requirement = catalog.requirementById.get(entry.requirement);
      if (requirement === undefined) {
        at('requirement', `${entry.requirement} is not a requirement of the GB/T 22239 catalog`);
        continue;
      }
      const level3 = requirement.levels.find((l) => l.level === 3);
      if (requirement.extension !== 'general' || level3 === undefined) {
        at(
          'requirement',
          `${entry.requirement} is not a level-3 general requirement (this guidance covers level 3 of 安全通用要求 only)`,
        );
        continue;
      }
      if (requirement.kind !== data.part) {
        at(
          'requirement',
          `${entry.requirement} (${requirement.category}) is a ${requirement.kind} requirement, but the file is part: ${data.part}`,
        );
      }
      const earlier = seenRequirement.get(entry.requirement);
      if (earlier !== undefined) {
        at('requirement', `${entry.requirement} has guidance twice (first at ${earlier})`);
        continue;
      }
      seenRequirement.set(entry.requirement, where);

      const catalogTestId = level3.testId ?? null;
      let derived = false;
      if (catalogTestId !== null) {
        if (entry.testId !== catalogTestId) {
          at(
            'testId',
            `must be ${catalogTestId}, the catalog's level-3 GB/T 28448 test id of ${entry.requirement} (found ${entry.testId ?? 'null'})`,
          );
        }
      } else if (entry.testId !== null) {
        derived = true;
        if (!entry.testId.startsWith(`L3-${requirement.category}1-`)) {
          at(
            'testId',
            `${entry.testId} does not belong to category ${requirement.category} (expected L3-${requirement.category}1-NN)`,
          );
        }
      }
      if (entry.testId !== null) {
        const other = seenTestId.get(entry.testId);
        if (other !== undefined) at('testId', `${entry.testId} is used twice (first at ${other})`);
        else seenTestId.set(entry.testId, where);
      }
      if (!entry.judgement.zh.includes('不符合')) {
        at('judgement', 'the Chinese judgement must say what is 不符合');
      }

      entries.push({
        requirementId: entry.requirement,
        testId: entry.testId,
        testIdDerived: derived,
        steps: entry.steps.map((s) => ({ zh: s.zh, en: s.en })),
        expected: { zh: entry.expected.zh, en: entry.expected.en },
        judgement: { zh: entry.judgement.zh, en: entry.judgement.en },
        source:
          entry.testId === null
            ? 'GB/T 28448-2019'
            : `GB/T 28448-2019 ${entry.testId}${derived ? ' (编号按顺序推算 / id derived by position)' : ''}`,
        part: data.part,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const order = new Map(catalog.requirements.map((r) => [r.id, r.order]));
  entries.sort((a, b) => (order.get(a.requirementId) ?? 0) - (order.get(b.requirementId) ?? 0));
  return {
    ok: true,
    guidance: {
      entries,
      byRequirement: new Map(entries.map((e) => [e.requirementId, e])),
      files: sources.map((s) => s.file),
    },
  };
}

/** Level-3 general requirement ids of `catalog` that `guidance` does not cover, in catalog order. */
export function requirementsWithoutGuidance(
  catalog: MlpsCatalog,
  guidance: TestGuidanceSet,
  kind?: TestGuidancePart,
): string[] {
  return catalog.requirements
    .filter(
      (r) =>
        r.extension === 'general' &&
        r.levels.some((l) => l.level === 3) &&
        (kind === undefined || r.kind === kind) &&
        !guidance.byRequirement.has(r.id),
    )
    .map((r) => r.id);
}

let cached: TestGuidanceSet | undefined;

/**
 * The shipped guidance, loaded once per process (on first use). Throws with every problem listed
 * if the data is invalid — its test makes sure it never is.
 */
export function shippedTestGuidance(): TestGuidanceSet {
  if (cached !== undefined) return cached;
  const result = loadTestGuidance();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`GB/T 22239 test guidance is invalid:\n${lines.join('\n')}`);
  }
  cached = result.guidance;
  return cached;
}

/** The level-3 test guidance of one requirement item (8.1.4.1-a), or undefined where none. */
export function testGuidanceFor(requirementId: string): TestGuidance | undefined {
  return shippedTestGuidance().byRequirement.get(requirementId);
}

/** How many requirement items have test guidance. */
export function testGuidanceCount(): number {
  return shippedTestGuidance().entries.length;
}
