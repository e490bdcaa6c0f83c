import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { CLI_ACTOR } from '../../src/app/actor';
import {
  createRiskAssessmentCommand,
  createRiskCommand,
} from '../../src/app/data-security/risk/commands';
import { withStore } from '../../src/cli/context';
import { RiskItemInputSchema } from '../../src/shared/data-security-schemas';
import { sourceCli } from '../cli-source';

/**
 * `dengbao data-risk list | report`: the organisation's annual risk assessments as a table or
 * JSON, and the report of one written as Word or PDF (a draft carries its 草稿 mark).
 */
describe('dengbao data-risk', () => {
  const cli = sourceCli('data-risk');
  const file = (name: string) => path.join(cli.dataDir, name);

  it('lists the assessments and writes the report', async () => {
    assert.equal(
      cli.run(['users', 'create-admin', '--username', 'ops'], 'Zhengwu#Cloud-2026\n').code,
      0,
    );
    const org = cli.run(['orgs', 'create', '--name', '某市人民医院', '--owner', 'ops']);
    assert.equal(org.code, 0, org.err);
    const orgId = org.out.trim().split(/\s+/)[0]!;
    const empty = cli.run(['data-risk', 'list', '--org', orgId]);
    assert.equal(empty.code, 0, empty.err);
    assert.match(empty.out, /无风险评估/);

    // The same data folder from this process (the CLI has no command that opens an assessment).
    process.env.DENGBAO_DATA_DIR = cli.dataDir;
    process.env.DATABASE_URL = '';
    const id = await withStore(async (ctx) => {
      const row = await createRiskAssessmentCommand(ctx, CLI_ACTOR, orgId, {
        year: 2025,
        title: '2025年度数据安全风险评估',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
      });
      await createRiskCommand(
        ctx,
        CLI_ACTOR,
        orgId,
        row.id,
        RiskItemInputSchema.parse({
          code: 'R-01',
          title: '备份未异地保存',
          area: 'storage',
          likelihood: 3,
          impact: 4,
        }),
      );
      return row.id;
    });

    const list = cli.run(['data-risk', 'list', '--org', orgId]);
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /2025\s+2025年度数据安全风险评估\s+草稿/);
    const json = JSON.parse(cli.run(['data-risk', 'list', '--org', orgId, '--json']).out);
    assert.equal(json.total, 1);
    assert.equal(json.items[0].risks.byLevel.high, 1);

    const out = file('risk.docx');
    const report = cli.run(['data-risk', 'report', '--org', orgId, '--id', id, '--out', out]);
    assert.equal(report.code, 0, report.err);
    const text = strFromU8(
      unzipSync(new Uint8Array(readFileSync(out)))['word/document.xml']!,
    ).replace(/<[^>]+>/g, '');
    assert.ok(text.includes('四、数据安全风险及安全事件'));
    assert.ok(text.includes('备份未异地保存'));
    assert.ok(text.includes('本报告为草稿'));
    const pdf = cli.run([
      'data-risk',
      'report',
      '--org',
      orgId,
      '--id',
      id,
      '--format',
      'pdf',
      '--lang',
      'en',
      '--out',
      file('risk.pdf'),
    ]);
    assert.equal(pdf.code, 0, pdf.err);
    assert.equal(readFileSync(file('risk.pdf')).subarray(0, 4).toString(), '%PDF');
    const mismatch = cli.run([
      'data-risk',
      'report',
      '--org',
      orgId,
      '--id',
      id,
      '--format',
      'pdf',
      '--out',
      file('x.docx'),
    ]);
    assert.equal(mismatch.code, 2);
    const unknown = cli.run([
      'data-risk',
      'report',
      '--org',
      orgId,
      '--id',
      '00000000-0000-4000-8000-000000000000',
    ]);
    assert.notEqual(unknown.code, 0);
  });
});
