import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AssessmentDto, WorkbookDto } from '../../src/shared/api-types';
import type { PractitionerImportDto } from '../../src/shared/practitioner-import';
import {
  largeWorkbook,
  level2Workbook,
  level3Workbook,
  type PractitionerFixture,
} from '../fixtures/practitioner/workbooks';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ErrorBody {
  code: string;
  messageCode?: string;
  details: { path: string; code?: string; message: string }[];
}

/**
 * An assessor's own workbook imported through the API: preview per sheet without writing, a
 * commit that creates the test objects (kind, IP, version, requirement set) and writes the
 * results in one go, broken rows refused by sheet/row/column with nothing written, the same
 * file again changing nothing, and another organisation not finding the assessment.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`practitioner workbook import on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let outsider: Client;
    let orgId: string;
    let level3: string;
    let level2: string;
    let fixture: PractitionerFixture;

    const newSystem = async (name: string, types: string[], degree: string, object: string) => {
      const system = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        payload: { name, types },
      });
      assert.equal(system.statusCode, 201, system.body);
      const graded = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${system.json().id}/gradings`,
        payload: {
          businessInformation: [{ object, degree }],
          systemService: [{ object, degree }],
          gradedOn: '2026-01-05',
          reason: '按定级指南确定',
          version: system.json().version,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
      const assessment = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${system.json().id}/assessments`,
        payload: { title: `2026年度${name}等级测评` },
      });
      assert.equal(assessment.statusCode, 201, assessment.body);
      return assessment.json().id as string;
    };

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('zhou.min', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市第一人民医院' },
        })
      ).json().id;
      outsider = await h.user('wu.lei', { admin: true });
      await outsider.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某县人民医院' },
      });
      level3 = await newSystem(
        '医院信息系统（HIS）',
        ['cloud_tenant_system'],
        'serious',
        'social_order_public_interest',
      );
      level2 = await newSystem(
        '办公自动化系统',
        ['ordinary_system'],
        'serious',
        'citizen_legal_person',
      );
      fixture = await level3Workbook();
    });
    after(async () => {
      await h?.close();
    });

    const upload = (
      client: Client,
      assessmentId: string,
      buffer: Buffer,
      query: string,
      org = orgId,
    ) =>
      client.inject({
        method: 'POST',
        url: `/api/organisations/${org}/assessments/${assessmentId}/import?layout=auto&${query}`,
        headers: { 'content-type': XLSX },
        payload: buffer,
      });
    const objectsOf = async (assessmentId: string) =>
      (
        (
          await owner.inject({
            method: 'GET',
            url: `/api/organisations/${orgId}/assessments/${assessmentId}`,
          })
        ).json() as AssessmentDto
      ).objects;

    it('previews per sheet (object, kind, IP, rows matched, warnings) and writes nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await upload(owner, level3, fixture.buffer, 'dryRun=true');
      assert.equal(res.statusCode, 200, res.body);
      const preview = res.json() as PractitionerImportDto;
      assert.equal(preview.dryRun, true);
      assert.equal(preview.written, null);
      assert.equal(preview.totals.sheets, 15);
      assert.equal(preview.totals.objectsToCreate, 15);
      assert.equal(preview.totals.unmatched, 0);
      assert.equal(preview.totals.problems, 0);
      const cover = preview.sheets.find((s) => s.sheet === '封面');
      assert.equal(cover?.status, 'no_header');
      const sw = preview.sheets.find((s) => s.sheet === '核心交换机');
      assert.equal(sw?.object?.kind, 'network_device');
      assert.deepEqual(sw?.object?.attributes.ipAddresses, ['10.10.0.1']);
      assert.equal(sw?.object?.attributes.version, 'V7.1.070');
      assert.equal(sw?.object?.attributes.model, 'S10508');
      assert.equal(
        sw?.matched,
        fixture.sheets.find((s) => s.name === '核心交换机')?.requirementIds.length,
      );
      const fw = preview.sheets.find((s) => s.sheet === '出口防火墙');
      assert.ok(fw?.warnings.some((w) => w.code === 'practitioner.totals_ignored'));
      assert.ok(
        preview.sheets.some((s) =>
          s.warnings.some((w) => w.code === 'practitioner.reasons_from_record'),
        ),
      );
      assert.deepEqual(await objectsOf(level3), []);
    });

    it('refuses a commit with a broken row, naming sheet, row and column; nothing is written', async (t) => {
      if (!h) return t.skip('database unavailable');
      const broken = await level3Workbook({ missingRecord: true });
      const res = await upload(owner, level3, broken.buffer, 'dryRun=false');
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json() as ErrorBody;
      assert.equal(body.messageCode, 'practitioner.problems');
      const place = `sheet ${broken.broken?.sheet} row ${broken.broken?.row} column ${broken.broken?.column}`;
      assert.ok(
        body.details.some((d) => d.path === place && d.code === 'practitioner.record_required'),
        JSON.stringify(body.details),
      );

      const unknown = await level3Workbook({ unknownControlPoint: true });
      const refused = await upload(owner, level3, unknown.buffer, '');
      assert.equal(refused.statusCode, 400, refused.body);
      const details = (refused.json() as ErrorBody).details;
      assert.deepEqual(
        details.map((d) => [d.path, d.code]),
        [
          [
            `sheet 核心交换机 row ${unknown.broken?.row} column 控制点`,
            'practitioner.control_point_unknown',
          ],
        ],
      );
      assert.deepEqual(await objectsOf(level3), []);
    });

    it('commits: creates the objects with kind, attributes and requirement set, and writes the results', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await upload(owner, level3, fixture.buffer, 'dryRun=false');
      assert.equal(res.statusCode, 200, res.body);
      const done = res.json() as PractitionerImportDto;
      const results = fixture.sheets.reduce((n, s) => n + s.results, 0);
      assert.deepEqual(done.written, {
        objectsCreated: 15,
        created: results,
        updated: 0,
        unchanged: 0,
        unmatchedLeftOut: 0,
      });
      const objects = await objectsOf(level3);
      assert.deepEqual(
        objects.map((o) => [o.name, o.kind]),
        fixture.sheets.map((s) => [s.name, s.kind]),
      );
      const db = objects.find((o) => o.name === 'HIS数据库（达梦DM8）');
      assert.deepEqual(db?.attributes.ipAddresses, ['10.20.1.21']);
      assert.equal(db?.attributes.version, 'DM8 8.1.3.62');
      const server = objects.find((o) => o.name === 'HIS应用服务器');
      assert.equal(server?.controlPoints, null);
      assert.equal(server?.attributes.os, '银河麒麟V10');
      const sw = objects.find((o) => o.name === '核心交换机');
      assert.equal(sw?.controlPoints?.length, 6);
      assert.equal(sw?.requirementCount, 23);

      const workbook = (
        await owner.inject({
          method: 'GET',
          url: `/api/organisations/${orgId}/assessments/${level3}/workbook`,
        })
      ).json() as WorkbookDto;
      const recorded = workbook.rows.filter((r) => r.result !== null);
      assert.equal(recorded.length, results);
      // Every sheet's rows are exactly its object's rows.
      for (const expected of fixture.sheets) {
        const id = objects.find((o) => o.name === expected.name)?.id;
        assert.deepEqual(
          workbook.rows
            .filter((r) => r.objectId === id)
            .map((r) => r.requirementId)
            .sort(),
          [...expected.requirementIds].sort(),
          expected.name,
        );
      }
      // One import entry with the file's digest and counts, one entry per object created; the
      // records themselves never reach the audit log in clear.
      const audit = await h.store.db
        .selectFrom('audit_entries')
        .select(['action', 'changes'])
        .where('organisation_id', '=', orgId)
        .where('action', 'in', ['assessment.results.import', 'assessment.object.create'])
        .execute();
      assert.equal(audit.filter((e) => e.action === 'assessment.object.create').length, 15);
      const entry = audit.find((e) => e.action === 'assessment.results.import');
      assert.match(String(entry?.changes), /"layout":"auto"/);
      assert.doesNotMatch(JSON.stringify(audit), /漏洞扫描/);
      const partial = recorded.find((r) => r.result === 'partial');
      assert.ok(partial?.record);
      assert.equal(partial?.reason, partial?.record);
      assert.equal(partial?.recordedBy, 'zhou.min');
    });

    it('the same file again writes to the existing objects and changes nothing; unmatched rows can be left out', async (t) => {
      if (!h) return t.skip('database unavailable');
      const again = await upload(owner, level3, fixture.buffer, 'dryRun=false');
      assert.equal(again.statusCode, 200, again.body);
      const body = again.json() as PractitionerImportDto;
      assert.equal(body.totals.objectsToCreate, 0);
      assert.equal(body.written?.objectsCreated, 0);
      assert.equal(body.written?.created, 0);
      assert.equal(
        body.written?.unchanged,
        fixture.sheets.reduce((n, s) => n + s.results, 0),
      );
      const withUnknown = await level3Workbook({ unknownControlPoint: true });
      const skipped = await upload(owner, level3, withUnknown.buffer, 'skipUnmatched=true');
      assert.equal(skipped.statusCode, 200, skipped.body);
      assert.equal((skipped.json() as PractitionerImportDto).written?.unmatchedLeftOut, 1);
      assert.equal((await objectsOf(level3)).length, 15);
    });

    it('imports a level-2 workbook by the level-2 item letters, with a kind chosen by the user', async (t) => {
      if (!h) return t.skip('database unavailable');
      const file = await level2Workbook();
      const kinds = encodeURIComponent(JSON.stringify({ Web服务器: 'middleware' }));
      const res = await upload(owner, level2, file.buffer, `kinds=${kinds}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as PractitionerImportDto;
      assert.equal(body.level, 2);
      assert.equal(
        body.written?.created,
        file.sheets.reduce((n, s) => n + s.results, 0),
      );
      const objects = await objectsOf(level2);
      assert.equal(objects.find((o) => o.name === 'Web服务器')?.kind, 'middleware');
      assert.equal(objects.find((o) => o.name === '机房')?.kind, 'machine_room');

      // A completed assessment is read-only: not even a preview.
      const current = (
        await owner.inject({
          method: 'GET',
          url: `/api/organisations/${orgId}/assessments/${level2}`,
        })
      ).json() as AssessmentDto;
      const completed = await owner.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}/assessments/${level2}`,
        payload: { status: 'completed', version: current.version },
      });
      assert.equal(completed.statusCode, 200, completed.body);
      assert.equal((await upload(owner, level2, file.buffer, 'dryRun=true')).statusCode, 409);
      const reopened = await owner.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}/assessments/${level2}`,
        payload: { status: 'in_progress', version: completed.json().version },
      });
      assert.equal(reopened.statusCode, 200, reopened.body);

      const bad = await upload(
        owner,
        level2,
        file.buffer,
        `dryRun=true&kinds=${encodeURIComponent('{"不存在":"server"}')}`,
      );
      assert.equal(bad.statusCode, 200);
      assert.deepEqual(
        (bad.json() as PractitionerImportDto).problems.map((p) => p.code),
        ['practitioner.kind_sheet_unknown'],
      );
    });

    it('refuses an .xls file with a clear message, and another organisation gets 404', async (t) => {
      if (!h) return t.skip('database unavailable');
      const xls = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(2048),
      ]);
      const res = await upload(owner, level3, xls, 'dryRun=true');
      assert.equal(res.statusCode, 400);
      assert.equal((res.json() as ErrorBody).details[0]?.code, 'practitioner.xls_refused');

      const outsiderOrg = (
        await outsider.inject({ method: 'GET', url: '/api/organisations' })
      ).json().items[0].id as string;
      const foreign = await upload(outsider, level3, fixture.buffer, 'dryRun=true', outsiderOrg);
      assert.equal(foreign.statusCode, 404, foreign.body);
      const notMember = await upload(outsider, level3, fixture.buffer, 'dryRun=true');
      assert.ok([403, 404].includes(notMember.statusCode), notMember.body);
    });

    it('previews and commits a 30-sheet, 1,030-row workbook (speed: bench/practitioner-import.ts)', async (t) => {
      if (!h) return t.skip('database unavailable');
      const big = await largeWorkbook(30);
      const fresh = await newSystem(
        '全民健康信息平台',
        ['cloud_tenant_system'],
        'serious',
        'social_order_public_interest',
      );
      const preview = await upload(owner, fresh, big.buffer, 'dryRun=true');
      assert.equal(preview.statusCode, 200, preview.body);
      const commit = await upload(owner, fresh, big.buffer, '');
      assert.equal(commit.statusCode, 200, commit.body);
      const body = commit.json() as PractitionerImportDto;
      assert.equal(body.totals.rows, 1030);
      assert.equal(body.written?.objectsCreated, 30);
    });
  });
}
