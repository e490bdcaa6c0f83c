import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { ActivityView } from '../../src/app/privacy/model';
import { TEST_DIALECTS } from '../support';
import {
  HOSPITAL_ORGANISATION,
  HOSPITAL_SYSTEMS,
  hospitalRegister,
  hospitalRegisterText,
} from '../fixtures/privacy-register';
import { matrixActivity } from './privacy-register-fixtures';
import { PRIVACY_WORKBOOK_MAX_BYTES } from '../../src/app/privacy/excel';
import { startHarness, type Client, type Harness } from './harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const dialect of TEST_DIALECTS) {
  describe(`processing register API on ${dialect}: 某市第一人民医院`, () => {
    let h: Harness | null;
    let officer: Client;
    let orgId: string;
    let activities: ActivityView[];
    const url = (p: string) => `/api/organisations/${orgId}/privacy${p}`;
    const byCode = (code: string) => activities.find((a) => a.code === code)!;
    const reload = async () => {
      const res = await officer.inject({ url: url('/activities') });
      assert.equal(res.statusCode, 200, res.body);
      activities = res.json();
    };
    const problemsOf = (body: string) =>
      (JSON.parse(body).details as { path: string; message: string }[]).map((d) => d.path);

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      officer = await h.user('dpo.li', { admin: true });
      const org = await officer.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: HOSPITAL_ORGANISATION },
      });
      assert.equal(org.statusCode, 201, org.body);
      orgId = org.json().id;
      for (const name of HOSPITAL_SYSTEMS) {
        const s = await officer.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems`,
          payload: { name, types: ['ordinary_system'], goLiveOn: '2020-06-01' },
        });
        assert.equal(s.statusCode, 201, s.body);
      }
      const imported = await officer.inject({
        method: 'POST',
        url: url('/file'),
        headers: { 'content-type': 'application/yaml' },
        payload: hospitalRegisterText(),
      });
      assert.equal(imported.statusCode, 200, imported.body);
      assert.deepEqual(imported.json().activities, { created: 5, updated: 0 });
      assert.deepEqual(imported.json().transferBatches, { created: 9 });
      assert.equal(imported.json().profile, 'saved');
      await reload();
    });
    after(async () => {
      await h?.close();
    });

    it('imports the register once: the same file again changes nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const again = await officer.inject({
        method: 'POST',
        url: url('/file'),
        payload: hospitalRegister(),
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json().activities, { created: 0, updated: 0 });
      assert.equal(again.json().activitiesUnchanged, 5);
      assert.deepEqual(again.json().transferBatches, { created: 0 });
      assert.equal(again.json().transferBatchesUnchanged, 9);
      // The systems are linked by id, shown by name in the file.
      const his = await h!.store.db
        .selectFrom('systems')
        .select('id')
        .where('organisation_id', '=', orgId)
        .where('name', '=', '医院信息系统（HIS）')
        .executeTakeFirstOrThrow();
      assert.deepEqual(byCode('PA-001').systemIds, [his.id]);
      const exported = await officer.inject({ url: url('/file') });
      assert.deepEqual(exported.json().activities[0].systems, ['医院信息系统（HIS）']);
      assert.equal(exported.json().transferBatches.length, 9);
      const yaml = await officer.inject({ url: url('/file?format=yaml') });
      assert.match(yaml.headers['content-type'] as string, /yaml/);
      assert.match(yaml.body, /format: dengbao\.privacy\.v1/);
    });

    it('answers the paths abroad on a date: the 2026 batches cross 10,000 sensitive individuals', async (t) => {
      if (!h) return t.skip('database unavailable');
      const june = await officer.inject({ url: url('/paths?asOf=2026-06-30') });
      assert.equal(june.statusCode, 200, june.body);
      const idDe = `${byCode('PA-005').id}/T-DE-LAB`;
      const idSg = `${byCode('PA-002').id}/T-SG-HR`;
      const path = (body: any, id: string) =>
        body.paths.find((p: { transferId: string }) => p.transferId === id);
      assert.equal(path(june.json(), idDe).path, 'standard_contract_or_certification');
      assert.equal(path(june.json(), idSg).path, 'exempt');
      assert.equal(path(june.json(), idSg).exemption, 'cross_border_hr');
      assert.equal(june.json().counts.sensitiveIndividuals, 7500);
      assert.equal(june.json().counts.exemptBatches, 1);
      // Citations come labelled from the knowledge base.
      assert.match(path(june.json(), idDe).decidedBy[0].labelZh, /促进和规范数据跨境流动规定/);
      const december = await officer.inject({ url: url('/paths?asOf=2026-12-01') });
      assert.equal(path(december.json(), idDe).path, 'security_assessment');
      assert.equal(december.json().counts.sensitiveIndividuals, 10500);
      assert.match(path(december.json(), idDe).explanationZh, /10,500/);
      const early = await officer.inject({ url: url('/paths?asOf=2021-01-01') });
      assert.equal(early.statusCode, 400);
      assert.deepEqual(problemsOf(early.body), ['asOf']);
    });

    it('lists the duties with working-day deadlines and the penalties they risk', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({ url: url('/duties?asOf=2026-06-30') });
      assert.equal(res.statusCode, 200, res.body);
      const duties = res.json().duties as any[];
      // Standard contract effective 2026-11-20: filing within 10 working days → 2026-12-04.
      const filing = duties.find((d) => d.ruleId.endsWith('standard-contract-filing'));
      assert.equal(filing.dueDate, '2026-12-04');
      // 100,000 faces reached before the Measures: transitional filing by 2025-07-14, not done.
      const face = duties.find((d) => d.ruleId.endsWith('face.filing'));
      assert.equal(face.dueDate, '2025-07-14');
      assert.equal(face.state, 'overdue');
      assert.equal(face.subject.name, '门禁人脸识别');
      assert.ok(face.penalties.length > 0 && face.penalties[0].id === face.penaltyIds[0]);
      assert.equal(face.penalties[0].resolved, true);
      assert.equal(face.penalties[0].inForce, true);
      assert.match(face.penalties[0].titleZh, /个人信息保护法第六十六条/);
      assert.ok(duties.every((d) => d.citations.every((c: any) => typeof c.labelZh === 'string')));
    });

    it('classifies an activity: sensitive classes and impact-assessment triggers with reasons', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        url: url(`/activities/${byCode('PA-003').id}/classification`),
      });
      assert.equal(res.statusCode, 200, res.body);
      const c = res.json();
      assert.equal(c.sensitive, true);
      assert.deepEqual(
        c.piplClasses.map((p: { class: string }) => p.class),
        ['biometric'],
      );
      assert.equal(c.pipiaRequired, true);
      const codes = c.triggers.map((x: { code: string }) => x.code);
      assert.ok(codes.includes('sensitive') && codes.includes('face_recognition'), codes);
      assert.ok(c.triggers.every((x: { reasonZh: string }) => x.reasonZh.length > 0));
      const all = await officer.inject({ url: url('/classification') });
      assert.equal(all.statusCode, 200, all.body);
      assert.deepEqual(
        all.json().map((x: { code: string; pipiaRequired: boolean }) => x.code),
        ['PA-001', 'PA-002', 'PA-003', 'PA-004', 'PA-005'],
      );
      assert.equal(all.json()[0].minorsUnder14, true);
    });

    it('edits with versions: a stale version is refused with 409', async (t) => {
      if (!h) return t.skip('database unavailable');
      const created = await officer.inject({
        method: 'POST',
        url: url('/activities'),
        payload: matrixActivity('PA-V1'),
      });
      assert.equal(created.statusCode, 201, created.body);
      const a = created.json() as ActivityView;
      assert.equal(a.version, 1);
      assert.deepEqual(a.consents, []);
      const first = await officer.inject({
        method: 'PATCH',
        url: url(`/activities/${a.id}`),
        payload: { version: 1, individuals: 150, sensitiveIndividuals: 150 },
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, 2);
      assert.equal(first.json().purpose, a.purpose);
      const stale = await officer.inject({
        method: 'PATCH',
        url: url(`/activities/${a.id}`),
        payload: { version: 1, individuals: 160 },
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      assert.equal(
        (await officer.inject({ url: url(`/activities/${a.id}`) })).json().individuals,
        150,
      );
      // The profile: version 0 creates, so a second create is stale.
      const profile = (await officer.inject({ url: url('/profile') })).json();
      assert.equal(profile.version, 1);
      assert.equal(profile.privacyNotices.length, 2);
      const recreate = await officer.inject({
        method: 'PUT',
        url: url('/profile'),
        payload: { ...profile, version: 0, updatedAt: undefined },
      });
      assert.equal(recreate.statusCode, 409, recreate.body);
      const { version, updatedAt, ...fields } = profile;
      void updatedAt;
      const saved = await officer.inject({
        method: 'PUT',
        url: url('/profile'),
        payload: { ...fields, version, totalIndividuals: 1_900_000 },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().version, 2);
    });

    it('refuses an invalid activity naming every problem by its field', async (t) => {
      if (!h) return t.skip('database unavailable');
      const other = await officer.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '另一家单位' },
      });
      const foreignSystem = (
        await officer.inject({
          method: 'POST',
          url: `/api/organisations/${other.json().id}/systems`,
          payload: { name: '他单位系统', types: ['ordinary_system'], goLiveOn: '2020-06-01' },
        })
      ).json().id;
      const bad = {
        ...matrixActivity('PA-BAD'),
        dataCategories: ['name', 'blood_type_x', 'name'],
        individuals: 10,
        sensitiveIndividuals: 11,
        minorsUnder14: 12,
        dataSubjects: ['patients', 'minors_under_14'],
        systemIds: [foreignSystem],
        recipients: [
          { key: 'R1', relationship: 'entrusted_processor', name: '境内云', country: 'CN' },
          { key: 'R1', relationship: 'other_handler', name: '重复', country: 'DE' },
        ],
        transfers: [
          { key: 'T1', recipientKey: 'R1' },
          { key: 'T2', recipientKey: 'R9' },
        ],
        privacyNoticeVersion: '1999.9',
      };
      const res = await officer.inject({ method: 'POST', url: url('/activities'), payload: bad });
      assert.equal(res.statusCode, 400, res.body);
      const paths = problemsOf(res.body);
      for (const p of [
        'dataCategories[1]',
        'dataCategories[2]',
        'sensitiveIndividuals',
        'minorsUnder14',
        'systemIds[0]',
        'recipients[1].key',
        'transfers[0].recipientKey',
        'transfers[1].recipientKey',
        'privacyNoticeVersion',
      ])
        assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
      // The schema's own checks keep their paths too.
      const schema = await officer.inject({
        method: 'POST',
        url: url('/activities'),
        payload: { ...matrixActivity('PA-S'), legalBases: [], individuals: -1 },
      });
      assert.equal(schema.statusCode, 400);
      assert.ok(problemsOf(schema.body).includes('individuals'), schema.body);
      // A batch names a transfer of its activity.
      const batch = await officer.inject({
        method: 'POST',
        url: url(`/activities/${byCode('PA-005').id}/batches`),
        payload: { transferKey: 'T-NONE', transferredOn: '2026-05-01', individuals: 3 },
      });
      assert.equal(batch.statusCode, 400);
      assert.deepEqual(problemsOf(batch.body), ['transferKey']);
      // A transfer with batches on record cannot be dropped from its activity.
      const pa5 = (await officer.inject({ url: url(`/activities/${byCode('PA-005').id}`) })).json();
      const drop = await officer.inject({
        method: 'PATCH',
        url: url(`/activities/${pa5.id}`),
        payload: { version: pa5.version, transfers: [] },
      });
      assert.equal(drop.statusCode, 400);
      assert.deepEqual(problemsOf(drop.body), ['transfers']);
    });

    it('imports all or nothing: a bad activity in the middle changes nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const before = (await officer.inject({ url: url('/file') })).json();
      const file = hospitalRegister();
      file.activities[0] = { ...file.activities[0]!, name: '改过的名称' };
      file.activities.push({ ...file.activities[1]!, code: 'PA-NEW' });
      file.activities[2] = { ...file.activities[2]!, dataCategories: ['name', 'no_such_category'] };
      file.transferBatches.push({
        activity: 'PA-005',
        transferKey: 'T-DE-LAB',
        transferredOn: '2026-11-30',
        individuals: 500,
        sensitiveIndividuals: 500,
      });
      for (const dryRun of [false, true]) {
        const res = await officer.inject({
          method: 'POST',
          url: url(`/file${dryRun ? '?dryRun=true' : ''}`),
          payload: file,
        });
        assert.equal(res.statusCode, 400, res.body);
        assert.deepEqual(problemsOf(res.body), ['activities[2].dataCategories[1]']);
      }
      const afterImport = (await officer.inject({ url: url('/file') })).json();
      assert.deepEqual(afterImport, before);
      // Fixed, a dry run counts without writing.
      file.activities[2] = { ...file.activities[2]!, dataCategories: ['name', 'face_features'] };
      const dry = await officer.inject({
        method: 'POST',
        url: url('/file?dryRun=true'),
        payload: file,
      });
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().dryRun, true);
      assert.deepEqual(dry.json().activities, { created: 1, updated: 2 });
      assert.deepEqual(dry.json().transferBatches, { created: 1 });
      assert.deepEqual((await officer.inject({ url: url('/file') })).json(), before);
    });

    it('round-trips the Excel workbook and names each bad cell by sheet, row and column', async (t) => {
      if (!h) return t.skip('database unavailable');
      const exported = await officer.inject({ url: url('/workbook.xlsx') });
      assert.equal(exported.statusCode, 200);
      const back = await officer.inject({
        method: 'POST',
        url: url('/workbook.xlsx'),
        headers: { 'content-type': XLSX },
        payload: exported.rawPayload,
      });
      assert.equal(back.statusCode, 200, back.body);
      assert.deepEqual(back.json().activities, { created: 0, updated: 0 });
      assert.equal(back.json().transferBatchesUnchanged, 9);
      assert.equal(back.json().profile, 'absent');

      const book = new ExcelJS.Workbook();
      await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(
        book.worksheets.map((s) => s.name),
        ['说明', '处理活动', '接收方', '出境传输', '出境批次', '单独同意'],
      );
      const sheet = book.getWorksheet('处理活动')!;
      const header = (sheet.getRow(1).values as string[]).slice(1);
      assert.equal(header[0], '活动编号');
      const col = (zh: string) => header.indexOf(zh) + 1;
      assert.equal(
        sheet.getRow(2).getCell(col('处理依据')).value,
        '订立履行合同或人力资源管理所必需；履行法定职责或法定义务所必需',
      );
      // A formula-looking text is written as text, never as a formula.
      sheet.getRow(3).getCell(col('备注')).value = '=HYPERLINK("http://x")';
      const categories = sheet.getRow(3).getCell(col('个人信息类别'));
      categories.value = `${String(categories.value)}；no_such_category`;
      sheet.getRow(4).getCell(col('涉及人数')).value = '很多';
      const batches = book.getWorksheet('出境批次')!;
      const bh = (batches.getRow(1).values as string[]).slice(1);
      batches.getRow(5).getCell(bh.indexOf('出境日期') + 1).value = '2026-02-30';
      const edited = Buffer.from(await book.xlsx.writeBuffer());
      const bad = await officer.inject({
        method: 'POST',
        url: url('/workbook.xlsx'),
        headers: { 'content-type': XLSX },
        payload: edited,
      });
      assert.equal(bad.statusCode, 400, bad.body);
      const paths = problemsOf(bad.body);
      assert.ok(paths.includes('sheet 处理活动 row 4 column 涉及人数'), paths.join(' | '));
      assert.ok(paths.includes('sheet 出境批次 row 5 column 出境日期'), paths.join(' | '));
      // The unknown category is found by the import's checks and located in the workbook.
      sheet.getRow(4).getCell(col('涉及人数')).value = 120000;
      batches.getRow(5).getCell(bh.indexOf('出境日期') + 1).value = '2026-02-15';
      const second = await officer.inject({
        method: 'POST',
        url: url('/workbook.xlsx'),
        headers: { 'content-type': XLSX },
        payload: Buffer.from(await book.xlsx.writeBuffer()),
      });
      assert.equal(second.statusCode, 400, second.body);
      assert.deepEqual(problemsOf(second.body), ['sheet 处理活动 row 3 column 个人信息类别']);
    });

    it('refuses a workbook too large or missing a sheet, before anything is imported', async (t) => {
      if (!h) return t.skip('database unavailable');
      const big = Buffer.alloc(PRIVACY_WORKBOOK_MAX_BYTES + 1);
      big.writeUInt32LE(0x04034b50, 0);
      const tooLarge = await officer.inject({
        method: 'POST',
        url: url('/workbook.xlsx'),
        headers: { 'content-type': XLSX },
        payload: big,
      });
      assert.equal(tooLarge.statusCode, 400, tooLarge.body);
      assert.equal(tooLarge.json().details[0].path, 'file');
      const exported = await officer.inject({ url: url('/workbook.xlsx') });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      book.removeWorksheet(book.getWorksheet('单独同意')!.id);
      const res = await officer.inject({
        method: 'POST',
        url: url('/workbook.xlsx'),
        headers: { 'content-type': XLSX },
        payload: Buffer.from(await book.xlsx.writeBuffer()),
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(problemsOf(res.body), ['sheet 单独同意']);
    });

    it('neutralises formula-like text on export and reads it back unchanged', async (t) => {
      if (!h) return t.skip('database unavailable');
      const created = await officer.inject({
        method: 'POST',
        url: url('/activities'),
        payload: {
          ...matrixActivity('PA-FX'),
          note: '=HYPERLINK("http://evil","点击")',
          owner: '+86 办公室',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const exported = await officer.inject({ url: url('/workbook.xlsx') });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('处理活动')!;
      const header = (sheet.getRow(1).values as string[]).slice(1);
      let row = 0;
      sheet.eachRow((r, n) => {
        if (r.getCell(1).value === 'PA-FX') row = n;
      });
      const note = sheet.getRow(row).getCell(header.indexOf('备注') + 1);
      assert.equal(note.formula, undefined);
      assert.equal(note.value, `'=HYPERLINK("http://evil","点击")`);
      assert.equal(sheet.getRow(row).getCell(header.indexOf('负责部门') + 1).value, "'+86 办公室");
      const back = await officer.inject({
        method: 'POST',
        url: url('/workbook.xlsx?dryRun=true'),
        headers: { 'content-type': XLSX },
        payload: exported.rawPayload,
      });
      assert.equal(back.statusCode, 200, back.body);
      assert.deepEqual(back.json().activities, { created: 0, updated: 0 });
      const del = await officer.inject({
        method: 'DELETE',
        url: url(`/activities/${created.json().id}`),
      });
      assert.equal(del.statusCode, 204);
    });

    it('takes the CII operator from the systems when the profile leaves it open', async (t) => {
      if (!h) return t.skip('database unavailable');
      const idDe = `${byCode('PA-005').id}/T-DE-LAB`;
      const deOn = async () =>
        (await officer.inject({ url: url('/paths?asOf=2026-06-30') }))
          .json()
          .paths.find((p: { transferId: string }) => p.transferId === idDe).path;
      await h!.store.db
        .updateTable('systems')
        .set({ is_cii: 1 })
        .where('organisation_id', '=', orgId)
        .where('name', '=', '医院信息系统（HIS）')
        .execute();
      // The profile says "not a CII operator": that overrides the systems.
      assert.equal(await deOn(), 'standard_contract_or_certification');
      const profile = (await officer.inject({ url: url('/profile') })).json();
      const { updatedAt, ...fields } = profile;
      void updatedAt;
      const open = await officer.inject({
        method: 'PUT',
        url: url('/profile'),
        payload: { ...fields, ciiOperator: null },
      });
      assert.equal(open.statusCode, 200, open.body);
      // Left open, a CII system makes the hospital a CII operator: any personal information
      // abroad needs the security assessment (2024 Provisions Art. 7(1)).
      assert.equal(await deOn(), 'security_assessment');
      const back = await officer.inject({
        method: 'PUT',
        url: url('/profile'),
        payload: { ...fields, version: open.json().version, ciiOperator: false },
      });
      assert.equal(back.statusCode, 200, back.body);
      await h!.store.db
        .updateTable('systems')
        .set({ is_cii: 0 })
        .where('organisation_id', '=', orgId)
        .execute();
    });

    it('keeps each organisation to itself', async (t) => {
      if (!h) return t.skip('database unavailable');
      const stranger = await h!.user('dpo.other', { admin: true });
      const own = await stranger.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '陌生单位' },
      });
      const otherOrg = own.json().id;
      const id = byCode('PA-001').id;
      for (const req of [
        { url: url(`/activities/${id}`) },
        { url: url('/activities') },
        { url: url('/paths') },
        { url: url('/workbook.xlsx') },
      ]) {
        const res = await stranger.inject(req);
        assert.equal(res.statusCode, 404, `${req.url}: ${res.body}`);
      }
      // Through their own organisation, our ids are not found either.
      const via = (p: string) => `/api/organisations/${otherOrg}/privacy${p}`;
      assert.equal((await stranger.inject({ url: via(`/activities/${id}`) })).statusCode, 404);
      const patch = await stranger.inject({
        method: 'PATCH',
        url: via(`/activities/${id}`),
        payload: { version: 1, name: '偷改' },
      });
      assert.equal(patch.statusCode, 404);
      const batches = await stranger.inject({ url: via(`/activities/${id}/batches`) });
      assert.equal(batches.statusCode, 404);
      const theirs = await stranger.inject({ url: via('/activities') });
      assert.deepEqual(theirs.json(), []);
    });

    it('refuses deletion while the records must be kept (PIPL Art. 56), and audits without personal data', async (t) => {
      if (!h) return t.skip('database unavailable');
      const id = byCode('PA-004').id;
      // An approved PIPIA sets retain_until (approval + 3 years); today is 2026-03-02 here.
      await h!.store.db
        .updateTable('privacy_activities')
        .set({ retain_until: '2026-03-02' })
        .where('id', '=', id)
        .execute();
      const refused = await officer.inject({ method: 'DELETE', url: url(`/activities/${id}`) });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.match(refused.json().message, /until 2026-03-02/);
      assert.match(refused.json().message, /PIPL Art\. 56/);
      const batch = (
        await officer.inject({ url: url(`/activities/${byCode('PA-005').id}/batches`) })
      ).json()[0];
      await h!.store.db
        .updateTable('privacy_activities')
        .set({ retain_until: '2029-01-31' })
        .where('id', '=', byCode('PA-005').id)
        .execute();
      const keptBatch = await officer.inject({
        method: 'DELETE',
        url: url(`/batches/${batch.id}`),
      });
      assert.equal(keptBatch.statusCode, 409, keptBatch.body);
      assert.match(keptBatch.json().message, /2029-01-31/);
      await h!.store.db
        .updateTable('privacy_activities')
        .set({ retain_until: '2026-03-01' })
        .where('id', '=', id)
        .execute();
      const deleted = await officer.inject({ method: 'DELETE', url: url(`/activities/${id}`) });
      assert.equal(deleted.statusCode, 204, deleted.body);
      const entries = await h!.store.db
        .selectFrom('audit_entries')
        .select(['action', 'changes'])
        .where('organisation_id', '=', orgId)
        .where('action', 'like', 'privacy.%')
        .execute();
      const actions = new Set(entries.map((e) => e.action));
      for (const a of [
        'privacy.import',
        'privacy.activity.create',
        'privacy.activity.update',
        'privacy.activity.delete',
        'privacy.profile.save',
      ])
        assert.ok(actions.has(a), `${a} audited`);
      const text = entries.map((e) => e.changes).join('\n');
      // Codes, names and counts only: never purposes, methods of consent, contacts or notes.
      assert.ok(text.includes('PA-004'));
      for (const personal of [
        '通过移动应用提供预约挂号',
        '首次使用时在应用内逐项弹窗单独同意',
        '信息管理处',
        'sm4:',
      ])
        assert.ok(!text.includes(personal), `audit holds "${personal}"`);
      // Stored encrypted: the purpose is not in the row in clear.
      const row = await h!.store.db
        .selectFrom('privacy_activities')
        .select('data_enc')
        .where('id', '=', byCode('PA-001').id)
        .executeTakeFirstOrThrow();
      assert.match(row.data_enc, /^sm4:2:/);
      assert.ok(!row.data_enc.includes('电子病历'));
    });
  });
}
