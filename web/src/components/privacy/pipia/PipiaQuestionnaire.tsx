/**
 * The questionnaire of an impact assessment (GB/T 39335-2020: lawfulness, necessity, impact and
 * risk, adequacy of measures), one card per section. Only the questions that apply to the
 * assessment's PIPL Art. 55 triggers are shown; each has its guidance, an answer, a risk level
 * (低/中/高/严重) and the measure taken or planned.
 */
import { Card, Empty, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  PIPIA_RISK_LEVELS,
  type PipiaAnswer,
  type PipiaQuestionDto,
  type PipiaQuestionnaireDto,
  type PipiaRiskLevel,
} from '../../../api/pipia-hooks';
import type { CitationDto } from '../../../../../src/shared/api-types';
import { pick } from '../../../lib/language';
import { CitationPopover } from '../../CitationPopover';
import { PipiaRiskTag } from './pipia-labels';

/** Whether a question applies to an assessment with these trigger codes. */
export function questionApplies(question: PipiaQuestionDto, triggers: readonly string[]): boolean {
  const when = question.appliesWhen ?? [];
  return when.length === 0 || when.some((code) => triggers.includes(code));
}

/** The questions that apply, in questionnaire order. */
export function applicableQuestions(
  questionnaire: PipiaQuestionnaireDto,
  triggers: readonly string[],
): PipiaQuestionDto[] {
  return questionnaire.sections.flatMap((s) =>
    s.questions.filter((q) => questionApplies(q, triggers)),
  );
}

/** The element id of a question (links from error messages scroll to it). */
export const questionAnchor = (id: string) => `pipia-q-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function scrollToQuestion(id: string): void {
  const element = document.getElementById(questionAnchor(id));
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true });
}

/** Citations for the popover: bare ids (not labelled by the server) shown as they are. */
function labelled(citations: PipiaQuestionDto['citations']): CitationDto[] {
  return (citations ?? []).map((c) => {
    if ('labelZh' in c) return c;
    const label = [c.instrumentId, c.provisionId].filter(Boolean).join(' ');
    return {
      instrumentId: c.instrumentId,
      provisionId: c.provisionId ?? null,
      labelZh: label,
      labelEn: label,
    };
  });
}

/** An answer as text (submitted, in review or approved: nothing can be typed). */
function ReadOnlyAnswer({ answer, rated }: { answer: PipiaAnswer; rated: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid="pipia-answer-readonly">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
        {answer.answer.trim() || (
          <Typography.Text type="secondary">{t('pipia.questionnaire.noAnswer')}</Typography.Text>
        )}
      </Typography.Paragraph>
      {rated && (answer.risk || answer.measure) && (
        <Space wrap size={4}>
          <Typography.Text type="secondary">{t('pipia.field.risk')}</Typography.Text>
          <PipiaRiskTag risk={answer.risk} />
          {answer.measure && (
            <Typography.Text>
              {t('pipia.questionnaire.measure')}
              {t('common.labelSeparator')}
              {answer.measure}
            </Typography.Text>
          )}
        </Space>
      )}
    </div>
  );
}

export function PipiaQuestionnaire({
  questionnaire,
  triggers,
  answers,
  readOnly,
  highlighted,
  onChange,
}: {
  questionnaire: PipiaQuestionnaireDto;
  triggers: readonly string[];
  answers: Readonly<Record<string, PipiaAnswer>>;
  readOnly: boolean;
  /** Question ids the server named (unanswered …), outlined in red. */
  highlighted: ReadonlySet<string>;
  onChange: (questionId: string, answer: PipiaAnswer) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sections = questionnaire.sections
    .map((section) => ({
      section,
      questions: section.questions.filter((q) => questionApplies(q, triggers)),
    }))
    .filter((s) => s.questions.length > 0);
  if (sections.length === 0) return <Empty description={t('pipia.questionnaire.empty')} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {sections.map(({ section, questions }, index) => (
        <Card
          key={section.id}
          size="small"
          title={`${index + 1}. ${pick(lang, section.titleZh, section.titleEn)}`}
          data-testid={`pipia-section-${section.id}`}
        >
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {questions.map((question) => {
              const answer = answers[question.id] ?? { answer: '', risk: null, measure: null };
              const set = (change: Partial<PipiaAnswer>) =>
                onChange(question.id, { ...answer, ...change });
              const guidance = pick(lang, question.guidanceZh ?? '', question.guidanceEn ?? '');
              const marked = highlighted.has(question.id);
              return (
                <div
                  key={question.id}
                  id={questionAnchor(question.id)}
                  data-testid={`pipia-question-${question.id}`}
                  style={{
                    padding: 8,
                    borderRadius: 4,
                    border: marked ? '1px solid #ff4d4f' : '1px solid transparent',
                  }}
                >
                  <Typography.Text strong>
                    {question.id} {pick(lang, question.textZh, question.textEn)}
                  </Typography.Text>
                  {(question.citations?.length ?? 0) > 0 && (
                    <span style={{ marginInlineStart: 8 }}>
                      <CitationPopover citations={labelled(question.citations)} />
                    </span>
                  )}
                  {guidance && (
                    <Typography.Paragraph
                      type="secondary"
                      style={{ fontSize: 12, margin: '4px 0 8px' }}
                    >
                      {t('pipia.questionnaire.guidance')}
                      {t('common.labelSeparator')}
                      {guidance}
                    </Typography.Paragraph>
                  )}
                  {readOnly ? (
                    <ReadOnlyAnswer answer={answer} rated={question.rated !== false} />
                  ) : (
                    <>
                      <Input.TextArea
                        aria-label={t('pipia.questionnaire.answerOf', { id: question.id })}
                        value={answer.answer}
                        maxLength={5000}
                        autoSize={{ minRows: 2, maxRows: 8 }}
                        placeholder={t('pipia.questionnaire.answerPlaceholder')}
                        onChange={(e) => set({ answer: e.target.value })}
                      />
                      {question.rated !== false && (
                        <>
                          <Space wrap style={{ marginTop: 8 }} align="center">
                            <Typography.Text type="secondary">
                              {t('pipia.field.risk')}
                            </Typography.Text>
                            <Radio.Group
                              aria-label={t('pipia.questionnaire.riskOf', { id: question.id })}
                              value={answer.risk ?? null}
                              optionType="button"
                              size="small"
                              onChange={(e) => set({ risk: e.target.value as PipiaRiskLevel })}
                              options={PIPIA_RISK_LEVELS.map((level) => ({
                                value: level,
                                label: t(`pipia.risk.${level}`),
                              }))}
                            />
                          </Space>
                          <Input.TextArea
                            style={{ marginTop: 8 }}
                            aria-label={t('pipia.questionnaire.measureOf', { id: question.id })}
                            value={answer.measure ?? ''}
                            maxLength={2000}
                            autoSize={{ minRows: 1, maxRows: 6 }}
                            placeholder={t('pipia.questionnaire.measurePlaceholder')}
                            onChange={(e) => set({ measure: e.target.value || null })}
                          />
                        </>
                      )}
                    </>
                  )}
                </div>
              );
            })}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
