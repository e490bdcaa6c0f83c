import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { DataResourceDto } from '../../src/shared/data-security-schemas';
import { TEST_DIALECTS } from '../support';
import {
  HOSPITAL_ORGANISATION,
  HOSPITAL_SYSTEMS,
  hospitalRegisterText,
} from '../fixtures/privacy-register';
import { hospitalInventory, hospitalInventoryText } from '../fixtures/data-inventory';
import { buildReport } from '../../src/app/reports';
import { startHarness, type Client, type Harness } from './harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const dialect of TEST_DIALECTS) {
  describe(`data inventory API on ${dialect}: 某市第一人民医院`, () => {
    let h: Harness | null;
    let officer: Client;
    let orgId: string;
    let resources: DataResourceDto[];
    const systemIds = new Map<string, string>();
    const url = (p: string) => `/api/organisations/${orgId}/data-security${p}`;
    const byCode = (code: string) => resources.find((r) => r.code === code)!;
    const reload = async () => {
      const res = await officer.inject({ url: url('/resources') });
      assert.equal(res.statusCode, 200, res.body);
      resources = res.json();
    };
    const problemsOf = (body: string) =>
      (JSON.parse(body).details as { path: string; message: string }[]).map((d) => d.path);

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      officer = await h.user('dso.wang', { admin: true });
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
        systemIds.set(name, s.json().id);
      }
      const register = await officer.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/privacy/file`,
        headers: { 'content-type': 'application/yaml' },
        payload: hospitalRegisterText(),
      });
      assert.equal(register.statusCode, 200, register.body);
      const dry = await officer.inject({
        method: 'POST',
        url: url('/import?dryRun=true'),
        headers: { 'content-type': 'application/yaml' },
        payload: hospitalInventoryText(),
      });
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().dryRun, true);
      assert.deepEqual(dry.json().resources, { created: 7, updated: 0, unchanged: 0 });
      const imported = await officer.inject({
        method: 'POST',
        url: url('/import'),
        headers: { 'content-type': 'application/yaml' },
        payload: hospitalInventoryText(),
      });
      assert.equal(imported.statusCode, 200, imported.body);
      assert.deepEqual(imported.json().resources, { created: 7, updated: 0, unchanged: 0 });
      await reload();
    });
    after(async () => {
      await h?.close();
    });

    it('classifies the hospital’s data: records and images general and sensitive, surveillance data important', async (t) => {
      if (!h) return t.skip('database unavailable');
      const records = byCode('DR-001');
      assert.equal(records.name, '患者病历');
      assert.equal(records.classification.grade, 'general');
      assert.equal(records.classification.personalInformation, 'sensitive');
      assert.deepEqual(records.systems, [
        { id: systemIds.get('医院信息系统（HIS）'), name: '医院信息系统（HIS）' },
      ]);
      assert.equal(byCode('DR-002').classification.personalInformation, 'sensitive');
      assert.equal(byCode('DR-004').name, '员工信息');
      assert.equal(byCode('DR-004').classification.grade, 'general');
      const surveillance = byCode('DR-006').classification;
      assert.equal(surveillance.grade, 'important');
      assert.equal(surveillance.decidedBy, 'declaration');
      assert.equal(surveillance.provisional, false);
      const cohort = byCode('DR-007').classification;
      assert.equal(cohort.grade, 'important');
      assert.equal(cohort.decidedBy, 'impact');
      assert.equal(cohort.provisional, true);
      assert.match(cohort.reasonsZh[0]!, /社会秩序严重危害/);
      assert.equal(cohort.personalInformation, 'none');

      const summary = await officer.inject({ url: url('/classification') });
      assert.equal(summary.statusCode, 200, summary.body);
      assert.deepEqual(summary.json().counts, { general: 5, important: 2, core: 0 });
      assert.equal(summary.json().provisional, 1);
      assert.deepEqual(summary.json().personalInformation, { none: 1, general: 0, sensitive: 6 });
      assert.equal(summary.json().resources.length, 7);
      // The stored grade column follows the classification.
      const row = await h!.store.db
        .selectFrom('data_resources')
        .select(['grade', 'catalog_version', 'data_enc'])
        .where('id', '=', byCode('DR-006').id)
        .executeTakeFirstOrThrow();
      assert.equal(row.grade, 'important');
      assert.match(row.data_enc, /^sm4:/);
      assert.ok(!row.data_enc.includes('疾控'));
    });

    it('adds, regrades on edit, refuses a stale version (409) and deletes, audited without content', async (t) => {
      if (!h) return t.skip('database unavailable');
      const created = await officer.inject({
        method: 'POST',
        url: url('/resources'),
        payload: {
          code: 'DR-100',
          name: '互联网医院预约数据',
          description: '预约挂号记录，含就诊人联系方式',
          systemIds: [systemIds.get('互联网医院预约平台')],
          individuals: 300000,
          piCategories: ['name', 'phone_number'],
          privacyActivityCodes: ['PA-004'],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const dto = created.json() as DataResourceDto;
      assert.equal(dto.version, 1);
      assert.equal(dto.classification.grade, 'general');
      assert.equal(dto.classification.decidedBy, 'default');
      assert.equal(dto.classification.personalInformation, 'general');

      const edited = await officer.inject({
        method: 'PATCH',
        url: url(`/resources/${dto.id}`),
        payload: {
          version: 1,
          impacts: [{ object: 'national_security', degree: 'serious', reason: null }],
        },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().version, 2);
      assert.equal(edited.json().classification.grade, 'core');
      assert.equal(edited.json().classification.provisional, true);
      assert.equal(edited.json().description, '预约挂号记录，含就诊人联系方式');

      const stale = await officer.inject({
        method: 'PATCH',
        url: url(`/resources/${dto.id}`),
        payload: { version: 1, name: '预约数据' },
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      const got = await officer.inject({ url: url(`/resources/${dto.id}`) });
      assert.equal(got.json().name, '互联网医院预约数据');

      const dup = await officer.inject({
        method: 'POST',
        url: url('/resources'),
        payload: { code: 'DR-100', name: 'again' },
      });
      assert.equal(dup.statusCode, 400, dup.body);
      assert.deepEqual(problemsOf(dup.body), ['code']);

      const deleted = await officer.inject({ method: 'DELETE', url: url(`/resources/${dto.id}`) });
      assert.equal(deleted.statusCode, 204, deleted.body);
      const gone = await officer.inject({ url: url(`/resources/${dto.id}`) });
      assert.equal(gone.statusCode, 404);

      const entries = await h!.store.db
        .selectFrom('audit_entries')
        .select(['action', 'changes'])
        .where('organisation_id', '=', orgId)
        .where('action', 'like', 'datasec.%')
        .execute();
      const actions = new Set(entries.map((e) => e.action));
      for (const a of [
        'datasec.inventory.import',
        'datasec.resource.create',
        'datasec.resource.update',
        'datasec.resource.delete',
      ])
        assert.ok(actions.has(a), `${a} audited`);
      const text = entries.map((e) => e.changes).join('\n');
      assert.ok(text.includes('DR-100'));
      assert.ok(text.includes('core'));
      for (const content of ['预约挂号记录，含就诊人联系方式', 'sm4:'])
        assert.ok(!text.includes(content), `audit holds "${content}"`);
    });

    it('names every problem of a resource by its field', async (t) => {
      if (!h) return t.skip('database unavailable');
      const bad = await officer.inject({
        method: 'POST',
        url: url('/resources'),
        payload: {
          code: 'DR-200',
          name: '错误示例',
          systemIds: ['00000000-0000-4000-8000-000000000000'],
          individuals: 10,
          piCategories: ['name', 'no_such_category'],
          privacyActivityCodes: ['PA-999'],
          crossBorder: true,
          catalogueEntry: 'nope/nothing',
          declaredOn: '2026-01-01',
        },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(problemsOf(bad.body).sort(), [
        'catalogueEntry',
        'crossBorderDestinations',
        'declaredGrade',
        'piCategories[1]',
        'privacyActivityCodes[0]',
        'systemIds[0]',
      ]);
      const none = await officer.inject({ url: url('/resources') });
      assert.ok(!(none.json() as DataResourceDto[]).some((r) => r.code === 'DR-200'));
    });

    it('round-trips YAML and the Excel workbook; a broken row is named by sheet, row and column and nothing is imported', async (t) => {
      if (!h) return t.skip('database unavailable');
      const yaml = await officer.inject({ url: url('/export?format=yaml') });
      assert.equal(yaml.statusCode, 200);
      assert.match(yaml.body, /format: dengbao\.data-inventory\.v1/);
      const again = await officer.inject({
        method: 'POST',
        url: url('/import'),
        headers: { 'content-type': 'application/yaml' },
        payload: yaml.body,
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json().resources, { created: 0, updated: 0, unchanged: 7 });
      const json = await officer.inject({ url: url('/export') });
      assert.deepEqual(
        json.json().resources.map((r: { code: string }) => r.code),
        hospitalInventory().resources.map((r) => r.code),
      );
      assert.deepEqual(json.json().resources[0].systems, ['医院信息系统（HIS）']);

      const exported = await officer.inject({ url: url('/export?format=xlsx') });
      assert.equal(exported.statusCode, 200);
      assert.match(exported.headers['content-type'] as string, /spreadsheetml/);
      const back = await officer.inject({
        method: 'POST',
        url: url('/import'),
        headers: { 'content-type': XLSX },
        payload: exported.rawPayload,
      });
      assert.equal(back.statusCode, 200, back.body);
      assert.deepEqual(back.json().resources, { created: 0, updated: 0, unchanged: 7 });

      const book = new ExcelJS.Workbook();
      await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(
        book.worksheets.map((s) => s.name),
        ['说明', '数据资源', '影响分析'],
      );
      const sheet = book.getWorksheet('数据资源')!;
      const header = (sheet.getRow(1).values as string[]).slice(1);
      const col = (zh: string) => header.indexOf(zh) + 1;
      assert.equal(sheet.getRow(2).getCell(col('资源编号')).value, 'DR-001');
      assert.equal(sheet.getRow(7).getCell(col('定级结果')).value, '重要数据');
      assert.equal(sheet.getRow(8).getCell(col('定级结果')).value, '重要数据（待申报确认）');
      // A new resource in a free row, a formula-looking note, and a broken impact row.
      const added = sheet.getRow(9);
      added.getCell(col('资源编号')).value = 'DR-300';
      added.getCell(col('数据资源名称')).value = '新增资源';
      added.getCell(col('备注')).value = '=HYPERLINK("http://x")';
      const impacts = book.getWorksheet('影响分析')!;
      const ih = (impacts.getRow(1).values as string[]).slice(1);
      impacts.getRow(3).getCell(ih.indexOf('影响程度') + 1).value = '很严重';
      const bad = await officer.inject({
        method: 'POST',
        url: url('/import'),
        headers: { 'content-type': XLSX },
        payload: Buffer.from(await book.xlsx.writeBuffer()),
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(problemsOf(bad.body), ['sheet 影响分析 row 3 column 影响程度']);
      // The import's own checks are located in the workbook too.
      impacts.getRow(3).getCell(ih.indexOf('影响程度') + 1).value = '严重危害';
      added.getCell(col('所在定级对象')).value = '不存在的系统';
      const second = await officer.inject({
        method: 'POST',
        url: url('/import'),
        headers: { 'content-type': XLSX },
        payload: Buffer.from(await book.xlsx.writeBuffer()),
      });
      assert.equal(second.statusCode, 400, second.body);
      assert.deepEqual(problemsOf(second.body), ['sheet 数据资源 row 9 column 所在定级对象']);
      await reload();
      assert.ok(!resources.some((r) => r.code === 'DR-300'), 'nothing imported');
      // Fixed: imported, the note kept as text.
      added.getCell(col('所在定级对象')).value = '';
      const fixed = await officer.inject({
        method: 'POST',
        url: url('/import'),
        headers: { 'content-type': XLSX },
        payload: Buffer.from(await book.xlsx.writeBuffer()),
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.equal(fixed.json().resources.created, 1);
      await reload();
      assert.equal(byCode('DR-300').note, '=HYPERLINK("http://x")');
      const reexported = await officer.inject({ url: url('/export?format=xlsx') });
      const book2 = new ExcelJS.Workbook();
      await book2.xlsx.load(reexported.rawPayload as unknown as ArrayBuffer);
      const s2 = book2.getWorksheet('数据资源')!;
      const note = s2.getRow(9).getCell(col('备注'));
      assert.equal(note.formula, undefined);
      assert.notEqual(note.value, '=HYPERLINK("http://x")');
      const removed = await officer.inject({
        method: 'DELETE',
        url: url(`/resources/${byCode('DR-300').id}`),
      });
      assert.equal(removed.statusCode, 204);
    });

    it('gives the rows of the filing’s 数据摸底调查表, for the organisation or one system', async (t) => {
      if (!h) return t.skip('database unavailable');
      const all = await officer.inject({ url: url('/filing-inventory') });
      assert.equal(all.statusCode, 200, all.body);
      const rows = all.json() as { code: string; [k: string]: unknown }[];
      assert.equal(rows.length, 7);
      const surveillance = rows.find((r) => r.code === 'DR-006')!;
      assert.equal(surveillance.name, '区域公共卫生监测数据');
      assert.equal(surveillance.volume, '约 80 万条');
      assert.equal(surveillance.importance, 'important');
      assert.equal(surveillance.location, '本院数据中心（主楼机房）');
      assert.deepEqual(surveillance.systems, ['医院信息系统（HIS）']);
      const lab = await officer.inject({
        url: url(`/filing-inventory?systemId=${systemIds.get('实验室信息系统（LIS）')}`),
      });
      assert.deepEqual(
        lab.json().map((r: { code: string }) => r.code),
        ['DR-003'],
      );
      assert.equal(lab.json()[0].crossBorder, true);
      assert.deepEqual(lab.json()[0].crossBorderDestinations, ['DE']);
      assert.equal(lab.json()[0].individuals, 1200000);
    });

    it('feeds the filing form’s 数据摸底调查表: the inventory’s rows first, the hand-entered list where it has none', async (t) => {
      if (!h) return t.skip('database unavailable');
      const current = await officer.inject({ url: `/api/organisations/${orgId}` });
      const patched = await officer.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}`,
        payload: {
          version: current.json().version,
          filingProfile: {
            dataCategories: [
              {
                name: '门禁通行记录',
                volume: '约 300 万条',
                importance: 'general',
                location: '本院数据中心',
                crossBorder: false,
                systems: [],
              },
            ],
          },
        },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const form = async (system: string) =>
        JSON.stringify(
          await buildReport(h!.ctx, orgId, 'filing', systemIds.get(system)!, 'zh', '2026-12-01'),
        );
      const lab = await form('实验室信息系统（LIS）');
      assert.ok(lab.includes('检验报告'), 'the LIS form lists its inventory resource');
      assert.ok(!lab.includes('患者病历'), 'not the resources of other objects');
      assert.ok(!lab.includes('门禁通行记录'), 'the inventory wins over the hand-entered list');
      const gate = await form('门禁人脸识别系统');
      assert.ok(gate.includes('门禁通行记录'), 'no inventory rows: the hand-entered list');
      assert.ok(!gate.includes('检验报告'));
    });
  });
}
