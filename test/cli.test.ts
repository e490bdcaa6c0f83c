import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const BIN = path.resolve('bin/dengbao.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dengbao-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DENGBAO_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dengbao CLI', () => {
  it('grades YAML from stdin and prints the level with its reasoning', () => {
    const r = run(
      ['grade'],
      'businessInformation:\n  - {object: national_security, degree: general}\nsystemService:\n  - {object: citizen_legal_person, degree: serious}\n',
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /第三级（监督保护级）/);
    assert.match(r.out, /国家安全/);
  });
  it('prints JSON with --json', () => {
    const r = run(
      ['grade', '--json'],
      JSON.stringify({
        businessInformation: [{ object: 'citizen_legal_person', degree: 'especially_serious' }],
        systemService: [{ object: 'citizen_legal_person', degree: 'general' }],
      }),
    );
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).level, 2);
  });
  it('exits 1 naming the field and line for a bad value, and for YAML that is not YAML', () => {
    const bad = run(
      ['grade'],
      'businessInformation:\n  - object: citizen_legal_person\n    degree: huge\nsystemService:\n  - {object: citizen_legal_person, degree: general}\n',
    );
    assert.equal(bad.code, 1);
    assert.match(bad.err, /businessInformation\[0\]\.degree \(line 3\)/);
    const notYaml = run(['grade'], 'businessInformation: [\n  {object: x\n');
    assert.equal(notYaml.code, 1);
    assert.match(notYaml.err, /not valid JSON or YAML/);
    assert.match(notYaml.err, /line \d+/);
  });
  it('exits 2 on usage errors', () => {
    assert.equal(run(['grade', '/nonexistent/file.yaml']).code, 2);
    assert.equal(run(['no-such-command']).code, 2);
    assert.equal(
      run(['obligations', 'test/fixtures/systems.yaml', '--as-of', '2026-13-01']).code,
      2,
    );
  });
  it('derives obligations from a systems file as of a date', () => {
    const r = run(['obligations', 'test/fixtures/systems.yaml', '--as-of', '2026-03-02', '--json']);
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    const bankTesting = out.obligations.find(
      (o: { systemId: string; ruleId: string }) =>
        o.systemId === '核心银行系统' && o.ruleId === 'cii.annual-testing',
    );
    assert.equal(bankTesting.state, 'overdue');
    assert.ok(
      bankTesting.citations.some((c: { labelZh: string }) =>
        c.labelZh.includes('关键信息基础设施安全保护条例'),
      ),
    );
    assert.ok(
      out.missingFacts.some(
        (m: { systemId: string; fact: string }) =>
          m.systemId === '省级政务云平台' && m.fact === 'level',
      ),
    );
  });
  it('imports all or nothing and exports what it imported', () => {
    const orgId = run(['orgs', 'create', '--name', '某市第一人民医院']).out.trim();
    assert.match(orgId, /^[0-9a-f-]{36}$/);
    const broken = readFileSync('test/fixtures/systems.yaml', 'utf8').replace(
      'gradedOn: "2020-08-20"',
      'gradedOn: "2020-02-30"',
    );
    const refused = run(['systems', 'import', '--org', orgId], broken);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /systems\[3\]\.grading\.gradedOn \(line \d+\)/);
    const empty = JSON.parse(run(['systems', 'export', '--org', orgId]).out);
    assert.equal(empty.systems.length, 0, 'nothing written on error');

    const ok = run(['systems', 'import', '--org', orgId, 'test/fixtures/systems.yaml']);
    assert.equal(ok.code, 0, ok.err);
    const file = path.join(dataDir, 'export.json');
    assert.equal(run(['systems', 'export', '--org', orgId, '-o', file]).code, 0);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(exported.systems.length, 4);
    const bank = exported.systems.find((s: { name: string }) => s.name === '核心银行系统');
    assert.equal(bank.filings[0].certificateNumber, '33010099002-22001');
    // Re-importing the same names is refused as a whole.
    writeFileSync(file, JSON.stringify(exported));
    const again = run(['systems', 'import', '--org', orgId, file]);
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists/);
  });
});
