import { ApiOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayMintToken, mayRevoke } from '../../../../src/shared/grants';
import { ROLES, type Role } from '../../../../src/shared/roles';
import { useSignedInSession } from '../../api/session';
import { useCreateToken, useRevokeToken, useTokens } from '../../api/settings-hooks';
import type { ApiTokenDto, CreatedApiTokenDto } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useAccess, useCurrentOrganisation } from '../../components/OrganisationScope';
import { RoleTag } from '../../components/RoleTag';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { formatTimestamp } from '../../lib/dates';

interface TokenValues {
  name: string;
  role: Role;
  expiresInDays: number;
}

type TokenState = 'active' | 'expired' | 'revoked';

function stateOf(token: ApiTokenDto): TokenState {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= Date.now() ? 'expired' : 'active';
}

const STATE_COLOURS: Record<TokenState, string> = {
  active: 'green',
  expired: 'default',
  revoked: 'red',
};

/** API令牌: tokens for scripts and integrations, one role each; the secret is shown once. */
export function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const organisation = useCurrentOrganisation();
  const access = useAccess();
  const session = useSignedInSession();
  // The grant matrix: the roles this member may create tokens for, and take away.
  const mintable = ROLES.filter((role) => access.role !== null && mayMintToken(access.role, role));
  const mayRevokeToken = (token: ApiTokenDto) =>
    token.createdBy === session.user.username ||
    (access.role !== null && mayRevoke(access.role, token.role));
  const tokens = useTokens(organisation.id);
  const create = useCreateToken(organisation.id);
  const revoke = useRevokeToken(organisation.id);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiTokenDto | null>(null);
  const [form] = Form.useForm<TokenValues>();

  const submit = async (values: TokenValues) => {
    try {
      const token = await create.mutateAsync({
        name: values.name.trim(),
        role: values.role,
        expiresInDays: values.expiresInDays,
      });
      setCreating(false);
      form.resetFields();
      create.reset();
      setCreated(token);
    } catch (error) {
      applyApiErrorsToForm(form, error, ['name', 'role', 'expiresInDays']);
    }
  };

  const columns: ColumnsType<ApiTokenDto> = [
    { title: t('tokens.column.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('tokens.column.role'),
      dataIndex: 'role',
      key: 'role',
      width: 150,
      render: (role: Role) => <RoleTag role={role} />,
    },
    {
      title: t('tokens.column.state'),
      key: 'state',
      width: 220,
      render: (_, token) => {
        const state = stateOf(token);
        return (
          <Space size={[4, 4]} wrap>
            <Tag color={STATE_COLOURS[state]}>{t(`tokens.state.${state}`)}</Tag>
            {state === 'active' && token.suspended && (
              <Tag color="orange" title={t('tokens.suspended')}>
                {t('tokens.suspended').split(/[:：]/)[0]}
              </Tag>
            )}
            {token.createdBy && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tokens.createdBy', { name: token.createdBy })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: t('tokens.column.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => formatTimestamp(v),
    },
    {
      title: t('tokens.column.expiresAt'),
      dataIndex: 'expiresAt',
      width: 150,
      render: (v: string) => formatTimestamp(v),
    },
    {
      title: t('tokens.column.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      width: 150,
      render: (v: string | null) => (v ? formatTimestamp(v) : t('tokens.neverUsed')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, token) =>
        stateOf(token) === 'active' && mayRevokeToken(token) ? (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: token.name })}
            description={t('tokens.revokeHint')}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              try {
                await revoke.mutateAsync(token.id);
                message.success(t('tokens.revoked', { name: token.name }));
              } catch (error) {
                message.error(error instanceof Error ? error.message : String(error));
              }
            }}
          >
            <Button size="small" type="link" danger icon={<StopOutlined />}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('nav.tokens')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('tokens.subtitle')}</Typography.Text>
        </Space>
        {mintable.length > 0 ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('tokens.create')}
          </Button>
        ) : (
          <Typography.Text type="secondary" data-testid="tokens-owner-only">
            {t('tokens.ownerOnly')}
          </Typography.Text>
        )}
      </Space>
      {tokens.isError && <ApiErrorAlert error={tokens.error} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<ApiTokenDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tokens.data?.items}
          loading={tokens.isFetching}
          pagination={false}
          locale={{ emptyText: t('tokens.empty') }}
        />
      </Card>

      <Modal
        title={t('tokens.create')}
        open={creating}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setCreating(false);
          create.reset();
        }}
        destroyOnHidden
      >
        <ApiErrorAlert error={create.error} style={{ marginBottom: 16 }} />
        <Form<TokenValues>
          name="api-token"
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            role: mintable.includes('viewer') ? 'viewer' : mintable[0],
            expiresInDays: 90,
          }}
        >
          <Form.Item
            name="name"
            label={t('tokens.column.name')}
            rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}
          >
            <Input maxLength={200} placeholder={t('tokens.namePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="role"
            label={t('tokens.column.role')}
            extra={t('tokens.roleHint')}
            rules={[{ required: true }]}
          >
            <Select options={mintable.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
          </Form.Item>
          <Form.Item
            name="expiresInDays"
            label={t('tokens.expiresInDays')}
            rules={[{ required: true, message: t('tokens.expiresRequired') }]}
          >
            <InputNumber min={1} max={3650} precision={0} suffix={t('tokens.days')} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={
          <Space>
            <ApiOutlined />
            {t('tokens.createdTitle', { name: created?.name ?? '' })}
          </Space>
        }
        open={created !== null}
        closable={false}
        maskClosable={false}
        keyboard={false}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('tokens.copiedClose')}
        onOk={() => setCreated(null)}
        width={640}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('tokens.showOnce')} />
          <Typography.Paragraph
            copyable={{
              text: created?.token ?? '',
              tooltips: [t('tokens.copy'), t('tokens.copied')],
            }}
            code
            style={{ fontSize: 14, wordBreak: 'break-all', marginBottom: 0 }}
            data-testid="created-token"
          >
            {created?.token}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('tokens.usage')}
            <Typography.Text code>{t('tokens.usageHeader')}</Typography.Text>
          </Typography.Text>
        </Space>
      </Modal>
    </Space>
  );
}
