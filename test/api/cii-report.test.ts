/**
 * The CII boundary determination report as an operator downloads it: the bank's payment clearing
 * business imported from docs/examples, a determination recorded, then the PDF (read back with
 * pdftotext, page 1 rasterised with pdftoppm) and the Word file (word/document.xml) checked for
 * the business, the reasons, the boundary point, the outside assets and the duties.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

const BANK = parse(readFileSync('docs/examples/cii-bank-payment-clearing.yaml', 'utf8'));
const BUSINESS = '支付清算业务';
const TITLE = `${BUSINESS}关键信息基础设施边界识别报告`;

function poppler(tool: 'pdftotext' | 'pdftoppm', args: string[]): Buffer {
  try {
    return execFileSync(tool, args);
  } catch (error) {
    throw new Error(`${tool} is needed to read the PDF back (apt-get install poppler-utils)`, {
      cause: error,
    });
  }
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The table rows of a .docx, each as its cells' text (line breaks as \n). */
function docxRows(buffer: Buffer): string[][] {
  const xml = strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml']!);
  return xml
    .split('</w:tr>')
    .slice(0, -1)
    .map((tr) =>
      tr
        .split('</w:tc>')
        .slice(0, -1)
        .map((tc) => unescapeXml(tc.replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, ''))),
    );
}

/** A binary PGM (pdftoppm -gray): the share of pixels darker than mid-grey. */
function inkShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  assert.ok(header, 'pdftoppm wrote a PGM');
  const [, w, h] = header.map(Number) as [number, number, number];
  const pixels = pgm.subarray(header[0].length);
  assert.equal(pixels.length, w * h);
  let dark = 0;
  for (const v of pixels) if (v < 128) dark += 1;
  return dark / pixels.length;
}

for (const dialect of TEST_DIALECTS) {
  describe(`CII boundary report on ${dialect}: the bank's payment clearing business`, () => {
    let h: Harness | null;
    let officer: Client;
    let orgId: string;
    let businessId: string;
    const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-cii-report-'));
    const url = (p: string) => `/api/organisations/${orgId}/cii${p}`;
    const report = (format: 'pdf' | 'docx', lang: 'zh' | 'en' = 'zh') =>
      officer.inject({
        url: url(
          `/core-businesses/${businessId}/reports/boundary.${format}?lang=${lang}&asOf=2026-03-02`,
        ),
      });
    const savePdf = (buffer: Buffer, name: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, buffer);
      return file;
    };
    const pdfText = (file: string, ...args: string[]) =>
      poppler('pdftotext', ['-enc', 'UTF-8', ...args, file, '-']).toString('utf8');

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      officer = await h.user('qian.lei', { admin: true });
      const org = await officer.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某城市商业银行股份有限公司' },
      });
      assert.equal(org.statusCode, 201, org.body);
      orgId = org.json().id;
      const imported = await officer.inject({ method: 'POST', url: url('/import'), payload: BANK });
      assert.equal(imported.statusCode, 200, imported.body);
      businessId = (await officer.inject({ url: url('/core-businesses') })).json()[0].id;
      const determined = await officer.inject({
        method: 'POST',
        url: url(`/core-businesses/${businessId}/determinations`),
        payload: { note: '2026年度边界认定' },
      });
      assert.equal(determined.statusCode, 201, determined.body);
    });
    after(async () => {
      await h?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves the PDF with the business, the reasons, the boundary point, the outside assets and the duties', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await report('pdf');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(
        res.headers['content-disposition'],
        `attachment; filename="cii-boundary-report.pdf"; filename*=UTF-8''${encodeURIComponent(TITLE)}.pdf`,
      );
      const file = savePdf(res.rawPayload, 'boundary-zh.pdf');
      // -raw: text in drawing order, so a table cell's wrapped lines stay together.
      const text = pdfText(file, '-raw');
      assert.ok(!text.includes('\uFFFD'), 'Chinese intact');
      // Whitespace and hyphens vanish where pdftotext joins wrapped lines.
      const flat = text.replace(/[\s-]+/g, '');
      assert.ok(flat.includes(BUSINESS));
      assert.ok(
        flat.includes('边界依据：本报告所列边界即2026年3月2日09:00由qian.lei记录的边界认定'),
      );
      assert.ok(flat.includes('依据待核实'), 'the rules are marked unverified');
      for (const heading of [
        '1核心业务与关键业务链',
        '3边界内资产',
        '4边界接入点',
        '5边界外资产',
        '6边界变化',
        '7安全保护义务',
      ])
        assert.ok(flat.includes(heading), heading);
      // PCLOUD-MGMT is inside because the private cloud is managed by it.
      assert.ok(
        flat.includes(
          '「PCLOUD行内私有云平台」由「PCLOUDMGMT私有云管理平台」运维管理；关键业务离不开它，故纳入边界',
        ),
        'PCLOUD-MGMT reason',
      );
      assert.ok(
        flat.includes('《关键信息基础设施安全保护条例》第十七条'),
        'a duty citing the CII Regulations',
      );
      assert.ok(flat.includes('事件发生后1小时内'), 'an event deadline in words');

      // Rows of one line keep their cells on one line in layout mode.
      const layout = pdfText(file, '-layout');
      assert.match(
        layout,
        /PAY-GW 支付前置网关 +CNAPS 人民银行大额\/小额支付系统 +中国人民银行清算总中心/,
      );
      const outside = layout.slice(layout.indexOf('5 边界外资产'), layout.indexOf('6 边界变化'));
      assert.match(outside, /^OA +办公OA系统 +信息系统/m, 'OA is listed outside');
      const inside = layout.slice(layout.indexOf('3 边界内资产'), layout.indexOf('4 边界接入点'));
      assert.doesNotMatch(inside, /^OA /m, 'OA is not inside');
    });

    it('fits the cover on page 1 and starts the body on page 2', async (t) => {
      if (!h) return t.skip('database unavailable');
      const file = savePdf((await report('pdf')).rawPayload, 'boundary-cover.pdf');
      const cover = pdfText(file, '-f', '1', '-l', '1').replace(/\s+/g, '');
      assert.ok(cover.startsWith('关键信息基础设施边界识别报告'), cover);
      for (const field of [
        '运营者',
        '核心业务',
        '行业领域',
        '认定部门',
        '认定通知',
        '认定日期',
        '边界依据',
        '边界纳入规则',
        '报告日期：2026年3月2日',
      ])
        assert.ok(cover.includes(field), `cover: ${field}`);
      // Nothing of the cover spilled over: page 2 opens with the summary table.
      assert.ok(pdfText(file, '-f', '2', '-l', '2').replace(/\s+/g, '').includes('概况运营者'));
      const pgm = path.join(dir, 'cover');
      poppler('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-gray', '-singlefile', file, pgm]);
      const ink = inkShare(readFileSync(`${pgm}.pgm`));
      assert.ok(ink > 0.002 && ink < 0.2, `page 1 has a cover's worth of ink: ${ink}`);
    });

    it('serves the Word file with the same content, row by row', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await report('docx');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(
        res.headers['content-type'],
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const rows = docxRows(res.rawPayload);
      const all = rows.flat().join('\n');
      assert.ok(all.includes(BUSINESS));
      // Inside: code, name, kind, grading object, reason (5 cells).
      const mgmt = rows.find((r) => r.length === 5 && r[0] === 'PCLOUD-MGMT');
      assert.ok(mgmt, 'PCLOUD-MGMT is inside');
      assert.equal(mgmt[2], '运维管理系统');
      assert.match(mgmt[4]!, /由「PCLOUD-MGMT 私有云管理平台」运维管理/);
      assert.ok(
        rows.some(
          (r) =>
            r[1] === 'PAY-GW 支付前置网关' &&
            r[2] === 'CNAPS 人民银行大额/小额支付系统' &&
            r[3] === '中国人民银行清算总中心',
        ),
        'boundary point PAY-GW ↔ CNAPS',
      );
      // Outside: code, name, kind, why (4 cells); OA is there and not in the inside table.
      const oa = rows.find((r) => r.length === 4 && r[0] === 'OA');
      assert.ok(oa, 'OA is listed outside');
      assert.match(oa[3]!, /关键业务信息流不经过它/);
      assert.ok(!rows.some((r) => r.length === 5 && r[0] === 'OA'));
      const duty = rows.find((r) => r[0] === '关键信息基础设施年度网络安全检测和风险评估');
      assert.ok(duty, 'the annual testing duty');
      assert.match(duty[3]!, /《关键信息基础设施安全保护条例》第十七条/);
      assert.ok(
        rows.some((r) => r[1] === '事件发生后1小时内'),
        'event deadline in words',
      );
      // The history: one determination, by the officer, 19 inside.
      assert.ok(
        rows.some((r) => r[1] === 'qian.lei' && r[2] === '19' && r[5] === '2026年度边界认定'),
      );
    });

    it('serves English and says when the live boundary has drifted from the determination', async (t) => {
      if (!h) return t.skip('database unavailable');
      // OA now authenticates against the core clearing system's path: pulled inside.
      const assets = (await officer.inject({ url: url('/assets') })).json() as {
        id: string;
        code: string;
      }[];
      const id = (code: string) => assets.find((a) => a.code === code)!.id;
      const dep = await officer.inject({
        method: 'POST',
        url: url('/dependencies'),
        payload: { fromAssetId: id('CLEAR-CORE'), toAssetId: id('OA'), kind: 'authenticates_with' },
      });
      assert.equal(dep.statusCode, 201, dep.body);
      try {
        const zh = pdfText(savePdf((await report('pdf')).rawPayload, 'drift.pdf'), '-raw').replace(
          /\s+/g,
          '',
        );
        assert.ok(zh.includes('实时计算（与2026年3月2日的认定不同）'), 'cover basis');
        assert.ok(zh.includes('新增纳入：OA办公OA系统'));
        assert.ok(zh.includes('办公OA系统（认定后新增）'));

        const en = await report('pdf', 'en');
        assert.equal(en.statusCode, 200, en.body);
        const text = pdfText(savePdf(en.rawPayload, 'drift-en.pdf'), '-raw').replace(/\s+/g, ' ');
        assert.ok(text.includes('CII boundary determination report'));
        assert.ok(text.includes('Live; differs from 2026-03-02'));
        assert.ok(text.includes('within 1 hour of the event'));
        assert.match(text, /is managed by "PCLOUD-?\s?MGMT/);
      } finally {
        await officer.inject({ method: 'DELETE', url: url(`/dependencies/${dep.json().id}`) });
      }
    });

    it('refuses an unknown format and a core business of another organisation', async (t) => {
      if (!h) return t.skip('database unavailable');
      const xlsx = await officer.inject({
        url: url(`/core-businesses/${businessId}/reports/boundary.xlsx`),
      });
      assert.equal(xlsx.statusCode, 400, xlsx.body);
      const other = await officer.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '另一家银行' },
      });
      const foreign = await officer.inject({
        url: `/api/organisations/${other.json().id}/cii/core-businesses/${businessId}/reports/boundary.pdf`,
      });
      assert.equal(foreign.statusCode, 404, foreign.body);
    });
  });
}
