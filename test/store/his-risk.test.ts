/**
 * The hospital HIS case that was judged too kindly: a default Oracle password, patients' ID
 * numbers stored in clear text, and two-factor authentication failing on 16 objects while the
 * bastion host has it. Laid out as assessors lay it out (whole-network objects, devices with
 * only 安全计算环境 rows, data objects, documents), on a real database (SQLite and PostgreSQL).
 * Findings must appear from the first 不符合, risks must be judged per object, and the
 * conclusion must never be 符合.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { writeResultsCommand } from '../../src/app/assessment/commands';
import { findingsQuery, scoreQuery, workbookQuery } from '../../src/app/assessment/queries';
import { generateRectificationsCommand } from '../../src/app/assessment/rectification';
import { importVerificationCommand } from '../../src/app/assessment/verification';
import type { AppContext } from '../../src/app/context';
import { ValidationError } from '../../src/errors';
import type { TestObjectInput } from '../../src/shared/assessment-schemas';
import type { FindingDto } from '../../src/shared/api-types';
import type { Store } from '../../src/store/database';
import { createHospitalAssessment, type AssessmentFixture } from '../fixtures/assessment-fixture';
import { openTestStore, TEST_DIALECTS, testContext } from '../support';

const DEVICES: TestObjectInput[] = [
  ...Array.from({ length: 6 }, (_, i) => ({
    name: `HIS应用服务器${i + 1}`,
    kind: 'server' as const,
    attributes: { ipAddresses: [`10.20.1.${11 + i}`], os: '麒麟', version: 'V10 SP3' },
  })),
  {
    name: 'HIS数据库 Oracle',
    kind: 'database',
    attributes: { ipAddresses: ['10.20.2.10'], os: 'Oracle Database', version: '19c' },
  },
  ...Array.from({ length: 4 }, (_, i) => ({
    name: `接入交换机${i + 1}`,
    kind: 'network_device' as const,
    attributes: { ipAddresses: [`10.20.0.${2 + i}`], model: 'S5130', version: 'V7' },
  })),
  { name: '核心交换机', kind: 'network_device', attributes: { ipAddresses: ['10.20.0.1'] } },
  { name: '出口防火墙', kind: 'security_device', attributes: { ipAddresses: ['10.20.0.254'] } },
  { name: '中间件 TongWeb', kind: 'middleware' },
  { name: '医院信息系统（HIS）', kind: 'application' },
  { name: '运维终端', kind: 'terminal' },
];

const OBJECTS: TestObjectInput[] = [
  { name: '主机房', kind: 'machine_room' },
  { name: '安全通信网络', kind: 'network' },
  { name: '系统边界', kind: 'area_boundary' },
  { name: '安全管理中心', kind: 'management_centre' },
  ...DEVICES,
  { name: '运维堡垒机', kind: 'security_device', attributes: { ipAddresses: ['10.20.3.1'] } },
  { name: '重要个人信息', kind: 'data', attributes: { dataClass: 'personal' } },
  { name: '重要业务数据', kind: 'data', attributes: { dataClass: 'business' } },
  { name: '安全管理制度汇编', kind: 'document' },
  { name: '信息科科长（访谈）', kind: 'personnel' },
];

for (const dialect of TEST_DIALECTS) {
  describe(`the HIS case, judged per object, on ${dialect}`, () => {
    let store: Store | null;
    let ctx: AppContext;
    let his: AssessmentFixture;
    const id = (name: string) => his.objects.find((o) => o.name === name)!.id;

    before(async () => {
      store = await openTestStore(dialect);
      if (!store) return;
      ctx = testContext(store, '2026-04-01');
      his = await createHospitalAssessment(ctx, { objects: OBJECTS });
    });
    after(async () => {
      await store?.close();
    });

    const write = (rows: Parameters<typeof writeResultsCommand>[4]['rows']) =>
      writeResultsCommand(ctx, his.actor, his.organisationId, his.assessmentId, { rows });
    const findings = () => findingsQuery(ctx, his.organisationId, his.assessmentId);

    it('devices carry only 安全计算环境 rows; whole-network objects their own category', async (t) => {
      if (!store) return t.skip('database unavailable');
      const workbook = await workbookQuery(ctx, his.organisationId, his.assessmentId);
      const categories = (name: string) => [
        ...new Set(workbook.rows.filter((r) => r.objectId === id(name)).map((r) => r.category)),
      ];
      assert.deepEqual(categories('核心交换机'), ['CES']);
      assert.deepEqual(categories('安全通信网络'), ['CNS']);
      assert.deepEqual(categories('系统边界'), ['ABS']);
      assert.deepEqual(categories('安全管理中心'), ['SMC']);
      const data = workbook.rows.filter((r) => r.objectId === id('重要个人信息'));
      assert.ok(data.every((r) => /^8\.1\.4\.(7|8|9|10|11)$/.test(r.controlPointId)));
      assert.equal(workbook.assessment.uncovered.length, 0, 'every control point has an object');
      const oracle = workbook.assessment.objects.find((o) => o.name === 'HIS数据库 Oracle')!;
      assert.deepEqual(oracle.attributes.ipAddresses, ['10.20.2.10']);
      assert.equal(oracle.attributes.version, '19c');
    });

    it('不符合 needs a 结果记录; nothing is written without one', async (t) => {
      if (!store) return t.skip('database unavailable');
      await assert.rejects(
        write([
          {
            requirementId: '8.1.4.2-b',
            objectId: id('HIS数据库 Oracle'),
            result: 'non_compliant',
            version: 0,
          },
        ]),
        (e: unknown) =>
          e instanceof ValidationError && e.details.some((d) => d.path === 'rows[0].record'),
      );
      assert.equal((await findings()).length, 0);
    });

    it('the first 不符合 makes a finding, suggested high when the failure is the case itself', async (t) => {
      if (!store) return t.skip('database unavailable');
      await write([
        {
          requirementId: '8.1.4.2-b',
          objectId: id('HIS数据库 Oracle'),
          result: 'non_compliant',
          record: 'sys、system 账户仍使用安装时的默认口令',
          version: 0,
        },
      ]);
      const [first, ...rest] = await findings();
      assert.equal(rest.length, 0);
      assert.equal(first!.requirementId, '8.1.4.2-b');
      assert.equal(first!.suggested.risk, 'high');
      assert.equal(first!.suggested.caseId, '6.4.2.1');
      assert.equal(first!.failingObjectCount, 1);
      // The other devices are not answered yet and are listed as such.
      assert.ok(first!.objects.length > 10);
      assert.ok(first!.objects.filter((o) => o.result === null).length >= 10);
      const created = await generateRectificationsCommand(
        ctx,
        his.actor,
        his.organisationId,
        his.assessmentId,
      );
      assert.deepEqual(
        created.map((r) => r.requirement_id),
        ['8.1.4.2-b'],
      );
      const score = await scoreQuery(ctx, his.organisationId, his.assessmentId, '2026-04-01');
      assert.equal(score.before.provisional, true);
      assert.match(score.before.headline.zh, /^暂定：.*（已测 \d+\/\d+ 项）$/);
    });

    it('filled in, the case yields high risks and never 符合', async (t) => {
      if (!store) return t.skip('database unavailable');
      const workbook = await workbookQuery(ctx, his.organisationId, his.assessmentId);
      const failing = new Map<string, { record: string }>([
        [`8.1.4.8-b|${id('重要个人信息')}`, { record: '患者身份证号、手机号在数据库中明文存储' }],
        ...DEVICES.map(
          (d) =>
            [`8.1.4.1-d|${id(d.name)}`, { record: '仅用户名口令登录，未采用双因素鉴别' }] as const,
        ),
      ]);
      const rows = workbook.rows
        .filter((r) => r.version === 0)
        .map((r) => {
          const fail = failing.get(`${r.requirementId}|${r.objectId}`);
          return fail
            ? { ...fail, requirementId: r.requirementId, objectId: r.objectId, version: 0 }
            : { requirementId: r.requirementId, objectId: r.objectId, version: 0 };
        })
        .map((r) =>
          'record' in r
            ? { ...r, result: 'non_compliant' as const }
            : { ...r, result: 'compliant' as const, record: '已核查，符合要求' },
        );
      await write(rows);

      const list = await findings();
      const by = (req: string) => list.find((f) => f.requirementId === req) as FindingDto;
      assert.deepEqual(list.map((f) => f.requirementId).sort(), [
        '8.1.4.1-d',
        '8.1.4.2-b',
        '8.1.4.8-b',
      ]);
      // Two-factor: 16 objects fail, the bastion host passes. Worst over objects, not 部分符合/低.
      const twoFactor = by('8.1.4.1-d');
      assert.equal(twoFactor.result, 'non_compliant');
      assert.equal(twoFactor.failingObjectCount, DEVICES.length);
      assert.equal(twoFactor.objects.find((o) => o.name === '运维堡垒机')?.result, 'compliant');
      assert.equal(twoFactor.suggested.risk, 'medium');
      // Clear-text personal data and the default password: high, with their 重大风险隐患 triggers.
      assert.equal(by('8.1.4.8-b').suggested.risk, 'high');
      assert.equal(by('8.1.4.8-b').suggested.caseId, '6.4.5.2');
      assert.ok(by('8.1.4.8-b').majorRiskTrigger, 'a major-risk trigger to judge');
      assert.equal(by('8.1.4.2-b').effectiveRisk, 'high');

      const score = await scoreQuery(ctx, his.organisationId, his.assessmentId, '2026-04-01');
      assert.equal(score.before.provisional, false);
      assert.equal(score.before.risks.high.open, 2);
      assert.notEqual(score.before.conclusion, 'compliant');
      assert.ok(['basically_compliant', 'non_compliant'].includes(score.before.conclusion));
      assert.doesNotMatch(score.before.headline.zh, /暂定/);
    });

    it('a scanned exploitable vulnerability on a failing object makes its finding high', async (t) => {
      if (!store) return t.skip('database unavailable');
      const oracle = id('HIS数据库 Oracle');
      const [row] = (await workbookQuery(ctx, his.organisationId, his.assessmentId)).rows.filter(
        (r) => r.requirementId === '8.1.4.4-e' && r.objectId === oracle,
      );
      await write([
        {
          requirementId: '8.1.4.4-e',
          objectId: oracle,
          result: 'partial',
          record: '补丁更新不及时，部分高危漏洞未修补',
          reason: '已建立漏洞管理流程，但未按期执行',
          version: row!.version,
        },
      ]);
      const before = (await findings()).find((f) => f.requirementId === '8.1.4.4-e')!;
      assert.equal(before.suggested.risk, 'low', '部分符合 alone');
      const scan = Buffer.from(
        '漏洞名称,目标地址,端口,风险等级,CVE编号,CVSS\nOracle TNS 远程投毒漏洞,10.20.2.10,1521,高,CVE-2012-1675,7.5\n',
      );
      const imported = await importVerificationCommand(
        ctx,
        his.actor,
        his.organisationId,
        his.assessmentId,
        scan,
        { fileName: '渗透测试.csv' },
      );
      assert.equal(imported.hosts[0]?.objectId, oracle, 'matched by the object’s IP');
      const after = (await findings()).find((f) => f.requirementId === '8.1.4.4-e')!;
      assert.equal(after.suggested.risk, 'high');
      assert.equal(after.suggested.caseId, '6.4.3.2');
    });
  });
}
