import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import type {
  CiiAssetView,
  CiiBoundaryResponse,
  CiiDeterminationView,
  CiiFlowView,
  CoreBusinessView,
} from '../../src/shared/cii-schemas';
import type { CiiDutiesDto } from '../../src/shared/api-types';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

const BANK = parse(readFileSync('docs/examples/cii-bank-payment-clearing.yaml', 'utf8'));

for (const dialect of TEST_DIALECTS) {
  describe(`CII API on ${dialect}: a bank's payment clearing business`, () => {
    let h: Harness | null;
    let officer: Client;
    let orgId: string;
    let businessId: string;
    let assets: CiiAssetView[];
    const code = (c: string) => assets.find((a) => a.code === c)!.id;
    const url = (p: string) => `/api/organisations/${orgId}/cii${p}`;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      officer = await h.user('qian.lei', { admin: true });
      const org = await officer.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某城市商业银行股份有限公司' },
      });
      assert.equal(org.statusCode, 201, org.body);
      orgId = org.json().id;
      const system = await officer.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        payload: { name: '核心清算系统', types: ['ordinary_system'], goLiveOn: '2020-06-01' },
      });
      assert.equal(system.statusCode, 201, system.body);
      const imported = await officer.inject({ method: 'POST', url: url('/import'), payload: BANK });
      assert.equal(imported.statusCode, 200, imported.body);
      assert.deepEqual(imported.json().assets, { created: 23, updated: 0 });
      assets = (await officer.inject({ url: url('/assets') })).json();
      businessId = (await officer.inject({ url: url('/core-businesses') })).json()[0].id;
    });
    after(async () => {
      await h?.close();
    });

    const boundary = async () => {
      const res = await officer.inject({ url: url(`/core-businesses/${businessId}/boundary`) });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as CiiBoundaryResponse;
    };
    const insideCodes = (b: CiiBoundaryResponse) =>
      b.boundary.inside.map((i) => assets.find((a) => a.id === i.assetId)!.code).sort();

    it('draws the boundary with a reason for every inside asset', async (t) => {
      if (!h) return t.skip('database unavailable');
      const b = await boundary();
      const inside = insideCodes(b);
      // A flow through the private cloud pulls in the platform and its management plane.
      for (const c of ['PCLOUD', 'PCLOUD-MGMT', 'IDC-MAIN', 'BASTION', 'NTP', 'DNS', 'IAM'])
        assert.ok(inside.includes(c), `${c} should be inside`);
      // The backup system stores the critical information: inside, with its data centre.
      assert.ok(inside.includes('BACKUP') && inside.includes('IDC-DR'));
      // The exchange partner stays outside while the gateway is inside and a boundary point.
      assert.ok(!inside.includes('CNAPS') && !inside.includes('UNIONPAY'));
      assert.ok(inside.includes('PAY-GW'));
      const points = b.boundary.boundaryPoints.map(
        (p) =>
          `${assets.find((a) => a.id === p.insideAssetId)!.code}→${assets.find((a) => a.id === p.externalAssetId)!.code}`,
      );
      assert.deepEqual(points.sort(), ['PAY-GW→CNAPS', 'PAY-GW→UNIONPAY']);
      // The office systems are outside even though OA authenticates with the (inside) IAM.
      assert.ok(!inside.includes('OA') && !inside.includes('HR'));
      const mgmt = b.boundary.inside.find((i) => i.assetId === code('PCLOUD-MGMT'))!;
      assert.equal(mgmt.reason.kind, 'dependency');
      assert.match(
        mgmt.explanationZh,
        /核心清算系统」运行于「PCLOUD 行内私有云平台」，「PCLOUD 行内私有云平台」由「PCLOUD-MGMT 私有云管理平台」运维管理/,
      );
      assert.equal(b.sinceLast, null);
    });

    it('records determinations and says what changed when a hop is removed', async (t) => {
      if (!h) return t.skip('database unavailable');
      const first = await officer.inject({
        method: 'POST',
        url: url(`/core-businesses/${businessId}/determinations`),
        payload: { note: '2026年度边界认定' },
      });
      assert.equal(first.statusCode, 201, first.body);
      const d1 = first.json() as CiiDeterminationView;
      assert.equal(d1.added.length, d1.inside.length);
      assert.ok(d1.inside.every((a) => a.explanationZh.length > 0));

      const flows = (
        await officer.inject({ url: url(`/core-businesses/${businessId}/flows`) })
      ).json() as CiiFlowView[];
      const payment = flows.find((f) => f.name === '支付指令')!;
      const withoutBackup = payment.hops.filter((hop) => hop.assetId !== code('BACKUP'));
      const stale = payment.version;
      const patched = await officer.inject({
        method: 'PATCH',
        url: url(`/flows/${payment.id}`),
        payload: { version: stale, hops: withoutBackup },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      // A second edit from the version read earlier is refused, not silently applied.
      const conflict = await officer.inject({
        method: 'PATCH',
        url: url(`/flows/${payment.id}`),
        payload: { version: stale, name: '支付指令（改）' },
      });
      assert.equal(conflict.statusCode, 409, conflict.body);

      const b = await boundary();
      assert.ok(!insideCodes(b).includes('BACKUP'));
      assert.deepEqual(b.sinceLast?.removed.map((r) => r.code).sort(), ['BACKUP', 'IDC-DR']);
      const second = (
        await officer.inject({
          method: 'POST',
          url: url(`/core-businesses/${businessId}/determinations`),
          payload: {},
        })
      ).json() as CiiDeterminationView;
      assert.deepEqual(second.removed.map((r) => r.code).sort(), ['BACKUP', 'IDC-DR']);
      const history = (
        await officer.inject({ url: url(`/core-businesses/${businessId}/determinations`) })
      ).json() as CiiDeterminationView[];
      assert.deepEqual(
        history.map((d) => d.id),
        [second.id, d1.id],
      );
    });

    it('derives the CII duties of the designated business and warns on a low level', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        url: url(`/core-businesses/${businessId}/duties?asOf=2026-12-01`),
      });
      assert.equal(res.statusCode, 200, res.body);
      const duties = res.json() as CiiDutiesDto;
      assert.equal(duties.designated, true);
      const ids = duties.obligations.map((o) => o.ruleId);
      for (const id of [
        'cii.annual-testing',
        'cii.security-organisation',
        'cii.incident-reporting',
      ])
        assert.ok(ids.includes(id), `${id} missing from ${ids.join(', ')}`);
      assert.ok(!ids.includes('cii.incident-reporting.2021'), 'the 2021 rule ended in 2025');
      assert.ok(duties.obligations.every((o) => o.citations.length > 0));
      // Link the clearing asset to the level-2 MLPS system: it is inside, so it gets the warning.
      const systemId = (await officer.inject({ url: `/api/organisations/${orgId}/systems` })).json()
        .items[0].id;
      const asset = assets.find((a) => a.code === 'CLEAR-CORE')!;
      const linked = await officer.inject({
        method: 'PATCH',
        url: url(`/assets/${asset.id}`),
        payload: { version: asset.version, systemId },
      });
      assert.equal(linked.statusCode, 200, linked.body);
      const graded = await officer.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${systemId}/gradings`,
        payload: {
          gradedOn: '2026-01-10',
          businessInformation: [{ object: 'social_order_public_interest', degree: 'general' }],
          systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
          reason: '按GB/T 22240-2020定级',
          version: 1,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
      const after = (
        await officer.inject({ url: url(`/core-businesses/${businessId}/duties?asOf=2026-12-01`) })
      ).json() as CiiDutiesDto;
      const system = after.systems.find((s) => s.systemId === systemId)!;
      assert.equal(system.level, 2);
      assert.deepEqual(
        system.warnings.map((w) => w.code),
        ['CII_BELOW_LEVEL_3'],
      );
      // The system's own obligations now include the CII duties (its designation comes from the boundary).
      const obligations = (
        await officer.inject({
          url: `/api/organisations/${orgId}/obligations?asOf=2026-12-01&systemId=${systemId}`,
        })
      ).json();
      assert.ok(
        obligations.items.some((o: { ruleId: string }) => o.ruleId === 'cii.annual-testing'),
      );
    });

    it('rejects bad input with the field that is wrong and changes nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const before = await officer.inject({ url: url('/export') });
      const broken = structuredClone(BANK);
      broken.dependencies.push({ from: 'CLEAR-CORE', to: 'NO-SUCH', kind: 'runs_on' });
      broken.coreBusinesses[0].flows[0].infoCategory = '不存在的类别';
      broken.assets.push({ code: 'NEW-ONE', name: '新增资产', kind: 'information_system' });
      const res = await officer.inject({ method: 'POST', url: url('/import'), payload: broken });
      assert.equal(res.statusCode, 400, res.body);
      const paths = res.json().details.map((d: { path: string }) => d.path);
      assert.deepEqual(paths.sort(), [
        'coreBusinesses[0].flows[0].infoCategory',
        'dependencies[19].to',
      ]);
      const afterwards = await officer.inject({ url: url('/export') });
      assert.deepEqual(afterwards.json(), before.json());

      const selfDependency = await officer.inject({
        method: 'POST',
        url: url('/dependencies'),
        payload: { fromAssetId: code('OA'), toAssetId: code('OA'), kind: 'runs_on' },
      });
      assert.equal(selfDependency.statusCode, 400);
      const onFlow = await officer.inject({
        method: 'DELETE',
        url: url(`/assets/${code('PAY-GW')}`),
      });
      assert.equal(onFlow.statusCode, 409);
      assert.match(onFlow.json().message, /支付指令/);
      const badHop = await officer.inject({
        method: 'POST',
        url: url(`/core-businesses/${businessId}/flows`),
        payload: { name: '新流', hops: [{ assetId: code('OA'), stage: 'archiving' }] },
      });
      assert.equal(badHop.statusCode, 400);
      assert.match(badHop.body, /hops/);
    });

    it('round-trips the exchange file and re-imports it without changes', async (t) => {
      if (!h) return t.skip('database unavailable');
      const exported = (await officer.inject({ url: url('/export') })).json();
      const again = await officer.inject({
        method: 'POST',
        url: url('/import'),
        payload: exported,
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json(), {
        assets: { created: 0, updated: 0 },
        dependencies: { created: 0, unchanged: 19 },
        coreBusinesses: { created: 0, updated: 0 },
        flows: { created: 0, updated: 0 },
      });
      const audit = await officer.inject({ url: `/api/organisations/${orgId}/audit?limit=200` });
      const actions = audit.json().items.map((e: { action: string }) => e.action);
      assert.ok(actions.includes('cii.import'));
      assert.ok(actions.includes('cii.determination.record'));
      assert.ok(actions.includes('cii.flow.update'));
    });

    it('round-trips the Excel workbook and reports a broken one by sheet, row and column', async (t) => {
      if (!h) return t.skip('database unavailable');
      const xlsx = await officer.inject({ url: url('/export?format=xlsx') });
      assert.equal(xlsx.statusCode, 200);
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
      const headers = {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
      const same = await officer.inject({
        method: 'POST',
        url: url('/import'),
        headers,
        payload: xlsx.rawPayload,
      });
      assert.equal(same.statusCode, 200, same.body);
      assert.deepEqual(same.json().flows, { created: 0, updated: 0 });

      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const hops = book.getWorksheet('信息流')!;
      const header = hops.getRow(1).values as string[];
      hops.getRow(3).getCell(header.indexOf('资产编码')).value = 'NO-SUCH-ASSET';
      const broken = Buffer.from(await book.xlsx.writeBuffer());
      const before = (await officer.inject({ url: url('/export') })).json();
      const res = await officer.inject({
        method: 'POST',
        url: url('/import'),
        headers,
        payload: broken,
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(
        res.json().details.map((d: { path: string }) => d.path),
        ['sheet 信息流 row 3 column 资产编码'],
      );
      assert.deepEqual((await officer.inject({ url: url('/export') })).json(), before);
    });

    it('keeps core businesses unique by name and lists them with their counts', async (t) => {
      if (!h) return t.skip('database unavailable');
      const dup = await officer.inject({
        method: 'POST',
        url: url('/core-businesses'),
        payload: { name: '支付清算业务', sector: 'finance' },
      });
      assert.equal(dup.statusCode, 400);
      const list = (
        await officer.inject({ url: url('/core-businesses') })
      ).json() as CoreBusinessView[];
      assert.equal(list[0]!.flowCount, 2);
      assert.ok(list[0]!.lastDeterminedAt);
    });
  });
}
