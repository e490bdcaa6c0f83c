import type { FormInstance } from 'antd';
import { ApiRequestError } from '../api/client';
import i18n from '../i18n';

/** Splits a server detail path ("businessInformation.0.degree", "/body/name", "types[0]") into form-name parts. */
export function pathParts(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((part) => part !== '' && part !== 'body')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The detail's message in the UI language: the server sends Chinese beside the English. */
export function detailMessage(
  detail: { message: string; messageZh?: string },
  language: string,
): string {
  return language.startsWith('zh') && detail.messageZh ? detail.messageZh : detail.message;
}

/**
 * Puts the server's field errors on the matching form fields (values are left untouched, so
 * nothing typed is lost). Returns true when at least one detail matched a field of the form.
 */
export function applyApiErrorsToForm(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): boolean {
  const language = i18n.language;
  if (!(error instanceof ApiRequestError)) return false;
  const byField = new Map<string, string[]>();
  for (const detail of error.body.details) {
    const [first] = pathParts(detail.path);
    if (typeof first === 'string' && fieldNames.includes(first)) {
      byField.set(first, [...(byField.get(first) ?? []), detailMessage(detail, language)]);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
