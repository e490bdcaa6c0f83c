/**
 * The CLI run from source (tsx, so a test needs no build) on its own data folder, and the graded
 * hospital system most CLI tests start from.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

const MAIN = path.resolve('src/cli/main.ts');

export interface SourceCli {
  readonly dataDir: string;
  run(args: string[], input?: string): { code: number | null; out: string; err: string };
}

/** A CLI on a fresh data folder, removed after the file's tests. */
export function sourceCli(name: string): SourceCli {
  const dataDir = mkdtempSync(path.join(tmpdir(), `dengbao-cli-${name}-`));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    dataDir,
    run(args, input) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
        input,
        encoding: 'utf8',
        env: { ...process.env, DENGBAO_DATA_DIR: dataDir, DATABASE_URL: '' },
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    },
  };
}

/** An administrator, 某市人民医院 and its level-3 HIS graded on `gradedOn`; the organisation id. */
export function hospitalWithHis(cli: SourceCli, gradedOn: string): string {
  assert.equal(
    cli.run(['users', 'create-admin', '--username', 'ops'], 'Zhengwu#Cloud-2026\n').code,
    0,
  );
  const org = cli.run(['orgs', 'create', '--name', '某市人民医院', '--owner', 'ops']);
  assert.equal(org.code, 0, org.err);
  const orgId = org.out.trim().split(/\s+/)[0]!;
  const systems = path.join(cli.dataDir, 'systems.yaml');
  writeFileSync(
    systems,
    `format: dengbao.systems.v1
systems:
  - name: 医院信息系统（HIS）
    types: [ordinary_system]
    grading:
      businessInformation: [{object: social_order_public_interest, degree: serious}]
      systemService: [{object: social_order_public_interest, degree: general}]
      gradedOn: '${gradedOn}'
      reason: 门急诊核心业务
`,
  );
  const imported = cli.run(['systems', 'import', systems, '--org', orgId]);
  assert.equal(imported.code, 0, imported.err);
  return orgId;
}
