import { Popover, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PrivacyDutyDto } from '../../api/privacy-client';
import { usePenaltyCatalog } from '../../api/privacy-hooks';
import { pick } from '../../lib/language';
import { dutyState } from './duty-order';
import { fineText } from './penalty-text';

/** 处罚风险: the penalty article an open duty risks and its fine range, from the catalog. */
export function PenaltyExposure({ duty }: { duty: PrivacyDutyDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const catalog = usePenaltyCatalog();
  const ids = duty.penaltyIds ?? duty.penalties?.map((p) => p.id) ?? [];
  if (ids.length === 0)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={4}>
      {ids.map((id) => {
        const p = catalog.data?.find((e) => e.id === id);
        if (!p)
          return (
            <Typography.Text key={id} style={{ fontSize: 12 }}>
              {id}
            </Typography.Text>
          );
        const first = fineText(p.organisation, language);
        const escalated = p.escalated ? fineText(p.escalated.organisation, language) : null;
        return (
          <Popover
            key={id}
            trigger="click"
            title={pick(language, p.titleZh, p.titleEn)}
            styles={{ root: { maxWidth: 420 } }}
            content={
              <Space orientation="vertical" size={4}>
                <Typography.Text style={{ fontSize: 12 }}>
                  {pick(language, p.triggerZh, p.triggerEn)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('privacy.duties.authority', {
                    authority: pick(language, p.authorityZh, p.authorityEn),
                  })}
                </Typography.Text>
              </Space>
            }
          >
            <Space orientation="vertical" size={0} style={{ cursor: 'pointer' }}>
              <Typography.Text style={{ fontSize: 12 }}>
                {pick(language, p.titleZh, p.titleEn)}
              </Typography.Text>
              {first && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {first}
                </Typography.Text>
              )}
              {p.escalated && escalated && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {pick(language, p.escalated.conditionZh, p.escalated.conditionEn)}
                  {t('common.labelSeparator')}
                  {escalated}
                </Typography.Text>
              )}
            </Space>
          </Popover>
        );
      })}
    </Space>
  );
}

/**
 * The 处罚风险 cell of a duty, in 个人信息保护 › 义务 and on 义务日历: the penalty an open duty
 * risks; nothing for a duty satisfied, done or not applicable.
 */
export function PenaltyCell({ duty }: { duty: PrivacyDutyDto }) {
  const { t } = useTranslation();
  return ['satisfied', 'done', 'not_applicable'].includes(dutyState(duty)) ? (
    <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
  ) : (
    <PenaltyExposure duty={duty} />
  );
}
