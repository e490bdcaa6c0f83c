import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  verificationAppendices,
  verificationMaxBytes,
} from '../../src/app/assessment/verification';
import type {
  VerificationImportDto,
  VerificationListDto,
} from '../../src/shared/verification-schemas';
import { buildReport } from '../../src/app/reports';
import type { TableBlock } from '../../src/reports/model';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/verification');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

/**
 * A hospital's HIS assessment imports a Greenbone report, a Nessus re-scan and the penetration
 * testers' sheet: hosts are matched to the test objects by IP (IPv6 too) and name, a dry run
 * shows what a commit would do, unmatched hosts are refused until assigned, and nothing is written
 * by a refused or broken file. The findings feed the 6.4.3.2 candidates and the report appendices.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`verification tests API on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let stranger: Client;
    let orgId: string;
    let assessmentId: string;
    const objects: Record<string, string> = {};

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('zhao.min', { admin: true });
      stranger = await h.user('qian.lei', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市人民医院' },
        })
      ).json().id;
      await stranger.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '另一家医院' },
      });
      const system = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        payload: { name: '医院信息系统（HIS）', types: ['ordinary_system'] },
      });
      const systemId = system.json().id;
      const graded = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${systemId}/gradings`,
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
          systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
          gradedOn: '2026-01-05',
          reason: '三级医院核心业务系统',
          version: system.json().version,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
      const created = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${systemId}/assessments`,
        payload: { title: '2026年度等级测评', reportDate: '2026-12-01' },
      });
      assert.equal(created.statusCode, 201, created.body);
      assessmentId = created.json().id;
      for (const [name, kind, ipAddresses] of [
        ['HIS应用服务器', 'server', ['10.20.1.11']],
        ['HIS数据库', 'database', ['10.20.1.21']],
        // Written out in full: matched to the report's 2001:db8:20::15.
        ['PACS影像服务器', 'server', ['2001:DB8:20:0:0:0:0:15']],
        // No address: the Nessus host pacs-gw.hospital.local matches it by name.
        ['pacs-gw', 'server', []],
        ['门户网站服务器', 'server', []],
      ] as const) {
        const res = await owner.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/assessments/${assessmentId}/objects`,
          payload: { name, kind, attributes: { ipAddresses } },
        });
        assert.equal(res.statusCode, 201, res.body);
        objects[name] = res.json().id;
      }
    });
    after(async () => {
      await h?.close();
    });

    const url = (query = '', sub = '') =>
      `/api/organisations/${orgId}/assessments/${assessmentId}/verification${sub}${query}`;
    const upload = (
      client: Client,
      body: Buffer,
      query: string,
      type = 'application/octet-stream',
    ) =>
      client.inject({
        method: 'POST',
        url: url(query),
        headers: { 'content-type': type },
        payload: body,
      });
    const stored = async () => {
      const db = h!.store.db;
      const imports = await db.selectFrom('verification_imports').select('id').execute();
      const findings = await db.selectFrom('verification_findings').select('id').execute();
      return { imports: imports.length, findings: findings.length };
    };

    it('previews a Greenbone report: hosts matched by IP, counts, candidates, problems; writes nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await upload(
        owner,
        fixture('greenbone-his.xml'),
        '?fileName=greenbone-his.xml&dryRun=true',
      );
      assert.equal(res.statusCode, 200, res.body);
      const preview = res.json() as VerificationImportDto;
      assert.equal(preview.dryRun, true);
      assert.equal(preview.id, null);
      assert.equal(preview.format, 'greenbone');
      assert.equal(preview.scanDate, '2026-11-20');
      assert.deepEqual(preview.counts, { critical: 0, high: 4, medium: 3, low: 0, info: 1 });
      const byHost = Object.fromEntries(preview.hosts.map((x) => [x.host, x]));
      assert.deepEqual(
        [
          byHost['10.20.1.11']?.objectName,
          byHost['10.20.1.11']?.matchedBy,
          byHost['10.20.1.11']?.findingCount,
        ],
        ['HIS应用服务器', 'ip', 4],
      );
      assert.equal(
        byHost['2001:db8:20::15']?.objectName,
        'PACS影像服务器',
        'IPv6 compared expanded',
      );
      assert.equal(byHost['10.20.1.99']?.objectId, null, 'scanned clean, no object needed');
      assert.equal(byHost['10.20.9.50']?.objectId, null);
      assert.deepEqual(
        preview.problems.map((p) => [p.code, p.path]),
        [['verification.host_unmatched', 'hosts.10.20.9.50']],
      );
      assert.match(preview.problems[0]!.messageZh ?? '', /主机 10\.20\.9\.50 未匹配到任何测评对象/);
      const his = preview.candidates.find((c) => c.objectName === 'HIS应用服务器');
      assert.equal(his?.caseId, '6.4.3.2');
      assert.equal(his?.requirementId, '8.1.4.4-e');
      // Ghostcat (verified by exploitation) first; the EOL OS has no CVE and no exploit: not one.
      assert.deepEqual(
        his?.candidates.map((c) => c.name),
        [
          'Apache Tomcat AJP RCE Vulnerability (Ghostcat)',
          'Apache HTTP Server < 2.4.56 Multiple Vulnerabilities - Linux',
          'SSL/TLS: Report Vulnerable Cipher Suites for HTTPS',
        ],
      );
      assert.deepEqual(his?.symptoms, [0, 1]);
      assert.deepEqual(await stored(), { imports: 0, findings: 0 });
    });

    it('refuses to commit while a host with findings matches no object, and writes nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await upload(owner, fixture('greenbone-his.xml'), '?fileName=greenbone-his.xml');
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json();
      assert.equal(body.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        body.details.map((d: { path: string }) => d.path),
        ['hosts.10.20.9.50'],
      );
      const unknown = await upload(
        owner,
        fixture('greenbone-his.xml'),
        '?fileName=greenbone-his.xml&assign=10.20.9.99=HIS数据库&assign=10.20.9.50=不存在的对象',
      );
      assert.equal(unknown.statusCode, 400);
      assert.deepEqual(
        unknown.json().details.map((d: { code: string }) => d.code),
        [
          'verification.assign_unknown_host',
          'verification.assign_unknown_object',
          'verification.host_unmatched',
        ],
      );
      assert.deepEqual(await stored(), { imports: 0, findings: 0 });
    });

    it('commits with the host assigned: all findings stored, encrypted, audited; the same file twice is refused', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await upload(
        owner,
        fixture('greenbone-his.xml'),
        `?fileName=greenbone-his.xml&assign=${encodeURIComponent('10.20.9.50=门户网站服务器')}`,
      );
      assert.equal(res.statusCode, 201, res.body);
      const done = res.json() as VerificationImportDto;
      assert.match(done.id ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(done.hosts.find((x) => x.host === '10.20.9.50')?.matchedBy, 'assigned');
      assert.deepEqual(await stored(), { imports: 1, findings: 8 });

      const raw = await h.store.db
        .selectFrom('verification_findings')
        .select(['description_enc', 'cvss_tenths', 'cves'])
        .where('name', 'like', 'Apache Tomcat AJP%')
        .executeTakeFirstOrThrow();
      assert.match(raw.description_enc ?? '', /^sm4:/);
      assert.doesNotMatch(raw.description_enc ?? '', /Tomcat/);
      assert.equal(raw.cvss_tenths, 98);

      const entry = await h.store.db
        .selectFrom('audit_entries')
        .select(['action', 'entity_type', 'entity_id', 'actor_label', 'changes'])
        .where('organisation_id', '=', orgId)
        .where('action', '=', 'assessment.verification.import')
        .executeTakeFirstOrThrow();
      assert.equal(entry.entity_id, done.id);
      assert.equal(entry.actor_label, 'zhao.min');
      const changes = JSON.parse(entry.changes);
      assert.equal(changes.file_name.after, 'greenbone-his.xml');
      assert.equal(changes.findings.after, 8);
      assert.equal(changes.file_sm3.after, done.sm3);

      const again = await upload(
        owner,
        fixture('greenbone-his.xml'),
        '?fileName=copy.xml&allowUnassigned=true',
      );
      assert.equal(again.statusCode, 400);
      assert.equal(again.json().details[0].code, 'verification.already_imported');
      assert.deepEqual(await stored(), { imports: 1, findings: 8 });
    });

    it('imports a Nessus file (host name only → object by name) and a penetration-test sheet', async (t) => {
      if (!h) return t.skip('database unavailable');
      h.clock.advanceMinutes(1);
      const nessus = await upload(
        owner,
        fixture('nessus-his.nessus'),
        '?fileName=nessus-his.nessus',
      );
      assert.equal(nessus.statusCode, 201, nessus.body);
      const n = nessus.json() as VerificationImportDto;
      assert.equal(n.scannerVersion, '10.6.4');
      const gw = n.hosts.find((x) => x.hostname === 'pacs-gw.hospital.local');
      assert.deepEqual([gw?.objectName, gw?.matchedBy], ['pacs-gw', 'name']);

      h.clock.advanceMinutes(1);
      // his-app01.hospital.local names no object: this row stays unassigned when allowed.
      const pentest = await upload(
        owner,
        fixture('pentest-his.csv'),
        '?fileName=pentest-his.csv&allowUnassigned=true',
        'text/csv',
      );
      assert.equal(pentest.statusCode, 201, pentest.body);
      const p = pentest.json() as VerificationImportDto;
      assert.equal(p.format, 'pentest');
      assert.equal(p.hosts.find((x) => x.hostname === 'his-app01.hospital.local')?.objectId, null);

      const list = (
        await owner.inject({ method: 'GET', url: url() })
      ).json() as VerificationListDto;
      assert.equal(list.imports.length, 3);
      assert.ok(
        list.findings.every((f) => f.severity !== 'info'),
        'info items only on request',
      );
      const tns = list.findings.find((f) => f.name === 'Oracle TNS Listener Remote Poisoning');
      assert.deepEqual(
        [tns?.objectName, tns?.cvss, tns?.exploitable, tns?.cves],
        ['HIS数据库', 7.5, true, ['CVE-2012-1675']],
      );
      assert.match(tns?.description ?? '', /TNS listener/, 'decrypted for the reader');
      const db = list.candidates.find((c) => c.objectName === 'HIS数据库');
      assert.deepEqual(
        db?.candidates.map((c) => c.name),
        ['Oracle TNS Listener Remote Poisoning'],
      );
      const sqli = list.candidates
        .find((c) => c.objectName === 'HIS应用服务器')
        ?.candidates.find((c) => c.name === 'HIS 登录接口 SQL 注入');
      assert.deepEqual(
        sqli?.reasons.map((r) => r.zh),
        ['CVSS 基本分 8.8 ≥ 7.0（高危）', '渗透测试已验证可利用'],
      );

      const withInfo = (
        await owner.inject({
          method: 'GET',
          url: url(`?includeInfo=true&objectId=${objects['HIS应用服务器']}`),
        })
      ).json() as VerificationListDto;
      assert.ok(withInfo.findings.some((f) => f.name === 'Nessus Scan Information'));
      assert.ok(withInfo.findings.every((f) => f.objectId === objects['HIS应用服务器']));

      const candidates = await owner.inject({ method: 'GET', url: url('', '/candidates') });
      assert.equal(candidates.statusCode, 200);
      assert.deepEqual(
        candidates.json().items.map((c: { objectName: string }) => c.objectName),
        ['HIS应用服务器', 'HIS数据库', 'pacs-gw'],
      );

      const appendices = await verificationAppendices(h.store.db, assessmentId);
      assert.equal(appendices.pentest.rows.length, 5);
      assert.equal(appendices.pentest.rows.at(-1)?.objectName, null, 'unassigned last');
      const first = appendices.scan.rows[0]!;
      assert.deepEqual(
        [first.objectName, first.target, first.severity, first.cvss],
        ['HIS应用服务器', '10.20.1.11:8009/tcp', 'critical', 9.8],
      );
      assert.deepEqual(
        appendices.scan.sources.map((x) => [x.scanner, x.scanDate, x.fileName]),
        [
          ['Greenbone GMP 22.5', '2026-11-20', 'greenbone-his.xml'],
          ['Nessus 10.6.4', '2026-11-21', 'nessus-his.nessus'],
        ],
      );
    });

    it('fills the report appendices 漏洞扫描结果记录 and 渗透测试结果记录 per object', async (t) => {
      if (!h) return t.skip('database unavailable');
      const doc = await buildReport(h.ctx, orgId, 'assessment', assessmentId, 'zh', '2026-12-01');
      const blocks = doc.blocks;
      const at = (text: string) => blocks.findIndex((b) => b.kind === 'heading' && b.text === text);
      const c = at('附录C 漏洞扫描结果记录');
      const d = at('附录D 渗透测试结果记录');
      const e = at('附录E 重大风险隐患触发项参照表');
      assert.ok(c > 0 && d > c && e > d);
      const scan = blocks.slice(c, d);
      assert.deepEqual(scan[1], {
        kind: 'list',
        ordered: false,
        items: [
          'Greenbone GMP 22.5，2026-11-20，greenbone-his.xml',
          'Nessus 10.6.4，2026-11-21，nessus-his.nessus',
        ],
      });
      assert.deepEqual(
        scan
          .filter((b) => b.kind === 'heading' && b.level === 2)
          .map((b) => (b as { text: string }).text),
        [
          'C.1 HIS应用服务器',
          'C.2 HIS数据库',
          'C.3 PACS影像服务器',
          'C.4 pacs-gw',
          'C.5 门户网站服务器',
        ],
      );
      const first = scan.find((b): b is TableBlock => b.kind === 'table')!;
      assert.deepEqual(
        first.columns.map((x) => x.header),
        ['目标地址', '漏洞名称', 'CVE编号', 'CVSS', '风险等级', '可利用'],
      );
      assert.deepEqual(first.rows[0], [
        '10.20.1.11:8009/tcp',
        'Apache Tomcat AJP Connector Request Injection (Ghostcat)',
        'CVE-2020-1745, CVE-2020-1938',
        '9.8',
        '严重',
        '是',
      ]);
      const pentest = blocks.slice(d, e);
      assert.ok(
        pentest.some((b) => b.kind === 'heading' && b.text === 'D.4 未对应测评对象的主机'),
        JSON.stringify(pentest.filter((b) => b.kind === 'heading')),
      );
      const docx = await owner.inject({
        method: 'GET',
        url: `/api/organisations/${orgId}/assessments/${assessmentId}/reports/assessment.docx`,
      });
      assert.equal(docx.statusCode, 200, docx.body.slice(0, 200));
    });

    it('feeds the findings: 8.1.4.4-e failing on an object with exploitable high vulnerabilities suggests high risk (6.4.3.2)', async (t) => {
      if (!h) return t.skip('database unavailable');
      const written = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/assessments/${assessmentId}/results`,
        payload: {
          rows: [
            {
              requirementId: '8.1.4.4-e',
              objectId: objects['HIS应用服务器'],
              version: 0,
              result: 'non_compliant',
              record: '扫描发现 Tomcat AJP 等高危漏洞未修补',
            },
            {
              requirementId: '8.1.4.4-e',
              objectId: objects['门户网站服务器'],
              version: 0,
              result: 'non_compliant',
              record: 'jQuery 版本过旧',
            },
          ],
        },
      });
      assert.ok(written.statusCode < 300, written.body);
      const findings = (
        await owner.inject({
          method: 'GET',
          url: `/api/organisations/${orgId}/assessments/${assessmentId}/findings`,
        })
      ).json().items as {
        requirementId: string;
        suggested: { risk: string; caseId: string | null };
        observations: unknown[];
      }[];
      const vuln = findings.find((f) => f.requirementId === '8.1.4.4-e');
      assert.deepEqual([vuln?.suggested.risk, vuln?.suggested.caseId], ['high', '6.4.3.2']);
      assert.deepEqual(vuln?.observations, [], "the assessor's own record stays theirs");
    });

    it('another organisation gets 404 and cannot import or delete', async (t) => {
      if (!h) return t.skip('database unavailable');
      const before = await stored();
      const list = await stranger.inject({ method: 'GET', url: url() });
      assert.equal(list.statusCode, 404);
      const post = await upload(
        stranger,
        fixture('nessus-his.nessus'),
        '?fileName=x.nessus&dryRun=true',
      );
      assert.equal(post.statusCode, 404);
      const importId = (
        (await owner.inject({ method: 'GET', url: url() })).json() as VerificationListDto
      ).imports[0]!.id;
      const del = await stranger.inject({ method: 'DELETE', url: url('', `/${importId}`) });
      assert.equal(del.statusCode, 404);
      assert.deepEqual(await stored(), before);
    });

    it('a broken file is refused with a 400 naming why, and nothing is written', async (t) => {
      if (!h) return t.skip('database unavailable');
      const before = await stored();
      const text = fixture('greenbone-his.xml').toString('utf8');
      const cases: [string, Buffer, string, RegExp][] = [
        [
          'truncated',
          Buffer.from(text.slice(0, Math.floor(text.length / 2))),
          'verification.xml_truncated',
          /the XML ends before <\w+> is closed \(the file is truncated\)/,
        ],
        [
          'wrong root',
          Buffer.from('<?xml version="1.0"?>\n<scanReport><host>10.0.0.1</host></scanReport>'),
          'verification.wrong_root',
          /root element is <scanReport>/,
        ],
        [
          'oversize',
          Buffer.concat([Buffer.from('<report>'), Buffer.alloc(verificationMaxBytes(), 0x20)]),
          'verification.too_large',
          /at most 20 MB is accepted/,
        ],
      ];
      for (const [what, body, code, message] of cases) {
        const res = await upload(owner, body, `?fileName=${what}.xml&allowUnassigned=true`);
        assert.equal(res.statusCode, 400, `${what}: ${res.body.slice(0, 200)}`);
        const detail = res.json().details[0];
        assert.equal(detail.code, code, what);
        assert.match(detail.message, message, what);
        assert.ok(detail.messageZh, `${what}: Chinese text`);
      }
      assert.deepEqual(await stored(), before);
    });

    it('deletes an import with its findings, audited', async (t) => {
      if (!h) return t.skip('database unavailable');
      const list = (
        await owner.inject({ method: 'GET', url: url() })
      ).json() as VerificationListDto;
      const pentest = list.imports.find((i) => i.format === 'pentest')!;
      const del = await owner.inject({ method: 'DELETE', url: url('', `/${pentest.id}`) });
      assert.equal(del.statusCode, 204, del.body);
      assert.deepEqual(await stored(), { imports: 2, findings: 16 });
      const entry = await h.store.db
        .selectFrom('audit_entries')
        .select('entity_id')
        .where('action', '=', 'assessment.verification.delete')
        .executeTakeFirstOrThrow();
      assert.equal(entry.entity_id, pentest.id);
      const again = await owner.inject({ method: 'DELETE', url: url('', `/${pentest.id}`) });
      assert.equal(again.statusCode, 404);
    });
  });
}
