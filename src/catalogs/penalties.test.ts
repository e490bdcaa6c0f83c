import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertCitationsExist, loadKnowledgeBase } from './knowledge-base';
import {
  DEFAULT_PENALTIES_FILE,
  loadPenalties,
  penaltiesById,
  penaltyInForce,
  shippedPenaltyCatalog,
  validatePenalties,
} from './penalties';

const TEXT = readFileSync(DEFAULT_PENALTIES_FILE, 'utf8');

function problemsOf(text: string): string[] {
  const result = validatePenalties({ file: 'penalties.yaml', text });
  assert.equal(result.ok, false, 'expected the edited data to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

describe('penalty provisions', () => {
  it('load, versioned, with the ids the privacy duties point at', () => {
    const result = loadPenalties();
    if (!result.ok) assert.fail(result.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
    assert.equal(result.catalog.changelog[0]?.version, result.catalog.version);
    for (const id of [
      'pipl-66-1',
      'pipl-66-2',
      'dsl-45-1',
      'dsl-45-2',
      'nds-55',
      'nds-56',
      'nds-57',
    ])
      assert.ok(penaltiesById().has(id), id);
  });

  it('carries the figures of the texts', () => {
    const p = penaltiesById();
    const pipl1 = p.get('pipl-66-1')!;
    assert.equal(pipl1.organisation.warning, true);
    assert.equal(pipl1.organisation.fineMaxCny, null, 'no fine before refusal to correct');
    assert.equal(pipl1.escalated?.organisation.fineMaxCny, 1_000_000);
    assert.deepEqual(
      [pipl1.escalated?.individual?.fineMinCny, pipl1.escalated?.individual?.fineMaxCny],
      [10_000, 100_000],
    );
    const pipl2 = p.get('pipl-66-2')!;
    assert.equal(pipl2.organisation.fineMaxCny, 50_000_000);
    assert.equal(pipl2.organisation.turnoverPercentMax, 5);
    assert.deepEqual(
      [pipl2.individual?.fineMinCny, pipl2.individual?.fineMaxCny],
      [100_000, 1_000_000],
    );
    assert.match(pipl2.individual?.banZh ?? '', /个人信息保护负责人/);
    assert.match(pipl2.authorityZh, /省级以上/);
    const dsl1 = p.get('dsl-45-1')!;
    assert.deepEqual(
      [dsl1.organisation.fineMinCny, dsl1.organisation.fineMaxCny],
      [50_000, 500_000],
    );
    assert.deepEqual(
      [dsl1.escalated?.organisation.fineMinCny, dsl1.escalated?.organisation.fineMaxCny],
      [500_000, 2_000_000],
    );
    assert.deepEqual(
      [p.get('dsl-45-2')!.organisation.fineMinCny, p.get('dsl-45-2')!.organisation.fineMaxCny],
      [2_000_000, 10_000_000],
    );
    assert.equal(p.get('nds-55')!.escalated?.organisation.fineMaxCny, 1_000_000);
    assert.deepEqual(
      [
        p.get('nds-56')!.escalated?.organisation.fineMinCny,
        p.get('nds-56')!.escalated?.organisation.fineMaxCny,
      ],
      [1_000_000, 10_000_000],
    );
    assert.deepEqual(
      [p.get('nds-57')!.organisation.fineMinCny, p.get('nds-57')!.organisation.fineMaxCny],
      [50_000, 500_000],
    );
  });

  it('in force by date: NDS from 2025-01-01, PIPL from 2021-11-01', () => {
    const p = penaltiesById();
    assert.equal(penaltyInForce(p.get('nds-55')!, '2024-12-31'), false);
    assert.equal(penaltyInForce(p.get('nds-55')!, '2025-01-01'), true);
    assert.equal(penaltyInForce(p.get('pipl-66-1')!, '2021-10-31'), false);
    assert.equal(penaltyInForce(p.get('pipl-66-1')!, '2021-11-01'), true);
    assert.equal(penaltyInForce(p.get('dsl-45-1')!, '2021-09-01'), true);
  });

  it('every citation resolves in the knowledge base', () => {
    const kb = loadKnowledgeBase();
    if (!kb.ok) assert.fail('knowledge base invalid');
    const missing = [
      ...new Set(
        assertCitationsExist(
          kb.kb,
          shippedPenaltyCatalog().penalties.map((e) => ({
            instrumentId: e.instrumentId,
            provisionId: e.provisionId,
          })),
        ).map((c) => `${c.instrumentId} ${c.provisionId ?? ''}`),
      ),
    ];
    assert.deepEqual(missing, []);
  });

  it('rejects an id that names another article, inverted bounds, a lighter heavy tier and bad dates', () => {
    const wrongId = TEXT.replace('  - id: nds-56\n', '  - id: nds-65\n');
    assert.ok(problemsOf(wrongId).some((p) => /penalties\[\d+\]\.id: must end with "-56"/.test(p)));
    const duplicate = TEXT.replace('  - id: nds-56\n', '  - id: nds-55\n');
    assert.ok(problemsOf(duplicate).some((p) => /nds-55 is listed twice/.test(p)));
    const inverted = TEXT.replace('fineMinCny: 2000000', 'fineMinCny: 20000000');
    assert.ok(problemsOf(inverted).some((p) => /fineMinCny: must not exceed fineMaxCny/.test(p)));
    const lighter = TEXT.replace(
      'fineMinCny: 1000000\n        fineMaxCny: 10000000',
      'fineMinCny: 10000\n        fineMaxCny: 50000',
    );
    assert.ok(problemsOf(lighter).some((p) => /heavier tier must not cap lower/.test(p)));
    const dates = TEXT.replace(
      'inForceFrom: 2025-01-01\n    inForceTo: null\n    authorityZh: 网信、电信、公安、国家安全',
      'inForceFrom: 2025-01-01\n    inForceTo: 2024-01-01\n    authorityZh: 网信、电信、公安、国家安全',
    );
    assert.ok(problemsOf(dates).some((p) => /inForceTo: must not be before inForceFrom/.test(p)));
    const badDate = TEXT.replace('inForceFrom: 2021-09-01', 'inForceFrom: 2021-02-30');
    assert.ok(problemsOf(badDate).some((p) => /inForceFrom: must be a real calendar date/.test(p)));
  });
});
