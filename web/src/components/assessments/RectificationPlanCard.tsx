import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isVersionConflict } from '../../api/assessment-hooks';
import { useRectificationPlan, useSaveRectificationPlan } from '../../api/rectification-plan-hooks';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { useCan } from '../OrganisationScope';

interface Values {
  objectives?: string;
  principles?: string;
  budgetNote?: string;
}

const FIELDS = ['objectives', 'principles', 'budgetNote'];

/**
 * The rectification plan's own text (整改方案): objectives, principles and budget note, printed
 * in chapters 1 and 6 of the plan; empty fields print the generated or template wording.
 */
export function RectificationPlanCard({
  orgId,
  assessmentId,
}: {
  orgId: string;
  assessmentId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCan('rectification.write');
  const plan = useRectificationPlan(orgId, assessmentId);
  const save = useSaveRectificationPlan(orgId, assessmentId);
  const [form] = Form.useForm<Values>();
  const k = (key: string) => t(`assessment.rectificationPlan.${key}`);

  useEffect(() => {
    if (!plan.data) return;
    form.setFieldsValue({
      objectives: plan.data.objectives ?? '',
      principles: plan.data.principles ?? '',
      budgetNote: plan.data.budgetNote ?? '',
    });
  }, [plan.data, form]);
  useEffect(() => {
    if (save.error) applyApiErrorsToForm(form, save.error, FIELDS);
  }, [save.error, form]);

  return (
    <Card
      size="small"
      title={k('planTitle')}
      extra={
        canEdit && (
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!plan.data}
            onClick={() => form.submit()}
          >
            {k('savePlan')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{k('planHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit}
        onFinish={async (v) => {
          if (!plan.data) return;
          try {
            await save.mutateAsync({
              version: plan.data.version,
              objectives: v.objectives?.trim() || null,
              principles: v.principles?.trim() || null,
              budgetNote: v.budgetNote?.trim() || null,
            });
            message.success(k('planSaved'));
          } catch (error) {
            if (isVersionConflict(error)) message.warning(k('planConflict'));
          }
        }}
      >
        <Form.Item name="objectives" label={k('objectives')}>
          <Input.TextArea rows={3} maxLength={4000} placeholder={k('objectivesPlaceholder')} />
        </Form.Item>
        <Form.Item name="principles" label={k('principles')}>
          <Input.TextArea rows={3} maxLength={4000} placeholder={k('principlesPlaceholder')} />
        </Form.Item>
        <Form.Item name="budgetNote" label={k('budgetNote')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {plan.isError && <ApiErrorAlert error={plan.error} />}
      <ApiErrorAlert error={save.error} />
    </Card>
  );
}
