import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  PoweroffOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInSession } from '../../api/session';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSignOutAndLeave } from './use-sign-out';

/** Header: who is signed in; change password, sign out, sign out on every device. */
export function UserMenu() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const session = useSignedInSession();
  const signOut = useSignOutAndLeave();
  const [passwordOpen, setPasswordOpen] = useState(false);

  const signOutEverywhere = () =>
    modal.confirm({
      title: t('user.signOutEverywhereConfirm'),
      content: t('user.signOutEverywhereHint'),
      okText: t('user.signOutEverywhere'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const ended = await signOut.run(true);
          message.success(t('user.signedOutEverywhere', { count: ended }));
        } catch (error) {
          message.error(error instanceof Error ? error.message : String(error));
        }
      },
    });

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{session.user.displayName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {session.user.username}
                  </Typography.Text>
                  {session.user.isPlatformAdmin && (
                    <Tag color="purple" style={{ marginTop: 4 }}>
                      {t('user.platformAdmin')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { type: 'divider' },
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: t('user.changePassword'),
              onClick: () => setPasswordOpen(true),
            },
            {
              key: 'sign-out',
              icon: <LogoutOutlined />,
              label: t('user.signOut'),
              onClick: () => void signOut.run(false),
            },
            {
              key: 'sign-out-everywhere',
              icon: <PoweroffOutlined />,
              danger: true,
              label: t('user.signOutEverywhere'),
              onClick: signOutEverywhere,
            },
          ],
        }}
      >
        <Button icon={<UserOutlined />} title={t('user.menu')}>
          <Space size={4}>
            {session.user.displayName}
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <Modal
        title={t('user.changePassword')}
        open={passwordOpen}
        onCancel={() => setPasswordOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <ChangePasswordForm
          onChanged={() => {
            setPasswordOpen(false);
            message.success(t('password.changedOthersEnded'));
          }}
        />
      </Modal>
    </>
  );
}
