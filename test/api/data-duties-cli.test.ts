/**
 * `dengbao data duties <file> --as-of` over the hospital's inventory file
 * (docs/examples/data-inventory.yaml), run in process through the command it registers (no
 * database): the important data (DR-006 declared on 2026-05-20, DR-007 not declared) make the
 * hospital an important-data processor; a profile and a provision in the file count.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { stringify } from 'yaml';
import type { DataSecurityDutiesView } from '../../src/app/data-security/duties/queries';
import { registerDataDuties } from '../../src/cli/commands/data-duties';
import { DATA_INVENTORY_EXAMPLE, hospitalInventory } from '../fixtures/data-inventory';

async function run(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerDataDuties(program.command('data'));
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'dengbao', 'data', 'duties', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

describe('dengbao data duties', () => {
  it('lists the duties of the hospital’s inventory with citations, states and penalties', async () => {
    const out = await run(DATA_INVENTORY_EXAMPLE, '--as-of', '2026-06-01');
    assert.match(out, /某市第一人民医院：2026-06-01 的数据安全义务/);
    assert.match(out, /识别、申报重要数据/);
    assert.match(out, /尚未记录申报的：DR-007/);
    assert.match(out, /明确数据安全负责人和管理机构/);
    assert.match(out, /2026年度风险评估并报送省级以上主管部门/);
    assert.doesNotMatch(out, /2025年度风险评估/, 'nothing shows important data before 2026');
    assert.match(out, /nds-57/);
    assert.match(out, /网络数据安全管理条例/);
  });

  it('--json: the view the API gives; a profile and provisions in the file count', async () => {
    const file = hospitalInventory();
    const withProfile = {
      ...file,
      profile: {
        dataSecurityOfficer: '张副院长',
        managementBody: '网络安全和信息化领导小组',
        importantDataDeclaredOn: '2026-05-25',
      },
      provisions: [
        {
          code: 'PRV-1',
          kind: 'joint',
          recipient: '区域医联体',
          dataResourceCodes: ['DR-007'],
          startsOn: '2026-07-01',
          riskAssessedOn: '2026-05-20',
        },
      ],
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-duties-'));
    const yaml = path.join(dir, 'inventory.yaml');
    writeFileSync(yaml, stringify(withProfile));
    const view: DataSecurityDutiesView = JSON.parse(
      await run(yaml, '--as-of', '2026-06-01', '--json'),
    );
    const state = (ruleId: string) => view.duties.find((d) => d.ruleId === ruleId)?.state;
    assert.equal(state('datasec.important-data.declare'), 'satisfied');
    assert.equal(state('datasec.officer-and-body'), 'satisfied');
    assert.equal(state('datasec.provision.risk-assessment'), 'satisfied');
    assert.equal(view.piAudit.totalIndividuals, 1_800_000, 'the largest resource, a lower bound');
    assert.equal(view.duties[0]!.penalties[0]!.resolved, true);
  });

  it('refuses a bad date or a missing file', async () => {
    await assert.rejects(run(DATA_INVENTORY_EXAMPLE, '--as-of', '2026-02-30'), /real date/);
    await assert.rejects(run('/nonexistent.yaml', '--as-of', '2026-06-01'), /cannot read/);
    await assert.rejects(
      run(DATA_INVENTORY_EXAMPLE, '--as-of', '2021-08-31'),
      /before the Data Security Law/,
    );
  });
});
