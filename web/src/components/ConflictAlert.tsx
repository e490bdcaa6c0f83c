import { Alert, Button, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Someone saved this record meanwhile" (409 on a stale version) with the button that loads the
 * latest content; the edits on screen are kept until then.
 */
export function ConflictAlert({
  onReload,
  testId,
  style = { marginBottom: 16 },
}: {
  onReload: () => void;
  testId?: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      title={t('privacy.conflict.title')}
      description={
        <Typography.Text>
          {t('privacy.conflict.description')}{' '}
          <Button size="small" onClick={onReload}>
            {t('privacy.conflict.reload')}
          </Button>
        </Typography.Text>
      }
      style={style}
    />
  );
}
