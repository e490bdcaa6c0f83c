/**
 * The filing form's answers in the CLI systems file: a hospital's file with its 表一
 * (`organisation.filingProfile`) and the 表二 of HIS, PACS and LIS imports all or nothing —
 * codes that are not the form's options are refused with their row and field and nothing is
 * written — and `systems export` writes them back unchanged.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import type { SystemsFile } from '../src/shared/schemas';
import { sourceCli } from './cli-source';
import {
  HIS_SYSTEM_PROFILE,
  HOSPITAL_ORGANISATION_PROFILE,
  LIS_SYSTEM_PROFILE,
  PACS_SYSTEM_PROFILE,
} from './fixtures/filing-profile';

const cli = sourceCli('filing-profile');

const hospitalFile = (over: { sector?: string; pacsBusiness?: string[] } = {}) => ({
  format: 'dengbao.systems.v1',
  organisation: {
    filingProfile: {
      ...HOSPITAL_ORGANISATION_PROFILE,
      sectorCode: over.sector ?? HOSPITAL_ORGANISATION_PROFILE.sectorCode,
    },
  },
  systems: [
    {
      name: '医院信息系统（HIS）',
      types: ['ordinary_system'],
      responsibleDepartment: '信息中心',
      filingProfile: HIS_SYSTEM_PROFILE,
    },
    {
      name: '医学影像系统（PACS）',
      types: ['ordinary_system'],
      filingProfile: {
        ...PACS_SYSTEM_PROFILE,
        businessTypes: over.pacsBusiness ?? PACS_SYSTEM_PROFILE.businessTypes,
      },
    },
    {
      name: '实验室信息系统（LIS）',
      types: ['ordinary_system'],
      filingProfile: LIS_SYSTEM_PROFILE,
    },
  ],
});

describe('systems file with filing profiles (CLI)', () => {
  it('imports all or nothing with row/field paths, and exports the profiles unchanged', () => {
    assert.equal(
      cli.run(['users', 'create-admin', '--username', 'ops'], 'Zhengwu#Cloud-2026\n').code,
      0,
    );
    const org = cli.run(['orgs', 'create', '--name', '某市第一人民医院', '--owner', 'ops']);
    assert.equal(org.code, 0, org.err);
    const orgId = org.out.trim().split(/\s+/)[0]!;
    const file = path.join(cli.dataDir, 'hospital.yaml');

    writeFileSync(file, stringify(hospitalFile({ sector: '98', pacsBusiness: ['1', '8'] })));
    const bad = cli.run(['systems', 'import', file, '--org', orgId]);
    assert.notEqual(bad.code, 0, bad.out);
    assert.match(bad.err, /organisation\.filingProfile\.sectorCode/);
    assert.match(bad.err, /98 is not a 行业类别 code|“98”不是行业类别的代码/);
    assert.match(bad.err, /systems\[1\]\.filingProfile\.businessTypes\[1\]/);
    const empty = cli.run(['systems', 'export', '--org', orgId]);
    assert.equal(empty.code, 0, empty.err);
    const nothing = JSON.parse(empty.out) as SystemsFile;
    assert.deepEqual(nothing.systems, [], 'nothing was written');
    assert.equal(nothing.organisation, undefined);

    writeFileSync(file, stringify(hospitalFile()));
    const ok = cli.run(['systems', 'import', file, '--org', orgId]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /imported 3 system/);

    const exported = cli.run(['systems', 'export', '--org', orgId, '--yaml']);
    assert.equal(exported.code, 0, exported.err);
    const back = parse(exported.out) as SystemsFile;
    assert.deepEqual(back.organisation?.filingProfile, HOSPITAL_ORGANISATION_PROFILE);
    const byName = new Map(back.systems.map((s) => [s.name, s.filingProfile]));
    assert.deepEqual(byName.get('医院信息系统（HIS）'), HIS_SYSTEM_PROFILE);
    assert.deepEqual(byName.get('医学影像系统（PACS）'), PACS_SYSTEM_PROFILE);
    assert.deepEqual(byName.get('实验室信息系统（LIS）'), LIS_SYSTEM_PROFILE);
  });
});
