import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';

import { strFromU8, unzipSync } from 'fflate';

import {
  b,
  documentText,
  fields,
  h1,
  h2,
  h3,
  image,
  list,
  p,
  pageBreak,
  table,
  toc,
  type ReportDocument,
} from './model.js';
import { imageSize, ImageFormatError } from './image-size.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';

const LONG_ZH =
  '本系统承载医院门诊、住院、药品、收费等核心业务，日均处理挂号与结算交易约三万笔，' +
  '存储患者个人信息与诊疗数据，依据《信息安全技术网络安全等级保护定级指南》（GB/T 22240—2020），' +
  '其业务信息安全保护等级与系统服务安全保护等级均确定为第三级；一旦遭到破坏，' +
  '将对社会秩序和公共利益造成严重损害。测评机构应当按照“一个中心、三重防护”的思路，' +
  '对安全物理环境、安全通信网络、安全区域边界、安全计算环境和安全管理中心逐项核查，' +
  '并对管理制度、管理机构、管理人员、建设管理与运维管理进行访谈和文档审查！';

const TABLE_HEADERS = ['序号', '测评对象', '安全控制点', '测评指标', '符合情况'] as const;
const ROWS = 120;

function sampleDocument(): ReportDocument {
  const rows = Array.from({ length: ROWS }, (_, i) => [
    String(i + 1),
    `服务器-${String(i + 1).padStart(3, '0')}`,
    i % 3 === 0 ? '身份鉴别' : i % 3 === 1 ? '访问控制' : '安全审计',
    i % 7 === 0
      ? '应对登录的用户进行身份标识和鉴别，身份标识具有唯一性，身份鉴别信息具有复杂度要求并定期更换。'
      : '应启用安全审计功能，审计覆盖到每个用户，对重要的用户行为和重要安全事件进行审计。',
    i % 5 === 0 ? '部分符合' : '符合',
  ]);
  return {
    lang: 'zh',
    title: '医院信息系统（HIS）等级测评报告',
    header: '医院信息系统（HIS）网络安全等级保护测评报告',
    cover: {
      title: '医院信息系统（HIS）网络安全等级保护测评报告',
      subtitle: '第三级 · 初次测评',
      lines: [
        ['被测单位', '某市第一人民医院'],
        ['测评机构', '某某信息安全测评中心'],
        ['报告编号', 'DJCP-2024-0001 & <测试>'],
      ],
      date: '2024年6月1日',
    },
    blocks: [
      toc,
      pageBreak,
      h1('第一章 测评项目概述'),
      h2('1.1 测评目的'),
      p(LONG_ZH),
      p(b('测评结论：'), '基本符合，综合得分 ', b('82.5'), ' 分。'),
      h2('1.2 测评依据'),
      list([
        'GB/T 22239—2019《信息安全技术 网络安全等级保护基本要求》',
        'GB/T 28448—2019《信息安全技术 网络安全等级保护测评要求》',
        'GB/T 28449—2018《信息安全技术 网络安全等级保护测评过程指南》',
      ]),
      h3('1.2.1 其他参考'),
      list(['《中华人民共和国网络安全法》', '《中华人民共和国数据安全法》'], true),
      fields(
        [
          ['系统名称', '医院信息系统（HIS）'],
          ['安全保护等级', '第三级（S3A3G3）'],
          ['系统责任人', '张三，信息科科长，电话 010-12345678'],
        ],
        '表1-1 被测系统基本信息',
      ),
      pageBreak,
      h1('第二章 单项测评结果'),
      h2('2.1 安全计算环境'),
      table(
        TABLE_HEADERS.map((header, i) => ({
          header,
          width: [1, 2, 2, 6, 2][i]!,
          ...(i === 0 || i === 4 ? { align: 'center' as const } : {}),
        })),
        rows,
        '表2-1 安全计算环境测评结果',
      ),
      h1('第三章 整改建议'),
      h2('3.1 高风险问题'),
      p('针对上述问题，建议被测单位：'),
      list(['启用双因素认证。', '集中收集并保存审计日志不少于六个月。'], true),
      p({ text: '（以下无正文）' }),
    ],
  };
}

const decodeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The concatenated text of all w:t elements (runs of one paragraph join without gaps). */
function wordText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) out += decodeXml(m[1]!);
  return out;
}

function havePoppler(): void {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    assert.fail(
      'pdftotext (poppler-utils) is not installed: apt-get install -y poppler-utils (CI installs it)',
    );
  }
}

const pdftotext = (file: string, mode: '-layout' | '-raw'): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', mode, file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });

describe('report renderers', () => {
  const doc = sampleDocument();
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dengbao-render-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders DOCX with all text, a repeating table header, TOC and page-number footer', async () => {
    const buf = await renderDocx(doc);
    assert.equal(buf.subarray(0, 2).toString('latin1'), 'PK');
    const files = unzipSync(new Uint8Array(buf));
    const documentXml = strFromU8(files['word/document.xml']!);
    const text = wordText(documentXml);
    for (const t of documentText(doc)) assert.ok(text.includes(t), `document.xml lacks: ${t}`);
    assert.ok(documentXml.includes('<w:tblHeader'), 'header row is not marked w:tblHeader');
    assert.match(documentXml, /<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/, 'no TOC field');
    // The TOC's cached entries hold the level-1/2 headings before any field update.
    const sdt = documentXml.slice(documentXml.indexOf('<w:sdt>'), documentXml.indexOf('</w:sdt>'));
    assert.ok(wordText(sdt).includes('2.1 安全计算环境'));
    assert.ok(!wordText(sdt).includes('1.2.1 其他参考'), 'level 3 is not in the TOC');
    assert.ok(
      strFromU8(files['word/settings.xml']!).includes('w:updateFields'),
      'updateFields is not set',
    );
    const styles = strFromU8(files['word/styles.xml']!);
    assert.match(styles, /w:eastAsia="SimSun"/);
    assert.match(styles, /w:eastAsia="SimHei"/);
    const footers = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    const footerXml = footers.map((f) => strFromU8(files[f]!)).join('');
    assert.match(footerXml, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/, 'no PAGE field');
    assert.ok(wordText(footerXml).includes('第 '), 'no 第 N 页 footer');
    const headers = Object.keys(files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    assert.ok(headers.some((f) => wordText(strFromU8(files[f]!)).includes(doc.header)));
    writeFileSync(join(dir, 'sample.docx'), buf);
  });

  it('renders the PDF cover to an image that is not blank (a visual smoke check)', async () => {
    const file = join(dir, 'visual.pdf');
    havePoppler();
    writeFileSync(file, await renderPdf(doc));
    const png = join(dir, 'cover');
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '2', '-gray', file, png]);
    // pdftoppm -gray writes 8-bit greyscale PNGs; a page of text compresses far less than a
    // blank page of the same size (a few hundred bytes).
    const pages = readdirSync(dir).filter((f) => f.startsWith('cover') && f.endsWith('.png'));
    assert.equal(pages.length, 2);
    for (const page of pages)
      assert.ok(statSync(join(dir, page)).size > 2000, `${page} has content`);
  });

  it('renders PDF with embedded CJK font, TOC page numbers, repeated table header, footer', async () => {
    havePoppler();
    const buf = await renderPdf(doc);
    assert.equal(buf.subarray(0, 5).toString('latin1'), '%PDF-');
    const file = join(dir, 'sample.pdf');
    writeFileSync(file, buf);

    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /Title:\s+医院信息系统（HIS）等级测评报告/);
    assert.match(info, /Author:\s+dengbao/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    assert.match(fonts, /NotoSansSC/);

    const out = pdftotext(file, '-layout');
    const pages = out.split('\f').filter((pg, i, all) => i < all.length - 1 || pg.trim() !== '');
    const flat = (s: string): string => s.replace(/\s+/g, '');
    assert.ok(!out.includes('\uFFFD'), 'replacement characters in the extracted text');

    const headings = doc.blocks.flatMap((bl) => (bl.kind === 'heading' ? [bl.text] : []));
    for (const h of headings) assert.ok(flat(out).includes(flat(h)), `PDF lacks heading ${h}`);
    // CJK wrapping keeps the paragraph, punctuation included.
    assert.ok(flat(out).includes(flat(LONG_ZH)), 'long Chinese paragraph is not intact');
    // -raw keeps content-stream order, so a cell that wraps onto several lines stays contiguous.
    const raw = flat(pdftotext(file, '-raw'));
    for (const t of documentText(doc)) assert.ok(raw.includes(flat(t)), `PDF lacks: ${t}`);

    // The table spans pages: its header repeats on each, and late rows are there.
    const headerLine = /序号\s+测评对象\s+安全控制点\s+测评指标\s+符合情况/;
    const withHeader = pages.filter((pg) => headerLine.test(pg)).length;
    assert.ok(withHeader >= 2, `table header found on ${withHeader} page(s)`);
    const lastRowPage = pages.findIndex((pg) => pg.includes(`服务器-${ROWS}`));
    const firstRowPage = pages.findIndex((pg) => pg.includes('服务器-001'));
    assert.ok(lastRowPage > firstRowPage && firstRowPage > 0, 'table does not span pages');
    assert.ok(headerLine.test(pages[lastRowPage]!), 'header not repeated on the last table page');

    // Footer on every body page, numbered from 1 after the cover; none on the cover.
    const total = pages.length - 1;
    assert.ok(!/第 \d+ 页/.test(pages[0]!), 'the cover has a page number');
    for (let i = 1; i < pages.length; i++) {
      assert.ok(pages[i]!.includes(`第 ${i} 页 / 共 ${total} 页`), `page ${i + 1} footer`);
      assert.ok(pages[i]!.includes(doc.header), `page ${i + 1} running header`);
    }

    // TOC: each chapter's entry shows the page number of the page the heading is on.
    const tocPage = pages[1]!;
    assert.ok(tocPage.includes('目录'));
    for (const h of headings) {
      const level3 = h.startsWith('1.2.1');
      const onPage = pages.findIndex((pg, i) => i > 1 && flat(pg).includes(flat(h)));
      assert.ok(onPage > 1, `heading ${h} not found after the TOC`);
      const line = tocPage.split('\n').find((l) => l.includes(h));
      if (level3) {
        assert.equal(line, undefined, 'level-3 heading in the TOC');
        continue;
      }
      assert.ok(line, `TOC lacks ${h}`);
      assert.match(line, new RegExp(`\\s${onPage}\\s*$`), `TOC page for ${h}: ${line}`);
    }
  });

  it('renders an English document with Page N of M', async () => {
    havePoppler();
    const en: ReportDocument = {
      lang: 'en',
      title: 'Grading report',
      header: 'Grading report',
      cover: { title: 'Grading report', lines: [], date: '2024-06-01' },
      blocks: [toc, h1('1 Scope'), p('Plain text.'), table([{ header: 'A', width: 1 }], [['x']])],
    };
    const file = join(dir, 'en.pdf');
    writeFileSync(file, await renderPdf(en));
    const out = pdftotext(file, '-layout');
    assert.match(out, /Page 1 of 2/);
    assert.match(out, /Contents/);
    const docx = unzipSync(new Uint8Array(await renderDocx(en)));
    const footer = Object.keys(docx)
      .filter((f) => /^word\/footer\d*\.xml$/.test(f))
      .map((f) => wordText(strFromU8(docx[f]!)))
      .join('');
    assert.ok(footer.includes('Page '));
  });
});

/** A solid-colour RGB PNG of `width` × `height` pixels, built from its chunks. */
function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The XML of every part of `files` whose name matches. */
const partsXml = (files: Record<string, Uint8Array>, name: RegExp): string[] =>
  Object.keys(files)
    .filter((f) => name.test(f))
    .map((f) => strFromU8(files[f]!));

describe('report renderers: cover number, foot line, logo, pictures and watermark', () => {
  let dir: string;
  let jpeg: Buffer;
  const png = solidPng(640, 320, [40, 90, 160]);
  const logo = solidPng(120, 60, [200, 30, 30]);
  const draft = (lang: 'zh' | 'en'): ReportDocument => ({
    lang,
    title: '备案表',
    header: '信息系统安全等级保护备案表',
    watermark: lang === 'zh' ? '草稿' : 'DRAFT',
    cover: {
      number: ['备案表编号', '11010843002-25001'],
      title: '信息系统安全等级保护备案表',
      lines: [['备案单位', '某市第一人民医院']],
      date: '',
      footer: '中华人民共和国公安部监制',
      logo: { data: logo, mediaType: 'image/png' },
    },
    blocks: [
      toc,
      h1('1 网络拓扑'),
      p('系统边界与拓扑如下图。'),
      image(png, 'image/png', '图1 网络拓扑'),
      { ...image(jpeg, 'image/jpeg', '图2 机房照片'), maxWidth: 0.5 },
      pageBreak,
      h1('2 其他'),
      p('第二页正文。'),
    ],
  });

  before(() => {
    havePoppler();
    dir = mkdtempSync(join(tmpdir(), 'dengbao-render-features-'));
    // A real JPEG: poppler rasterises a one-page PDF of the PNG.
    const pngFile = join(dir, 'src.png');
    writeFileSync(pngFile, png);
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return renderPdf({
      lang: 'zh',
      title: 'x',
      header: 'x',
      cover: { title: 'x', lines: [], date: '' },
      blocks: [],
    }).then((pdf) => {
      writeFileSync(join(dir, 'src.pdf'), pdf);
      execFileSync('pdftoppm', [
        '-jpeg',
        '-r',
        '20',
        '-f',
        '1',
        '-l',
        '1',
        join(dir, 'src.pdf'),
        join(dir, 'src'),
      ]);
      const file = readdirSync(dir).find((f) => f.startsWith('src') && f.endsWith('.jpg'));
      assert.ok(file, 'pdftoppm wrote no JPEG');
      jpeg = readFileSync(join(dir, file));
    });
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads picture sizes from PNG and JPEG headers and rejects other bytes', () => {
    assert.deepEqual(imageSize({ data: png, mediaType: 'image/png' }), { width: 640, height: 320 });
    const size = imageSize({ data: jpeg, mediaType: 'image/jpeg' });
    // A4 at 20 dpi.
    assert.deepEqual(size, { width: 166, height: 234 });
    assert.throws(() => imageSize({ data: jpeg, mediaType: 'image/png' }), ImageFormatError);
    assert.throws(() => imageSize({ data: png, mediaType: 'image/jpeg' }), ImageFormatError);
    assert.throws(
      () => imageSize({ data: new Uint8Array([0xff, 0xd8, 0xff]), mediaType: 'image/jpeg' }),
      ImageFormatError,
    );
  });

  it('DOCX: number and foot line on the cover, pictures as image parts, 草稿 in every header', async () => {
    const doc = draft('zh');
    const files = unzipSync(new Uint8Array(await renderDocx(doc)));
    const documentXml = strFromU8(files['word/document.xml']!);
    const text = wordText(documentXml);
    assert.ok(text.includes('备案表编号：11010843002-25001'), 'cover number');
    assert.ok(text.indexOf('备案表编号') < text.indexOf(doc.cover.title), 'number above title');
    assert.ok(text.includes('图1 网络拓扑') && text.includes('图2 机房照片'));
    // Logo and the two pictures: three media parts, each drawn from document.xml.
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    assert.equal(media.filter((f) => f.endsWith('.png')).length, 2, media.join());
    assert.equal(media.filter((f) => /\.jpe?g$/.test(f)).length, 1, media.join());
    assert.equal(documentXml.match(/<w:drawing>/g)?.length, 3);
    assert.match(documentXml, /<a:blip r:embed="[^"]+"/);
    // The 640 px picture fits the text width (8730 twips = 582 px = 5,543,700 EMU), halves keep 2:1.
    const extents = [...documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const big = extents.find(([cx, cy]) => cx! > 5_000_000 && Math.abs(cx! / cy! - 2) < 0.01);
    assert.ok(big && big[0]! <= 582 * 9525, `picture extents ${JSON.stringify(extents)}`);
    // The foot line is the cover section's footer; the body footer keeps the page number.
    const footers = partsXml(files, /^word\/footer\d*\.xml$/);
    assert.ok(footers.some((x) => wordText(x).includes('中华人民共和国公安部监制')));
    assert.ok(footers.some((x) => /PAGE/.test(x)));
    // Each section has its own header, and each holds Word's text watermark with 草稿.
    const sections = documentXml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    assert.equal(sections.length, 2);
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    for (const section of sections) {
      const id = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(section)?.[1];
      assert.ok(id, 'a section without a default header');
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      const header = strFromU8(files[`word/${target}`]!);
      assert.match(header, /<v:textpath[^>]*string="草稿"/, `watermark in ${target}`);
      assert.match(header, /rotation:315|rotation:-45/, 'the watermark is diagonal');
    }
  });

  it('PDF: number, foot line and no date on the cover, pictures as image XObjects, 草稿 on every page', async () => {
    const doc = draft('zh');
    const file = join(dir, 'draft.pdf');
    writeFileSync(file, await renderPdf(doc));
    const pages = pdftotext(file, '-layout').split('\f').slice(0, -1);
    assert.ok(pages.length >= 4, `pages: ${pages.length}`);
    const cover = pages[0]!;
    assert.match(cover, /备案表编号：\s*11010843002-25001/);
    assert.ok(cover.includes('中华人民共和国公安部监制'));
    assert.ok(!/\d{4}年\d+月\d+日/.test(cover), 'a date on a cover whose date is empty');
    // Rotated text comes out a glyph per line; -raw keeps the watermark's glyphs together.
    const raw = pdftotext(file, '-raw').split('\f').slice(0, -1);
    assert.equal(raw.length, pages.length);
    for (const [i, page] of raw.entries()) {
      assert.ok(page.replace(/\s+/g, '').includes('草稿'), `page ${i + 1} lacks the watermark`);
    }
    // The logo, the PNG and the JPEG: three image XObjects (PNGs may add a soft mask).
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => /\bimage\b/.test(l));
    assert.equal(images.length, 3, images.join('\n'));
    assert.ok(
      images.some((l) => /\bjpeg\b/.test(l)),
      'the JPEG is embedded as DCT',
    );
    const flat = pdftotext(file, '-raw').replace(/\s+/g, '');
    assert.ok(flat.includes('图1网络拓扑') && flat.includes('图2机房照片'));
  });

  it('English draft: DRAFT in the docx header and on every PDF page', async () => {
    const doc = draft('en');
    const files = unzipSync(new Uint8Array(await renderDocx(doc)));
    const headers = partsXml(files, /^word\/header\d*\.xml$/);
    assert.ok(headers.length >= 2 && headers.every((x) => /string="DRAFT"/.test(x)));
    const file = join(dir, 'draft-en.pdf');
    writeFileSync(file, await renderPdf(doc));
    const pages = pdftotext(file, '-raw').split('\f').slice(0, -1);
    assert.ok(pages.length >= 4);
    for (const page of pages) assert.ok(page.replace(/\s+/g, '').includes('DRAFT'), page);
  });
});
