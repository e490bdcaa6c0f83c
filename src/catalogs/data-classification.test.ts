import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CatalogueEntry } from '../domain/data-security/types';
import { HARM_LEVELS, IMPACT_OBJECTS } from '../shared/data-security-schemas';
import {
  classificationCatalog,
  DEFAULT_DATA_CLASSIFICATION_DIR,
  gradeFor,
  loadDataClassification,
  validateDataClassification,
  type DataClassificationContext,
} from './data-classification';
import { assertCitationsExist, loadKnowledgeBase } from './knowledge-base';
import { shippedPiCategoryCatalog } from './pi-categories';
import type { YamlSource } from './validate';

function context(): DataClassificationContext {
  const kb = loadKnowledgeBase();
  assert.ok(kb.ok);
  return {
    kb: kb.kb,
    piCategoryCodes: new Set(shippedPiCategoryCatalog().categories.map((c) => c.code)),
  };
}

function shippedSources(): YamlSource[] {
  return readdirSync(DEFAULT_DATA_CLASSIFICATION_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => ({
      file,
      text: readFileSync(join(DEFAULT_DATA_CLASSIFICATION_DIR, file), 'utf8'),
    }));
}

/** The shipped sources with one file's text changed by `edit` (which must change something). */
function edited(file: string, edit: (text: string) => string): YamlSource[] {
  return shippedSources().map((s) => {
    if (s.file !== file) return s;
    const text = edit(s.text);
    assert.notEqual(text, s.text, `the edit of ${file} changed nothing`);
    return { file, text };
  });
}

/** Entries whose keywords occur in `name`, as `<catalogueId>/<entryId>`, for a sector. */
function matches(name: string, sector: string): string[] {
  const haystack = name.toLowerCase();
  return classificationCatalog().catalogues.flatMap((c) =>
    c.sectors.includes(sector)
      ? c.entries
          .filter((e) => e.keywords.some((k) => haystack.includes(k.toLowerCase())))
          .map((e) => `${c.id}/${e.id}`)
      : [],
  );
}

describe('data-classification catalog (shipped)', () => {
  it('loads without problems and carries its version', () => {
    const result = loadDataClassification();
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems, null, 1));
    assert.match(result.catalog.version, /^\d{4}\.\d+\.\d+$/);
    assert.equal(result.catalog.changelog[0]?.version, result.catalog.version);
    assert.match(result.catalog.sourceHash, /^[0-9a-f]{64}$/);
  });

  it('grades by GB/T 43697-2024: national security serious or worse is core, general harm important', () => {
    const catalog = classificationCatalog();
    assert.equal(gradeFor(catalog, 'national_security', 'especially_serious'), 'core');
    assert.equal(gradeFor(catalog, 'national_security', 'serious'), 'core');
    assert.equal(gradeFor(catalog, 'national_security', 'general'), 'important');
    for (const object of ['economic_operation', 'social_order', 'public_interest'] as const) {
      assert.equal(gradeFor(catalog, object, 'especially_serious'), 'core', object);
      assert.equal(gradeFor(catalog, object, 'serious'), 'important', object);
      assert.equal(gradeFor(catalog, object, 'general'), 'general', object);
    }
  });

  it('never grades harm to an organisation or individuals above general, and no harm is general', () => {
    const catalog = classificationCatalog();
    for (const degree of HARM_LEVELS) {
      assert.equal(gradeFor(catalog, 'organisation_rights', degree), 'general', degree);
      assert.equal(gradeFor(catalog, 'individual_rights', degree), 'general', degree);
    }
    for (const object of IMPACT_OBJECTS) assert.equal(gradeFor(catalog, object, 'none'), 'general');
  });

  it('has exactly one rule per impact object and degree, the unseen cells marked unverified', () => {
    const rules = classificationCatalog().gradeRules;
    assert.equal(rules.length, IMPACT_OBJECTS.length * HARM_LEVELS.length);
    const national = rules.find((r) => r.object === 'national_security' && r.degree === 'general');
    assert.equal(national?.provenance, 'unverified');
  });

  it('names the ten sector keys in Chinese and English', () => {
    const sectors = classificationCatalog().sectors;
    assert.deepEqual(
      sectors.map((s) => s.key),
      [
        'health',
        'automotive',
        'industry',
        'telecom',
        'finance',
        'transport',
        'energy',
        'government',
        'education',
        'other',
      ],
    );
    assert.equal(sectors.find((s) => s.key === 'health')?.nameZh, '卫生健康');
  });

  it('makes automotive personal information of more than 100,000 people important (exactly 100,000 is not)', () => {
    const automotive = classificationCatalog().catalogues.find((c) => c.id === 'automotive-2021');
    assert.ok(automotive);
    assert.deepEqual(automotive.sectors, ['automotive']);
    assert.equal(automotive.provenance, 'confirmed');
    assert.equal(automotive.effectiveFrom, '2021-10-01');
    const entry = automotive.entries.find((e) => e.id === 'personal-info-over-100k');
    assert.ok(entry);
    assert.equal(entry.grade, 'important');
    assert.deepEqual(entry.threshold, { individuals: 100000, inclusive: false });
    assert.deepEqual(entry.citation, {
      instrumentId: 'cac-automotive-data-2021',
      provisionId: 'art-3',
    });
    assert.equal(entry.catalogueId, 'automotive-2021');
    assert.equal(automotive.entries.length, 6);
    assert.ok(automotive.entries.every((e) => e.grade === 'important'));
  });

  it('maps the six GB/T 39725-2020 health classes, general data with the standard’s level', () => {
    const health = classificationCatalog().catalogues.find((c) => c.id === 'gbt39725-health');
    assert.ok(health);
    for (const name of [
      '个人属性数据',
      '健康状况数据',
      '医疗应用数据',
      '医疗支付数据',
      '卫生资源数据',
      '公共卫生数据',
    ]) {
      const entry: CatalogueEntry | undefined = health.entries.find((e) => e.nameZh === name);
      assert.ok(entry, name);
      assert.equal(entry.grade, 'general', name);
      assert.deepEqual(entry.citation, { instrumentId: 'gbt-39725-2020', provisionId: '6.1' });
    }
    const levels = new Set(health.entries.map((e) => e.sectorLevel).filter((l) => l !== null));
    for (const level of ['第1级', '第2级', '第3级', '第4级', '第5级'])
      assert.ok(levels.has(level), level);
    // A region's public-health surveillance data may be important (our reading, unverified).
    const regional = health.entries.find((e) => e.id === 'regional-public-health');
    assert.equal(regional?.grade, 'important');
    assert.equal(regional?.provenance, 'unverified');
    assert.ok(health.noteZh?.includes('一般数据'));
  });

  it('suggests sensible entries for a hospital’s resources', () => {
    assert.ok(matches('患者病历', 'health').includes('gbt39725-health/medical-application'));
    assert.ok(
      matches('电子病历系统数据', 'health').includes('gbt39725-health/medical-application'),
    );
    assert.ok(
      matches('医学影像（PACS）', 'health').includes('gbt39725-health/medical-application'),
    );
    assert.ok(matches('检验报告', 'health').includes('gbt39725-health/medical-application'));
    assert.ok(matches('员工信息', 'health').includes('gbt43697-general/employee-personal-info'));
    assert.ok(matches('患者基本信息', 'health').includes('gbt39725-health/personal-attribute'));
    // The automotive catalogue stays out of a hospital's suggestions.
    assert.ok(!matches('患者病历', 'health').some((m) => m.startsWith('automotive-2021/')));
  });

  it('carries the MIIT criteria and Annex G factors with their grades', () => {
    const catalogues = classificationCatalog().catalogues;
    const miit = catalogues.find((c) => c.id === 'miit-industry-2023');
    assert.deepEqual(miit?.sectors, ['industry', 'telecom']);
    assert.deepEqual([...new Set(miit?.entries.map((e) => e.grade))].sort(), [
      'core',
      'general',
      'important',
    ]);
    const annexG = catalogues.find((c) => c.id === 'gbt43697-annex-g');
    assert.equal(annexG?.sectors.length, 10);
    assert.ok(annexG?.entries.every((e) => e.grade === 'important'));
  });

  it('every citation and catalogue instrument resolves in the knowledge base', () => {
    const kb = context().kb;
    for (const catalogue of classificationCatalog().catalogues) {
      assert.deepEqual(assertCitationsExist(kb, [{ instrumentId: catalogue.instrumentId }]), []);
      assert.deepEqual(
        assertCitationsExist(
          kb,
          catalogue.entries.map((e) => e.citation),
        ),
        [],
        catalogue.id,
      );
    }
  });
});

describe('data-classification catalog (validation)', () => {
  const problemsOf = (sources: YamlSource[]) => {
    const result = validateDataClassification(sources, context());
    assert.ok(!result.ok, 'expected problems');
    return result.problems;
  };

  it('accepts the shipped sources', () => {
    assert.ok(validateDataClassification(shippedSources(), context()).ok);
  });

  it('reports a table cell graded twice and a cell missing', () => {
    const twice = problemsOf(
      edited('gbt43697.yaml', (t) =>
        t.replace(
          '{ object: national_security, degree: none, grade: general, provenance: derived }',
          '{ object: national_security, degree: general, grade: core, provenance: derived }',
        ),
      ),
    );
    assert.ok(twice.some((p) => /national_security\/general is graded twice/.test(p.message)));
    assert.ok(twice.some((p) => /no rule for national_security × none/.test(p.message)));
    assert.ok(twice.every((p) => p.file === 'gbt43697.yaml'));
    assert.ok(twice.some((p) => typeof p.line === 'number'));
  });

  it('reports an unknown sector, a dangling citation, an unknown PI category and a duplicate entry id', () => {
    const problems = problemsOf(
      edited('automotive-2021.yaml', (t) =>
        t
          .replace('sectors: [automotive]', 'sectors: [automotive, shipping]')
          .replace(
            'provisionId: art-3 }\n      - id: economic-flow-data',
            'provisionId: art-99 }\n      - id: economic-flow-data',
          )
          .replace(
            'piCategories: [face_features, vehicle_plate]',
            'piCategories: [face_features, licence_plate]',
          )
          .replace('- id: charging-network-data', '- id: economic-flow-data'),
      ),
    );
    const messages = problems.map((p) => `${p.path}: ${p.message}`);
    assert.ok(
      messages.some((m) => /sectors\[1\]: unknown sector "shipping"/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /cac-automotive-data-2021\/art-99 is not in the knowledge base/.test(m)),
    );
    assert.ok(
      messages.some((m) => /unknown personal-information category "licence_plate"/.test(m)),
    );
    assert.ok(messages.some((m) => /entry id economic-flow-data is used twice/.test(m)));
  });

  it('reports a second file carrying the version and an unknown field', () => {
    const problems = problemsOf(
      edited('industry-miit.yaml', (t) =>
        t.replace(
          'catalogues:\n',
          'version: 2026.1.0\nchangelog:\n  - { version: 2026.1.0, date: 2026-12-07, changes: x }\ncatalogues:\n',
        ),
      ),
    );
    assert.ok(problems.some((p) => /only one file carries version and changelog/.test(p.message)));
    const unknown = problemsOf(
      edited('health-gbt39725.yaml', (t) =>
        t.replace('    provenance: derived\n', '    provenance: derived\n    level: 3\n'),
      ),
    );
    assert.ok(unknown.some((p) => p.message === 'unknown field "level"'));
  });

  it('rejects a threshold that is not a positive whole number', () => {
    const problems = problemsOf(
      edited('automotive-2021.yaml', (t) => t.replace('individuals: 100000', 'individuals: -5')),
    );
    assert.ok(problems.some((p) => p.path.endsWith('threshold.individuals')));
  });
});
