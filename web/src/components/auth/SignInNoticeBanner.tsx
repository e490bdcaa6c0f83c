import { Alert } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInNoticeDto } from '../../api/types';
import { formatTimestamp } from '../../lib/dates';

/**
 * What happened to the account since its last sign-in (failed attempts, blocked addresses): the
 * server tells it only in the answer to a successful sign-in, so it is kept here for this tab
 * and shown above the pages until closed.
 */
let current: SignInNoticeDto | null = null;
const listeners = new Set<() => void>();

export function setSignInNotice(notice: SignInNoticeDto | null): void {
  current = notice;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function SignInNoticeBanner() {
  const { t } = useTranslation();
  const notice = useSyncExternalStore(subscribe, () => current);
  if (!notice) return null;
  const lines: string[] = [];
  if (notice.failedAttempts > 0)
    lines.push(
      t('login.notice.failed', {
        count: notice.failedAttempts,
        at: notice.lastFailureAt ? formatTimestamp(notice.lastFailureAt) : '',
        from: notice.lastFailureFrom ?? t('login.notice.unknownSource'),
      }),
    );
  if (notice.blockedSources.length > 0)
    lines.push(
      t('login.notice.blocked', {
        list: notice.blockedSources
          .map(
            (b) => `${b.source || t('login.notice.unknownSource')} (${formatTimestamp(b.until)})`,
          )
          .join(', '),
      }),
    );
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose: () => setSignInNotice(null) }}
      title={t('login.notice.title')}
      description={lines.join(' ')}
      style={{ marginBottom: 16 }}
      data-testid="sign-in-notice"
    />
  );
}
