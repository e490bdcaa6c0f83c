/** Actions and entity types the server writes to the audit log (src/app, src/server/routes). */
export const AUDIT_ACTIONS = [
  'system.create',
  'system.update',
  'system.grade',
  'system.import',
  'system.delete',
  'review.create',
  'filing.create',
  'event.create',
  'obligation.status_set',
  'obligation.status_clear',
  'member.add',
  'member.role_change',
  'member.remove',
  'member.change_refused',
  'assignment.add',
  'assignment.remove',
  'token.create',
  'token.revoke',
  'token.create_refused',
  'organisation.create',
  'organisation.update',
  'session.sign_in',
  'session.sign_in_failed',
  'session.sign_in_blocked',
  'session.sign_out',
  'session.sign_out_everywhere',
  'user.create',
  'user.password_change',
  'user.locked',
  'user.unlock',
] as const;

export const AUDIT_ENTITY_TYPES = [
  'system',
  'review',
  'filing',
  'system_event',
  'obligation',
  'membership',
  'system_assignment',
  'api_token',
  'organisation',
  'user',
] as const;

import { formatTimestampSeconds } from './dates';

type T = (key: string, options?: Record<string, unknown>) => string;

/** "system.create" → 新建定级对象; an action not known here is shown as written. */
export function actionLabel(t: T, action: string): string {
  return t(`audit.action.${action}`, { defaultValue: action });
}

export function entityTypeLabel(t: T, entityType: string): string {
  return t(`audit.entityType.${entityType}`, { defaultValue: entityType });
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
