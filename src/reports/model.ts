/**
 * One document model per report, rendered to both Word (render-docx.ts) and PDF (render-pdf.ts),
 * so the two formats can never disagree. Builders (src/reports/documents/) turn dengbao's data
 * into a {@link ReportDocument}; they know nothing about docx or PDF.
 */

export type Lang = 'zh' | 'en';

/** A piece of inline text; `bold` for emphasis (labels, key figures). */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
}

export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1 = chapter (appears in the table of contents), 2 = section, 3 = subsection. */
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly Run[];
  readonly align?: 'left' | 'center' | 'right' | 'justify';
}

export interface TableColumn {
  readonly header: string;
  /** Relative width (the renderers scale the columns to the page). */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

/** A table whose header row repeats on every page it spans. */
export interface TableBlock {
  readonly kind: 'table';
  readonly caption?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
}

/** A two-column label → value table (basic-information tables, form sheets). */
export interface FieldsBlock {
  readonly kind: 'fields';
  readonly caption?: string;
  readonly rows: readonly (readonly [label: string, value: string])[];
}

export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly string[];
}

export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

/** Where the table of contents goes (built from the level-1 and level-2 headings). */
export interface TocBlock {
  readonly kind: 'toc';
}

/** A picture (topology diagram, logo-sized figure), scaled to fit the text width. */
export interface ImageBlock {
  readonly kind: 'image';
  readonly data: Uint8Array;
  readonly mediaType: 'image/png' | 'image/jpeg';
  readonly caption?: string;
  /** Share of the text width the picture may take (0–1], default 1. */
  readonly maxWidth?: number;
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | TableBlock
  | FieldsBlock
  | ListBlock
  | PageBreakBlock
  | TocBlock
  | ImageBlock;

/** An image the organisation uploaded (its logo on covers). */
export interface ReportImage {
  readonly data: Uint8Array;
  readonly mediaType: 'image/png' | 'image/jpeg';
}

export interface ReportDocument {
  readonly lang: Lang;
  /** File-name stem and document title metadata, e.g. 医院信息系统（HIS）定级报告. */
  readonly title: string;
  /** The cover page: big title, optional subtitle, label → value lines, and the date. */
  readonly cover: {
    readonly title: string;
    readonly subtitle?: string;
    readonly lines: readonly (readonly [label: string, value: string])[];
    /** Printed under the lines; '' prints no date (forms whose dates are lines of their own). */
    readonly date: string;
    /** A label → value line above the title, e.g. 备案表编号 on the filing form. */
    readonly number?: readonly [label: string, value: string];
    /** A line at the foot of the cover, e.g. 中华人民共和国公安部监制. */
    readonly footer?: string;
    /** The organisation's (or agency's) logo above the title. */
    readonly logo?: ReportImage;
  };
  /** Printed diagonally across every page (e.g. 草稿 while an assessment is in progress). */
  readonly watermark?: string;
  /** Running header text on every page after the cover. */
  readonly header: string;
  readonly blocks: readonly Block[];
}

/** Shorthands for builders. */
export const h1 = (text: string): HeadingBlock => ({ kind: 'heading', level: 1, text });
export const h2 = (text: string): HeadingBlock => ({ kind: 'heading', level: 2, text });
export const h3 = (text: string): HeadingBlock => ({ kind: 'heading', level: 3, text });
export const p = (...runs: (string | Run)[]): ParagraphBlock => ({
  kind: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});
export const b = (text: string): Run => ({ text, bold: true });
export const fields = (
  rows: readonly (readonly [string, string])[],
  caption?: string,
): FieldsBlock =>
  caption === undefined ? { kind: 'fields', rows } : { kind: 'fields', rows, caption };
export const table = (
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  caption?: string,
): TableBlock =>
  caption === undefined
    ? { kind: 'table', columns, rows }
    : { kind: 'table', columns, rows, caption };
export const list = (items: readonly string[], ordered = false): ListBlock => ({
  kind: 'list',
  ordered,
  items,
});
export const pageBreak: PageBreakBlock = { kind: 'pageBreak' };
export const toc: TocBlock = { kind: 'toc' };
export const image = (
  data: Uint8Array,
  mediaType: ImageBlock['mediaType'],
  caption?: string,
): ImageBlock =>
  caption === undefined
    ? { kind: 'image', data, mediaType }
    : { kind: 'image', data, mediaType, caption };

/** All visible text of a document, in order (tests compare renderings against it). */
export function documentText(doc: ReportDocument): string[] {
  const out: string[] = [];
  if (doc.cover.number) out.push(...doc.cover.number);
  out.push(doc.cover.title);
  if (doc.cover.subtitle) out.push(doc.cover.subtitle);
  for (const [label, value] of doc.cover.lines) out.push(label, value);
  if (doc.cover.footer) out.push(doc.cover.footer);
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(block.text);
        break;
      case 'paragraph':
        out.push(block.runs.map((r) => r.text).join(''));
        break;
      case 'table':
        if (block.caption) out.push(block.caption);
        out.push(...block.columns.map((c) => c.header), ...block.rows.flat());
        break;
      case 'fields':
        if (block.caption) out.push(block.caption);
        out.push(...block.rows.flat());
        break;
      case 'list':
        out.push(...block.items);
        break;
      case 'image':
        if (block.caption) out.push(block.caption);
        break;
      default:
        break;
    }
  }
  return out.filter((t) => t.length > 0);
}
