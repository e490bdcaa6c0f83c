import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { PractitionerImportDto } from '../src/shared/practitioner-import';
import { level2Workbook } from './fixtures/practitioner/workbooks';

const BIN = path.resolve('bin/dengbao.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dengbao-cli-practitioner-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DENGBAO_DATA_DIR: dataDir, DATABASE_URL: '', DENGBAO_LANG: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dengbao assessment import --layout auto (CLI)', () => {
  it('previews an assessor’s workbook per sheet, then imports it with a confirmed kind', async () => {
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
  - name: 办公自动化系统
    types: [ordinary_system]
    grading:
      businessInformation: [{object: citizen_legal_person, degree: serious}]
      systemService: [{object: citizen_legal_person, degree: serious}]
      gradedOn: '2025-12-01'
      reason: 院内办公
`,
    );
    assert.equal(run(['systems', 'import', systems, '--org', orgId]).code, 0);
    const created = run([
      'assessment',
      'create',
      '--org',
      orgId,
      '--system',
      '办公自动化系统',
      '--title',
      '2026年度办公自动化系统等级测评',
      '--json',
    ]);
    assert.equal(created.code, 0, created.err);
    const id = (JSON.parse(created.out) as { id: string }).id;
    const fixture = await level2Workbook();
    const file = path.join(dataDir, '现场记录.xlsx');
    writeFileSync(file, fixture.buffer);
    const base = ['assessment', 'import', '--org', orgId, '--id', id, '--layout', 'auto'];

    const preview = run([...base, '--dry-run', file]);
    assert.equal(preview.code, 0, preview.err);
    assert.match(
      preview.out,
      /Web服务器\s+Web服务器\s+服务器\/操作系统\s+192\.168\.10\.5\s+CentOS 7\.9/,
    );
    assert.match(preview.out, /8 object sheet\(s\)/);
    assert.match(preview.out, /dry run: nothing written/);

    const json = run([...base, '--dry-run', '--json', '--kind', 'Web服务器=中间件', file]);
    assert.equal(json.code, 0, json.err);
    const dto = JSON.parse(json.out) as PractitionerImportDto;
    assert.equal(dto.sheets.find((s) => s.sheet === 'Web服务器')?.object?.kind, 'middleware');
    assert.equal(dto.written, null);

    const badKind = run([...base, '--kind', 'Web服务器=toaster', file]);
    assert.equal(badKind.code, 2);
    assert.match(badKind.err, /unknown kind "toaster"/);

    const done = run([...base, file]);
    assert.equal(done.code, 0, done.err);
    const results = fixture.sheets.reduce((n, s) => n + s.results, 0);
    assert.match(done.out, new RegExp(`imported: 8 object\\(s\\) created; results ${results} new`));

    const xls = path.join(dataDir, 'old.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]));
    const refused = run([...base, '--dry-run', xls]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /save it as \.xlsx/);
    assert.match(refused.err, /另存为 \.xlsx/);
  });
});
