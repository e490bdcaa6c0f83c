import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { optionLabel } from '../filing-form';
import {
  DEFAULT_SECTOR_GRADING_FILE,
  loadSectorGrading,
  validateSectorGrading,
  type SectorGradingCatalog,
} from './load';

const TEXT = readFileSync(DEFAULT_SECTOR_GRADING_FILE, 'utf8');

function shipped(): SectorGradingCatalog {
  const result = loadSectorGrading();
  if (!result.ok)
    assert.fail(result.problems.map((p) => `${p.line}: ${p.path} ${p.message}`).join('\n'));
  return result.catalog;
}

function problemsOf(text: string): string[] {
  const result = validateSectorGrading({ file: 'guides.yaml', text });
  assert.equal(result.ok, false, 'expected the edited data to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

describe('shipped sector grading guides', () => {
  it('are valid, versioned, and each cites a public source with its number, date and URL', () => {
    const catalog = shipped();
    assert.match(catalog.version, /^\d{4}\.\d+\.\d+$/);
    assert.equal(catalog.changelog[0]?.version, catalog.version);
    assert.ok(catalog.guides.length >= 1);
    for (const g of catalog.guides) {
      assert.ok(g.sources.length >= 1, g.id);
      for (const s of g.sources) {
        assert.ok(s.documentNumber, `${g.id}: ${s.id} has its document number`);
        assert.match(s.url ?? '', /^https:\/\/[a-z.]*gov\.cn\//, `${g.id}: ${s.id} on gov.cn`);
      }
      assert.match(g.question.zh, /？$/, 'the wizard asks a yes/no question');
      assert.match(g.question.en, /\?$/);
    }
  });

  it("name each sector by the filing form's 行业类别 code and its label", () => {
    for (const g of shipped().guides) {
      assert.equal(optionLabel('sector', g.sector.code, 'zh'), g.sector.zh, g.id);
    }
  });

  it('hold the health rule for core systems of tertiary grade-A hospitals (level 3), marked unverified', () => {
    const g = shipped().guides.find((x) => x.id === 'health-tertiary-hospital-core');
    assert.ok(g);
    assert.equal(g.sector.code, '45');
    assert.equal(g.recommendedMinimum, 3);
    assert.equal(g.status, 'unverified', 'the article was not read in the text');
    assert.equal(g.sources[0]?.documentNumber, '卫办发〔2011〕85号');
  });
});

describe('sector grading validation', () => {
  it('refuses a duplicate id, reversed dates and a level out of range, each with its line', () => {
    const edited = TEXT.replace(
      'id: health-information-platform',
      'id: health-tertiary-hospital-core',
    )
      .replace(
        /effectiveTo: null\n {4}status: unverified\n\s*$/,
        'effectiveTo: 2001-01-01\n    status: unverified\n',
      )
      .replace('recommendedMinimum: 3', 'recommendedMinimum: 7');
    const problems = problemsOf(edited);
    assert.ok(
      problems.some((p) => /guides\[0\]\.recommendedMinimum/.test(p)),
      problems.join('\n'),
    );
    // Schema problems stop the cross-checks; fix the level and look again.
    const crossOnly = problemsOf(edited.replace('recommendedMinimum: 7', 'recommendedMinimum: 3'));
    assert.ok(
      crossOnly.some((p) => /guides\[1\]\.id: duplicate guide id/.test(p)),
      crossOnly.join('\n'),
    );
    assert.ok(
      crossOnly.some((p) => /guides\[1\]\.effectiveTo: must not be before/.test(p)),
      crossOnly.join('\n'),
    );
    assert.ok(
      crossOnly.every((p) => /^\d+ /.test(p)),
      'every problem names its line',
    );
  });

  it('refuses a confirmed guide that names no provision, and one source id meaning two sources', () => {
    const confirmed = TEXT.replace('status: unverified', 'status: confirmed');
    assert.ok(
      problemsOf(confirmed).some((p) =>
        /guides\[0\]\.status: a confirmed guide names the provision/.test(p),
      ),
    );
    const twoSources = TEXT.replace(
      /(health-information-platform[\s\S]*?)issuedOn: 2011-11-29/,
      '$1issuedOn: 2011-11-30',
    );
    assert.ok(
      problemsOf(twoSources).some((p) =>
        /sources\[0\]\.id: source "moh-2011-85" is described differently/.test(p),
      ),
    );
  });

  it('refuses a guide whose sources are all merely related', () => {
    const edited = TEXT.replaceAll('relation: rule', 'relation: related');
    assert.ok(
      problemsOf(edited).some((p) => /guides\[0\]\.sources: name the source of the rule/.test(p)),
    );
  });

  it('refuses a sector code that is not a form code', () => {
    const edited = TEXT.replace("code: '45'", 'code: health');
    assert.ok(problemsOf(edited).some((p) => /guides\[0\]\.sector\.code/.test(p)));
  });
});
