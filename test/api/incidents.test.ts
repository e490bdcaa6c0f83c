import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { IncidentView } from '../../src/app/data-security/incidents/model';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

/** The harness clock starts at 2026-03-02T01:00:00Z (09:00 Beijing). */
const FOUND = '2026-03-02T09:15:00+08:00'; // 01:15Z

function pdfText(buffer: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-pdf-'));
  const file = path.join(dir, 'r.pdf');
  writeFileSync(file, buffer);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

for (const dialect of TEST_DIALECTS) {
  describe(`incident register API on ${dialect}`, () => {
    let h: Harness | null;
    let officer: Client;
    let hospital: string;
    let shop: string;
    let his: string;
    let shopSystem: string;
    const url = (orgId: string, p = '') =>
      `/api/organisations/${orgId}/data-security/incidents${p}`;
    const pathsOf = (body: string) =>
      (JSON.parse(body).details as { path: string }[]).map((d) => d.path);
    const duty = (i: IncidentView, kind: string) => i.duties.find((d) => d.kind === kind);

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      officer = await h.user('sec.li', { admin: true });
      const org = async (name: string) => {
        const res = await officer.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const system = async (orgId: string, name: string, isCii: boolean) => {
        const res = await officer.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems`,
          payload: {
            name,
            types: ['ordinary_system'],
            isCii,
            ...(isCii ? { ciiDesignatedOn: '2024-05-01' } : {}),
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      hospital = await org('某市第一人民医院');
      his = await system(hospital, '医院信息系统（HIS）', true);
      shop = await org('某网上商城有限公司');
      shopSystem = await system(shop, '网上商城', false);
    });
    after(async () => {
      await h?.close();
    });

    it('a 较大 incident at a CII hospital: protection department and public security within 1 hour', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        method: 'POST',
        url: url(hospital),
        payload: {
          code: 'INC-2026-01',
          title: 'HIS 遭勒索病毒攻击',
          type: 'malware',
          foundAt: FOUND,
          systemIds: [his],
          grade: 'large',
          measures: { ciiMainFunctionOutageMinutes: 150 },
          criteriaMet: ['la-cii-main-2h'],
          ransom: { demand: '支付比特币解锁', amount: '2 BTC' },
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const incident = res.json() as IncidentView;
      assert.equal(incident.version, 1);
      assert.equal(incident.operatorKind, 'cii_operator');
      assert.equal(incident.operatorKindFrom, 'systems');
      assert.equal(incident.involvesCiiEffective, true);
      assert.equal(incident.regime, '2025-measures');
      assert.equal(incident.suggestedGrade, 'large');
      assert.deepEqual(
        incident.criteriaFound.map((c) => c.id),
        ['la-cii-main-2h'],
      );
      const initial = duty(incident, 'initial');
      assert.deepEqual(initial?.recipients, ['protection_department', 'public_security']);
      assert.equal(initial?.dueAt, '2026-03-02T02:15:00.000Z');
      assert.equal(initial?.deadline, 'PT1H');
      assert.equal(initial?.state, 'due');
      assert.equal(duty(incident, 'escalation'), undefined, '较大: no escalation');

      // The clock passes the hour: overdue.
      h.clock.advanceMinutes(80);
      officer = await h.signIn('sec.li'); // the session idled out meanwhile
      const late = (
        await officer.inject({ url: url(hospital, `/${incident.id}`) })
      ).json() as IncidentView;
      assert.equal(duty(late, 'initial')?.state, 'overdue');

      // The initial reports go in: done (late, and said so).
      let current = late;
      for (const recipient of ['protection_department', 'public_security'] as const) {
        const r = await officer.inject({
          method: 'POST',
          url: url(hospital, `/${incident.id}/reports`),
          payload: {
            version: current.version,
            kind: 'initial',
            recipient,
            submittedAt: '2026-03-02T10:20:00+08:00',
          },
        });
        assert.equal(r.statusCode, 201, r.body);
        current = r.json() as IncidentView;
      }
      assert.equal(current.version, 3);
      assert.equal(duty(current, 'initial')?.state, 'done');
      assert.match(duty(current, 'initial')?.reasonEn ?? '', /late by 5 min/);

      // The form: PDF text carries the Art. 7 items and the recipients.
      const pdf = await officer.inject({
        url: url(hospital, `/${incident.id}/report?format=pdf&kind=initial&lang=zh`),
      });
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = pdfText(pdf.rawPayload).replace(/\s+/g, '');
      for (const s of [
        '网络安全事件信息报告表',
        '某市第一人民医院',
        '事态发展趋势',
        '初步原因分析',
        '现场保护情况',
        '保护工作部门',
        '公安机关',
        '勒索软件攻击情况',
        '较大',
      ])
        assert.ok(text.includes(s), `the PDF shows ${s}`);
      const docx = await officer.inject({
        url: url(hospital, `/${incident.id}/report?format=docx&kind=closing&lang=en`),
      });
      assert.equal(docx.statusCode, 200, docx.body);
      assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    });

    it('an ordinary operator: the provincial CAC within 4 hours; a PI leak adds the PIPL Art. 57 notices', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        method: 'POST',
        url: url(shop),
        payload: {
          code: 'INC-2026-02',
          title: '会员数据库泄露',
          type: 'data_security',
          foundAt: '2026-03-02T11:00:00+08:00',
          systemIds: [shopSystem],
          measures: { piLeakedIndividuals: 1_500_000 },
          piIncident: { individuals: 1_500_000, categories: ['phone_number'] },
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const incident = res.json() as IncidentView;
      assert.equal(incident.operatorKind, 'other');
      assert.equal(incident.grade ?? null, null);
      assert.equal(incident.suggestedGrade, 'large');
      assert.equal(incident.dutyGradeFrom, 'suggestion');
      const initial = duty(incident, 'initial');
      assert.deepEqual(initial?.recipients, ['provincial_cac']);
      assert.equal(initial?.dueAt, '2026-03-02T07:00:00.000Z');
      assert.equal(initial?.deadline, 'PT4H');
      const individuals = duty(incident, 'notify_individuals');
      assert.equal(individuals?.state, 'due');
      assert.equal(individuals?.deadline, 'ASAP');
      assert.equal(duty(incident, 'notify_pi_authority')?.state, 'due');

      const notified = await officer.inject({
        method: 'PATCH',
        url: url(shop, `/${incident.id}`),
        payload: {
          version: incident.version,
          grade: 'large',
          piIncident: {
            individuals: 1_500_000,
            categories: ['phone_number'],
            notifiedAt: '2026-03-02T15:00:00+08:00',
            notificationMethod: '短信',
          },
        },
      });
      assert.equal(notified.statusCode, 200, notified.body);
      assert.equal(duty(notified.json() as IncidentView, 'notify_individuals')?.state, 'done');

      const added = await officer.inject({
        method: 'POST',
        url: url(shop, `/${incident.id}/reports`),
        payload: {
          version: 2,
          kind: 'initial',
          recipient: 'provincial_cac',
          submittedAt: '2026-03-02T13:00:00+08:00',
        },
      });
      assert.equal(added.statusCode, 201, added.body);
      const done = duty(added.json() as IncidentView, 'initial');
      assert.equal(done?.state, 'done');
      assert.match(done?.reasonEn ?? '', /in time/);

      // A patch keeps what it leaves out (the report, the PI incident, the systems).
      const renamed = await officer.inject({
        method: 'PATCH',
        url: url(shop, `/${incident.id}`),
        payload: { version: 3, title: '会员数据库泄露（已处置）' },
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      const kept = renamed.json() as IncidentView;
      assert.equal(kept.reports.length, 1);
      assert.deepEqual(kept.systemIds, [shopSystem]);
      assert.equal(kept.piIncident?.individuals, 1_500_000);
      assert.equal(duty(kept, 'initial')?.state, 'done');
      const list = await officer.inject({ url: url(shop) });
      assert.deepEqual(
        (list.json() as IncidentView[]).map((i) => i.code),
        ['INC-2026-02'],
      );
    });

    it('a 一般 incident needs no report under Art. 4', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        method: 'POST',
        url: url(shop),
        payload: {
          code: 'INC-2026-03',
          title: '单台终端中毒',
          type: 'malware',
          foundAt: FOUND,
          grade: 'general',
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const i = res.json() as IncidentView;
      assert.deepEqual(
        i.duties.map((d) => [d.kind, d.state]),
        [['initial', 'not_required']],
      );
    });

    it('a stale version is refused (409) and changes nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const created = await officer.inject({
        method: 'POST',
        url: url(shop),
        payload: {
          code: 'INC-2026-04',
          title: '网站被篡改',
          type: 'information_content',
          foundAt: FOUND,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      const ok = await officer.inject({
        method: 'PATCH',
        url: url(shop, `/${id}`),
        payload: { version: 1, grade: 'large' },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const stale = await officer.inject({
        method: 'PATCH',
        url: url(shop, `/${id}`),
        payload: { version: 1, title: '旧' },
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      const staleReport = await officer.inject({
        method: 'POST',
        url: url(shop, `/${id}/reports`),
        payload: { version: 1, kind: 'initial', recipient: 'provincial_cac', submittedAt: FOUND },
      });
      assert.equal(staleReport.statusCode, 409, staleReport.body);
      const read = (await officer.inject({ url: url(shop, `/${id}`) })).json() as IncidentView;
      assert.equal(read.title, '网站被篡改');
      assert.equal(read.version, 2);
      assert.deepEqual(read.reports, []);
    });

    it('bad input: errors name the fields and nothing is saved', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        method: 'POST',
        url: url(shop),
        payload: {
          code: 'INC-BAD',
          title: '错误示例',
          type: 'malware',
          foundAt: FOUND,
          systemIds: [his],
          dataResourceCodes: ['DR-NONE'],
          criteriaMet: ['la-made-up'],
          reports: [
            {
              kind: 'initial',
              recipient: 'provincial_cac',
              submittedAt: '2026-03-01T09:00:00+08:00',
            },
          ],
          handledAt: '2026-03-01T00:00:00+08:00',
        },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(pathsOf(res.body).sort(), [
        'criteriaMet[0]',
        'dataResourceCodes[0]',
        'handledAt',
        'reports[0].submittedAt',
        'systemIds[0]',
      ]);
      const schema = await officer.inject({
        method: 'POST',
        url: url(shop),
        payload: { code: 'INC-BAD', title: '错误示例', type: 'virus', foundAt: '2026-03-02 09:15' },
      });
      assert.equal(schema.statusCode, 400, schema.body);
      assert.match(schema.body, /foundAt/);
      assert.match(schema.body, /type/);
      const taken = await officer.inject({
        method: 'POST',
        url: url(shop),
        payload: { code: 'INC-2026-02', title: '重复', type: 'other', foundAt: FOUND },
      });
      assert.equal(taken.statusCode, 400, taken.body);
      assert.deepEqual(pathsOf(taken.body), ['code']);
      const list = await officer.inject({ url: url(shop) });
      assert.ok(!(list.json() as IncidentView[]).some((i) => i.code === 'INC-BAD'));
      // Another organisation's incident is not found here.
      const other = (await officer.inject({ url: url(hospital) })).json() as IncidentView[];
      const foreign = await officer.inject({ url: url(shop, `/${other[0]!.id}`) });
      assert.equal(foreign.statusCode, 404, foreign.body);
    });

    it('a data resource of the inventory can be named; an incident found before 2025-11-01 has ASAP duties', async (t) => {
      if (!h) return t.skip('database unavailable');
      const resource = await officer.inject({
        method: 'POST',
        url: `/api/organisations/${hospital}/data-security/resources`,
        payload: { code: 'DR-001', name: '患者病历' },
      });
      assert.equal(resource.statusCode, 201, resource.body);
      const res = await officer.inject({
        method: 'POST',
        url: url(hospital),
        payload: {
          code: 'INC-2025-07',
          title: '病历数据泄露',
          type: 'data_security',
          foundAt: '2025-10-31T23:59:00+08:00',
          systemIds: [his],
          dataResourceCodes: ['DR-001'],
          grade: 'major',
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const i = res.json() as IncidentView;
      assert.equal(i.regime, 'pre-2025');
      assert.ok(i.duties.every((d) => d.dueAt === null));
      assert.deepEqual(
        i.duties.map((d) => d.id.split(':')[1]),
        ['pre-2025-csl', 'pre-2025-cii'],
      );
      const del = await officer.inject({ method: 'DELETE', url: url(hospital, `/${i.id}`) });
      assert.equal(del.statusCode, 204);
      assert.equal((await officer.inject({ url: url(hospital, `/${i.id}`) })).statusCode, 404);
    });
  });
}
