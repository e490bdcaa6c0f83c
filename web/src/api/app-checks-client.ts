/**
 * App collection checks (App 检查) calls: the organisation's checked apps with the flags the
 * rules raise, and the 2021 necessary-information catalog (app types with their basic function
 * and necessary items) (src/server/routes/app-checks.routes.ts, GET /catalog/app-necessary-pi).
 */
import type { z } from 'zod';
import type { CitationDto } from '../../../src/shared/api-types';
import type {
  AppCheckFlagDto,
  AppCheckInput,
  AppCheckInputSchema,
  AppCheckPatchSchema,
} from '../../../src/shared/data-security-schemas';
import { org, request } from './client';
import { asCitations } from './privacy-client';

export type AppCheckBody = z.input<typeof AppCheckInputSchema>;
export type AppCheckPatchBody = z.input<typeof AppCheckPatchSchema>;

export interface AppCheckFlagView extends Omit<AppCheckFlagDto, 'citations'> {
  readonly citations: CitationDto[];
}

/** A checked app as the server returns it: the input plus the flags and their summary. */
export interface AppCheckView extends AppCheckInput {
  readonly id: string;
  readonly version: number;
  readonly flags: AppCheckFlagView[];
  readonly summary: { high: number; medium: number; low: number; total: number };
  /** Items collected beyond the type's necessary list (with the function they serve). */
  readonly overCollected: readonly { item: string; function: string; requiredToUse: boolean }[];
  readonly exposure: {
    penaltyIds: readonly string[];
    serviceSuspensionRisk: boolean;
    removalRisk: boolean;
    summaryZh: string;
    summaryEn: string;
  } | null;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

export interface AppPiItemDto {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly piCategory: string | null;
}
export interface AppTypeDto {
  readonly id: string;
  readonly number?: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly basicFunctionZh: string;
  readonly basicFunctionEn: string;
  readonly noPersonalInformationNeeded: boolean;
  readonly items: readonly {
    item: string;
    conditionZh?: string | null;
    conditionEn?: string | null;
  }[];
}
export interface AppCatalogDto {
  readonly version?: string;
  readonly items: readonly AppPiItemDto[];
  readonly types: readonly AppTypeDto[];
}

const base = (orgId: string) => `${org(orgId)}/data-security/app-checks`;
const one = (orgId: string, id: string) => `${base(orgId)}/${encodeURIComponent(id)}`;

type RawFlag = Omit<AppCheckFlagDto, 'citations'> & {
  citations?: Parameters<typeof asCitations>[0];
};
type RawCheck = Omit<AppCheckView, 'flags' | 'summary' | 'overCollected' | 'exposure'> & {
  flags?: readonly RawFlag[];
  summary?: AppCheckView['summary'];
  overCollected?: AppCheckView['overCollected'];
  exposure?: AppCheckView['exposure'];
  result?: {
    flags?: readonly RawFlag[];
    summary?: AppCheckView['summary'];
    overCollected?: AppCheckView['overCollected'];
    exposure?: AppCheckView['exposure'];
  };
};

/** Flags, summary and exposure may sit on the check or under `result`. */
function view(raw: RawCheck): AppCheckView {
  const flags = (raw.flags ?? raw.result?.flags ?? []).map((f) => ({
    ...f,
    citations: asCitations(f.citations),
  }));
  const count = (s: 'high' | 'medium' | 'low') => flags.filter((f) => f.severity === s).length;
  return {
    ...raw,
    flags,
    summary: raw.summary ??
      raw.result?.summary ?? {
        high: count('high'),
        medium: count('medium'),
        low: count('low'),
        total: flags.length,
      },
    overCollected: raw.overCollected ?? raw.result?.overCollected ?? [],
    exposure: raw.exposure ?? raw.result?.exposure ?? null,
  };
}

type Listed<T> = T[] | { items: T[] } | { appChecks: T[] };
const items = <T>(answer: Listed<T>): T[] =>
  Array.isArray(answer) ? answer : 'items' in answer ? answer.items : answer.appChecks;

export const appChecksApi = {
  list: async (orgId: string) =>
    items(await request<Listed<RawCheck>>('GET', base(orgId))).map(view),
  get: async (orgId: string, id: string) => view(await request<RawCheck>('GET', one(orgId, id))),
  create: async (orgId: string, body: AppCheckBody) =>
    view(await request<RawCheck>('POST', base(orgId), body)),
  patch: async (orgId: string, id: string, patch: AppCheckPatchBody) =>
    view(await request<RawCheck>('PATCH', one(orgId, id), patch)),
  remove: (orgId: string, id: string) => request<null>('DELETE', one(orgId, id)),
  catalog: () => request<AppCatalogDto>('GET', '/catalog/app-necessary-pi'),
};
