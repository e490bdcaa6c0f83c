/**
 * Renders a {@link ReportDocument} to PDF with pdfkit, embedding Noto Sans SC (see fonts.ts) so
 * Chinese renders without system fonts.
 *
 * One pass with `bufferPages`: the cover is page 1 (no header, footer or number); body pages are
 * numbered from 1. At the `toc` block the renderer reserves exactly as many pages as the contents
 * need (every entry is known in advance: the level-1/2 headings), lays out the rest while noting
 * the page of each heading, then goes back and writes the contents with the real page numbers,
 * and finally the running header and the "第 N 页 / 共 M 页" footer on every body page.
 *
 * A watermark (草稿 on drafts) is drawn last on every page, the cover included: large light-grey
 * text at 45°, semi-transparent so the page stays readable.
 *
 * Tables are drawn cell by cell: rows never split, a row that does not fit starts a new page, and
 * the header row is drawn again at the top of every page the table spans.
 */
import type PDFDocumentType from 'pdfkit';

import { pdfFontData } from './fonts.js';
import { fitWithin, imageSize } from './image-size.js';
import type {
  Block,
  FieldsBlock,
  ImageBlock,
  Lang,
  ListBlock,
  ParagraphBlock,
  ReportDocument,
  ReportImage,
  TableBlock,
  TableColumn,
} from './model.js';

type Pdf = PDFKit.PDFDocument;

const REGULAR = 'NotoSansSC-Regular';
const BOLD = 'NotoSansSC-Bold';

/** A4 in points, and margins (the header and footer sit inside the top and bottom margins). */
const MARGINS = { top: 76, bottom: 68, left: 64, right: 64 };
const HEADER_Y = 38;
const FOOTER_GAP = 44; // footer text top, measured up from the page bottom

const SIZE = { body: 10.5, table: 9, h1: 16, h2: 13.5, h3: 11.5, header: 8.5, toc: 11 } as const;
const LINE_GAP = { body: 4, table: 1.5 } as const;
const CELL_PAD = 4;
const HEADER_FILL = '#E7E6E6';
const COVER_PAGES = 1;

const LABELS: Record<
  Lang,
  { toc: string; page: (n: number, total: number) => string; bullet: string }
> = {
  zh: { toc: '目录', page: (n, m) => `第 ${n} 页 / 共 ${m} 页`, bullet: '•' },
  en: { toc: 'Contents', page: (n, m) => `Page ${n} of ${m}`, bullet: '•' },
};

/** A table cell's text broken into lines at the table size (see {@link wrapCell}). */
interface Measure {
  readonly height: number;
  readonly lines: readonly { readonly text: string; readonly width: number }[];
}

/** Characters a line must not start with (closing punctuation), Chinese and Latin. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉…—·,.;:?!)]}%’”']);
/** A run that stays together on a line: a Latin word, a number, an address or identifier. */
const WORD = /[A-Za-z0-9\u00C0-\u024F'’._\-/:@#%+=~&]+|\s+|[\s\S]/gu;

/** Whether column i is set in bold (header rows, the label column of fields tables). */
type Bold = (i: number) => boolean;

interface TocEntry {
  readonly level: 1 | 2;
  readonly text: string;
  /** Index of the buffered page the heading landed on; set during layout. */
  page: number;
  readonly dest: string;
}

/** Scales relative widths to points that add up to `total`. */
function scale(weights: readonly number[], total: number): number[] {
  const safe = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = safe.reduce((a, w) => a + w, 0);
  return safe.map((w) => (w / sum) * total);
}

// pdfkit (with fontkit) is loaded when the first PDF is rendered, not at server start.
let PDFDocument: typeof PDFDocumentType;

class PdfRenderer {
  private readonly pdf: Pdf;
  private readonly labels: (typeof LABELS)[Lang];
  private readonly toc: TocEntry[] = [];
  private nextToc = 0;
  private tocStart = -1;
  private tocPages = 0;
  private outline: PDFKit.PDFOutline | undefined;
  private readonly measures = new Map<string, Measure>();
  private readonly regularWidths = new Map<string, number>();
  private readonly boldWidths = new Map<string, number>();

  constructor(private readonly doc: ReportDocument) {
    this.labels = LABELS[doc.lang];
    const fonts = pdfFontData();
    this.pdf = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true,
      autoFirstPage: true,
      lang: doc.lang === 'zh' ? 'zh-CN' : 'en-US',
      displayTitle: true,
      info: {
        Title: doc.title,
        Author: 'dengbao',
        Creator: 'dengbao',
        ...(doc.cover.subtitle ? { Subject: doc.cover.subtitle } : {}),
      },
    });
    this.pdf.registerFont(REGULAR, fonts.regular);
    this.pdf.registerFont(BOLD, fonts.bold);
    this.pdf.font(REGULAR).fontSize(SIZE.body);
    for (const block of doc.blocks) {
      if (block.kind === 'heading' && block.level <= 2) {
        this.toc.push({
          level: block.level as 1 | 2,
          text: block.text,
          page: -1,
          dest: `h${this.toc.length + 1}`,
        });
      }
    }
  }

  render(): Promise<Buffer> {
    const pdf = this.pdf;
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      pdf.on('data', (c: Buffer) => chunks.push(c));
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
    });
    this.cover();
    pdf.addPage();
    const blocks = this.doc.blocks;
    blocks.forEach((block, i) => this.block(block, blocks[i + 1]));
    if (this.tocStart >= 0) this.layoutToc(true);
    this.headersAndFooters();
    if (this.doc.watermark) this.watermark(this.doc.watermark);
    pdf.end();
    return done;
  }

  // ---- geometry -------------------------------------------------------------------------------

  private get left(): number {
    return this.pdf.page.margins.left;
  }
  private get width(): number {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }
  private get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }
  private get top(): number {
    return this.pdf.page.margins.top;
  }
  private get pageIndex(): number {
    const r = this.pdf.bufferedPageRange();
    return r.start + r.count - 1;
  }
  private isFresh(): boolean {
    return this.pdf.y <= this.top + 0.5;
  }
  private newPage(): void {
    this.pdf.addPage();
  }
  /** Starts a new page unless `height` more points fit on this one (or it is still empty). */
  private ensure(height: number): void {
    if (!this.isFresh() && this.pdf.y + height > this.bottom) this.newPage();
  }

  // ---- blocks ---------------------------------------------------------------------------------

  private block(block: Block, next: Block | undefined): void {
    switch (block.kind) {
      case 'heading':
        this.heading(block.level, block.text, next?.kind === 'heading');
        break;
      case 'paragraph':
        this.paragraph(block);
        break;
      case 'table':
        this.table(block);
        break;
      case 'fields':
        this.fields(block);
        break;
      case 'list':
        this.list(block);
        break;
      case 'pageBreak':
        if (!this.isFresh()) this.newPage();
        break;
      case 'toc':
        this.reserveToc();
        break;
      case 'image':
        this.image(block);
        break;
      default:
        break;
    }
  }

  private cover(): void {
    const pdf = this.pdf;
    const { cover } = this.doc;
    const left = this.left;
    const width = this.width;
    if (cover.number) {
      const [label, value] = cover.number;
      pdf.font(REGULAR).fontSize(12);
      const valueW = Math.max(120, pdf.widthOfString(value) + 16);
      pdf.font(BOLD);
      const labelText = `${label}：`;
      const labelW = pdf.widthOfString(labelText);
      const x = left + width - valueW - labelW;
      pdf.text(labelText, x, this.top, { lineBreak: false });
      pdf.font(REGULAR).text(value, x + labelW, this.top, { width: valueW, align: 'center' });
      const lineY = this.top + pdf.currentLineHeight(true) + 1;
      pdf
        .moveTo(x + labelW, lineY)
        .lineTo(x + labelW + valueW, lineY)
        .lineWidth(0.6)
        .stroke('#000000');
    }
    let titleY = 200;
    if (cover.logo) {
      const placed = this.placeImage(cover.logo, left + width / 2, 130, 180, 90, 'center');
      titleY = Math.max(titleY, 130 + placed + 30);
    }
    // The biggest size (24 down to 20 pt) at which the title fits one line; else 24 pt, wrapped.
    let size = 24;
    pdf.font(BOLD);
    while (size > 20 && pdf.fontSize(size).widthOfString(cover.title) > width) size -= 1;
    if (pdf.widthOfString(cover.title) > width) size = 24;
    pdf.fontSize(size).text(cover.title, left, titleY, { width, align: 'center', lineGap: 6 });
    if (cover.subtitle) {
      pdf.moveDown(0.6);
      pdf.font(REGULAR).fontSize(15).text(cover.subtitle, left, pdf.y, { width, align: 'center' });
    }
    const labelW = 110;
    const valueW = 230;
    const x0 = left + (width - labelW - valueW) / 2;
    let y = Math.max(pdf.y + 90, 420);
    for (const [label, value] of cover.lines) {
      pdf.font(BOLD).fontSize(12);
      const lh = Math.max(
        pdf.heightOfString(label, { width: labelW }),
        pdf.font(REGULAR).heightOfString(value, { width: valueW }),
      );
      pdf.font(BOLD).text(label, x0, y, { width: labelW, align: 'left', lineBreak: true });
      pdf.font(REGULAR).text(value, x0 + labelW, y, { width: valueW, align: 'center' });
      pdf
        .moveTo(x0 + labelW, y + lh + 2)
        .lineTo(x0 + labelW + valueW, y + lh + 2)
        .lineWidth(0.6)
        .stroke('#000000');
      y += lh + 16;
    }
    const footerY = this.pdf.page.height - 110;
    if (cover.date !== '') {
      pdf.font(BOLD).fontSize(13);
      const dateY = Math.max(y + 40, pdf.page.height - 170);
      pdf.text(cover.date, left, dateY, { width, align: 'center', lineBreak: false });
      y = dateY + 20;
    }
    if (cover.footer) {
      pdf.font(BOLD).fontSize(14);
      // At the foot of the cover, below whatever the lines and date took.
      const saved = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.text(cover.footer, left, Math.max(y + 24, footerY), {
        width,
        align: 'center',
        lineBreak: false,
      });
      pdf.page.margins.bottom = saved;
    }
  }

  /**
   * Draws a picture scaled down to `maxW` × `maxH` with its top at `y`, horizontally centred on
   * `x` (align 'center') or starting at it; returns the height it took.
   */
  private placeImage(
    image: ReportImage,
    x: number,
    y: number,
    maxW: number,
    maxH: number,
    align: 'center' | 'left',
  ): number {
    const box = fitWithin(imageSize(image), maxW, maxH);
    const data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    const at = align === 'center' ? x - box.width / 2 : x;
    this.pdf.image(data, at, y, { width: box.width, height: box.height });
    return box.height;
  }

  /** A body picture, scaled to the text width (or its `maxWidth` share), captioned below. */
  private image(block: ImageBlock): void {
    const pdf = this.pdf;
    const share = block.maxWidth && block.maxWidth > 0 ? Math.min(block.maxWidth, 1) : 1;
    pdf.font(BOLD).fontSize(SIZE.body);
    const captionH = block.caption
      ? pdf.heightOfString(block.caption, { width: this.width }) + 6
      : 0;
    const maxH = this.bottom - this.top - captionH - 12;
    // Pixels at 96 to the inch are 0.75 pt: a small picture keeps its size, a large one shrinks.
    const natural = imageSize(block);
    const box = fitWithin(
      { width: natural.width * 0.75, height: natural.height * 0.75 },
      this.width * share,
      maxH,
    );
    this.ensure(box.height + captionH + 8);
    pdf.y += 4;
    const data = Buffer.from(block.data.buffer, block.data.byteOffset, block.data.byteLength);
    pdf.image(data, this.left + (this.width - box.width) / 2, pdf.y, {
      width: box.width,
      height: box.height,
    });
    pdf.y += box.height + 4;
    if (block.caption) {
      pdf.font(BOLD).fontSize(SIZE.body);
      pdf.text(block.caption, this.left, pdf.y, { width: this.width, align: 'center' });
    }
    pdf.font(REGULAR).fontSize(SIZE.body);
    pdf.x = this.left;
    pdf.y += 8;
  }

  /** Large light-grey text at 45° across the middle of every page, under 20 % opacity. */
  private watermark(text: string): void {
    const pdf = this.pdf;
    const { start, count } = pdf.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      pdf.switchToPage(i);
      const { width, height } = pdf.page;
      const saved = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.font(BOLD);
      // As large as fits along the diagonal's middle part, at most 120 pt.
      let size = 120;
      while (size > 24 && pdf.fontSize(size).widthOfString(text) > width * 0.9) size -= 4;
      pdf.fontSize(size);
      const w = pdf.widthOfString(text);
      const h = pdf.currentLineHeight();
      pdf.save();
      pdf.rotate(-45, { origin: [width / 2, height / 2] });
      pdf.fillColor('#9E9E9E').fillOpacity(0.18);
      pdf.text(text, width / 2 - w / 2, height / 2 - h / 2, { lineBreak: false });
      pdf.restore();
      pdf.fillColor('#000000').fillOpacity(1);
      pdf.page.margins.bottom = saved;
    }
  }

  private heading(level: 1 | 2 | 3, text: string, nextIsHeading: boolean): void {
    const pdf = this.pdf;
    const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
    const before = level === 1 ? 14 : level === 2 ? 10 : 6;
    const after = level === 1 ? 8 : 5;
    pdf.font(BOLD).fontSize(size);
    const h = pdf.heightOfString(text, { width: this.width });
    // Keep with next: the heading plus about three body lines (and the next heading, if any).
    const next = 3 * (SIZE.body * 1.45 + LINE_GAP.body) + (nextIsHeading ? 2 * SIZE.h2 + 16 : 0);
    this.ensure(before + h + after + next);
    if (!this.isFresh()) pdf.y += before;
    if (level <= 2) {
      const entry = this.toc[this.nextToc++];
      if (entry) {
        entry.page = this.pageIndex;
        pdf.addNamedDestination(entry.dest, 'FitH', pdf.page.height - pdf.y + 4);
      }
    }
    // Bookmarks panel: chapters, with their sections nested.
    if (level === 1) this.outline = pdf.outline.addItem(text);
    else if (level === 2) (this.outline ?? pdf.outline).addItem(text);
    pdf.text(text, this.left, pdf.y, { width: this.width, align: 'left' });
    pdf.y += after;
  }

  private paragraph(block: ParagraphBlock): void {
    const pdf = this.pdf;
    // pdfkit justifies by stretching spaces only, which tears apart Chinese lines with a little
    // Latin in them; Chinese text is set flush left instead (CJK lines are nearly full anyway).
    const wanted = block.align ?? 'justify';
    const align = wanted === 'justify' && this.doc.lang === 'zh' ? 'left' : wanted;
    const indent =
      this.doc.lang === 'zh' && (align === 'left' || align === 'justify') ? 2 * SIZE.body : 0;
    const runs = block.runs.filter((r) => r.text.length > 0);
    if (runs.length === 0) return;
    pdf.fontSize(SIZE.body);
    this.ensure(SIZE.body * 1.5 + LINE_GAP.body);
    pdf.x = this.left;
    runs.forEach((run, i) => {
      pdf.font(run.bold ? BOLD : REGULAR);
      const options: PDFKit.Mixins.TextOptions = {
        width: this.width,
        align,
        lineGap: LINE_GAP.body,
        continued: i < runs.length - 1,
      };
      if (i === 0) {
        options.indent = indent;
        pdf.text(run.text, this.left, pdf.y, options);
      } else {
        pdf.text(run.text, options);
      }
    });
    pdf.y += 5;
  }

  private list(block: ListBlock): void {
    const pdf = this.pdf;
    pdf.fontSize(SIZE.body);
    const markerW = block.ordered ? 22 : 14;
    const x = this.left + 2 * SIZE.body;
    const width = this.width - (x - this.left) - markerW;
    block.items.forEach((item, i) => {
      pdf.font(REGULAR);
      const h = pdf.heightOfString(item, { width, lineGap: LINE_GAP.body });
      this.ensure(Math.min(h, SIZE.body * 3));
      const y = pdf.y;
      const marker = block.ordered ? `${i + 1}.` : this.labels.bullet;
      pdf.text(marker, x, y, { width: markerW, lineBreak: false });
      pdf.text(item, x + markerW, y, { width, lineGap: LINE_GAP.body, align: 'left' });
    });
    pdf.x = this.left;
    pdf.y += 5;
  }

  private caption(text: string, reserve: number): void {
    const pdf = this.pdf;
    pdf.font(BOLD).fontSize(SIZE.body);
    const h = pdf.heightOfString(text, { width: this.width });
    this.ensure(h + 4 + reserve);
    pdf.text(text, this.left, pdf.y, { width: this.width, align: 'center' });
    pdf.y += 3;
  }

  private table(block: TableBlock): void {
    this.grid(block.columns, block.rows, block.caption, true, false);
  }

  private fields(block: FieldsBlock): void {
    this.grid(
      [
        { header: '', width: 3 },
        { header: '', width: 7 },
      ],
      block.rows,
      block.caption,
      false,
      true,
    );
  }

  /** Advance width of one character at the table size, cached per font. */
  private charWidth(ch: string, bold: boolean): number {
    const cache = bold ? this.boldWidths : this.regularWidths;
    let w = cache.get(ch);
    if (w === undefined) {
      w = this.pdf.widthOfString(ch);
      cache.set(ch, w);
    }
    return w;
  }

  /**
   * Breaks a cell's text into lines of at most `width` (our own line breaking, cached per render:
   * measuring and drawing then lay the text out once, not twice through pdfkit's line wrapper —
   * the long problem and record cells of a 40-object report made that the renderer's main cost).
   * Chinese breaks between any two characters except before closing punctuation; a Latin word,
   * number or address stays whole unless it alone is wider than the cell; spaces at a break go.
   * Widths add up per character, so a line is measured against 99 % of the width (kerning).
   */
  private measure(text: string, bold: boolean, width: number): Measure {
    const key = `${bold ? 'b' : 'r'}${width.toFixed(2)}|${text}`;
    let m = this.measures.get(key);
    if (m) return m;
    const pdf = this.pdf;
    pdf.font(bold ? BOLD : REGULAR).fontSize(SIZE.table);
    const lineH = pdf.currentLineHeight(true) + LINE_GAP.table;
    const limit = width * 0.99;
    const lines: { text: string; width: number }[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      let lineW = 0;
      const push = () => {
        const trimmed = line.replace(/\s+$/u, '');
        lines.push({
          text: trimmed,
          width: trimmed === line ? lineW : this.textWidth(trimmed, bold),
        });
        line = '';
        lineW = 0;
      };
      for (const token of paragraph.match(WORD) ?? []) {
        const space = /^\s+$/u.test(token);
        if (space && line === '') continue; // no space at a line start
        const tokenW = this.textWidth(token, bold);
        if (lineW + tokenW <= limit || space) {
          line += token;
          lineW += tokenW;
          continue;
        }
        if (tokenW <= limit) {
          // Closing punctuation stays with the character before it (moved down together).
          if (token.length === 1 && NO_LINE_START.has(token) && line.length > 1) {
            const last = [...line].pop()!;
            line = line.slice(0, line.length - last.length);
            lineW -= this.charWidth(last, bold);
            push();
            line = last + token;
            lineW = this.charWidth(last, bold) + tokenW;
          } else {
            if (line !== '') push();
            line = token;
            lineW = tokenW;
          }
          continue;
        }
        // A word wider than the cell: broken between characters.
        for (const ch of token) {
          const w = this.charWidth(ch, bold);
          if (lineW + w > limit && line !== '') push();
          line += ch;
          lineW += w;
        }
      }
      push();
    }
    m = { height: Math.max(1, lines.length) * lineH, lines };
    this.measures.set(key, m);
    return m;
  }

  private textWidth(text: string, bold: boolean): number {
    let w = 0;
    for (const ch of text) w += this.charWidth(ch, bold);
    return w;
  }

  /** The height of one row: its tallest cell plus padding. */
  private rowHeight(cells: readonly string[], widths: readonly number[], bold: Bold): number {
    let max = 0;
    cells.forEach((cell, i) => {
      const h = this.measure(cell, bold(i), widths[i]! - 2 * CELL_PAD).height;
      if (h > max) max = h;
    });
    return max + 2 * CELL_PAD;
  }

  private drawRow(
    cells: readonly string[],
    widths: readonly number[],
    aligns: readonly ('left' | 'center' | 'right')[],
    y: number,
    height: number,
    bold: Bold,
  ): void {
    const pdf = this.pdf;
    let x = this.left;
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      const isBold = bold(i);
      if (isBold) pdf.rect(x, y, w, height).fill(HEADER_FILL).fillColor('#000000');
      pdf.rect(x, y, w, height).stroke();
      if (cell.length > 0) {
        const inner = w - 2 * CELL_PAD;
        const m = this.measure(cell, isBold, inner);
        const align = aligns[i] ?? 'left';
        // Cells are centred vertically, as in the Word rendering.
        let top = y + CELL_PAD + Math.max(0, (height - 2 * CELL_PAD - m.height) / 2);
        const lineH = m.height / Math.max(1, m.lines.length);
        const room = Math.max(1, Math.floor((height - 2 * CELL_PAD + 0.5) / lineH));
        pdf.font(isBold ? BOLD : REGULAR);
        m.lines.slice(0, room).forEach((line, k) => {
          // A row taller than a page is cut at the page: its last line ends with an ellipsis.
          const text = k === room - 1 && m.lines.length > room ? `${line.text}…` : line.text;
          if (text.length > 0) {
            const dx =
              align === 'center'
                ? (inner - line.width) / 2
                : align === 'right'
                  ? inner - line.width
                  : 0;
            pdf.text(text, x + CELL_PAD + Math.max(0, dx), top, { lineBreak: false });
          }
          top += lineH;
        });
      }
      x += w;
    });
  }

  private grid(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    caption: string | undefined,
    withHeader: boolean,
    firstColBold: boolean,
  ): void {
    const pdf = this.pdf;
    const widths = scale(
      columns.map((c) => c.width),
      this.width,
    );
    const aligns = columns.map((c) => c.align ?? 'left');
    const bodyBold: Bold = firstColBold ? (i) => i === 0 : () => false;
    const headBold: Bold = () => true;
    const headers = columns.map((c) => c.header);
    const headAligns = columns.map(() => 'center' as const);
    const headerH = withHeader ? this.rowHeight(headers, widths, headBold) : 0;
    const norm = (row: readonly string[]): string[] => columns.map((_, i) => row[i] ?? '');
    const firstH = rows.length > 0 ? this.rowHeight(norm(rows[0]!), widths, bodyBold) : 0;
    if (caption) {
      this.caption(caption, headerH + firstH);
      pdf.fontSize(SIZE.table);
    } else {
      this.ensure(headerH + firstH);
    }
    const maxRow = this.bottom - this.top - headerH;
    pdf.fontSize(SIZE.table).fillColor('#000000').strokeColor('#000000').lineWidth(0.5);
    let y = pdf.y;
    const header = (): void => {
      if (!withHeader) return;
      this.drawRow(headers, widths, headAligns, y, headerH, headBold);
      y += headerH;
    };
    header();
    for (const raw of rows) {
      const cells = norm(raw);
      const h = Math.min(this.rowHeight(cells, widths, bodyBold), maxRow);
      if (y + h > this.bottom) {
        this.newPage();
        pdf.fontSize(SIZE.table).fillColor('#000000').strokeColor('#000000').lineWidth(0.5);
        y = this.top;
        header();
      }
      this.drawRow(cells, widths, aligns, y, h, bodyBold);
      y += h;
    }
    pdf.font(REGULAR).fontSize(SIZE.body);
    pdf.x = this.left;
    pdf.y = y + 10;
  }

  // ---- table of contents ----------------------------------------------------------------------

  private reserveToc(): void {
    if (this.tocStart >= 0) return; // one table of contents per document
    if (!this.isFresh()) this.newPage();
    this.tocStart = this.pageIndex;
    this.tocPages = this.layoutToc(false);
    for (let i = 1; i < this.tocPages; i++) this.newPage();
    // The contents stand on their own page(s): what follows starts a new page.
    this.newPage();
  }

  /** Lays out the contents from page `tocStart`; draws them when `draw`. Returns the page count. */
  private layoutToc(draw: boolean): number {
    const pdf = this.pdf;
    const numW = 36;
    let page = this.tocStart;
    if (draw) pdf.switchToPage(page);
    let y = this.top;
    pdf.font(BOLD).fontSize(SIZE.h1);
    if (draw) pdf.text(this.labels.toc, this.left, y, { width: this.width, align: 'center' });
    y += pdf.heightOfString(this.labels.toc, { width: this.width }) + 18;
    let pages = 1;
    for (const entry of this.toc) {
      const indent = entry.level === 1 ? 0 : 2 * SIZE.toc;
      const textW = this.width - indent - numW - 8;
      pdf.font(entry.level === 1 ? BOLD : REGULAR).fontSize(SIZE.toc);
      const h = pdf.heightOfString(entry.text, { width: textW, lineGap: 2 });
      if (y + h > this.bottom) {
        pages += 1;
        page += 1;
        if (draw) pdf.switchToPage(page);
        y = this.top;
      }
      if (draw) {
        const x = this.left + indent;
        pdf.text(entry.text, x, y, {
          width: textW,
          lineGap: 2,
          height: h + 2,
          goTo: entry.dest,
        });
        const pageNo = String(entry.page - COVER_PAGES + 1);
        const lineH = pdf.currentLineHeight(true);
        const lastY = y + h - lineH - 2;
        const textEnd = h > lineH + 3 ? x : x + Math.min(pdf.widthOfString(entry.text), textW);
        const dotsFrom = textEnd + 4;
        const dotsTo = this.left + this.width - numW - 2;
        if (dotsTo > dotsFrom) {
          pdf
            .save()
            .moveTo(dotsFrom, lastY + lineH * 0.8)
            .lineTo(dotsTo, lastY + lineH * 0.8)
            .lineWidth(0.8)
            .dash(0.8, { space: 2.4 })
            .stroke('#555555')
            .restore();
          pdf.undash();
        }
        pdf.font(REGULAR).text(pageNo, this.left + this.width - numW, lastY, {
          width: numW,
          align: 'right',
          lineBreak: false,
        });
      }
      y += h + (entry.level === 1 ? 7 : 4);
    }
    return pages;
  }

  // ---- header, footer -------------------------------------------------------------------------

  private headersAndFooters(): void {
    const pdf = this.pdf;
    const { start, count } = pdf.bufferedPageRange();
    const total = count - COVER_PAGES;
    for (let i = start + COVER_PAGES; i < start + count; i++) {
      pdf.switchToPage(i);
      // Write into the margins without pdfkit starting a new page.
      const saved = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.font(REGULAR).fontSize(SIZE.header).fillColor('#333333');
      pdf.text(this.doc.header, this.left, HEADER_Y, {
        width: this.width,
        align: 'center',
        lineBreak: false,
        height: SIZE.header * 2,
        ellipsis: true,
      });
      pdf
        .moveTo(this.left, HEADER_Y + SIZE.header * 1.6 + 2)
        .lineTo(this.left + this.width, HEADER_Y + SIZE.header * 1.6 + 2)
        .lineWidth(0.6)
        .stroke('#000000');
      pdf.text(
        this.labels.page(i - start - COVER_PAGES + 1, total),
        this.left,
        pdf.page.height - FOOTER_GAP,
        { width: this.width, align: 'center', lineBreak: false },
      );
      pdf.fillColor('#000000');
      pdf.page.margins.bottom = saved;
    }
  }
}

export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  PDFDocument ??= (await import('pdfkit')).default;
  return new PdfRenderer(doc).render();
}
