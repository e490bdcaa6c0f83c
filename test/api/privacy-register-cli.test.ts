/**
 * `dengbao pi …` from source: the engines on docs/examples/privacy-register.yaml without a
 * database, and import/export through the store.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { sourceCli } from '../cli-source';
import { HOSPITAL_SYSTEMS, PRIVACY_REGISTER_EXAMPLE } from '../fixtures/privacy-register';

const cli = sourceCli('pi');

describe('dengbao pi (CLI)', () => {
  it('pi paths: the path of each transfer abroad on a date, from the example file alone', () => {
    const r = cli.run(['pi', 'paths', PRIVACY_REGISTER_EXAMPLE, '--as-of', '2026-12-01', '--json']);
    assert.equal(r.code, 0, r.err);
    const result = JSON.parse(r.out);
    assert.equal(result.asOf, '2026-12-01');
    assert.equal(result.regime.id, 'cac-2024');
    const byId = new Map(result.paths.map((p: { transferId: string }) => [p.transferId, p]));
    assert.equal((byId.get('PA-005/T-DE-LAB') as { path: string }).path, 'security_assessment');
    const hr = byId.get('PA-002/T-SG-HR') as { path: string; exemption: string };
    assert.equal(hr.path, 'exempt');
    assert.equal(hr.exemption, 'cross_border_hr');
    assert.deepEqual(
      { individuals: result.counts.individuals, sensitive: result.counts.sensitiveIndividuals },
      { individuals: 10_500, sensitive: 10_500 },
    );
    // Before the fifth 2026 batch (2026-10-15) the sum stays under 10,000: standard contract.
    const june = JSON.parse(
      cli.run(['pi', 'paths', PRIVACY_REGISTER_EXAMPLE, '--as-of', '2026-10-14', '--json']).out,
    );
    const de = june.paths.find((p: { transferId: string }) => p.transferId === 'PA-005/T-DE-LAB');
    assert.equal(de.path, 'standard_contract_or_certification');
    assert.equal(june.counts.sensitiveIndividuals, 9300);
    // The table, Chinese first.
    const table = cli.run(['pi', 'paths', PRIVACY_REGISTER_EXAMPLE, '--as-of', '2026-12-01']);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /申报数据出境安全评估/);
    assert.match(table.out, /跨境人力资源管理所必需/);
    assert.match(table.out, /敏感个人信息 10,500 人/);
  });

  it('pi paths: a bad date or a broken file is refused with the place of the problem', () => {
    const noDate = cli.run(['pi', 'paths', PRIVACY_REGISTER_EXAMPLE, '--as-of', '2026-02-30']);
    assert.equal(noDate.code, 2);
    assert.match(noDate.err, /--as-of must be a real date/);
    const broken = path.join(cli.dataDir, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(PRIVACY_REGISTER_EXAMPLE, 'utf8').replace(
        'recipientKey: R-DE',
        'recipientKey: R-XX',
      ),
    );
    const r = cli.run(['pi', 'paths', broken, '--as-of', '2026-12-01']);
    assert.equal(r.code, 1);
    assert.match(r.err, /activities\[4\]\.transfers\[0\]\.recipientKey/);
    const schema = path.join(cli.dataDir, 'schema.yaml');
    writeFileSync(
      schema,
      readFileSync(PRIVACY_REGISTER_EXAMPLE, 'utf8').replace(
        'individuals: 3200',
        'individuals: -3',
      ),
    );
    const s = cli.run(['pi', 'paths', schema, '--as-of', '2026-12-01']);
    assert.equal(s.code, 1);
    assert.match(s.err, /activities\[1\]\.individuals \(line \d+\)/);
  });

  it('pi pipia and pi duties on the example', () => {
    const pipia = cli.run(['pi', 'pipia', PRIVACY_REGISTER_EXAMPLE, '--json']);
    assert.equal(pipia.code, 0, pipia.err);
    const face = JSON.parse(pipia.out).find((a: { code: string }) => a.code === 'PA-003');
    assert.equal(face.pipiaRequired, true);
    assert.deepEqual(
      face.piplClasses.map((c: { class: string }) => c.class),
      ['biometric'],
    );
    const duties = cli.run([
      'pi',
      'duties',
      PRIVACY_REGISTER_EXAMPLE,
      '--as-of',
      '2026-06-30',
      '--json',
    ]);
    assert.equal(duties.code, 0, duties.err);
    const list = JSON.parse(duties.out).duties as { ruleId: string; dueDate: string | null }[];
    assert.equal(
      list.find((d) => d.ruleId.endsWith('standard-contract-filing'))?.dueDate,
      '2026-12-04',
    );
    assert.equal(list.find((d) => d.ruleId.endsWith('face.filing'))?.dueDate, '2025-07-14');
  });

  it('pi import and export through the store, YAML and Excel', () => {
    assert.equal(
      cli.run(['users', 'create-admin', '--username', 'dpo'], 'Zhengwu#Cloud-2026\n').code,
      0,
    );
    const org = cli.run(['orgs', 'create', '--name', '某市第一人民医院', '--owner', 'dpo']);
    assert.equal(org.code, 0, org.err);
    const orgId = org.out.trim().split(/\s+/)[0]!;
    const systems = path.join(cli.dataDir, 'systems.yaml');
    writeFileSync(
      systems,
      `format: dengbao.systems.v1\nsystems:\n${HOSPITAL_SYSTEMS.map((n) => `  - name: ${n}\n    types: [ordinary_system]\n`).join('')}`,
    );
    assert.equal(cli.run(['systems', 'import', systems, '--org', orgId]).code, 0);
    const dry = cli.run([
      'pi',
      'import',
      PRIVACY_REGISTER_EXAMPLE,
      '--org',
      orgId,
      '--dry-run',
      '--json',
    ]);
    assert.equal(dry.code, 0, dry.err);
    assert.equal(JSON.parse(dry.out).dryRun, true);
    assert.deepEqual(JSON.parse(dry.out).activities, { created: 5, updated: 0 });
    const imported = cli.run(['pi', 'import', PRIVACY_REGISTER_EXAMPLE, '--org', orgId]);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /处理活动 新增5/);
    const exported = cli.run(['pi', 'export', '--org', orgId, '--format', 'yaml']);
    assert.equal(exported.code, 0, exported.err);
    const file = parse(exported.out);
    assert.equal(file.activities.length, 5);
    assert.equal(file.transferBatches.length, 9);
    const xlsx = path.join(cli.dataDir, 'register.xlsx');
    assert.equal(
      cli.run(['pi', 'export', '--org', orgId, '--format', 'xlsx', '--out', xlsx]).code,
      0,
    );
    const again = cli.run(['pi', 'import', xlsx, '--org', orgId, '--json']);
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(JSON.parse(again.out).activities, { created: 0, updated: 0 });
    assert.equal(JSON.parse(again.out).transferBatchesUnchanged, 9);
  });
});
