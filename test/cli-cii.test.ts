import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const BIN = path.resolve('bin/dengbao.js');
const EXAMPLE = path.resolve('docs/examples/cii-bank-payment-clearing.yaml');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dengbao-cli-cii-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DENGBAO_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dengbao cii (CLI)', () => {
  it('computes the boundary of an exchange file without a database', () => {
    const r = run(['cii', 'boundary', EXAMPLE, '--json']);
    assert.equal(r.code, 0, r.err);
    const [b] = JSON.parse(r.out);
    assert.equal(b.coreBusiness, '支付清算业务');
    const inside = b.inside.map((i: { code: string }) => i.code);
    assert.ok(inside.includes('PCLOUD-MGMT') && !inside.includes('OA'));
    assert.deepEqual(b.boundaryPoints, [
      { inside: 'PAY-GW', external: 'CNAPS' },
      { inside: 'PAY-GW', external: 'UNIONPAY' },
    ]);
    const table = run(['cii', 'boundary', EXAMPLE]);
    assert.match(table.out, /边界内 19 项，边界外 4 项，边界接入点 2 个/);
  });

  it('names the broken reference and exits 1 on a bad file', () => {
    const broken = path.join(dataDir, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(EXAMPLE, 'utf8').replace('stage: processing', 'stage: archiving'),
    );
    const r = run(['cii', 'boundary', broken]);
    assert.equal(r.code, 1);
    assert.match(r.err, /coreBusinesses\[0\]\.flows\[0\]\.hops\[3\]\.stage/);
    assert.match(r.err, /line \d+/);
  });

  it('imports, records a determination, lists duties and exports to Excel and back', () => {
    assert.equal(
      run(['users', 'create-admin', '--username', 'ops'], 'Qingsuan#Bank-2026\n').code,
      0,
    );
    const orgOut = run(['orgs', 'create', '--name', '某城市商业银行', '--owner', 'ops']);
    assert.equal(orgOut.code, 0, orgOut.err);
    const orgId = orgOut.out.trim().split(/\s+/)[0]!;
    const imported = run(['cii', 'import', '--org', orgId, EXAMPLE, '--json']);
    assert.equal(imported.code, 0, imported.err);
    assert.equal(JSON.parse(imported.out).flows.created, 2);

    const determined = run(['cii', 'determine', '--org', orgId, '--business', '支付清算业务']);
    assert.equal(determined.code, 0, determined.err);
    assert.match(determined.out, /边界内 19 项/);
    const duties = run([
      'cii',
      'duties',
      '--org',
      orgId,
      '--business',
      '支付清算业务',
      '--as-of',
      '2026-12-01',
    ]);
    assert.equal(duties.code, 0, duties.err);
    assert.match(duties.out, /1小时内/);
    assert.match(duties.out, /关键信息基础设施安全保护条例/);

    const xlsx = path.join(dataDir, 'cii.xlsx');
    const exported = run(['cii', 'export', '--org', orgId, '--format', 'xlsx', '--out', xlsx]);
    assert.equal(exported.code, 0, exported.err);
    const fromExcel = run(['cii', 'boundary', xlsx, '--json']);
    assert.equal(fromExcel.code, 0, fromExcel.err);
    assert.equal(JSON.parse(fromExcel.out)[0].inside.length, 19);
    const again = run(['cii', 'import', '--org', orgId, xlsx, '--json']);
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(JSON.parse(again.out).assets, { created: 0, updated: 0 });
  });
});
