/**
 * Renders a {@link ReportDocument} to Word (.docx) with the `docx` library.
 *
 * Layout: A4; a cover section without running header or page number (its footer holds the cover's
 * foot line, e.g. 公安部监制); then one section with the running header and "第 N 页" / "Page N" in
 * the footer, numbered from 1.
 *
 * Watermark (草稿 on drafts): Word's own text watermark (a VML WordArt shape, as Design › Watermark
 * makes, from docx's `docx/watermarks`) in the header of both sections, so it is on every page,
 * the cover included, behind the text; Word can remove it with its Watermark command.
 *
 * Pictures: inline, at 96 px to the inch, scaled down to the text width (or `maxWidth` of it).
 *
 * Table of contents: a real Word TOC field over Heading 1–2 (`\o "1-2" \h`), and the document asks
 * Word/LibreOffice to update fields on open (`updateFields`). docx 9.15 writes the field's cached
 * result from the document's own headings, so the entries are in document.xml even before any
 * update (without page numbers, which only the word processor can know) — the static list and the
 * field are the same thing, and updating the field replaces it instead of duplicating it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ITableCellBorders,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

import { DOCX_FONTS } from './fonts.js';
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
} from './model.js';

/** Half-points, as docx wants: Chinese 字号 names. */
const SIZE = {
  xiaochu: 72, // 小初 36pt
  er: 44, // 二号 22pt
  san: 32, // 三号 16pt
  si: 28, // 四号 14pt
  xiaosi: 24, // 小四 12pt
  wu: 21, // 五号 10.5pt
  xiaowu: 18, // 小五 9pt
} as const;

/** A4 in twips, with 2.54 cm top/bottom and 2.8 cm left/right margins. */
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1588, right: 1588 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Twips per pixel at 96 px to the inch (what ImageRun's transformation is in). */
const TWIPS_PER_PX = 15;
/** The tallest a body picture may be: most of the text height, leaving room for its caption. */
const MAX_IMAGE_PX = Math.floor((PAGE.height - PAGE.top - PAGE.bottom - 1200) / TWIPS_PER_PX);

const BODY_FONT = { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia: DOCX_FONTS.body };
const HEADING_FONT = {
  ascii: DOCX_FONTS.latin,
  hAnsi: DOCX_FONTS.latin,
  eastAsia: DOCX_FONTS.heading,
};

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_LINE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Fixed wording; the page footer is `before` + page number + `after`. */
const LABELS: Record<Lang, { toc: string; before: string; after: string }> = {
  zh: { toc: '目录', before: '第 ', after: ' 页' },
  en: { toc: 'Contents', before: 'Page ', after: '' },
};

const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const;

/** Scales relative widths to twips that add up exactly to `total`. */
function scaleWidths(weights: readonly number[], total: number): number[] {
  const safe = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = safe.reduce((a, w) => a + w, 0);
  const out = safe.map((w) => Math.floor((w / sum) * total));
  const rest = total - out.reduce((a, w) => a + w, 0);
  if (out.length > 0) out[out.length - 1]! += rest;
  return out;
}

/** Paragraph styles for table cells: defined once, so cells carry no run properties. */
const TABLE_TEXT = 'TableText';
const TABLE_HEAD = 'TableHead';

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 60 },
    children: [new TextRun({ text, bold: true, size: SIZE.wu, font: HEADING_FONT })],
  });
}

/*
 * Data and fields tables are written as WordprocessingML strings and spliced into
 * word/document.xml after docx has packed the document, in place of a placeholder paragraph.
 * Why: docx builds an object per XML element, and a 3,000-row appendix (18,000 cells) took
 * 1.5–3 s of CPU to pack; the string path takes tens of milliseconds. The markup is the same that
 * docx writes (fixed layout, tblGrid + tcW, tblHeader on the header row, cantSplit rows).
 */
const PLACEHOLDER = (n: number): string => `@@dengbao-table-${n}@@`;

const escapeXml = (s: string): string =>
  s
    // Characters XML 1.0 forbids.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

const JC = { left: '', center: '<w:jc w:val="center"/>', right: '<w:jc w:val="right"/>' } as const;
const SHADE = '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>';

function cellXml(
  text: string,
  width: number,
  opts: { style: string; align?: 'left' | 'center' | 'right'; shaded?: boolean },
): string {
  const runs = text
    .split(/\r?\n/)
    .map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`)
    .join('<w:br/>');
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${opts.shaded ? SHADE : ''}` +
    `<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${opts.style}"/>${JC[opts.align ?? 'left']}</w:pPr>` +
    `<w:r>${runs}</w:r></w:p></w:tc>`
  );
}

function tableXml(widths: readonly number[], rows: string[]): string {
  const line = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/>` +
    `<w:tblBorders><w:top ${line}/><w:left ${line}/><w:bottom ${line}/><w:right ${line}/>` +
    `<w:insideH ${line}/><w:insideV ${line}/></w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>' +
    '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>' +
    '</w:tblPr><w:tblGrid>' +
    widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
    '</w:tblGrid>' +
    rows.join('') +
    '</w:tbl>'
  );
}

function tableBlockXml(block: TableBlock): string {
  const widths = scaleWidths(
    block.columns.map((c) => c.width),
    TEXT_WIDTH,
  );
  const header =
    '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' +
    block.columns
      .map((c, i) =>
        cellXml(c.header, widths[i]!, { style: TABLE_HEAD, align: 'center', shaded: true }),
      )
      .join('') +
    '</w:tr>';
  const rows = block.rows.map((row) => {
    let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    block.columns.forEach((c, i) => {
      xml += cellXml(row[i] ?? '', widths[i]!, {
        style: TABLE_TEXT,
        ...(c.align ? { align: c.align } : {}),
      });
    });
    return xml + '</w:tr>';
  });
  return tableXml(widths, [header, ...rows]);
}

function fieldsBlockXml(block: FieldsBlock): string {
  const widths = scaleWidths([3, 7], TEXT_WIDTH);
  const rows = block.rows.map(
    ([label, value]) =>
      '<w:tr><w:trPr><w:cantSplit/></w:trPr>' +
      cellXml(label, widths[0]!, { style: TABLE_HEAD, shaded: true }) +
      cellXml(value, widths[1]!, { style: TABLE_TEXT }) +
      '</w:tr>',
  );
  return tableXml(widths, rows);
}

/** Collects table XML while the body is built; each table stands in as a placeholder paragraph. */
class TableSlots {
  readonly xml: string[] = [];
  add(xml: string, captionText: string | undefined): Paragraph[] {
    const n = this.xml.length;
    this.xml.push(xml);
    const out: Paragraph[] = [];
    if (captionText) out.push(caption(captionText));
    out.push(new Paragraph({ children: [new TextRun(PLACEHOLDER(n))] }), spacer());
    return out;
  }

  /**
   * Replaces each placeholder paragraph of document.xml with its table, in one pass (the
   * placeholders come in order; copying the whole XML per table was quadratic in a report with
   * a hundred tables).
   */
  splice(documentXml: string): string {
    const parts: string[] = [];
    let from = 0;
    this.xml.forEach((xml, n) => {
      const at = documentXml.indexOf(PLACEHOLDER(n), from);
      if (at < 0) throw new Error(`renderDocx: table placeholder ${n} is missing`);
      const start = Math.max(
        documentXml.lastIndexOf('<w:p>', at),
        documentXml.lastIndexOf('<w:p ', at),
      );
      const end = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
      parts.push(documentXml.slice(from, start), xml);
      from = end;
    });
    parts.push(documentXml.slice(from));
    return parts.join('');
  }
}

function spacer(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [] });
}

function renderParagraph(block: ParagraphBlock, lang: Lang): Paragraph {
  const align = block.align ?? 'justify';
  return new Paragraph({
    alignment: ALIGN[align],
    // Chinese body text: first line indented two characters.
    ...(lang === 'zh' && align !== 'center' && align !== 'right'
      ? { indent: { firstLineChars: 200 } }
      : {}),
    children: block.runs.map((r) => new TextRun({ text: r.text, bold: r.bold ?? false })),
  });
}

function renderList(block: ListBlock, instance: number): Paragraph[] {
  return block.items.map(
    (item) =>
      new Paragraph({
        numbering: { reference: block.ordered ? 'ordered' : 'bullet', level: 0, instance },
        children: [new TextRun(item)],
      }),
  );
}

function imageRun(image: ReportImage, maxWidthPx: number, maxHeightPx: number): ImageRun {
  const box = fitWithin(imageSize(image), maxWidthPx, maxHeightPx);
  return new ImageRun({
    type: image.mediaType === 'image/png' ? 'png' : 'jpg',
    data: image.data,
    transformation: {
      width: Math.max(1, Math.round(box.width)),
      height: Math.max(1, Math.round(box.height)),
    },
  });
}

function renderImage(block: ImageBlock): Paragraph[] {
  const share = block.maxWidth && block.maxWidth > 0 ? Math.min(block.maxWidth, 1) : 1;
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: Boolean(block.caption),
      spacing: { before: 120, after: 60, line: 240 },
      children: [imageRun(block, (TEXT_WIDTH / TWIPS_PER_PX) * share, MAX_IMAGE_PX)],
    }),
  ];
  // Figures are captioned below (tables above), as Chinese reports set them.
  if (block.caption) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 120 },
        children: [
          new TextRun({ text: block.caption, bold: true, size: SIZE.wu, font: HEADING_FONT }),
        ],
      }),
    );
  }
  return out;
}

/** Word's text watermark: light grey, semi-transparent, diagonal, behind the text. */
function watermarkRun(text: string): TextWatermark {
  return new TextWatermark({
    text,
    font: DOCX_FONTS.heading,
    color: 'BFBFBF',
    opacity: 0.5,
    layout: 'diagonal',
  });
}

function coverChildren(doc: ReportDocument): (Paragraph | Table)[] {
  const { cover } = doc;
  const out: (Paragraph | Table)[] = [];
  if (cover.number) {
    const [label, value] = cover.number;
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 0, after: 0 },
        children: [
          new TextRun({ text: `${label}：`, size: SIZE.si, font: HEADING_FONT }),
          new TextRun({ text: value, size: SIZE.si, underline: {} }),
        ],
      }),
    );
  }
  const titleBefore = cover.logo ? 480 : cover.number ? 3200 : 3600;
  if (cover.logo) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 1800, after: 0, line: 240 },
        children: [imageRun(cover.logo, 240, 120)],
      }),
    );
  }
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: titleBefore, after: 480, line: 360 },
      children: [new TextRun({ text: cover.title, bold: true, size: SIZE.er, font: HEADING_FONT })],
    }),
  );
  if (cover.subtitle) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 1800 },
        children: [new TextRun({ text: cover.subtitle, size: SIZE.san, font: HEADING_FONT })],
      }),
    );
  } else {
    out.push(new Paragraph({ spacing: { after: 1800 }, children: [] }));
  }
  if (cover.lines.length > 0) {
    const widths = [2200, 4200];
    const underline: ITableCellBorders = {
      top: NO_LINE,
      left: NO_LINE,
      right: NO_LINE,
      bottom: LINE,
    };
    const none: ITableCellBorders = {
      top: NO_LINE,
      left: NO_LINE,
      right: NO_LINE,
      bottom: NO_LINE,
    };
    out.push(
      new Table({
        alignment: AlignmentType.CENTER,
        width: { size: widths[0]! + widths[1]!, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: {
          top: NO_LINE,
          bottom: NO_LINE,
          left: NO_LINE,
          right: NO_LINE,
          insideHorizontal: NO_LINE,
          insideVertical: NO_LINE,
        },
        margins: { top: 100, bottom: 60, left: 80, right: 80 },
        rows: cover.lines.map(
          ([label, value]) =>
            new TableRow({
              cantSplit: true,
              children: [
                new TableCell({
                  width: { size: widths[0]!, type: WidthType.DXA },
                  borders: none,
                  verticalAlign: VerticalAlignTable.BOTTOM,
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.DISTRIBUTE,
                      children: [
                        new TextRun({
                          text: label,
                          bold: true,
                          size: SIZE.si,
                          font: HEADING_FONT,
                        }),
                      ],
                    }),
                  ],
                }),
                new TableCell({
                  width: { size: widths[1]!, type: WidthType.DXA },
                  borders: underline,
                  verticalAlign: VerticalAlignTable.BOTTOM,
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ text: value, size: SIZE.si })],
                    }),
                  ],
                }),
              ],
            }),
        ),
      }),
    );
  }
  if (cover.date !== '') {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 2400 },
        children: [new TextRun({ text: cover.date, size: SIZE.si, font: HEADING_FONT })],
      }),
    );
  }
  return out;
}

/** The cover's footer: its foot line (e.g. 中华人民共和国公安部监制), without a page number. */
function coverFooter(doc: ReportDocument): Footer | undefined {
  if (!doc.cover.footer) return undefined;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [
          new TextRun({ text: doc.cover.footer, bold: true, size: SIZE.si, font: HEADING_FONT }),
        ],
      }),
    ],
  });
}

function bodyChildren(
  doc: ReportDocument,
  slots: TableSlots,
): (Paragraph | Table | TableOfContents)[] {
  const out: (Paragraph | Table | TableOfContents)[] = [];
  let listInstance = 0;
  const blocks: readonly Block[] = doc.blocks;
  blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'heading':
        out.push(
          new Paragraph({
            heading: HEADING_LEVELS[block.level],
            children: [new TextRun(block.text)],
          }),
        );
        break;
      case 'paragraph':
        out.push(renderParagraph(block, doc.lang));
        break;
      case 'table':
        out.push(...slots.add(tableBlockXml(block), block.caption));
        break;
      case 'fields':
        out.push(...slots.add(fieldsBlockXml(block), block.caption));
        break;
      case 'list':
        listInstance += 1;
        out.push(...renderList(block, listInstance));
        break;
      case 'pageBreak':
        out.push(pageBreakParagraph());
        break;
      case 'image':
        out.push(...renderImage(block));
        break;
      case 'toc':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 360 },
            children: [
              new TextRun({
                text: LABELS[doc.lang].toc,
                bold: true,
                size: SIZE.san,
                font: HEADING_FONT,
              }),
            ],
          }),
          new TableOfContents(LABELS[doc.lang].toc, { hyperlink: true, headingStyleRange: '1-2' }),
        );
        // The contents stand on their own page(s), as in the PDF: what follows starts a new page.
        if (i + 1 < blocks.length && blocks[i + 1]!.kind !== 'pageBreak') {
          out.push(pageBreakParagraph());
        }
        break;
      default:
        break;
    }
  });
  return out;
}

function pageBreakParagraph(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const { before, after } = LABELS[doc.lang];
  const slots = new TableSlots();
  const pageSetup = {
    size: { width: PAGE.width, height: PAGE.height },
    margin: {
      top: PAGE.top,
      bottom: PAGE.bottom,
      left: PAGE.left,
      right: PAGE.right,
      header: 851,
      footer: 851,
    },
  };
  const language = doc.lang === 'zh' ? { value: 'en-US', eastAsia: 'zh-CN' } : { value: 'en-US' };
  const headingStyle = (size: number, before: number, afterSp: number) => ({
    run: { font: HEADING_FONT, size, bold: true, color: '000000' },
    paragraph: { spacing: { before, after: afterSp, line: 360 }, keepNext: true, keepLines: true },
  });

  const coverFooterPart = coverFooter(doc);
  const document = new Document({
    creator: 'dengbao',
    title: doc.title,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: SIZE.xiaosi, language },
          paragraph: { spacing: { line: 360, before: 0, after: 60 } },
        },
        heading1: headingStyle(SIZE.san, 240, 240),
        heading2: headingStyle(SIZE.si, 200, 120),
        heading3: headingStyle(SIZE.xiaosi, 120, 60),
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: 'Table Text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: SIZE.wu },
          paragraph: { spacing: { line: 276, before: 0, after: 0 } },
        },
        {
          id: TABLE_HEAD,
          name: 'Table Heading',
          basedOn: TABLE_TEXT,
          quickFormat: true,
          run: { font: HEADING_FONT, bold: true },
          paragraph: { keepNext: true },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
        {
          reference: 'bullet',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: pageSetup },
        ...(doc.watermark
          ? {
              headers: {
                default: new Header({
                  children: [new Paragraph({ children: [watermarkRun(doc.watermark)] })],
                }),
              },
            }
          : {}),
        ...(coverFooterPart ? { footers: { default: coverFooterPart } } : {}),
        children: coverChildren(doc),
      },
      {
        properties: {
          type: SectionType.NEXT_PAGE,
          page: { ...pageSetup, pageNumbers: { start: 1 } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                border: {
                  bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 },
                },
                children: [
                  ...(doc.watermark ? [watermarkRun(doc.watermark)] : []),
                  new TextRun({ text: doc.header, size: SIZE.xiaowu }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: SIZE.xiaowu,
                    children: [before, PageNumber.CURRENT, ...(after ? [after] : [])],
                  }),
                ],
              }),
            ],
          }),
        },
        children: bodyChildren(doc, slots),
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  if (slots.xml.length === 0) return packed;
  const files = unzipSync(new Uint8Array(packed));
  const documentXml = files['word/document.xml'];
  if (!documentXml) throw new Error('renderDocx: word/document.xml is missing');
  files['word/document.xml'] = strToU8(slots.splice(strFromU8(documentXml)));
  return Buffer.from(zipSync(files, { level: 6 }));
}
