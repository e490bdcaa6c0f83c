import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { INCIDENT_TYPES } from '../shared/data-security-schemas';
import {
  DEFAULT_INCIDENT_GRADING_FILE,
  loadIncidentGrading,
  shippedIncidentCriteria,
  shippedIncidentGrading,
  validateIncidentGrading,
} from './incident-grading';
import { findProvision, loadKnowledgeBase } from './knowledge-base';

const TEXT = readFileSync(DEFAULT_INCIDENT_GRADING_FILE, 'utf8');

function problemsOf(text: string): string[] {
  const result = validateIncidentGrading({ file: 'criteria.yaml', text });
  assert.equal(result.ok, false, 'expected the edited data to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

describe('incident grading criteria (annex of the 2025 incident-reporting Measures)', () => {
  it('load, versioned, every grade present', () => {
    const result = loadIncidentGrading();
    if (!result.ok) assert.fail(result.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
    assert.equal(result.catalog.changelog[0]?.version, result.catalog.version);
    const grades = new Set(result.catalog.criteria.map((c) => c.grade));
    assert.deepEqual([...grades].sort(), ['especially_major', 'general', 'large', 'major']);
  });

  it('the top tier and the PI counts are the final 2025 text and confirmed; the rest of the lower tiers is the 2023 draft, unverified', () => {
    const finalBelowTop = new Set(['ma-pi-10m', 'la-pi-1m', 'la-important-data']);
    for (const c of shippedIncidentCriteria()) {
      if (c.grade === 'especially_major' || finalBelowTop.has(c.id)) {
        assert.equal(c.source, 'final-2025', c.id);
        assert.equal(c.provenance, 'confirmed', c.id);
      } else {
        assert.equal(c.source, 'draft-2023', c.id);
        assert.equal(c.provenance, 'unverified', c.id);
        assert.match(c.textZh, /征求意见稿/, c.id);
      }
    }
  });

  it('carries the thresholds of the annex (以上: inclusive)', () => {
    const at = (id: string) => shippedIncidentCriteria().find((c) => c.id === id)?.measure;
    assert.deepEqual(at('em-pi-100m'), { key: 'piLeakedIndividuals', atLeast: 100_000_000 });
    assert.deepEqual(at('em-cii-whole-6h'), { key: 'ciiWholeOutageMinutes', atLeast: 360 });
    assert.deepEqual(at('em-loss-100m'), { key: 'economicLossYuan', atLeast: 100_000_000 });
    assert.deepEqual(at('ma-pi-10m'), { key: 'piLeakedIndividuals', atLeast: 10_000_000 });
    assert.deepEqual(at('la-pi-1m'), { key: 'piLeakedIndividuals', atLeast: 1_000_000 });
    assert.deepEqual(at('la-cii-whole-30min'), { key: 'ciiWholeOutageMinutes', atLeast: 30 });
    assert.deepEqual(at('la-loss-5m'), { key: 'economicLossYuan', atLeast: 5_000_000 });
    assert.equal(at('em-core-important-data'), null);
  });

  it('every criterion cites the annex, which the knowledge base holds', () => {
    const kb = loadKnowledgeBase();
    assert.ok(kb.ok);
    if (!kb.ok) return;
    for (const c of shippedIncidentCriteria()) {
      assert.deepEqual(c.citation, {
        instrumentId: 'cac-incident-reporting-2025',
        provisionId: 'annex',
      });
      assert.ok(findProvision(kb.kb, c.citation), c.id);
    }
  });

  it('names every incident class of GB/T 20986-2023 once, marked unverified', () => {
    const catalog = shippedIncidentGrading();
    assert.deepEqual(
      catalog.types.map((t) => t.id),
      [...INCIDENT_TYPES],
    );
    assert.equal(catalog.typesProvenance, 'unverified');
    assert.equal(catalog.types.find((t) => t.id === 'data_security')?.nameZh, '数据安全事件');
  });

  it('refuses a lower tier whose threshold is not below the higher one, with path and line', () => {
    const edited = TEXT.replace(
      'measure: { key: piLeakedIndividuals, atLeast: 1000000 }',
      'measure: { key: piLeakedIndividuals, atLeast: 20000000 }',
    );
    const problems = problemsOf(edited);
    assert.ok(
      problems.some((p) => /criteria\[\d+\]\.measure\.atLeast: piLeakedIndividuals/.test(p)),
      problems.join('\n'),
    );
  });

  it('refuses a draft criterion marked confirmed and a duplicate id', () => {
    const edited = TEXT.replace(
      /(id: la-loss-5m[\s\S]*?provenance: )unverified/,
      '$1confirmed',
    ).replace('id: la-other', 'id: la-loss-5m');
    const problems = problemsOf(edited);
    assert.ok(
      problems.some((p) => /cannot be confirmed/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /listed twice/.test(p)),
      problems.join('\n'),
    );
  });

  it('refuses a missing incident class', () => {
    const edited = TEXT.replace(/\n {2}- \{ id: force_majeure[^\n]*/, '');
    const problems = problemsOf(edited);
    assert.ok(
      problems.some((p) => /force_majeure has no names/.test(p)),
      problems.join('\n'),
    );
  });
});
