import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hospitalWithHis, sourceCli } from './cli-source';

const cli = sourceCli('compensations');
const { dataDir, run } = cli;

/** Results recorded through the app layer on the same data folder (the CLI has no result command). */
async function record(
  orgId: string,
  assessmentId: string,
  rows: { requirementId: string; objectId: string; result: string; record?: string }[],
) {
  process.env.DENGBAO_DATA_DIR = dataDir;
  process.env.DATABASE_URL = '';
  const { withStore } = await import('../src/cli/context');
  const { CLI_ACTOR } = await import('../src/app/actor');
  const { writeResultsCommand } = await import('../src/app/assessment/commands');
  await withStore((ctx) =>
    writeResultsCommand(ctx, CLI_ACTOR, orgId, assessmentId, {
      rows: rows.map((r) => ({ ...r, version: 0 })) as never,
    }),
  );
}

describe('dengbao assessment compensations and --from-previous (CLI)', () => {
  it('records a compensation, lists it, and starts next year from this year', async () => {
    const orgId = hospitalWithHis(cli, '2025-01-05');
    const created = run([
      'assessment',
      'create',
      '--org',
      orgId,
      '--system',
      '医院信息系统（HIS）',
      '--title',
      '2025年度等级测评',
      '--report-date',
      '2025-06-10',
      '--object',
      '数据库服务器:server',
      '--object',
      '运维堡垒机:security_device',
      '--json',
    ]);
    assert.equal(created.code, 0, created.err);
    const firstId = (JSON.parse(created.out) as { id: string }).id;
    const objects = JSON.parse(
      run(['assessment', 'objects', '--org', orgId, '--id', firstId, '--json']).out,
    ).items as { id: string; name: string }[];
    const idOf = (name: string) => objects.find((o) => o.name === name)!.id;
    await record(orgId, firstId, [
      {
        requirementId: '8.1.4.1-d',
        objectId: idOf('数据库服务器'),
        result: 'non_compliant',
        record: '仅口令登录',
      },
      { requirementId: '8.1.4.1-d', objectId: idOf('运维堡垒机'), result: 'compliant' },
    ]);

    const wrong = run([
      'assessment',
      'compensations',
      'add',
      '--org',
      orgId,
      '--id',
      firstId,
      '--requirement',
      '8.1.4.1-d',
      '--object',
      '数据库服务器',
      '--scope',
      'layer',
      '--by',
      '8.1.4.1-d',
      '--by-object',
      '运维堡垒机',
      '--result',
      'compliant',
      '--reason',
      '仅能经堡垒机登录',
    ]);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.err, /测评项间/);

    const unknown = run([
      'assessment',
      'compensations',
      'add',
      '--org',
      orgId,
      '--id',
      firstId,
      '--requirement',
      '8.1.4.1-d',
      '--object',
      '核心交换机',
      '--scope',
      'item',
      '--by',
      '8.1.4.1-d',
      '--by-object',
      '运维堡垒机',
      '--result',
      'compliant',
      '--reason',
      'x',
    ]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /--object: no test object "核心交换机"/);

    const added = run([
      'assessment',
      'compensations',
      'add',
      '--org',
      orgId,
      '--id',
      firstId,
      '--requirement',
      '8.1.4.1-d',
      '--object',
      '数据库服务器',
      '--scope',
      'item',
      '--by',
      '8.1.4.1-d',
      '--by-object',
      '运维堡垒机',
      '--result',
      'compliant',
      '--reason',
      '仅能经堡垒机登录，堡垒机双因素鉴别',
    ]);
    assert.equal(added.code, 0, added.err);
    assert.match(added.out, /8\.1\.4\.1 d\) 数据库服务器 不符合→符合/);
    const listed = run(['assessment', 'compensations', 'list', '--org', orgId, '--id', firstId]);
    assert.equal(listed.code, 0, listed.err);
    assert.match(listed.out, /测评项间/);
    assert.match(listed.out, /8\.1\.4\.1 d\)：部分符合 → 符合/);
    const score = run(['assessment', 'score', '--org', orgId, '--id', firstId]);
    assert.match(score.out, /整体测评：1 个测评结果经补偿调整/);

    const next = run([
      'assessment',
      'create',
      '--org',
      orgId,
      '--system',
      '医院信息系统（HIS）',
      '--title',
      '2026年度等级测评',
      '--from-previous',
    ]);
    assert.equal(next.code, 0, next.err);
    assert.match(next.out, /2 test object\(s\) \(2 copied from the previous assessment\)/);
    const secondId = next.out.match(/created assessment (\S+):/)![1]!;
    const previous = run(['assessment', 'previous-findings', '--org', orgId, '--id', secondId]);
    assert.equal(previous.code, 0, previous.err);
    assert.match(previous.out, /上次测评：2025年度等级测评/);
    // The only finding was compensated to 符合: none is left from last year.
    assert.match(previous.out, /共 0 个上次测评问题/);
  });
});
