/**
 * Wire schemas of the CII model (关键信息基础设施): core business, assets, dependencies,
 * information flows and boundary determinations. Shared by the server, the CLI file formats
 * and the web UI.
 */
import { z } from 'zod';
import { IsoDateSchema, MAX_INT, refusingControlCharacters } from './schemas';

/** Sectors named in CII Regulations Art. 2 (plus "other" for the catch-all clause). */
export const CII_SECTORS = [
  'telecom_information_services',
  'energy',
  'transport',
  'water',
  'finance',
  'public_services',
  'e_government',
  'defence_industry',
  'other',
] as const;
export type CiiSector = (typeof CII_SECTORS)[number];

export const CII_SECTOR_LABELS: Readonly<Record<CiiSector, { zh: string; en: string }>> = {
  telecom_information_services: {
    zh: '公共通信和信息服务',
    en: 'Telecom and information services',
  },
  energy: { zh: '能源', en: 'Energy' },
  transport: { zh: '交通', en: 'Transport' },
  water: { zh: '水利', en: 'Water' },
  finance: { zh: '金融', en: 'Finance' },
  public_services: { zh: '公共服务', en: 'Public services' },
  e_government: { zh: '电子政务', en: 'E-government' },
  defence_industry: { zh: '国防科技工业', en: 'Defence science and technology industry' },
  other: { zh: '其他重要行业和领域', en: 'Other important sectors' },
};

/** Life-cycle stages of critical business information (same order as the domain). */
export const CII_LIFECYCLE_STAGES = [
  'collection',
  'transmission',
  'storage',
  'processing',
  'exchange',
  'destruction',
] as const;
export type CiiLifecycleStage = (typeof CII_LIFECYCLE_STAGES)[number];

export const CII_STAGE_LABELS: Readonly<Record<CiiLifecycleStage, { zh: string; en: string }>> = {
  collection: { zh: '采集', en: 'Collection' },
  transmission: { zh: '传输', en: 'Transmission' },
  storage: { zh: '存储', en: 'Storage' },
  processing: { zh: '处理', en: 'Processing' },
  exchange: { zh: '交换共享', en: 'Exchange / sharing' },
  destruction: { zh: '销毁', en: 'Destruction' },
};

export const CII_ASSET_KINDS = [
  'information_system',
  'network_facility',
  'cloud_platform',
  'data_centre',
  'identity_service',
  'dns_service',
  'time_service',
  'om_system',
  'security_system',
  'external_system',
] as const;
export type CiiAssetKind = (typeof CII_ASSET_KINDS)[number];

export const CII_ASSET_KIND_LABELS: Readonly<Record<CiiAssetKind, { zh: string; en: string }>> = {
  information_system: { zh: '信息系统', en: 'Information system' },
  network_facility: { zh: '网络设施', en: 'Network facility' },
  cloud_platform: { zh: '云计算平台', en: 'Cloud platform' },
  data_centre: { zh: '数据中心', en: 'Data centre' },
  identity_service: { zh: '身份认证服务', en: 'Identity service' },
  dns_service: { zh: '域名解析服务', en: 'DNS service' },
  time_service: { zh: '时间同步服务', en: 'Time service' },
  om_system: { zh: '运维管理系统', en: 'O&M system' },
  security_system: { zh: '安全防护系统', en: 'Security system' },
  external_system: { zh: '外部系统', en: 'External system' },
};

export const CII_DEPENDENCY_KINDS = [
  'runs_on',
  'authenticates_with',
  'managed_by',
  'protected_by',
  'exchanges_with_external',
] as const;
export type CiiDependencyKind = (typeof CII_DEPENDENCY_KINDS)[number];

export const CII_DEPENDENCY_LABELS: Readonly<
  Record<CiiDependencyKind, { zh: string; en: string }>
> = {
  runs_on: { zh: '运行于', en: 'runs on' },
  authenticates_with: { zh: '认证依赖', en: 'authenticates with' },
  managed_by: { zh: '运维管理', en: 'managed by' },
  protected_by: { zh: '安全防护', en: 'protected by' },
  exchanges_with_external: { zh: '对外交换', en: 'exchanges with external' },
};

const name = z.string().trim().min(1, 'must not be empty').max(200);
const text = z.string().trim().max(4000);

/** Asset code: short, stable, unique per organisation (used in import files and the graph). */
export const CiiAssetCodeSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/,
    'must be 1–60 letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

export const CiiChainStepSchema = z
  .object({ name, description: text.nullish() })
  .strict()
  .describe('关键业务链环节');

export const CiiInfoCategorySchema = z
  .object({
    name,
    description: text.nullish(),
    /** The category contains important data (重要数据) or personal information in bulk. */
    important: z.boolean().default(false),
  })
  .strict()
  .describe('关键业务信息类别');

/** Which dependency kinds pull the asset depended on inside (BoundaryRules.follow). */
export const CiiBoundaryFollowSchema = z
  .object({
    runs_on: z.boolean(),
    authenticates_with: z.boolean(),
    managed_by: z.boolean(),
    protected_by: z.boolean(),
  })
  .strict();

const uniqueNames =
  (what: string) =>
  (list: readonly { name: string }[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.name))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `${what} "${item.name}" is listed twice`,
        });
      seen.add(item.name);
    });
  };

export const CoreBusinessInputSchema = z
  .object({
    name,
    sector: z.enum(CII_SECTORS),
    /** The protection work department (保护工作部门) that designated it. */
    designatingAuthority: name.nullish(),
    designationNotice: z.string().trim().max(200).nullish(),
    designatedOn: IsoDateSchema.nullish(),
    description: text.nullish(),
    chainSteps: z.array(CiiChainStepSchema).max(200).superRefine(uniqueNames('step')).default([]),
    infoCategories: z
      .array(CiiInfoCategorySchema)
      .max(200)
      .superRefine(uniqueNames('category'))
      .default([]),
    /** null = the default rules (DEFAULT_BOUNDARY_RULES). */
    boundaryFollow: CiiBoundaryFollowSchema.nullish(),
  })
  .strict();
export type CoreBusinessInput = z.infer<typeof CoreBusinessInputSchema>;

export const CoreBusinessPatchSchema = CoreBusinessInputSchema.partial()
  .extend({ version: z.number().int().min(1).max(MAX_INT) })
  .strict();
export type CoreBusinessPatch = z.infer<typeof CoreBusinessPatchSchema>;

export const CiiAssetInputSchema = z
  .object({
    code: CiiAssetCodeSchema,
    name,
    kind: z.enum(CII_ASSET_KINDS),
    /** For external systems: the party that runs it. */
    party: z.string().trim().max(200).nullish(),
    /** The MLPS system (grading object) this asset is, if any. */
    systemId: z.string().uuid().nullish(),
    description: text.nullish(),
  })
  .strict();
export type CiiAssetInput = z.infer<typeof CiiAssetInputSchema>;

export const CiiAssetPatchSchema = CiiAssetInputSchema.partial()
  .extend({ version: z.number().int().min(1).max(MAX_INT) })
  .strict();
export type CiiAssetPatch = z.infer<typeof CiiAssetPatchSchema>;

export const CiiDependencyInputSchema = z
  .object({
    fromAssetId: z.string().uuid(),
    toAssetId: z.string().uuid(),
    kind: z.enum(CII_DEPENDENCY_KINDS),
    note: z.string().trim().max(1000).nullish(),
  })
  .strict()
  .refine((d) => d.fromAssetId !== d.toAssetId, {
    path: ['toAssetId'],
    message: 'an asset cannot depend on itself',
  });
export type CiiDependencyInput = z.infer<typeof CiiDependencyInputSchema>;

export const CiiFlowHopSchema = z
  .object({
    assetId: z.string().uuid(),
    stage: z.enum(CII_LIFECYCLE_STAGES),
    note: z.string().trim().max(500).nullish(),
  })
  .strict();

export const CiiFlowInputSchema = z
  .object({
    name,
    /** Name of one of the core business's information categories. */
    infoCategory: name.nullish(),
    description: text.nullish(),
    hops: z.array(CiiFlowHopSchema).min(1, 'a flow needs at least one hop').max(500),
  })
  .strict();
export type CiiFlowInput = z.infer<typeof CiiFlowInputSchema>;

export const CiiFlowPatchSchema = CiiFlowInputSchema.partial()
  .extend({ version: z.number().int().min(1).max(MAX_INT) })
  .strict();
export type CiiFlowPatch = z.infer<typeof CiiFlowPatchSchema>;

export const CiiDeterminationInputSchema = z
  .object({ note: z.string().trim().max(2000).nullish() })
  .strict();

// --- responses ---------------------------------------------------------------------------------

export interface CoreBusinessView {
  readonly id: string;
  readonly name: string;
  readonly sector: CiiSector;
  readonly designatingAuthority: string | null;
  readonly designationNotice: string | null;
  readonly designatedOn: string | null;
  readonly description: string | null;
  readonly chainSteps: readonly { name: string; description?: string | null | undefined }[];
  readonly infoCategories: readonly {
    name: string;
    description?: string | null | undefined;
    important: boolean;
  }[];
  readonly boundaryFollow: z.infer<typeof CiiBoundaryFollowSchema> | null;
  readonly flowCount: number;
  readonly lastDeterminedAt: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CiiAssetView {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: CiiAssetKind;
  readonly external: boolean;
  readonly party: string | null;
  readonly systemId: string | null;
  readonly systemName: string | null;
  readonly systemLevel: number | null;
  readonly description: string | null;
  readonly version: number;
}

export interface CiiDependencyView {
  readonly id: string;
  readonly fromAssetId: string;
  readonly toAssetId: string;
  readonly kind: CiiDependencyKind;
  readonly note: string | null;
}

export interface CiiFlowView {
  readonly id: string;
  readonly coreBusinessId: string;
  readonly name: string;
  readonly infoCategory: string | null;
  readonly description: string | null;
  readonly hops: readonly { assetId: string; stage: CiiLifecycleStage; note?: string | null }[];
  readonly version: number;
}

export type CiiInclusionReasonView =
  | { readonly kind: 'flow'; readonly flowId: string; readonly stage: CiiLifecycleStage }
  | {
      readonly kind: 'dependency';
      readonly chain: readonly { readonly assetId: string; readonly via: CiiDependencyKind }[];
      readonly flowId: string;
      readonly stage: CiiLifecycleStage;
      readonly from: string;
    };

export interface CiiBoundaryView {
  readonly rules: {
    readonly id: string;
    readonly follow: z.infer<typeof CiiBoundaryFollowSchema>;
    readonly source: string;
    readonly status: 'confirmed' | 'derived' | 'unverified';
  };
  readonly inside: readonly {
    readonly assetId: string;
    readonly reason: CiiInclusionReasonView;
    /** The same reason as a sentence (zh and en). */
    readonly explanationZh: string;
    readonly explanationEn: string;
  }[];
  readonly outside: readonly string[];
  /** Why each outside asset is outside (external party, or nothing needs it). */
  readonly outsideExplanations: Readonly<Record<string, { zh: string; en: string }>>;
  readonly boundaryPoints: readonly { insideAssetId: string; externalAssetId: string }[];
}

export interface CiiAssetRef {
  readonly assetId: string;
  readonly code: string;
  readonly name: string;
}

export interface CiiDeterminationView {
  readonly id: string;
  readonly coreBusinessId: string;
  readonly determinedAt: string;
  readonly determinedBy: string;
  readonly note: string | null;
  readonly rulesId: string;
  readonly inside: readonly (CiiAssetRef & { readonly explanationZh: string })[];
  readonly boundaryPoints: readonly { inside: CiiAssetRef; external: CiiAssetRef }[];
  readonly added: readonly CiiAssetRef[];
  readonly removed: readonly CiiAssetRef[];
}

/** GET …/cii/core-businesses/{id}/boundary: everything the graph view needs in one answer. */
export interface CiiBoundaryResponse {
  readonly coreBusiness: CoreBusinessView;
  readonly assets: readonly CiiAssetView[];
  readonly dependencies: readonly CiiDependencyView[];
  readonly flows: readonly CiiFlowView[];
  readonly boundary: CiiBoundaryView;
  /** Compared with the last recorded determination (null if none yet). */
  readonly sinceLast: {
    readonly determinationId: string;
    readonly determinedAt: string;
    readonly added: readonly CiiAssetRef[];
    readonly removed: readonly CiiAssetRef[];
  } | null;
}

// --- the exchange file (dengbao.cii.v1): JSON, YAML or the Excel workbook ----------------------

/** Assets and hops refer to assets by code, so a file is readable and portable between instances. */
export const CiiFileSchema = refusingControlCharacters(
  z
    .object({
      format: z.literal('dengbao.cii.v1'),
      assets: z
        .array(
          CiiAssetInputSchema.omit({ systemId: true }).extend({
            /** Name of the organisation's MLPS system (grading object) this asset is. */
            system: z.string().trim().min(1).max(200).nullish(),
          }),
        )
        .default([]),
      dependencies: z
        .array(
          z
            .object({
              from: CiiAssetCodeSchema,
              to: CiiAssetCodeSchema,
              kind: z.enum(CII_DEPENDENCY_KINDS),
              note: z.string().trim().max(1000).nullish(),
            })
            .strict(),
        )
        .default([]),
      coreBusinesses: z
        .array(
          CoreBusinessInputSchema.extend({
            flows: z
              .array(
                CiiFlowInputSchema.omit({ hops: true }).extend({
                  hops: z
                    .array(
                      z
                        .object({
                          asset: CiiAssetCodeSchema,
                          stage: z.enum(CII_LIFECYCLE_STAGES),
                          note: z.string().trim().max(500).nullish(),
                        })
                        .strict(),
                    )
                    .min(1, 'a flow needs at least one hop')
                    .max(500),
                }),
              )
              .default([]),
          }),
        )
        .default([]),
    })
    .strict(),
);
export type CiiFile = z.infer<typeof CiiFileSchema>;

export interface CiiImportResult {
  readonly assets: { readonly created: number; readonly updated: number };
  readonly dependencies: { readonly created: number; readonly unchanged: number };
  readonly coreBusinesses: { readonly created: number; readonly updated: number };
  readonly flows: { readonly created: number; readonly updated: number };
}
