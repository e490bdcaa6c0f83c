/**
 * Incident times are instants with their offset; the UI reads and writes them as Beijing wall
 * clock (Asia/Shanghai, +08:00) whatever the browser's time zone: a picked 2026-03-02 09:15
 * becomes 2026-03-02T09:15:00+08:00. Countdowns count to an instant. Pure, so it is unit-tested.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { formatTimestamp } from '../../../lib/dates';

/** A picker value (Beijing wall clock) → ISO instant with +08:00, or null. */
export function toBeijingInstant(value: Dayjs | null | undefined): string | null {
  return value ? `${value.format('YYYY-MM-DDTHH:mm')}:00+08:00` : null;
}

/** An ISO instant → picker value showing its Beijing wall clock, or null. */
export function fromInstant(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const text = formatTimestamp(iso);
  return text ? dayjs(text.replace(' ', 'T')) : null;
}

/** The current minute in Beijing as a picker value (a new incident is found "now"). */
export function nowInBeijing(now: Date = new Date()): Dayjs {
  return dayjs(formatTimestamp(now.toISOString()).replace(' ', 'T'));
}

export interface Countdown {
  /** The deadline has passed. */
  readonly overdue: boolean;
  /** Whole seconds left (or past), never negative. */
  readonly seconds: number;
  /** HH:MM:SS, with days before it once a day or more (1天 02:00:05 / 1d 02:00:05). */
  readonly text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Time left until `dueAt` at `now` (or past it). */
export function countdown(dueAt: string, now: number, language = 'zh-CN'): Countdown {
  const diff = Math.floor((Date.parse(dueAt) - now) / 1000);
  const overdue = diff < 0;
  const seconds = Math.abs(diff);
  const days = Math.floor(seconds / 86_400);
  const rest = seconds % 86_400;
  const clock = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  const text = days > 0 ? `${days}${language === 'en' ? 'd' : '天'} ${clock}` : clock;
  return { overdue, seconds, text };
}
