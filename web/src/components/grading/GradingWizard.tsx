import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Result,
  Space,
  Spin,
  Steps,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemDetailDto } from '../../../../src/shared/api-types';
import { ApiRequestError } from '../../api/client';
import { useGradingPreview, useRecordGrading } from '../../api/hooks';
import { applyApiErrorsToForm } from '../../lib/api-errors';
import { DATE_FORMAT, todayInBeijing, toIsoDate } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { LevelTag } from '../LevelTag';
import {
  choicesFromGrading,
  hasJudgement,
  toGradingInput,
  type DimensionChoices,
} from './grading-state';
import { GradingResultPanel } from './GradingResultPanel';
import { GradingWarnings } from './GradingWarnings';
import { HarmJudgementStep } from './HarmJudgementStep';

const STEP_KEYS = ['businessInformation', 'systemService', 'result', 'record'] as const;
/** Without systems.write the wizard explains the grading but cannot record one. */
const READ_ONLY_STEP_KEYS = STEP_KEYS.slice(0, 3);

interface RecordValues {
  gradedOn: Dayjs;
  reason: string;
}

/**
 * 定级 as four steps: the two dimensions' harm judgements, the live result with its matrix and
 * sources, then the record (date + reason). All state lives here, so an API error loses nothing.
 */
export function GradingWizard({
  orgId,
  detail,
  readOnly = false,
  onShowObligations,
}: {
  orgId: string;
  detail: SystemDetailDto;
  readOnly?: boolean;
  onShowObligations: () => void;
}) {
  const { t } = useTranslation();
  const initial = choicesFromGrading(detail.grading);
  const [step, setStep] = useState(0);
  const [bi, setBi] = useState<DimensionChoices>(initial.bi);
  const [ss, setSs] = useState<DimensionChoices>(initial.ss);
  const [stepError, setStepError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState(false);
  const [form] = Form.useForm<RecordValues>();
  const input = toGradingInput(bi, ss);
  const preview = useGradingPreview(input);
  const record = useRecordGrading(orgId, detail.system.id);
  const stepKeys = readOnly ? READ_ONLY_STEP_KEYS : STEP_KEYS;

  const canEnter = (target: number): string | null => {
    if (target >= 1 && !hasJudgement(bi))
      return t('grading.needJudgement', { dimension: t('dimension.business_information') });
    if (target >= 2 && !hasJudgement(ss))
      return t('grading.needJudgement', { dimension: t('dimension.system_service') });
    return null;
  };

  const goTo = (target: number) => {
    const problem = target > step ? canEnter(target) : null;
    setStepError(problem);
    if (!problem) setStep(target);
  };

  const submit = async (values: RecordValues) => {
    if (!input) return;
    try {
      await record.mutateAsync({
        ...input,
        gradedOn: toIsoDate(values.gradedOn) ?? todayInBeijing(),
        reason: values.reason.trim(),
        version: detail.system.version,
      });
      setRecorded(true);
    } catch (error) {
      applyApiErrorsToForm(form, error, ['gradedOn', 'reason']);
    }
  };

  if (recorded && detail.grading) {
    return (
      <Result
        status="success"
        title={t('grading.recordedTitle', { level: t(`level.full.${detail.grading.level}`) })}
        subTitle={t('grading.recordedNext')}
        extra={[
          <Button type="primary" key="obligations" onClick={onShowObligations}>
            {t('grading.showObligations')}
          </Button>,
          <Button
            key="again"
            onClick={() => {
              setRecorded(false);
              setStep(0);
              record.reset();
              form.resetFields();
            }}
          >
            {t('grading.regrade')}
          </Button>,
        ]}
      />
    );
  }

  const conflict =
    record.error instanceof ApiRequestError && record.error.body.code === 'VERSION_CONFLICT';

  return (
    <Card>
      <Steps
        current={step}
        onChange={goTo}
        style={{ marginBottom: 24 }}
        items={stepKeys.map((key) => ({
          title: t(`grading.step.${key}.title`),
          content: t(`grading.step.${key}.description`),
        }))}
      />
      {readOnly && (
        <Alert type="info" showIcon title={t('grading.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {stepError && <Alert type="error" showIcon title={stepError} style={{ marginBottom: 16 }} />}

      {step === 0 && (
        <HarmJudgementStep dimension="business_information" value={bi} onChange={setBi} />
      )}
      {step === 1 && <HarmJudgementStep dimension="system_service" value={ss} onChange={setSs} />}
      {step === 2 && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {preview.isError && <ApiErrorAlert error={preview.error} />}
          {preview.data ? <GradingResultPanel result={preview.data} /> : <Spin />}
          {detail.warnings.length > 0 && (
            <>
              <Typography.Title level={5}>{t('grading.warningsTitle')}</Typography.Title>
              <GradingWarnings warnings={detail.warnings} />
            </>
          )}
        </Space>
      )}
      {step === 3 && !readOnly && (
        <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
          {preview.data && (
            <Alert
              type="info"
              showIcon
              title={
                <Space wrap>
                  {t('grading.aboutToRecord')}
                  <LevelTag level={preview.data.level} full />
                  {detail.grading &&
                    t('grading.previousLevel', { level: t(`level.short.${detail.grading.level}`) })}
                </Space>
              }
            />
          )}
          {conflict ? (
            <Alert type="warning" showIcon title={t('error.versionConflict')} />
          ) : (
            <ApiErrorAlert error={record.error} />
          )}
          <Form<RecordValues>
            name="grading-record"
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ gradedOn: dayjs(todayInBeijing()), reason: '' }}
          >
            <Form.Item
              name="gradedOn"
              label={t('field.gradedOn')}
              rules={[{ required: true, message: t('grading.gradedOnRequired') }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('field.reason')}
              rules={[{ required: true, whitespace: true, message: t('grading.reasonRequired') }]}
            >
              <Input.TextArea
                rows={3}
                maxLength={4000}
                placeholder={t('grading.reasonPlaceholder')}
              />
            </Form.Item>
          </Form>
        </Space>
      )}

      <Space style={{ marginTop: 24 }}>
        {step > 0 && <Button onClick={() => goTo(step - 1)}>{t('common.previous')}</Button>}
        {step < stepKeys.length - 1 && (
          <Button type="primary" onClick={() => goTo(step + 1)}>
            {t('common.next')}
          </Button>
        )}
        {step === STEP_KEYS.length - 1 && !readOnly && (
          <Button
            type="primary"
            loading={record.isPending}
            disabled={!input}
            onClick={() => form.submit()}
          >
            {t('grading.record')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
