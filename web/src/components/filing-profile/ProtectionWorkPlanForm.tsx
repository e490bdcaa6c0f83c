/**
 * 网络安全保护工作方案 (attachment of the filing of a level 3+ object): the year, the assets, the
 * measures in place, the root causes of the year's major hidden risks and how and when they are fixed.
 */
import { Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const NAME = ['filingProfile', 'protectionWorkPlan'] as const;
export const PLAN_TEXT_FIELDS = [
  'assets',
  'existingMeasures',
  'rootCauses',
  'approach',
  'plan',
] as const;

/** `needed`: the organisation has a level 3+ object, so the filing asks for the plan (null: unknown). */
export function ProtectionWorkPlanForm({ needed }: { needed: boolean | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const enabled = Form.useWatch('hasProtectionWorkPlan', form) === true;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t(
          needed === null
            ? 'filingProfile.plan.when'
            : needed
              ? 'filingProfile.plan.needed'
              : 'filingProfile.plan.notNeeded',
        )}
      </Typography.Paragraph>
      <Form.Item
        name="hasProtectionWorkPlan"
        label={t('filingProfile.plan.enable')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      {enabled && (
        <>
          <Form.Item
            name={[...NAME, 'year']}
            label={t('filingProfile.plan.year')}
            rules={[{ required: true, message: t('filingProfile.plan.yearRequired') }]}
          >
            <InputNumber min={2020} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          {PLAN_TEXT_FIELDS.map((field) => (
            <Form.Item
              key={field}
              name={[...NAME, field]}
              label={t(`filingProfile.plan.${field}`)}
              extra={t(`filingProfile.plan.${field}Hint`)}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('filingProfile.plan.required', {
                    label: t(`filingProfile.plan.${field}`),
                  }),
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={8000} showCount />
            </Form.Item>
          ))}
        </>
      )}
    </>
  );
}
