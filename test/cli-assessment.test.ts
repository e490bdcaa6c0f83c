import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';

const BIN = path.resolve('bin/dengbao.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dengbao-cli-assessment-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DENGBAO_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dengbao catalog (CLI)', () => {
  it('shows a requirement with its levels, test id, weight and high-risk case', () => {
    const r = run(['catalog', 'show', '8.1.4.1-d']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /L3-CES1-04/);
    assert.match(r.out, /6\.4\.1\.3/);
    const json = JSON.parse(
      run(['catalog', 'baseline', '--level', '3', '--ext', 'cloud', '--json']).out,
    );
    assert.equal(json.counts.items, 257);
  });
  it('refuses a bad level or extension with exit 2 and says why', () => {
    const level = run(['catalog', 'list', '--level', '9']);
    assert.equal(level.code, 2);
    assert.match(level.err, /--level must be a whole number from 1 to 4/);
    const ext = run(['catalog', 'baseline', '--level', '3', '--ext', 'blockchain']);
    assert.equal(ext.code, 2);
    assert.match(ext.err, /unknown extension "blockchain"/);
  });
});

describe('dengbao assessment (CLI)', () => {
  it('creates an assessment, exports, imports a filled workbook and scores it', async () => {
    assert.equal(
      run(['users', 'create-admin', '--username', 'ops'], 'Zhengwu#Cloud-2026\n').code,
      0,
    );
    const orgOut = run(['orgs', 'create', '--name', '某县人民医院', '--owner', 'ops']);
    assert.equal(orgOut.code, 0, orgOut.err);
    const orgId = orgOut.out.trim().split(/\s+/)[0]!;
    const systems = path.join(dataDir, 'systems.yaml');
    writeFileSync(
      systems,
      `format: dengbao.systems.v1
systems:
  - name: 医院信息系统（HIS）
    types: [ordinary_system]
    goLiveOn: '2020-01-01'
    grading:
      businessInformation: [{object: social_order_public_interest, degree: serious}]
      systemService: [{object: social_order_public_interest, degree: general}]
      gradedOn: '2025-12-01'
      reason: 门急诊核心业务
`,
    );
    const imported = run(['systems', 'import', systems, '--org', orgId]);
    assert.equal(imported.code, 0, imported.err);
    const created = run([
      'assessment',
      'create',
      '--org',
      orgId,
      '--system',
      '医院信息系统（HIS）',
      '--title',
      '2026年度等级测评',
      '--report-date',
      '2026-04-15',
      '--object',
      'HIS数据库服务器:database',
      '--object',
      '管理制度汇编:document',
      '--json',
    ]);
    assert.equal(created.code, 0, created.err);
    const assessment = JSON.parse(created.out) as { id: string; requirementCount: number };
    assert.equal(assessment.requirementCount, 211);

    const file = path.join(dataDir, 'workbook.xlsx');
    const exportRun = run([
      'assessment',
      'export',
      '--org',
      orgId,
      '--id',
      assessment.id,
      '-o',
      file,
    ]);
    assert.equal(exportRun.code, 0, exportRun.err);

    // Fill it as an assessor would: every row 符合, one 不符合, one 部分符合 without a reason.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('HIS数据库服务器')!;
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string) => header.indexOf(name);
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      if (!row.getCell(col('编号')).value) continue;
      row.getCell(col('符合情况')).value = '符合';
      row.getCell(col('结果记录')).value = '已核查配置';
    }
    sheet.getRow(2).getCell(col('符合情况')).value = '不符合';
    sheet.getRow(3).getCell(col('符合情况')).value = '部分符合';
    const broken = path.join(dataDir, 'broken.xlsx');
    writeFileSync(broken, Buffer.from(await book.xlsx.writeBuffer()));
    const refused = run(['assessment', 'import', '--org', orgId, '--id', assessment.id, broken]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /nothing was imported/);
    assert.match(refused.err, /sheet HIS数据库服务器 row 3 column 原因说明/);

    sheet.getRow(3).getCell(col('原因说明')).value = '仅部分账户启用复杂度策略';
    const good = path.join(dataDir, 'good.xlsx');
    writeFileSync(good, Buffer.from(await book.xlsx.writeBuffer()));
    const ok = run(['assessment', 'import', '--org', orgId, '--id', assessment.id, good, '--json']);
    assert.equal(ok.code, 0, ok.err);
    assert.ok(JSON.parse(ok.out).created > 0);

    const score = JSON.parse(
      run(['assessment', 'score', '--org', orgId, '--id', assessment.id, '--json']).out,
    );
    assert.equal(score.before.policy, 'T2025');
    assert.equal(score.before.provisional, true, 'management rows are still empty');
    const findings = JSON.parse(
      run(['assessment', 'findings', '--org', orgId, '--id', assessment.id, '--json']).out,
    );
    assert.equal(findings.total, 2);
    const text = run(['assessment', 'score', '--org', orgId, '--id', assessment.id]);
    assert.match(text.out, /符合率/);
    assert.match(text.out, /整改前：暂定：.*（已测 \d+\/211 项）/);

    // Objects as the asset appendix lists them; a bad address is refused naming the option.
    const added = run([
      'assessment',
      'object-add',
      '--org',
      orgId,
      '--id',
      assessment.id,
      '--name',
      '核心交换机',
      '--kind',
      'network_device',
      '--ip',
      '10.0.0.1',
      '--software-version',
      'V8.0.26',
      '--json',
    ]);
    assert.equal(added.code, 0, added.err);
    assert.equal(JSON.parse(added.out).requirementCount, 34, '安全计算环境 rows only');
    const badIp = run(
      ['assessment', 'object-add', '--org', orgId, '--id', assessment.id, '--name', 'x'].concat([
        '--kind',
        'server',
        '--ip',
        '10.0.0.300',
      ]),
    );
    assert.equal(badIp.code, 2);
    assert.match(badIp.err, /--ip: must be an IPv4 or IPv6 address/);
    const objects = run(['assessment', 'objects', '--org', orgId, '--id', assessment.id]);
    assert.equal(objects.code, 0, objects.err);
    assert.match(objects.out, /核心交换机.*10\.0\.0\.1.*V8\.0\.26/);
    assert.match(objects.out, /安全通信网络的控制点 .* 尚无测评对象/);
  });
});
