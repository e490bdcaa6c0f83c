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
import type { HarmedObject } from '../../../../src/shared/mlps';
import { ApiRequestError } from '../../api/client';
import { useGradingPreview, useRecordGrading } from '../../api/hooks';
import { applyApiErrorsToForm, detailMessage } from '../../lib/api-errors';
import { DATE_FORMAT, todayInBeijing, toIsoDate } from '../../lib/dates';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { LevelTag } from '../LevelTag';
import { AttachmentList } from '../records/AttachmentList';
import {
  argumentKey,
  choicesFromGrading,
  draftFromGrading,
  hasJudgement,
  missingArguments,
  narrativeStarted,
  toGradingInput,
  toNarrative,
  type DimensionChoices,
  type NarrativeDimension,
  type NarrativeDraft,
} from './grading-state';
import { GradingResultPanel } from './GradingResultPanel';
import { GradingSummary } from './GradingSummary';
import { GradingWarnings } from './GradingWarnings';
import { HarmJudgementStep } from './HarmJudgementStep';
import { SectorGuidanceQuestions } from './SectorGuidanceQuestions';

const STEP_KEYS = ['businessInformation', 'systemService', 'result', 'record'] as const;
/** Without systems.write the wizard explains the grading but cannot record one. */
const READ_ONLY_STEP_KEYS = STEP_KEYS.slice(0, 3);

interface RecordValues {
  gradedOn: Dayjs;
  reason: string;
}

/** The server's bound on each description (src/shared/schemas.ts GradingNarrativeSchema). */
const DESCRIPTION_MAX = 8000;
const DESCRIPTION_FIELDS = [
  'businessDescription',
  'serviceDescription',
  'boundaryDescription',
] as const;
type DescriptionField = (typeof DESCRIPTION_FIELDS)[number];

/**
 * 定级 as four steps: the two dimensions' harm judgements (each harmed object with its argument),
 * the live result with its matrix, sources and the sector grading guidance, then the record
 * (date, reason and the 定级报告's descriptions, boundary and topology diagram). All state lives
 * here, so an API error loses nothing. A graded system shows its current grading first.
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
  const { t, i18n } = useTranslation();
  const initial = choicesFromGrading(detail.grading);
  const [editing, setEditing] = useState(detail.grading === null);
  const [draft, setDraft] = useState<NarrativeDraft>(() => draftFromGrading(detail.grading));
  const [showMissing, setShowMissing] = useState(false);
  const [descriptionErrors, setDescriptionErrors] = useState<
    Partial<Record<DescriptionField, string>>
  >({});
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

  const setArgument = (dimension: NarrativeDimension) => (object: HarmedObject, text: string) =>
    setDraft((d) => ({
      ...d,
      arguments: { ...d.arguments, [argumentKey(dimension, object)]: text },
    }));
  const setDescription = (field: DescriptionField, text: string) => {
    setDraft((d) => ({ ...d, [field]: text }));
    setDescriptionErrors((e) => ({ ...e, [field]: undefined }));
  };
  const started = narrativeStarted(draft);
  // The sector warning above follows the answers live; the recorded one would repeat it.
  const otherWarnings = detail.warnings.filter((w) => w.code !== 'SECTOR_GUIDANCE_BELOW_MINIMUM');
  const missingBi =
    showMissing && started ? missingArguments(draft, 'businessInformation', bi) : [];
  const missingSs = showMissing && started ? missingArguments(draft, 'systemService', ss) : [];

  /** A started narrative is complete before it is sent: descriptions and every argument. */
  const narrativeProblem = (): boolean => {
    if (!started) return false;
    const errors: Partial<Record<DescriptionField, string>> = {};
    if (draft.businessDescription.trim() === '')
      errors.businessDescription = t('grading.narrative.businessRequired');
    if (draft.serviceDescription.trim() === '')
      errors.serviceDescription = t('grading.narrative.serviceRequired');
    setDescriptionErrors(errors);
    setShowMissing(true);
    const biMissing = missingArguments(draft, 'businessInformation', bi).length > 0;
    const ssMissing = missingArguments(draft, 'systemService', ss).length > 0;
    if (biMissing || ssMissing) {
      setStep(biMissing ? 0 : 1);
      setStepError(t('grading.narrative.argumentsMissing'));
      return true;
    }
    return Object.keys(errors).length > 0;
  };

  /** Server details under `narrative.*` on the description fields (nothing typed is lost). */
  const applyNarrativeErrors = (error: unknown) => {
    if (!(error instanceof ApiRequestError)) return;
    const errors: Partial<Record<DescriptionField, string>> = {};
    for (const d of error.body.details) {
      const m = /^narrative\.(\w+)/.exec(d.path);
      const field = m?.[1] as DescriptionField | undefined;
      if (field && (DESCRIPTION_FIELDS as readonly string[]).includes(field))
        errors[field] = detailMessage(d, i18n.language);
    }
    setDescriptionErrors(errors);
  };

  const goTo = (target: number) => {
    const problem = target > step ? canEnter(target) : null;
    setStepError(problem);
    if (!problem) setStep(target);
  };

  const submit = async (values: RecordValues) => {
    if (!input) return;
    if (narrativeProblem()) return;
    try {
      await record.mutateAsync({
        ...input,
        gradedOn: toIsoDate(values.gradedOn) ?? todayInBeijing(),
        reason: values.reason.trim(),
        version: detail.system.version,
        narrative: toNarrative(draft, bi, ss),
      });
      setRecorded(true);
    } catch (error) {
      applyApiErrorsToForm(form, error, ['gradedOn', 'reason']);
      applyNarrativeErrors(error);
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
              setEditing(true);
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

  if (!editing && detail.grading) {
    return (
      <GradingSummary
        detail={detail}
        readOnly={readOnly}
        onRegrade={() => {
          setEditing(true);
          setStep(0);
        }}
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
        <HarmJudgementStep
          dimension="business_information"
          value={bi}
          onChange={setBi}
          argumentOf={(o) => draft.arguments[argumentKey('businessInformation', o)] ?? ''}
          onArgumentChange={setArgument('businessInformation')}
          missing={missingBi}
          readOnly={readOnly}
        />
      )}
      {step === 1 && (
        <HarmJudgementStep
          dimension="system_service"
          value={ss}
          onChange={setSs}
          argumentOf={(o) => draft.arguments[argumentKey('systemService', o)] ?? ''}
          onArgumentChange={setArgument('systemService')}
          missing={missingSs}
          readOnly={readOnly}
        />
      )}
      {step === 2 && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {preview.isError && <ApiErrorAlert error={preview.error} />}
          {preview.data ? <GradingResultPanel result={preview.data} /> : <Spin />}
          <SectorGuidanceQuestions
            guidance={detail.sectorGuidance}
            answers={draft.answers}
            onAnswer={(guideId, applies) =>
              setDraft((d) => ({ ...d, answers: { ...d.answers, [guideId]: applies } }))
            }
            level={preview.data?.level ?? null}
            readOnly={readOnly}
          />
          {otherWarnings.length > 0 && (
            <>
              <Typography.Title level={5}>{t('grading.warningsTitle')}</Typography.Title>
              <GradingWarnings warnings={otherWarnings} />
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
          <section aria-label={t('grading.narrative.title')}>
            <Typography.Title level={5}>{t('grading.narrative.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('grading.narrative.hint')}
            </Typography.Paragraph>
            <Form layout="vertical" component="div">
              {DESCRIPTION_FIELDS.map((field) => (
                <Form.Item
                  key={field}
                  label={t(`grading.narrative.${field}`)}
                  htmlFor={`grading-narrative-${field}`}
                  validateStatus={descriptionErrors[field] ? 'error' : undefined}
                  help={descriptionErrors[field]}
                >
                  <Input.TextArea
                    id={`grading-narrative-${field}`}
                    value={draft[field]}
                    onChange={(e) => setDescription(field, e.target.value)}
                    placeholder={t(`grading.narrative.${field}Placeholder`)}
                    autoSize={{ minRows: 3, maxRows: 12 }}
                    maxLength={DESCRIPTION_MAX}
                  />
                </Form.Item>
              ))}
              <Form.Item label={t('grading.narrative.topology')}>
                <AttachmentList
                  systemId={detail.system.id}
                  recordKind="system"
                  recordId={detail.system.id}
                  purpose="topology"
                  canEdit={!readOnly}
                />
              </Form.Item>
            </Form>
          </section>
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
