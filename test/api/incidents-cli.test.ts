/**
 * `dengbao incident` through the built binary (bin/dengbao.js → dist): the reporting duties from
 * a few facts without a database, the grading guide's suggestion, and the register's list.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const BIN = path.resolve('bin/dengbao.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dengbao-cli-incident-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DENGBAO_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dengbao incident (CLI)', () => {
  it('duties of a 重大 CII incident: 1 hour, the department escalates, PIPL notices', () => {
    const r = run([
      'incident',
      'duties',
      '--found-at',
      '2026-03-02T09:15:00+08:00',
      '--grade',
      'major',
      '--operator',
      'cii_operator',
      '--pi-leaked',
      '20000',
      '--now',
      '2026-03-02T10:30:00+08:00',
      '--json',
    ]);
    assert.equal(r.code, 0, r.err);
    const result = JSON.parse(r.out) as {
      regime: string;
      duties: {
        kind: string;
        recipients: string[];
        dueAt: string | null;
        state: string;
        actor: string;
      }[];
    };
    assert.equal(result.regime, '2025-measures');
    const initial = result.duties.find((d) => d.kind === 'initial');
    assert.deepEqual(initial?.recipients, ['protection_department', 'public_security']);
    assert.equal(initial?.dueAt, '2026-03-02T02:15:00.000Z');
    assert.equal(initial?.state, 'overdue');
    assert.equal(
      result.duties.find((d) => d.kind === 'escalation')?.actor,
      'protection_department',
    );
    assert.equal(result.duties.find((d) => d.kind === 'notify_individuals')?.state, 'due');

    const table = run([
      'incident',
      'duties',
      '--found-at',
      '2026-03-02T09:15:00+08:00',
      '--grade',
      'large',
      '--operator',
      'other',
      '--now',
      '2026-03-02T10:00:00+08:00',
    ]);
    assert.equal(table.code, 0, table.err);
    assert.match(
      table.out,
      /4小时内向属地省级网信部门报告\s+属地省级网信部门\s+4小时\s+2026-03-02 13:15\s+待完成/,
    );
    const general = run([
      'incident',
      'duties',
      '--found-at',
      '2026-03-02T09:15:00+08:00',
      '--grade',
      'general',
      '--operator',
      'central_state_organ',
    ]);
    assert.match(general.out, /本部门网信工作机构.*无需/);
    const before = run([
      'incident',
      'duties',
      '--found-at',
      '2025-10-31T23:59:00+08:00',
      '--grade',
      'large',
      '--operator',
      'other',
      '--json',
    ]);
    assert.equal(JSON.parse(before.out).regime, 'pre-2025');
  });

  it('grade: the highest tier met, from a JSON argument or a file', () => {
    const r = run([
      'incident',
      'grade',
      '--measures',
      '{"piLeakedIndividuals":1200000,"economicLossYuan":30000000}',
      '--json',
    ]);
    assert.equal(r.code, 0, r.err);
    const g = JSON.parse(r.out) as { suggestedGrade: string; criteriaFound: { id: string }[] };
    assert.equal(g.suggestedGrade, 'major');
    assert.deepEqual(
      g.criteriaFound.map((c) => c.id),
      ['ma-loss-20m', 'la-pi-1m', 'la-loss-5m'],
    );
    const file = path.join(dataDir, 'measures.yaml');
    writeFileSync(file, 'ciiWholeOutageMinutes: 360\n');
    const f = run(['incident', 'grade', '--file', file]);
    assert.match(f.out, /建议级别：特别重大/);
  });

  it('refuses bad input with the option named and exit code 2', () => {
    const r = run(['incident', 'duties', '--found-at', '2026-03-02', '--operator', 'other']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--found-at must be a date and time with its offset/);
    const op = run([
      'incident',
      'duties',
      '--found-at',
      '2026-03-02T09:15:00+08:00',
      '--operator',
      'hospital',
    ]);
    assert.match(op.err, /--operator must be one of cii_operator, central_state_organ, other/);
    const m = run(['incident', 'grade', '--measures', '{"piLeakedIndividuals":-1}']);
    assert.equal(m.code, 2);
    assert.match(m.err, /piLeakedIndividuals must be 0 or more/);
  });

  it('list: the organisation’s register', () => {
    assert.equal(
      run(['users', 'create-admin', '--username', 'ops'], 'Yiyuan#Incident-2026\n').code,
      0,
    );
    const org = run(['orgs', 'create', '--name', '某市第一人民医院', '--owner', 'ops']);
    assert.equal(org.code, 0, org.err);
    const orgId = org.out.trim().split(/\s+/)[0]!;
    const list = run(['incident', 'list', '--org', orgId, '--json']);
    assert.equal(list.code, 0, list.err);
    assert.deepEqual(JSON.parse(list.out), []);
    assert.match(run(['incident', 'list', '--org', orgId]).out, /无安全事件/);
  });
});
