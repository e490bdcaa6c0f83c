import type { FormInstance } from 'antd';
import { ApiRequestError } from '../api/client';

/** Splits a server detail path ("businessInformation.0.degree", "/body/name", "types[0]") into form-name parts. */
export function pathParts(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((part) => part !== '' && part !== 'body')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
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
  if (!(error instanceof ApiRequestError)) return false;
  const byField = new Map<string, string[]>();
  for (const detail of error.body.details) {
    const [first] = pathParts(detail.path);
    if (typeof first === 'string' && fieldNames.includes(first)) {
      byField.set(first, [...(byField.get(first) ?? []), detail.message]);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
