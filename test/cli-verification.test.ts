import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { hospitalWithHis, sourceCli } from './cli-source';

const cli = sourceCli('verification');
const { run } = cli;
const FIXTURES = path.resolve('test/fixtures/verification');

describe('dengbao verification (CLI)', () => {
  it('previews, refuses unmatched hosts, imports with --assign and lists per object', () => {
    const orgId = hospitalWithHis(cli, '2025-12-01');
    const created = run([
      'assessment',
      'create',
      '--org',
      orgId,
      '--system',
      '医院信息系统（HIS）',
      '--title',
      '2026年度等级测评',
      '--object',
      'HIS应用服务器:server',
      '--object',
      'HIS数据库:database',
      '--json',
    ]);
    assert.equal(created.code, 0, created.err);
    const id = (JSON.parse(created.out) as { id: string }).id;
    const nessus = path.join(FIXTURES, 'nessus-his.nessus');

    const preview = run(['verification', 'import', id, nessus, '--org', orgId, '--dry-run']);
    assert.equal(preview.code, 0, preview.err);
    assert.match(
      preview.out,
      /预览（未导入）：nessus-his\.nessus，Nessus 扫描结果（\.nessus），Nessus 10\.6\.4/,
    );
    assert.match(preview.out, /主机 10\.20\.1\.11 未匹配到任何测评对象/);

    const refused = run(['verification', 'import', id, nessus, '--org', orgId]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /10\.20\.1\.11/);

    const bad = run(['verification', 'import', id, nessus, '--org', orgId, '--assign', 'HIS']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /write host=test object/);

    const done = run([
      'verification',
      'import',
      id,
      nessus,
      '--org',
      orgId,
      '--assign',
      '10.20.1.11=HIS应用服务器',
      '--assign',
      'HIS-DB01=HIS数据库',
      '--allow-unassigned',
      '--json',
    ]);
    assert.equal(done.code, 0, done.err);
    const result = JSON.parse(done.out) as { id: string; findingCount: number };
    assert.equal(result.findingCount, 8);

    const list = run(['verification', 'list', id, '--org', orgId]);
    assert.equal(list.code, 0, list.err);
    assert.match(
      list.out,
      /HIS数据库\s.*Oracle TNS Listener Remote Poisoning\s.*CVE-2012-1675\s.*7\.5\s.*高危\s.*是/,
    );
    assert.match(list.out, /（未分配）/);
    assert.match(list.out, /6\.4\.3\.2/);

    const deleted = run(['verification', 'delete', id, result.id, '--org', orgId]);
    assert.equal(deleted.code, 0, deleted.err);
    const empty = JSON.parse(run(['verification', 'list', id, '--org', orgId, '--json']).out);
    assert.equal(empty.imports.length, 0);
  });
});
