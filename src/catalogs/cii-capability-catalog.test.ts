import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  loadCiiCapabilityCatalog,
  loadCiiCapabilityCatalogFrom,
  validateCiiCapabilityCatalog,
} from './cii-capability-catalog';
import type { CapabilityProvenance } from './cii-capability-catalog.schema';
import { readYamlDirectory, type YamlSource } from './validate';
import { DEFAULT_CII_CAPABILITY_DIR } from './cii-capability-catalog';

const catalog = loadCiiCapabilityCatalog();

/**
 * Clauses and assessable requirements per chapter. A change here is a change to the catalog's
 * structure and to every evaluation's denominator: say so where the change is described.
 */
const EXPECTED: Record<string, { clauses: number; requirements: number }> = {
  '6': { clauses: 4, requirements: 4 },
  '7': { clauses: 9, requirements: 11 },
  '8': { clauses: 3, requirements: 3 },
  '9': { clauses: 4, requirements: 4 },
  '10': { clauses: 4, requirements: 4 },
  '11': { clauses: 4, requirements: 4 },
};

function shippedSources(): YamlSource[] {
  const read = readYamlDirectory(DEFAULT_CII_CAPABILITY_DIR);
  assert.ok(read.ok);
  return [...read.sources];
}

describe('GB/T 39204-2022 capability catalog', () => {
  it('has the six activities as chapters 6–11 with the expected counts', () => {
    assert.deepEqual(
      catalog.chapters.map((c) => [c.id, c.key]),
      [
        ['6', 'identification'],
        ['7', 'protection'],
        ['8', 'detection_evaluation'],
        ['9', 'monitoring_warning'],
        ['10', 'active_defence'],
        ['11', 'incident_handling'],
      ],
    );
    for (const chapter of catalog.chapters) {
      assert.deepEqual(
        { clauses: chapter.clauses.length, requirements: chapter.requirements.length },
        EXPECTED[chapter.id],
        `chapter ${chapter.id}`,
      );
    }
    assert.equal(catalog.requirements.length, 30);
    assert.equal(catalog.standard.effectiveFrom, '2023-05-01');
    assert.equal(catalog.standard.principles.items.length, 3);
  });

  it('uses the standard clause ids, each once', () => {
    const ids = catalog.chapters.flatMap((c) =>
      c.clauses.flatMap((cl) => [cl.id, ...(cl.items ?? []).map((i) => i.id)]),
    );
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('6.1'));
    assert.ok(ids.includes('7.9-j'));
    assert.ok(ids.includes('10.1'));
    for (const r of catalog.requirements) assert.equal(catalog.requirementsById.get(r.id), r);
  });

  it('gives every node and key point a provenance with sources and a note', () => {
    const all: CapabilityProvenance[] = [catalog.standard.provenance];
    for (const chapter of catalog.chapters) {
      all.push(chapter.provenance);
      for (const clause of chapter.clauses) {
        all.push(clause.provenance, ...(clause.keyPoints ?? []).map((k) => k.provenance));
        for (const item of clause.items ?? []) all.push(item.provenance);
      }
    }
    const known = new Set(Object.keys(catalog.standard.sources));
    for (const p of all) {
      assert.ok(p.sources.length > 0 && p.sources.every((s) => known.has(s)));
      assert.ok(p.note.zh.length > 0 && p.note.en.length > 0);
    }
    // What the research could source: 7.9 with f) and j); the rest is flagged.
    assert.deepEqual(catalog.provenanceCounts.nodes, { confirmed: 3, derived: 9, unverified: 24 });
    assert.deepEqual(catalog.provenanceCounts.keyPoints, {
      confirmed: 3,
      derived: 0,
      unverified: 0,
    });
    const confirmed = catalog.requirements
      .filter((r) => r.provenance.status === 'confirmed')
      .map((r) => r.id);
    assert.deepEqual(confirmed, ['7.9', '7.9-f', '7.9-j']);
  });

  it('loads from the files and is cached once shipped', () => {
    // Speed is measured in bench/catalog.ts, not asserted here.
    const result = loadCiiCapabilityCatalogFrom();
    assert.ok(result.ok);
    assert.equal(loadCiiCapabilityCatalog(), catalog, 'the shipped catalog is cached');
  });

  it('is stable: the same files give the same hash', () => {
    const again = validateCiiCapabilityCatalog(shippedSources());
    assert.ok(again.ok);
    assert.equal(again.catalog.sourceHash, catalog.sourceHash);
  });
});

describe('capability catalog validation names file, path and line', () => {
  const withFile = (file: string, text: string): YamlSource[] => [
    ...shippedSources(),
    { file, text },
  ];

  it('rejects a schema error with its line', () => {
    const result = validateCiiCapabilityCatalog(
      withFile(
        'zz-bad.yaml',
        [
          'kind: chapter',
          "id: '6'",
          'key: identification',
          'title: { zh: 分析识别, en: x }',
          'summary: { zh: 摘要, en: summary }',
          'provenance: { status: derived, sources: [P-39204], note: { zh: 注, en: note } }',
          'clauses:',
          "  - id: '6.9'",
          '    title: { zh: 标题, en: title }',
          '    summary: { zh: 摘要, en: summary }',
          '    assessable: maybe',
          '    evidence: [{ zh: 证据, en: evidence }]',
          '    provenance: { status: guessed, sources: [P-39204], note: { zh: 注, en: note } }',
          '',
        ].join('\n'),
      ),
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    const assessable = result.problems.find((p) => p.path === 'clauses[0].assessable');
    assert.equal(assessable?.file, 'zz-bad.yaml');
    assert.equal(assessable?.line, 11);
    const status = result.problems.find((p) => p.path === 'clauses[0].provenance.status');
    assert.equal(status?.line, 13);
  });

  it('rejects duplicates, misplaced ids, unknown sources and YAML syntax errors', () => {
    const result = validateCiiCapabilityCatalog(
      withFile(
        'zz-dup.yaml',
        [
          'kind: chapter',
          "id: '8'",
          'key: active_defence',
          'title: { zh: 检测评估, en: x }',
          'summary: { zh: 摘要, en: summary }',
          'provenance: { status: derived, sources: [NOPE], note: { zh: 注, en: note } }',
          'clauses:',
          "  - id: '9.1'",
          '    title: { zh: 标题, en: title }',
          '    summary: { zh: 摘要, en: summary }',
          '    assessable: false',
          '    evidence: [{ zh: 证据, en: evidence }]',
          '    provenance: { status: unverified, sources: [P-39204], note: { zh: 注, en: note } }',
          '',
        ].join('\n'),
      ).concat([{ file: 'zz-syntax.yaml', text: 'kind: chapter\nid: [\n' }]),
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    const messages = result.problems.map(
      (p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`,
    );
    const has = (re: RegExp) =>
      assert.ok(
        messages.some((m) => re.test(m)),
        messages.join('\n'),
      );
    has(/^zz-dup\.yaml:3 key chapter 8 has the key detection_evaluation/);
    has(/^zz-dup\.yaml:2 id chapter 8 is also in 08-detection-evaluation\.yaml/);
    has(/^zz-syntax\.yaml:\d+ .*YAML syntax error/);
  });

  it('checks ids, sources and assessability inside a chapter file', () => {
    const sources = shippedSources().map((s) =>
      s.file === '09-monitoring-warning.yaml'
        ? {
            ...s,
            text: s.text
              .replace("- id: '9.2'", "- id: '8.2'")
              .replace(
                'sources: [P-39204-4HOU]\n      note:\n        zh: “提前',
                'sources: [NOPE]\n      note:\n        zh: “提前',
              )
              .replace(
                'assessable: true\n    evidence:\n      - { zh: 情报',
                'assessable: false\n    evidence:\n      - { zh: 情报',
              ),
          }
        : s,
    );
    const result = validateCiiCapabilityCatalog(sources);
    assert.equal(result.ok, false);
    if (result.ok) return;
    const messages = result.problems.map(
      (p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`,
    );
    const has = (re: RegExp) =>
      assert.ok(
        messages.some((m) => re.test(m)),
        messages.join('\n'),
      );
    has(/^09-monitoring-warning\.yaml:\d+ clauses\[1\]\.id duplicate id 8\.2 \(first in 08-/);
    has(/^09-monitoring-warning\.yaml:\d+ clauses\[1\]\.id clause 8\.2 is not in chapter 9/);
    has(
      /^09-monitoring-warning\.yaml:\d+ clauses\[2\]\.provenance\.sources\[0\] unknown source key "NOPE"/,
    );
    has(/^09-monitoring-warning\.yaml:\d+ clauses\[3\]\.assessable clause 9\.4 has no items/);
  });

  it('reports a missing directory as a problem, not an exception', () => {
    const result = loadCiiCapabilityCatalogFrom('/nonexistent/gbt39204');
    assert.equal(result.ok, false);
  });
});

describe('capability catalog version and content hash', () => {
  const base = validateCiiCapabilityCatalog(shippedSources());
  assert.ok(base.ok);
  const edit = (change: (text: string) => string) =>
    validateCiiCapabilityCatalog(
      shippedSources().map((s) =>
        s.file === '00-standard.yaml' ? { ...s, text: change(s.text) } : s,
      ),
    );

  it('carries a version whose newest changelog entry matches', () => {
    assert.match(base.catalog.standard.version, /^\d{4}\.\d+\.\d+$/);
    assert.equal(base.catalog.standard.changelog[0]?.version, base.catalog.standard.version);
    const wrong = edit((t) => t.replace(/^version: .*$/m, 'version: 2099.1.0'));
    assert.equal(wrong.ok, false);
  });

  it('a comment or layout change keeps the hash; a data change alters it', () => {
    const commented = edit(
      (t) => `# added comment\n${t.replace('kind: standard', 'kind:   standard  # note')}`,
    );
    assert.ok(commented.ok);
    assert.equal(commented.catalog.sourceHash, base.catalog.sourceHash);
    const changed = edit((t) =>
      t.replace("effectiveFrom: '2023-05-01'", "effectiveFrom: '2023-05-02'"),
    );
    assert.ok(changed.ok);
    assert.notEqual(changed.catalog.sourceHash, base.catalog.sourceHash);
  });
});
