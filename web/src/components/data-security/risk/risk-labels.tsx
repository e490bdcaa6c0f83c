import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskLevel, RiskView } from '../../../api/data-security-client';
import { todayInBeijing } from '../../../lib/dates';

export const LEVEL_COLOURS: Record<RiskLevel, string> = {
  critical: 'magenta',
  high: 'red',
  medium: 'orange',
  low: 'green',
};
export const STATUS_COLOURS: Record<string, string | undefined> = {
  draft: undefined,
  completed: 'blue',
  reported: 'green',
  open: 'red',
  in_progress: 'orange',
  closed: 'green',
  accepted: undefined,
  planned: undefined,
};

/** 风险等级: the server's level from likelihood × impact, with the product shown. */
export function RiskLevelTag({
  risk,
}: {
  risk: Pick<RiskView, 'level' | 'likelihood' | 'impact' | 'score'>;
}) {
  const { t } = useTranslation();
  const score = risk.score ?? risk.likelihood * risk.impact;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {risk.level ? (
        <Tag color={LEVEL_COLOURS[risk.level]}>{t(`dataSecurity.riskLevel.${risk.level}`)}</Tag>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dataSecurity.risk.score', { l: risk.likelihood, i: risk.impact, score })}
      </Typography.Text>
    </span>
  );
}

/** Open or in progress and past its due date. */
export const isOverdue = (r: Pick<RiskView, 'dueOn' | 'status' | 'overdue'>) =>
  r.overdue ??
  (!!r.dueOn && (r.status === 'open' || r.status === 'in_progress') && r.dueOn < todayInBeijing());

export function DueCell({ risk }: { risk: Pick<RiskView, 'dueOn' | 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  if (!risk.dueOn) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return isOverdue(risk) ? (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="danger" strong>
        {risk.dueOn}
      </Typography.Text>{' '}
      <Tag color="red">{t('dataSecurity.overdue')}</Tag>
    </span>
  ) : (
    <span>{risk.dueOn}</span>
  );
}
