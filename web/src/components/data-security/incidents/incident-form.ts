/**
 * The incident drawer's form values and their conversion to and from the wire body: times as
 * Beijing wall clock in the pickers, ISO instants with +08:00 on the wire; empty texts as null;
 * "involves CII" as auto/yes/no (auto: from the systems). Also the grade the criteria suggest,
 * shown while the form is filled (the server's suggestion is the one kept).
 */
import type { Dayjs } from 'dayjs';
import {
  INCIDENT_GRADES,
  type IncidentGrade,
  type IncidentMeasures,
  type IncidentStatus,
  type IncidentType,
} from '../../../../../src/shared/data-security-schemas';
import type {
  IncidentBody,
  IncidentCriterionDto,
  IncidentView,
} from '../../../api/incidents-client';
import { fromInstant, nowInBeijing, toBeijingInstant } from './incident-time';

export type CiiChoice = 'auto' | 'yes' | 'no';

export interface IncidentFormValues {
  code?: string;
  title?: string;
  type?: IncidentType;
  foundAt?: Dayjs | null;
  occurredAt?: Dayjs | null;
  location?: string;
  description?: string;
  systemIds?: string[];
  dataResourceCodes?: string[];
  involvesCii?: CiiChoice;
  measures?: { [K in keyof IncidentMeasures]?: IncidentMeasures[K] };
  criteriaMet?: string[];
  grade?: IncidentGrade | null;
  gradeReason?: string;
  impactDescription?: string;
  responseTaken?: string;
  trend?: string;
  cause?: string;
  clues?: string;
  furtherMeasures?: string;
  supportRequested?: string;
  scenePreservation?: string;
  ransomEnabled?: boolean;
  ransom?: { demand?: string; deadline?: Dayjs | null; paymentMethod?: string; amount?: string };
  piEnabled?: boolean;
  piIncident?: {
    individuals?: number | null;
    categories?: string[];
    notifiedAt?: Dayjs | null;
    notificationMethod?: string;
    notificationNotRequiredReason?: string;
  };
  status?: IncidentStatus;
  handledAt?: Dayjs | null;
}

/** Fields of the report's contents (2025 Measures), in the order the form shows them. */
export const REPORT_CONTENT_FIELDS = [
  'impactDescription',
  'responseTaken',
  'trend',
  'cause',
  'clues',
  'furtherMeasures',
  'supportRequested',
  'scenePreservation',
] as const;

export const MEASURE_NUMBERS = [
  'ciiWholeOutageMinutes',
  'ciiMainFunctionOutageMinutes',
  'portalUnreachableMinutes',
  'peopleAffected',
  'populationShareAffectedPercent',
  'piLeakedIndividuals',
  'economicLossYuan',
] as const;
export const MEASURE_FLAGS = ['importantDataLeaked', 'coreDataLeaked'] as const;

const text = (value: string | undefined | null) => value?.trim() || null;
const num = (value: number | null | undefined) =>
  value === undefined || value === null || Number.isNaN(value) ? null : value;

export const emptyIncident = (): IncidentFormValues => ({
  foundAt: nowInBeijing(),
  systemIds: [],
  dataResourceCodes: [],
  involvesCii: 'auto',
  measures: {},
  criteriaMet: [],
  grade: null,
  ransomEnabled: false,
  piEnabled: false,
  piIncident: { categories: [] },
  status: 'handling',
});

export function toIncidentForm(i: IncidentView): IncidentFormValues {
  return {
    code: i.code,
    title: i.title,
    type: i.type,
    foundAt: fromInstant(i.foundAt),
    occurredAt: fromInstant(i.occurredAt),
    location: i.location ?? '',
    description: i.description ?? '',
    systemIds: [...i.systemIds],
    dataResourceCodes: [...i.dataResourceCodes],
    involvesCii: i.involvesCii === true ? 'yes' : i.involvesCii === false ? 'no' : 'auto',
    measures: { ...i.measures },
    criteriaMet: [...i.criteriaMet],
    grade: i.grade ?? null,
    gradeReason: i.gradeReason ?? '',
    impactDescription: i.impactDescription ?? '',
    responseTaken: i.responseTaken ?? '',
    trend: i.trend ?? '',
    cause: i.cause ?? '',
    clues: i.clues ?? '',
    furtherMeasures: i.furtherMeasures ?? '',
    supportRequested: i.supportRequested ?? '',
    scenePreservation: i.scenePreservation ?? '',
    ransomEnabled: !!i.ransom,
    ransom: i.ransom
      ? {
          demand: i.ransom.demand ?? '',
          deadline: fromInstant(i.ransom.deadline),
          paymentMethod: i.ransom.paymentMethod ?? '',
          amount: i.ransom.amount ?? '',
        }
      : {},
    piEnabled: !!i.piIncident,
    piIncident: i.piIncident
      ? {
          individuals: i.piIncident.individuals,
          categories: [...i.piIncident.categories],
          notifiedAt: fromInstant(i.piIncident.notifiedAt),
          notificationMethod: i.piIncident.notificationMethod ?? '',
          notificationNotRequiredReason: i.piIncident.notificationNotRequiredReason ?? '',
        }
      : { categories: [] },
    status: i.status,
    handledAt: fromInstant(i.handledAt),
  };
}

export function toMeasures(m: IncidentFormValues['measures']): IncidentMeasures {
  const out: Record<string, number | boolean> = {};
  for (const key of MEASURE_NUMBERS) {
    const v = num(m?.[key] as number | null | undefined);
    if (v !== null) out[key] = v;
  }
  for (const key of MEASURE_FLAGS) if (m?.[key]) out[key] = true;
  return out as IncidentMeasures;
}

/**
 * The incident's own fields (what a PATCH sends whole: a patch leaving fields out must not
 * depend on how the server fills them).
 */
export function inputOf(i: IncidentView): IncidentBody {
  return {
    code: i.code,
    title: i.title,
    type: i.type,
    foundAt: i.foundAt,
    occurredAt: i.occurredAt ?? null,
    location: i.location ?? null,
    description: i.description ?? null,
    systemIds: [...i.systemIds],
    dataResourceCodes: [...i.dataResourceCodes],
    involvesCii: i.involvesCii ?? null,
    measures: { ...i.measures },
    criteriaMet: [...i.criteriaMet],
    grade: i.grade ?? null,
    gradeReason: i.gradeReason ?? null,
    ...Object.fromEntries(REPORT_CONTENT_FIELDS.map((k) => [k, i[k] ?? null])),
    ransom: i.ransom ?? null,
    piIncident: i.piIncident ?? null,
    reports: [...i.reports],
    status: i.status,
    handledAt: i.handledAt ?? null,
  };
}

/** The stored instant when the picker still shows its minute (seconds are not lost on an edit). */
const keep = (picked: string | null, original: string | null | undefined) =>
  original && picked === toBeijingInstant(fromInstant(original)) ? original : picked;

export function toIncidentBody(v: IncidentFormValues, original?: IncidentView): IncidentBody {
  const body = formBody(v);
  if (!original) return body;
  return {
    ...body,
    foundAt: keep(body.foundAt, original.foundAt) ?? '',
    occurredAt: keep(body.occurredAt ?? null, original.occurredAt),
    handledAt: keep(body.handledAt ?? null, original.handledAt),
    ransom: body.ransom
      ? { ...body.ransom, deadline: keep(body.ransom.deadline ?? null, original.ransom?.deadline) }
      : null,
    piIncident: body.piIncident
      ? {
          ...body.piIncident,
          notifiedAt: keep(body.piIncident.notifiedAt ?? null, original.piIncident?.notifiedAt),
        }
      : null,
  };
}

function formBody(v: IncidentFormValues): IncidentBody {
  const pi = v.piIncident ?? {};
  const ransom = v.ransom ?? {};
  return {
    code: v.code?.trim() ?? '',
    title: v.title?.trim() ?? '',
    type: v.type as IncidentType,
    foundAt: toBeijingInstant(v.foundAt) ?? '',
    occurredAt: toBeijingInstant(v.occurredAt),
    location: text(v.location),
    description: text(v.description),
    systemIds: v.systemIds ?? [],
    dataResourceCodes: v.dataResourceCodes ?? [],
    involvesCii: v.involvesCii === 'yes' ? true : v.involvesCii === 'no' ? false : null,
    measures: toMeasures(v.measures),
    criteriaMet: v.criteriaMet ?? [],
    grade: v.grade ?? null,
    gradeReason: text(v.gradeReason),
    ...Object.fromEntries(REPORT_CONTENT_FIELDS.map((k) => [k, text(v[k])])),
    ransom: v.ransomEnabled
      ? {
          demand: text(ransom.demand),
          deadline: toBeijingInstant(ransom.deadline),
          paymentMethod: text(ransom.paymentMethod),
          amount: text(ransom.amount),
        }
      : null,
    piIncident: v.piEnabled
      ? {
          individuals: num(pi.individuals) ?? 0,
          categories: pi.categories ?? [],
          notifiedAt: toBeijingInstant(pi.notifiedAt),
          notificationMethod: text(pi.notificationMethod),
          notificationNotRequiredReason: text(pi.notificationNotRequiredReason),
        }
      : null,
    status: v.status ?? 'handling',
    handledAt: toBeijingInstant(v.handledAt),
  };
}

const rank = (g: IncidentGrade) => INCIDENT_GRADES.length - INCIDENT_GRADES.indexOf(g);

/** Whether the measures meet a quantitative criterion (以上: the threshold included). */
export function measureMeets(c: IncidentCriterionDto, m: IncidentMeasures): boolean {
  if (!c.measure) return false;
  const value = m[c.measure.key];
  if (typeof value === 'boolean') return value && c.measure.atLeast <= 1;
  return typeof value === 'number' && value >= c.measure.atLeast;
}

/** The highest grade among the criteria met (by the measures or ticked); 一般 when none. */
export function suggestGrade(
  criteria: readonly IncidentCriterionDto[],
  measures: IncidentMeasures,
  ticked: readonly string[],
): { grade: IncidentGrade; by: IncidentCriterionDto[] } {
  const met = criteria.filter((c) => ticked.includes(c.id) || measureMeets(c, measures));
  let grade: IncidentGrade = 'general';
  for (const c of met) if (rank(c.grade) > rank(grade)) grade = c.grade;
  return { grade, by: met.filter((c) => c.grade === grade) };
}
