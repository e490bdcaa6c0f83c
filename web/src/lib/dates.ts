import dayjs, { type Dayjs } from 'dayjs';

const BEIJING = 'Asia/Shanghai';

/** Today's calendar date in Beijing time (obligations are reckoned in Beijing days). */
export function todayInBeijing(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BEIJING }).format(new Date());
}

/**
 * An instant as YYYY-MM-DD HH:mm (or HH:mm:ss) in Beijing time; empty for no value, and the
 * input unchanged when it is not a parseable instant.
 */
function formatBeijingInstant(iso: string | null | undefined, withSeconds: boolean): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: BEIJING,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const time = withSeconds
    ? `${part('hour')}:${part('minute')}:${part('second')}`
    : `${part('hour')}:${part('minute')}`;
  return `${part('year')}-${part('month')}-${part('day')} ${time}`;
}

/** A server timestamp shown as YYYY-MM-DD HH:mm in Beijing time. */
export function formatTimestamp(iso: string | null | undefined): string {
  return formatBeijingInstant(iso, false);
}

/** An audit instant shown as YYYY-MM-DD HH:mm:ss in Beijing time. */
export function formatTimestampSeconds(iso: string | null | undefined): string {
  return formatBeijingInstant(iso, true);
}

/** The UTC instant at which a Beijing calendar day (YYYY-MM-DD) begins, for instant filters. */
export function beijingDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** DatePicker value → ISO date string (or null when empty). */
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** ISO date string → DatePicker value. */
export function fromIsoDate(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value, 'YYYY-MM-DD') : null;
}

export const DATE_FORMAT = 'YYYY-MM-DD';
