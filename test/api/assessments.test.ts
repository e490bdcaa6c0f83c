import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  AssessmentDto,
  AssessmentScoreDto,
  FindingDto,
  RectificationDto,
  WorkbookDto,
} from '../../src/shared/api-types';
import { createFieldCipher } from '../../src/security/field-crypto';
import { createKeyring } from '../../src/security/keyring';
import { reencryptAll } from '../../src/store/reencrypt';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

/**
 * A level-3 assessment of a hospital system through the API: objects, results with versions,
 * review by a second assessor, evidence, findings with high-risk observations, major risks, the
 * 2025 conclusion before and after rectification, and what an assessor may see.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`assessments API on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let reviewer: Client;
    let orgId: string;
    let systemId: string;
    let assessmentId: string;
    let serverId: string;
    let docsId: string;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('chen.jing', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市第一人民医院' },
        })
      ).json().id;
      const reviewerClient = await h.user('liu.yang');
      await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/members`,
        payload: { username: 'liu.yang', role: 'assessor' },
      });
      reviewer = reviewerClient;
      const system = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        payload: { name: '医院信息系统（HIS）', types: ['ordinary_system'] },
      });
      systemId = system.json().id;
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
      // The reviewer (an assessor) sees only assigned systems.
      const assign = await owner.inject({
        method: 'PUT',
        url: `/api/organisations/${orgId}/members/${reviewerClient.userId}/systems/${systemId}`,
      });
      assert.ok(assign.statusCode < 300, assign.body);
    });
    after(async () => {
      await h?.close();
    });

    const url = (path: string) => `/api/organisations/${orgId}${path}`;
    const a = (path = '') => url(`/assessments/${assessmentId}${path}`);

    it('starts an assessment with the baseline fixed from the catalog', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({
        method: 'POST',
        url: url(`/systems/${systemId}/assessments`),
        payload: {
          title: '2026年度等级测评',
          periodStart: '2026-03-01',
          periodEnd: '2026-03-20',
          agency: '某测评机构',
          reportDate: '2026-03-25',
          team: ['liu.yang'],
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const dto = res.json() as AssessmentDto;
      assessmentId = dto.id;
      assert.equal(dto.level, 3);
      assert.equal(dto.requirementCount, 211);
      assert.equal(dto.catalogChanged, false);
      assert.match(dto.catalogHash, /^[0-9a-f]{64}$/);

      const badTeam = await owner.inject({
        method: 'POST',
        url: url(`/systems/${systemId}/assessments`),
        payload: { title: 'x', team: ['nobody'] },
      });
      assert.equal(badTeam.statusCode, 400);
      assert.match(badTeam.body, /team\[0\]/);
    });

    it('adds test objects; the workbook has a row per requirement × applicable object', async (t) => {
      if (!h) return t.skip('database unavailable');
      for (const [name, kind] of [
        ['数据库服务器', 'server'],
        ['管理制度文档', 'document'],
      ]) {
        const res = await owner.inject({
          method: 'POST',
          url: a('/objects'),
          payload: { name, kind },
        });
        assert.equal(res.statusCode, 201, res.body);
        if (kind === 'server') serverId = res.json().id;
        else docsId = res.json().id;
      }
      const workbook = (
        await owner.inject({ method: 'GET', url: a('/workbook') })
      ).json() as WorkbookDto;
      // 34 CES items on the server, 115 management items on the documents.
      assert.equal(workbook.rows.length, 34 + 115);
      const row = workbook.rows.find(
        (r) => r.requirementId === '8.1.4.1-a' && r.objectId === serverId,
      );
      assert.equal(row?.clause, '8.1.4.1 a)');
      assert.equal(row?.testId, 'L3-CES1-01');
      assert.equal(row?.version, 0);
    });

    it('exports the workbook with the test guidance columns when asked', async (t) => {
      if (!h) return t.skip('database unavailable');
      const header = async (query: string) => {
        const res = await owner.inject({ method: 'GET', url: a(`/export.xlsx${query}`) });
        assert.equal(res.statusCode, 200, res.body);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
        const sheet = book.getWorksheet('数据库服务器')!;
        const names = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
        const row = [...Array(sheet.rowCount).keys()]
          .map((i) => sheet.getRow(i + 1))
          .find((r) => (r.values as unknown[]).includes('8.1.4.1-a'));
        const column = names.indexOf('测评步骤');
        return { names, steps: column > 0 ? (row?.getCell(column).text ?? '') : '' };
      };
      const plain = await header('');
      assert.ok(!plain.names.includes('测评步骤'));
      const guided = await header('?guidance=true');
      for (const column of ['测评步骤', '预期结果', '判定依据']) {
        assert.ok(guided.names.includes(column), column);
      }
      assert.match(guided.steps, /[\u4e00-\u9fff]{4}/, 'the steps are written out in Chinese');
      const bad = await owner.inject({ method: 'GET', url: a('/export.xlsx?guidance=yes') });
      assert.equal(bad.statusCode, 400);
    });

    it('sends the workbook brotli- or gzip-compressed as the client accepts, same content', async (t) => {
      if (!h) return t.skip('database unavailable');
      const plain = await owner.inject({ method: 'GET', url: a('/workbook') });
      const br = await owner.inject({
        method: 'GET',
        url: a('/workbook'),
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);
      assert.ok(br.rawPayload.length * 5 < plain.rawPayload.length, 'much smaller');
      const gz = await owner.inject({
        method: 'GET',
        url: a('/workbook'),
        headers: { 'accept-encoding': 'gzip' },
      });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), plain.body);
    });

    it('records results with versions; a stale version is 409; 部分符合 needs a reason', async (t) => {
      if (!h) return t.skip('database unavailable');
      const put = (requirementId: string, objectId: string, body: object) =>
        owner.inject({
          method: 'PUT',
          url: a(`/results/${requirementId}/${objectId}`),
          payload: body,
        });
      const first = await put('8.1.4.1-a', serverId, {
        result: 'non_compliant',
        record: '存在弱口令 admin/123456，未启用口令复杂度策略',
        version: 0,
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, 1);
      const stale = await put('8.1.4.1-a', serverId, { result: 'compliant', version: 0 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      assert.equal(stale.json().currentVersion, 1);
      const noReason = await put('8.1.4.1-b', serverId, { result: 'partial', version: 0 });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /reason/);
      const wrongObject = await put('8.1.6.1-a', serverId, { result: 'compliant', version: 0 });
      assert.equal(wrongObject.statusCode, 400);
      assert.match(wrongObject.body, /not in the requirement set of 数据库服务器/);

      // The cached workbook follows every change (ETag per revision).
      const before = await owner.inject({ method: 'GET', url: a('/workbook') });
      const etag = String(before.headers.etag);
      const again = await owner.inject({
        method: 'GET',
        url: a('/workbook'),
        headers: { 'if-none-match': etag },
      });
      assert.equal(again.statusCode, 304);
      await put('8.1.4.1-c', serverId, {
        result: 'compliant',
        record: '远程管理使用SSH',
        version: 0,
      });
      const after = await owner.inject({
        method: 'GET',
        url: a('/workbook'),
        headers: { 'if-none-match': etag },
      });
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers.etag, etag);
      const row = (after.json() as WorkbookDto).rows.find(
        (r) => r.requirementId === '8.1.4.1-c' && r.objectId === serverId,
      );
      assert.equal(row?.record, '远程管理使用SSH');

      // Concurrent edits of one result: exactly one wins.
      const [x, y] = await Promise.all([
        put('8.1.4.1-a', serverId, { result: 'non_compliant', record: '甲', version: 1 }),
        put('8.1.4.1-a', serverId, { result: 'non_compliant', record: '乙', version: 1 }),
      ]);
      assert.deepEqual([x.statusCode, y.statusCode].sort(), [200, 409]);
    });

    it('fills the rest in bulk (all or nothing) and lets another assessor review', async (t) => {
      if (!h) return t.skip('database unavailable');
      const workbook = (
        await owner.inject({ method: 'GET', url: a('/workbook') })
      ).json() as WorkbookDto;
      const rows = workbook.rows
        .filter((r) => r.version === 0)
        .map((r) => ({
          requirementId: r.requirementId,
          objectId: r.objectId,
          version: 0,
          result: r.requirementId === '8.1.4.1-d' ? 'non_compliant' : 'compliant',
          record: r.requirementId === '8.1.4.1-d' ? '仅使用口令鉴别' : '已核查',
        }));
      const bad = await owner.inject({
        method: 'POST',
        url: a('/results'),
        payload: { rows: [...rows.slice(0, 3), { ...rows[3]!, requirementId: '9.9.9.9-z' }] },
      });
      assert.equal(bad.statusCode, 400);
      const unchanged = (
        await owner.inject({ method: 'GET', url: a('/workbook') })
      ).json() as WorkbookDto;
      assert.equal(unchanged.rows.filter((r) => r.version > 0).length, 2, 'nothing written');
      const ok = await owner.inject({ method: 'POST', url: a('/results'), payload: { rows } });
      assert.equal(ok.statusCode, 200, ok.body);

      const selfReview = await owner.inject({
        method: 'POST',
        url: a('/results/review'),
        payload: { rows: [{ requirementId: '8.1.4.1-d', objectId: serverId, version: 1 }] },
      });
      assert.equal(selfReview.statusCode, 400);
      assert.match(selfReview.body, /another assessor/);
      const review = await reviewer.inject({
        method: 'POST',
        url: a('/results/review'),
        payload: { rows: [{ requirementId: '8.1.4.1-d', objectId: serverId, version: 1 }] },
      });
      assert.equal(review.statusCode, 204, review.body);
    });

    it('stores evidence SM4-encrypted with its SM3 digest and refuses other file types', async (t) => {
      if (!h) return t.skip('database unavailable');
      const content = Buffer.from('password_min_length=4\nlockout=none\n', 'utf8');
      const up = await owner.inject({
        method: 'POST',
        url: a(
          `/evidence?requirementId=8.1.4.1-a&objectId=${serverId}&fileName=${encodeURIComponent('口令策略.txt')}`,
        ),
        headers: { 'content-type': 'text/plain' },
        payload: content,
      });
      assert.equal(up.statusCode, 201, up.body);
      assert.equal(up.json().sm3, createHash('sm3').update(content).digest('hex'));
      const stored = await h!.ctx.store.db
        .selectFrom('assessment_evidence')
        .select('content_enc')
        .executeTakeFirst();
      assert.ok(!stored!.content_enc.includes('lockout'), 'stored encrypted');
      const down = await owner.inject({ method: 'GET', url: a(`/evidence/${up.json().id}`) });
      assert.equal(down.statusCode, 200);
      assert.equal(down.body, content.toString('utf8'));
      assert.match(String(down.headers['content-disposition']), /filename\*=UTF-8''/);
      const exe = await owner.inject({
        method: 'POST',
        url: a(`/evidence?requirementId=8.1.4.1-a&objectId=${serverId}&fileName=x.exe`),
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from('MZ'),
      });
      assert.equal(exe.statusCode, 400);
    });

    it('derives findings; a recorded high-risk symptom suggests high risk; the assessor confirms', async (t) => {
      if (!h) return t.skip('database unavailable');
      const list = (await owner.inject({ method: 'GET', url: a('/findings') })).json()
        .items as FindingDto[];
      assert.deepEqual(list.map((f) => f.requirementId).sort(), ['8.1.4.1-a', '8.1.4.1-d']);
      const twoFactor = list.find((f) => f.requirementId === '8.1.4.1-d')!;
      assert.equal(twoFactor.suggested.risk, 'medium');
      assert.ok(twoFactor.highRiskCases.some((c) => c.id === '6.4.1.3'));
      const observed = await owner.inject({
        method: 'PUT',
        url: a('/findings/8.1.4.1-d'),
        payload: {
          version: 0,
          risk: null,
          observations: [{ caseId: '6.4.1.3', symptoms: [0], mitigations: [] }],
        },
      });
      assert.equal(observed.statusCode, 200, observed.body);
      assert.equal(observed.json().suggested.risk, 'high');
      assert.equal(observed.json().effectiveRisk, 'high');
      const confirmed = await owner.inject({
        method: 'PUT',
        url: a('/findings/8.1.4.1-d'),
        payload: {
          version: 1,
          risk: 'high',
          observations: observed.json().observations,
          description: '远程管理仅凭口令',
        },
      });
      assert.equal(confirmed.json().risk, 'high');
      assert.equal(confirmed.json().confirmedBy, 'chen.jing');
      const badCase = await owner.inject({
        method: 'PUT',
        url: a('/findings/8.1.4.1-d'),
        payload: {
          version: 2,
          risk: 'high',
          observations: [{ caseId: '6.1.1.1', symptoms: [0], mitigations: [] }],
        },
      });
      assert.equal(badCase.statusCode, 400);
    });

    it('scores under the 2025 template; a major risk bars 符合; rectification shows before and after', async (t) => {
      if (!h) return t.skip('database unavailable');
      const major = await owner.inject({
        method: 'POST',
        url: a('/major-risks'),
        payload: { triggerId: 'A-19', note: '核心系统未采用双因素鉴别' },
      });
      assert.equal(major.statusCode, 201, major.body);
      let score = (
        await owner.inject({ method: 'GET', url: a('/score') })
      ).json() as AssessmentScoreDto;
      assert.equal(score.before.policy, 'T2025');
      // 149 rows → 149 items: 147 compliant, 2 non-compliant.
      assert.equal(score.before.counts.applicable, 149);
      assert.equal(score.before.value, Math.round((14700 / 149) * 100) / 100);
      assert.equal(score.before.conclusion, 'basically_compliant');
      assert.equal(score.before.majorRiskLabel, '1（0个已整改）');

      const generated = await owner.inject({ method: 'POST', url: a('/rectifications') });
      assert.equal(generated.statusCode, 201, generated.body);
      const items = generated.json().items as RectificationDto[];
      assert.equal(items.length, 2);
      const item = items.find((r) => r.requirementId === '8.1.4.1-d')!;
      assert.equal(item.risk, 'high');
      const planned = await owner.inject({
        method: 'PATCH',
        url: url(`/rectifications/${item.id}`),
        payload: {
          version: item.version,
          owner: '信息科 王工',
          dueDate: '2026-04-30',
          plan: '部署 USBKey 双因素',
          status: 'fixed',
        },
      });
      assert.equal(planned.statusCode, 200, planned.body);
      const directVerify = await owner.inject({
        method: 'PATCH',
        url: url(`/rectifications/${item.id}`),
        payload: { version: planned.json().version, status: 'verified' },
      });
      assert.equal(directVerify.statusCode, 400);
      const retest = await reviewer.inject({
        method: 'POST',
        url: url(`/rectifications/${item.id}/retest`),
        payload: { version: planned.json().version, retestResult: 'compliant' },
      });
      assert.equal(retest.statusCode, 200, retest.body);
      assert.equal(retest.json().status, 'verified');
      await owner.inject({
        method: 'PATCH',
        url: a(`/major-risks/${major.json().id}`),
        payload: { version: 1, rectified: true, rectifiedOn: '2026-04-20' },
      });
      score = (
        await owner.inject({ method: 'GET', url: a('/score') })
      ).json() as AssessmentScoreDto;
      assert.equal(score.before.conclusion, 'basically_compliant');
      assert.equal(score.after.counts.compliant, 148);
      // The weak password (8.1.4.1-a 不符合) is itself high-risk case 6.4.1.1 and still open: it
      // may be a 重大风险隐患, so 99 % is not yet 符合.
      assert.equal(score.after.risks.high.open, 1);
      assert.equal(score.after.majorRiskLabel, '1（1个已整改）');
      assert.equal(score.after.conclusion, 'basically_compliant');
      assert.match(score.after.reasons[0]!.zh, /1 个未整改的高风险问题/);
      // The assessor judges it: reachable only from the bastion host, so medium.
      const judged = await owner.inject({
        method: 'PUT',
        url: a('/findings/8.1.4.1-a'),
        payload: { version: 0, risk: 'medium', observations: [], description: '仅限堡垒机登录' },
      });
      assert.equal(judged.statusCode, 200, judged.body);
      assert.equal(judged.json().suggested.caseId, '6.4.1.1');
      score = (
        await owner.inject({ method: 'GET', url: a('/score') })
      ).json() as AssessmentScoreDto;
      assert.equal(score.after.risks.high.open, 0);
      assert.equal(score.after.conclusion, 'compliant');

      const dashboard = (
        await owner.inject({ method: 'GET', url: url('/assessment-dashboard') })
      ).json();
      const row = dashboard.systems.find((s: { systemId: string }) => s.systemId === systemId);
      assert.equal(row.latest.scoreAfter.conclusion, 'compliant');
      assert.equal(row.nextAssessmentDue, '2027-03-25');
      assert.equal(row.rectification.verified, 1);
    });

    it('puts open rectification items on the obligations calendar, overdue when past due', async (t) => {
      if (!h) return t.skip('database unavailable');
      const items = (
        await owner.inject({
          method: 'GET',
          url: url(`/rectifications?assessmentId=${assessmentId}`),
        })
      ).json().items as RectificationDto[];
      const open = items.find((r) => r.requirementId === '8.1.4.1-a')!;
      const late = await owner.inject({
        method: 'PATCH',
        url: url(`/rectifications/${open.id}`),
        payload: {
          version: open.version,
          dueDate: '2026-02-27',
          owner: '信息科',
          status: 'in_progress',
        },
      });
      assert.equal(late.statusCode, 200, late.body);
      assert.equal(late.json().overdue, true);
      const calendar = (
        await owner.inject({ method: 'GET', url: url('/obligations?asOf=2026-03-02') })
      ).json();
      const duty = calendar.items.find((o: { ruleId: string; key: string }) =>
        o.key.endsWith(open.id),
      );
      assert.equal(duty.ruleId, 'mlps.rectification');
      assert.equal(duty.state, 'overdue');
      assert.equal(duty.dueDate, '2026-02-27');
      assert.match(duty.citations[0].labelZh, /信息安全等级保护管理办法/);
      // The verified item is not on the calendar.
      assert.ok(
        !calendar.items.some((o: { key: string }) =>
          items.some((r) => r.status === 'verified' && o.key.endsWith(r.id)),
        ),
      );
      const manual = await owner.inject({
        method: 'PUT',
        url: url('/obligations/status'),
        payload: { key: duty.key, status: 'done', asOf: '2026-03-02' },
      });
      assert.equal(manual.statusCode, 400);
      assert.match(manual.body, /rectification item/);
    });

    it('an assessor sees only assigned systems; a completed assessment is read-only', async (t) => {
      if (!h) return t.skip('database unavailable');
      const other = await owner.inject({
        method: 'POST',
        url: url('/systems'),
        payload: { name: '门户网站', types: ['ordinary_system'] },
      });
      const graded = await owner.inject({
        method: 'POST',
        url: url(`/systems/${other.json().id}/gradings`),
        payload: {
          businessInformation: [{ object: 'citizen_legal_person', degree: 'serious' }],
          systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
          gradedOn: '2026-01-05',
          reason: '门户',
          version: other.json().version,
        },
      });
      assert.equal(graded.statusCode, 201);
      const hidden = await owner.inject({
        method: 'POST',
        url: url(`/systems/${other.json().id}/assessments`),
        payload: { title: '门户测评' },
      });
      const seen = await reviewer.inject({ method: 'GET', url: url('/assessments') });
      assert.deepEqual(
        (seen.json().items as { id: string }[]).map((x) => x.id),
        [assessmentId],
      );
      const blocked = await reviewer.inject({
        method: 'GET',
        url: url(`/assessments/${hidden.json().id}/workbook`),
      });
      assert.equal(blocked.statusCode, 404);

      const current = (await owner.inject({ method: 'GET', url: a() })).json() as AssessmentDto;
      const done = await owner.inject({
        method: 'PATCH',
        url: a(),
        payload: { version: current.version, status: 'completed' },
      });
      assert.equal(done.statusCode, 200, done.body);
      const late = await owner.inject({
        method: 'PUT',
        url: a(`/results/8.1.4.1-a/${serverId}`),
        payload: { result: 'compliant', version: 2 },
      });
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().code, 'CONFLICT');
    });

    it('keeps result records encrypted at rest and out of the audit log', async (t) => {
      if (!h) return t.skip('database unavailable');
      const rows = await h!.ctx.store.db
        .selectFrom('assessment_results')
        .select(['record_enc'])
        .execute();
      assert.ok(rows.every((r) => r.record_enc === null || !r.record_enc.includes('弱口令')));
      const audit = await h!.ctx.store.db.selectFrom('audit_entries').select(['changes']).execute();
      assert.ok(audit.every((e) => !String(e.changes).includes('弱口令')));
      assert.ok(docsId);
    });

    it('refuses a record moved to another column or result: DATA_INTEGRITY, never the wrong text', async (t) => {
      if (!h) return t.skip('database unavailable');
      const db = h!.ctx.store.db;
      const rows = await db
        .selectFrom('assessment_results')
        .select(['requirement_id', 'object_id', 'record_enc', 'reason_enc'])
        .where('assessment_id', '=', assessmentId)
        .orderBy('requirement_id')
        .orderBy('object_id')
        .execute();
      const source = rows.find((r) => r.record_enc !== null);
      const target = rows.find((r) => r !== source);
      assert.ok(source?.record_enc && target);
      const before = (await owner.inject({ url: a('/workbook') })).json() as WorkbookDto;
      const recordText = before.rows.find(
        (r) => r.requirementId === source.requirement_id && r.objectId === source.object_id,
      )?.record;
      assert.ok(recordText);
      // A new revision each time, so the workbook is read from the database, not the cache.
      const put = async (
        row: typeof target,
        values: { record_enc?: string | null; reason_enc?: string | null },
      ) => {
        await db
          .updateTable('assessment_results')
          .set(values)
          .where('assessment_id', '=', assessmentId)
          .where('requirement_id', '=', row.requirement_id)
          .where('object_id', '=', row.object_id)
          .execute();
        await db
          .updateTable('assessments')
          .set((eb) => ({ revision: eb('revision', '+', 1) }))
          .where('id', '=', assessmentId)
          .execute();
      };
      const refused = async (column: string, row: typeof target) => {
        const res = await owner.inject({ url: a('/workbook') });
        assert.equal(res.statusCode, 500, res.body);
        assert.equal(res.json().code, 'DATA_INTEGRITY');
        assert.match(res.json().message, /is bound to another row, column or table/);
        assert.ok(
          res
            .json()
            .message.includes(
              `assessment_results.${column} [${assessmentId}, ${row.requirement_id}, ${row.object_id}]`,
            ),
          res.json().message,
        );
        assert.ok(!res.body.includes(recordText));
      };
      try {
        // The record pasted into the same result's reason column.
        await put(source, { reason_enc: source.record_enc });
        await refused('reason_enc', source);
        await put(source, { reason_enc: source.reason_enc });
        // The record pasted into another result's record.
        await put(target, { record_enc: source.record_enc });
        await refused('record_enc', target);
      } finally {
        await put(source, { reason_enc: source.reason_enc });
        await put(target, { record_enc: target.record_enc });
      }
      const ok = await owner.inject({ url: a('/workbook') });
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), before);
    });

    it('binds every value it wrote as re-encryption expects: rotating finds no failure', async (t) => {
      if (!h) return t.skip('database unavailable');
      // The test key plus a new current one: every value is decrypted with the binding
      // re-encryption derives from ENCRYPTED_['assessment_results.record_enc',  'assessment_evidence.content_enc', 'finding_notes.description_enc', 'major_risks.note_enc', 'rectification_items.plan_enc'], then re-encrypted.
      const next = createFieldCipher(
        createKeyring(
          { test1: '00112233445566778899aabbccddeeff', next: 'ab'.repeat(16) },
          'next',
          'test',
        ),
      );
      const result = await reencryptAll(h!.store.db, next);
      const failures = result.columns.flatMap((c) =>
        c.failures.map((f) => `${c.table}.${c.column}: ${f.error}`),
      );
      assert.deepEqual(failures, []);
      for (const column of [
        'assessment_results.record_enc',
        'assessment_evidence.content_enc',
        'finding_notes.description_enc',
        'major_risks.note_enc',
        'rectification_items.plan_enc',
      ]) {
        const c = result.columns.find((x) => `${x.table}.${x.column}` === column);
        assert.ok(c && c.rotated > 0, `${column}: nothing written by this test`);
      }
    });
  });
}
