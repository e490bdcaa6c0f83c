import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadKnowledgeBase } from './knowledge-base';
import { renderSourcesDoc, SOURCES_DOC_PATH } from './sources-doc';

describe('docs/sources.md', () => {
  const rendered = renderSourcesDoc();

  it('is up to date with the catalogs (run `npx tsx scripts/generate-sources.ts`)', () => {
    assert.equal(readFileSync(SOURCES_DOC_PATH, 'utf8'), rendered);
  });

  it('lists every instrument of the knowledge base with its number and official URL when known', () => {
    const kb = loadKnowledgeBase();
    assert.ok(kb.ok);
    for (const i of kb.kb.instruments) {
      assert.ok(rendered.includes(`\`${i.id}\``), i.id);
      if (i.officialUrl) assert.ok(rendered.includes(i.officialUrl), i.id);
      if (i.documentNumber) assert.ok(rendered.includes(i.documentNumber), i.id);
    }
  });

  it('cites nothing outside the repository', () => {
    assert.doesNotMatch(rendered, /facts\.md|shared\/domain|\.\.\/shared/);
  });
});
