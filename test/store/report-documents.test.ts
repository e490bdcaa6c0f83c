import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import { writeFindingNoteCommand } from '../../src/app/assessment/commands';
import { scoreQuery, workbookQuery } from '../../src/app/assessment/queries';
import type { AppContext } from '../../src/app/context';
import { buildReport, renderReport } from '../../src/app/reports';
import type { Store } from '../../src/store/database';
import {
  createHospitalAssessment,
  recordSomeResults,
  type AssessmentFixture,
} from '../fixtures/assessment-fixture';
import { openTestStore, testContext, TEST_DIALECTS } from '../support';

/**
 * The documents as a user receives them: built from a realistic assessment in the database,
 * rendered to Word and PDF, and read back (the docx XML; pdftotext for PDF). The figures in
 * them must be the scoring engine's.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`report documents from the ${dialect} store`, () => {
    let store: Store | null;
    let ctx: AppContext;
    let fixture: AssessmentFixture;
    const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-reports-'));

    before(async () => {
      store = await openTestStore(dialect);
      if (!store) return;
      ctx = testContext(store, '2026-04-20');
      fixture = await createHospitalAssessment(ctx);
      const workbook = await workbookQuery(ctx, fixture.organisationId, fixture.assessmentId);
      await recordSomeResults(
        ctx,
        fixture,
        workbook.rows.map((r) => ({
          requirementId: r.requirementId,
          objectId: r.objectId,
          category: r.category,
        })),
      );
      await writeFindingNoteCommand(
        ctx,
        fixture.actor,
        fixture.organisationId,
        fixture.assessmentId,
        '8.1.4.1-d',
        {
          version: 0,
          risk: 'high',
          observations: [],
          description: '核心系统仅凭口令登录',
        },
      );
    });
    after(async () => {
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const pdfText = (buffer: Buffer, name: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, buffer);
      try {
        return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      } catch (error) {
        throw new Error(
          `pdftotext is needed to read the PDF back (apt-get install poppler-utils): ${error}`,
          { cause: error },
        );
      }
    };
    const docxText = (buffer: Buffer) => {
      const files = unzipSync(new Uint8Array(buffer));
      const xml = strFromU8(files['word/document.xml']!);
      return xml
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
    };

    it('the assessment report carries the engine’s rate, conclusion and risk counts in both formats', async (t) => {
      if (!store) return t.skip('database unavailable');
      const score = await scoreQuery(
        ctx,
        fixture.organisationId,
        fixture.assessmentId,
        '2026-04-20',
      );
      const doc = await buildReport(
        ctx,
        fixture.organisationId,
        'assessment',
        fixture.assessmentId,
        'zh',
        '2026-04-20',
      );
      const rate = `${score.before.value.toFixed(2)}%`;
      for (const [format, text] of [
        ['pdf', pdfText(await renderReport(doc, 'pdf'), 'assessment.pdf')],
        ['docx', docxText(await renderReport(doc, 'docx'))],
      ] as const) {
        const flat = text.replace(/\s+/g, '');
        assert.ok(flat.includes(rate), `${format}: 符合率 ${rate}`);
        assert.ok(
          flat.includes(score.before.conclusionZh),
          `${format}: conclusion ${score.before.conclusionZh}`,
        );
        assert.ok(
          flat.includes(score.before.majorRiskLabel.replace(/\s+/g, '')),
          `${format}: major risks`,
        );
        for (const heading of [
          '测评项目概述',
          '被测对象描述',
          '单项测评结果分析',
          '安全问题风险分析',
          '等级测评结论',
          '安全问题整改建议',
        ]) {
          assert.ok(flat.includes(heading), `${format}: chapter ${heading}`);
        }
        assert.ok(flat.includes('HIS数据库达梦DM8'), `${format}: a test object`);
        assert.ok(!text.includes('\uFFFD'), `${format}: Chinese intact`);
      }
    });

    it('the grading report, filing form and rectification plan read back in Chinese and English', async (t) => {
      if (!store) return t.skip('database unavailable');
      const grading = await buildReport(
        ctx,
        fixture.organisationId,
        'grading',
        fixture.systemId,
        'zh',
        '2026-04-20',
      );
      const gradingPdf = pdfText(await renderReport(grading, 'pdf'), 'grading.pdf').replace(
        /\s+/g,
        '',
      );
      assert.ok(gradingPdf.includes('第三级'));
      assert.ok(gradingPdf.includes('社会秩序、公共利益'));
      const filing = docxText(
        await renderReport(
          await buildReport(
            ctx,
            fixture.organisationId,
            'filing',
            fixture.systemId,
            'zh',
            '2026-04-20',
          ),
          'docx',
        ),
      );
      assert.ok(filing.includes('某市第一人民医院'));
      assert.ok(filing.includes('医院信息系统（HIS）'));
      const english = await buildReport(
        ctx,
        fixture.organisationId,
        'rectification',
        fixture.assessmentId,
        'en',
        '2026-04-20',
      );
      const plan = pdfText(await renderReport(english, 'pdf'), 'plan-en.pdf');
      assert.match(plan, /Page 1 of \d+/);
    });
  });
}
