/**
 * Incident register (安全事件) calls: incidents with their reporting duties (who must be told,
 * by when, with the reasons and citations), report records, the report forms (首报/终报, Word or
 * PDF), the grading criteria catalog and the data resources an incident may name
 * (src/server/routes/incidents.routes.ts, src/server/routes/data-security.routes.ts).
 */
import type { z } from 'zod';
import type { CitationDto } from '../../../src/shared/api-types';
import type {
  DataResourceDto,
  IncidentDto,
  IncidentGrade,
  IncidentInputSchema,
  IncidentMeasures,
  IncidentPatchSchema,
  IncidentReport,
  IncidentReportingDutyDto,
} from '../../../src/shared/data-security-schemas';
import { org, request } from './client';
import { asCitations } from './privacy-client';

/** What the client sends (defaults such as `reports: []` may be left out). */
export type IncidentBody = z.input<typeof IncidentInputSchema>;
export type IncidentPatchBody = z.input<typeof IncidentPatchSchema>;

/** A reporting duty with its citations labelled for the UI. */
export interface IncidentDutyView extends Omit<IncidentReportingDutyDto, 'citations'> {
  readonly citations: CitationDto[];
}
/** An incident as the UI shows it (citations labelled). */
export interface IncidentView extends Omit<IncidentDto, 'duties'> {
  readonly duties: IncidentDutyView[];
  /** Whether CII is involved as the rules took it (given, or from the systems). */
  readonly involvesCiiEffective?: boolean;
  /** The grade the duties were computed with and whose it is. */
  readonly dutyGrade?: IncidentGrade | null;
  readonly dutyGradeFrom?: 'operator' | 'suggestion' | 'none';
}

/** A criterion of the grading guide (GET /catalog/incident-grading). */
export interface IncidentCriterionDto {
  readonly id: string;
  readonly grade: IncidentGrade;
  readonly textZh: string;
  readonly textEn: string;
  readonly measure: { readonly key: keyof IncidentMeasures; readonly atLeast: number } | null;
  readonly source: 'final-2025' | 'draft-2023' | string;
  readonly provenance?: string;
}

/** A data resource as far as the incident form needs it. */
export type ResourceOption = Pick<DataResourceDto, 'id' | 'code' | 'name'>;

export type IncidentReportKindForm = 'initial' | 'closing';

const base = (orgId: string) => `${org(orgId)}/data-security`;
const one = (orgId: string, id: string) => `${base(orgId)}/incidents/${encodeURIComponent(id)}`;

/** The report form as a plain link (the session cookie authenticates the GET). */
export const incidentReportUrl = (
  orgId: string,
  id: string,
  kind: IncidentReportKindForm,
  format: 'docx' | 'pdf',
  lang: 'zh' | 'en',
) => `/api${one(orgId, id)}/report?format=${format}&kind=${kind}&lang=${lang}`;

type Listed<T> = T[] | { items: T[] } | { incidents: T[] } | { criteria: T[] } | { resources: T[] };
const items = <T>(answer: Listed<T>): T[] => {
  if (Array.isArray(answer)) return answer;
  if ('items' in answer) return answer.items;
  if ('incidents' in answer) return answer.incidents;
  if ('criteria' in answer) return answer.criteria;
  return answer.resources;
};

type RawDuty = Omit<IncidentReportingDutyDto, 'citations'> & {
  citations?: Parameters<typeof asCitations>[0];
};
const view = (
  dto: Omit<IncidentDto, 'duties'> & { duties?: readonly RawDuty[] },
): IncidentView => ({
  ...dto,
  criteriaFound: dto.criteriaFound ?? [],
  duties: (dto.duties ?? []).map((d) => ({ ...d, citations: asCitations(d.citations) })),
});

export const incidentsApi = {
  list: async (orgId: string) =>
    items(await request<Listed<IncidentDto>>('GET', `${base(orgId)}/incidents`)).map(view),
  get: async (orgId: string, id: string) => view(await request<IncidentDto>('GET', one(orgId, id))),
  create: async (orgId: string, body: IncidentBody) =>
    view(await request<IncidentDto>('POST', `${base(orgId)}/incidents`, body)),
  patch: async (orgId: string, id: string, patch: IncidentPatchBody) =>
    view(await request<IncidentDto>('PATCH', one(orgId, id), patch)),
  remove: (orgId: string, id: string) => request<null>('DELETE', one(orgId, id)),
  /** Appends a report record; `version` is the incident's as read (409 when stale). */
  addReport: async (orgId: string, id: string, report: IncidentReport & { version: number }) =>
    view(await request<IncidentDto>('POST', `${one(orgId, id)}/reports`, report)),

  /** The grading guide's criteria (2025 Measures annex, with the 2023 draft's where used). */
  grading: async () =>
    items(await request<Listed<IncidentCriterionDto>>('GET', '/catalog/incident-grading')),

  /** The organisation's data resources (code and name) for the incident's data field. */
  resources: async (orgId: string): Promise<ResourceOption[]> =>
    items(await request<Listed<ResourceOption>>('GET', `${base(orgId)}/resources`)).map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
    })),
};
