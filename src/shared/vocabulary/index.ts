/**
 * One vocabulary for the server, CLI, reports and web: every label and message has a code and
 * text in Chinese and English. `say(code, params, lang)` renders one; errors carry
 * `{code, params}` so each client shows its own language. Pure data: no zod, no I/O, so the web
 * bundle can import it.
 */
import { ASSESSMENT } from './assessment';
import { ATTACHMENT, ATTACHMENT_PURPOSE, ATTACHMENT_RECORD } from './attachment';
import { COMPENSATION, COMPENSATION_SCOPE, PREVIOUS_ASSESSMENT } from './compensation';
import { CERTIFICATION_KIND, MEASURE_KIND, RECTIFICATION_PLAN } from './rectification-plan';
import { AUDIT_ACTION, AUDIT_ENTITY, AUDIT_FIELD, AUDIT_VALUE } from './audit';
import {
  ASSESSMENT_STATUS,
  CATEGORY,
  CII_RECTIFICATION_STATUS,
  EXTENSION,
  HARMED_OBJECT,
  ITEM_RESULT,
  OBJECT_KIND,
  RECTIFICATION_STATUS,
  RISK,
  ROLE,
  THING,
} from './labels';
import {
  ACCOUNT,
  APP,
  ASSESSMENT_XLSX,
  CII_XLSX,
  ERROR,
  VALIDATION,
  WHERE,
  XLSX,
} from './messages';
import { PRACTITIONER } from './practitioner';
import { PRIVACY_SCHEMA } from './privacy';
import { PRIVACY_REGISTER } from './privacy-register';
import { DATA_INVENTORY } from './data-inventory';
import { DATA_DUTIES } from './data-duties';
import { PIPIA } from './pipia';
import { DATA_RISK } from './data-risk';
import { APP_CHECK } from './app-check';
import { INCIDENTS } from './incidents';
import { TEMPLATE } from './template';
import type { Lang, Params, WordTable, Words } from './types';
import { VERIFICATION, VERIFICATION_FORMAT, VERIFICATION_SEVERITY } from './verification';
import { WORDING, WORKBOOK_XLSX } from './wording';

export type { Lang, Params, Words } from './types';
export * from './audit';
export * from './assessment';
export * from './labels';
export * from './messages';
export * from './verification';
export * from './wording';
export * from './practitioner';
export * from './privacy';
export * from './privacy-register';
export * from './data-inventory';
export * from './data-duties';
export * from './pipia';
export * from './data-risk';
export * from './app-check';
export * from './incidents';
export * from './compensation';
export * from './rectification-plan';
export * from './template';
export * from './attachment';

/** Each area's prefix and table. Label areas can be named in a placeholder: `{role:role}`. */
const AREAS = {
  category: CATEGORY,
  extension: EXTENSION,
  role: ROLE,
  rectification_status: RECTIFICATION_STATUS,
  cii_rectification_status: CII_RECTIFICATION_STATUS,
  risk: RISK,
  assessment_status: ASSESSMENT_STATUS,
  item_result: ITEM_RESULT,
  object_kind: OBJECT_KIND,
  harmed_object: HARMED_OBJECT,
  thing: THING,
  where: WHERE,
  'audit.action': AUDIT_ACTION,
  'audit.entity': AUDIT_ENTITY,
  'audit.field': AUDIT_FIELD,
  'audit.value': AUDIT_VALUE,
  validation: VALIDATION,
  account: ACCOUNT,
  error: ERROR,
  xlsx: XLSX,
  assessment_xlsx: ASSESSMENT_XLSX,
  cii_xlsx: CII_XLSX,
  app: APP,
  assessment: ASSESSMENT,
  verification: VERIFICATION,
  verification_severity: VERIFICATION_SEVERITY,
  verification_format: VERIFICATION_FORMAT,
  practitioner: PRACTITIONER,
  privacy_schema: PRIVACY_SCHEMA,
  privacy_register: PRIVACY_REGISTER,
  data_inventory: DATA_INVENTORY,
  data_duties: DATA_DUTIES,
  pipia: PIPIA,
  data_risk: DATA_RISK,
  app_check: APP_CHECK,
  incidents: INCIDENTS,
  wording: WORDING,
  workbook_xlsx: WORKBOOK_XLSX,
  compensation: COMPENSATION,
  compensation_scope: COMPENSATION_SCOPE,
  previous_assessment: PREVIOUS_ASSESSMENT,
  template: TEMPLATE,
  rectification_plan: RECTIFICATION_PLAN,
  measure_kind: MEASURE_KIND,
  certification_kind: CERTIFICATION_KIND,
  attachment: ATTACHMENT,
  attachment_purpose: ATTACHMENT_PURPOSE,
  attachment_record: ATTACHMENT_RECORD,
} as const satisfies Record<string, WordTable>;

type Areas = typeof AREAS;
type CodesOf<P extends string, T> = P extends string ? `${P}.${Extract<keyof T, string>}` : never;
/** Every code of the vocabulary, e.g. `xlsx.corrupt`, `audit.action.system.create`. */
export type Code = { [P in keyof Areas]: CodesOf<P, Areas[P]> }[keyof Areas];

/** The areas whose entries are messages (errors and validation problems). */
const MESSAGE_AREAS = [
  'validation',
  'account',
  'error',
  'xlsx',
  'assessment_xlsx',
  'cii_xlsx',
  'app',
  'assessment',
  'verification',
  'practitioner',
  'privacy_schema',
  'privacy_register',
  'data_inventory',
  'data_duties',
  'pipia',
  'data_risk',
  'app_check',
  'incidents',
  'wording',
  'workbook_xlsx',
  'compensation',
  'previous_assessment',
  'template',
  'rectification_plan',
  'attachment',
] as const;
export type MessageArea = (typeof MESSAGE_AREAS)[number];
export type MessageCode = { [P in MessageArea]: CodesOf<P, Areas[P]> }[MessageArea];

/** All codes with their words, flat. */
export const VOCABULARY: ReadonlyMap<string, Words> = new Map(
  Object.entries(AREAS).flatMap(([area, table]) =>
    Object.entries(table as WordTable).map(([key, words]) => [`${area}.${key}`, words] as const),
  ),
);

/** The words of a code, or undefined when the vocabulary has none. */
export function wordsOf(code: string): Words | undefined {
  return VOCABULARY.get(code);
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** A label of an area (`label('role', 'owner', 'zh')`), or the value as given when unknown. */
export function label(area: keyof Areas, value: string, lang: Lang): string {
  const key = area === 'thing' ? value.trim().replace(/[\s-]+/g, '_') : value;
  return VOCABULARY.get(`${area}.${key}`)?.[lang] ?? value;
}

/**
 * The text of `code` in `lang`, placeholders filled from `params`. An unknown code is returned
 * as written (the test in vocabulary.test.ts keeps that from happening for our own codes).
 */
export function say(code: string, params: Params = {}, lang: Lang = 'zh'): string {
  const words = VOCABULARY.get(code);
  if (!words) return code;
  return words[lang].replace(PLACEHOLDER, (whole, name: string, area?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (!area) return String(value);
    return area in AREAS ? label(area as keyof Areas, String(value), lang) : String(value);
  });
}

/** The placeholders of a text, e.g. `['role', 'actor']`. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

interface Template {
  readonly code: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English templates of the message areas, most specific (longest fixed text) first. */
const TEMPLATES: readonly Template[] = [...VOCABULARY]
  .filter(([code]) => MESSAGE_AREAS.some((area) => code.startsWith(`${area}.`)))
  .map(([code, words]) => {
    const names = placeholders(words.en);
    const source = words.en
      .split(PLACEHOLDER)
      // split() with two capture groups yields text, name, area, text, …
      .map((part, i) => (i % 3 === 0 ? escapeRegExp(part) : i % 3 === 1 ? '(.+?)' : ''))
      .join('');
    return { code, pattern: new RegExp(`^${source}$`, 's'), names };
  })
  .sort((a, b) => b.pattern.source.length - a.pattern.source.length);

/**
 * The code and params of one of our English messages, for text that reached a boundary without
 * its code (zod messages, errors thrown by code not yet keyed). Null when it is not ours.
 */
export function codeOfMessage(message: string): { code: MessageCode; params: Params } | null {
  for (const t of TEMPLATES) {
    const m = t.pattern.exec(message);
    if (!m) continue;
    const params: Record<string, string> = {};
    t.names.forEach((name, i) => {
      params[name] = m[i + 1] as string;
    });
    return { code: t.code as MessageCode, params };
  }
  return null;
}
