/**
 * Zod schemas for the knowledge-base seed (src/catalogs/knowledge-base/*.yaml): the laws,
 * regulations, MPS documents and standards that obligation rules cite.
 *
 * One YAML file holds `instruments:`, a list of {@link Instrument}s; each instrument carries its
 * own `provisions` (articles, clauses, Q&A items). Cross-record checks (unique ids, dangling
 * `supersededBy`, date order) live in `knowledge-base.ts`, not here, so every problem in a file
 * can be reported at once.
 */
import { z } from 'zod';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';

/** How sure we are of a fact (confirmed, derived or unverified against the public source). */
export const VERIFICATION_STATUSES = ['confirmed', 'derived', 'unverified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Legal rank of an instrument. */
export const INSTRUMENT_KINDS = [
  'law',
  'administrative_regulation',
  'departmental_rule',
  'normative_document',
  'national_standard',
  'sector_standard',
  'guidance',
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** Whether this version of the instrument is still the one that applies. */
export const INSTRUMENT_STATUSES = ['in_force', 'amended', 'repealed', 'superseded'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

/** Stable ASCII instrument id: lower-case words joined by hyphens, e.g. `csl-2016`. */
export const InstrumentIdSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lower-case ASCII words joined by "-", e.g. csl-2016',
  );

/**
 * Provision id: the article / clause / question number in ASCII, e.g. `art-21`, `q-6`, `5.4`,
 * `7.2.1.1`, or a descriptive slug (`level-matrix`) where the real clause number is not known.
 */
export const ProvisionIdSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/,
    'must be lower-case ASCII with "." or "-" separators, e.g. art-21, q-6, 5.4',
  );

/** A calendar date written `YYYY-MM-DD`; impossible dates such as 2023-02-30 are rejected. */
export const IsoDateSchema = z.iso.date({
  message: 'must be a real calendar date written YYYY-MM-DD',
});

const text = z.string().trim().min(1, 'must not be empty');

/** Provenance of a record: status plus a short note on what was seen where. */
export const VerificationSchema = z.strictObject({
  status: z.enum(VERIFICATION_STATUSES),
  note: text,
});
export type Verification = z.infer<typeof VerificationSchema>;

/** One citable unit of an instrument, summarised in our own words (zh first, en beside). */
export const ProvisionSchema = z.strictObject({
  id: ProvisionIdSchema,
  labelZh: text,
  labelEn: text,
  summaryZh: text,
  summaryEn: text,
  verification: VerificationSchema,
});
export type Provision = z.infer<typeof ProvisionSchema>;

/** A law, regulation, rule, normative document or standard, one version of it. */
export const InstrumentSchema = z
  .strictObject({
    id: InstrumentIdSchema,
    kind: z.enum(INSTRUMENT_KINDS),
    titleZh: text,
    titleEn: text,
    issuerZh: text,
    issuerEn: text,
    /** 主席令第五十三号, 国务院令第745号, 公网安〔2025〕1846号, GB/T 22240-2020; null if not seen. */
    documentNumber: text.nullable(),
    promulgatedOn: IsoDateSchema.nullable(),
    effectiveFrom: IsoDateSchema.nullable(),
    effectiveTo: IsoDateSchema.nullable(),
    status: z.enum(INSTRUMENT_STATUSES),
    supersededBy: InstrumentIdSchema.nullable(),
    /** Where we read the text (may be a third-party copy); see sourceNote. */
    sourceUrl: z.url({ message: 'must be an absolute URL' }).optional(),
    sourceNote: text.optional(),
    /**
     * The instrument as published by its issuer or an official state site (npc.gov.cn, gov.cn,
     * cac.gov.cn, openstd.samr.gov.cn …); absent where none was found. Never guessed.
     */
    officialUrl: z
      .url({ message: 'must be an absolute URL' })
      .regex(
        /^https?:\/\/([a-z0-9-]+\.)+gov\.cn\//,
        'must be on an official *.gov.cn site; leave it out where none was found',
      )
      .optional(),
    verification: VerificationSchema,
    provisions: z.array(ProvisionSchema),
  })
  .refine(
    (instrument) => instrument.sourceUrl !== undefined || instrument.sourceNote !== undefined,
    {
      message: 'give sourceUrl or sourceNote (where the text was seen)',
      path: ['sourceNote'],
    },
  );
export type Instrument = z.infer<typeof InstrumentSchema>;

/**
 * The shape of one knowledge-base YAML file. Exactly one file of the knowledge base carries the
 * data's `version` and `changelog` (checked in knowledge-base.ts).
 */
export const KnowledgeBaseFileSchema = z.strictObject({
  version: CATALOG_METADATA_FIELDS.version.optional(),
  changelog: CATALOG_METADATA_FIELDS.changelog.optional(),
  instruments: z.array(InstrumentSchema),
});
export type KnowledgeBaseFile = z.infer<typeof KnowledgeBaseFileSchema>;

/**
 * A pointer into the knowledge base: an instrument and, where one applies, a provision.
 * Structurally the same as `Citation` in src/domain/citation.ts.
 */
export const CitationSchema = z.strictObject({
  instrumentId: InstrumentIdSchema,
  provisionId: ProvisionIdSchema.optional(),
});
export type Citation = z.infer<typeof CitationSchema>;
