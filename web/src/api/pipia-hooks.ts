/**
 * Personal-information protection impact assessments (PIPIA, 个人信息保护影响评估): the list, one
 * assessment with its workflow (submit → review → approve, or return), the questionnaire it
 * follows (GET /catalog/pipia-questionnaire) and the activities of the register that need one
 * (their PIPL Art. 55 triggers). Routes: src/server/routes/pipia.routes.ts under
 * /organisations/:orgId/privacy/.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CitationDto, ListDto } from '../../../src/shared/api-types';
import {
  PIPIA_RISK_LEVELS,
  PIPIA_STATUSES,
  type PipiaAnswer,
  type PipiaInput,
  type PipiaPatch,
  type PipiaRiskLevel,
  type PipiaStatus,
  type PipiaTransition,
} from '../../../src/shared/privacy-schemas';
import { ApiRequestError, org, request } from './client';

export { PIPIA_RISK_LEVELS, PIPIA_STATUSES };
export type { PipiaAnswer, PipiaRiskLevel, PipiaStatus };

/** A PIPL Art. 55 trigger found for an activity (or recorded on an assessment). */
export interface PipiaTriggerDto {
  /** e.g. `sensitive`, `automated_decision`, `provide_or_disclose`, `abroad`, `other_major_impact` */
  readonly code: string;
  /** Same as `code` in some answers (the register's classification). */
  readonly trigger?: string;
  readonly titleZh?: string;
  readonly titleEn?: string;
  readonly reasonZh?: string;
  readonly reasonEn?: string;
  readonly citations?: readonly CitationDto[];
  /** One labelled citation, where an answer gives a single one. */
  readonly citation?: CitationDto;
  /** The activities the trigger was found in (on an assessment). */
  readonly activityIds?: readonly string[];
}

export interface PipiaActivityRef {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface PipiaReviewDto {
  readonly userId: string;
  readonly displayName?: string | null;
  readonly decision: 'agree' | 'return' | null;
  readonly comment: string | null;
  readonly decidedAt: string | null;
}

export interface PipiaSummaryDto {
  readonly id: string;
  readonly title: string;
  readonly status: PipiaStatus;
  readonly activityIds: readonly string[];
  readonly activities?: readonly PipiaActivityRef[];
  readonly triggers: readonly (PipiaTriggerDto | string)[];
  readonly overallRisk: PipiaRiskLevel | null;
  readonly questionnaireVersion: string;
  readonly approvedOn: string | null;
  readonly approvedBy?: string | null;
  readonly approvedByName?: string | null;
  readonly retainUntil: string | null;
  readonly version: number;
  readonly createdBy?: string | null;
  readonly createdByName?: string | null;
  readonly createdAt?: string;
  readonly updatedAt: string;
}

export interface PipiaDto extends PipiaSummaryDto {
  readonly answers: Readonly<Record<string, PipiaAnswer>>;
  readonly conclusion: string | null;
  readonly reviewerIds: readonly string[];
  readonly reviews: readonly PipiaReviewDto[];
  readonly submittedAt: string | null;
  /** Question ids of its questionnaire version that apply to its triggers. */
  readonly applicableQuestionIds?: readonly string[];
  /** Of them, those without a stored answer (submission needs none left). */
  readonly unansweredQuestionIds?: readonly string[];
}

export interface PipiaQuestionDto {
  readonly id: string;
  readonly textZh: string;
  readonly textEn: string;
  readonly guidanceZh?: string | null;
  readonly guidanceEn?: string | null;
  /** Trigger codes; the question applies when any of them is found. Empty/absent: always. */
  readonly appliesWhen?: readonly string[] | null;
  /** The answer carries a risk level (and a measure). Absent: every question is rated. */
  readonly rated?: boolean;
  /** Labelled, or bare instrument/provision ids (the catalog route may not label them). */
  readonly citations?: readonly (
    CitationDto | { instrumentId: string; provisionId?: string | null }
  )[];
}

export interface PipiaSectionDto {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly questions: readonly PipiaQuestionDto[];
}

export interface PipiaQuestionnaireDto {
  readonly version: string;
  readonly titleZh?: string;
  readonly titleEn?: string;
  readonly citations?: readonly CitationDto[];
  readonly sections: readonly PipiaSectionDto[];
}

/** What the register's classification says of one activity (only what this page reads). */
export interface ActivityClassificationDto {
  readonly activityId?: string;
  readonly sensitive?: boolean;
  readonly pipiaRequired?: boolean;
  readonly triggers?: readonly PipiaTriggerDto[];
  readonly pipiaTriggers?: readonly (
    PipiaTriggerDto | (Omit<PipiaTriggerDto, 'code'> & { trigger: string })
  )[];
  readonly duties?: readonly {
    readonly ruleId: string;
    readonly titleZh: string;
    readonly titleEn: string;
    readonly subject?: { readonly kind: string };
  }[];
}

export interface ActivitySummary {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

const base = (orgId: string) => `${org(orgId)}/privacy`;
const one = (orgId: string, id: string) => `${base(orgId)}/pipias/${encodeURIComponent(id)}`;

/** URL of the report without its extension (ReportDownloads adds `.docx`/`.pdf` and `lang`). */
export const pipiaReportBase = (orgId: string, id: string) => `/api${one(orgId, id)}/report`;

export const pipiaApi = {
  list: (orgId: string) => request<ListDto<PipiaSummaryDto>>('GET', `${base(orgId)}/pipias`),
  get: (orgId: string, id: string) => request<PipiaDto>('GET', one(orgId, id)),
  create: (orgId: string, input: PipiaInput) =>
    request<PipiaDto>('POST', `${base(orgId)}/pipias`, input),
  patch: (orgId: string, id: string, patch: PipiaPatch) =>
    request<PipiaDto>('PATCH', one(orgId, id), patch),
  remove: (orgId: string, id: string) => request<null>('DELETE', one(orgId, id)),
  transition: (orgId: string, id: string, transition: PipiaTransition) =>
    request<PipiaDto>('POST', `${one(orgId, id)}/transitions`, transition),
  questionnaire: () => request<PipiaQuestionnaireDto>('GET', '/catalog/pipia-questionnaire'),
  activities: (orgId: string) =>
    request<ListDto<ActivitySummary> | { activities: ActivitySummary[] } | ActivitySummary[]>(
      'GET',
      `${base(orgId)}/activities?limit=500`,
    ),
  classifications: (orgId: string) =>
    request<ActivityClassificationDto[]>('GET', `${base(orgId)}/classification`),
};

export const pipiaKeys = {
  all: (orgId: string) => ['pipia', orgId] as const,
  list: (orgId: string) => ['pipia', orgId, 'list'] as const,
  one: (orgId: string, id: string) => ['pipia', orgId, 'one', id] as const,
  questionnaire: ['catalog', 'pipia-questionnaire'] as const,
  activities: (orgId: string) => ['privacy', orgId, 'activities', 'summary'] as const,
  /** Under the register's keys, so a change to the register refreshes it. */
  classifications: (orgId: string) => ['privacy', orgId, 'classification'] as const,
};

export function usePipias(orgId: string) {
  return useQuery({ queryKey: pipiaKeys.list(orgId), queryFn: () => pipiaApi.list(orgId) });
}

export function usePipia(orgId: string, id: string) {
  return useQuery({ queryKey: pipiaKeys.one(orgId, id), queryFn: () => pipiaApi.get(orgId, id) });
}

/** The questionnaire ships with the server: it does not change while the page is open. */
export function usePipiaQuestionnaire() {
  return useQuery({
    queryKey: pipiaKeys.questionnaire,
    queryFn: pipiaApi.questionnaire,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
}

/** The register's activities (id, code, name) for naming an assessment's coverage. */
export function usePrivacyActivities(orgId: string) {
  return useQuery({
    queryKey: pipiaKeys.activities(orgId),
    queryFn: async () => {
      const answer = await pipiaApi.activities(orgId);
      if (Array.isArray(answer)) return answer;
      return 'items' in answer ? answer.items : answer.activities;
    },
  });
}

/** The Art. 55 triggers of a classification, whichever of its fields carries them. */
export function classificationTriggers(
  c: ActivityClassificationDto | undefined,
): PipiaTriggerDto[] {
  if (!c) return [];
  const listed = c.pipiaTriggers ?? c.triggers ?? [];
  if (listed.length > 0) return listed.map(normaliseTrigger);
  // Older answers: a PIPIA duty of the activity stands for "needed".
  return (c.duties ?? [])
    .filter((d) => /pipia/i.test(d.ruleId))
    .map((d) => ({ code: d.ruleId, titleZh: d.titleZh, titleEn: d.titleEn }));
}

/** The labelled citations of a trigger (a list, or a single one). */
export const triggerCitations = (trigger: PipiaTriggerDto | string): CitationDto[] => {
  if (typeof trigger === 'string') return [];
  if (trigger.citations) return [...trigger.citations];
  return trigger.citation && 'labelZh' in trigger.citation ? [trigger.citation] : [];
};

/** A trigger as the server sent it, with `code` filled from `trigger` where only that came. */
export function normaliseTrigger(
  trigger: PipiaTriggerDto | (Omit<PipiaTriggerDto, 'code'> & { trigger: string }),
): PipiaTriggerDto {
  return {
    ...trigger,
    code: 'code' in trigger && trigger.code ? trigger.code : (trigger.trigger ?? ''),
  };
}

/**
 * Each activity's classification, aligned with `activityIds`: one request for the whole register
 * (GET …/privacy/classification) rather than one per activity.
 */
export function useActivityClassifications(orgId: string, activityIds: readonly string[]) {
  const all = useQuery({
    queryKey: pipiaKeys.classifications(orgId),
    queryFn: () => pipiaApi.classifications(orgId),
    staleTime: 60_000,
  });
  const byId = useMemo(
    () => new Map((all.data ?? []).map((c) => [c.activityId, c] as const)),
    [all.data],
  );
  return activityIds.map((id) => ({
    data: byId.get(id),
    isPending: all.isPending,
    isError: all.isError,
    error: all.error,
  }));
}

export function useCreatePipia(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PipiaInput) => pipiaApi.create(orgId, input),
    onSuccess: async (created) => {
      client.setQueryData(pipiaKeys.one(orgId, created.id), created);
      await client.invalidateQueries({ queryKey: pipiaKeys.list(orgId) });
    },
  });
}

/** Save answers/conclusion with the version read; a 409 is left to the page (载入最新内容). */
export function useSavePipia(orgId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: PipiaPatch) => pipiaApi.patch(orgId, id, patch),
    onSuccess: async (saved) => {
      client.setQueryData(pipiaKeys.one(orgId, id), saved);
      await client.invalidateQueries({ queryKey: pipiaKeys.list(orgId) });
    },
  });
}

export function usePipiaTransition(orgId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (transition: PipiaTransition) => pipiaApi.transition(orgId, id, transition),
    onSuccess: async (saved) => {
      client.setQueryData(pipiaKeys.one(orgId, id), saved);
      await client.invalidateQueries({ queryKey: pipiaKeys.list(orgId) });
      // Approval changes the activities' duties (prior PIPIA done).
      await client.invalidateQueries({ queryKey: ['privacy', orgId] });
    },
  });
}

export function useDeletePipia(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => pipiaApi.remove(orgId, id),
    onSuccess: () => client.invalidateQueries({ queryKey: pipiaKeys.list(orgId) }),
  });
}

/** Reloads the stored assessment (after a 409, on 载入最新内容). */
export function useReloadPipia(orgId: string, id: string) {
  const client = useQueryClient();
  return async (): Promise<PipiaDto | undefined> => {
    await client.invalidateQueries({ queryKey: pipiaKeys.one(orgId, id) });
    return client.getQueryData<PipiaDto>(pipiaKeys.one(orgId, id));
  };
}

export const isVersionConflict = (error: unknown) =>
  error instanceof ApiRequestError && error.body.code === 'VERSION_CONFLICT';
