import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { CLI_ACTOR } from '../../src/app/actor';
import { writeResultsCommand } from '../../src/app/assessment/commands';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

/**
 * The exports through the API against a real database: the system inventory, an assessment's
 * findings and the obligations as Excel, and the obligations calendar as Word and PDF.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`exports API on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let assessmentId: string;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('export.owner', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市第一人民医院' },
        })
      ).json().id;
      const system = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        payload: {
          name: '医院信息系统（HIS）',
          types: ['ordinary_system'],
          goLiveOn: '2025-01-01',
          competentAuthority: '某市卫生健康委员会',
          hasCompetentAuthority: true,
        },
      });
      assert.equal(system.statusCode, 201, system.body);
      const systemId = system.json().id as string;
      // Graded on 2026-01-05 and never filed: the filing (due 30 days later) is overdue on 2026-03-02.
      const graded = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${systemId}/gradings`,
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
          systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
          gradedOn: '2026-01-05',
          reason: '三级甲等医院核心业务系统',
          version: system.json().version,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
      const assessment = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${systemId}/assessments`,
        payload: { title: '2026年度等级测评' },
      });
      assert.equal(assessment.statusCode, 201, assessment.body);
      assessmentId = assessment.json().id;
      const server = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/assessments/${assessmentId}/objects`,
        payload: { name: '数据库服务器', kind: 'server' },
      });
      assert.equal(server.statusCode, 201, server.body);
      await writeResultsCommand(h.ctx, CLI_ACTOR, orgId, assessmentId, {
        rows: [
          {
            requirementId: '8.1.4.1-c',
            objectId: server.json().id,
            version: 0,
            result: 'non_compliant',
            record: '远程管理使用 Telnet 明文传输',
          },
        ],
      });
    });
    after(async () => {
      await h?.close();
    });

    const url = (path: string) => `/api/organisations/${orgId}${path}`;

    /** GETs a workbook and returns its sheets' values, row by row (row 1 = header). */
    const workbook = async (path: string) => {
      const res = await owner.inject({ url: url(path) });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(
        res.headers['content-type'],
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="[\w.-]+"; filename\*=UTF-8''/,
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      return book.worksheets.map((sheet) => {
        const rows: string[][] = [];
        sheet.eachRow((row) => {
          const values = (row.values as ExcelJS.CellValue[]).slice(1);
          rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
        });
        return { name: sheet.name, rows, frozen: sheet.views[0]?.state };
      });
    };

    it('exports the system inventory (定级对象清单)', async (t) => {
      if (!h) return t.skip('database unavailable');
      const [sheet, ...rest] = await workbook('/systems.xlsx?asOf=2026-03-02');
      assert.equal(rest.length, 0);
      assert.equal(sheet?.name, '定级对象清单');
      assert.equal(sheet?.frozen, 'frozen');
      const [header, row] = sheet!.rows;
      assert.deepEqual(header?.slice(0, 10), [
        '名称',
        '类型',
        '等级',
        '定级日期',
        '投入运行日期',
        '是否关基',
        '备案证明编号',
        '备案日期',
        '受理公安机关',
        '主管部门',
      ]);
      assert.ok(header?.includes('下次测评'));
      assert.deepEqual(row?.slice(0, 4), [
        '医院信息系统（HIS）',
        '信息系统',
        '第三级',
        '2026-01-05',
      ]);
      assert.equal(row?.[4], '2025-01-01');
      assert.equal(row?.[9], '某市卫生健康委员会');
    });

    it('exports the findings of an assessment (安全问题)', async (t) => {
      if (!h) return t.skip('database unavailable');
      const [sheet] = await workbook(`/assessments/${assessmentId}/findings.xlsx`);
      assert.equal(sheet?.name, '安全问题');
      const [header, row, ...more] = sheet!.rows;
      assert.deepEqual(header?.slice(0, 9), [
        '条款',
        '安全类',
        '控制点',
        '问题（要求项）',
        '结果',
        '涉及对象',
        '建议风险',
        '确认风险',
        '整改状态',
      ]);
      assert.equal(more.length, 0);
      assert.match(row?.[0] ?? '', /^8\.1\.4\.1/);
      assert.equal(row?.[1], '安全计算环境');
      assert.equal(row?.[4], '不符合');
      assert.equal(row?.[5], '数据库服务器');
      assert.equal(row?.[7], '未确认');
      assert.equal(row?.[8], '未建整改项');
    });

    it('exports the obligations (合规义务) on a date', async (t) => {
      if (!h) return t.skip('database unavailable');
      const [sheet] = await workbook('/obligations.xlsx?asOf=2026-03-02');
      assert.equal(sheet?.name, '合规义务');
      const [header, ...rows] = sheet!.rows;
      assert.deepEqual(header?.slice(0, 4), ['定级对象', '义务', '到期日', '状态']);
      const filing = rows.find((r) => r[1] === '向公安机关备案');
      assert.ok(filing, JSON.stringify(rows));
      assert.deepEqual(filing.slice(0, 4), [
        '医院信息系统（HIS）',
        '向公安机关备案',
        '2026-02-04',
        '已逾期',
      ]);
      assert.match(filing[6] ?? '', /信息安全等级保护管理办法/);
    });

    it('writes the obligations calendar as PDF and Word', async (t) => {
      if (!h) return t.skip('database unavailable');
      const pdf = await owner.inject({ url: url('/reports/calendar.pdf?lang=zh&asOf=2026-03-02') });
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.match(
        String(pdf.headers['content-disposition']),
        /filename="obligations-calendar\.pdf"; filename\*=UTF-8''%E6%9F%90/,
      );
      const docx = await owner.inject({ url: url('/reports/calendar.docx?lang=en') });
      assert.equal(docx.statusCode, 200, docx.body);
      assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
      const wrongKind = await owner.inject({ url: url('/reports/grading.pdf') });
      assert.equal(wrongKind.statusCode, 400, wrongKind.body);
    });
  });
}
