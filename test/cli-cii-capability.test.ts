import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const BIN = path.resolve('bin/dengbao.js');
const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-cii-capability-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DENGBAO_DATA_DIR: dir, DATABASE_URL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dengbao cii capability', () => {
  it('prints the catalog tree with provenance markers, or one chapter as JSON', () => {
    const tree = run(['cii', 'capability', 'catalog']);
    assert.equal(tree.code, 0, tree.err);
    assert.match(tree.out, /≈ 6 分析识别/);
    assert.match(tree.out, /✓ 7\.9 供应链安全/);
    assert.match(tree.out, /✓ 7\.9-j 定制软件源代码安全检测/);
    assert.match(tree.out, /\? 10\.1 收敛暴露面/);
    assert.match(tree.out, /30 个评价项 requirements; 节点 nodes: ✓ 3 {2}≈ 9 {2}\? 24/);

    const json = run(['cii', 'capability', 'catalog', '--chapter', '10', '--json']);
    assert.equal(json.code, 0, json.err);
    const dto = JSON.parse(json.out);
    assert.deepEqual(
      dto.chapters.map((c: { id: string }) => c.id),
      ['10'],
    );
    assert.equal(run(['cii', 'capability', 'catalog', '--chapter', '12']).code, 1);
  });

  it('scores a results file per chapter without a database', () => {
    const file = path.join(dir, 'results.json');
    writeFileSync(
      file,
      JSON.stringify({
        '6.1': 'compliant',
        '6.2': 'partial',
        '6.3': 'compliant',
        '6.4': 'not_applicable',
        '7.9-j': 'non_compliant',
      }),
    );
    const table = run(['cii', 'capability', 'score', file]);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /6 分析识别\s+4\s+2\s+1\s+0\s+1\s+0\s+66\.7%/);
    assert.match(table.out, /✓ 7\.9-j 定制软件源代码安全检测: 不符合/);
    assert.match(table.out, /不套用等级测评的结论档次/);

    const json = run(['cii', 'capability', 'score', '-', '--json'], '{"11.3":"compliant"}');
    assert.equal(json.code, 0, json.err);
    const score = JSON.parse(json.out);
    assert.equal(score.overall.assessed, 1);
    assert.equal(
      score.chapters.find((c: { chapterId: string }) => c.chapterId === '11').conformanceRate,
      1,
    );
  });

  it('exits 1 naming the bad keys of a results file', () => {
    const bad = run(['cii', 'capability', 'score', '-'], '{"6.1":"yes","8.1.4.1-a":"compliant"}');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /6\.1: result must be one of/);
    assert.match(bad.err, /8\.1\.4\.1-a: not a requirement of the GB\/T 39204 catalog/);
    assert.equal(run(['cii', 'capability', 'score', '-'], 'not json').code, 1);
  });
});
