import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertCitationsExist, loadKnowledgeBase } from '../../catalogs/knowledge-base';
import { GRADING_CITATIONS } from '../mlps/grading';
import { gradingWarnings } from '../mlps/grading-warnings';
import { OBLIGATION_RULES } from './evaluate';

it('every rule and warning cites only what the knowledge base holds', () => {
  const kb = loadKnowledgeBase();
  assert.ok(kb.ok, JSON.stringify(!kb.ok && kb.problems));
  const warnings = gradingWarnings({
    types: ['cloud_platform', 'big_data_platform'],
    level: 1,
    isCii: true,
    carriedLevels: [{ systemId: 'x', name: 'x', level: 3 }],
  });
  const cited = [
    ...OBLIGATION_RULES.flatMap((r) => r.citations),
    ...GRADING_CITATIONS,
    ...warnings.flatMap((w) => w.citations),
  ];
  assert.equal(warnings.length, 3);
  assert.deepEqual(assertCitationsExist(kb.kb, cited), []);
});
