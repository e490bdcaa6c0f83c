import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCiiCapabilityCatalog } from '../../catalogs/cii-capability-catalog';
import type { ItemResult } from '../../shared/assessment-vocabulary';
import { scoreCapabilityEvaluation } from './capability';

const catalog = loadCiiCapabilityCatalog();

/** A provincial bank's first self-evaluation: identification done, active defence not started. */
function bankResults(): Map<string, ItemResult> {
  return new Map<string, ItemResult>([
    ['6.1', 'compliant'],
    ['6.2', 'partial'],
    ['6.3', 'compliant'],
    ['6.4', 'not_applicable'],
    ['7.3', 'non_compliant'],
    ['7.9', 'compliant'],
    ['7.9-j', 'non_compliant'],
    ['11.3', 'compliant'],
  ]);
}

describe('GB/T 39204 capability scoring', () => {
  it('counts 符合/部分符合/不符合/不适用/未评 per chapter with rates over applicable items', () => {
    const score = scoreCapabilityEvaluation(catalog, bankResults());
    const identification = score.chapters.find((c) => c.chapterId === '6')!;
    assert.deepEqual(identification.counts, {
      compliant: 2,
      partial: 1,
      non_compliant: 0,
      not_applicable: 1,
      not_assessed: 0,
    });
    assert.equal(identification.total, 4);
    assert.equal(identification.assessed, 4);
    assert.equal(identification.applicable, 3);
    assert.equal(identification.conformanceRate, 0.6667);
    assert.equal(identification.weightedRate, 0.8333);
    assert.equal(identification.complete, true);

    const protection = score.chapters.find((c) => c.chapterId === '7')!;
    assert.equal(protection.total, 11);
    assert.equal(protection.counts.not_assessed, 8);
    assert.equal(protection.conformanceRate, 0.3333);
    assert.equal(protection.complete, false);

    const activeDefence = score.chapters.find((c) => c.chapterId === '10')!;
    assert.equal(activeDefence.assessed, 0);
    assert.equal(activeDefence.conformanceRate, null, 'nothing applicable assessed: no rate');

    assert.equal(score.overall.total, 30);
    assert.equal(score.overall.assessed, 8);
    assert.equal(score.overall.applicable, 7);
    assert.equal(score.overall.conformanceRate, 0.5714);
    assert.equal(
      score.chapters.reduce((n, c) => n + c.total, 0),
      score.overall.total,
    );
  });

  it('lists 不符合 and 部分符合 items as findings in catalog order, with provenance', () => {
    const score = scoreCapabilityEvaluation(catalog, bankResults());
    assert.deepEqual(
      score.findings.map((f) => [f.requirementId, f.result, f.provenanceStatus]),
      [
        ['6.2', 'partial', 'derived'],
        ['7.3', 'non_compliant', 'unverified'],
        ['7.9-j', 'non_compliant', 'confirmed'],
      ],
    );
    assert.equal(score.findings[2]?.clauseId, '7.9');
    assert.equal(score.findings[2]?.chapterId, '7');
  });

  it('ignores results for ids outside the catalog and reports them', () => {
    const results = bankResults();
    results.set('8.1.4.1-a', 'compliant');
    results.set('7.9-a', 'compliant');
    const score = scoreCapabilityEvaluation(catalog, results);
    assert.deepEqual(score.unknownRequirementIds, ['7.9-a', '8.1.4.1-a']);
    assert.equal(score.overall.assessed, 8);
  });

  it('an empty evaluation is all 未评 and has no rate', () => {
    const score = scoreCapabilityEvaluation(catalog, new Map());
    assert.equal(score.overall.counts.not_assessed, 30);
    assert.equal(score.overall.conformanceRate, null);
    assert.equal(score.findings.length, 0);
    assert.equal(score.overall.complete, false);
  });

  it('a complete evaluation where everything conforms scores 1', () => {
    const all = new Map<string, ItemResult>(catalog.requirements.map((r) => [r.id, 'compliant']));
    const score = scoreCapabilityEvaluation(catalog, all);
    assert.equal(score.overall.conformanceRate, 1);
    assert.equal(score.overall.weightedRate, 1);
    assert.ok(score.chapters.every((c) => c.complete));
  });
});
