/**
 * Issue 12, part 1, through the API on SQLite and PostgreSQL: every hostile workbook the
 * assessment and CII imports were attacked with now answers 400 naming the limit, changes nothing
 * (no result, no asset, no audit entry), and — against a real listening server — /api/health
 * keeps answering within a second while a bomb is being read.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { TEST_DIALECTS } from '../support';
import {
  farColumn,
  inflationBomb,
  longCell,
  manyRows,
  manySheets,
} from '../fixtures/workbook-bombs';
import { uploadWatchingHealth } from '../health-probe';
import { startHarness, STRONG_PASSWORD, type Client, type Harness } from './harness';

const BANK = parse(readFileSync('docs/examples/cii-bank-payment-clearing.yaml', 'utf8'));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

/** Each hostile file, the place and the message the answer names. Built once, at run time. */
const BOMBS: readonly { name: string; file: () => Buffer; path: RegExp; message: RegExp }[] = [
  {
    name: 'a 2-byte file',
    file: () => Buffer.from('PK'),
    path: /^file$/,
    message: /not an \.xlsx/,
  },
  { name: 'an empty file', file: () => Buffer.alloc(0), path: /^file$/, message: /empty/ },
  {
    name: 'a CSV saved as .xlsx',
    file: () => Buffer.from('编号,符合情况\n8.1.4.1-a,符合\n'),
    path: /^file$/,
    message: /not an \.xlsx workbook \(不是 \.xlsx 文件\)/,
  },
  {
    name: 'four sheets inflating to 450 MB each (honest sizes)',
    file: () => inflationBomb(4, 450 * MB, false),
    path: /^file$/,
    message: /unpacks to more than 128 MB \(文件解压后超过 128 MB/,
  },
  {
    name: 'the same bomb declaring 1 kB per entry',
    file: () => inflationBomb(4, 450 * MB, true),
    path: /^file$/,
    message: /unpacks to more than 128 MB/,
  },
  {
    name: '1,000,000 rows in 2.5 MB',
    file: () => manyRows(1_000_000),
    path: /^sheet 数据$/,
    message: /more than (100000|50000) data rows \(数据行超过/,
  },
  {
    name: '1,001 sheets',
    file: () => manySheets(1001),
    path: /^file$/,
    message: /more than 1000 sheets \(工作表超过 1000 个\)/,
  },
  {
    name: 'a 40,000-character cell',
    file: () => longCell(40_000),
    path: /^sheet 长文本 row 3 column C$/,
    message: /40000 characters, more than 32767/,
  },
  {
    name: 'a value in column XFD',
    file: () => farColumn('XFD'),
    path: /^sheet 宽表 row 1 column XFD$/,
    message: /beyond the 256 columns allowed/,
  },
];
const built = new Map<string, Buffer>();
const bomb = (b: (typeof BOMBS)[number]) => {
  let file = built.get(b.name);
  if (!file) built.set(b.name, (file = b.file()));
  return file;
};

for (const dialect of TEST_DIALECTS) {
  describe(`import limits on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let assessmentId: string;
    const url = (path: string) => `/api/organisations/${orgId}${path}`;
    const auditCount = async () =>
      Number(
        (
          await h!.ctx.store.db
            .selectFrom('audit_entries')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('organisation_id', '=', orgId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('zhao.min', { admin: true });
      const org = await owner.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某市第一人民医院' },
      });
      orgId = org.json().id;
      const system = await owner.inject({
        method: 'POST',
        url: url('/systems'),
        payload: { name: '医院信息系统（HIS）', types: ['ordinary_system'] },
      });
      const graded = await owner.inject({
        method: 'POST',
        url: url(`/systems/${system.json().id}/gradings`),
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
          systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
          gradedOn: '2026-01-05',
          reason: '三级甲等医院核心业务系统',
          version: system.json().version,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
      const assessment = await owner.inject({
        method: 'POST',
        url: url(`/systems/${system.json().id}/assessments`),
        payload: { title: '2026年度等级测评' },
      });
      assert.equal(assessment.statusCode, 201, assessment.body);
      assessmentId = assessment.json().id;
      const object = await owner.inject({
        method: 'POST',
        url: url(`/assessments/${assessmentId}/objects`),
        payload: { name: 'HIS应用服务器', kind: 'server' },
      });
      assert.equal(object.statusCode, 201, object.body);
      const cii = await owner.inject({ method: 'POST', url: url('/cii/import'), payload: BANK });
      assert.equal(cii.statusCode, 200, cii.body);
    });
    after(async () => {
      await h?.close();
    });

    const refusedEverywhere = async (b: (typeof BOMBS)[number]) => {
      const workbook = (await owner.inject({ url: url(`/assessments/${assessmentId}/workbook`) }))
        .body;
      const model = (await owner.inject({ url: url('/cii/export') })).body;
      const audits = await auditCount();
      for (const target of [`/assessments/${assessmentId}/import`, '/cii/import']) {
        const res = await owner.inject({
          method: 'POST',
          url: url(target),
          headers: { 'content-type': XLSX },
          payload: bomb(b),
        });
        assert.equal(res.statusCode, 400, `${b.name} → ${target}: ${res.body}`);
        const body = res.json() as {
          code: string;
          details: { path: string; message: string }[];
        };
        assert.equal(body.code, 'VALIDATION_FAILED');
        assert.equal(body.details.length, 1, res.body);
        assert.match(body.details[0]!.path, b.path, `${b.name} → ${target}`);
        assert.match(body.details[0]!.message, b.message, `${b.name} → ${target}`);
      }
      // Nothing changed, nothing audited.
      assert.equal(
        (await owner.inject({ url: url(`/assessments/${assessmentId}/workbook`) })).body,
        workbook,
      );
      assert.equal((await owner.inject({ url: url('/cii/export') })).body, model);
      assert.equal(await auditCount(), audits);
    };

    for (const b of BOMBS) {
      it(`refuses ${b.name} on both imports with 400, changing nothing`, async (t) => {
        if (!h) return t.skip('database unavailable');
        await refusedEverywhere(b);
      });
    }

    it('keeps answering /api/health within 1 s while bombs are read', async (t) => {
      if (!h) return t.skip('database unavailable');
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
      const signIn = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'zhao.min', password: STRONG_PASSWORD }),
      });
      assert.equal(signIn.status, 200);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;

      const files = [BOMBS[4]!, BOMBS[5]!].map((b) => ({ name: b.name, file: bomb(b) }));
      for (const { name, file } of files) {
        for (const target of [`/assessments/${assessmentId}/import`, '/cii/import']) {
          const baseRss = process.memoryUsage().rss;
          let peakRss = baseRss;
          const sampler = setInterval(() => {
            peakRss = Math.max(peakRss, process.memoryUsage().rss);
          }, 20);
          const watched = await uploadWatchingHealth(base, url(target), file, { cookie, csrf });
          clearInterval(sampler);
          const answer = watched;
          const took = watched.tookMs;
          const latencies = watched.healthMs;
          const worst = Math.max(...latencies);
          t.diagnostic(
            `${dialect} ${target.split('/')[1]} ${name}: 400 after ${took.toFixed(0)} ms; ${latencies.length} health checks meanwhile, slowest ${worst.toFixed(0)} ms; RSS ${(baseRss / MB).toFixed(0)} MB before, peak ${(peakRss / MB).toFixed(0)} MB`,
          );
          assert.equal(answer.status, 400, answer.body);
          assert.ok(latencies.length >= 1);
          assert.ok(worst < 1000, `health answered in ${worst.toFixed(0)} ms`);
          // This process also holds the test runner and every earlier test's data: the server's
          // own peak RSS is asserted on a real server process in test/server-bombs.test.ts.
          assert.ok(
            peakRss - baseRss < 256 * MB,
            `RSS grew ${((peakRss - baseRss) / MB).toFixed(0)} MB`,
          );
        }
      }
    });
  });
}
