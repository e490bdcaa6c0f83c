import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography, theme } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { forgetSession, useSession, useSignIn } from '../api/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { setSignInNotice } from '../components/auth/SignInNoticeBanner';
import { safeNext, signInProblem } from '../lib/auth-errors';

interface SignInValues {
  username: string;
  password: string;
}

/** /login: user name and password; afterwards the page asked for, or the last organisation. */
export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const [form] = Form.useForm<SignInValues>();
  const next = safeNext(params.get('next'));
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;

  // Arriving from "sign out": forget the old session and its data here, once the app is gone.
  useEffect(() => {
    if (!signedOut) return;
    forgetSession(client);
    navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [signedOut, client, navigate, location.pathname, location.search]);

  if (session.data && !signedOut) return <Navigate to={next ?? '/'} replace />;

  const problem = signInProblem(signIn.error);
  const submit = async ({ username, password }: SignInValues) => {
    try {
      const session = await signIn.mutateAsync({ username: username.trim(), password });
      // What happened to the account since the last sign-in: told only now, to its owner.
      setSignInNotice(session.signInNotice ?? null);
    } catch {
      form.setFieldValue('password', '');
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 55%)`,
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
        <LanguageSwitch />
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center' }}>
        <Card style={{ width: 400, marginTop: '8vh' }} styles={{ body: { padding: 32 } }}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Space orientation="vertical" size={4} style={{ width: '100%', alignItems: 'center' }}>
              <SafetyCertificateOutlined style={{ fontSize: 40, color: token.colorPrimary }} />
              <Typography.Title level={2} style={{ margin: 0 }}>
                {t('login.productName')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('login.tagline')}</Typography.Text>
            </Space>
            {next && !signIn.error && <Alert type="info" showIcon title={t('login.continue')} />}
            {signIn.error &&
              (problem ? (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={t(problem.key, { ...problem, key: undefined })}
                  description={
                    problem.key === 'login.error.wrongPassword'
                      ? t('login.error.wrongPasswordHint')
                      : undefined
                  }
                />
              ) : (
                <ApiErrorAlert error={signIn.error} />
              ))}
            <Form<SignInValues>
              name="sign-in"
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={submit}
            >
              <Form.Item
                name="username"
                label={t('login.username')}
                rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
              >
                <Input
                  prefix={<UserOutlined />}
                  autoComplete="username"
                  autoFocus
                  size="large"
                  maxLength={100}
                />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                rules={[{ required: true, message: t('login.passwordRequired') }]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  autoComplete="current-password"
                  size="large"
                  maxLength={1000}
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                block
                loading={signIn.isPending}
              >
                {t('login.submit')}
              </Button>
            </Form>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('login.noAccount')}
            </Typography.Text>
          </Space>
        </Card>
      </div>
    </div>
  );
}
