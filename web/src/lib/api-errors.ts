import type { FormInstance } from 'antd';
import type { ApiError, MessageParams } from '../../../src/shared/api-types';
import { say, wordsOf } from '../../../src/shared/vocabulary';
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

/**
 * A message in the UI language: by its vocabulary code (src/shared/vocabulary) when the server
 * sent one, else the server's Chinese beside the English.
 */
export function detailMessage(
  detail: { message: string; messageZh?: string; code?: string; params?: MessageParams },
  language: string,
): string {
  const lang = language.startsWith('zh') ? 'zh' : 'en';
  if (detail.code && wordsOf(detail.code)) return say(detail.code, detail.params ?? {}, lang);
  return lang === 'zh' && detail.messageZh ? detail.messageZh : detail.message;
}

/** The error's own sentence in the UI language (its `message`, keyed by `messageCode`). */
export function errorMessage(body: ApiError, language: string): string {
  return detailMessage(
    {
      message: body.message,
      messageZh: body.messageZh,
      code: body.messageCode,
      params: body.params,
    },
    language,
  );
}

const PLACE = /^sheet (.+?)(?: row (\d+))?(?: column (.+))?$/;

/** A workbook place ("sheet 资产 row 5 column 类型") in words of the UI language, or null. */
export function placeLabel(
  t: (key: string, options?: Record<string, unknown>) => string,
  path: string,
): string | null {
  const m = PLACE.exec(path);
  if (!m) return null;
  const [, sheet, row, column] = m;
  return [
    t('error.place.sheet', { sheet }),
    row ? t('error.place.row', { row }) : '',
    column ? t('error.place.column', { column }) : '',
  ]
    .filter(Boolean)
    .join(t('error.place.separator'));
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
