/**
 * What the filing form (备案表) asks about the organisation (表一) and each grading object (表二),
 * plus the 2025 attachments (数据摸底调查表, 保护工作方案), captured once and reused by every
 * document. Coded answers hold the form's option codes; the option lists themselves are data in
 * src/catalogs/filing-form/ and the app layer checks each code against them.
 */
import { z } from 'zod';
import { PROVINCE_CODES } from './identifiers';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish();
/** An option code of the filing form (e.g. 隶属关系 "2"); checked against the catalog. */
const OptionCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, 'must be an option code of the form');

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, 'must be a phone number (digits, spaces, + - ( ))');
const email = z.string().trim().max(200).email('must be an e-mail address');

/** A person on the form (单位负责人, 责任部门联系人). Phones and e-mail are stored SM4-encrypted. */
export const FormPersonSchema = z
  .object({
    name: text(100).min(1, 'give the name'),
    title: optionalText(100),
    officePhone: phone.nullish(),
    mobilePhone: phone.nullish(),
    email: email.nullish(),
  })
  .strict();

export const DATA_IMPORTANCE = ['general', 'important', 'core'] as const;

/** One row of the 数据摸底调查表: one data category (the smallest of the operator's own scheme). */
export const DataCategorySchema = z
  .object({
    name: text(200).min(1, 'give the data category name'),
    /** Volume as the operator states it, e.g. "约 120 万条" / "3.2 TB". */
    volume: text(100).min(1, 'give the volume'),
    /** Number of individuals whose personal information the category holds, where it does. */
    individuals: z.number().int().min(0).max(2_000_000_000).nullish(),
    importance: z.enum(DATA_IMPORTANCE),
    /** Where it is stored (data centre, cloud region, province). */
    location: text(200).min(1, 'give where the data is stored'),
    crossBorder: z.boolean(),
    /** Countries or regions it goes to, when it crosses the border. */
    crossBorderDestinations: z.array(text(100).min(1)).max(50).default([]),
    /** Names of the grading objects that hold it. */
    systems: z.array(text(200).min(1)).max(200).default([]),
    note: optionalText(2000),
  })
  .strict()
  .refine((c) => !c.crossBorder || c.crossBorderDestinations.length > 0, {
    path: ['crossBorderDestinations'],
    message: 'name the destinations of a category that crosses the border',
  });

/** 网络安全保护工作方案 (level 3+): the year's major hidden risks and issues and how they are fixed. */
export const ProtectionWorkPlanSchema = z
  .object({
    year: z.number().int().min(2020).max(2100),
    /** 资产情况: internet exposure, base environment, network devices, system software, security products. */
    assets: text(8000).min(1, 'describe the assets'),
    existingMeasures: text(8000).min(1, 'describe the existing measures'),
    rootCauses: text(8000).min(1, 'give the root causes of the issues'),
    approach: text(8000).min(1, 'give the remediation approach'),
    plan: text(8000).min(1, 'give the remediation plan and schedule'),
  })
  .strict();

/** 表一 单位基本情况 beyond the organisation's name, credit code and contact. */
export const OrganisationFilingProfileSchema = z
  .object({
    /** 单位地址: province / city / county and the street address. */
    province: optionalText(50),
    city: optionalText(50),
    county: optionalText(50),
    address: optionalText(300),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be a 6-digit postal code')
      .nullish(),
    /** 行政区划代码 (GB/T 2260), 6 digits, of the prefecture the organisation is in. */
    divisionCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be a 6-digit administrative division code (GB/T 2260)')
      .refine(
        (code) => PROVINCE_CODES.includes(code.slice(0, 2)),
        'must begin with a province code of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82)',
      )
      .nullish(),
    /** 表一 05 单位负责人: the leader in charge of the organisation's network security. */
    head: FormPersonSchema.nullish(),
    /**
     * 表一 06 责任部门, the organisation's department in charge of network security. The system's
     * own `responsibleDepartment` (SystemInput) is the department that runs that system; the
     * filing form prints this one and falls back to the system's when it is empty.
     */
    responsibleDepartment: optionalText(200),
    /**
     * 表一 07 责任部门联系人. The organisation's `contactName`/`contactPhone` are dengbao's general
     * contact; the form prints this person and falls back to those when it is empty.
     */
    departmentContact: FormPersonSchema.nullish(),
    affiliation: OptionCodeSchema.nullish(),
    affiliationOther: optionalText(200),
    organisationType: OptionCodeSchema.nullish(),
    organisationTypeOther: optionalText(200),
    sectorCode: OptionCodeSchema.nullish(),
    sectorOther: optionalText(200),
    dataCategories: z.array(DataCategorySchema).max(500).default([]),
    protectionWorkPlan: ProtectionWorkPlanSchema.nullish(),
  })
  .strict();

export const DOMESTIC_USE = ['all', 'none', 'partial'] as const;
export const SERVICE_PROVIDERS = ['in_house', 'domestic', 'foreign'] as const;

/** 表二 定级对象情况 beyond name, types, description, go-live date and host. */
export const SystemFilingProfileSchema = z
  .object({
    /** 定级对象编号 as the operator numbers its objects. */
    objectNumber: optionalText(50),
    businessTypes: z.array(OptionCodeSchema).max(10).default([]),
    businessTypeOther: optionalText(200),
    serviceScope: OptionCodeSchema.nullish(),
    /** 跨 N 个省/地市, when the scope is cross-province or cross-city. */
    serviceScopeCount: z.number().int().min(2).max(1000).nullish(),
    serviceScopeOther: optionalText(200),
    serviceTargets: OptionCodeSchema.nullish(),
    serviceTargetsOther: optionalText(200),
    coverage: OptionCodeSchema.nullish(),
    coverageOther: optionalText(200),
    networkNature: OptionCodeSchema.nullish(),
    networkNatureOther: optionalText(200),
    interconnections: z.array(OptionCodeSchema).max(10).default([]),
    interconnectionsOther: optionalText(200),
    /** 关键产品使用情况: per product type, how many and whether domestic products are used. */
    keyProducts: z
      .array(
        z
          .object({
            type: OptionCodeSchema,
            typeOther: optionalText(200),
            count: z.number().int().min(0).max(1_000_000),
            domesticUse: z.enum(DOMESTIC_USE),
            /** Percentage of domestic products when partly used. */
            domesticRate: z.number().min(0).max(100).nullish(),
          })
          .strict()
          .refine((p) => p.domesticUse !== 'partial' || p.domesticRate != null, {
            path: ['domesticRate'],
            message: 'give the share of domestic products when they are partly used',
          }),
      )
      .max(20)
      .default([]),
    /** 系统采用服务情况: per service type used, who provides it. */
    services: z
      .array(
        z
          .object({
            type: OptionCodeSchema,
            typeOther: optionalText(200),
            provider: z.enum(SERVICE_PROVIDERS),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    isSubsystem: z.boolean().nullish(),
    parentSystemName: optionalText(200),
    parentOrganisationName: optionalText(200),
    /** 填表人 */
    formFilledBy: optionalText(100),
  })
  .strict()
  .refine((s) => !s.isSubsystem || (s.parentSystemName ?? '') !== '', {
    path: ['parentSystemName'],
    message: 'name the parent system of a sub-system',
  });

export type FormPerson = z.infer<typeof FormPersonSchema>;
export type DataCategory = z.infer<typeof DataCategorySchema>;
export type ProtectionWorkPlan = z.infer<typeof ProtectionWorkPlanSchema>;
export type OrganisationFilingProfile = z.infer<typeof OrganisationFilingProfileSchema>;
export type SystemFilingProfile = z.infer<typeof SystemFilingProfileSchema>;

/**
 * The option lists of the form, as the catalog (src/catalogs/filing-form/options.yaml) holds them
 * and GET /api/catalog/filing-form-options serves them. Ids name the question, not the field.
 */
export const FILING_OPTION_LIST_IDS = [
  'affiliation',
  'organisationType',
  'sector',
  'businessType',
  'serviceScope',
  'serviceTargets',
  'coverage',
  'networkNature',
  'interconnection',
  'productType',
  'serviceType',
] as const;
export type FilingOptionListId = (typeof FILING_OPTION_LIST_IDS)[number];

const BilingualSchema = z.object({ zh: z.string(), en: z.string() });

export const FilingOptionSchema = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  /** The 其他 option: choosing it requires the text that says what (the form's blank line). */
  other: z.boolean(),
  /** 跨 N 个: the option asks for a count (服务范围 跨省 / 跨地). */
  counted: z.boolean(),
});

/** A public source of the option lists: the instrument the form was issued with, or a copy. */
export const FilingFormSourceSchema = z.object({
  id: z.string(),
  title: BilingualSchema,
  url: z.string().nullable(),
  dated: z.string().nullable(),
  note: BilingualSchema.nullable(),
});

export const FILING_OPTION_LIST_STATUS = ['verified', 'unverified'] as const;

export const FilingOptionListSchema = z.object({
  label: BilingualSchema,
  /** Where the question is on the form, e.g. 表一 10. */
  formItem: z.string(),
  /** The filing-profile field that holds the answer, e.g. sectorCode, keyProducts[].type. */
  field: z.string(),
  multiple: z.boolean(),
  /** `unverified`: not checked against a copy of the form; the product says so. */
  status: z.enum(FILING_OPTION_LIST_STATUS),
  /** The form edition the list is from (2007). */
  edition: z.number().int(),
  note: BilingualSchema.nullable(),
  sources: z.array(FilingFormSourceSchema),
  options: z.array(FilingOptionSchema),
});

export const FilingFormOptionsSchema = z.object(
  Object.fromEntries(FILING_OPTION_LIST_IDS.map((id) => [id, FilingOptionListSchema])) as Record<
    FilingOptionListId,
    typeof FilingOptionListSchema
  >,
);

export type FilingOption = z.infer<typeof FilingOptionSchema>;
export type FilingFormSource = z.infer<typeof FilingFormSourceSchema>;
export type FilingOptionList = z.infer<typeof FilingOptionListSchema>;
export type FilingFormOptions = Record<FilingOptionListId, FilingOptionList>;

/** A problem with an answer of the profile: the path below the profile and what is wrong. */
export interface FilingProfileIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type Coded = { readonly code: string | null | undefined; readonly path: (string | number)[] };

/**
 * Checks coded answers against the option lists: each code is one of the list's, 其他 comes with
 * the text of what it is, 跨 N 个 with the count, and no option is ticked twice. Pure, so the
 * server (with the catalog) and the web form (with the lists the API served) check alike.
 */
function codedIssues(
  options: FilingFormOptions,
  listId: FilingOptionListId,
  answers: readonly Coded[],
  otherText: (index: number) => { value: string | null | undefined; path: (string | number)[] },
): FilingProfileIssue[] {
  const list = options[listId];
  const issues: FilingProfileIssue[] = [];
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    if (answer.code == null) return;
    const option = list.options.find((o) => o.code === answer.code);
    if (option === undefined) {
      issues.push({
        path: answer.path,
        message: `${answer.code} is not a ${list.label.zh} code; use one of ${list.options.map((o) => `${o.code} ${o.zh}`).join(', ')}`,
      });
      return;
    }
    if (seen.has(answer.code))
      issues.push({ path: answer.path, message: `${answer.code} ${option.zh} is chosen twice` });
    seen.add(answer.code);
    const other = otherText(index);
    if (option.other && (other.value ?? '').trim() === '')
      issues.push({ path: other.path, message: `say what 其他 is (${list.label.zh})` });
  });
  return issues;
}

const one = (code: string | null | undefined, field: string): Coded[] => [{ code, path: [field] }];

/** The problems of an organisation's profile against the option lists (empty when none). */
export function organisationFilingProfileIssues(
  profile: OrganisationFilingProfile,
  options: FilingFormOptions,
): FilingProfileIssue[] {
  const other = (field: keyof OrganisationFilingProfile) => () => ({
    value: profile[field] as string | null | undefined,
    path: [field],
  });
  return [
    ...codedIssues(
      options,
      'affiliation',
      one(profile.affiliation, 'affiliation'),
      other('affiliationOther'),
    ),
    ...codedIssues(
      options,
      'organisationType',
      one(profile.organisationType, 'organisationType'),
      other('organisationTypeOther'),
    ),
    ...codedIssues(options, 'sector', one(profile.sectorCode, 'sectorCode'), other('sectorOther')),
  ];
}

/** The problems of a grading object's profile against the option lists (empty when none). */
export function systemFilingProfileIssues(
  profile: SystemFilingProfile,
  options: FilingFormOptions,
): FilingProfileIssue[] {
  const other = (field: keyof SystemFilingProfile) => () => ({
    value: profile[field] as string | null | undefined,
    path: [field],
  });
  const issues = [
    ...codedIssues(
      options,
      'businessType',
      profile.businessTypes.map((code, i) => ({ code, path: ['businessTypes', i] })),
      other('businessTypeOther'),
    ),
    ...codedIssues(
      options,
      'serviceScope',
      one(profile.serviceScope, 'serviceScope'),
      other('serviceScopeOther'),
    ),
    ...codedIssues(
      options,
      'serviceTargets',
      one(profile.serviceTargets, 'serviceTargets'),
      other('serviceTargetsOther'),
    ),
    ...codedIssues(options, 'coverage', one(profile.coverage, 'coverage'), other('coverageOther')),
    ...codedIssues(
      options,
      'networkNature',
      one(profile.networkNature, 'networkNature'),
      other('networkNatureOther'),
    ),
    ...codedIssues(
      options,
      'interconnection',
      profile.interconnections.map((code, i) => ({ code, path: ['interconnections', i] })),
      other('interconnectionsOther'),
    ),
    ...codedIssues(
      options,
      'productType',
      profile.keyProducts.map((p, i) => ({ code: p.type, path: ['keyProducts', i, 'type'] })),
      (i) => ({ value: profile.keyProducts[i]?.typeOther, path: ['keyProducts', i, 'typeOther'] }),
    ),
    ...codedIssues(
      options,
      'serviceType',
      profile.services.map((s, i) => ({ code: s.type, path: ['services', i, 'type'] })),
      (i) => ({ value: profile.services[i]?.typeOther, path: ['services', i, 'typeOther'] }),
    ),
  ];
  const scope = options.serviceScope.options.find((o) => o.code === profile.serviceScope);
  if (scope?.counted && profile.serviceScopeCount == null)
    issues.push({
      path: ['serviceScopeCount'],
      message: `give how many (跨 N 个) for ${scope.zh}`,
    });
  return issues;
}
