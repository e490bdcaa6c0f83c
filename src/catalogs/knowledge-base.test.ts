import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  assertCitationsExist,
  DEFAULT_KNOWLEDGE_BASE_DIR,
  findProvision,
  loadKnowledgeBase,
  validateKnowledgeBase,
  type KnowledgeBase,
} from './knowledge-base';
import type { Citation } from './knowledge-base.schema';
import type { Problem } from './validate';

/** The version and changelog exactly one knowledge-base file carries. */
const KB_HEADER = [
  'version: 2026.1.0',
  'changelog:',
  '  - { version: 2026.1.0, date: 2026-12-07, changes: test data }',
].join('\n');

/** Citations the obligation rules rely on; each must resolve in the shipped seed. */
const REQUIRED_CITATIONS: Record<string, readonly string[]> = {
  'csl-2016': [
    'art-21',
    'art-25',
    'art-31',
    'art-34',
    'art-35',
    'art-36',
    'art-37',
    'art-38',
    'art-59',
  ],
  'csl-2025': [
    'art-23',
    'art-27',
    'art-61',
    'art-33',
    'art-36',
    'art-37',
    'art-38',
    'art-39',
    'art-40',
  ],
  'crypto-law-2019': ['art-27', 'art-37'],
  'cii-regulations-2021': [
    'art-11',
    'art-14',
    'art-15',
    'art-16',
    'art-17',
    'art-18',
    'art-19',
    'art-20',
    'art-21',
    'art-39',
    'art-40',
    'art-41',
  ],
  'cca-regulations-2023': ['art-38', 'art-39', 'art-41', 'art-60', 'art-62'],
  'oscca-order-3-2023': [
    'art-6',
    'important-systems-scope',
    'pre-launch-assessment',
    'annual-assessment',
  ],
  'mps-mlps-measures-2007': ['art-14', 'art-15', 'art-17'],
  'mps-letter-2025-1846': ['q-1', 'q-2', 'q-3', 'q-6', 'q-11', 'q-20', 'q-21', 'q-22'],
  'mps-guidance-2020-1960': [],
  'gbt-22240-2020': [
    'levels',
    'grading-elements',
    'level-matrix',
    'business-information-level',
    'system-service-level',
    'overall-level',
    'grading-process',
    'expert-review',
    'competent-authority-approval',
    'filing-review',
    'grading-objects',
    'cloud-grading-object',
    'big-data-grading-object',
  ],
  'gbt-22239-2019': [],
  'cac-incident-reporting-2025': ['art-4'],
  'cac-cybersecurity-review-2021': ['art-2', 'art-5'],
  'cac-data-export-assessment-2022': ['art-2', 'art-4'],
  'hr-guide-2020': ['7.2.1.1'],
};

function requiredCitations(): Citation[] {
  return Object.entries(REQUIRED_CITATIONS).flatMap(([instrumentId, provisionIds]) => [
    { instrumentId },
    ...provisionIds.map((provisionId) => ({ instrumentId, provisionId })),
  ]);
}

function shippedKb(): KnowledgeBase {
  const result = loadKnowledgeBase();
  if (!result.ok)
    assert.fail(`shipped knowledge base is invalid:\n${formatProblems(result.problems)}`);
  return result.kb;
}

function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} — ${p.message}`).join('\n');
}

/** 1-based line of the `occurrence`-th line containing `needle`. */
function lineOf(text: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]?.includes(needle)) {
      seen += 1;
      if (seen === occurrence) return i + 1;
    }
  }
  throw new Error(`"${needle}" #${occurrence} not in text`);
}

/** YAML for one instrument with sensible defaults; `fields` override or add top-level keys. */
function instrumentYaml(
  fields: Record<string, string>,
  provisionIds: readonly string[] = ['art-1'],
): string {
  const base: Record<string, string> = {
    id: 'law-x',
    kind: 'law',
    titleZh: '测试法',
    titleEn: 'Test Law',
    issuerZh: '测试机关',
    issuerEn: 'Test issuer',
    documentNumber: 'null',
    promulgatedOn: '2020-01-01',
    effectiveFrom: '2020-06-01',
    effectiveTo: 'null',
    status: 'in_force',
    supersededBy: 'null',
    sourceNote: 'test fixture',
    ...fields,
  };
  const [first, ...rest] = Object.entries(base);
  const lines = [
    `  - ${first?.[0]}: ${first?.[1]}`,
    ...rest.map(([key, value]) => `    ${key}: ${value}`),
  ];
  lines.push('    verification: { status: confirmed, note: fixture }', '    provisions:');
  for (const id of provisionIds) {
    lines.push(
      `      - { id: ${id}, labelZh: 第一条, labelEn: Art. 1, summaryZh: 摘要, summaryEn: Summary, verification: { status: confirmed, note: fixture } }`,
    );
  }
  return lines.join('\n');
}

function findProblem(
  problems: readonly Problem[],
  file: string,
  path: string,
  message: RegExp,
): Problem {
  const found = problems.find((p) => p.file === file && p.path === path && message.test(p.message));
  if (found === undefined) {
    assert.fail(`no problem ${file} ${path} ${message} among:\n${formatProblems(problems)}`);
  }
  return found;
}

describe('shipped knowledge base', () => {
  it('validates without problems', () => {
    const kb = shippedKb();
    assert.ok(kb.instruments.length > 0);
  });

  it('contains every instrument and provision the rules cite', () => {
    assert.deepEqual(assertCitationsExist(shippedKb(), requiredCitations()), []);
  });

  it('records the CSL amendment as a succession', () => {
    const kb = shippedKb();
    const old = kb.instruments.find((i) => i.id === 'csl-2016');
    const amended = kb.instruments.find((i) => i.id === 'csl-2025');
    assert.equal(old?.supersededBy, 'csl-2025');
    assert.equal(old?.effectiveTo, '2025-12-31');
    assert.equal(amended?.effectiveFrom, '2026-01-01');
  });

  it('keeps every summary short (one or two sentences)', () => {
    for (const instrument of shippedKb().instruments) {
      for (const provision of instrument.provisions) {
        assert.ok(
          provision.summaryZh.length <= 220,
          `${instrument.id} ${provision.id} summaryZh is too long`,
        );
        assert.ok(
          provision.summaryEn.length <= 520,
          `${instrument.id} ${provision.id} summaryEn is too long`,
        );
      }
    }
  });
});

describe('findProvision / assertCitationsExist', () => {
  it('finds a provision and reports what is missing', () => {
    const kb = shippedKb();
    assert.equal(
      findProvision(kb, { instrumentId: 'mps-letter-2025-1846', provisionId: 'q-6' })?.labelZh,
      '问题六',
    );
    assert.equal(findProvision(kb, { instrumentId: 'mps-letter-2025-1846' }), undefined);
    assert.equal(
      findProvision(kb, { instrumentId: 'no-such-law', provisionId: 'art-1' }),
      undefined,
    );
    assert.deepEqual(
      assertCitationsExist(kb, [
        { instrumentId: 'csl-2016', provisionId: 'art-21' },
        { instrumentId: 'csl-2016' },
        { instrumentId: 'csl-2016', provisionId: 'art-999' },
        { instrumentId: 'no-such-law' },
      ]),
      [{ instrumentId: 'csl-2016', provisionId: 'art-999' }, { instrumentId: 'no-such-law' }],
    );
  });
});

describe('validateKnowledgeBase on broken documents', () => {
  const a = [
    'instruments:',
    instrumentYaml({ id: 'law-a', status: 'amended', supersededBy: 'law-missing' }, [
      'art-1',
      'art-1',
    ]),
    instrumentYaml({ id: 'law-a' }),
    instrumentYaml({ id: 'law-b', effectiveFrom: '2023-02-30' }),
    instrumentYaml({ id: 'law-c', effectiveFrom: '2021-01-01', effectiveTo: '2020-12-31' }),
    instrumentYaml({ id: 'law-d', colour: 'blue', supersededBy: 'law-a', status: 'superseded' }),
    '',
  ].join('\n');
  const b = ['instruments:', instrumentYaml({ id: 'law-e', titleEn: 'Broken: title' }), ''].join(
    '\n',
  );
  const result = validateKnowledgeBase([
    { file: 'a.yaml', text: a },
    { file: 'b.yaml', text: b },
  ]);
  const problems = result.ok ? [] : result.problems;

  it('fails and reports every problem at once', () => {
    assert.equal(result.ok, false);
    assert.ok(problems.length >= 6, formatProblems(problems));
  });

  it('reports a duplicate instrument id with file, path and line', () => {
    const p = findProblem(
      problems,
      'a.yaml',
      'instruments[1].id',
      /duplicate instrument id "law-a"/,
    );
    assert.equal(p.line, lineOf(a, '- id: law-a', 2));
  });

  it('reports a duplicate provision id within an instrument', () => {
    const p = findProblem(
      problems,
      'a.yaml',
      'instruments[0].provisions[1].id',
      /duplicate provision id "art-1"/,
    );
    assert.equal(p.line, lineOf(a, '{ id: art-1', 2));
  });

  it('reports an impossible date', () => {
    const p = findProblem(problems, 'a.yaml', 'instruments[2].effectiveFrom', /real calendar date/);
    assert.equal(p.line, lineOf(a, 'effectiveFrom: 2023-02-30'));
  });

  it('reports effectiveTo before effectiveFrom', () => {
    const p = findProblem(problems, 'a.yaml', 'instruments[3].effectiveTo', /before effectiveFrom/);
    assert.equal(p.line, lineOf(a, 'effectiveTo: 2020-12-31'));
  });

  it('reports a dangling supersededBy', () => {
    const p = findProblem(
      problems,
      'a.yaml',
      'instruments[0].supersededBy',
      /"law-missing" is not a known instrument id/,
    );
    assert.equal(p.line, lineOf(a, 'supersededBy: law-missing'));
  });

  it('reports an unknown field but still counts the record id as known', () => {
    const p = findProblem(problems, 'a.yaml', 'instruments[4].colour', /unknown field "colour"/);
    assert.equal(p.line, lineOf(a, 'colour: blue'));
    // law-d is invalid, yet nothing points at it, and law-a (which it names) exists: no dangling report.
    assert.equal(
      problems.some((q) => q.path === 'instruments[4].supersededBy'),
      false,
    );
  });

  it('reports a YAML syntax error with its line and skips that file', () => {
    const p = findProblem(problems, 'b.yaml', '', /YAML syntax error/);
    assert.equal(p.line, lineOf(b, 'titleEn: Broken: title'));
    assert.equal(
      problems.filter((q) => q.file === 'b.yaml').length,
      1,
      'only the syntax error is reported for b.yaml',
    );
  });
});

describe('loadKnowledgeBase', () => {
  it('reads every .yaml file of a directory and names problems by file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    try {
      writeFileSync(
        join(dir, '1-good.yaml'),
        [KB_HEADER, 'instruments:', instrumentYaml({ id: 'law-a' }), ''].join('\n'),
      );
      writeFileSync(
        join(dir, '2-dup.yaml'),
        ['instruments:', instrumentYaml({ id: 'law-a' }), ''].join('\n'),
      );
      writeFileSync(join(dir, 'notes.txt'), 'ignored');
      const result = loadKnowledgeBase(dir);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.deepEqual(
        result.problems.map((p) => [p.file, p.path, p.line]),
        [['2-dup.yaml', 'instruments[0].id', 2]],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('returns the data when the directory is valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    try {
      writeFileSync(
        join(dir, 'only.yml'),
        [KB_HEADER, 'instruments:', instrumentYaml({ id: 'law-a' }), ''].join('\n'),
      );
      const result = loadKnowledgeBase(dir);
      assert.ok(result.ok);
      assert.deepEqual(
        result.kb.instruments.map((i) => i.id),
        ['law-a'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing directory as a problem, not an exception', () => {
    const result = loadKnowledgeBase(join(tmpdir(), 'kb-does-not-exist-7f3a'));
    assert.equal(result.ok, false);
  });
});

describe('knowledge-base version, official URLs and content hash', () => {
  const dirText = () => readFileSync(join(DEFAULT_KNOWLEDGE_BASE_DIR, 'instruments.yaml'), 'utf8');

  it('carries a version whose newest changelog entry matches', () => {
    const kb = shippedKb();
    assert.match(kb.version, /^\d{4}\.\d+\.\d+$/);
    assert.equal(kb.changelog[0]?.version, kb.version);
  });

  it('gives every instrument issuer, number or a reason, and official URLs only on *.gov.cn', () => {
    for (const i of shippedKb().instruments) {
      assert.ok(i.issuerZh && i.issuerEn, i.id);
      if (i.officialUrl !== undefined)
        assert.match(i.officialUrl, /^https?:\/\/([a-z0-9-]+\.)+gov\.cn\//, i.id);
    }
    const official = shippedKb()
      .instruments.filter((i) => i.officialUrl)
      .map((i) => i.id);
    for (const id of ['csl-2016', 'cii-regulations-2021', 'gbt-22239-2019'])
      assert.ok(official.includes(id), id);
  });

  it('rejects an officialUrl that is not on a *.gov.cn site', () => {
    const text = dirText().replace(
      'officialUrl: https://www.cac.gov.cn/2016-11/07/c_1119867116.htm',
      'officialUrl: https://www.example.com/csl.htm',
    );
    const result = validateKnowledgeBase([{ file: 'instruments.yaml', text }]);
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(result.problems.some((p) => p.path === 'instruments[0].officialUrl'));
  });

  it('requires exactly one file to carry version and changelog', () => {
    const plain = ['instruments:', instrumentYaml({ id: 'law-a' }), ''].join('\n');
    const none = validateKnowledgeBase([{ file: 'a.yaml', text: plain }]);
    assert.equal(none.ok, false);
    const headed = `${KB_HEADER}\n${plain}`;
    const two = validateKnowledgeBase([
      { file: 'a.yaml', text: headed },
      { file: 'b.yaml', text: `${KB_HEADER}\ninstruments: []\n` },
    ]);
    assert.equal(two.ok, false);
    if (!two.ok) assert.match(two.problems[0]?.message ?? '', /only one file/);
  });

  it('hashes the data, not comments or layout', () => {
    const text = dirText();
    const base = validateKnowledgeBase([{ file: 'instruments.yaml', text }]);
    const commented = validateKnowledgeBase([
      {
        file: 'instruments.yaml',
        text: `# another comment\n\n${text.replace(/^version: /m, 'version:   ')}`,
      },
    ]);
    const changed = validateKnowledgeBase([
      { file: 'instruments.yaml', text: text.replace('labelEn: Art. 21', 'labelEn: Article 21') },
    ]);
    assert.ok(base.ok && commented.ok && changed.ok);
    assert.equal(commented.kb.sourceHash, base.kb.sourceHash);
    assert.notEqual(changed.kb.sourceHash, base.kb.sourceHash);
  });
});
