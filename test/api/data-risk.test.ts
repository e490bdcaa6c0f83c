import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { CLI_ACTOR } from '../../src/app/actor';
import type { RiskAssessmentDto, RiskItemDto } from '../../src/app/data-security/risk/model';
import { createUser } from '../../src/app/identity';
import { TEST_DIALECTS } from '../support';
import { seedIncident, seedProfile, seedResource } from './data-risk-fixtures';
import { STRONG_PASSWORD, startHarness, type Client, type Harness } from './harness';

/**
 * A city hospital, an important-data processor, runs its 2025 annual data-security risk
 * assessment (NDS Regulations Art. 33): one assessment per year, risks levelled from likelihood
 * × impact, completion refused to a member and to the assessment's author and while required
 * parts are missing, granted to another owner with the inventory frozen, the submission to the
 * provincial authority, risks tracked to closure afterwards but not deleted, stale versions,
 * the report as Word and PDF with the Art. 33 chapters, reopening, and tenant isolation.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`Data-security risk assessment API on ${dialect}`, () => {
    let h: Harness | null;
    let author: Client; // owner who opens the assessment
    let approver: Client; // another owner
    let member: Client; // datasec.read + write
    let viewer: Client; // datasec.read
    let outsider: Client;
    let orgId: string;
    let id: string;
    let critical: RiskItemDto;
    let medium: RiskItemDto;
    let dir: string;

    const url = (p = '') => `/api/organisations/${orgId}/data-security/risk-assessments${p}`;
    const details = (body: string) =>
      (JSON.parse(body) as { details: { path: string; message: string }[] }).details;
    const current = async (): Promise<RiskAssessmentDto> =>
      (await viewer.inject({ url: url(`/${id}`) })).json();

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      dir = mkdtempSync(path.join(tmpdir(), 'data-risk-'));
      author = await h.user('liu.yang', { admin: true });
      orgId = (
        await author.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市第一人民医院' },
        })
      ).json().id;
      const join = async (username: string, role: string) => {
        await createUser(h!.ctx, CLI_ACTOR, {
          username,
          displayName: username,
          password: STRONG_PASSWORD,
          mustChangePassword: false,
        });
        const res = await author.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/members`,
          payload: { username, role },
        });
        assert.ok(res.statusCode < 300, res.body);
        return h!.signIn(username);
      };
      approver = await join('huang.min', 'owner');
      member = await join('zhang.wei', 'member');
      viewer = await join('chen.jing', 'viewer');
      outsider = await h.user('zhao.qiang', { admin: true });
      await outsider.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某城市商业银行' },
      });

      await seedResource(h.ctx, orgId, {
        code: 'DR-001',
        name: '患者电子病历',
        grade: 'important',
        data: {
          description: '门诊和住院诊疗',
          records: 1_200_000,
          volumeText: '约 120 万条',
          locations: ['院本部数据中心'],
          crossBorder: false,
        },
      });
      await seedResource(h.ctx, orgId, {
        code: 'DR-002',
        name: '医学影像',
        grade: 'important',
        data: {
          bytes: 3_200_000_000_000,
          locations: ['院本部数据中心', '某云华东区域'],
          crossBorder: true,
          crossBorderDestinations: ['HK'],
        },
      });
      await seedResource(h.ctx, orgId, { code: 'DR-003', name: '员工信息', grade: 'general' });
      await seedIncident(h.ctx, orgId, {
        code: 'INC-2025-07',
        title: '影像系统勒索病毒感染',
        foundAt: '2025-07-14T18:30:00.000Z', // 2025-07-15 in Beijing
        grade: 'large',
        status: 'closed',
      });
      await seedIncident(h.ctx, orgId, {
        code: 'INC-2026-01',
        title: '评估期间之后的事件',
        foundAt: '2026-01-05T02:00:00.000Z',
        grade: 'general',
        status: 'handling',
      });
    });
    after(async () => {
      await h?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('opens the 2025 assessment; a second one of the same year is refused', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await author.inject({
        method: 'POST',
        url: url(),
        payload: {
          year: 2025,
          title: '2025年度数据安全风险评估',
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
          assessor: '本院信息中心',
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const dto = res.json() as RiskAssessmentDto;
      id = dto.id;
      assert.equal(dto.status, 'draft');
      assert.equal(dto.version, 1);
      assert.deepEqual(
        dto.missingParts.map((m) => m.path),
        [
          'profile.dataSecurityOfficer',
          'profile.managementBody',
          'managementMeasures',
          'technicalMeasures',
          'risks',
          'provisionAssessments',
          'conclusion',
        ],
      );
      const again = await member.inject({
        method: 'POST',
        url: url(),
        payload: { year: 2025, title: '重复', periodFrom: '2025-01-01', periodTo: '2025-12-31' },
      });
      assert.equal(again.statusCode, 409, again.body);
      assert.match(again.json().message, /risk assessment of 2025 already/);
      const badPeriod = await member.inject({
        method: 'POST',
        url: url(),
        payload: {
          year: 2024,
          title: '期间颠倒',
          periodFrom: '2024-12-31',
          periodTo: '2024-01-01',
        },
      });
      assert.equal(badPeriod.statusCode, 400, badPeriod.body);
      assert.deepEqual(
        details(badPeriod.body).map((d) => d.path),
        ['periodTo'],
      );
      const viewerPost = await viewer.inject({
        method: 'POST',
        url: url(),
        payload: { year: 2024, title: '只读', periodFrom: '2024-01-01', periodTo: '2024-12-31' },
      });
      assert.equal(viewerPost.statusCode, 403);
    });

    it('records risks with their level from likelihood × impact; codes and resources checked', async (t) => {
      if (!h) return t.skip('database unavailable');
      const post = (payload: Record<string, unknown>) =>
        member.inject({ method: 'POST', url: url(`/${id}/risks`), payload });
      const r1 = await post({
        code: 'R-01',
        title: '病历库未加密存储',
        description: '患者电子病历以明文存储',
        area: 'storage',
        dataResourceCodes: ['DR-001'],
        likelihood: 4,
        impact: 5,
        owner: '信息中心 王工',
        dueOn: '2026-02-28',
      });
      assert.equal(r1.statusCode, 201, r1.body);
      critical = r1.json();
      assert.equal(critical.level, 'critical');
      assert.equal(critical.score, 20);
      const stored = await h.store.db
        .selectFrom('data_risk_items')
        .select(['level', 'status', 'due_on', 'content_enc'])
        .where('id', '=', critical.id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.level, 'critical');
      assert.equal(stored.due_on, '2026-02-28');
      assert.ok(!stored.content_enc.includes('明文'), 'content encrypted');

      const r2 = await post({
        code: 'R-02',
        title: '影像出境未评估',
        area: 'cross_border',
        dataResourceCodes: ['DR-002'],
        likelihood: 2,
        impact: 3,
        measures: '申报数据出境安全评估',
      });
      assert.equal(r2.statusCode, 201, r2.body);
      medium = r2.json();
      assert.equal(medium.level, 'medium');

      const unknown = await post({
        code: 'R-03',
        title: '未知资源',
        area: 'storage',
        dataResourceCodes: ['DR-001', 'DR-999'],
        likelihood: 1,
        impact: 1,
      });
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.deepEqual(details(unknown.body), [
        {
          path: 'dataResourceCodes[1]',
          message: "DR-999 is not a data resource of the organisation's inventory",
          messageZh: 'DR-999 不是本单位数据资源目录中的数据资源',
          code: 'data_risk.resource_unknown',
          params: { code: 'DR-999' },
        },
      ]);
      const twice = await post({
        code: 'R-01',
        title: '重复',
        area: 'storage',
        likelihood: 1,
        impact: 1,
      });
      assert.equal(twice.statusCode, 400);
      assert.equal(details(twice.body)[0]!.path, 'code');
      const offScale = await post({
        code: 'R-09',
        title: '越界',
        area: 'storage',
        likelihood: 6,
        impact: 1,
      });
      assert.equal(offScale.statusCode, 400);
      assert.equal(details(offScale.body)[0]!.path, 'likelihood');

      // A patch changes what it names: level recomputed, status and resources kept.
      const raised = await member.inject({
        method: 'PATCH',
        url: url(`/${id}/risks/${medium.id}`),
        payload: { version: medium.version, impact: 4 },
      });
      assert.equal(raised.statusCode, 200, raised.body);
      assert.equal(raised.json().level, 'medium'); // 2 × 4 = 8
      assert.equal(raised.json().status, 'open');
      assert.deepEqual(raised.json().dataResourceCodes, ['DR-002']);
      medium = raised.json();
      const stale = await member.inject({
        method: 'PATCH',
        url: url(`/${id}/risks/${medium.id}`),
        payload: { version: 1, impact: 5 },
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
    });

    it('completion: member 403, the author 403 (separation of duties), missing parts 400', async (t) => {
      if (!h) return t.skip('database unavailable');
      let dto = await current();
      const complete = (who: Client, version: number, completedOn = '2026-02-20') =>
        who.inject({
          method: 'POST',
          url: url(`/${id}/transition`),
          payload: { action: 'complete', completedOn, version },
        });
      assert.equal((await complete(member, dto.version)).statusCode, 403);
      const own = await complete(author, dto.version);
      assert.equal(own.statusCode, 403);
      assert.match(own.json().message, /separation of duties/);
      const missing = await complete(approver, dto.version);
      assert.equal(missing.statusCode, 400, missing.body);
      assert.deepEqual(
        details(missing.body).map((d) => d.path),
        [
          'profile.dataSecurityOfficer',
          'profile.managementBody',
          'managementMeasures',
          'technicalMeasures',
          'risks[0].measures',
          'provisionAssessments',
          'conclusion',
        ],
      );
      assert.equal(details(missing.body)[4]!.message.includes('R-01'), true);

      // Fill the parts in (the profile belongs to the duties module: seeded).
      await seedProfile(h.ctx, orgId, {
        dataSecurityOfficer: '王强（副院长），010-12345678',
        managementBody: '数据安全管理委员会（信息中心）',
      });
      const stale = await member.inject({
        method: 'PATCH',
        url: url(`/${id}`),
        payload: { version: dto.version + 5, conclusion: 'x' },
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      const filled = await member.inject({
        method: 'PATCH',
        url: url(`/${id}`),
        payload: {
          version: dto.version,
          managementMeasures:
            '已发布《数据安全管理办法》《数据分类分级管理规定》，年内开展培训 4 次。',
          technicalMeasures:
            '核心系统访问控制与双因素认证；每日备份，季度恢复演练；病历库加密改造中。',
          provisionAssessments:
            '本年度委托某信息技术有限公司运维电子病历系统，委托前已开展风险评估。',
          conclusion: '总体风险可控，病历库加密存储为高优先级整改项。',
        },
      });
      assert.equal(filled.statusCode, 200, filled.body);
      dto = filled.json();
      assert.deepEqual(
        dto.missingParts.map((m) => m.path),
        ['risks[0].measures'],
      );
      const r1 = await member.inject({
        method: 'PATCH',
        url: url(`/${id}/risks/${critical.id}`),
        payload: { version: critical.version, measures: '2026 年 2 月底前完成病历库透明加密' },
      });
      assert.equal(r1.statusCode, 200, r1.body);
      critical = r1.json();
      assert.deepEqual((await current()).missingParts, []);
      // Not in the future, not before the period.
      const future = await complete(approver, dto.version, '2026-03-03');
      assert.equal(future.statusCode, 400);
      assert.equal(details(future.body)[0]!.path, 'completedOn');
    });

    it('another owner completes it: the inventory is frozen into the snapshot', async (t) => {
      if (!h) return t.skip('database unavailable');
      const dto = await current();
      const res = await approver.inject({
        method: 'POST',
        url: url(`/${id}/transition`),
        payload: { action: 'complete', completedOn: '2026-02-20', version: dto.version },
      });
      assert.equal(res.statusCode, 200, res.body);
      const done = res.json() as RiskAssessmentDto;
      assert.equal(done.status, 'completed');
      assert.equal(done.completedOn, '2026-02-20');
      assert.equal(done.completedByName, 'huang.min');
      assert.deepEqual(
        { ...done.snapshot, takenAt: undefined },
        { takenAt: undefined, resources: 3, important: 2, core: 0, provisions: 0 },
      );
      const row = await h.store.db
        .selectFrom('data_risk_assessments')
        .select(['snapshot_enc', 'completed_by'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.ok(row.snapshot_enc && !row.snapshot_enc.includes('患者'));
      assert.equal(row.completed_by, approver.userId);
      // The inventory changes afterwards; the report keeps the snapshot.
      await seedResource(h.ctx, orgId, {
        code: 'DR-004',
        name: '互联网医院问诊记录',
        grade: 'important',
      });
    });

    it('after completion: read-only narrative, no new or deleted risks, tracking to closure', async (t) => {
      if (!h) return t.skip('database unavailable');
      const dto = await current();
      const edit = await member.inject({
        method: 'PATCH',
        url: url(`/${id}`),
        payload: { version: dto.version, conclusion: '改结论' },
      });
      assert.equal(edit.statusCode, 409);
      assert.match(edit.json().message, /reopen/);
      const add = await member.inject({
        method: 'POST',
        url: url(`/${id}/risks`),
        payload: { code: 'R-10', title: '新风险', area: 'storage', likelihood: 1, impact: 1 },
      });
      assert.equal(add.statusCode, 409);
      const del = await member.inject({ method: 'DELETE', url: url(`/${id}/risks/${medium.id}`) });
      assert.equal(del.statusCode, 409);
      assert.match(del.json().message, /tracked to closure/);
      const rescore = await member.inject({
        method: 'PATCH',
        url: url(`/${id}/risks/${critical.id}`),
        payload: { version: critical.version, likelihood: 1 },
      });
      assert.equal(rescore.statusCode, 409);
      assert.match(rescore.json().message, /not likelihood/);
      const noDate = await member.inject({
        method: 'PATCH',
        url: url(`/${id}/risks/${critical.id}`),
        payload: { version: critical.version, status: 'closed' },
      });
      assert.equal(noDate.statusCode, 400);
      assert.equal(details(noDate.body)[0]!.path, 'closedOn');
      const closed = await member.inject({
        method: 'PATCH',
        url: url(`/${id}/risks/${critical.id}`),
        payload: {
          version: critical.version,
          status: 'closed',
          closedOn: '2026-02-27',
          closingNote: '透明加密上线',
        },
      });
      assert.equal(closed.statusCode, 200, closed.body);
      critical = closed.json();
      assert.equal(critical.level, 'critical');
      assert.equal(critical.status, 'closed');
      const gone = await member.inject({ method: 'DELETE', url: url(`/${id}`) });
      assert.equal(gone.statusCode, 409);
    });

    it('the tracking list: open risks of every assessment with their year', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await viewer.inject({
        url: `/api/organisations/${orgId}/data-security/risks?status=open,in_progress`,
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(
        body.items.map((r: { code: string; assessment: { year: number } }) => [
          r.code,
          r.assessment.year,
        ]),
        [['R-02', 2025]],
      );
      assert.equal(body.summary.open, 1);
      const all = await viewer.inject({ url: `/api/organisations/${orgId}/data-security/risks` });
      assert.equal(all.json().total, 2);
      const bad = await viewer.inject({
        url: `/api/organisations/${orgId}/data-security/risks?status=done`,
      });
      assert.equal(bad.statusCode, 400);
    });

    it('records the submission to the authority', async (t) => {
      if (!h) return t.skip('database unavailable');
      const dto = await current();
      const early = await member.inject({
        method: 'POST',
        url: url(`/${id}/transition`),
        payload: {
          action: 'report',
          version: dto.version,
          reportedOn: '2026-02-19',
          recipient: '某省卫生健康委员会',
        },
      });
      assert.equal(early.statusCode, 400);
      assert.equal(details(early.body)[0]!.path, 'reportedOn');
      const res = await member.inject({
        method: 'POST',
        url: url(`/${id}/transition`),
        payload: {
          action: 'report',
          version: dto.version,
          reportedOn: '2026-02-25',
          recipient: '某省卫生健康委员会',
          reference: '卫数安〔2026〕12号',
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'reported');
      assert.deepEqual(res.json().report, {
        reportedOn: '2026-02-25',
        recipient: '某省卫生健康委员会',
        reference: '卫数安〔2026〕12号',
      });
    });

    it('the report: Word and PDF with the Art. 33 chapters, the snapshot, risks and incidents', async (t) => {
      if (!h) return t.skip('database unavailable');
      const docx = await viewer.inject({ url: url(`/${id}/report?format=docx`) });
      assert.equal(docx.statusCode, 200, docx.body);
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      assert.match(String(docx.headers['content-disposition']), /data-risk-report\.docx/);
      const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
      const text = xml.replace(/<[^>]+>/g, '');
      for (const heading of [
        '数据安全风险评估报告',
        '一、网络数据处理者基本情况',
        '二、重要数据的处理情况',
        '三、数据安全管理制度及技术措施',
        '四、数据安全风险及安全事件',
        '五、提供、委托处理、共同处理重要数据的风险评估情况',
        '六、数据出境情况',
        '七、其他报告内容',
        '八、评估结论',
      ])
        assert.ok(text.includes(heading), `docx has ${heading}`);
      for (const fact of [
        '王强（副院长），010-12345678',
        '患者电子病历',
        '约 120 万条',
        '病历库未加密存储',
        '极高',
        'INC-2025-07',
        '2025年7月15日',
        '某省卫生健康委员会',
        '本工具自定的 5×5 风险矩阵',
      ])
        assert.ok(text.includes(fact), `docx has ${fact}`);
      assert.ok(!text.includes('DR-004'), 'snapshot, not the live inventory');
      assert.ok(!text.includes('INC-2026-01'), 'incidents of the period only');
      assert.ok(!text.includes('本报告为草稿'));

      const pdf = await viewer.inject({ url: url(`/${id}/report?format=pdf`) });
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const file = path.join(dir, `${dialect}.pdf`);
      writeFileSync(file, pdf.rawPayload);
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
      for (const s of [
        '一、网络数据处理者基本情况',
        '四、数据安全风险及安全事件',
        '八、评估结论',
        'R-01',
        '病历库未加密存储',
      ])
        assert.ok(pdfText.includes(s), `pdf has ${s}`);

      const en = await viewer.inject({ url: url(`/${id}/report?format=docx&lang=en`) });
      assert.equal(en.statusCode, 200);
      const enText = strFromU8(
        unzipSync(new Uint8Array(en.rawPayload))['word/document.xml']!,
      ).replace(/<[^>]+>/g, '');
      assert.ok(enText.includes('1 The network data processor'));
      assert.ok(enText.includes('Critical'));
    });

    it('reopen: approver only, with a reason; back to draft; a once-completed draft is not deleted', async (t) => {
      if (!h) return t.skip('database unavailable');
      let dto = await current();
      const byMember = await member.inject({
        method: 'POST',
        url: url(`/${id}/transition`),
        payload: { action: 'reopen', version: dto.version, reason: '补充' },
      });
      assert.equal(byMember.statusCode, 403);
      const res = await approver.inject({
        method: 'POST',
        url: url(`/${id}/transition`),
        payload: { action: 'reopen', version: dto.version, reason: '主管部门要求补充供应链情况' },
      });
      assert.equal(res.statusCode, 200, res.body);
      dto = res.json();
      assert.equal(dto.status, 'draft');
      assert.equal(dto.snapshot, null);
      assert.equal(dto.report, null);
      assert.equal(dto.reopenings.length, 1);
      assert.equal(dto.reopenings[0]!.from, 'reported');
      assert.equal(dto.reopenings[0]!.reportedOn, '2026-02-25');
      const draftDoc = await viewer.inject({ url: url(`/${id}/report?format=docx`) });
      const draftText = strFromU8(
        unzipSync(new Uint8Array(draftDoc.rawPayload))['word/document.xml']!,
      ).replace(/<[^>]+>/g, '');
      assert.ok(draftText.includes('本报告为草稿'));
      assert.ok(draftText.includes('DR-004'), 'a draft shows the live inventory');
      const del = await member.inject({ method: 'DELETE', url: url(`/${id}`) });
      assert.equal(del.statusCode, 409);
      assert.match(del.json().message, /completed on 2026-02-20/);
    });

    it('deletes a fresh draft with its risks; audit entries carry no narrative', async (t) => {
      if (!h) return t.skip('database unavailable');
      const draft = await member.inject({
        method: 'POST',
        url: url(),
        payload: {
          year: 2024,
          title: '2024年度评估（误建）',
          periodFrom: '2024-01-01',
          periodTo: '2024-12-31',
          conclusion: '不应出现在审计日志中的结论',
        },
      });
      assert.equal(draft.statusCode, 201, draft.body);
      const draftId = (draft.json() as RiskAssessmentDto).id;
      const risk = await member.inject({
        method: 'POST',
        url: url(`/${draftId}/risks`),
        payload: { code: 'R-01', title: '测试', area: 'management', likelihood: 1, impact: 2 },
      });
      assert.equal(risk.statusCode, 201);
      const gone = await member.inject({ method: 'DELETE', url: url(`/${draftId}`) });
      assert.equal(gone.statusCode, 204, gone.body);
      const left = await h.store.db
        .selectFrom('data_risk_items')
        .select('id')
        .where('assessment_id', '=', draftId)
        .execute();
      assert.equal(left.length, 0);
      const audit = await h.store.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('organisation_id', '=', orgId)
        .execute();
      const actions = audit.map((a) => a.action as string);
      for (const action of [
        'datasec.risk_assessment.create',
        'datasec.risk_assessment.update',
        'datasec.risk_assessment.complete',
        'datasec.risk_assessment.report',
        'datasec.risk_assessment.reopen',
        'datasec.risk_assessment.delete',
        'datasec.risk.create',
        'datasec.risk.update',
      ])
        assert.ok(actions.includes(action), `audit has ${action}`);
      const all = JSON.stringify(audit);
      assert.ok(!all.includes('不应出现在审计日志中的结论'));
      assert.ok(!all.includes('主管部门要求补充供应链情况'));
    });

    it('keeps organisations apart', async (t) => {
      if (!h) return t.skip('database unavailable');
      const read = await outsider.inject({ url: url(`/${id}`) });
      assert.equal(read.statusCode, 404, read.body);
      const report = await outsider.inject({ url: url(`/${id}/report?format=pdf`) });
      assert.equal(report.statusCode, 404);
    });
  });
}
