/**
 * Errors of the register's forms on their fields, whether they come from the shared zod schema
 * (checked before sending) or from the server (its details): nested paths such as
 * `recipients.0.country` land on the field of that row; every problem is also returned as a line
 * for the list above the form, so one on a field the form does not show is not lost.
 */
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { codeOfMessage, say } from '../../../../src/shared/vocabulary';
import { ApiRequestError } from '../../api/client';
import i18n from '../../i18n';
import { detailMessage, pathParts } from '../../lib/api-errors';

export interface FieldProblem {
  readonly name: (string | number)[];
  readonly message: string;
}

/** A zod message in the UI language (the vocabulary's Chinese where it has the message). */
export function zodMessage(message: string, language: string): string {
  const lang = language.startsWith('zh') ? 'zh' : 'en';
  const keyed = codeOfMessage(message);
  return keyed ? say(keyed.code, keyed.params, lang) : message;
}

/** zod's own wording for a missing value or an unchosen option, which no vocabulary keys. */
function builtInMessage(issue: z.core.$ZodIssue): string | null {
  if (issue.code === 'invalid_type' && /received (undefined|null)/.test(issue.message))
    return i18n.t('privacy.validation.required');
  if (issue.code === 'invalid_value') return i18n.t('privacy.validation.choose');
  return null;
}

export function zodProblems(error: z.ZodError, language: string): FieldProblem[] {
  return error.issues.map((issue) => ({
    name: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: builtInMessage(issue) ?? zodMessage(issue.message, language),
  }));
}

export function serverProblems(error: unknown, language: string): FieldProblem[] {
  if (!(error instanceof ApiRequestError)) return [];
  return error.body.details.map((detail) => ({
    name: pathParts(detail.path),
    message: detailMessage(detail, language),
  }));
}

/** Puts each problem on its field (values stay as typed) and scrolls to the first. */
export function showProblems(form: FormInstance, problems: readonly FieldProblem[]): void {
  const byName = new Map<string, FieldProblem & { errors: string[] }>();
  for (const p of problems) {
    if (p.name.length === 0) continue;
    const key = p.name.join('.');
    const entry = byName.get(key) ?? { ...p, errors: [] };
    entry.errors.push(p.message);
    byName.set(key, entry);
  }
  form.setFields([...byName.values()].map(({ name, errors }) => ({ name, errors })));
  const first = byName.values().next();
  if (!first.done) form.scrollToField(first.value.name, { block: 'center' });
}
