/**
 * Wire shapes of the document template (文书模板): the blocks of the documents an organisation
 * may reword in Chinese and English, and its logo. Used by the server, the CLI file and the web.
 */
import { z } from 'zod';

/** Characters of a multi-line block (a 声明 runs to a few paragraphs). */
export const TEMPLATE_TEXT_MAX = 4000;
/** Characters of a single-line block (a cover line, an agency's address). */
export const TEMPLATE_LINE_MAX = 200;
/** The logo file: at most this many bytes … */
export const LOGO_MAX_BYTES = 512 * 1024;
/** … and pixels on either side (a cover logo is printed a few centimetres wide). */
export const LOGO_MAX_PIXELS = 2000;
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoMediaType = (typeof LOGO_MEDIA_TYPES)[number];

export const TEMPLATE_LANGS = ['zh', 'en'] as const;
export type TemplateLang = (typeof TEMPLATE_LANGS)[number];

/**
 * PUT …/document-template/blocks/:key: the text per language; a language left out stays as it
 * is, an empty text goes back to the default. `version` is the block's as read (0 when never
 * set).
 */
export const TemplateBlockInputSchema = z
  .object({
    zh: z
      .string()
      .max(TEMPLATE_TEXT_MAX * 2)
      .optional(),
    en: z
      .string()
      .max(TEMPLATE_TEXT_MAX * 2)
      .optional(),
    version: z.number().int().min(0),
  })
  .strict();
export type TemplateBlockInput = z.infer<typeof TemplateBlockInputSchema>;

/**
 * The file of `dengbao template export|import`: blocks by key with their text per language
 * (an empty or absent language is the default), and optionally the logo.
 */
export const TemplateFileSchema = z
  .object({
    blocks: z
      .record(
        z.string().max(120),
        z
          .object({
            zh: z.string().nullable().optional(),
            en: z.string().nullable().optional(),
          })
          .strict(),
      )
      .default({}),
    logo: z
      .object({
        mediaType: z.enum(LOGO_MEDIA_TYPES),
        base64: z.string().max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 16),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type TemplateFile = z.infer<typeof TemplateFileSchema>;

/** One block as GET …/document-template shows it. */
export interface TemplateBlockDto {
  /** `<document>.<block>`. */
  key: string;
  label: { zh: string; en: string };
  defaults: { zh: string; en: string };
  multiline: boolean;
  /** The most characters a text may have. */
  maxLength: number;
  /** The organisation's text per language; null = the default. */
  zh: string | null;
  en: string | null;
  /** 0 until first set; send it back with a change. */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Only one language is reworded: the documents in zh and en no longer say the same. */
  oneLanguageOnly: boolean;
}

export interface TemplateDocumentDto {
  /** The first part of the block keys, e.g. `assessment`. */
  document: string;
  label: { zh: string; en: string };
  blocks: TemplateBlockDto[];
}

export interface LogoDto {
  mediaType: LogoMediaType;
  size: number;
  width: number;
  height: number;
  sm3: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface DocumentTemplateDto {
  documents: TemplateDocumentDto[];
  logo: LogoDto | null;
  /** Blocks reworded in one language only (keys). */
  oneLanguageOnly: string[];
  limits: { textMax: number; lineMax: number; logoMaxBytes: number; logoMaxPixels: number };
}
