import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CII_OUTCOMES,
  type CapabilityScoreDto,
  type CiiEvaluationDetailDto,
  type CiiOutcome,
} from '../../../../src/shared/cii-evaluation-schemas';
import { pick } from '../../lib/language';
import { rateText } from './capability-labels';

/** Segment colours: 符合 green, 部分符合 amber, 不符合 red, 不适用 grey, 未评 light grey. */
export const OUTCOME_COLOURS: Record<CiiOutcome, string> = {
  compliant: '#52c41a',
  partial: '#faad14',
  non_compliant: '#ff4d4f',
  not_applicable: '#bfbfbf',
  not_assessed: '#f0f0f0',
};

function outcomeLabel(t: (key: string) => string, outcome: CiiOutcome): string {
  return outcome === 'not_assessed'
    ? t('ciiCapability.result.not_assessed')
    : t(`assessment.result.${outcome}`);
}

/** "符合 3 · 部分符合 1 · 不符合 1 · 不适用 0 · 未评 30" in the outcome colours. */
export function OutcomeCounts({ score }: { score: CapabilityScoreDto }) {
  const { t } = useTranslation();
  return (
    <span className="cap-counts">
      {CII_OUTCOMES.map((o) => (
        <span key={o} className="cap-count">
          <i style={{ background: OUTCOME_COLOURS[o] }} />
          {outcomeLabel(t, o)} {score.counts[o]}
        </span>
      ))}
    </span>
  );
}

/** A stacked bar of the outcomes (what the rate is made of), with the counts on hover. */
function OutcomeBar({ score }: { score: CapabilityScoreDto }) {
  const { t } = useTranslation();
  const label = CII_OUTCOMES.map((o) => `${outcomeLabel(t, o)} ${score.counts[o]}`).join(' · ');
  return (
    <Tooltip title={label}>
      <div className="cap-bar" role="img" aria-label={label}>
        {CII_OUTCOMES.map((o) =>
          score.counts[o] > 0 ? (
            <span
              key={o}
              style={{
                width: `${(score.counts[o] / score.total) * 100}%`,
                background: OUTCOME_COLOURS[o],
              }}
            />
          ) : null,
        )}
      </div>
    </Tooltip>
  );
}

/**
 * 各章符合率: one line per chapter (6 分析识别 … 11 事件处置) and the whole; a click filters the
 * requirement grid to that chapter.
 */
export function ChapterScores({
  evaluation,
  active,
  onSelect,
}: {
  evaluation: CiiEvaluationDetailDto;
  active: string | null;
  onSelect: (chapterId: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const line = (key: string | null, label: string, score: CapabilityScoreDto) => (
    <div
      key={key ?? 'all'}
      role="button"
      tabIndex={0}
      className={`cap-score${active === key ? ' is-active' : ''}${key === null ? ' is-total' : ''}`}
      data-testid={`chapter-score-${key ?? 'all'}`}
      onClick={() => onSelect(key)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(key);
        }
      }}
    >
      <Typography.Text className="cap-score-label" strong={key === null} ellipsis>
        {label}
      </Typography.Text>
      <OutcomeBar score={score} />
      <Typography.Text strong className="cap-score-rate" data-testid="chapter-rate">
        {rateText(score.conformanceRate)}
      </Typography.Text>
      <Typography.Text type="secondary" className="cap-score-assessed">
        {t('ciiCapability.score.assessedOf', { assessed: score.assessed, total: score.total })}
      </Typography.Text>
    </div>
  );
  return (
    <div>
      <div className="cap-scores">
        {line(null, t('ciiCapability.score.all'), evaluation.overall)}
        {evaluation.chapters.map((c) =>
          line(c.chapterId, `${c.chapterId} ${pick(i18n.language, c.title.zh, c.title.en)}`, c),
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ciiCapability.score.hint')}
      </Typography.Text>
    </div>
  );
}
