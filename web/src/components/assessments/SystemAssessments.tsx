import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { AssessmentSummaryDto, SystemDetailDto } from '../../../../src/shared/api-types';
import { useAssessments, useCreateAssessment } from '../../api/assessment-hooks';
import { todayInBeijing } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { LevelTag } from '../LevelTag';
import { useCan } from '../OrganisationScope';
import { AssessmentFormDrawer } from './AssessmentFormDrawer';

export function AssessmentStatusTag({ status }: { status: AssessmentSummaryDto['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'completed' ? 'success' : 'processing'}>
      {t(`assessment.status.${status}`)}
    </Tag>
  );
}

export function periodText(a: Pick<AssessmentSummaryDto, 'periodStart' | 'periodEnd'>): string {
  if (!a.periodStart && !a.periodEnd) return '—';
  return `${a.periodStart ?? '…'} ~ ${a.periodEnd ?? '…'}`;
}

/** 测评 tab of a system: its level assessments and 新建测评. */
export function SystemAssessments({ orgId, detail }: { orgId: string; detail: SystemDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { system } = detail;
  const list = useAssessments(orgId, system.id);
  const create = useCreateAssessment(orgId, system.id);
  const canRead = useCan('assessments.read');
  const canWrite = useCan('assessments.write');
  const [creating, setCreating] = useState(false);
  const graded = system.level !== null;

  if (!canRead) return <Alert type="info" showIcon title={t('assessment.noAccess')} />;

  return (
    <Card
      size="small"
      title={t('assessment.list.title')}
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!graded}
            onClick={() => setCreating(true)}
          >
            {t('assessment.list.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {!graded && <Alert type="info" showIcon title={t('assessment.list.notGraded')} />}
        {list.isError && <ApiErrorAlert error={list.error} />}
        <Table<AssessmentSummaryDto>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('assessment.list.empty') }}
          columns={[
            {
              title: t('assessment.field.title'),
              dataIndex: 'title',
              render: (title: string, a) => (
                <Link to={`/o/${orgId}/assessments/${a.id}`}>{title}</Link>
              ),
            },
            {
              title: t('assessment.field.level'),
              dataIndex: 'level',
              width: 90,
              render: (level: number) => <LevelTag level={level as 1 | 2 | 3 | 4 | 5} />,
            },
            { title: t('assessment.field.period'), key: 'period', render: (_, a) => periodText(a) },
            {
              title: t('assessment.field.agency'),
              dataIndex: 'agency',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('assessment.field.reportNumber'),
              dataIndex: 'reportNumber',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('assessment.field.reportDate'),
              dataIndex: 'reportDate',
              width: 110,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('assessment.field.requirementCount'),
              dataIndex: 'requirementCount',
              width: 100,
              render: (n: number) => t('assessment.countItems', { count: n }),
            },
            {
              title: t('field.status'),
              dataIndex: 'status',
              width: 90,
              render: (status: AssessmentSummaryDto['status']) => (
                <AssessmentStatusTag status={status} />
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.list.baselineHint')}
        </Typography.Text>
      </Space>
      <AssessmentFormDrawer
        open={creating}
        defaultTitle={t('assessment.form.defaultTitle', {
          year: todayInBeijing().slice(0, 4),
          name: system.name,
        })}
        submitting={create.isPending}
        error={create.error}
        onClose={() => {
          setCreating(false);
          create.reset();
        }}
        onSubmit={async (input) => {
          const created = await create.mutateAsync(input);
          setCreating(false);
          create.reset();
          message.success(t('assessment.form.created'));
          void navigate(`/o/${orgId}/assessments/${created.id}`);
        }}
      />
    </Card>
  );
}
