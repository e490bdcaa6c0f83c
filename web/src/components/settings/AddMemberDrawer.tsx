import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayGrant } from '../../../../src/shared/grants';
import { ROLES, type Role } from '../../../../src/shared/roles';
import { ApiRequestError } from '../../api/client';
import { useSignedInSession } from '../../api/session';
import { useAddMember } from '../../api/settings-hooks';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { generatePassword, passwordProblems } from '../../lib/password-policy';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { PasswordPolicyList } from '../auth/ChangePasswordForm';

type Mode = 'existing' | 'new';

interface MemberValues {
  mode: Mode;
  username: string;
  role: Role;
  displayName?: string;
  initialPassword?: string;
}

const USERNAME = /^[A-Za-z0-9._@-]{3,100}$/;

/** 添加成员: an account that already exists, or a new local account with an initial password. */
export function AddMemberDrawer({
  orgId,
  open,
  actorRole,
  onClose,
  onAdded,
}: {
  orgId: string;
  open: boolean;
  actorRole: Role | null;
  onClose: () => void;
  onAdded: (username: string) => void;
}) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const add = useAddMember(orgId);
  const [form] = Form.useForm<MemberValues>();
  const mode = Form.useWatch('mode', form) ?? 'existing';
  const username = Form.useWatch('username', form) ?? '';
  const [shownPassword, setShownPassword] = useState(false);

  const close = () => {
    add.reset();
    onClose();
  };

  const submit = async (values: MemberValues) => {
    try {
      await add.mutateAsync({
        username: values.username.trim(),
        role: values.role,
        ...(values.mode === 'new'
          ? {
              newAccount: {
                displayName: (values.displayName ?? '').trim(),
                initialPassword: values.initialPassword ?? '',
              },
            }
          : {}),
      });
      form.resetFields();
      add.reset();
      onAdded(values.username.trim());
    } catch (error) {
      // "no such account" comes as a username error: say how to create one instead.
      if (
        error instanceof ApiRequestError &&
        values.mode === 'existing' &&
        error.body.details.some((d) => d.path === 'username')
      ) {
        form.setFields([{ name: 'username', errors: [t('members.noSuchAccount')] }]);
        return;
      }
      applyApiErrorsToForm(form, error, ['username', 'role']);
      if (error instanceof ApiRequestError) {
        const passwordErrors = error.body.details
          .filter((d) => d.path === 'password' || d.path === 'initialPassword')
          .map((d) => d.message);
        if (passwordErrors.length > 0) {
          form.setFields([{ name: 'initialPassword', errors: passwordErrors }]);
        }
      }
    }
  };

  const fieldErrors =
    add.error instanceof ApiRequestError && add.error.body.code === 'VALIDATION_FAILED';

  return (
    <Drawer
      title={t('members.add')}
      open={open}
      onClose={close}
      size={520}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={add.isPending} onClick={() => form.submit()}>
            {t('members.addSubmit')}
          </Button>
        </Space>
      }
    >
      {add.error && !fieldErrors && (
        <ApiErrorAlert error={add.error} style={{ marginBottom: 16 }} />
      )}
      <Form<MemberValues>
        name="add-member"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ mode: 'existing', role: 'viewer' }}
      >
        <Form.Item name="mode" label={t('members.accountKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'existing', label: t('members.existingAccount') },
              { value: 'new', label: t('members.newAccount') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('members.username')}
          extra={mode === 'new' ? t('members.usernameHint') : undefined}
          rules={[
            { required: true, whitespace: true, message: t('members.usernameRequired') },
            { pattern: USERNAME, message: t('members.usernamePattern') },
          ]}
        >
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('members.role')}
          rules={[{ required: true, message: t('members.roleRequired') }]}
          extra={t('members.roleHint')}
        >
          <Select
            // Only the roles the caller's role may grant (the grant matrix; the server refuses others).
            options={ROLES.filter((role) => actorRole !== null && mayGrant(actorRole, role)).map(
              (role) => ({ value: role, label: t(`role.${role}`) }),
            )}
          />
        </Form.Item>
        {mode === 'new' && (
          <>
            <Form.Item
              name="displayName"
              label={t('members.displayName')}
              rules={[
                { required: true, whitespace: true, message: t('members.displayNameRequired') },
              ]}
            >
              <Input maxLength={200} placeholder={t('members.displayNamePlaceholder')} />
            </Form.Item>
            <Form.Item
              label={t('members.initialPassword')}
              required
              extra={
                <div style={{ fontSize: 12 }}>
                  {t('members.initialPasswordHint')}
                  <PasswordPolicyList />
                </div>
              }
            >
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  name="initialPassword"
                  noStyle
                  rules={[
                    { required: true, message: t('members.initialPasswordRequired') },
                    {
                      validator: (_, value: string | undefined) => {
                        if (!value) return Promise.resolve();
                        const problems = passwordProblems(value, username, session.policy);
                        return problems.length === 0
                          ? Promise.resolve()
                          : Promise.reject(
                              new Error(
                                problems
                                  .map(({ key, ...values }) => t(key, values))
                                  .join(t('common.listSeparator')),
                              ),
                            );
                      },
                    },
                  ]}
                >
                  <Input.Password
                    aria-label={t('members.initialPassword')}
                    autoComplete="new-password"
                    maxLength={1000}
                    visibilityToggle={{ visible: shownPassword, onVisibleChange: setShownPassword }}
                  />
                </Form.Item>
                <Button
                  icon={<ThunderboltOutlined />}
                  onClick={() => {
                    form.setFieldValue('initialPassword', generatePassword());
                    setShownPassword(true);
                    void form.validateFields(['initialPassword']);
                  }}
                >
                  {t('members.generatePassword')}
                </Button>
              </Space.Compact>
            </Form.Item>
            <Alert type="info" showIcon title={t('members.mustChangeNotice')} />
          </>
        )}
      </Form>
    </Drawer>
  );
}
