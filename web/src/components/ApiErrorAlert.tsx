import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import { detailMessage, errorMessage, pathParts, placeLabel } from '../lib/api-errors';

/** Names what failed and, for validation errors, each field with the server's message. */
export function ApiErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (!(error instanceof ApiRequestError)) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('error.unexpected')}
        description={String(error)}
        style={style}
      />
    );
  }
  const { body, status } = error;
  const title =
    status === 0
      ? t('error.network')
      : t(`error.code.${body.code}`, { defaultValue: t('error.unexpected') });
  const description =
    body.details.length > 0 ? (
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {body.details.map((detail, i) => (
          <li key={i}>
            <strong>{fieldLabel(t, detail.path)}</strong>
            {t('error.fieldSeparator')}
            {detailMessage(detail, i18n.language)}
          </li>
        ))}
      </ul>
    ) : (
      errorMessage(body, i18n.language)
    );
  return <Alert type="error" showIcon title={title} description={description} style={style} />;
}

function fieldLabel(
  t: (key: string, options?: Record<string, unknown>) => string,
  path: string,
): string {
  const place = placeLabel(t, path);
  if (place) return place;
  const parts = pathParts(path);
  const [first, ...rest] = parts;
  if (typeof first !== 'string' || first === '(root)') return t('error.request');
  const label = t(`field.${first}`, { defaultValue: first });
  return rest.length > 0 ? t('error.fieldPath', { label, path: rest.join('.') }) : label;
}
