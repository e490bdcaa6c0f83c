/**
 * Who must report a cybersecurity incident, to whom and by when — pure rules over the incident
 * register's facts.
 *
 * From 2025-11-01 (Beijing time; the clock starts when the operator found or was told of the
 * incident): 国家网络安全事件报告管理办法 (CAC). Art. 4: the operator grades the incident by the
 * annex; only 较大 (large) and above are reported within these limits —
 *   - the incident involves CII → 保护工作部门 and 公安机关, at the latest 1 hour; for 重大 and
 *     特别重大 the department reports on to the CAC and the Ministry of Public Security within
 *     30 minutes;
 *   - the operator is a central or state organ (or a directly affiliated unit) → its own
 *     cyber-affairs body (网信工作机构), 2 hours; for 重大 and above that body reports on to the
 *     CAC within 1 hour;
 *   - every other operator → the provincial CAC of its locality, 4 hours; for 重大 and above the
 *     provincial CAC reports on to the CAC within 1 hour.
 * The CII row is chosen by the incident (it involves CII), not by the operator: a CII operator's
 * incident that touches no CII follows its other row (our reading of "涉及关键信息基础设施的").
 * Escalations are duties of the receiving body; we show them for information (actor not the
 * operator), waiting until the operator's report exists and due that many minutes after it (our
 * reading: the body's clock starts when it receives the report).
 * Art. 7: the report's contents; where cause, impact or trend cannot be established in time, the
 * first items go first and the rest follow as soon as known (follow-up). Art. 8: within 30 days
 * after the response ends, a closing report (事件处置总结报告) through the same channel.
 *
 * Before 2025-11-01: CSL 2016 Art. 25 (report to the competent departments as regulations
 * require) and, for CII, the CII Regulations Art. 18 (major incidents to the protection
 * department and public security; the department reports especially major ones on) — no hour
 * count, so the deadline is ASAP and there is no due instant.
 *
 * PIPL Art. 57 (any regime): personal information leaked, tampered with or lost → remedy at once
 * and notify the personal-information protection authority and the individuals; ¶2 individuals
 * need not be notified where the measures effectively avoid harm (the authority may still require
 * it).
 */
import type {
  CitationRef,
  IncidentGrade,
  IncidentReportingDutyDto,
  ReportRecipient,
} from '../../shared/data-security-schemas';
import { EARLIER_INCIDENT_RULES, INCIDENT_MEASURES_2025, PIPL_INCIDENT } from './citations';
import { atLeastGrade } from './incident-grading';
import type { IncidentFacts } from './types';

/** The 2025 Measures apply to incidents found from this instant (2025-11-01 00:00 Beijing). */

/** The report contents a follow-up may still owe (Art. 7), as the form names them. */
const CONTENT_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  impactDescription: { zh: '已造成的影响和危害', en: 'impact and harm caused' },
  cause: { zh: '事件原因', en: 'cause' },
  trend: { zh: '事态发展趋势', en: 'likely development' },
};

export const INCIDENT_MEASURES_IN_FORCE_AT = '2025-11-01T00:00:00+08:00';
const MEASURES_MS = Date.parse(INCIDENT_MEASURES_IN_FORCE_AT);
/** PIPL in force 2021-11-01 (Beijing). */
const PIPL_MS = Date.parse('2021-11-01T00:00:00+08:00');

/**
 * Art. 8: the closing report within 30 days after the response ends (日: calendar days; the
 * start day not counted, Civil Code Art. 201, so due at the end of the 30th Beijing day after).
 * Art. 8 as read in the CAC's publication of 2025-09-15 (knowledge base: cac-incident-reporting-2025).
 */
export const CLOSING_REPORT_DAYS = 30;

export type IncidentRegime = '2025-measures' | 'pre-2025';
export type ReportingRowId = 'cii' | 'central_state_organ' | 'other';
type Actor = IncidentReportingDutyDto['actor'];

export interface ReportingRow {
  readonly id: ReportingRowId;
  readonly recipients: readonly ReportRecipient[];
  readonly limitMinutes: number;
  readonly deadline: string;
  readonly escalation: {
    readonly actor: Actor;
    readonly trigger: ReportRecipient;
    readonly recipients: readonly ReportRecipient[];
    readonly limitMinutes: number;
    readonly deadline: string;
  };
  readonly labelZh: string;
  readonly labelEn: string;
}

/** Art. 4 of the 2025 Measures, row by row (confirmed; knowledge base: cac-incident-reporting-2025 art-4). */
export const REPORTING_ROWS: Readonly<Record<ReportingRowId, ReportingRow>> = {
  cii: {
    id: 'cii',
    recipients: ['protection_department', 'public_security'],
    limitMinutes: 60,
    deadline: 'PT1H',
    escalation: {
      actor: 'protection_department',
      trigger: 'protection_department',
      recipients: ['cac', 'mps'],
      limitMinutes: 30,
      deadline: 'PT30M',
    },
    labelZh: '涉及关键信息基础设施',
    labelEn: 'the incident involves critical information infrastructure',
  },
  central_state_organ: {
    id: 'central_state_organ',
    recipients: ['own_cyber_affairs_office'],
    limitMinutes: 120,
    deadline: 'PT2H',
    escalation: {
      actor: 'own_cyber_affairs_office',
      trigger: 'own_cyber_affairs_office',
      recipients: ['cac'],
      limitMinutes: 60,
      deadline: 'PT1H',
    },
    labelZh: '中央和国家机关各部门及其直属单位',
    labelEn: 'a central or state organ or a directly affiliated unit',
  },
  other: {
    id: 'other',
    recipients: ['provincial_cac'],
    limitMinutes: 240,
    deadline: 'PT4H',
    escalation: {
      actor: 'provincial_cac',
      trigger: 'provincial_cac',
      recipients: ['cac'],
      limitMinutes: 60,
      deadline: 'PT1H',
    },
    labelZh: '其他网络运营者',
    labelEn: 'any other network operator',
  },
};

export const RECIPIENT_LABELS: Readonly<Record<ReportRecipient, { zh: string; en: string }>> = {
  protection_department: { zh: '保护工作部门', en: 'the protection work department' },
  public_security: { zh: '公安机关', en: 'public security' },
  own_cyber_affairs_office: { zh: '本部门网信工作机构', en: "the organ's own cyber-affairs body" },
  provincial_cac: { zh: '属地省级网信部门', en: 'the provincial CAC of its locality' },
  cac: { zh: '国家网信部门', en: 'the CAC' },
  mps: { zh: '国务院公安部门', en: 'the Ministry of Public Security' },
  sector_regulator: { zh: '有关主管部门', en: 'the competent departments' },
  pi_authority: {
    zh: '履行个人信息保护职责的部门',
    en: 'the personal-information protection authority',
  },
  other: { zh: '其他', en: 'other' },
};

export const GRADE_LABELS: Readonly<Record<IncidentGrade, { zh: string; en: string }>> = {
  especially_major: { zh: '特别重大', en: 'especially major' },
  major: { zh: '重大', en: 'major' },
  large: { zh: '较大', en: 'large' },
  general: { zh: '一般', en: 'general' },
};

/** Which regime the incident falls under, by when it was found. */
export function incidentRegime(foundAt: string): IncidentRegime {
  return Date.parse(foundAt) < MEASURES_MS ? 'pre-2025' : '2025-measures';
}

/** The Art. 4 row: CII when the incident involves CII, else by the operator's kind. */
export function reportingRow(
  facts: Pick<IncidentFacts, 'involvesCii' | 'operatorKind'>,
): ReportingRow {
  if (facts.involvesCii) return REPORTING_ROWS.cii;
  if (facts.operatorKind === 'central_state_organ') return REPORTING_ROWS.central_state_organ;
  return REPORTING_ROWS.other;
}

export interface IncidentDutyOptions {
  /** The grading guide's suggestion, used while the operator has not graded (facts.grade null). */
  readonly suggestedGrade?: IncidentGrade;
  /** Report contents still unknown (cause, impact, trend …): a follow-up is due (Art. 7 ¶2). */
  readonly missingContents?: readonly string[];
}

export interface IncidentReporting {
  readonly regime: IncidentRegime;
  readonly row: ReportingRow;
  /** The grade the duties were computed with, and whether it is the operator's or the suggestion. */
  readonly grade: IncidentGrade | null;
  readonly gradeFrom: 'operator' | 'suggestion' | 'none';
  readonly duties: readonly IncidentReportingDutyDto[];
}

// ——— time helpers ———

const iso = (ms: number) => new Date(ms).toISOString();
/** `2026-03-02 09:15` in Beijing time. */
export function beijingMinute(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
const durationText = (minutes: number, zh: boolean) =>
  minutes % 60 === 0
    ? zh
      ? `${minutes / 60}小时`
      : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`
    : zh
      ? `${minutes}分钟`
      : `${minutes} minutes`;
const lateText = (ms: number, zh: boolean) => {
  const minutes = Math.ceil(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return zh
    ? `${h > 0 ? `${h}小时` : ''}${m > 0 || h === 0 ? `${m}分钟` : ''}`
    : `${h > 0 ? `${h} h ` : ''}${m > 0 || h === 0 ? `${m} min` : ''}`.trim();
};
const names = (rs: readonly ReportRecipient[], zh: boolean) =>
  rs.map((r) => RECIPIENT_LABELS[r][zh ? 'zh' : 'en']).join(zh ? '和' : ' and ');

type Report = IncidentFacts['reports'][number];

/** Earliest report to each recipient (of the kinds given); undefined where there is none. */
function firstReports(
  reports: readonly Report[],
  recipients: readonly ReportRecipient[],
  kinds: readonly Report['kind'][] | null,
): Map<ReportRecipient, number> {
  const out = new Map<ReportRecipient, number>();
  for (const r of reports) {
    if (!recipients.includes(r.recipient)) continue;
    if (kinds && !kinds.includes(r.kind)) continue;
    const at = Date.parse(r.submittedAt);
    const prev = out.get(r.recipient);
    if (prev === undefined || at < prev) out.set(r.recipient, at);
  }
  return out;
}

/** When every recipient has had a report: the last of their first reports; else null. */
function doneWhen(
  first: Map<ReportRecipient, number>,
  recipients: readonly ReportRecipient[],
): number | null {
  if (recipients.some((r) => !first.has(r))) return null;
  return Math.max(...recipients.map((r) => first.get(r) ?? 0));
}

function stateOf(
  doneAt: number | null,
  dueAt: number | null,
  nowMs: number,
): IncidentReportingDutyDto['state'] {
  if (doneAt !== null) return 'done';
  if (dueAt !== null && nowMs > dueAt) return 'overdue';
  return 'due';
}

/** End of the Beijing calendar day `days` after the Beijing day of `instant`, as UTC ms. */
function endOfBeijingDayAfter(instant: string, days: number): number {
  const bj = new Date(Date.parse(instant) + 8 * 3600_000);
  const day = Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate() + days + 1);
  return day - 8 * 3600_000 - 1;
}

// ——— the engine ———

/** The reporting duties of one incident on `now` (an instant). */
export function incidentReportingDuties(
  facts: IncidentFacts,
  now: string | Date,
  options: IncidentDutyOptions = {},
): IncidentReportingDutyDto[] {
  return [...incidentReporting(facts, now, options).duties];
}

export function incidentReporting(
  facts: IncidentFacts,
  now: string | Date,
  options: IncidentDutyOptions = {},
): IncidentReporting {
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const regime = incidentRegime(facts.foundAt);
  const row = reportingRow(facts);
  const grade = facts.grade ?? options.suggestedGrade ?? null;
  const gradeFrom = facts.grade ? 'operator' : options.suggestedGrade ? 'suggestion' : 'none';
  const duties =
    regime === '2025-measures'
      ? measuresDuties(facts, nowMs, row, grade, gradeFrom, options)
      : earlierDuties(facts, nowMs, grade);
  duties.push(...piDuties(facts, nowMs));
  return { regime, row, grade, gradeFrom, duties };
}

function gradeNote(
  grade: IncidentGrade | null,
  from: 'operator' | 'suggestion' | 'none',
  zh: boolean,
): string {
  if (grade === null)
    return zh
      ? '事件尚未定级：在研判完成前按较大以上事件计时。'
      : 'Not graded yet: the clock is run as for an incident graded large or above until it is graded.';
  const label = GRADE_LABELS[grade][zh ? 'zh' : 'en'];
  if (from === 'suggestion')
    return zh
      ? `按分级指南建议的级别（${label}）计算，运营者尚未确认定级。`
      : `Computed with the grade the guide suggests (${label}); the operator has not confirmed it.`;
  return zh ? `事件定级为${label}。` : `Graded ${label}.`;
}

function measuresDuties(
  facts: IncidentFacts,
  nowMs: number,
  row: ReportingRow,
  grade: IncidentGrade | null,
  gradeFrom: 'operator' | 'suggestion' | 'none',
  options: IncidentDutyOptions,
): IncidentReportingDutyDto[] {
  const foundMs = Date.parse(facts.foundAt);
  const citeArt4: CitationRef[] = [
    INCIDENT_MEASURES_2025.timeLimits,
    INCIDENT_MEASURES_2025.gradingGuide,
  ];
  const whoZh = row.labelZh;
  const whoEn = row.labelEn;
  const toZh = names(row.recipients, true);
  const toEn = names(row.recipients, false);
  const limitZh = durationText(row.limitMinutes, true);
  const limitEn = durationText(row.limitMinutes, false);
  const noteZh = gradeNote(grade, gradeFrom, true);
  const noteEn = gradeNote(grade, gradeFrom, false);

  if (grade !== null && !atLeastGrade(grade, 'large'))
    return [
      {
        id: `${facts.id}:initial`,
        kind: 'initial',
        recipients: row.recipients,
        titleZh: `向${toZh}报告（一般事件无需报告）`,
        titleEn: `Report to ${toEn} (not required for a general incident)`,
        actor: 'operator',
        dueAt: null,
        deadline: row.deadline,
        doneAt: null,
        state: 'not_required',
        reasonZh: `${noteZh}《国家网络安全事件报告管理办法》第四条只要求较大以上网络安全事件在时限内报告；一般事件无需按该条报告，建议在本单位留存事件记录和处置情况，并关注行业主管部门的要求。如事态发展为较大以上，自那时起${limitZh}内向${toZh}报告。`,
        reasonEn: `${noteEn} Art. 4 of the Measures requires a report within the time limits only for incidents graded large or above; a general incident need not be reported under it. Keep an internal record of the incident and its handling, and follow any sector rules. If it grows to large or above, report to ${toEn} within ${limitEn}.`,
        citations: citeArt4,
      },
    ];

  const out: IncidentReportingDutyDto[] = [];
  // Initial report (Art. 4).
  const dueMs = foundMs + row.limitMinutes * 60_000;
  const initial = firstReports(facts.reports, row.recipients, ['initial']);
  const initialDone = doneWhen(initial, row.recipients);
  const missing = row.recipients.filter((r) => !initial.has(r));
  let reasonZh = `${noteZh}${whoZh}：发现事件后第一时间向${toZh}报告，最迟不超过${limitZh}（${beijingMinute(facts.foundAt)} 发现，${beijingMinute(iso(dueMs))} 前，北京时间）。`;
  let reasonEn = `${noteEn} Row: ${whoEn}. Report to ${toEn} at once, within ${limitEn} at the latest (found ${beijingMinute(facts.foundAt)}, due by ${beijingMinute(iso(dueMs))} Beijing time).`;
  if (initialDone !== null) {
    if (initialDone > dueMs) {
      reasonZh += `已于${beijingMinute(iso(initialDone))}报告，超出时限${lateText(initialDone - dueMs, true)}（迟报）。`;
      reasonEn += ` Reported at ${beijingMinute(iso(initialDone))}, late by ${lateText(initialDone - dueMs, false)}.`;
    } else {
      reasonZh += `已于${beijingMinute(iso(initialDone))}在时限内报告。`;
      reasonEn += ` Reported in time at ${beijingMinute(iso(initialDone))}.`;
    }
  } else if (missing.length < row.recipients.length) {
    reasonZh += `尚未向${names(missing, true)}报告。`;
    reasonEn += ` Not yet reported to ${names(missing, false)}.`;
  }
  out.push({
    id: `${facts.id}:initial`,
    kind: 'initial',
    recipients: row.recipients,
    titleZh: `${limitZh}内向${toZh}报告`,
    titleEn: `Report to ${toEn} within ${limitEn}`,
    actor: 'operator',
    dueAt: iso(dueMs),
    deadline: row.deadline,
    doneAt: initialDone === null ? null : iso(initialDone),
    state: stateOf(initialDone, dueMs, nowMs),
    reasonZh,
    reasonEn,
    citations: citeArt4,
  });

  // Escalation by the receiving body (重大 and above), for information.
  if (grade === null || atLeastGrade(grade, 'major')) {
    const e = row.escalation;
    const triggerMs = initial.get(e.trigger) ?? null;
    const eDue = triggerMs === null ? null : triggerMs + e.limitMinutes * 60_000;
    const record = doneWhen(firstReports(facts.reports, e.recipients, null), e.recipients);
    const byZh = RECIPIENT_LABELS[e.trigger].zh;
    const byEn = RECIPIENT_LABELS[e.trigger].en;
    const eLimitZh = durationText(e.limitMinutes, true);
    const eLimitEn = durationText(e.limitMinutes, false);
    out.push({
      id: `${facts.id}:escalation`,
      kind: 'escalation',
      recipients: e.recipients,
      titleZh: `${byZh}收到报告后${eLimitZh}内向${names(e.recipients, true)}报告（供了解）`,
      titleEn: `${capital(byEn)} reports on to ${names(e.recipients, false)} within ${eLimitEn} of receiving the report (for information)`,
      actor: e.actor,
      dueAt: eDue === null ? null : iso(eDue),
      deadline: e.deadline,
      doneAt: record === null ? null : iso(record),
      state: record !== null ? 'done' : triggerMs === null ? 'waiting' : stateOf(null, eDue, nowMs),
      reasonZh: `${grade === null ? '如事件为重大或特别重大，' : '重大、特别重大事件：'}${byZh}收到报告后第一时间向${names(e.recipients, true)}报告，最迟不超过${eLimitZh}。这是${byZh}的义务，不是运营者的义务；时限自其收到运营者报告时起算（本系统的理解）。${triggerMs === null ? `运营者向${byZh}报告后开始计时。` : `运营者于${beijingMinute(iso(triggerMs))}报告。`}`,
      reasonEn: `${grade === null ? 'If the incident is major or especially major, ' : 'Major or especially major: '}${byEn} reports on to ${names(e.recipients, false)} at once, within ${eLimitEn}. This is that body's duty, not the operator's; we count its time from when it received the operator's report (our reading). ${triggerMs === null ? `The clock starts when the operator reports to ${byEn}.` : `The operator reported at ${beijingMinute(iso(triggerMs))}.`}`,
      citations: [INCIDENT_MEASURES_2025.timeLimits],
    });
  }

  // Follow-up (Art. 7 ¶2): contents that could not be established in time follow as soon as known.
  const follow = doneWhen(
    firstReports(facts.reports, row.recipients, ['follow_up']),
    row.recipients,
  );
  const gaps = options.missingContents ?? [];
  const gapsZh = gaps.map((g) => CONTENT_NAMES[g]?.zh ?? g);
  const gapsEn = gaps.map((g) => CONTENT_NAMES[g]?.en ?? g);
  out.push({
    id: `${facts.id}:follow_up`,
    kind: 'follow_up',
    recipients: row.recipients,
    titleZh: `向${toZh}补报未查明的情况`,
    titleEn: `Follow up with ${toEn} on what was not yet known`,
    actor: 'operator',
    dueAt: null,
    deadline: 'ASAP',
    doneAt: follow === null ? null : iso(follow),
    state:
      follow !== null
        ? 'done'
        : initialDone === null
          ? 'waiting'
          : gaps.length > 0
            ? 'due'
            : 'not_required',
    reasonZh:
      gaps.length > 0
        ? `时限内无法查明的内容可先报告基本情况，其余及时补报。尚缺：${gapsZh.join('、')}。`
        : '时限内无法查明事件原因、影响或态势的，可先报告基本情况，其余内容及时补报；出现新的重要情况时宜及时续报。',
    reasonEn:
      gaps.length > 0
        ? `What could not be established in time may follow the first report as soon as known. Still missing: ${gapsEn.join(', ')}.`
        : 'Where cause, impact or trend cannot be established in time, the basic facts go first and the rest follows as soon as known; reporting again when important new facts arise is advisable.',
    citations: [INCIDENT_MEASURES_2025.followUp],
  });

  // Closing report (Art. 8): within 30 days after the response ends, through the same channel.
  const closing = doneWhen(
    firstReports(facts.reports, row.recipients, ['closing']),
    row.recipients,
  );
  const closeDue = facts.handledAt
    ? endOfBeijingDayAfter(facts.handledAt, CLOSING_REPORT_DAYS)
    : null;
  out.push({
    id: `${facts.id}:closing`,
    kind: 'closing',
    recipients: row.recipients,
    titleZh: `处置结束后${CLOSING_REPORT_DAYS}日内向${toZh}提交事件处置总结报告`,
    titleEn: `Closing report to ${toEn} within ${CLOSING_REPORT_DAYS} days after the response ends`,
    actor: 'operator',
    dueAt: closeDue === null ? null : iso(closeDue),
    deadline: `P${CLOSING_REPORT_DAYS}D`,
    doneAt: closing === null ? null : iso(closing),
    state:
      closing !== null ? 'done' : closeDue === null ? 'waiting' : stateOf(null, closeDue, nowMs),
    reasonZh: `应急处置结束后${CLOSING_REPORT_DAYS}日内，对事件原因、应急处置措施、危害、责任处理、整改情况和教训进行全面分析总结，形成报告按原渠道报送。${facts.handledAt ? `处置于${beijingMinute(facts.handledAt)}结束，截止${beijingMinute(iso(closeDue ?? 0))}（北京时间）。` : '处置结束时开始计时。'}`,
    reasonEn: `Within ${CLOSING_REPORT_DAYS} days after the response ends, a full analysis (cause, response, harm, accountability, rectification, lessons) goes through the same channel. ${facts.handledAt ? `The response ended ${beijingMinute(facts.handledAt)}; due by ${beijingMinute(iso(closeDue ?? 0))} Beijing time.` : 'The clock starts when the response ends.'}`,
    citations: [INCIDENT_MEASURES_2025.closingReport],
  });
  return out;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function earlierDuties(
  facts: IncidentFacts,
  nowMs: number,
  grade: IncidentGrade | null,
): IncidentReportingDutyDto[] {
  const out: IncidentReportingDutyDto[] = [];
  const anyInitial = facts.reports
    .filter((r) => r.kind === 'initial')
    .map((r) => Date.parse(r.submittedAt));
  const first = anyInitial.length > 0 ? Math.min(...anyInitial) : null;
  out.push({
    id: `${facts.id}:pre-2025-csl`,
    kind: 'pre_2025_report',
    recipients: ['sector_regulator'],
    titleZh: '按照规定向有关主管部门报告',
    titleEn: 'Report to the competent departments as regulations require',
    actor: 'operator',
    dueAt: null,
    deadline: 'ASAP',
    doneAt: first === null ? null : iso(first),
    state: stateOf(first, null, nowMs),
    reasonZh: `事件发现于2025年11月1日《国家网络安全事件报告管理办法》施行前：网络安全法（2016）第二十五条要求发生危害网络安全的事件时立即启动应急预案、采取补救措施，并按照规定向有关主管部门报告，未规定小时时限。`,
    reasonEn: `Found before the 2025 Measures took effect (2025-11-01): CSL 2016 Art. 25 — on an incident endangering cybersecurity, start the response plan, remedy, and report to the competent departments as regulations require; no hour count.`,
    citations: [EARLIER_INCIDENT_RULES.cslReport2016],
  });
  const major = grade === null || atLeastGrade(grade, 'major');
  if (facts.involvesCii && major) {
    const to: ReportRecipient[] = ['protection_department', 'public_security'];
    const reps = firstReports(facts.reports, to, null);
    const done = doneWhen(reps, to);
    out.push({
      id: `${facts.id}:pre-2025-cii`,
      kind: 'pre_2025_report',
      recipients: to,
      titleZh: '向保护工作部门和公安机关报告重大网络安全事件',
      titleEn: 'Report the major incident to the protection work department and public security',
      actor: 'operator',
      dueAt: null,
      deadline: 'ASAP',
      doneAt: done === null ? null : iso(done),
      state: stateOf(done, null, nowMs),
      reasonZh: `${grade === null ? '如为重大网络安全事件：' : ''}关键信息基础设施安全保护条例第十八条要求关键信息基础设施发生重大网络安全事件时，运营者按照有关规定向保护工作部门和公安机关报告；2025年11月1日前未规定小时时限。`,
      reasonEn: `${grade === null ? 'If it is a major incident: ' : ''}CII Regulations Art. 18 — on a major incident affecting CII the operator reports to the protection work department and public security as required; no hour count before 2025-11-01.`,
      citations: [EARLIER_INCIDENT_RULES.ciiReport],
    });
    if (grade === null || grade === 'especially_major') {
      const triggerMs = reps.get('protection_department') ?? null;
      const record = doneWhen(firstReports(facts.reports, ['cac', 'mps'], null), ['cac', 'mps']);
      out.push({
        id: `${facts.id}:pre-2025-escalation`,
        kind: 'escalation',
        recipients: ['cac', 'mps'],
        titleZh: '保护工作部门向国家网信部门和国务院公安部门报告（供了解）',
        titleEn:
          'The protection department reports on to the CAC and the Ministry of Public Security (for information)',
        actor: 'protection_department',
        dueAt: null,
        deadline: 'ASAP',
        doneAt: record === null ? null : iso(record),
        state: record !== null ? 'done' : triggerMs === null ? 'waiting' : 'due',
        reasonZh:
          '特别重大网络安全事件：保护工作部门收到报告后及时向国家网信部门、国务院公安部门报告（条例第十八条第二款），这是保护工作部门的义务。',
        reasonEn:
          'Especially major incident: the protection department reports on to the CAC and the Ministry of Public Security promptly (Regulations Art. 18 ¶2); this is the department’s duty.',
        citations: [EARLIER_INCIDENT_RULES.ciiReport],
      });
    }
  }
  return out;
}

function piDuties(facts: IncidentFacts, nowMs: number): IncidentReportingDutyDto[] {
  const pi = facts.piIncident;
  if (!pi || Date.parse(facts.foundAt) < PIPL_MS) return [];
  const authority = firstReports(facts.reports, ['pi_authority'], null).get('pi_authority') ?? null;
  const out: IncidentReportingDutyDto[] = [
    {
      id: `${facts.id}:notify-pi-authority`,
      kind: 'notify_pi_authority',
      recipients: ['pi_authority'],
      titleZh: '通知履行个人信息保护职责的部门',
      titleEn: 'Notify the personal-information protection authority',
      actor: 'operator',
      dueAt: null,
      deadline: 'ASAP',
      doneAt: authority === null ? null : iso(authority),
      state: stateOf(authority, null, nowMs),
      reasonZh: `个人信息泄露、篡改、丢失（涉及${pi.individuals}人）：立即采取补救措施，并通知履行个人信息保护职责的部门（个人信息保护法第五十七条），未规定小时时限。`,
      reasonEn: `Personal information leaked, tampered with or lost (${pi.individuals} individuals): remedy at once and notify the personal-information protection authority (PIPL Art. 57); no hour count.`,
      citations: [PIPL_INCIDENT],
    },
  ];
  const notified = pi.notifiedAt ? Date.parse(pi.notifiedAt) : null;
  const exempt = !notified && pi.notificationNotRequiredReason;
  out.push({
    id: `${facts.id}:notify-individuals`,
    kind: 'notify_individuals',
    recipients: [],
    titleZh: '通知个人',
    titleEn: 'Notify the individuals',
    actor: 'operator',
    dueAt: null,
    deadline: 'ASAP',
    doneAt: notified === null ? null : iso(notified),
    state: exempt ? 'not_required' : stateOf(notified, null, nowMs),
    reasonZh: exempt
      ? `已说明采取的措施能够有效避免信息泄露、篡改、丢失造成危害，可以不通知个人（第五十七条第二款）；但履行个人信息保护职责的部门认为可能造成危害的，有权要求通知。理由：${pi.notificationNotRequiredReason}`
      : `通知个人发生的原因、可能造成的危害、已采取的补救措施、个人可以采取的减轻危害的措施和联系方式（个人信息保护法第五十七条）。${notified === null ? '' : `已于${beijingMinute(iso(notified))}通知。`}`,
    reasonEn: exempt
      ? `The measures taken are stated to avoid harm effectively, so the individuals need not be notified (Art. 57 ¶2); the authority may still require it if it finds harm possible. Reason given: ${pi.notificationNotRequiredReason}`
      : `Tell the individuals what happened, the possible harm, the remedies taken, what they can do to reduce harm, and how to reach you (PIPL Art. 57).${notified === null ? '' : ` Notified at ${beijingMinute(iso(notified))}.`}`,
    citations: [PIPL_INCIDENT],
  });
  return out;
}
