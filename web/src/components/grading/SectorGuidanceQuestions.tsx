import { Alert, Card, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SectorGuidanceDto } from '../../../../src/shared/api-types';
import type { ProtectionLevel } from '../../../../src/shared/mlps';
import { pick } from '../../lib/language';
import { LevelTag } from '../LevelTag';
import { recommendedMinimum } from './grading-state';

/**
 * 行业定级指导: the sector guides' yes/no questions, the recommended minimum that follows from the
 * answers, and a warning when the level is below it (advisory: it never changes the level).
 */
export function SectorGuidanceQuestions({
  guidance,
  answers,
  onAnswer,
  level,
  readOnly = false,
}: {
  guidance: SectorGuidanceDto | undefined;
  answers: Record<string, boolean>;
  onAnswer?: (guideId: string, applies: boolean) => void;
  level: ProtectionLevel | null;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const guides = guidance?.guides ?? [];
  const minimum = recommendedMinimum(guidance, answers);
  return (
    <section aria-label={t('grading.sector.title')}>
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('grading.sector.title')}
        </Typography.Title>
        {guides.length === 0 ? (
          <Typography.Text type="secondary">{t('grading.sector.none')}</Typography.Text>
        ) : (
          guides.map(({ guide }) => (
            <Card key={guide.id} size="small">
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {pick(i18n.language, guide.questionZh, guide.questionEn)}
                </Typography.Text>
                <Radio.Group
                  aria-label={pick(i18n.language, guide.questionZh, guide.questionEn)}
                  value={answers[guide.id]}
                  disabled={readOnly || !onAnswer}
                  onChange={(e) => onAnswer?.(guide.id, e.target.value as boolean)}
                  options={[
                    { value: true, label: t('common.yes') },
                    { value: false, label: t('common.no') },
                  ]}
                />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {pick(i18n.language, guide.ruleZh, guide.ruleEn)} {t('grading.sector.minimum')}{' '}
                  <LevelTag level={guide.recommendedMinimum} />
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('grading.sector.source')}
                  {guide.sources.map((s, i) => (
                    <span key={s.id}>
                      {i > 0 && '；'}
                      {s.url ? (
                        <Typography.Link href={s.url} target="_blank" rel="noreferrer">
                          {pick(i18n.language, s.labelZh, s.labelEn)}
                        </Typography.Link>
                      ) : (
                        pick(i18n.language, s.labelZh, s.labelEn)
                      )}
                      {s.relation === 'related' && t('grading.sector.related')}
                    </span>
                  ))}{' '}
                  <Tag>{t(`provenance.${guide.status}`)}</Tag>
                </Typography.Text>
              </Space>
            </Card>
          ))
        )}
        {minimum !== null &&
          (level !== null && level < minimum ? (
            <Alert
              type="warning"
              showIcon
              data-testid="sector-guidance-warning"
              title={t('grading.sector.below', {
                level: t(`level.short.${level}`),
                minimum: t(`level.short.${minimum}`),
              })}
              description={t('grading.sector.belowHint')}
            />
          ) : (
            <Alert
              type="success"
              showIcon
              title={t('grading.sector.meets', { minimum: t(`level.short.${minimum}`) })}
            />
          ))}
      </Space>
    </section>
  );
}
