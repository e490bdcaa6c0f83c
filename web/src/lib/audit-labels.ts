import { AUDIT_ACTION, AUDIT_ENTITY } from '../../../src/shared/vocabulary';
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

/** A before/after value as text: null → "(空)", instants in Beijing time, objects as JSON. */
export function changeValue(t: T, value: unknown): string {
  if (value === null || value === undefined) return t('audit.nullValue');
  if (isInstant(value)) return formatTimestampSeconds(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return JSON.stringify(value);
}
