import { readFileSync } from 'node:fs';
import { AppError } from '../errors';
import { codeOfMessage, say, wordsOf, type Lang, type Params } from '../shared/vocabulary';

/** Exit codes: 0 ok, 1 rule/validation failure, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** Reads a file argument, or stdin when it is `-` or absent. */
export function readInput(file: string | undefined): { text: string; name: string } {
  if (!file || file === '-') return { text: readFileSync(0, 'utf8'), name: 'stdin' };
  try {
    return { text: readFileSync(file, 'utf8'), name: file };
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

/**
 * The languages errors are printed in: DENGBAO_LANG=zh (Chinese only), en (English only), or by
 * default both, Chinese under the English line that scripts and older notes match on.
 */
function errorLanguages(): readonly Lang[] {
  const lang = process.env.DENGBAO_LANG?.toLowerCase();
  if (lang === 'zh' || lang === 'zh-cn') return ['zh'];
  if (lang === 'en') return ['en'];
  return ['en', 'zh'];
}

/** A message's lines in the chosen languages; the Chinese from its code when it has one. */
function messageLines(message: string, code?: string, params?: Params): string[] {
  const keyed = code && wordsOf(code) ? { code, params: params ?? {} } : codeOfMessage(message);
  return errorLanguages()
    .map((lang) => (lang === 'en' || !keyed ? message : say(keyed.code, keyed.params, lang)))
    .filter((line, i, all) => all.indexOf(line) === i);
}

/** Prints an error the way a user can act on it and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof AppError) {
    const [first = '', ...more] = messageLines(error.message, error.messageCode, error.params);
    process.stderr.write(`error: ${first}\n`);
    for (const line of more) process.stderr.write(`       ${line}\n`);
    for (const d of error.details) {
      const [line = '', ...others] = messageLines(d.message, d.code, d.params);
      process.stderr.write(`  - ${d.path}: ${line}\n`);
      for (const other of others) process.stderr.write(`    ${other}\n`);
    }
    return EXIT.invalid;
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.invalid;
}

/** A plain text table with CJK-aware column widths. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const width = (s: string) =>
    [...s].reduce((n, ch) => n + (/[\u1100-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const cols = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(Math.max(0, (cols[i] ?? 0) - width(c))))
      .join('  ')
      .trimEnd();
  return [line(headers), cols.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
