/** `dengbao app-check <file>` from source: the example app checked without a database. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sourceCli } from '../cli-source';

const cli = sourceCli('app-check');
const EXAMPLE = 'docs/examples/app-check.yaml';

describe('dengbao app-check (CLI)', () => {
  it('flags the example ride-hailing app with citations and the exposure', () => {
    const json = cli.run(['app-check', EXAMPLE, '--json']);
    assert.equal(json.code, 0, json.err);
    const result = JSON.parse(json.out);
    assert.equal(result.appType.nameZh, '网络约车类');
    assert.deepEqual(
      result.flags.map((f: { id: string }) => f.id),
      [
        'over_collection',
        'basic_function_refused',
        'sdk_undisclosed',
        'notice_incomplete',
        'sensitive_permission_no_purpose',
        'permission_without_function',
      ],
    );
    assert.match(
      result.flags[0].citations[0].labelZh,
      /常见类型移动互联网应用程序必要个人信息范围规定/,
    );
    assert.deepEqual(result.exposure.penaltyIds, ['pipl-66-1', 'pipl-66-2']);
    const table = cli.run(['app-check', EXAMPLE]);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /6 flag\(s\): 3 high · 3 medium · 0 low/);
    assert.match(table.out, /超范围收集: 通讯录（叫车）/);
    assert.match(table.out, /责令暂停或者终止提供服务/);
  });

  it('refuses an unknown app type with the field, and a broken file with its line', () => {
    const bad = path.join(cli.dataDir, 'bad-type.yaml');
    writeFileSync(
      bad,
      readFileSync(EXAMPLE, 'utf8').replace('appType: ride_hailing', 'appType: taxi'),
    );
    const r = cli.run(['app-check', bad]);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /appType/);
    assert.match(r.err, /"taxi" is not an app type/);
    const broken = path.join(cli.dataDir, 'broken.yaml');
    writeFileSync(broken, 'code: APP-1\nname: [unclosed\n');
    const b = cli.run(['app-check', broken]);
    assert.notEqual(b.code, 0);
  });
});
