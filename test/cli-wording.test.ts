import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

/**
 * `dengbao wording` (the organisation's own copy of the standard's wording), run from the source
 * (tsx) so that it needs no build: import with problems, dry run, import, list, clear.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'dengbao-cli-wording-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const RUNNER =
  "const { runCli } = await import('./src/cli/main.ts'); process.exitCode = await runCli(process.argv.slice(1));";

function run(args: string[], input?: string) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', RUNNER, '--', ...args],
    {
      input,
      encoding: 'utf8',
      env: { ...process.env, DENGBAO_DATA_DIR: dataDir, DATABASE_URL: '', DENGBAO_LANG: '' },
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dengbao wording (CLI)', () => {
  it('checks, loads, lists and clears the wording of the only organisation', () => {
    assert.equal(
      run(['users', 'create-admin', '--username', 'ops'], 'Zhengwu#Cloud-2026\n').code,
      0,
    );
    // No organisation yet: --org cannot be left out.
    const none = run(['wording', 'list']);
    assert.equal(none.code, 2);
    assert.match(none.err, /no organisation yet/);
    const org = run(['orgs', 'create', '--name', '某县人民医院', '--owner', 'ops']);
    assert.equal(org.code, 0, org.err);

    const file = path.join(dataDir, '标准原文.csv');
    writeFileSync(
      file,
      '编号,等级,原文\n8.1.4.1-a,3,【本单位标准文本】身份鉴别（示例）\n8.9.9.9-z,,文本\n',
    );
    const bad = run(['wording', 'import', file]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /row 3 column 编号: 8\.9\.9\.9-z is not a requirement item/);
    assert.match(bad.err, /未保存任何内容/);

    writeFileSync(file, '编号,等级,原文\n8.1.4.1-a,3,【本单位标准文本】身份鉴别（示例）\n');
    const dry = run(['wording', 'import', file, '--dry-run', '--json']);
    assert.equal(dry.code, 0, dry.err);
    assert.deepEqual(JSON.parse(dry.out), {
      entries: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      dryRun: true,
    });
    assert.match(run(['wording', 'list']).out, /no wording loaded/);

    const loaded = run(['wording', 'import', file]);
    assert.equal(loaded.code, 0, loaded.err);
    assert.match(loaded.out, /1 entry — 1 new/);
    const list = run(['wording', 'list', '--json']);
    assert.equal(JSON.parse(list.out).items[0].text, '【本单位标准文本】身份鉴别（示例）');
    assert.match(run(['wording', 'list']).out, /8\.1\.4\.1-a\s+第3级/);

    const cleared = run(['wording', 'clear']);
    assert.equal(cleared.code, 0, cleared.err);
    assert.match(cleared.out, /deleted 1 entry/);
  });
});
