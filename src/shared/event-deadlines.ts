/**
 * Words for the deadline of an event-triggered duty (Obligation.eventDeadline): ISO durations
 * ("PT1H", "P3D") and the named moments of src/domain/obligations/types.ts EVENT_DEADLINES.
 * One place, so the CLI, the web UI and the documents say the same thing.
 */
const NAMED: Readonly<Record<string, { zh: string; en: string }>> = {
  ASAP: { zh: '事件发生后及时', en: 'promptly after the event' },
  BEFORE_PROCUREMENT: { zh: '采购前', en: 'before procurement' },
  ON_PROCUREMENT: { zh: '采购时', en: 'when procuring' },
  BEFORE_TRANSFER: { zh: '数据出境前', en: 'before the data leave China' },
  BEFORE_APPOINTMENT: { zh: '人员上岗前', en: 'before the person takes up the post' },
};

export function eventDeadlineLabel(code: string): { zh: string; en: string } {
  const named = NAMED[code];
  if (named) return named;
  const hours = /^PT(\d+)H$/.exec(code);
  if (hours)
    return {
      zh: `事件发生后${hours[1]}小时内`,
      en: `within ${hours[1]} hour${hours[1] === '1' ? '' : 's'} of the event`,
    };
  const days = /^P(\d+)D$/.exec(code);
  if (days)
    return {
      zh: `事件发生后${days[1]}日内`,
      en: `within ${days[1]} day${days[1] === '1' ? '' : 's'} of the event`,
    };
  return { zh: code, en: code };
}
