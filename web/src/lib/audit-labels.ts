import {
  CII_ASSET_KIND_LABELS,
  CII_DEPENDENCY_LABELS,
  CII_SECTOR_LABELS,
  CII_STAGE_LABELS,
} from '../../../src/shared/cii-schemas';
import {
  ASSESSMENT_STATUS,
  AUDIT_ACTION,
  AUDIT_ENTITY,
  AUDIT_VALUE,
  CII_RECTIFICATION_STATUS,
  EXTENSION,
  HARMED_OBJECT,
  ITEM_RESULT,
  OBJECT_KIND,
  RECTIFICATION_STATUS,
  RISK,
  ROLE,
  type Words,
} from '../../../src/shared/vocabulary';
import { formatTimestampSeconds } from './dates';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Actions and entity types the server writes to the audit log, from the shared vocabulary. */
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION) as (keyof typeof AUDIT_ACTION)[];
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY) as (keyof typeof AUDIT_ENTITY)[];

/** "system.create" → 新建定级对象; an action not known here is shown as written. */
export function actionLabel(t: T, action: string): string {
  return t(`audit.action.${action}`, { defaultValue: action });
}

export function entityTypeLabel(t: T, entityType: string): string {
  return t(`audit.entityType.${entityType}`, { defaultValue: entityType });
}

/** A changed field ("organisation_id" → 所属组织); a field not known here is shown as written. */
export function fieldLabel(t: T, field: string): string {
  return t(`audit.field.${field}`, { defaultValue: field });
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An instant stored in UTC (created_at …) reads as Beijing time; the stored text stays available. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value);
}

/**
 * Coded values the audited rows hold (statuses, kinds, results, roles …) in words. One code
 * means the same wherever it appears, so one map serves every field.
 */
const VALUE_WORDS: ReadonlyMap<string, Words> = new Map(
  [
    AUDIT_VALUE,
    CII_SECTOR_LABELS,
    CII_STAGE_LABELS,
    CII_ASSET_KIND_LABELS,
    CII_DEPENDENCY_LABELS,
    HARMED_OBJECT,
    EXTENSION,
    OBJECT_KIND,
    ITEM_RESULT,
    RISK,
    ASSESSMENT_STATUS,
    CII_RECTIFICATION_STATUS,
    RECTIFICATION_STATUS,
    ROLE,
  ].flatMap((table) => Object.entries(table as Record<string, Words>)),
);

const CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** A coded value in words of the UI language; system types and degrees from the i18n texts. */
function codeWords(t: T, lang: 'zh' | 'en', code: string): string {
  const words = VALUE_WORDS.get(code);
  if (words) return words[lang];
  for (const area of ['systemType', 'degree', 'obligation.state']) {
    const text = t(`${area}.${code}`, { defaultValue: '' });
    if (text) return text;
  }
  return code;
}

/** A stored text with its codes in words: a code, or "<id>@<object>: <result>" rows of results. */
function textWords(t: T, lang: 'zh' | 'en', text: string): string {
  if (CODE.test(text)) return codeWords(t, lang, text);
  // A list stored as JSON text (types, extensions): item by item.
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list) && list.every((v) => typeof v === 'string'))
        return list.map((v: string) => textWords(t, lang, v)).join(lang === 'zh' ? '、' : ', ');
    } catch {
      // not JSON: shown as it is
    }
  }
  // An object stored as JSON text (a test object's attributes): the fields that are set, in words.
  if (text.startsWith('{')) {
    try {
      const object: unknown = JSON.parse(text);
      if (object !== null && typeof object === 'object' && !Array.isArray(object))
        return objectWords(t, lang, object as Record<string, unknown>);
    } catch {
      // not JSON: shown as it is
    }
  }
  return text.replace(
    /: ([a-z][a-z0-9]*(?:_[a-z0-9]+)*)$/,
    (_, code: string) => `: ${codeWords(t, lang, code)}`,
  );
}

/** Coded attributes of a test object (关键, 重要个人信息 …), from the assessment texts. */
const CODED_ATTRIBUTES = new Set(['importance', 'dataClass']);

/** `IP 地址：10.0.0.5；重要程度：关键`: the fields of a stored object that are set. */
function objectWords(t: T, lang: 'zh' | 'en', object: Record<string, unknown>): string {
  const set = Object.entries(object).filter(
    ([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  if (set.length === 0) return t('audit.nullValue');
  return set
    .map(([key, v]) => {
      const value = Array.isArray(v)
        ? v.map(String).join(lang === 'zh' ? '、' : ', ')
        : CODED_ATTRIBUTES.has(key)
          ? t(`assessment.${key}.${String(v)}`, { defaultValue: String(v) })
          : String(v);
      const name = t(`assessment.objects.${key}`, { defaultValue: key });
      return `${name}${lang === 'zh' ? '：' : ': '}${value}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}

/**
 * A before/after value as text: null → "(空)", instants in Beijing time, coded values in words
 * (in_progress → 整改中), lists item by item, other objects as JSON.
 */
export function changeValue(t: T, value: unknown, language = 'zh-CN'): string {
  const lang = language.startsWith('zh') ? 'zh' : 'en';
  if (value === null || value === undefined) return t('audit.nullValue');
  if (isInstant(value)) return formatTimestampSeconds(value);
  if (typeof value === 'string') return textWords(t, lang, value);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value
      .map((v) => (typeof v === 'string' ? textWords(t, lang, v) : String(v)))
      .join(lang === 'zh' ? '、' : ', ');
  return JSON.stringify(value);
}
