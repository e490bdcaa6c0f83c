import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_MLPS_CATALOG_DIR, shippedMlpsCatalog } from './mlps-catalog';
import {
  loadTestGuidance,
  requirementsWithoutGuidance,
  shippedTestGuidance,
  testGuidanceCount,
  testGuidanceFor,
  validateTestGuidance,
  type TestGuidance,
} from './test-guidance';

const catalog = () => shippedMlpsCatalog();

/** A guidance file with one CES entry; `patch` edits the entry's YAML lines. */
function fileWith(entry: string, part = 'technical'): { file: string; text: string } {
  return {
    file: 'test-guidance/sample.yaml',
    text: `kind: test-guidance\npart: ${part}\nentries:\n${entry}`,
  };
}

const GOOD_ENTRY = `  - requirement: '8.1.4.1-a'
    testId: L3-CES1-01
    steps:
      - { zh: "核查用户列表", en: "Inspect the user list" }
      - { zh: "核查口令策略", en: "Inspect the password policy" }
    expected: { zh: "用户标识唯一", en: "Unique identities" }
    judgement: { zh: "符合：……；不符合：存在空口令", en: "Compliant: …; non-compliant: empty passwords" }
`;

const messages = (result: ReturnType<typeof validateTestGuidance>) =>
  result.ok ? [] : result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);

describe('GB/T 22239 level-3 test guidance (测评作业指导)', () => {
  it('the shipped files load without problems', () => {
    const result = loadTestGuidance();
    assert.deepEqual(
      result.ok
        ? []
        : result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`),
      [],
    );
  });

  it('no guidance file sits at the top of gbt22239/ (the catalog loader reads every YAML there)', () => {
    const misplaced = readdirSync(DEFAULT_MLPS_CATALOG_DIR).filter((n) =>
      /^test-guidance.*\.ya?ml$/.test(n),
    );
    assert.deepEqual(
      misplaced,
      [],
      'move these into src/catalogs/gbt22239/test-guidance/ (git mv), or make mlps-catalog.ts skip them',
    );
  });

  it('covers every level-3 technical requirement (PES, CNS, ABS, CES, SMC: 96 items)', () => {
    const missing = requirementsWithoutGuidance(catalog(), shippedTestGuidance(), 'technical');
    assert.deepEqual(missing, [], `technical requirements without guidance: ${missing.join(', ')}`);
    assert.equal(shippedTestGuidance().entries.filter((e) => e.part === 'technical').length, 96);
  });

  it('covers every level-3 management requirement (PSS, ORS, HRS, CMS, MMS)', () => {
    const missing = requirementsWithoutGuidance(catalog(), shippedTestGuidance(), 'management');
    assert.deepEqual(
      missing,
      [],
      `management requirements without guidance (${missing.length}): ${missing.join(', ')}`,
    );
  });

  it('answers one requirement with its GB/T 28448 test id, steps, expected result and judgement', () => {
    const g = testGuidanceFor('8.1.4.1-d');
    assert.ok(g, 'guidance for 8.1.4.1-d (two-factor authentication)');
    const shape: TestGuidance = g;
    assert.equal(shape.testId, 'L3-CES1-04');
    assert.equal(shape.testIdDerived, false);
    assert.equal(shape.source, 'GB/T 28448-2019 L3-CES1-04');
    assert.ok(shape.steps.length >= 2 && shape.steps.length <= 5);
    assert.match(shape.steps.map((s) => s.zh).join(''), /密码技术/);
    assert.match(shape.judgement.zh, /符合/);
    assert.match(shape.judgement.zh, /部分符合/);
    assert.match(shape.judgement.zh, /不符合/);
    assert.match(shape.judgement.en, /[Cc]ompliant/);
    assert.equal(testGuidanceFor('8.1.4.1-z'), undefined);
    assert.equal(testGuidanceFor('7.1.4.1-a'), undefined, 'level-2 ids have no guidance');
    assert.equal(testGuidanceCount(), shippedTestGuidance().entries.length);
  });

  it('every technical entry gives 2–5 steps and a three-way judgement', () => {
    const bad = shippedTestGuidance()
      .entries.filter((e) => e.part === 'technical')
      .filter(
        (e) =>
          e.steps.length < 2 ||
          e.steps.length > 5 ||
          !e.judgement.zh.includes('部分符合') ||
          !/^符合/.test(e.judgement.zh),
      )
      .map((e) => e.requirementId);
    assert.deepEqual(bad, []);
  });

  it('states the facts an assessor relies on (audit retention, cryptographic second factor)', () => {
    const all = (id: string) => {
      const g = testGuidanceFor(id);
      return g ? [...g.steps.map((s) => s.zh), g.expected.zh, g.judgement.zh].join('\n') : '';
    };
    assert.match(all('8.1.5.4-d'), /6 个月|六个月/, 'central audit data kept at least 6 months');
    assert.match(
      all('8.1.5.4-d'),
      /网络安全法》第二十三条.*修正前为第二十一条/,
      'CSL as amended in 2025',
    );
    assert.match(all('8.1.4.1-d'), /密码技术/);
  });

  it('cites Cybersecurity Law articles by their numbers as amended in 2025, with the former number', () => {
    // The 2025 amendment (in force 2026-01-01) inserted Arts. 3 and 20: old Arts. 19–79 moved up by
    // two (MLPS duties and six-month logs: 21 → 23; certified network equipment: 23 → 25).
    const stale = shippedTestGuidance().entries.flatMap((e) =>
      [...e.steps, e.expected, e.judgement]
        .filter(
          (t) =>
            (/网络安全法》第[一二三四五六七八九十百]+条/.test(t.zh) &&
              !t.zh.includes('修正前为')) ||
            (/Cybersecurity Law,? Art\. \d+/.test(t.en) &&
              !t.en.includes('before the 2025 amendment')),
        )
        .map((t) => `${e.requirementId}: ${(/网络安全法》第[^条]+条/.exec(t.zh) ?? [t.en])[0]}`),
    );
    assert.deepEqual(
      stale,
      [],
      'write e.g. 《网络安全法》第二十三条（2025 年修正前为第二十一条） / "Cybersecurity Law, Art. 23 (Art. 21 before the 2025 amendment)"',
    );
  });

  it('rejects an unknown requirement, a wrong test id, a duplicate and a wrong part, with lines', () => {
    const result = validateTestGuidance(
      [
        fileWith(
          GOOD_ENTRY +
            GOOD_ENTRY +
            GOOD_ENTRY.replace("'8.1.4.1-a'", "'8.1.4.1-x'") +
            GOOD_ENTRY.replace("'8.1.4.1-a'", "'8.1.4.1-b'"),
        ),
        fileWith(GOOD_ENTRY.replace("'8.1.4.1-a'", "'8.1.6.1-a'"), 'technical'),
      ],
      catalog(),
    );
    const got = messages(result);
    assert.ok(
      got.some((m) => m.includes(':11 entries[1].requirement') && m.includes('twice')),
      got.join('\n'),
    );
    assert.ok(
      got.some((m) => m.includes('8.1.4.1-x is not a requirement')),
      got.join('\n'),
    );
    assert.ok(
      got.some((m) => m.includes('entries[3].testId') && m.includes('must be L3-CES1-02')),
      got.join('\n'),
    );
    assert.ok(
      got.some((m) => m.includes('8.1.6.1-a (PSS) is a management requirement')),
      got.join('\n'),
    );
  });

  it('rejects schema errors and a judgement that never says 不符合', () => {
    const got = messages(
      validateTestGuidance(
        [
          fileWith(GOOD_ENTRY.replace('"核查口令策略"', '"check the password policy"')),
          fileWith(
            GOOD_ENTRY.replace(/ {6}- \{ zh: "核查口令策略".*\n/, '').replace(
              'L3-CES1-01',
              'CES1-01',
            ),
          ),
        ],
        catalog(),
      ),
    );
    assert.ok(
      got.some((m) => m.includes('steps[1].zh must be written in Chinese')),
      got.join('\n'),
    );
    assert.ok(
      got.some((m) => m.includes('entries[0].steps') && m.includes('at least 2')),
      got.join('\n'),
    );
    assert.ok(
      got.some((m) => m.includes('entries[0].testId') && m.includes('L3-CES1-01')),
      got.join('\n'),
    );
    assert.ok(
      validateTestGuidance(
        [fileWith(GOOD_ENTRY.replace('不符合：存在空口令', '存在空口令'))],
        catalog(),
      ).ok === false,
      'judgement without 不符合 is rejected',
    );
  });

  it('accepts a derived test id only where the catalog has none, and only of the item’s category', () => {
    const entry = (id: string, testId: string) =>
      GOOD_ENTRY.replace("'8.1.4.1-a'", `'${id}'`).replace('L3-CES1-01', testId);
    const ok = validateTestGuidance(
      [fileWith(entry('8.1.6.1-a', 'L3-PSS1-01'), 'management')],
      catalog(),
    );
    assert.ok(ok.ok, messages(ok).join('\n'));
    assert.equal(ok.guidance.entries[0]?.testIdDerived, true);
    assert.match(ok.guidance.entries[0]?.source ?? '', /L3-PSS1-01 .*derived/);
    const wrong = messages(
      validateTestGuidance([fileWith(entry('8.1.6.1-a', 'L3-CES1-01'), 'management')], catalog()),
    );
    assert.ok(
      wrong.some((m) => m.includes('does not belong to category PSS')),
      wrong.join('\n'),
    );
  });

  it('rejects guidance for extension requirements (level 3 of 安全通用要求 only)', () => {
    const cloud = catalog().requirements.find(
      (r) => r.extension === 'cloud' && r.levels.some((l) => l.level === 3),
    );
    assert.ok(cloud);
    const got = messages(
      validateTestGuidance(
        [
          fileWith(
            GOOD_ENTRY.replace("'8.1.4.1-a'", `'${cloud.id}'`).replace('L3-CES1-01', 'null'),
          ),
        ],
        catalog(),
      ),
    );
    assert.ok(
      got.some((m) => m.includes('is not a level-3 general requirement')),
      got.join('\n'),
    );
  });
});
