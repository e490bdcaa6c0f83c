import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CapabilityCatalogDto,
  CiiEvaluationDetailDto,
  CiiRectificationDto,
} from '../../src/shared/cii-evaluation-schemas';
import { createFieldCipher } from '../../src/security/field-crypto';
import { createKeyring } from '../../src/security/keyring';
import { reencryptAll } from '../../src/store/reencrypt';
import { TEST_DIALECTS } from '../support';
import { insertCoreBusiness } from './cii-evaluation-fixtures';
import { startHarness, type Client, type Harness } from './harness';

/**
 * A city commercial bank evaluates its core banking business against GB/T 39204-2022: results
 * with versions, an all-or-nothing bulk write, chapter scores and findings, completion (read-only)
 * and reopening, rectification of findings, organisation scoping, audit and encryption at rest.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`CII capability evaluations API on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let outsider: Client;
    let orgId: string;
    let otherOrgId: string;
    let businessId: string;
    let otherBusinessId: string;
    let evaluationId: string;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('wang.lei', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某城市商业银行' },
        })
      ).json().id;
      outsider = await h.user('zhao.min', { admin: true });
      otherOrgId = (
        await outsider.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某省电力公司' },
        })
      ).json().id;
      businessId = await insertCoreBusiness(h.store, orgId, '核心账务与支付清算');
      otherBusinessId = await insertCoreBusiness(h.store, otherOrgId, '电网调度');
    });
    after(async () => {
      await h?.close();
    });

    const url = (path: string) => `/api/organisations/${orgId}/cii${path}`;
    const ev = (path = '') => url(`/evaluations/${evaluationId}${path}`);
    const get = async () => (await owner.inject({ url: ev() })).json() as CiiEvaluationDetailDto;
    const versionOf = (dto: CiiEvaluationDetailDto, id: string) =>
      dto.requirements.find((r) => r.requirementId === id)!.version;

    it('serves the catalog tree with provenance, by chapter', async (t) => {
      if (!h) return t.skip('database unavailable');
      const all = (
        await owner.inject({ url: url('/capability-catalog') })
      ).json() as CapabilityCatalogDto;
      assert.deepEqual(
        all.chapters.map((c) => c.id),
        ['6', '7', '8', '9', '10', '11'],
      );
      assert.equal(all.counts.requirements, 30);
      const protection = (
        await owner.inject({ url: url('/capability-catalog?chapter=7') })
      ).json() as CapabilityCatalogDto;
      assert.equal(protection.chapters.length, 1);
      const supply = protection.chapters[0]!.clauses.find((c) => c.id === '7.9')!;
      assert.equal(supply.provenance.status, 'confirmed');
      assert.deepEqual(
        supply.items?.map((i) => i.id),
        ['7.9-f', '7.9-j'],
      );
      const bad = await owner.inject({ url: url('/capability-catalog?chapter=5') });
      assert.equal(bad.statusCode, 400);
    });

    it('creates an evaluation of a core business; all requirements start 未评', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({
        method: 'POST',
        url: url(`/core-businesses/${businessId}/evaluations`),
        payload: {
          title: '2026年度关键信息基础设施安全保护能力自评',
          evaluator: '信息科技部 王磊',
          periodStart: '2026-03-01',
          periodEnd: '2026-03-31',
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const dto = res.json() as CiiEvaluationDetailDto;
      evaluationId = dto.id;
      assert.equal(dto.status, 'draft');
      assert.equal(dto.version, 1);
      assert.equal(dto.catalogChanged, false);
      assert.equal(dto.requirements.length, 30);
      assert.equal(dto.overall.counts.not_assessed, 30);
      assert.equal(dto.overall.conformanceRate, null);

      const list = (
        await owner.inject({ url: url(`/core-businesses/${businessId}/evaluations`) })
      ).json();
      assert.equal(list.total, 1);
      assert.equal(list.items[0].id, evaluationId);

      const badPeriod = await owner.inject({
        method: 'POST',
        url: url(`/core-businesses/${businessId}/evaluations`),
        payload: { title: 'x', periodStart: '2026-04-01', periodEnd: '2026-03-01' },
      });
      assert.equal(badPeriod.statusCode, 400);
      assert.match(badPeriod.body, /periodEnd/);
    });

    it('records results with versions and scores per chapter', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({
        method: 'PUT',
        url: ev('/results'),
        payload: {
          rows: [
            { requirementId: '6.1', result: 'compliant', evidence: '关键业务清单V2', version: 0 },
            {
              requirementId: '6.2',
              result: 'partial',
              note: '资产清单未覆盖灾备中心网络设备',
              version: 0,
            },
            { requirementId: '6.3', result: 'compliant', version: 0 },
            {
              requirementId: '6.4',
              result: 'not_applicable',
              note: '评价期内无重大变更',
              version: 0,
            },
            {
              requirementId: '7.9-j',
              result: 'non_compliant',
              note: '手机银行定制模块无源代码安全检测报告',
              version: 0,
            },
          ],
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      const dto = res.json() as CiiEvaluationDetailDto;
      const identification = dto.chapters.find((c) => c.chapterId === '6')!;
      assert.deepEqual(identification.counts, {
        compliant: 2,
        partial: 1,
        non_compliant: 0,
        not_applicable: 1,
        not_assessed: 0,
      });
      assert.equal(identification.conformanceRate, 0.6667);
      assert.equal(identification.complete, true);
      const protection = dto.chapters.find((c) => c.chapterId === '7')!;
      assert.equal(protection.counts.non_compliant, 1);
      assert.equal(protection.counts.not_assessed, 10);
      assert.equal(dto.overall.assessed, 5);
      assert.deepEqual(
        dto.findings.map((f) => [f.requirementId, f.result]),
        [
          ['6.2', 'partial'],
          ['7.9-j', 'non_compliant'],
        ],
      );
      const row = dto.requirements.find((r) => r.requirementId === '6.2')!;
      assert.equal(row.note, '资产清单未覆盖灾备中心网络设备');
      assert.equal(row.version, 1);
      assert.equal(row.recordedBy, 'wang.lei');
      assert.equal(
        dto.requirements.find((r) => r.requirementId === '6.1')!.evidence,
        '关键业务清单V2',
      );

      // Change one result with its current version.
      const update = await owner.inject({
        method: 'PUT',
        url: ev('/results'),
        payload: {
          rows: [
            {
              requirementId: '6.2',
              result: 'compliant',
              note: '已补录灾备中心资产',
              version: versionOf(dto, '6.2'),
            },
          ],
        },
      });
      assert.equal(update.statusCode, 200, update.body);
      assert.equal(versionOf(update.json(), '6.2'), 2);
    });

    it('a stale version is 409 and nothing of the request is written', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({
        method: 'PUT',
        url: ev('/results'),
        payload: {
          rows: [
            { requirementId: '8.1', result: 'compliant', version: 0 },
            { requirementId: '6.2', result: 'non_compliant', note: '回退', version: 1 },
          ],
        },
      });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().code, 'VERSION_CONFLICT');
      assert.match(res.json().message, /rows\[1\]: result 6\.2.*version 2/);
      const dto = await get();
      assert.equal(versionOf(dto, '8.1'), 0, 'the valid row was not written either');
      assert.equal(dto.requirements.find((r) => r.requirementId === '6.2')!.result, 'compliant');
    });

    it('a bulk write with a bad row writes nothing and names the row', async (t) => {
      if (!h) return t.skip('database unavailable');
      const unknown = await owner.inject({
        method: 'PUT',
        url: ev('/results'),
        payload: {
          rows: [
            { requirementId: '8.1', result: 'compliant', version: 0 },
            { requirementId: '8.2', result: 'compliant', version: 0 },
            { requirementId: '7.9-a', result: 'compliant', version: 0 },
          ],
        },
      });
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.deepEqual(
        unknown.json().details.map((d: { path: string }) => d.path),
        ['rows[2].requirementId'],
      );
      const missingNote = await owner.inject({
        method: 'PUT',
        url: ev('/results'),
        payload: {
          rows: [
            { requirementId: '8.1', result: 'compliant', version: 0 },
            { requirementId: '8.2', result: 'partial', version: 0 },
          ],
        },
      });
      assert.equal(missingNote.statusCode, 400);
      assert.match(missingNote.body, /rows\.?\[?1\]?\.note|rows\.1\.note/);
      const twice = await owner.inject({
        method: 'PUT',
        url: ev('/results'),
        payload: {
          rows: [
            { requirementId: '8.1', result: 'compliant', version: 0 },
            { requirementId: '8.1', result: 'partial', note: '重复', version: 0 },
          ],
        },
      });
      assert.equal(twice.statusCode, 400);
      assert.match(twice.body, /rows\[1\]\.requirementId/);
      const dto = await get();
      assert.equal(versionOf(dto, '8.1'), 0);
      assert.equal(versionOf(dto, '8.2'), 0);
    });

    it('completes only when every requirement has a result; completed is read-only', async (t) => {
      if (!h) return t.skip('database unavailable');
      let dto = await get();
      const early = await owner.inject({
        method: 'POST',
        url: ev('/complete'),
        payload: { version: dto.version },
      });
      assert.equal(early.statusCode, 400, early.body);
      assert.match(early.body, /25 requirement\(s\) have no result yet/);

      const rest = dto.requirements
        .filter((r) => r.result === null)
        .map((r) => ({ requirementId: r.requirementId, result: 'compliant', version: 0 }));
      const fill = await owner.inject({
        method: 'PUT',
        url: ev('/results'),
        payload: { rows: rest },
      });
      assert.equal(fill.statusCode, 200, fill.body);
      dto = fill.json();
      assert.equal(dto.overall.complete, true);

      const stale = await owner.inject({
        method: 'POST',
        url: ev('/complete'),
        payload: { version: dto.version + 1 },
      });
      assert.equal(stale.statusCode, 409);
      const done = await owner.inject({
        method: 'POST',
        url: ev('/complete'),
        payload: { version: dto.version },
      });
      assert.equal(done.statusCode, 200, done.body);
      dto = done.json();
      assert.equal(dto.status, 'completed');
      assert.equal(dto.completedBy, 'wang.lei');

      const write = await owner.inject({
        method: 'PUT',
        url: ev('/results'),
        payload: {
          rows: [{ requirementId: '8.1', result: 'non_compliant', version: versionOf(dto, '8.1') }],
        },
      });
      assert.equal(write.statusCode, 409);
      assert.equal(write.json().code, 'CONFLICT');
      assert.match(write.json().message, /reopen/);
      const again = await owner.inject({
        method: 'POST',
        url: ev('/complete'),
        payload: { version: dto.version },
      });
      assert.equal(again.statusCode, 409);

      const reopened = await owner.inject({
        method: 'POST',
        url: ev('/reopen'),
        payload: { version: dto.version },
      });
      assert.equal(reopened.statusCode, 200, reopened.body);
      assert.equal(reopened.json().status, 'draft');
      assert.equal(reopened.json().completedAt, null);
      const editable = await owner.inject({
        method: 'PUT',
        url: ev('/results'),
        payload: {
          rows: [
            {
              requirementId: '10.1',
              result: 'partial',
              note: '互联网暴露面清单未覆盖测试环境',
              version: versionOf(dto, '10.1'),
            },
          ],
        },
      });
      assert.equal(editable.statusCode, 200, editable.body);
    });

    it('creates and updates rectification items for findings only', async (t) => {
      if (!h) return t.skip('database unavailable');
      const notFinding = await owner.inject({
        method: 'POST',
        url: ev('/rectifications'),
        payload: { requirementId: '6.1' },
      });
      assert.equal(notFinding.statusCode, 400);
      assert.match(notFinding.body, /requirementId/);

      const created = await owner.inject({
        method: 'POST',
        url: ev('/rectifications'),
        payload: {
          requirementId: '7.9-j',
          owner: '手机银行项目组',
          dueOn: '2026-06-30',
          plan: '委托第三方完成定制模块源代码安全检测并修复高危问题',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const item = created.json() as CiiRectificationDto;
      assert.equal(item.status, 'open');
      assert.equal(item.plan, '委托第三方完成定制模块源代码安全检测并修复高危问题');
      const duplicate = await owner.inject({
        method: 'POST',
        url: ev('/rectifications'),
        payload: { requirementId: '7.9-j' },
      });
      assert.equal(duplicate.statusCode, 409);

      const updated = await owner.inject({
        method: 'PATCH',
        url: ev(`/rectifications/${item.id}`),
        payload: { version: item.version, status: 'in_progress' },
      });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json().status, 'in_progress');
      const stale = await owner.inject({
        method: 'PATCH',
        url: ev(`/rectifications/${item.id}`),
        payload: { version: item.version, status: 'done' },
      });
      assert.equal(stale.statusCode, 409);

      const dto = await get();
      assert.equal(dto.rectifications.length, 1);
      assert.equal(dto.findings.find((f) => f.requirementId === '7.9-j')?.rectificationId, item.id);
    });

    it('another organisation sees 404 for the business and the evaluation', async (t) => {
      if (!h) return t.skip('database unavailable');
      const foreign = await outsider.inject({ url: ev() });
      assert.equal(foreign.statusCode, 404);
      // The outsider's own organisation does not contain this evaluation either.
      const viaOwnOrg = await outsider.inject({
        url: `/api/organisations/${otherOrgId}/cii/evaluations/${evaluationId}`,
      });
      assert.equal(viaOwnOrg.statusCode, 404);
      // A business of another organisation is not found under this one.
      const otherBusiness = await owner.inject({
        method: 'POST',
        url: url(`/core-businesses/${otherBusinessId}/evaluations`),
        payload: { title: '越权评价' },
      });
      assert.equal(otherBusiness.statusCode, 404);
      assert.equal(otherBusiness.json().code, 'NOT_FOUND');
      const list = await owner.inject({
        url: url(`/core-businesses/${otherBusinessId}/evaluations`),
      });
      assert.equal(list.statusCode, 404);
      const write = await outsider.inject({
        method: 'PUT',
        url: `/api/organisations/${otherOrgId}/cii/evaluations/${evaluationId}/results`,
        payload: { rows: [{ requirementId: '6.1', result: 'compliant', version: 1 }] },
      });
      assert.equal(write.statusCode, 404);
    });

    it('writes an audit entry for every change', async (t) => {
      if (!h) return t.skip('database unavailable');
      const entries = await h!.store.db
        .selectFrom('audit_entries')
        .select(['action', 'entity_id', 'actor_label', 'changes'])
        .where('organisation_id', '=', orgId)
        .where('action', 'like', 'cii.%')
        .orderBy('seq')
        .execute();
      const actions = entries.map((e) => e.action);
      for (const action of [
        'cii.evaluation.create',
        'cii.evaluation.results.write',
        'cii.evaluation.complete',
        'cii.evaluation.reopen',
        'cii.rectification.create',
        'cii.rectification.update',
      ]) {
        assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);
      }
      // Failed requests (409 / 400) left no entry: 4 successful result writes only.
      assert.equal(actions.filter((a) => a === 'cii.evaluation.results.write').length, 4);
      assert.ok(entries.every((e) => e.actor_label === 'wang.lei'));
      const complete = entries.find((e) => e.action === 'cii.evaluation.complete')!;
      assert.equal(complete.entity_id, evaluationId);
      const verify = await owner.inject({ url: `/api/organisations/${orgId}/audit/verify` });
      if (verify.statusCode === 200) assert.equal(verify.json().ok, true, verify.body);
    });

    it('stores notes, evidence and plans encrypted, never in clear or in the audit log', async (t) => {
      if (!h) return t.skip('database unavailable');
      const raw = await h!.store.db
        .selectFrom('cii_evaluation_results')
        .selectAll()
        .where('evaluation_id', '=', evaluationId)
        .where('requirement_id', 'in', ['6.1', '7.9-j'])
        .orderBy('requirement_id')
        .execute();
      const [r61, r79j] = raw;
      assert.ok(r79j?.note_enc);
      assert.notEqual(r79j.note_enc, '手机银行定制模块无源代码安全检测报告');
      assert.ok(!r79j.note_enc.includes('手机银行'));
      assert.equal(
        h!.ctx.cipher.decrypt(r79j.note_enc, {
          table: 'cii_evaluation_results',
          column: 'note_enc',
          rowId: [evaluationId, '7.9-j'],
        }),
        '手机银行定制模块无源代码安全检测报告',
      );
      assert.ok(r61?.evidence_enc && !r61.evidence_enc.includes('关键业务清单'));
      const plan = await h!.store.db
        .selectFrom('cii_evaluation_rectifications')
        .select('plan_enc')
        .executeTakeFirstOrThrow();
      assert.ok(plan.plan_enc && !plan.plan_enc.includes('源代码'));
      const audit = await h!.store.db.selectFrom('audit_entries').select('changes').execute();
      for (const secret of ['手机银行定制模块', '灾备中心', '委托第三方', '关键业务清单V2']) {
        assert.ok(
          audit.every((e) => !String(e.changes).includes(secret)),
          secret,
        );
      }
    });

    it('binds every value it wrote as re-encryption expects: rotating finds no failure', async (t) => {
      if (!h) return t.skip('database unavailable');
      // The test key plus a new current one: every value is decrypted with the binding
      // re-encryption derives from ENCRYPTED_['cii_evaluation_results.note_enc', 'cii_evaluation_results.evidence_enc', 'cii_evaluation_rectifications.plan_enc'], then re-encrypted.
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
        'cii_evaluation_results.note_enc',
        'cii_evaluation_results.evidence_enc',
        'cii_evaluation_rectifications.plan_enc',
      ]) {
        const c = result.columns.find((x) => `${x.table}.${x.column}` === column);
        assert.ok(c && c.rotated > 0, `${column}: nothing written by this test`);
      }
    });
  });
}
