/**
 * CII (关键信息基础设施) calls: core businesses, assets, dependencies, information flows, the
 * computed boundary, determinations and duties (src/server/routes/cii.routes.ts).
 */
import type { z } from 'zod';
import type { CiiDutiesDto } from '../../../src/shared/api-types';
import type {
  CiiAssetInputSchema,
  CiiAssetPatchSchema,
  CiiAssetView,
  CiiBoundaryResponse,
  CiiDependencyInputSchema,
  CiiDependencyView,
  CiiDeterminationView,
  CiiFlowInputSchema,
  CiiFlowPatchSchema,
  CiiFlowView,
  CoreBusinessInputSchema,
  CoreBusinessPatchSchema,
  CoreBusinessView,
} from '../../../src/shared/cii-schemas';
import { org, request } from './client';

/** What the client sends (defaults such as `chainSteps: []` may be left out). */
export type CoreBusinessBody = z.input<typeof CoreBusinessInputSchema>;
export type CoreBusinessPatchBody = z.input<typeof CoreBusinessPatchSchema>;
export type CiiAssetBody = z.input<typeof CiiAssetInputSchema>;
export type CiiAssetPatchBody = z.input<typeof CiiAssetPatchSchema>;
export type CiiDependencyBody = z.input<typeof CiiDependencyInputSchema>;
export type CiiFlowBody = z.input<typeof CiiFlowInputSchema>;
export type CiiFlowPatchBody = z.input<typeof CiiFlowPatchSchema>;

const cii = (orgId: string) => `${org(orgId)}/cii`;
const business = (orgId: string, businessId: string) =>
  `${cii(orgId)}/core-businesses/${encodeURIComponent(businessId)}`;
const id = encodeURIComponent;

/** The organisation's CII model as the Excel exchange workbook (a plain link: the cookie authenticates). */
export const ciiExportUrl = (orgId: string) => `/api${cii(orgId)}/export?format=xlsx`;

export const ciiApi = {
  listBusinesses: (orgId: string) =>
    request<CoreBusinessView[]>('GET', `${cii(orgId)}/core-businesses`),
  createBusiness: (orgId: string, input: CoreBusinessBody) =>
    request<CoreBusinessView>('POST', `${cii(orgId)}/core-businesses`, input),
  getBusiness: (orgId: string, businessId: string) =>
    request<CoreBusinessView>('GET', business(orgId, businessId)),
  patchBusiness: (orgId: string, businessId: string, patch: CoreBusinessPatchBody) =>
    request<CoreBusinessView>('PATCH', business(orgId, businessId), patch),
  deleteBusiness: (orgId: string, businessId: string) =>
    request<null>('DELETE', business(orgId, businessId)),

  listAssets: (orgId: string) => request<CiiAssetView[]>('GET', `${cii(orgId)}/assets`),
  createAsset: (orgId: string, input: CiiAssetBody) =>
    request<CiiAssetView>('POST', `${cii(orgId)}/assets`, input),
  patchAsset: (orgId: string, assetId: string, patch: CiiAssetPatchBody) =>
    request<CiiAssetView>('PATCH', `${cii(orgId)}/assets/${id(assetId)}`, patch),
  deleteAsset: (orgId: string, assetId: string) =>
    request<null>('DELETE', `${cii(orgId)}/assets/${id(assetId)}`),

  listDependencies: (orgId: string) =>
    request<CiiDependencyView[]>('GET', `${cii(orgId)}/dependencies`),
  createDependency: (orgId: string, input: CiiDependencyBody) =>
    request<CiiDependencyView>('POST', `${cii(orgId)}/dependencies`, input),
  deleteDependency: (orgId: string, dependencyId: string) =>
    request<null>('DELETE', `${cii(orgId)}/dependencies/${id(dependencyId)}`),

  listFlows: (orgId: string, businessId: string) =>
    request<CiiFlowView[]>('GET', `${business(orgId, businessId)}/flows`),
  createFlow: (orgId: string, businessId: string, input: CiiFlowBody) =>
    request<CiiFlowView>('POST', `${business(orgId, businessId)}/flows`, input),
  patchFlow: (orgId: string, flowId: string, patch: CiiFlowPatchBody) =>
    request<CiiFlowView>('PATCH', `${cii(orgId)}/flows/${id(flowId)}`, patch),
  deleteFlow: (orgId: string, flowId: string) =>
    request<null>('DELETE', `${cii(orgId)}/flows/${id(flowId)}`),

  boundary: (orgId: string, businessId: string) =>
    request<CiiBoundaryResponse>('GET', `${business(orgId, businessId)}/boundary`),
  listDeterminations: (orgId: string, businessId: string) =>
    request<CiiDeterminationView[]>('GET', `${business(orgId, businessId)}/determinations`),
  recordDetermination: (orgId: string, businessId: string, note: string | null) =>
    request<CiiDeterminationView>('POST', `${business(orgId, businessId)}/determinations`, {
      note,
    }),
  duties: (orgId: string, businessId: string) =>
    request<CiiDutiesDto>('GET', `${business(orgId, businessId)}/duties`),
};
