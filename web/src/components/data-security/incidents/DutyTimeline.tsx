import { Card, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentDutyView } from '../../../api/incidents-client';
import { formatTimestamp } from '../../../lib/dates';
import { pick } from '../../../lib/language';
import { CitationPopover } from '../../CitationPopover';
import { CountdownText, DUTY_STATE_COLOURS, liveState, useNow } from './incident-labels';

const TIMELINE_COLOURS: Record<IncidentDutyView['state'], string> = {
  done: 'green',
  due: 'orange',
  overdue: 'red',
  not_required: 'gray',
  waiting: 'blue',
};

/** PT1H → 1 小时, PT30M → 30 分钟, P1D → 1 天; null for an event marker or anything else. */
export function durationParts(
  deadline: string,
): { days: number; hours: number; minutes: number } | null {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(deadline);
  if (!m || deadline === 'P' || deadline === 'PT') return null;
  return { days: Number(m[1] ?? 0), hours: Number(m[2] ?? 0), minutes: Number(m[3] ?? 0) };
}

function DeadlineText({ deadline, kind }: { deadline: string; kind: string }) {
  const { t } = useTranslation();
  const d = durationParts(deadline);
  if (!d) return null;
  const parts = [
    d.days ? t('incidents.duration.days', { count: d.days }) : '',
    d.hours ? t('incidents.duration.hours', { count: d.hours }) : '',
    d.minutes ? t('incidents.duration.minutes', { count: d.minutes }) : '',
  ].filter(Boolean);
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t(kind === 'closing' ? 'incidents.withinAfterHandling' : 'incidents.within', {
        duration: parts.join(' '),
      })}
    </Typography.Text>
  );
}

/** One duty: who receives what by when, the live countdown, its state, reasons and citations. */
function DutyCard({ duty, now }: { duty: IncidentDutyView; now: number }) {
  const { t, i18n } = useTranslation();
  const state = liveState(duty, now);
  const informational = duty.actor !== 'operator';
  return (
    <Card
      size="small"
      data-testid={`duty-${duty.kind}`}
      style={{
        borderColor: state === 'overdue' ? '#ff4d4f' : undefined,
        background: informational ? '#fafafa' : undefined,
      }}
      title={
        <Space size={8} wrap>
          <Typography.Text strong>
            {pick(i18n.language, duty.titleZh, duty.titleEn)}
          </Typography.Text>
          <Tag>{t(`incidents.dutyKind.${duty.kind}`, { defaultValue: duty.kind })}</Tag>
          {informational && (
            <Tag color="default">
              {t('incidents.byActor', { actor: t(`incidents.actor.${duty.actor}`) })}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Tag color={DUTY_STATE_COLOURS[state]} data-testid="duty-state">
          {t(`incidents.dutyState.${state}`)}
        </Tag>
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space size={[4, 4]} wrap data-testid="duty-recipients">
          <Typography.Text type="secondary">{t('incidents.recipients')}</Typography.Text>
          {duty.recipients.length === 0 && duty.kind === 'notify_individuals' && (
            <Tag>{t('incidents.individualsRecipient')}</Tag>
          )}
          {duty.recipients.map((r) => (
            <Tag key={r} color={informational ? undefined : 'geekblue'}>
              {t(`incidents.recipient.${r}`)}
            </Tag>
          ))}
        </Space>
        <Space size={12} wrap>
          {duty.dueAt ? (
            <Typography.Text data-testid="duty-due">
              {t('incidents.deadline')}
              {t('common.labelSeparator')}
              <Typography.Text strong>{formatTimestamp(duty.dueAt)}</Typography.Text>
              <Typography.Text type="secondary"> {t('incidents.beijingTime')}</Typography.Text>
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">
              {t(
                durationParts(duty.deadline)
                  ? 'incidents.clockNotStarted'
                  : 'incidents.noHourCount',
              )}
            </Typography.Text>
          )}
          <DeadlineText deadline={duty.deadline} kind={duty.kind} />
          {duty.dueAt && (state === 'due' || state === 'overdue') && (
            <CountdownText dueAt={duty.dueAt} now={now} strong />
          )}
          {duty.doneAt && (
            <Typography.Text type="success">
              {t('incidents.doneAt', { time: formatTimestamp(duty.doneAt) })}
            </Typography.Text>
          )}
        </Space>
        <Typography.Paragraph style={{ margin: 0, fontSize: 13 }}>
          {pick(i18n.language, duty.reasonZh, duty.reasonEn)}
        </Typography.Paragraph>
        <CitationPopover citations={duty.citations} />
      </Space>
    </Card>
  );
}

/** The reporting duties in deadline order: the operator's first, escalations as information. */
export function DutyTimeline({ duties }: { duties: readonly IncidentDutyView[] }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  if (duties.length === 0)
    return <Typography.Text type="secondary">{t('incidents.noDuties')}</Typography.Text>;
  const ordered = [...duties].sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  return (
    <Timeline
      items={ordered.map((d) => ({
        key: d.id,
        color: TIMELINE_COLOURS[liveState(d, now)],
        content: <DutyCard duty={d} now={now} />,
      }))}
    />
  );
}
