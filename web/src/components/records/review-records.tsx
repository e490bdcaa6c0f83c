import { Form, Input, Radio, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReviewDto } from '../../../../src/shared/api-types';
import type { ProtectionLevel } from '../../../../src/shared/mlps';
import type { ReviewInput } from '../../../../src/shared/schemas';
import { useAddReview } from '../../api/hooks';
import { todayInBeijing, toIsoDate } from '../../lib/dates';
import { REVIEW_KINDS } from '../../lib/record-kinds';
import { LevelTag } from '../LevelTag';
import type { RecordKind } from './record-kind';
import { RecordDateField, RecordLevelField, trimmedOrNull } from './record-fields';

interface ReviewValues {
  kind: ReviewDto['kind'];
  reviewedOn: Dayjs;
  reviewer: string;
  opinion?: string;
  agreedLevel: ProtectionLevel;
}

/** The review form; the reviewer field reads "approver" for a 主管部门核准. */
function ReviewFormFields({ form }: { form: FormInstance<ReviewValues> }) {
  const { t } = useTranslation();
  const isApproval = Form.useWatch('kind', form) === 'competent_approval';
  return (
    <>
      <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={REVIEW_KINDS.map((k) => ({ value: k, label: t(`records.reviews.kind.${k}`) }))}
        />
      </Form.Item>
      <RecordDateField name="reviewedOn" label={t('field.reviewedOn')} />
      <Form.Item
        name="reviewer"
        label={isApproval ? t('records.reviews.approver') : t('field.reviewer')}
        rules={[
          { required: true, whitespace: true, message: t('records.reviews.reviewerRequired') },
        ]}
      >
        <Input
          maxLength={200}
          placeholder={
            isApproval
              ? t('records.reviews.approverPlaceholder')
              : t('records.reviews.reviewerPlaceholder')
          }
        />
      </Form.Item>
      <RecordLevelField name="agreedLevel" label={t('field.agreedLevel')} />
      <Form.Item name="opinion" label={t('field.opinion')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </>
  );
}

/** 专家评审 and 主管部门核准 of the grading. */
export const reviewRecords: RecordKind<ReviewDto, ReviewValues, ReviewInput> = {
  formName: 'review',
  i18nPrefix: 'records.reviews',
  requiresGrading: true,
  rows: (detail) => detail.reviews,
  columns: (t) => [
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
  ],
  useAdd: useAddReview,
  fieldNames: ['kind', 'reviewedOn', 'reviewer', 'opinion', 'agreedLevel'],
  initialValues: (detail) => ({
    kind: 'expert_review',
    reviewedOn: dayjs(todayInBeijing()),
    agreedLevel: detail.system.level ?? undefined,
  }),
  FormFields: ReviewFormFields,
  attachment: (row) => ({
    recordKind: 'review',
    purpose: row.kind === 'competent_approval' ? 'competent_approval' : 'expert_review_opinion',
  }),
  toInput: (values) => ({
    kind: values.kind,
    reviewedOn: toIsoDate(values.reviewedOn) ?? todayInBeijing(),
    reviewer: values.reviewer.trim(),
    opinion: trimmedOrNull(values.opinion),
    agreedLevel: values.agreedLevel,
  }),
};
