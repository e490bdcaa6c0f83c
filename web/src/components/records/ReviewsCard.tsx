import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Radio, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDto, SystemDetailDto } from '../../../../src/shared/api-types';
import { PROTECTION_LEVELS, type ProtectionLevel } from '../../../../src/shared/mlps';
import { REVIEW_KINDS } from '../../lib/record-kinds';
import { useAddReview } from '../../api/hooks';
import { DATE_FORMAT, todayInBeijing, toIsoDate } from '../../lib/dates';
import { LevelTag } from '../LevelTag';
import { useCan } from '../OrganisationScope';
import { RecordDrawer } from './RecordDrawer';

interface ReviewValues {
  kind: ReviewDto['kind'];
  reviewedOn: Dayjs;
  reviewer: string;
  opinion?: string;
  agreedLevel: ProtectionLevel;
}

/** 专家评审 and 主管部门核准 of the grading. */
export function ReviewsCard({ orgId, detail }: { orgId: string; detail: SystemDetailDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReviewValues>();
  const add = useAddReview(orgId, detail.system.id);
  const canWrite = useCan('systems.write');
  const kind = Form.useWatch('kind', form);

  return (
    <Card
      size="small"
      role="region"
      aria-label={t('records.reviews.title')}
      title={t('records.reviews.title')}
      extra={
        canWrite && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            disabled={!detail.grading}
          >
            {t('records.reviews.add')}
          </Button>
        )
      }
    >
      <Table<ReviewDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.reviews}
        locale={{
          emptyText: detail.grading ? t('records.reviews.empty') : t('records.gradeFirst'),
        }}
        columns={[
          {
            title: t('field.kind'),
            dataIndex: 'kind',
            render: (k: ReviewDto['kind']) => t(`records.reviews.kind.${k}`),
          },
          { title: t('field.reviewedOn'), dataIndex: 'reviewedOn', width: 120 },
          { title: t('field.reviewer'), dataIndex: 'reviewer' },
          {
            title: t('field.agreedLevel'),
            dataIndex: 'agreedLevel',
            width: 100,
            render: (l: ProtectionLevel) => <LevelTag level={l} />,
          },
          {
            title: t('field.opinion'),
            dataIndex: 'opinion',
            render: (o: string | null) => o ?? t('common.none'),
          },
        ]}
      />
      <RecordDrawer<ReviewValues>
        name="review"
        title={t('records.reviews.add')}
        open={canWrite && open}
        form={form}
        fieldNames={['kind', 'reviewedOn', 'reviewer', 'opinion', 'agreedLevel']}
        initialValues={{
          kind: 'expert_review',
          reviewedOn: dayjs(todayInBeijing()),
          agreedLevel: detail.system.level ?? undefined,
        }}
        submitting={add.isPending}
        error={add.error}
        onClose={() => {
          setOpen(false);
          add.reset();
        }}
        onSubmit={(values) =>
          add.mutateAsync({
            kind: values.kind,
            reviewedOn: toIsoDate(values.reviewedOn) ?? todayInBeijing(),
            reviewer: values.reviewer.trim(),
            opinion: values.opinion?.trim() || null,
            agreedLevel: values.agreedLevel,
          })
        }
      >
        <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={REVIEW_KINDS.map((k) => ({ value: k, label: t(`records.reviews.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="reviewedOn"
          label={t('field.reviewedOn')}
          rules={[{ required: true, message: t('records.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reviewer"
          label={
            kind === 'competent_approval' ? t('records.reviews.approver') : t('field.reviewer')
          }
          rules={[
            { required: true, whitespace: true, message: t('records.reviews.reviewerRequired') },
          ]}
        >
          <Input
            maxLength={200}
            placeholder={
              kind === 'competent_approval'
                ? t('records.reviews.approverPlaceholder')
                : t('records.reviews.reviewerPlaceholder')
            }
          />
        </Form.Item>
        <Form.Item
          name="agreedLevel"
          label={t('field.agreedLevel')}
          rules={[{ required: true, message: t('records.levelRequired') }]}
        >
          <Select
            style={{ width: 240 }}
            options={PROTECTION_LEVELS.map((l) => ({ value: l, label: t(`level.full.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="opinion" label={t('field.opinion')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </RecordDrawer>
    </Card>
  );
}
