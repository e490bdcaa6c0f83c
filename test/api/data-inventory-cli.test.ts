/**
 * `dengbao data …` from source: classification of docs/examples/data-inventory.yaml without a
 * database, and import/export through the store.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { sourceCli } from '../cli-source';
import { HOSPITAL_SYSTEMS, PRIVACY_REGISTER_EXAMPLE } from '../fixtures/privacy-register';
import { DATA_INVENTORY_EXAMPLE } from '../fixtures/data-inventory';

const cli = sourceCli('data');

describe('dengbao data (CLI)', () => {
  it('data classify: a grade per resource with its reasons, from the example file alone', () => {
    const r = cli.run(['data', 'classify', DATA_INVENTORY_EXAMPLE, '--json']);
    assert.equal(r.code, 0, r.err);
    const result = JSON.parse(r.out);
    assert.deepEqual(result.counts, { general: 5, important: 2, core: 0 });
    assert.equal(result.provisional, 1);
    const byCode = new Map(
      result.resources.map((x: { code: string; classification: unknown }) => [x.code, x]),
    );
    const records = byCode.get('DR-001') as {
      name: string;
      classification: { grade: string; personalInformation: string };
    };
    assert.equal(records.name, '患者病历');
    assert.equal(records.classification.personalInformation, 'sensitive');
    const cohort = byCode.get('DR-007') as {
      classification: { grade: string; provisional: boolean; reasonsZh: string[] };
    };
    assert.equal(cohort.classification.grade, 'important');
    assert.equal(cohort.classification.provisional, true);
    const table = cli.run(['data', 'classify', DATA_INVENTORY_EXAMPLE]);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /区域公共卫生监测数据\s+重要数据\s+申报\/告知/);
    assert.match(table.out, /重要数据 2 项/);
    assert.match(table.out, /DR-007 重要数据尚待申报并经主管部门确认/);
  });

  it('data classify: a broken file is refused with the place of the problem', () => {
    const broken = path.join(cli.dataDir, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(DATA_INVENTORY_EXAMPLE, 'utf8').replace(
        'piCategories: [name, medical_record]',
        'piCategories: [name, no_such_category]',
      ),
    );
    const r = cli.run(['data', 'classify', broken]);
    assert.equal(r.code, 1);
    assert.match(r.err, /resources\[1\]\.piCategories\[1\]/);
    const schema = path.join(cli.dataDir, 'schema.yaml');
    writeFileSync(
      schema,
      readFileSync(DATA_INVENTORY_EXAMPLE, 'utf8').replace('degree: serious', 'degree: awful'),
    );
    const s = cli.run(['data', 'classify', schema]);
    assert.equal(s.code, 1);
    assert.match(s.err, /resources\[0\]\.impacts\[0\]\.degree \(line \d+\)/);
  });

  it('data import and export through the store, YAML and Excel', () => {
    assert.equal(
      cli.run(['users', 'create-admin', '--username', 'dso'], 'Zhengwu#Cloud-2026\n').code,
      0,
    );
    const org = cli.run(['orgs', 'create', '--name', '某市第一人民医院', '--owner', 'dso']);
    assert.equal(org.code, 0, org.err);
    const orgId = org.out.trim().split(/\s+/)[0]!;
    const systems = path.join(cli.dataDir, 'systems.yaml');
    writeFileSync(
      systems,
      `format: dengbao.systems.v1\nsystems:\n${HOSPITAL_SYSTEMS.map((n) => `  - name: ${n}\n    types: [ordinary_system]\n`).join('')}`,
    );
    assert.equal(cli.run(['systems', 'import', systems, '--org', orgId]).code, 0);
    // The inventory names processing activities of the register: refused until they exist.
    const early = cli.run(['data', 'import', DATA_INVENTORY_EXAMPLE, '--org', orgId]);
    assert.equal(early.code, 1);
    assert.match(early.err, /resources\[0\]\.privacyActivityCodes\[0\]/);
    assert.equal(cli.run(['pi', 'import', PRIVACY_REGISTER_EXAMPLE, '--org', orgId]).code, 0);
    const dry = cli.run([
      'data',
      'import',
      DATA_INVENTORY_EXAMPLE,
      '--org',
      orgId,
      '--dry-run',
      '--json',
    ]);
    assert.equal(dry.code, 0, dry.err);
    assert.equal(JSON.parse(dry.out).dryRun, true);
    const imported = cli.run(['data', 'import', DATA_INVENTORY_EXAMPLE, '--org', orgId]);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /数据资源 新增7/);
    assert.match(imported.out, /重要数据 2/);
    const exported = cli.run(['data', 'export', '--org', orgId, '--format', 'yaml']);
    assert.equal(exported.code, 0, exported.err);
    const file = parse(exported.out);
    assert.equal(file.format, 'dengbao.data-inventory.v1');
    assert.equal(file.resources.length, 7);
    const xlsx = path.join(cli.dataDir, 'inventory.xlsx');
    assert.equal(
      cli.run(['data', 'export', '--org', orgId, '--format', 'xlsx', '--out', xlsx]).code,
      0,
    );
    const again = cli.run(['data', 'import', xlsx, '--org', orgId, '--json']);
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(JSON.parse(again.out).resources, { created: 0, updated: 0, unchanged: 7 });
    const classified = cli.run(['data', 'classify', xlsx, '--json']);
    assert.equal(classified.code, 0, classified.err);
    assert.deepEqual(JSON.parse(classified.out).counts, { general: 5, important: 2, core: 0 });
  });
});
