/**
 * How much of what the server and CLI say is keyed. Every English message written in the source
 * (errors thrown, details, zod messages) is looked up in the vocabulary; one it does not know
 * reaches a Chinese client in English. The list is printed; the ceiling only goes down: key a
 * message (src/shared/vocabulary/messages.ts) and lower it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { codeOfMessage } from './index';

/** Messages still without Chinese text (measured 2026-12-07, issue 17; lower it as messages are keyed). */
const CEILING = 95;

const SRC = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

const STRING = String.raw`(?:'((?:\\.|[^'\\])*)'|\x60((?:\\.|[^\x60\\])*)\x60)`;
/** `new XError('…'` (with `'CODE', 400,` first for AppError) and `message: '…'`. */
const PATTERNS = [
  new RegExp(
    String.raw`new (?:ValidationError|ConflictError|ForbiddenError|UnauthenticatedError|AccountLockedError|UsageError|AppError)\(\s*(?:'[A-Z_]+',\s*\d+,\s*)?` +
      STRING,
    'g',
  ),
  new RegExp(String.raw`\bmessage:\s*` + STRING, 'g'),
];

/** A literal as the message it makes: `${…}` stands for any value. */
const asMessage = (literal: string) => literal.replace(/\$\{[^}]*\}/g, 'v1');

test('English messages in the source have Chinese text in the vocabulary', (t) => {
  const unkeyed: string[] = [];
  for (const file of sources(SRC)) {
    if (file.includes(`${path.sep}vocabulary${path.sep}`) || file.endsWith('messages-zh.ts'))
      continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        const literal = m[1] ?? m[2] ?? '';
        // Not a sentence (a code, a key) or already Chinese only.
        if (!/[a-z]{2,} [a-z]{2,}/i.test(literal) || !/[A-Za-z]/.test(literal)) continue;
        if (codeOfMessage(asMessage(literal))) continue;
        const line = text.slice(0, m.index).split('\n').length;
        unkeyed.push(`${path.relative(SRC, file)}:${line}: ${literal.slice(0, 100)}`);
      }
    }
  }
  t.diagnostic(`${unkeyed.length} messages without Chinese text:\n${unkeyed.join('\n')}`);
  assert.ok(
    unkeyed.length <= CEILING,
    `${unkeyed.length} messages have no Chinese text (at most ${CEILING}); key the new ones in src/shared/vocabulary/messages.ts`,
  );
});
