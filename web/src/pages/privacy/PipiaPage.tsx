/**
 * One impact assessment (个人信息保护影响评估, PIPIA): the activities and PIPL Art. 55 triggers it
 * covers, the questionnaire (only the questions that apply), the overall risk and conclusion, and
 * the workflow — submit (privacy.write), reviewers agree or return with a comment, approve
 * (privacy.approve; the server refuses the author). Approved: read-only, with the date it must be
 * kept until (Art. 56, three years) and the report in Word and PDF.
 */
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  List,
  Popconfirm,
  Radio,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '../../api/client';
import {
  isVersionConflict,
  PIPIA_RISK_LEVELS,
  pipiaReportBase,
  triggerCitations,
  useDeletePipia,
  usePipia,
  usePipiaQuestionnaire,
  usePipiaTransition,
  usePrivacyActivities,
  useReloadPipia,
  useSavePipia,
  type PipiaAnswer,
  type PipiaDto,
  type PipiaQuestionnaireDto,
  type PipiaRiskLevel,
} from '../../api/pipia-hooks';
import { useSignedInSession } from '../../api/session';
import { useMembers } from '../../api/settings-hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CitationPopover } from '../../components/CitationPopover';
import { useCan, useCurrentOrganisation } from '../../components/OrganisationScope';
import {
  applicableQuestions,
  PipiaQuestionnaire,
  scrollToQuestion,
} from '../../components/privacy/pipia/PipiaQuestionnaire';
import {
  PipiaRiskTag,
  PipiaStatusTag,
  triggerCodes,
  TriggerTags,
} from '../../components/privacy/pipia/pipia-labels';
import { ReportDownloads } from '../../components/reports/ReportDownloads';
import { errorMessage } from '../../lib/api-errors';
import { formatTimestamp, todayInBeijing } from '../../lib/dates';

export function PipiaPage() {
  const { t } = useTranslation();
  const { pipiaId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  const pipia = usePipia(organisation.id, pipiaId);
  const questionnaire = usePipiaQuestionnaire();

  if (pipia.isPending || questionnaire.isPending)
    return <Spin style={{ display: 'block', margin: 48 }} />;
  if (pipia.isError) {
    if (pipia.error instanceof ApiRequestError && pipia.error.status === 404)
      return (
        <Result
          status="404"
          title={t('pipia.notFound')}
          extra={
            <Link to={`/o/${organisation.id}/privacy?tab=pipia`}>{t('pipia.backToList')}</Link>
          }
        />
      );
    return <ApiErrorAlert error={pipia.error} />;
  }
  if (questionnaire.isError) return <ApiErrorAlert error={questionnaire.error} />;
  return <PipiaDetail key={pipia.data.id} pipia={pipia.data} questionnaire={questionnaire.data} />;
}

type Step = 'save' | 'submit' | 'review' | 'return' | 'approve' | 'delete';

interface Draft {
  readonly answers: Record<string, PipiaAnswer>;
  readonly overallRisk: PipiaRiskLevel | null;
  readonly conclusion: string;
  readonly reviewerIds: string[];
}

const draftOf = (p: PipiaDto): Draft => ({
  answers: { ...p.answers },
  overallRisk: p.overallRisk,
  conclusion: p.conclusion ?? '',
  reviewerIds: [...(p.reviewerIds ?? [])],
});

const ANSWER_PATH =
  /^\/?(?:body[./])?answers[./[]+([a-z0-9][a-z0-9.-]*?)\]?(?:[./](?:answer|risk|measure))?$/i;

/** Question ids the server's error names: `answers.<id>` paths, `questionId(s)` params, text. */
function questionIdsOf(error: unknown, known: ReadonlySet<string>): string[] {
  if (!(error instanceof ApiRequestError)) return [];
  const found = new Set<string>();
  const take = (value: unknown) => {
    const text = Array.isArray(value) ? value.join(',') : String(value ?? '');
    for (const part of text.split(/[,，、\s]+/)) if (known.has(part)) found.add(part);
  };
  const { body } = error;
  take(body.params?.questionIds);
  take(body.params?.questionId);
  for (const detail of body.details) {
    const m = ANSWER_PATH.exec(detail.path);
    if (m?.[1]) take(m[1]);
    take(detail.params?.questionIds);
    take(detail.params?.questionId);
  }
  // Ids the message lists ("unanswered: lawfulness.1, necessity.2").
  for (const text of [body.message, body.messageZh, ...body.details.map((d) => d.message)])
    for (const token of String(text ?? '').match(/[a-z0-9][a-z0-9.-]*[a-z0-9]/gi) ?? [])
      if (known.has(token)) found.add(token);
  return [...found];
}

function PipiaDetail({
  pipia,
  questionnaire,
}: {
  pipia: PipiaDto;
  questionnaire: PipiaQuestionnaireDto;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const organisation = useCurrentOrganisation();
  const session = useSignedInSession();
  const canWrite = useCan('privacy.write');
  const canApprove = useCan('privacy.approve');
  const canListMembers = useCan('members.read');
  const members = useMembers(organisation.id, { enabled: canListMembers });
  const activities = usePrivacyActivities(organisation.id);
  const save = useSavePipia(organisation.id, pipia.id);
  const transition = usePipiaTransition(organisation.id, pipia.id);
  const remove = useDeletePipia(organisation.id);
  const reload = useReloadPipia(organisation.id, pipia.id);

  const [draft, setDraft] = useState<Draft>(() => draftOf(pipia));
  const [dirty, setDirty] = useState(false);
  /** The version the form was loaded from: a save sends it, so a newer one answers 409. */
  const [baseVersion, setBaseVersion] = useState(pipia.version);
  const [comment, setComment] = useState('');
  const [lastError, setLastError] = useState<unknown>(null);
  const [lastAction, setLastAction] = useState<Step>('save');
  const errorCard = useRef<HTMLDivElement>(null);

  // The error shows above the questionnaire: bring it into view (the buttons are far below).
  useEffect(() => {
    if (lastError !== null)
      errorCard.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [lastError]);

  // A newer stored version replaces the form only while nothing is typed (or on 载入最新内容).
  useEffect(() => {
    if (dirty) return;
    setDraft(draftOf(pipia));
    setBaseVersion(pipia.version);
  }, [pipia.version]);

  const triggerKey = triggerCodes(pipia.triggers).join(',');
  const triggers = useMemo(() => (triggerKey ? triggerKey.split(',') : []), [triggerKey]);
  const questions = useMemo(
    () => applicableQuestions(questionnaire, triggers),
    [questionnaire, triggers],
  );
  const known = useMemo(() => new Set(questions.map((q) => q.id)), [questions]);
  const named = questionIdsOf(lastError, known);
  const answered = questions.filter(
    (q) => (draft.answers[q.id]?.answer ?? '').trim() !== '',
  ).length;

  const editable = canWrite && (pipia.status === 'draft' || pipia.status === 'returned');
  const inReview = pipia.status === 'in_review';
  const approved = pipia.status === 'approved';
  const conflict = isVersionConflict(lastError);
  /** A refusal of the step itself (who may, in which status), not of the typed fields. */
  const refusal =
    lastError instanceof ApiRequestError &&
    (lastError.status === 403 || lastError.status === 409) &&
    lastError.body.details.length === 0
      ? lastError
      : null;

  const change = (next: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setDirty(true);
  };

  /** Answers worth sending (an untouched question is left out). */
  const answersToSend = (): Record<string, PipiaAnswer> => {
    const out: Record<string, PipiaAnswer> = {};
    for (const [id, a] of Object.entries(draft.answers)) {
      const answer = {
        answer: a.answer.trim(),
        risk: a.risk ?? null,
        measure: a.measure?.trim() || null,
      };
      if (answer.answer !== '' || answer.risk || answer.measure) out[id] = answer;
    }
    return out;
  };

  /** Saves the typed content; returns the stored version, or null when it failed. */
  const doSave = async (): Promise<number | null> => {
    setLastError(null);
    setLastAction('save');
    try {
      const saved = await save.mutateAsync({
        answers: answersToSend(),
        overallRisk: draft.overallRisk,
        conclusion: draft.conclusion.trim() || null,
        reviewerIds: draft.reviewerIds,
        version: baseVersion,
      });
      setBaseVersion(saved.version);
      setDirty(false);
      return saved.version;
    } catch (error) {
      setLastError(error);
      return null;
    }
  };

  const act = async (action: 'submit' | 'review' | 'approve' | 'return') => {
    let version = pipia.version;
    if (action === 'submit' && dirty) {
      const saved = await doSave();
      if (saved === null) return;
      version = saved;
    }
    setLastError(null);
    setLastAction(action);
    try {
      await transition.mutateAsync({ action, version, comment: comment.trim() || null });
      setComment('');
      message.success(t(`pipia.action.done.${action}`));
    } catch (error) {
      setLastError(error);
    }
  };

  const loadLatest = async () => {
    setLastError(null);
    const fresh = await reload();
    if (fresh) {
      setDraft(draftOf(fresh));
      setBaseVersion(fresh.version);
    }
    setDirty(false);
  };

  const activityById = new Map((activities.data ?? []).map((a) => [a.id, a] as const));
  const covered =
    pipia.activities ??
    pipia.activityIds.map((id) => activityById.get(id) ?? { id, code: '', name: id.slice(0, 8) });
  const memberName = (userId: string | null | undefined) =>
    (userId && members.data?.items.find((m) => m.userId === userId)?.displayName) || userId || '—';
  const isAuthor = pipia.createdBy === session.user.id;
  const isReviewer = pipia.reviews.some((r) => r.userId === session.user.id);
  const unanswered = (pipia.unansweredQuestionIds ?? []).filter((id) => known.has(id));
  const busy = save.isPending || transition.isPending;

  // PIPL Art. 56: an approved assessment is kept until its date; the server refuses before.
  const retentionOver = approved && !!pipia.retainUntil && pipia.retainUntil < todayInBeijing();
  const deleteButton = (kind: 'draft' | 'approved') => (
    <Popconfirm
      title={t(
        kind === 'draft' ? 'pipia.action.deleteConfirm' : 'pipia.action.deleteApprovedConfirm',
        {
          date: pipia.retainUntil,
        },
      )}
      okText={t('pipia.action.delete')}
      cancelText={t('common.cancel')}
      onConfirm={async () => {
        setLastAction('delete');
        try {
          await remove.mutateAsync(pipia.id);
          void navigate(`/o/${organisation.id}/privacy?tab=pipia`);
        } catch (error) {
          setLastError(error);
        }
      }}
    >
      <Button danger type="text" loading={remove.isPending}>
        {t(kind === 'draft' ? 'pipia.action.delete' : 'pipia.action.deleteApproved')}
      </Button>
    </Popconfirm>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={`/o/${organisation.id}/privacy?tab=pipia`}>
        <ArrowLeftOutlined /> {t('pipia.backToList')}
      </Link>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {pipia.title}
          </Typography.Title>
          <PipiaStatusTag status={pipia.status} />
          <PipiaRiskTag risk={pipia.overallRisk} />
        </Space>
        <ReportDownloads
          reports={[{ label: 'pipia.report', base: pipiaReportBase(organisation.id, pipia.id) }]}
        />
      </Space>

      {approved && (
        <Alert
          type="success"
          showIcon
          data-testid="pipia-approved"
          title={t('pipia.approvedBanner', {
            date: pipia.approvedOn ?? '—',
            name: pipia.approvedByName ?? memberName(pipia.approvedBy),
          })}
          description={t('pipia.retentionHint', { date: pipia.retainUntil ?? '—' })}
        />
      )}

      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('pipia.field.activities')} span={2}>
            <Space size={[0, 4]} wrap>
              {covered.map((a) => (
                <Tag key={a.id}>{a.code ? `${a.code} ${a.name}` : a.name}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('pipia.field.questionnaireVersion')}>
            {pipia.questionnaireVersion}
            {pipia.questionnaireVersion !== questionnaire.version && (
              <Tag color="warning" style={{ marginInlineStart: 8 }}>
                {t('pipia.questionnaire.otherVersion', { version: questionnaire.version })}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('pipia.field.triggers')} span={2}>
            <Space wrap>
              <TriggerTags triggers={pipia.triggers} />
              <CitationPopover citations={pipia.triggers.flatMap(triggerCitations)} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('pipia.field.progress')}>
            <Space wrap size={4}>
              {t('pipia.progress', { answered, total: questions.length })}
              {editable && answered > 0 && unanswered.length > 0 && !dirty && (
                <>
                  <Typography.Text type="secondary">{t('pipia.unansweredLinks')}</Typography.Text>
                  {unanswered.slice(0, 12).map((id) => (
                    <Button
                      key={id}
                      type="link"
                      size="small"
                      style={{ paddingInline: 2 }}
                      onClick={() => scrollToQuestion(id)}
                    >
                      {id}
                    </Button>
                  ))}
                  {unanswered.length > 12 && <span>…</span>}
                </>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('pipia.field.submittedAt')}>
            {formatTimestamp(pipia.submittedAt) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('pipia.field.approvedOn')}>
            <span data-testid="pipia-approved-on">{pipia.approvedOn ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('pipia.field.retainUntil')}>
            <span data-testid="pipia-retain-until">{pipia.retainUntil ?? '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {lastError !== null && (
        <Card size="small" data-testid="pipia-error" ref={errorCard}>
          {conflict ? (
            <Alert
              type="warning"
              showIcon
              title={t('pipia.conflict.title')}
              description={t('pipia.conflict.description')}
              action={
                <Button size="small" onClick={() => void loadLatest()}>
                  {t('pipia.conflict.reload')}
                </Button>
              }
            />
          ) : refusal ? (
            <Alert
              type="error"
              showIcon
              title={t(`pipia.refused.${lastAction}`)}
              description={errorMessage(refusal.body, i18n.language)}
            />
          ) : (
            <ApiErrorAlert error={lastError} />
          )}
          {named.length > 0 && (
            <div style={{ marginTop: 8 }} data-testid="pipia-error-questions">
              <Typography.Text>{t('pipia.questionsNamed')}</Typography.Text>{' '}
              <Space size={[4, 4]} wrap>
                {named.map((id) => (
                  <Button key={id} type="link" size="small" onClick={() => scrollToQuestion(id)}>
                    {id}
                  </Button>
                ))}
              </Space>
            </div>
          )}
        </Card>
      )}

      <PipiaQuestionnaire
        questionnaire={questionnaire}
        triggers={triggers}
        answers={draft.answers}
        readOnly={!editable}
        highlighted={new Set(named)}
        onChange={(id, answer) => change({ answers: { ...draft.answers, [id]: answer } })}
      />

      <Card size="small" title={t('pipia.overall.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {editable ? (
            <>
              <Space wrap align="center" data-testid="pipia-overall-risk">
                <Typography.Text>{t('pipia.field.overallRisk')}</Typography.Text>
                <Radio.Group
                  aria-label={t('pipia.field.overallRisk')}
                  value={draft.overallRisk}
                  optionType="button"
                  onChange={(e) => change({ overallRisk: e.target.value as PipiaRiskLevel })}
                  options={PIPIA_RISK_LEVELS.map((level) => ({
                    value: level,
                    label: t(`pipia.risk.${level}`),
                  }))}
                />
              </Space>
              <Input.TextArea
                aria-label={t('pipia.field.conclusion')}
                placeholder={t('pipia.overall.conclusionPlaceholder')}
                value={draft.conclusion}
                maxLength={5000}
                autoSize={{ minRows: 3, maxRows: 12 }}
                onChange={(e) => change({ conclusion: e.target.value })}
              />
              {canListMembers && (
                <Space wrap align="center" style={{ width: '100%' }}>
                  <Typography.Text>{t('pipia.field.reviewers')}</Typography.Text>
                  <Select
                    mode="multiple"
                    aria-label={t('pipia.field.reviewers')}
                    style={{ minWidth: 320 }}
                    value={draft.reviewerIds}
                    loading={members.isPending}
                    onChange={(ids: string[]) => change({ reviewerIds: ids })}
                    options={(members.data?.items ?? [])
                      .filter((m) => !m.disabled)
                      .map((m) => ({
                        value: m.userId,
                        label: `${m.displayName}（${m.username}）`,
                      }))}
                    optionFilterProp="label"
                  />
                </Space>
              )}
            </>
          ) : (
            <Descriptions size="small" column={1} data-testid="pipia-overall-readonly">
              <Descriptions.Item label={t('pipia.field.overallRisk')}>
                <PipiaRiskTag risk={pipia.overallRisk} />
              </Descriptions.Item>
              <Descriptions.Item label={t('pipia.field.conclusion')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{pipia.conclusion || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('pipia.field.reviewers')}>
                {pipia.reviews.length === 0
                  ? t('pipia.noReviewers')
                  : pipia.reviews
                      .map((r) => r.displayName ?? memberName(r.userId))
                      .join(t('common.listSeparator'))}
              </Descriptions.Item>
            </Descriptions>
          )}
          {editable && (
            <Space>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                disabled={!dirty}
                onClick={() =>
                  void doSave().then((v) => {
                    if (v !== null) message.success(t('pipia.saved'));
                  })
                }
              >
                {t('pipia.action.save')}
              </Button>
              {dirty && <Typography.Text type="warning">{t('pipia.unsaved')}</Typography.Text>}
            </Space>
          )}
        </Space>
      </Card>

      <Card size="small" title={t('pipia.workflow.title')} data-testid="pipia-workflow">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {pipia.reviews.length > 0 && (
            <List
              size="small"
              dataSource={[...pipia.reviews]}
              renderItem={(r) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Text strong>
                      {r.displayName ?? memberName(r.userId)}
                    </Typography.Text>
                    {r.decision === null ? (
                      <Tag>{t('pipia.review.pending')}</Tag>
                    ) : (
                      <Tag color={r.decision === 'agree' ? 'green' : 'red'}>
                        {t(`pipia.review.${r.decision}`)}
                      </Tag>
                    )}
                    {r.comment && <Typography.Text>{r.comment}</Typography.Text>}
                    {r.decidedAt && (
                      <Typography.Text type="secondary">
                        {formatTimestamp(r.decidedAt)}
                      </Typography.Text>
                    )}
                  </Space>
                </List.Item>
              )}
            />
          )}
          {approved ? (
            <Space wrap>
              <Typography.Text type="secondary">
                {t('pipia.workflow.approvedReadOnly')}
              </Typography.Text>
              {canWrite && retentionOver && deleteButton('approved')}
            </Space>
          ) : (
            <>
              <Typography.Text type="secondary">
                {t(`pipia.workflow.hint.${pipia.status}`)}
              </Typography.Text>
              {((inReview && (isReviewer || canApprove)) || editable) && (
                <Input.TextArea
                  aria-label={t('pipia.field.comment')}
                  placeholder={t('pipia.workflow.commentPlaceholder')}
                  value={comment}
                  maxLength={2000}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  onChange={(e) => setComment(e.target.value)}
                />
              )}
              <Space wrap>
                {editable && (
                  <Button type="primary" loading={busy} onClick={() => void act('submit')}>
                    {t('pipia.action.submit')}
                  </Button>
                )}
                {inReview && isReviewer && (
                  <Button loading={busy} onClick={() => void act('review')}>
                    {t('pipia.action.review')}
                  </Button>
                )}
                {inReview && (isReviewer || canApprove) && (
                  <Button danger loading={busy} onClick={() => void act('return')}>
                    {t('pipia.action.return')}
                  </Button>
                )}
                {inReview && canApprove && (
                  <Button type="primary" loading={busy} onClick={() => void act('approve')}>
                    {t('pipia.action.approve')}
                  </Button>
                )}
                {inReview && canApprove && isAuthor && (
                  <Typography.Text type="secondary">
                    {t('pipia.workflow.authorNote')}
                  </Typography.Text>
                )}
                {editable && pipia.status === 'draft' && deleteButton('draft')}
              </Space>
            </>
          )}
        </Space>
      </Card>
    </Space>
  );
}
