import { Alert, Button, Form, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/client';
import { useChangePassword, useSignedInSession } from '../../api/session';
import { passwordProblems } from '../../lib/password-policy';
import { ApiErrorAlert } from '../ApiErrorAlert';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The policy as the user reads it (from GET /session's `policy`). */
export function PasswordPolicyList() {
  const { t } = useTranslation();
  const { policy } = useSignedInSession();
  if (!policy) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('password.policyTitle')}>
      <li>{t('password.rule.length', { min: policy.passwordMinLength })}</li>
      <li>{t('password.rule.classes', { classes: policy.passwordMinClasses })}</li>
      <li>{t('password.rule.username')}</li>
      <li>{t('password.rule.different')}</li>
    </ul>
  );
}

/**
 * Current password, new password twice. Checks the policy as the server will (so messages come
 * in the user's language), and puts the server's field errors on the fields.
 */
export function ChangePasswordForm({
  onChanged,
  extraActions,
}: {
  onChanged: () => void;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const change = useChangePassword();
  const [form] = Form.useForm<PasswordValues>();

  const submit = async (values: PasswordValues) => {
    try {
      await change.mutateAsync({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.resetFields();
      change.reset();
      onChanged();
    } catch (error) {
      if (!(error instanceof ApiRequestError)) return;
      const fields = error.body.details
        .filter((d) => d.path === 'currentPassword' || d.path === 'newPassword')
        .map((d) => ({
          name: d.path as keyof PasswordValues,
          errors: [d.path === 'currentPassword' ? t('password.currentWrong') : d.message],
        }));
      form.setFields(fields);
    }
  };

  const fieldErrors =
    change.error instanceof ApiRequestError && change.error.body.code === 'VALIDATION_FAILED';

  return (
    <Form<PasswordValues> name="change-password" form={form} layout="vertical" onFinish={submit}>
      {change.error && !fieldErrors && (
        <ApiErrorAlert error={change.error} style={{ marginBottom: 16 }} />
      )}
      {fieldErrors && (
        <Alert
          type="error"
          showIcon
          title={t('password.notChanged')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" maxLength={1000} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        dependencies={['currentPassword']}
        extra={
          <div style={{ fontSize: 12 }}>
            <PasswordPolicyList />
          </div>
        }
        rules={[
          { required: true, message: t('password.newRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const problems = passwordProblems(value, session.user.username, session.policy);
              if (problems.length > 0) {
                return Promise.reject(
                  new Error(
                    problems
                      .map(({ key, ...values }) => t(key, values))
                      .join(t('common.listSeparator')),
                  ),
                );
              }
              if (value === getFieldValue('currentPassword')) {
                return Promise.reject(new Error(t('password.problem.same')));
              }
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={1000} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={1000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
        {extraActions}
      </Space>
    </Form>
  );
}
