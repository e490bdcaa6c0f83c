import { DeleteOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { mayGrant, mayRevoke } from '../../../../src/shared/grants';
import { can, ROLES, type Role } from '../../../../src/shared/roles';
import { ApiRequestError } from '../../api/client';
import { useAllSystems } from '../../api/hooks';
import { useSignedInSession } from '../../api/session';
import {
  useChangeMemberRole,
  useMembers,
  useRemoveMember,
  useSetAssignments,
  useUnlockMember,
} from '../../api/settings-hooks';
import type { MemberDto } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useAccess, useCurrentOrganisation } from '../../components/OrganisationScope';
import { RoleTag } from '../../components/RoleTag';
import { AddMemberDrawer } from '../../components/settings/AddMemberDrawer';
import { formatTimestamp } from '../../lib/dates';
import { errorMessage } from '../../lib/api-errors';

/** The message for a refused membership change, in the user's words. */
function memberErrorKey(error: unknown): string | null {
  if (!(error instanceof ApiRequestError)) return null;
  if (error.body.code === 'VERSION_CONFLICT') return 'members.error.versionConflict';
  if (error.body.code === 'CONFLICT' && /owner/i.test(error.body.message))
    return 'members.error.lastOwner';
  if (error.body.code === 'CONFLICT') return 'members.error.alreadyMember';
  if (error.body.code === 'FORBIDDEN' && /own role/i.test(error.body.message))
    return 'members.error.ownRole';
  if (error.body.code === 'FORBIDDEN' && /owner/i.test(error.body.message))
    return 'members.error.ownerOnly';
  if (error.body.code === 'FORBIDDEN' && /may not/i.test(error.body.message))
    return 'members.error.notYours';
  return null;
}

/** 成员与角色: who belongs to the organisation, in which role, and (assessors) which systems. */
export function MembersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const organisation = useCurrentOrganisation();
  const access = useAccess();
  const session = useSignedInSession();
  const canManage = access.can('members.manage');
  const members = useMembers(organisation.id);
  // Names of systems for assessors' assignments (needs systems.read).
  const systems = useAllSystems(organisation.id, { enabled: access.can('systems.read') });
  const changeRole = useChangeMemberRole(organisation.id);
  const remove = useRemoveMember(organisation.id);
  const assign = useSetAssignments(organisation.id);
  const unlock = useUnlockMember(organisation.id);
  const [adding, setAdding] = useState(false);
  const actorRole = access.role;
  // The grant matrix (src/shared/grants.ts): which roles this member's role may give or take away.
  const mayTake = (role: Role) => canManage && actorRole !== null && mayRevoke(actorRole, role);
  const mayGive = (role: Role) => canManage && actorRole !== null && mayGrant(actorRole, role);

  const report = (error: unknown) => {
    const key = memberErrorKey(error);
    if (key) message.error(t(key));
    else if (error instanceof ApiRequestError)
      message.error(
        `${t(`error.code.${error.body.code}`, { defaultValue: t('error.unexpected') })}${t('error.fieldSeparator')}${errorMessage(error.body, i18n.language)}`,
      );
    else message.error(String(error));
  };

  const systemName = new Map((systems.data?.items ?? []).map((s) => [s.id, s.name]));
  const systemOptions = (systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));

  const columns: ColumnsType<MemberDto> = [
    {
      title: t('members.column.name'),
      key: 'name',
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <Space size={6}>
            <Typography.Text strong>{m.displayName}</Typography.Text>
            {m.userId === session.user.id && <Tag>{t('members.you')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.username}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('members.column.role'),
      key: 'role',
      width: 220,
      render: (_, m) =>
        // Nobody changes their own role; only roles the caller may take away and give are offered.
        m.userId !== session.user.id && mayTake(m.role) ? (
          <Select<Role>
            aria-label={t('members.roleOf', { name: m.displayName })}
            value={m.role}
            style={{ width: 190 }}
            disabled={changeRole.isPending}
            options={ROLES.filter((role) => role === m.role || mayGive(role)).map((role) => ({
              value: role,
              label: t(`role.${role}`),
            }))}
            onChange={async (role) => {
              try {
                // The version read with the list: a concurrent change answers 409.
                await changeRole.mutateAsync({ userId: m.userId, role, version: m.version });
                message.success(
                  t('members.roleChanged', { name: m.displayName, role: t(`role.${role}`) }),
                );
              } catch (error) {
                report(error);
              }
            }}
          />
        ) : (
          <RoleTag role={m.role} />
        ),
    },
    {
      title: t('members.column.status'),
      key: 'status',
      width: 240,
      render: (_, m) => {
        if (m.disabled) return <Tag color="red">{t('members.status.disabled')}</Tag>;
        const blocked = m.lockedUntil !== null && Date.parse(m.lockedUntil) > Date.now();
        if (!blocked && m.failedSignIns === 0)
          return <Tag color="green">{t('members.status.active')}</Tag>;
        return (
          <Space size={[4, 4]} wrap>
            {blocked && (
              <Tag color="orange">
                {t('members.status.lockedUntil', { until: formatTimestamp(m.lockedUntil!) })}
              </Tag>
            )}
            {m.failedSignIns > 0 && (
              <Tag color="gold">
                {t('members.status.failedSignIns', { count: m.failedSignIns })}
              </Tag>
            )}
            {canManage && m.userId !== session.user.id && (
              <Popconfirm
                title={t('members.unlockConfirm', { name: m.displayName })}
                description={t('members.unlockHint')}
                okText={t('members.unlock')}
                cancelText={t('common.cancel')}
                onConfirm={async () => {
                  try {
                    await unlock.mutateAsync(m.userId);
                    message.success(t('members.unlocked', { name: m.displayName }));
                  } catch (error) {
                    report(error);
                  }
                }}
              >
                <Button size="small" type="link" icon={<UnlockOutlined />}>
                  {t('members.unlock')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
    {
      title: t('members.column.systems'),
      key: 'systems',
      render: (_, m) => {
        if (m.role !== 'assessor') {
          // Other roles see every system of the organisation, or none (the administrators).
          return (
            <Typography.Text type="secondary">
              {can(m.role, 'systems.read') ? t('members.allSystems') : t('common.none')}
            </Typography.Text>
          );
        }
        if (canManage && access.can('systems.read')) {
          return (
            <Select<string[]>
              mode="multiple"
              aria-label={t('members.assignedOf', { name: m.displayName })}
              value={m.assignedSystemIds}
              options={systemOptions}
              placeholder={t('members.noAssignment')}
              style={{ minWidth: 260, maxWidth: 420 }}
              loading={systems.isFetching || assign.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={async (after) => {
                try {
                  await assign.mutateAsync({
                    userId: m.userId,
                    before: m.assignedSystemIds,
                    after,
                  });
                  message.success(t('members.assignmentSaved'));
                } catch (error) {
                  report(error);
                }
              }}
            />
          );
        }
        if (m.assignedSystemIds.length === 0)
          return <Typography.Text type="warning">{t('members.noAssignment')}</Typography.Text>;
        return (
          <Space size={[4, 4]} wrap>
            {m.assignedSystemIds.map((id) => (
              <Tag key={id}>{systemName.get(id) ?? id.slice(0, 8)}</Tag>
            ))}
            {canManage && !access.can('systems.read') && (
              <Tooltip title={t('members.assignNeedsSystemsRead')}>
                <Typography.Text type="secondary">?</Typography.Text>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: t('members.column.joinedAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (value: string) => formatTimestamp(value),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, m: MemberDto) =>
              !mayTake(m.role) ? null : (
                <Popconfirm
                  title={t('members.removeConfirm', { name: m.displayName })}
                  description={
                    m.userId === session.user.id
                      ? t('members.removeSelfHint')
                      : t('members.removeHint')
                  }
                  okText={t('members.remove')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={async () => {
                    try {
                      await remove.mutateAsync(m.userId);
                      message.success(t('members.removed', { name: m.displayName }));
                    } catch (error) {
                      report(error);
                    }
                  }}
                >
                  <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                    {t('members.remove')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('nav.members')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('members.subtitle')}{' '}
            <Link to={`/o/${organisation.id}/settings/roles`}>{t('members.seeMatrix')}</Link>
          </Typography.Text>
        </Space>
        {canManage && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t('members.add')}
          </Button>
        )}
      </Space>
      {members.isError && <ApiErrorAlert error={members.error} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<MemberDto>
          rowKey="userId"
          size="middle"
          columns={columns}
          dataSource={members.data?.items}
          loading={members.isPending}
          pagination={false}
          locale={{ emptyText: t('members.empty') }}
        />
      </Card>
      {canManage && (
        <AddMemberDrawer
          orgId={organisation.id}
          open={adding}
          actorRole={access.role}
          onClose={() => setAdding(false)}
          onAdded={(username) => {
            setAdding(false);
            message.success(t('members.added', { username }));
          }}
        />
      )}
    </Space>
  );
}
