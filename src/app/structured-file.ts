import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { ValidationError, formatPath, type ErrorDetail } from '../errors';

/**
 * Reads a JSON or YAML document (JSON is parsed as YAML 1.2, so one parser serves both) and
 * validates it with a zod schema. Every problem comes back at once with its field path and
 * line, e.g. `systems[1].grading.gradedOn (line 14)`; nothing is returned on any error.
 */
export function parseStructuredFile<S extends z.ZodType>(
  text: string,
  schema: S,
  fileName = 'input',
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ValidationError(
      `${fileName} is not valid JSON or YAML`,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return {
          path: pos ? `line ${pos.line}, column ${pos.col}` : '(document)',
          message: e.message.split('\n')[0] ?? e.message,
        };
      }),
    );
  }
  let value: unknown;
  try {
    // Unresolved or excessive aliases (an alias bomb) are found only here.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ValidationError(`${fileName} is not valid JSON or YAML`, [
      { path: '(document)', message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details: ErrorDetail[] = parsed.error.issues.map((issue) => {
    const node = nodeAt(doc.contents, issue.path);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    const path = formatPath('', issue.path);
    return { path: line ? `${path} (line ${line})` : path, message: issue.message };
  });
  throw new ValidationError(`${fileName} has ${details.length} problem(s)`, details);
}

/** The deepest node along a path (so a missing key points at its parent object's line). */
function nodeAt(root: unknown, path: readonly PropertyKey[]): Node | undefined {
  let node = root as Node | undefined;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.get(key as string, true);
    else if (isSeq(node)) next = node.get(key as number, true);
    if (!next || typeof next !== 'object') return node;
    node = next as Node;
  }
  return node;
}
