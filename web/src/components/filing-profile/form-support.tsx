/** What both profile forms share: the server's field errors on the fields, the 409 notice, blanks. */
import { Alert, Button, Typography, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/client';
import { isVersionConflict } from '../../api/filing-profile-hooks';
import { detailMessage, pathParts } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';

/**
 * Keeps the form on the record the user started from. The server's newer values replace the
 * form only when asked (after our own save, on 载入最新内容) or while nothing has been typed, so
 * a refetch never wipes what is being typed; the version sent is the one the form was loaded
 * from, so a save over someone else's change is refused (409) rather than overwriting it.
 */
export function useLoadedRecord<V>(form: FormInstance<V>, values: V, version: number) {
  const [loadedVersion, setLoadedVersion] = useState(version);
  const replace = useRef(true);
  useEffect(() => {
    if (!replace.current && form.isFieldsTouched()) return;
    replace.current = false;
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
    setLoadedVersion(version);
  }, [form, values, version]);
  return {
    loadedVersion,
    /** The next values from the server replace the form's (call before saving or reloading). */
    replaceNext: (next = true) => {
      replace.current = next;
    },
  };
}

/** A trimmed text, or null when nothing was typed. */
export function textOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A number typed in an InputNumber, or null. */
export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Puts each of the server's 400 details on its field: the form's names mirror the request body
 * (`filingProfile.head.officePhone`, `filingProfile.dataCategories.2.volume`), so the detail's
 * path is the field's name. Details of fields the form does not show stay in the alert.
 */
export function applyProfileErrors(form: FormInstance, error: unknown, language: string): void {
  if (!(error instanceof ApiRequestError)) return;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const detail of error.body.details) {
    const name = pathParts(detail.path);
    // `businessTypes[1]`: the form's field is the whole list (a checkbox group).
    while (typeof name.at(-1) === 'number') name.pop();
    if (name.length === 0) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(detailMessage(detail, language));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next();
  if (!first.done) form.scrollToField(first.value.name, { block: 'center' });
}

/**
 * The save's failure above the form: a 409 says someone else saved meanwhile and offers to load
 * their version (what was typed here is then replaced); other errors list the fields.
 */
export function SaveErrorAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The save button is at the foot of a long form: bring the news to the user (field errors
  // are scrolled to by applyProfileErrors instead).
  useEffect(() => {
    const onFields = error instanceof ApiRequestError && error.body.details.length > 0;
    if (error && !onFields) ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [error]);
  if (!error) return null;
  return <div ref={ref}>{saveError(error, onReload, t)}</div>;
}

function saveError(
  error: unknown,
  onReload: () => void,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  if (isVersionConflict(error)) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="filing-profile-conflict"
        title={t('filingProfile.conflict.title')}
        description={
          <Typography.Text>
            {t('filingProfile.conflict.description')}{' '}
            <Button size="small" onClick={onReload}>
              {t('filingProfile.conflict.reload')}
            </Button>
          </Typography.Text>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  return <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />;
}

/** 备案表还缺 N 项: the answers the filing form asks for that are still empty, by label. */
export function MissingHint({ missing }: { missing: string[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="filing-profile-missing"
        title={t('filingProfile.complete')}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      data-testid="filing-profile-missing"
      title={t('filingProfile.missing', { count: missing.length })}
      description={missing.join(t('common.listSeparator'))}
      style={{ marginBottom: 16 }}
    />
  );
}
