/**
 * Generic helpers for validating catalogue YAML files: parse with line tracking, check a value
 * against a zod schema, and turn every failure into a {@link Problem} that names the file, the
 * data path (`instruments[3].provisions[2].id`) and, where the YAML has one, the line.
 *
 * Nothing here knows about a particular catalogue; see knowledge-base.ts for a user.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/** One thing wrong with a catalogue file. Lines and columns are 1-based. */
export interface Problem {
  /** File name relative to the catalogue directory (or as given to the validator). */
  readonly file: string;
  /** Data path such as `instruments[3].provisions[2].id`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The text of one catalogue file. */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
}

/** A step into parsed YAML data: a map key or a sequence index. */
export type PathSegment = string | number;

/** Finds the line/column of a data path in the parsed document (nearest existing ancestor). */
export type Locator = (
  path: readonly PathSegment[],
) => { line: number; column: number } | undefined;

/** Result of {@link parseYaml}: the plain data, or the syntax errors found. */
export type ParsedYaml =
  | { readonly ok: true; readonly data: unknown; readonly locate: Locator }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Formats a data path the way JavaScript would address it: `instruments[3].provisions[2].id`.
 *
 * @example formatPath(['instruments', 3, 'id']) // 'instruments[3].id'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else {
      const key = String(segment);
      out += /^[A-Za-z_$][\w$]*$/.test(key)
        ? out === ''
          ? key
          : `.${key}`
        : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/**
 * Parses one YAML file (YAML 1.2 core schema, so `2020-11-01` stays a string). Returns every
 * syntax error with its line and column, or the data plus a {@link Locator} for later problems.
 */
export function parseYaml(source: YamlSource): ParsedYaml {
  // Fast path: js-yaml (core schema, duplicate keys rejected) is several times faster than `yaml`
  // on our 0.5 MB catalog. The `yaml` CST, which knows lines, is built only when a problem needs a
  // line — or when js-yaml refuses the text, so syntax errors are reported by one parser.
  let data: unknown;
  try {
    data = jsYaml.load(source.text, { schema: jsYaml.CORE_SCHEMA, filename: source.file });
  } catch {
    return parseYamlWithLines(source);
  }
  return { ok: true, data, locate: lazyLocator(source) };
}

/** A {@link Locator} that parses `source` for line numbers only when first asked. */
export function lazyLocator(source: YamlSource): Locator {
  let locator: Locator | undefined;
  return (path) => {
    if (locator === undefined) {
      const parsed = parseYamlWithLines(source);
      locator = parsed.ok ? parsed.locate : () => undefined;
    }
    return locator(path);
  };
}

/** Parses with the `yaml` library, keeping the document so data paths can be mapped to lines. */
function parseYamlWithLines(source: YamlSource): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          file: source.file,
          path: '',
          message: `YAML syntax error (${error.code}): ${firstLine(error.message)}`,
          line: pos.line,
          column: pos.col,
        };
      }),
    };
  }
  return { ok: true, data: doc.toJS(), locate: makeLocator(doc, lineCounter) };
}

/**
 * Checks `value` against `schema`. On failure returns one {@link Problem} per zod issue, with
 * `basePath` prefixed to the issue path and the line looked up through `locate`.
 */
export function checkSchema<T>(
  schema: z.ZodType<T>,
  value: unknown,
  where: {
    readonly file: string;
    readonly basePath?: readonly PathSegment[];
    readonly locate: Locator;
  },
):
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly problems: readonly Problem[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const base = where.basePath ?? [];
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const issuePath = [...base, ...issue.path.filter(isPathSegment)];
    if (issue.code === 'unrecognized_keys') {
      // One problem per unknown key, pointing at the key itself.
      for (const key of issue.keys) {
        problems.push(
          problemAt(where.file, [...issuePath, key], `unknown field "${key}"`, where.locate),
        );
      }
      continue;
    }
    problems.push(problemAt(where.file, issuePath, issue.message, where.locate));
  }
  return { ok: false, problems };
}

/** Builds a {@link Problem} for `path`, adding the line/column when the locator finds one. */
export function problemAt(
  file: string,
  path: readonly PathSegment[],
  message: string,
  locate?: Locator,
): Problem {
  const pos = locate?.(path);
  return pos === undefined
    ? { file, path: formatPath(path), message }
    : { file, path: formatPath(path), message, line: pos.line, column: pos.column };
}

function makeLocator(doc: Document, lineCounter: LineCounter): Locator {
  return (path) => {
    // Walk up to the nearest ancestor that exists (a missing field is reported on its parent).
    for (let length = path.length; length >= 0; length -= 1) {
      const prefix = path.slice(0, length);
      const node = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
      if (isNode(node) && node.range !== undefined && node.range !== null) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    // Empty document: point at its start.
    return { line: 1, column: 1 };
  };
}

function isPathSegment(segment: PropertyKey): segment is PathSegment {
  return typeof segment === 'string' || typeof segment === 'number';
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

/**
 * Reads every `*.yaml` / `*.yml` file in `dir`, sorted by name. Unreadable directories or files
 * and an empty directory are problems, not exceptions.
 */
export function readYamlDirectory(
  dir: string,
):
  | { readonly ok: true; readonly sources: readonly YamlSource[] }
  | { readonly ok: false; readonly problems: readonly Problem[] } {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    return {
      ok: false,
      problems: [{ file: dir, path: '', message: `cannot read directory: ${errorText(error)}` }],
    };
  }
  if (names.length === 0) {
    return { ok: false, problems: [{ file: dir, path: '', message: 'no .yaml files found' }] };
  }
  const sources: YamlSource[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    try {
      sources.push({ file: name, text: readFileSync(join(dir, name), 'utf8') });
    } catch (error) {
      problems.push({ file: name, path: '', message: `cannot read file: ${errorText(error)}` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, sources };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads one catalog file and hands its text to `validate` under `name` (the name problems
 * carry); an unreadable file is a problem of its own.
 */
export function readCatalogFile<R>(
  file: string,
  name: string,
  validate: (source: YamlSource) => R,
): R | { readonly ok: false; readonly problems: readonly Problem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file, path: '', message: `cannot read file: ${message}` }] };
  }
  return validate({ file: name, text });
}
