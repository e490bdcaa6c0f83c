import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { CLI_ACTOR } from '../../src/app/actor';
import { workbookQuery } from '../../src/app/assessment/queries';
import { insertMembership } from '../../src/store/repositories/accounts.repository';
import { buildReport, renderReport } from '../../src/app/reports';
import type { RectificationDto } from '../../src/shared/api-types';
import type { RectificationPlanDto } from '../../src/shared/rectification-plan-schemas';
import {
  createHospitalAssessment,
  recordSomeResults,
  type AssessmentFixture,
} from '../fixtures/assessment-fixture';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

/**
 * 整改方案 as a practitioner's plan (issue 15 part 6), through the API on both databases: the
 * items' measure kind, measures (SM4 at rest), start dates, budget lines and products, the plan's
 * own text, and the Word and PDF documents read back — the Gantt marks, the totals and the
 * measures with what the assessor found.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`rectification plan on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let fixture: AssessmentFixture;
    let items: RectificationDto[];
    /** A technical item (安全计算环境) and a management one, both failing. */
    let tech: RectificationDto;
    let mgmt: RectificationDto;
    const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-rect-plan-'));

    before(async () => {
      h = await startHarness(dialect, { startAt: '2026-04-20T01:00:00Z' });
      if (!h) return;
      owner = await h.user('wang.jun', { admin: true });
      fixture = await createHospitalAssessment(h.ctx, {
        actor: { ...CLI_ACTOR, userId: owner.userId, label: owner.username },
      });
      // The fixture makes no member; the signed-in user becomes the hospital's owner.
      await insertMembership(
        h.store.db,
        fixture.organisationId,
        owner.userId,
        'owner',
        '2026-04-20T01:00:00Z',
      );
      const workbook = await workbookQuery(h.ctx, fixture.organisationId, fixture.assessmentId);
      await recordSomeResults(
        h.ctx,
        fixture,
        workbook.rows.map((r) => ({
          requirementId: r.requirementId,
          objectId: r.objectId,
          category: r.category,
        })),
      );
      const generated = await owner.inject({
        method: 'POST',
        url: a('/rectifications'),
      });
      assert.equal(generated.statusCode, 201, generated.body);
      items = generated.json().items as RectificationDto[];
      const categoryOf = new Map(workbook.rows.map((r) => [r.requirementId, r.category]));
      tech = items.find((r) => categoryOf.get(r.requirementId) === 'CES')!;
      mgmt =
        items.find((r) => categoryOf.get(r.requirementId) === 'PSS') ??
        items.find((r) => ['ORS', 'HRS', 'CMS', 'MMS'].includes(categoryOf.get(r.requirementId)!))!;
      assert.ok(tech && mgmt, 'the sample results fail a technical and a management item');
    });
    after(async () => {
      await h?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const url = (p: string) => `/api/organisations/${fixture.organisationId}${p}`;
    const a = (p = '') => url(`/assessments/${fixture.assessmentId}${p}`);
    const patch = (id: string, payload: Record<string, unknown>) =>
      owner.inject({ method: 'PATCH', url: url(`/rectifications/${id}`), payload });
    const details = (body: string) =>
      (JSON.parse(body) as { details: { path: string; message: string; messageZh: string }[] })
        .details;

    const MEASURES =
      '为HIS数据库运维账户部署基于SM2数字证书的USBKey双因素认证，并经堡垒机统一登录。';
    const BUDGET = [
      { item: '双因素认证实施服务', amount: 12000.5, fundingSource: '年度信息化专项资金' },
      { item: '证书签发与培训', amount: 0.1, fundingSource: '年度信息化专项资金' },
      { item: '应急备件', amount: 0.2, fundingSource: '自筹' },
    ];
    const PRODUCTS = [
      {
        name: '服务器密码机',
        type: '密码机',
        vendor: '某密码科技',
        model: 'SJJ1012-A',
        quantity: 2,
        unitPrice: 98000.25,
        certificationKind: 'commercial_crypto',
        certificateNumber: 'GM003312220230456',
      },
    ];

    it('saves measure kind, measures, start date, budget lines and products; round trip', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await patch(tech.id, {
        version: tech.version,
        owner: '信息科 王工',
        measureKind: 'technical',
        measures: MEASURES,
        startDate: '2026-05-04',
        dueDate: '2026-06-30',
        budgetLines: BUDGET,
        products: PRODUCTS,
        status: 'in_progress',
      });
      assert.equal(res.statusCode, 200, res.body);
      tech = res.json() as RectificationDto;
      assert.equal(tech.measureKind, 'technical');
      assert.equal(tech.measures, MEASURES);
      assert.equal(tech.startDate, '2026-05-04');
      assert.deepEqual(tech.budgetLines, BUDGET);
      assert.deepEqual(tech.products, PRODUCTS);
      const listed = (
        await owner.inject({ url: url(`/rectifications?assessmentId=${fixture.assessmentId}`) })
      ).json().items as RectificationDto[];
      assert.deepEqual(listed.find((r) => r.id === tech.id)?.products, PRODUCTS);

      const m = await patch(mgmt.id, {
        version: mgmt.version,
        owner: '信息科 李工',
        measureKind: 'management',
        measures: '修订《信息安全管理制度汇编》，补充岗位职责与审批流程，经院长办公会审议发布。',
        startDate: '2026-05-11',
        dueDate: '2026-08-31',
        budgetLines: [{ item: '制度修订咨询服务', amount: 30000, fundingSource: '自筹' }],
      });
      assert.equal(m.statusCode, 200, m.body);
      mgmt = m.json() as RectificationDto;
      assert.deepEqual(mgmt.products, []);
    });

    it('refuses a bad amount, too many lines and a start after the due date (400 with the path; nothing changed)', async (t) => {
      if (!h) return t.skip('database unavailable');
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ budgetLines: [{ item: '实施', amount: -1 }] }, 'budgetLines[0].amount', /negative/],
        [
          { budgetLines: [BUDGET[0], { item: '实施', amount: 1.234 }] },
          'budgetLines[1].amount',
          /two decimals/,
        ],
        [
          { products: [{ ...PRODUCTS[0], unitPrice: 10.005 }] },
          'products[0].unitPrice',
          /two decimals/,
        ],
        [{ products: [{ ...PRODUCTS[0], quantity: 0 }] }, 'products[0].quantity', /at least 1/],
        [
          { budgetLines: Array.from({ length: 51 }, (_, i) => ({ item: `第${i}项`, amount: 1 })) },
          'budgetLines',
          /at most 50/,
        ],
        [{ measureKind: 'organisational' }, 'measureKind', /./],
        [{ startDate: '2026-07-01' }, 'startDate', /after the due date/],
      ];
      for (const [body, where, what] of cases) {
        const res = await patch(tech.id, { version: tech.version, ...body });
        assert.equal(res.statusCode, 400, `${where}: ${res.body}`);
        const d = details(res.body).find((x) => x.path === where);
        assert.ok(d, `no detail at ${where}: ${res.body}`);
        assert.match(d.message, what);
        assert.match(d.messageZh, /[\u4e00-\u9fff]/, `${where}: Chinese message`);
      }
      const now = (
        (
          await owner.inject({ url: url(`/rectifications?assessmentId=${fixture.assessmentId}`) })
        ).json().items as RectificationDto[]
      ).find((r) => r.id === tech.id)!;
      assert.equal(now.version, tech.version);
      assert.deepEqual(now.budgetLines, BUDGET);
    });

    it('refuses a stale version with 409', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await patch(tech.id, { version: tech.version - 1, measures: '旧版本' });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().code, 'VERSION_CONFLICT');
    });

    it('keeps the measures SM4-encrypted at rest and audits the change without the text', async (t) => {
      if (!h) return t.skip('database unavailable');
      const row = await h.store.db
        .selectFrom('rectification_items')
        .select(['measures_enc', 'budget_lines', 'products', 'measure_kind', 'start_date'])
        .where('id', '=', tech.id)
        .executeTakeFirstOrThrow();
      assert.match(row.measures_enc ?? '', /^sm4:/);
      assert.ok(!row.measures_enc!.includes('USBKey'));
      assert.equal(row.measure_kind, 'technical');
      assert.equal(row.start_date, '2026-05-04');
      assert.deepEqual(JSON.parse(row.budget_lines), BUDGET);
      const audit = await h.store.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('action', '=', 'rectification.update')
        .where('entity_id', '=', tech.id)
        .execute();
      assert.ok(audit.length >= 1);
      const text = JSON.stringify(audit);
      assert.ok(text.includes('measures_enc'), 'the measures change is audited');
      assert.ok(!text.includes('USBKey'), 'without the measures text');
      assert.ok(text.includes('budget_lines'));
    });

    it('saves the plan’s objectives, principles and budget note with a version', async (t) => {
      if (!h) return t.skip('database unavailable');
      const empty = (
        await owner.inject({ url: a('/rectification-plan') })
      ).json() as RectificationPlanDto;
      assert.equal(empty.version, 0);
      assert.equal(empty.objectives, null);
      const saved = await owner.inject({
        method: 'PUT',
        url: a('/rectification-plan'),
        payload: {
          version: 0,
          objectives: '2026年8月底前完成全部整改，年度复测结论达到“符合”。',
          budgetNote: '所需资金列入医院2026年度信息化专项预算。',
        },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const plan = saved.json() as RectificationPlanDto;
      assert.equal(plan.version, 1);
      assert.equal(plan.principles, null);
      const again = await owner.inject({
        method: 'PUT',
        url: a('/rectification-plan'),
        payload: { version: 0, objectives: '另一个目标' },
      });
      assert.equal(again.statusCode, 409, again.body);
      const stale = await owner.inject({
        method: 'PUT',
        url: a('/rectification-plan'),
        payload: { version: 5, principles: '风险优先' },
      });
      assert.equal(stale.statusCode, 409, stale.body);
      const long = await owner.inject({
        method: 'PUT',
        url: a('/rectification-plan'),
        payload: { version: 1, budgetNote: '预'.repeat(2001) },
      });
      assert.equal(long.statusCode, 400, long.body);
      assert.ok(details(long.body).some((d) => d.path === 'budgetNote'));
      const audited = await h.store.db
        .selectFrom('audit_entries')
        .select('action')
        .where('action', '=', 'rectification_plan.update')
        .where('entity_id', '=', fixture.assessmentId)
        .execute();
      assert.equal(audited.length, 1);
    });

    /** The PDF's text; `layout` keeps each table row on one line (for the Gantt rows). */
    const pdfText = (buffer: Buffer, name: string, layout = false) => {
      const file = path.join(dir, name);
      writeFileSync(file, buffer);
      return execFileSync(
        'pdftotext',
        [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'],
        {
          encoding: 'utf8',
        },
      );
    };
    const docxXml = (buffer: Buffer) =>
      strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml']!);
    const docxText = (xml: string) =>
      xml
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');

    it('renders the plan: gap analysis, measures with what was found, Gantt marks and totals (docx and PDF)', async (t) => {
      if (!h) return t.skip('database unavailable');
      const workbook = await workbookQuery(h.ctx, fixture.organisationId, fixture.assessmentId);
      const found = workbook.rows.find(
        (r) =>
          r.requirementId === tech.requirementId &&
          (r.result === 'non_compliant' || r.result === 'partial'),
      )!;
      assert.ok(found.record, 'the failing row has a 结果记录');
      const doc = await buildReport(
        h.ctx,
        fixture.organisationId,
        'rectification',
        fixture.assessmentId,
        'zh',
        '2026-04-20',
      );
      const xml = docxXml(await renderReport(doc, 'docx'));
      const pdfBuffer = await renderReport(doc, 'pdf');
      const pdf = pdfText(pdfBuffer, 'plan.pdf');
      // 12000.50 + 0.10 + 0.20 + 30000 = 42000.80 of budget lines; 2 × 98000.25 = 196000.50 of products.
      for (const [format, text] of [
        ['docx', docxText(xml)],
        ['pdf', pdf],
      ] as const) {
        const flat = text.replace(/\s+/g, '');
        for (const heading of [
          '1整改依据与目标',
          '2差距分析',
          '2.1按安全类统计',
          '3整改措施',
          '3.1技术措施',
          '3.2管理措施',
          '4进度安排',
          '5责任分工',
          '6预算与产品清单',
          '附录A整改跟踪表',
        ])
          assert.ok(flat.includes(heading), `${format}: ${heading}`);
        assert.ok(flat.includes(MEASURES), `${format}: the measures`);
        const record = found.record!.replace(/\s+/g, '').replace(/[。.;；]+$/, '');
        assert.ok(flat.includes(record), `${format}: what was found`);
        assert.ok(flat.includes('42,000.80'), `${format}: budget lines total`);
        assert.ok(flat.includes('196,000.50'), `${format}: products total`);
        assert.ok(flat.includes('238,001.30'), `${format}: grand total`);
        assert.ok(flat.includes('12,000.60'), `${format}: 年度信息化专项资金 total`);
        assert.ok(flat.includes('30,000.20'), `${format}: 自筹 total`);
        assert.ok(flat.includes('服务器密码机'), `${format}: the product`);
        assert.ok(flat.includes('2026年8月底前完成全部整改'), `${format}: objectives`);
        assert.ok(flat.includes('安全计算环境'), `${format}: category`);
        assert.ok(!text.includes('\uFFFD'), `${format}: Chinese intact`);
      }
      // The schedule runs 2026-05-04 … 2026-08-31: May to August. The technical item is marked
      // May and June, the management item May to August: 2 + 4 marks.
      const marks = (s: string) => [...s].filter((c) => c === '■').length;
      // One more in the sentence explaining the mark.
      assert.equal(marks(docxText(xml)), 1 + 6, 'docx Gantt marks');
      assert.equal(marks(pdf), 1 + 6, 'PDF Gantt marks');
      // The number wraps in the PDF's narrow column; Word keeps it in one run.
      assert.ok(docxText(xml).includes('商用密码产品认证证书GM003312220230456'), 'certificate');
      for (const month of ['5月', '6月', '7月', '8月'])
        assert.ok(docxText(xml).includes(month), `Gantt column ${month}`);
      const line = pdfText(pdfBuffer, 'plan.pdf', true)
        .split('\n')
        .find((l) => l.includes(tech.clause) && l.includes('■'));
      assert.ok(line, `the technical item's Gantt row in the PDF: ${tech.clause}`);
      assert.equal(marks(line), 2);

      const en = await buildReport(
        h.ctx,
        fixture.organisationId,
        'rectification',
        fixture.assessmentId,
        'en',
        '2026-04-20',
      );
      const enText = pdfText(await renderReport(en, 'pdf'), 'plan-en.pdf').replace(/\s+/g, ' ');
      for (const heading of [
        '1 Basis and objectives',
        '2 Gap analysis',
        '4 Schedule',
        '6 Budget and products',
      ])
        assert.ok(enText.includes(heading), `en: ${heading}`);
      assert.ok(enText.includes('238,001.30'), 'en: grand total');
      assert.ok(
        docxText(docxXml(await renderReport(en, 'docx'))).includes(
          'Commercial cryptography product certificate',
        ),
        'en: certificate kind',
      );
    });
  });
}
