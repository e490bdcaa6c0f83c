/**
 * The conclusion in one line as the server words it (`headline`): "暂定：基本符合 73.53%（已测
 * 34/211 项）" while items are open, so a figure over part of the items is never shown bare.
 */
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScoreResultDto } from '../../../../src/shared/api-types';

/** 暂定: the conclusion may still change (items unanswered or without a test object). */
export function ProvisionalTag() {
  const { t } = useTranslation();
  return (
    <Tag color="warning" style={{ marginInlineEnd: 0 }} data-testid="provisional-tag">
      {t('assessment.score.provisionalTag')}
    </Tag>
  );
}

/** Items with a result over all items: what the headline's 已测 counts. */
export function coverageOf(score: Pick<ScoreResultDto, 'counts'>): { done: number; total: number } {
  const c = score.counts;
  return { done: c.items - c.unanswered - c.untested, total: c.items };
}

/** The headline, Chinese first; in English the server's English with the Chinese below it. */
export function ScoreHeadline({
  score,
  testId,
  level = 4,
  showCoverage = true,
}: {
  score: Pick<ScoreResultDto, 'headline' | 'provisional' | 'counts'>;
  testId: string;
  level?: 4 | 5;
  /** Say how many items are open (off where the page says so beside it). */
  showCoverage?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const { done, total } = coverageOf(score);
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Space size={8} wrap align="center">
        {score.provisional && <ProvisionalTag />}
        <Typography.Title level={level} style={{ margin: 0 }} data-testid={testId}>
          {english ? score.headline.en : score.headline.zh}
        </Typography.Title>
      </Space>
      {english && <Typography.Text type="secondary">{score.headline.zh}</Typography.Text>}
      {score.provisional && showCoverage && (
        <Typography.Text type="warning" data-testid={`${testId}-coverage`}>
          {t('assessment.score.coverage', { done, total, open: total - done })}
        </Typography.Text>
      )}
    </Space>
  );
}
