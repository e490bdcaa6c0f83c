import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  DEFAULT_FTZ_LISTS_FILE,
  ftzListIds,
  ftzListInEffect,
  loadFtzNegativeLists,
  shippedFtzLists,
  validateFtzNegativeLists,
} from './ftz-negative-lists';

const TEXT = readFileSync(DEFAULT_FTZ_LISTS_FILE, 'utf8');

function problemsOf(text: string): string[] {
  const result = validateFtzNegativeLists({ file: 'lists.yaml', text });
  assert.equal(result.ok, false, 'expected the edited data to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

describe('free-trade-zone negative lists', () => {
  it('load, versioned, with the lists seen', () => {
    const result = loadFtzNegativeLists();
    if (!result.ok) assert.fail(result.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
    assert.equal(result.catalog.changelog[0]?.version, result.catalog.version);
    assert.deepEqual(ftzListIds(), [
      'tianjin-2024',
      'beijing-2024',
      'shanghai-2024',
      'hainan-2024',
      'zhejiang-2024',
      'guangxi-2025',
    ]);
  });

  it('carries the dates and issuers read', () => {
    const byId = new Map(shippedFtzLists().map((l) => [l.id, l]));
    assert.equal(byId.get('tianjin-2024')?.publishedOn, '2024-05-08');
    assert.match(byId.get('tianjin-2024')?.issuerZh ?? '', /天津市商务局/);
    assert.equal(byId.get('beijing-2024')?.effectiveFrom, '2024-08-30');
    assert.deepEqual(byId.get('beijing-2024')?.sectorsZh, [
      '汽车',
      '医药',
      '零售',
      '民航',
      '人工智能',
    ]);
    assert.equal(byId.get('guangxi-2025')?.sourceOfficial, true);
    assert.equal(byId.get('shanghai-2024')?.verification.status, 'unverified');
    for (const list of shippedFtzLists()) assert.ok(list.effectiveFrom >= '2024-03-22', list.id);
  });

  it('is in effect from effectiveFrom (inclusive) to effectiveTo (inclusive)', () => {
    const tianjin = shippedFtzLists().find((l) => l.id === 'tianjin-2024')!;
    assert.equal(ftzListInEffect(tianjin, '2024-05-07'), false);
    assert.equal(ftzListInEffect(tianjin, '2024-05-08'), true);
    const ended = { ...tianjin, effectiveTo: '2025-12-31' };
    assert.equal(ftzListInEffect(ended, '2025-12-31'), true);
    assert.equal(ftzListInEffect(ended, '2026-01-01'), false);
  });

  it('rejects a duplicate id, with its line', () => {
    const problems = problemsOf(TEXT.replace('id: beijing-2024', 'id: tianjin-2024'));
    assert.ok(
      problems.some((p) => /lists\[1\]\.id: list tianjin-2024 is listed twice/.test(p)),
      problems.join('\n'),
    );
  });

  it('rejects a list in effect before Art. 6 (2024-03-22) or before its publication', () => {
    const early = problemsOf(
      TEXT.replace(
        'publishedOn: 2024-05-08\n    effectiveFrom: 2024-05-08',
        'publishedOn: 2024-03-01\n    effectiveFrom: 2024-03-21',
      ),
    );
    assert.ok(
      early.some((p) => /effectiveFrom: must not be before 2024-03-22/.test(p)),
      early.join('\n'),
    );
    const beforePublication = problemsOf(
      TEXT.replace('effectiveFrom: 2024-08-30', 'effectiveFrom: 2024-08-29'),
    );
    assert.ok(
      beforePublication.some((p) =>
        /lists\[1\]\.effectiveFrom: must not be before publishedOn/.test(p),
      ),
      beforePublication.join('\n'),
    );
  });

  it('rejects an end before the start, a year not the edition, sectors in one language', () => {
    const problems = problemsOf(
      TEXT.replace('effectiveTo: null', 'effectiveTo: 2024-01-01')
        .replace('id: guangxi-2025', 'id: guangxi-2024')
        .replace('      - 人工智能\n', '      - 人工智能\n      - 金融\n'),
    );
    assert.ok(
      problems.some((p) => /lists\[0\]\.effectiveTo: must not be before/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /lists\[5\]\.id: the id's year 2024/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /lists\[1\]\.sectorsEn: give every sector/.test(p)),
      problems.join('\n'),
    );
  });

  it('rejects a changelog that does not name the current version', () => {
    const problems = problemsOf(
      TEXT.replace('version: 2026.1.0\nchangelog', 'version: 2026.2.0\nchangelog'),
    );
    assert.ok(
      problems.some((p) => /changelog\[0\]\.version/.test(p)),
      problems.join('\n'),
    );
  });
});
