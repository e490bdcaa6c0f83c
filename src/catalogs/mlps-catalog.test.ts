import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { catalogCountsMarkdown, catalogSummary } from '../app/catalog-queries';
import {
  catalogContentHash,
  catalogSourceHash,
  COMPILED_MLPS_CATALOG,
  DEFAULT_MLPS_CATALOG_DIR,
  loadMlpsCatalog,
  validateMlpsCatalog,
} from './mlps-catalog';
import type { MlpsCatalog } from './mlps-catalog.model';
import { readYamlDirectory } from './validate';

/** The shipped catalog header (version, changelog), which every valid catalog needs. */
const HEADER = {
  file: '00-catalog.yaml',
  text: readFileSync(`${DEFAULT_MLPS_CATALOG_DIR}00-catalog.yaml`, 'utf8'),
};

const loaded = loadMlpsCatalog();
const catalog: MlpsCatalog | undefined = loaded.ok ? loaded.catalog : undefined;

/**
 * Items per level × extension × category. The level-3 general and cloud rows are the figures of
 * the level-3 workbooks (WB-L3) and GB/T 22239-2019 Annex B (71 control points, 211 items; 46 cloud items); the others are
 * established from the standard's structure as recorded in the README, which states them with
 * their sources. A change here is a change to the README table.
 */
const EXPECTED: Record<string, { items: number; controlPoints: number; byCategory: object }> = {
  'L1 general': {
    items: 55,
    controlPoints: 42,
    byCategory: { PES: 7, CNS: 2, ABS: 5, CES: 11, PSS: 1, ORS: 3, HRS: 4, CMS: 9, MMS: 13 },
  },
  'L1 cloud': { items: 2, controlPoints: 2, byCategory: { PES: 1, ABS: 1 } },
  'L2 general': {
    items: 135,
    controlPoints: 68,
    byCategory: {
      PES: 15,
      CNS: 4,
      ABS: 11,
      CES: 23,
      SMC: 4,
      PSS: 6,
      ORS: 9,
      HRS: 7,
      CMS: 25,
      MMS: 31,
    },
  },
  'L2 cloud': {
    items: 28,
    controlPoints: 13,
    byCategory: { PES: 1, CNS: 3, ABS: 7, CES: 11, CMS: 5, MMS: 1 },
  },
  'L2 mobile': { items: 14, controlPoints: 7, byCategory: { PES: 1, ABS: 7, CES: 2, CMS: 4 } },
  'L2 iot': { items: 7, controlPoints: 4, byCategory: { PES: 2, ABS: 3, MMS: 2 } },
  'L2 ics': { items: 15, controlPoints: 9, byCategory: { PES: 2, CNS: 4, ABS: 5, CES: 2, CMS: 2 } },
  'L3 general': {
    items: 211,
    controlPoints: 71,
    byCategory: {
      PES: 22,
      CNS: 8,
      ABS: 20,
      CES: 34,
      SMC: 12,
      PSS: 7,
      ORS: 14,
      HRS: 12,
      CMS: 34,
      MMS: 48,
    },
  },
  'L3 cloud': {
    items: 46,
    controlPoints: 16,
    byCategory: { PES: 1, CNS: 5, ABS: 8, CES: 19, SMC: 4, CMS: 8, MMS: 1 },
  },
  'L3 mobile': {
    items: 19,
    controlPoints: 9,
    byCategory: { PES: 1, ABS: 8, CES: 5, CMS: 4, MMS: 1 },
  },
  'L3 iot': { items: 20, controlPoints: 8, byCategory: { PES: 4, ABS: 3, CES: 10, MMS: 3 } },
  'L3 ics': { items: 21, controlPoints: 9, byCategory: { PES: 2, CNS: 4, ABS: 8, CES: 5, CMS: 2 } },
  'L3 big_data': {
    items: 24,
    controlPoints: 5,
    byCategory: { PES: 1, CNS: 2, CES: 14, CMS: 3, MMS: 4 },
  },
  'L4 general': {
    items: 228,
    controlPoints: 71,
    byCategory: {
      PES: 24,
      CNS: 11,
      ABS: 21,
      CES: 36,
      SMC: 13,
      PSS: 7,
      ORS: 15,
      HRS: 14,
      CMS: 35,
      MMS: 52,
    },
  },
  'L4 cloud': {
    items: 49,
    controlPoints: 16,
    byCategory: { PES: 1, CNS: 8, ABS: 8, CES: 19, SMC: 4, CMS: 8, MMS: 1 },
  },
  'L4 mobile': {
    items: 21,
    controlPoints: 9,
    byCategory: { PES: 1, ABS: 8, CES: 7, CMS: 4, MMS: 1 },
  },
  'L4 iot': { items: 21, controlPoints: 8, byCategory: { PES: 4, ABS: 3, CES: 11, MMS: 3 } },
  'L4 ics': { items: 22, controlPoints: 9, byCategory: { PES: 2, CNS: 4, ABS: 9, CES: 5, CMS: 2 } },
};

describe('GB/T 22239-2019 catalog', () => {
  it('loads and validates with no problems', () => {
    assert.deepEqual(loaded.ok ? [] : loaded.problems, []);
  });

  it('has the counts the README states, per level, extension and category', () => {
    assert.ok(catalog);
    const summary = catalogSummary(catalog);
    const actual = Object.fromEntries(
      summary.counts.map((c) => [
        `L${c.level} ${c.extension}`,
        { items: c.items, controlPoints: c.controlPoints, byCategory: c.byCategory },
      ]),
    );
    for (const [key, expected] of Object.entries(EXPECTED)) {
      assert.deepEqual(actual[key], expected, key);
    }
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(EXPECTED).sort());
  });

  it('the README states the same counts (update it from `dengbao catalog summary --markdown`)', () => {
    assert.ok(catalog);
    assert.ok(
      readFileSync('README.md', 'utf8').includes(catalogCountsMarkdown(catalogSummary(catalog))),
    );
  });

  it('level 3 general technical items carry the GB/T 28448 ids, with no L3-CES1-16', () => {
    assert.ok(catalog);
    const ids = catalog.requirements
      .filter((r) => r.extension === 'general')
      .flatMap((r) => r.levels.filter((e) => e.level === 3 && e.testId).map((e) => e.testId!));
    assert.equal(ids.length, 96, 'every level-3 technical item has its test id');
    assert.ok(!ids.includes('L3-CES1-16'));
    const ces = ids.filter((id) => id.startsWith('L3-CES1-')).sort();
    assert.equal(ces.length, 34);
    assert.equal(ces[0], 'L3-CES1-01');
    assert.equal(ces.at(-1), 'L3-CES1-35');
  });

  it('level 3 general items carry the observed weights (39 × 1.0, 107 × 0.7, 65 × 0.4)', () => {
    assert.ok(catalog);
    const weights = catalog.requirements
      .filter((r) => r.extension === 'general')
      .flatMap((r) => r.levels.filter((e) => e.level === 3).map((e) => e.weight?.value));
    const count = (w: number | undefined) => weights.filter((x) => x === w).length;
    assert.deepEqual([count(1), count(0.7), count(0.4), count(undefined)], [39, 107, 65, 0]);
  });

  it('has every high-risk case (81: 42 general, 16 cloud, 10 mobile, 4 IoT, 9 ICS) linked to requirements', () => {
    assert.ok(catalog);
    const summary = catalogSummary(catalog);
    assert.equal(summary.highRiskCases, 81);
    assert.deepEqual(summary.highRiskCasesByExtension, {
      general: 42,
      cloud: 16,
      mobile: 10,
      iot: 4,
      ics: 9,
    });
    for (const c of catalog.highRiskCases) {
      assert.ok(c.requirements.length > 0, c.id);
      for (const id of c.requirements)
        assert.ok(catalog.requirementById.has(id), `${c.id} → ${id}`);
    }
    // A case must apply at a level where its requirement exists.
    for (const c of catalog.highRiskCases) {
      const levels = c.requirements.flatMap(
        (id) => catalog.requirementById.get(id)?.levels.map((e) => e.level) ?? [],
      );
      assert.ok(
        levels.some((l) => l >= c.minLevel),
        `${c.id}: no linked requirement exists at level ${c.minLevel} or above`,
      );
    }
  });

  it('has the 32 major-risk triggers A-01 … A-32, each pointing at existing records', () => {
    assert.ok(catalog);
    assert.deepEqual(
      catalog.majorRiskTriggers.map((t) => t.id),
      Array.from({ length: 32 }, (_, i) => `A-${String(i + 1).padStart(2, '0')}`),
    );
    const caseIds = new Set(catalog.highRiskCases.map((c) => c.id));
    for (const t of catalog.majorRiskTriggers) {
      for (const id of t.requirements)
        assert.ok(catalog.requirementById.has(id), `${t.id} → ${id}`);
      for (const id of t.highRiskCases) assert.ok(caseIds.has(id), `${t.id} → case ${id}`);
      if (t.category !== 'comprehensive') assert.ok(t.requirements.length > 0, t.id);
    }
  });

  it('writes every node in Chinese and English, as our own short summaries', () => {
    assert.ok(catalog);
    const cjk = /[\u4e00-\u9fff]/;
    const problems: string[] = [];
    for (const r of catalog.requirements) {
      const texts = [
        r.title,
        r.summary,
        ...r.evidence,
        ...r.levels.flatMap((e) => e.wording ?? []),
      ];
      for (const t of texts) {
        if (!cjk.test(t.zh)) problems.push(`${r.id}: zh text without Chinese: ${t.zh}`);
        if (cjk.test(t.en)) problems.push(`${r.id}: en text with Chinese: ${t.en}`);
      }
      // The standard's sentences start with 应 (shall) or 可 (may); ours paraphrase.
      if (/^[应可]/.test(r.summary.zh))
        problems.push(`${r.id}: zh summary reads like the standard`);
      if ([...r.summary.zh].length > 80) problems.push(`${r.id}: zh summary over 80 characters`);
      if ([...r.title.zh].length > 20) problems.push(`${r.id}: zh title over 20 characters`);
      if (r.summary.zh === r.title.zh) problems.push(`${r.id}: summary repeats the title`);
    }
    for (const cp of catalog.controlPoints) {
      if (!cjk.test(cp.title.zh) || cjk.test(cp.title.en)) problems.push(`${cp.id}: title`);
    }
    assert.deepEqual(problems, []);
  });

  it('keeps ids stable: the id list matches the committed snapshot', () => {
    assert.ok(catalog);
    // Regenerate deliberately with UPDATE_CATALOG_SNAPSHOT=1 when the catalog is renumbered.
    const file = new URL('./mlps-catalog.ids.txt', import.meta.url);
    const lines = [
      ...catalog.controlPoints.map(
        (cp) =>
          `${cp.extension} ${cp.id} levels=${Object.keys(cp.clauses).join('')} ${cp.title.zh}`,
      ),
      ...catalog.requirements.map(
        (r) => `${r.extension} ${r.id} levels=${r.levels.map((e) => e.level).join('')}`,
      ),
      ...catalog.highRiskCases.map((c) => `high-risk ${c.id} → ${c.requirements.join(' ')}`),
      ...catalog.majorRiskTriggers.map((t) => `trigger ${t.id} → ${t.requirements.join(' ')}`),
    ];
    const text = `${lines.join('\n')}\n`;
    if (process.env.UPDATE_CATALOG_SNAPSHOT === '1') writeFileSync(file, text);
    assert.equal(text, readFileSync(file, 'utf8'));
  });

  it('the pre-parsed copy read at start-up is fresh and equals the YAML (`dengbao catalog compile`)', () => {
    assert.ok(catalog);
    const read = readYamlDirectory(DEFAULT_MLPS_CATALOG_DIR);
    assert.ok(read.ok);
    const sources = read.sources;
    const compiled = JSON.parse(readFileSync(COMPILED_MLPS_CATALOG, 'utf8')) as {
      sourceHash: string;
    };
    assert.equal(
      compiled.sourceHash,
      catalogSourceHash(sources),
      'run `npx dengbao catalog compile`',
    );
    const fromYaml = validateMlpsCatalog(sources);
    assert.ok(fromYaml.ok);
    assert.deepEqual(fromYaml.catalog.requirements, catalog.requirements);
    assert.deepEqual(fromYaml.catalog.highRiskCases, catalog.highRiskCases);
  });

  it('ids are unique across control points, requirements and triggers', () => {
    assert.ok(catalog);
    const ids = [
      ...catalog.controlPoints.map((c) => c.id),
      ...catalog.requirements.map((r) => r.id),
      ...catalog.majorRiskTriggers.map((t) => t.id),
    ];
    assert.equal(new Set(ids).size, ids.length);
  });
});

describe('catalog validation reports every problem with file, path and line', () => {
  const good = `kind: requirements
extension: general
coverage:
  '1': { status: missing }
  '2': { status: sourced }
  '3': { status: sourced }
  '4': { status: missing }
sources:
  HR-TABLE: { zh: 测试来源, en: test source }
controlPoints:
  - id: '8.1.1.2'
    category: PES
    title: { zh: 物理访问控制, en: Physical access control }
    clauses: { '2': '7.1.1.2', '3': '8.1.1.2' }
    provenance: { status: derived, sources: [HR-TABLE] }
    requirements:
      - id: '8.1.1.2-a'
        title: { zh: 机房出入口电子门禁, en: Electronic access control }
        summary: { zh: 机房出入口装电子门禁并记录进出人员。, en: Electronic access control that logs entry. }
        methods: [inspect]
        evidence: [{ zh: 门禁记录, en: Entry logs }]
        levels:
          - { level: 2, item: a }
          - { level: 3, item: a, testId: L3-PES1-03 }
`;

  it('accepts a well-formed file', () => {
    const result = validateMlpsCatalog([HEADER, { file: 'good.yaml', text: good }]);
    assert.deepEqual(result.ok ? [] : result.problems, []);
  });

  it('rejects a wrong id, wrong chapter, wrong test id, cloud field, unknown source and level', () => {
    const bad = good
      .replace("- id: '8.1.1.2-a'", "- id: '8.1.1.2-b'")
      .replace("'2': '7.1.1.2'", "'2': '8.1.1.2'")
      .replace('L3-PES1-03', 'L3-CES1-16')
      .replace('methods: [inspect]', 'methods: [inspect]\n        responsibility: tenant')
      .replace('sources: [HR-TABLE]', 'sources: [NOPE]')
      .replace(
        '- { level: 2, item: a }',
        '- { level: 2, item: a }\n          - { level: 4, item: a }',
      );
    const result = validateMlpsCatalog([HEADER, { file: 'bad.yaml', text: bad }]);
    assert.equal(result.ok, false);
    const problems = result.ok ? [] : result.problems;
    const messages = problems.map((p) => `${p.path}: ${p.message}`);
    const expectProblem = (path: string, fragment: string) =>
      assert.ok(
        problems.some(
          (p) => p.file === 'bad.yaml' && p.path === path && p.message.includes(fragment) && p.line,
        ),
        `expected ${path} ~ ${fragment} in:\n${messages.join('\n')}`,
      );
    expectProblem('controlPoints[0].requirements[0].id', 'expected 8.1.1.2-a');
    expectProblem('controlPoints[0].clauses["2"]', 'expected 7.1.');
    expectProblem('controlPoints[0].requirements[0].levels[2].testId', 'L3-PES1-');
    expectProblem('controlPoints[0].requirements[0].levels[2].testId', 'does not exist');
    expectProblem('controlPoints[0].requirements[0].responsibility', 'cloud requirements only');
    expectProblem('controlPoints[0].provenance', '"NOPE"');
    expectProblem('controlPoints[0].requirements[0].levels[1].level', 'no clause for level 4');
  });

  it('reports dangling references from guide cases and duplicate ids across files', () => {
    const guide = `kind: high-risk-guide
title: { zh: 指引, en: Guide }
sources: { HR-GUIDE: { zh: 测试, en: test } }
cases:
  - id: '6.1.1.1'
    extension: general
    title: { zh: 机房无门禁, en: No access control }
    requirements: ['8.1.1.2-a', '8.1.1.9-z']
    minLevel: 3
    conditions: []
    symptoms: [{ zh: 无门禁, en: None }]
    mitigations: []
    provenance: { status: confirmed, sources: [HR-GUIDE] }
`;
    const result = validateMlpsCatalog([
      HEADER,
      { file: 'a.yaml', text: good },
      { file: 'b.yaml', text: good },
      { file: 'guide.yaml', text: guide },
    ]);
    assert.equal(result.ok, false);
    const problems = result.ok ? [] : result.problems;
    assert.ok(
      problems.some(
        (p) =>
          p.file === 'guide.yaml' &&
          p.path === 'cases[0].requirements[1]' &&
          p.message.includes('8.1.1.9-z') &&
          p.line === 8,
      ),
      JSON.stringify(problems),
    );
    assert.ok(problems.some((p) => p.file === 'b.yaml' && p.message.includes('duplicate id')));
  });

  it('reports YAML syntax errors and schema errors with lines', () => {
    const result = validateMlpsCatalog([
      HEADER,
      { file: 'syntax.yaml', text: 'kind: requirements\n  extension: [general\n' },
      { file: 'schema.yaml', text: good.replace('category: PES', 'category: XYZ') },
    ]);
    assert.equal(result.ok, false);
    const problems = result.ok ? [] : result.problems;
    assert.ok(problems.some((p) => p.file === 'syntax.yaml' && p.line !== undefined));
    assert.ok(
      problems.some(
        (p) => p.file === 'schema.yaml' && p.path === 'controlPoints[0].category' && p.line === 12,
      ),
    );
  });
});

describe('catalog version and content hash', () => {
  const read = readYamlDirectory(DEFAULT_MLPS_CATALOG_DIR);
  assert.ok(read.ok);
  const sources = read.sources;

  it('carries a version whose newest changelog entry matches', () => {
    assert.ok(catalog);
    assert.match(catalog.version, /^\d{4}\.\d+\.\d+$/);
    assert.equal(catalog.changelog[0]?.version, catalog.version);
  });

  it('the compiled copy records the same content hash as the YAML gives', () => {
    const compiled = JSON.parse(readFileSync(COMPILED_MLPS_CATALOG, 'utf8')) as {
      contentHash: string;
    };
    const fromYaml = validateMlpsCatalog(sources);
    assert.ok(fromYaml.ok && catalog);
    assert.equal(compiled.contentHash, fromYaml.catalog.sourceHash);
    assert.equal(catalog.sourceHash, fromYaml.catalog.sourceHash);
  });

  it('a comment or layout change keeps the hash; a data change alters it', () => {
    const base = validateMlpsCatalog(sources);
    assert.ok(base.ok);
    const target = sources.findIndex((s) => s.file === 'general-technical.yaml');
    const edit = (text: string) => sources.map((s, i) => (i === target ? { ...s, text } : s));
    const original = sources[target]?.text ?? '';

    const commented = validateMlpsCatalog(
      edit(
        `# an added comment\n${original.replace(/^kind: requirements$/m, 'kind:    requirements   # and another')}`,
      ),
    );
    assert.ok(commented.ok);
    assert.equal(commented.catalog.sourceHash, base.catalog.sourceHash);
    // The compiled copy's freshness key does see the edit (it must be rebuilt), the version hash does not.
    assert.notEqual(catalogSourceHash(edit(`# x\n${original}`)), catalogSourceHash(sources));

    const changed = validateMlpsCatalog(edit(original.replace('机房出入口', '机房的出入口')));
    assert.ok(changed.ok, changed.ok ? '' : JSON.stringify(changed.problems.slice(0, 2)));
    assert.notEqual(changed.catalog.sourceHash, base.catalog.sourceHash);
    assert.equal(
      catalogContentHash([{ file: 'a', data: { x: 1, y: [1, 2] } }]),
      catalogContentHash([{ file: 'a', data: { y: [1, 2], x: 1 } }]),
    );
  });

  it('requires exactly one header file', () => {
    const without = validateMlpsCatalog(sources.filter((s) => s.file !== '00-catalog.yaml'));
    assert.equal(without.ok, false);
    if (!without.ok) assert.match(without.problems[0]?.message ?? '', /header file/);
    const twice = validateMlpsCatalog([...sources, { ...HEADER, file: 'zz-catalog.yaml' }]);
    assert.equal(twice.ok, false);
  });
});
