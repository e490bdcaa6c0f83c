import { Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  IncidentGrade,
  IncidentStatus,
} from '../../../../../src/shared/data-security-schemas';
import type { IncidentDutyView, IncidentView } from '../../../api/incidents-client';
import { countdown } from './incident-time';

export const GRADE_COLOURS: Record<IncidentGrade, string> = {
  especially_major: 'magenta',
  major: 'red',
  large: 'orange',
  general: 'blue',
};

export const DUTY_STATE_COLOURS: Record<IncidentDutyView['state'], string> = {
  done: 'green',
  due: 'orange',
  overdue: 'red',
  not_required: 'default',
  waiting: 'default',
};

/** The grade the operator settled on; else the suggestion, marked as such. */
export function GradeTag({
  incident,
}: {
  incident: Pick<IncidentView, 'grade' | 'suggestedGrade'>;
}) {
  const { t } = useTranslation();
  if (incident.grade)
    return (
      <Tag color={GRADE_COLOURS[incident.grade]} data-testid="incident-grade">
        {t(`incidents.grade.${incident.grade}`)}
      </Tag>
    );
  return (
    <Tag
      color={GRADE_COLOURS[incident.suggestedGrade]}
      variant="outlined"
      style={{ borderStyle: 'dashed' }}
      data-testid="incident-grade"
    >
      {t('incidents.gradeSuggestedTag', { grade: t(`incidents.grade.${incident.suggestedGrade}`) })}
    </Tag>
  );
}

export function StatusTag({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'closed' ? 'green' : 'processing'}>
      {t(`incidents.status.${status}`)}
    </Tag>
  );
}

/** The current time, re-read every `ms` (the countdowns tick with it). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/** 剩余 00:42:13 in amber while the deadline is ahead, 已超时 01:05:00 in red once it has passed. */
export function CountdownText({
  dueAt,
  now,
  strong,
}: {
  dueAt: string;
  now: number;
  strong?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const c = countdown(dueAt, now, i18n.language);
  return (
    <Typography.Text
      type={c.overdue ? 'danger' : 'warning'}
      strong={strong}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      data-testid="duty-countdown"
    >
      {t(c.overdue ? 'incidents.countdown.overdue' : 'incidents.countdown.left', { time: c.text })}
    </Typography.Text>
  );
}

/** Duties the operator itself must still act on, earliest first (the "next duty"). */
export function openOperatorDuties(incident: IncidentView): IncidentDutyView[] {
  return incident.duties
    .filter((d) => d.actor === 'operator' && (d.state === 'due' || d.state === 'overdue'))
    .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
}

/** A duty's state as the clock sees it now: a due duty past its deadline shows as overdue. */
export function liveState(duty: IncidentDutyView, now: number): IncidentDutyView['state'] {
  if (duty.state === 'due' && duty.dueAt && Date.parse(duty.dueAt) < now) return 'overdue';
  return duty.state;
}
