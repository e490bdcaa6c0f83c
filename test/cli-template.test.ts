import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { OVERRIDABLE_BLOCKS } from '../src/reports/documents/overridable-blocks';
import { solidPng } from './api/document-template-fixtures';
import { hospitalWithHis, sourceCli } from './cli-source';

/**
 * `dengbao template import | export | list`: the organisation's document template as a YAML file,
 * imported all or nothing (an unknown key is named and nothing is stored) and exported back.
 */
describe('dengbao template', () => {
  const cli = sourceCli('template');
  const orgId = hospitalWithHis(cli, '2026-01-05');
  const file = (name: string) => path.join(cli.dataDir, name);

  it('imports a file, lists and exports it back; refuses an unknown key by name', (t) => {
    const [line, paragraph] = [
      OVERRIDABLE_BLOCKS.find((b) => !b.multiline),
      OVERRIDABLE_BLOCKS.find((b) => b.multiline),
    ];
    if (!line || !paragraph) return t.skip('the documents offer no blocks yet');
    const logo = solidPng(90, 30, [10, 120, 60]).toString('base64');
    writeFileSync(
      file('template.yaml'),
      `blocks:
  ${line.key}:
    zh: 某某测评中心
    en: Example Testing Centre
  ${paragraph.key}:
    zh: |-
      第一段。
      第二段。
logo:
  mediaType: image/png
  base64: ${logo}
`,
    );
    const imported = cli.run(['template', 'import', file('template.yaml'), '--org', orgId]);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /2 blocks, 2 changed; logo replaced/);

    const list = cli.run(['template', 'list', '--org', orgId]);
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, new RegExp(`${paragraph.key.replace('.', '\\.')}.*中英文不一致`));
    assert.match(list.out, /logo: image\/png 90×30/);

    const exported = cli.run(['template', 'export', file('out.yaml'), '--org', orgId]);
    assert.equal(exported.code, 0, exported.err);
    const back = parse(readFileSync(file('out.yaml'), 'utf8'));
    assert.deepEqual(back.blocks[line.key], { zh: '某某测评中心', en: 'Example Testing Centre' });
    assert.deepEqual(back.blocks[paragraph.key], { zh: '第一段。\n第二段。', en: null });
    assert.equal(back.logo.base64, logo);

    writeFileSync(
      file('bad.yaml'),
      `blocks:\n  ${line.key}:\n    zh: 不会保存\n  filing.no_such_block:\n    zh: 未知\n`,
    );
    const bad = cli.run(['template', 'import', file('bad.yaml'), '--org', orgId]);
    assert.equal(bad.code, 1);
    assert.match(
      bad.err,
      /blocks\.filing\.no_such_block: filing\.no_such_block is not a document block/,
    );
    assert.match(bad.err, /filing\.no_such_block 不是可调整的文书模板段落/);
    const again = cli.run(['template', 'export', '-', '--org', orgId]);
    assert.equal(parse(again.out).blocks[line.key].zh, '某某测评中心', 'nothing stored');
  });
});
