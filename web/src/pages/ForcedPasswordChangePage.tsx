import { LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInSession } from '../api/session';
import { ChangePasswordForm } from '../components/auth/ChangePasswordForm';
import { useSignOutAndLeave } from '../components/auth/use-sign-out';
import { LanguageSwitch } from '../components/LanguageSwitch';

/**
 * Shown instead of every page while the server answers 403 PASSWORD_CHANGE_REQUIRED: a new
 * account's first sign-in, or a password older than the policy allows.
 */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const session = useSignedInSession();
  const signOut = useSignOutAndLeave();

  return (
    <div style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '12px 24px',
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Space>
          <SafetyCertificateOutlined style={{ fontSize: 22, color: token.colorPrimary }} />
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('app.name')}
          </Typography.Text>
        </Space>
        <LanguageSwitch />
      </div>
      <Card style={{ maxWidth: 520, margin: '48px auto' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('password.forcedTitle')}
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          title={t('password.forcedReason', { name: session.user.displayName })}
          description={t('password.forcedHint')}
          style={{ marginBottom: 24 }}
        />
        <ChangePasswordForm
          onChanged={() => message.success(t('password.changed'))}
          extraActions={
            <Button
              icon={<LogoutOutlined />}
              loading={signOut.pending}
              onClick={() => void signOut.run(false)}
            >
              {t('user.signOut')}
            </Button>
          }
        />
      </Card>
    </div>
  );
}
