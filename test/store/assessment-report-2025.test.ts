import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import {
  createAssessmentCommand,
  updateAssessmentCommand,
  writeFindingNoteCommand,
  writeResultsCommand,
} from '../../src/app/assessment/commands';
import { addCompensationCommand } from '../../src/app/assessment/compensations';
import { addAttachmentCommand } from '../../src/app/attachments/commands';
import { workbookQuery } from '../../src/app/assessment/queries';
import { importVerificationCommand } from '../../src/app/assessment/verification';
import type { AppContext } from '../../src/app/context';
import { buildReport, renderReport } from '../../src/app/reports';
import type { ItemResult } from '../../src/domain/mlps/assessment/types';
import type { TestObjectInput } from '../../src/shared/assessment-schemas';
import type { Store } from '../../src/store/database';
import { getAssessment } from '../../src/store/repositories/assessments.repository';
import {
  createHospitalAssessment,
  recordSomeResults,
  type AssessmentFixture,
} from '../fixtures/assessment-fixture';
import { openTestStore, testContext, TEST_DIALECTS } from '../support';

/**
 * The 2025-layout 等级测评报告 of a hospital HIS level-3 assessment, from the database through
 * the app layer to Word and PDF, read back (docx XML, pdftotext): every chapter and appendix,
 * problems described by the assessor's records, the overall assessment, the verification tests,
 * last year's findings, the threat list — and the 草稿 watermark until the assessment is completed.
 */

const OBJECTS: readonly TestObjectInput[] = [
  {
    name: '主机房（门诊楼3层）',
    kind: 'machine_room',
    attributes: { location: '门诊楼3层', importance: 'key' },
  },
  { name: '安全通信网络', kind: 'network' },
  { name: '系统边界', kind: 'area_boundary' },
  { name: '安全管理中心', kind: 'management_centre' },
  {
    name: '核心交换机',
    kind: 'network_device',
    attributes: {
      ipAddresses: ['10.20.0.1'],
      vendor: 'H3C',
      model: 'S10508',
      version: 'Comware V7.1.070',
      role: '核心交换',
      importance: 'key',
    },
  },
  {
    name: '运维堡垒机',
    kind: 'security_device',
    attributes: { ipAddresses: ['10.20.0.5'], role: '运维审计', importance: 'important' },
  },
  {
    name: 'HIS应用服务器',
    kind: 'server',
    attributes: {
      ipAddresses: ['10.20.1.11'],
      os: '麒麟',
      version: 'V10 SP3',
      role: 'HIS应用',
      importance: 'key',
    },
  },
  {
    name: 'HIS数据库',
    kind: 'database',
    attributes: {
      ipAddresses: ['10.20.1.21'],
      os: '达梦',
      version: 'DM8',
      role: 'HIS数据库',
      importance: 'key',
    },
  },
  { name: '医院信息系统（HIS）', kind: 'application' },
  { name: '重要个人信息', kind: 'data', attributes: { dataClass: 'personal' } },
  { name: '信息安全管理制度汇编', kind: 'document' },
  { name: '信息科科长（访谈）', kind: 'personnel' },
];

const AUDIT_OFF = '未开启数据库审计功能，无法追溯数据库管理员的操作';
const AUDIT_SHORT = '已开启操作系统审计';
const AUDIT_SHORT_REASON = '审计记录仅保存30天，不满足六个月要求';
const PASSWORD_ONLY = '仅用户名+口令登录，未采用双因素鉴别';
const BASTION_2FA = '口令+数字证书双因素鉴别，运维操作全程审计';
const COMPENSATION_REASON = 'HIS数据库仅允许经运维堡垒机登录，堡垒机采用口令+数字证书双因素鉴别';

const CHAPTERS = [
  '1 测评项目概述',
  '2 被测对象描述',
  '3 单项测评结果分析',
  '4 整体测评',
  '5 安全问题风险分析',
  '6 总体评价',
  '7 等级测评结论',
  '8 安全问题整改建议',
];
const APPENDICES = [
  '附录A 被测对象资产',
  '附录B 单项测评结果记录',
  '附录C 漏洞扫描结果记录',
  '附录D 渗透测试结果记录',
  '附录E 重大风险隐患触发项参照表',
  '附录F 单项测评结果汇总',
  '附录G 上次测评问题整改情况',
  '附录H 威胁列表',
];
const SECTIONS = [
  '声明',
  '网络安全等级测评基本信息表',
  '等级测评结论扩展表',
  '2.2.1 安全通用要求指标',
  '2.2.2 安全扩展要求指标',
  '2.2.3 不适用的测评指标',
  '2.3.1 测评对象选择方法',
  '已有安全措施',
  '主要安全问题',
  '验证测试',
  '4.1 安全控制点间安全测评',
  '6.1 要求项符合率统计',
  '7.1 等级测评符合率与结论',
];

const flat = (s: string) => s.replace(/\s+/g, '');

/** A small solid-colour PNG (the uploaded topology diagram). */
function topologyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(300, 0);
  ihdr.writeUInt32BE(200, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(300 * 3, 0x80)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: 200 }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const dialect of TEST_DIALECTS) {
  describe(`the 2025 assessment report from the ${dialect} store`, () => {
    let store: Store | null;
    let ctx: AppContext;
    let first: AssessmentFixture;
    let currentId: string;
    const ids: Record<string, string> = {};
    const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-report-2025-'));

    const write = async (
      assessmentId: string,
      rows: [requirementId: string, object: string, ItemResult, record: string, reason?: string][],
    ) =>
      writeResultsCommand(ctx, first.actor, first.organisationId, assessmentId, {
        rows: rows.map(([requirementId, object, result, record, reason]) => ({
          requirementId,
          objectId: ids[object]!,
          result,
          record,
          reason: reason ?? null,
          version: 0,
        })),
      });

    /** Answers every row not answered yet with the fixture's sample records. */
    const answerTheRest = async (assessmentId: string, seed: number) => {
      const workbook = await workbookQuery(ctx, first.organisationId, assessmentId);
      await recordSomeResults(
        ctx,
        { ...first, assessmentId },
        workbook.rows
          .filter((r) => r.result === null)
          .map((r) => ({
            requirementId: r.requirementId,
            objectId: r.objectId,
            category: r.category,
          })),
        seed,
      );
    };

    const complete = async (assessmentId: string) => {
      const row = await getAssessment(ctx.store.db, first.organisationId, assessmentId);
      await updateAssessmentCommand(ctx, first.actor, first.organisationId, assessmentId, {
        status: 'completed',
        version: row.version,
      });
    };

    before(async () => {
      store = await openTestStore(dialect);
      if (!store) return;
      ctx = testContext(store, '2026-04-20');
      // 2025: the previous assessment, with the database's audit and two-factor problems.
      first = await createHospitalAssessment(ctx, { objects: OBJECTS });
      await addAttachmentCommand(ctx, first.actor, first.organisationId, first.systemId, {
        recordKind: 'system',
        purpose: 'topology',
        fileName: 'his-topology.png',
        mediaType: 'image/png',
        content: topologyPng(),
      });
      for (const o of first.objects) ids[o.name] = o.id;
      const row = await getAssessment(ctx.store.db, first.organisationId, first.assessmentId);
      await updateAssessmentCommand(ctx, first.actor, first.organisationId, first.assessmentId, {
        title: '2025年度医院信息系统（HIS）等级测评',
        reportNumber: '33010099001-25001-25-0001-01',
        reportDate: '2025-06-10',
        periodStart: '2025-05-12',
        periodEnd: '2025-05-23',
        version: row.version,
      });
      await write(first.assessmentId, [
        ['8.1.4.3-a', 'HIS数据库', 'non_compliant', '数据库未开启审计'],
        ['8.1.4.1-d', 'HIS数据库', 'non_compliant', '口令单因素登录'],
      ]);
      await answerTheRest(first.assessmentId, 3);
      await complete(first.assessmentId);

      // 2026: started from 2025 (objects copied with their attributes).
      const current = await createAssessmentCommand(
        ctx,
        first.actor,
        first.organisationId,
        first.systemId,
        {
          title: '2026年度医院信息系统（HIS）等级测评',
          periodStart: '2026-03-02',
          periodEnd: '2026-03-20',
          agency: '浙江省网络安全等级测评中心（示例）',
          reportNumber: '33010099001-26001-26-0001-01',
          reportDate: '2026-04-15',
          previousAssessmentId: first.assessmentId,
        },
      );
      currentId = current.id;
      const workbook = await workbookQuery(ctx, first.organisationId, currentId);
      for (const o of workbook.assessment.objects) ids[o.name] = o.id;
      await write(currentId, [
        ['8.1.4.3-a', 'HIS数据库', 'non_compliant', AUDIT_OFF],
        ['8.1.4.3-a', 'HIS应用服务器', 'partial', AUDIT_SHORT, AUDIT_SHORT_REASON],
        ['8.1.4.1-d', 'HIS数据库', 'non_compliant', PASSWORD_ONLY],
        ['8.1.4.1-d', '运维堡垒机', 'compliant', BASTION_2FA],
      ]);
      await answerTheRest(currentId, 7);
      await writeFindingNoteCommand(
        ctx,
        first.actor,
        first.organisationId,
        currentId,
        '8.1.4.3-a',
        {
          version: 0,
          risk: 'high',
          observations: [],
        },
      );
      await addCompensationCommand(ctx, first.actor, first.organisationId, currentId, {
        requirementId: '8.1.4.1-d',
        objectId: ids['HIS数据库']!,
        scope: 'item',
        compensatingRequirementId: '8.1.4.1-d',
        compensatingObjectId: ids['运维堡垒机']!,
        adjustedResult: 'compliant',
        reason: COMPENSATION_REASON,
      });
      const fixture = (name: string) =>
        readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'verification', name));
      for (const name of ['greenbone-his.xml', 'pentest-his.csv']) {
        await importVerificationCommand(
          ctx,
          first.actor,
          first.organisationId,
          currentId,
          fixture(name),
          { fileName: name, allowUnassigned: true },
        );
      }
    });
    after(async () => {
      await store?.close();
      // KEEP_REPORT_FILES=1 leaves the rendered reports in the temporary folder to look at.
      if (!process.env.KEEP_REPORT_FILES) rmSync(dir, { recursive: true, force: true });
    });

    const build = (lang: 'zh' | 'en') =>
      buildReport(ctx, first.organisationId, 'assessment', currentId, lang, '2026-04-20');
    const pdf = async (buffer: Buffer, name: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, buffer);
      const text = (mode: string) =>
        execFileSync('pdftotext', ['-enc', 'UTF-8', mode, file, '-'], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
      // The running header and the page footer sit between the halves of a paragraph that
      // continues on the next page: leave them out to read the body as one text.
      const body = (t: string) =>
        t
          .split('\n')
          .filter(
            (l) =>
              !/等级测评报告$|^第 \d+ 页 \/ 共 \d+ 页$|level assessment report$|^Page \d+ of \d+$/.test(
                l.trim(),
              ),
          )
          .join('\n');
      return { layout: text('-layout'), raw: body(text('-raw')) };
    };
    const docx = (buffer: Buffer) => {
      const files = unzipSync(new Uint8Array(buffer));
      const part = (name: RegExp) =>
        Object.keys(files)
          .filter((f) => name.test(f))
          .map((f) => strFromU8(files[f]!));
      const text = (xml: string) =>
        [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
          .map((m) => m[1]!)
          .join('')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
      return {
        body: text(part(/^word\/document\.xml$/)[0]!),
        headers: part(/^word\/header\d*\.xml$/),
        media: Object.keys(files).filter((f) => f.startsWith('word/media/')),
      };
    };

    it('a draft (assessment in progress) carries 草稿 on every page and says so on the cover and in chapter 1', async (t) => {
      if (!store) return t.skip('database unavailable');
      const doc = await build('zh');
      assert.equal(doc.watermark, '草稿');
      const word = docx(await renderReport(doc, 'docx'));
      assert.ok(word.headers.length >= 2);
      for (const header of word.headers) assert.match(header, /<v:textpath[^>]*string="草稿"/);
      assert.ok(word.body.includes('草稿（测评进行中）'), 'cover status line');
      assert.ok(word.body.includes('本报告为草稿：测评尚在进行中'), 'chapter 1 status line');
      const { raw } = await pdf(await renderReport(doc, 'pdf'), 'draft.pdf');
      const pages = raw.split('\f').slice(0, -1);
      assert.ok(pages.length > 10);
      for (const [i, page] of pages.entries()) {
        assert.ok(flat(page).includes('草稿'), `PDF page ${i + 1} lacks the watermark`);
      }
      const en = await build('en');
      assert.equal(en.watermark, 'DRAFT');
      const english = docx(await renderReport(en, 'docx'));
      assert.ok(english.headers.every((h) => /string="DRAFT"/.test(h)));
      assert.ok(english.body.includes('This report is a DRAFT'));
    });

    it('a completed assessment: every 2025 chapter and appendix, problems from the records, read back from Word and PDF', async (t) => {
      if (!store) return t.skip('database unavailable');
      await complete(currentId);
      const doc = await build('zh');
      assert.equal(doc.watermark, undefined);
      const word = docx(await renderReport(doc, 'docx'));
      const { raw, layout } = await pdf(await renderReport(doc, 'pdf'), 'final.pdf');
      assert.ok(!layout.includes('\uFFFD'));
      for (const [format, text] of [
        ['docx', flat(word.body)],
        ['pdf', flat(raw)],
      ] as const) {
        for (const heading of [...CHAPTERS, ...APPENDICES, ...SECTIONS]) {
          assert.ok(text.includes(flat(heading)), `${format}: ${heading}`);
        }
        // Each problem is what was found, per object, in the assessor's words.
        assert.ok(text.includes(flat(`HIS数据库：${AUDIT_OFF}`)), `${format}: DB audit record`);
        assert.ok(
          text.includes(flat(`HIS应用服务器：${AUDIT_SHORT}；${AUDIT_SHORT_REASON}`)),
          `${format}: server audit record with its reason`,
        );
        // No plan written: the advice comes from the test guidance, not a stock phrase.
        assert.ok(!text.includes('按测评建议整改'), `${format}: stock advice`);
        assert.ok(text.includes(flat('整改后应达到：')), `${format}: guidance-based advice`);
        // Existing measures from the compliant records.
        assert.ok(text.includes(flat(`运维堡垒机：${BASTION_2FA}`)), `${format}: measures`);
        // Chapter 4 from the compensation, not a placeholder.
        assert.ok(text.includes(flat(COMPENSATION_REASON)), `${format}: chapter 4`);
        assert.ok(!text.includes(flat('（分析同一区域内')), `${format}: chapter 4 placeholder`);
        // Assets with IP, version, model and importance.
        for (const v of ['10.20.1.21', '达梦DM8', 'H3CS10508', 'HIS数据库', '关键']) {
          assert.ok(text.includes(v), `${format}: asset ${v}`);
        }
        // Verification: the scan and the penetration test, per object.
        assert.ok(text.includes('Ghostcat'), `${format}: penetration test finding`);
        assert.ok(text.includes('10.20.1.11'), `${format}: scan target`);
        // Last year's problems and where they stand.
        assert.ok(
          text.includes(flat('2025年度医院信息系统（HIS）等级测评')),
          `${format}: previous`,
        );
        // The threat list, with the audit problem under 抵赖.
        assert.ok(text.includes('GB/T20984-2022'), `${format}: threat source`);
        assert.ok(text.includes('抵赖'), `${format}: threat kind`);
        assert.ok(!text.includes('草稿'), `${format}: a final report says 草稿`);
      }
      assert.ok(
        word.headers.every((h) => !h.includes('v:textpath')),
        'watermark on a final report',
      );
      // The system's uploaded topology diagram in 2.1.2, in both formats.
      assert.ok(flat(word.body).includes(flat('图2-1 医院信息系统（HIS）网络拓扑图')));
      assert.equal(word.media.filter((f) => f.endsWith('.png')).length, 1, word.media.join());
      assert.ok(flat(raw).includes(flat('图2-1 医院信息系统（HIS）网络拓扑图')));
      const images = execFileSync('pdfimages', ['-list', path.join(dir, 'final.pdf')], {
        encoding: 'utf8',
      });
      assert.ok(/\bimage\b/.test(images), images);
      // The conclusion page's extension table has the cloud extension of this tenant system.
      assert.match(flat(word.body), /云计算安全扩展要求安全计算环境/);
    });

    it('the English report of the completed assessment has every chapter and appendix too', async (t) => {
      if (!store) return t.skip('database unavailable');
      const doc = await build('en');
      const word = flat(docx(await renderReport(doc, 'docx')).body);
      const { raw, layout } = await pdf(await renderReport(doc, 'pdf'), 'final-en.pdf');
      assert.ok(!layout.includes('\uFFFD'));
      assert.match(layout, /Page 1 of \d+/);
      const headings = [
        '1 Assessment project overview',
        '2.2 Assessment indicators',
        '2.3.1 How the test objects were chosen',
        '4 Overall assessment',
        '8 Rectification advice',
        'Appendix F Summary of single-item results',
        'Appendix G Rectification of the previous assessment’s problems',
        'Appendix H Threat list',
        'Conclusion extension table',
        'Statement',
      ];
      for (const text of [word, flat(raw)]) {
        for (const heading of headings) assert.ok(text.includes(flat(heading)), `en: ${heading}`);
        assert.ok(text.includes(flat(`HIS数据库: ${AUDIT_OFF}`)));
        assert.ok(text.includes('Repudiation'));
      }
    });
  });
}
