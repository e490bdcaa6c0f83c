import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DataCategoryCodeSchema } from '../shared/privacy-schemas';
import { assertCitationsExist, loadKnowledgeBase } from './knowledge-base';
import {
  DEFAULT_PI_CATEGORIES_FILE,
  loadPiCategories,
  piCategoriesByCode,
  REQUIRED_PI_CATEGORY_CODES,
  resolvePiCategories,
  shippedPiCategoryCatalog,
  validatePiCategories,
} from './pi-categories';

const TEXT = readFileSync(DEFAULT_PI_CATEGORIES_FILE, 'utf8');

function problemsOf(text: string): string[] {
  const result = validatePiCategories({ file: 'categories.yaml', text });
  assert.equal(result.ok, false, 'expected the edited data to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

describe('personal-information categories (sensitive-information classifier)', () => {
  it('load, versioned, with every category the rules name', () => {
    const result = loadPiCategories();
    if (!result.ok) assert.fail(result.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
    const { catalog } = result;
    assert.equal(catalog.changelog[0]?.version, catalog.version);
    assert.match(catalog.sourceHash, /^[0-9a-f]{64}$/);
    const codes = new Set(catalog.categories.map((c) => c.code));
    for (const code of REQUIRED_PI_CATEGORY_CODES) assert.ok(codes.has(code), code);
    for (const c of catalog.categories) {
      assert.ok(DataCategoryCodeSchema.safeParse(c.code).success, c.code);
      assert.match(c.labelZh, /\p{Script=Han}/u);
    }
    assert.match(TEXT, new RegExp(`First release: ${catalog.categories.length} data categories`));
  });

  it('maps the categories to the PIPL Art. 28 classes as the article reads', () => {
    const by = piCategoriesByCode();
    const cls = (code: string) => by.get(code)?.piplClass;
    for (const code of ['face_features', 'fingerprint', 'voiceprint', 'iris', 'gene'])
      assert.equal(cls(code), 'biometric', code);
    assert.equal(cls('religious_belief'), 'religious_belief');
    assert.equal(cls('disability_status'), 'specific_identity');
    for (const code of ['medical_record', 'health_checkup', 'medication_record'])
      assert.equal(cls(code), 'medical_health', code);
    for (const code of ['bank_account_number', 'payment_password', 'transaction_record'])
      assert.equal(cls(code), 'financial_account', code);
    for (const code of ['precise_location', 'travel_record', 'accommodation_record'])
      assert.equal(cls(code), 'whereabouts', code);
    for (const code of ['name', 'phone_number', 'email', 'ip_address', 'device_identifier'])
      assert.equal(cls(code), null, code);
  });

  it('keeps the GB/T 35273 Annex B view apart: ID card number flagged, but no Art. 28 class', () => {
    const id = piCategoriesByCode().get('id_card_number');
    assert.equal(id?.piplClass, null);
    assert.equal(id?.gbt35273Sensitive, true);
    assert.equal(piCategoriesByCode().get('property_information')?.gbt35273Sensitive, true);
    assert.equal(piCategoriesByCode().get('phone_number')?.gbt35273Sensitive, false);
  });

  it('every citation resolves in the knowledge base', () => {
    const kb = loadKnowledgeBase();
    if (!kb.ok) assert.fail('knowledge base invalid');
    const cited = shippedPiCategoryCatalog().categories.flatMap((c) => c.citations);
    const missing = assertCitationsExist(kb.kb, cited);
    const unique = [...new Set(missing.map((c) => `${c.instrumentId} ${c.provisionId ?? ''}`))];
    assert.deepEqual(unique, []);
  });

  it('resolves codes, reporting unknown ones and reading each code once', () => {
    const { categories, unknown } = resolvePiCategories(['name', 'gene', 'name', 'shoe_size']);
    assert.deepEqual(
      categories.map((c) => c.code),
      ['name', 'gene'],
    );
    assert.deepEqual(unknown, ['shoe_size']);
  });

  it('rejects a duplicate code, a class without Art. 28, a flag without Annex B and a lost code', () => {
    const duplicate = TEXT.replace('  - code: palmprint\n', '  - code: fingerprint\n');
    assert.ok(
      problemsOf(duplicate).some((p) =>
        /categories\[\d+\]\.code: code fingerprint is used twice/.test(p),
      ),
    );
    const noArt28 = TEXT.replace(
      `    piplClass: religious_belief
    gbt35273Sensitive: true
    citations:
      - { instrumentId: pipl-2021, provisionId: art-28 }
`,
      `    piplClass: religious_belief
    gbt35273Sensitive: true
    citations:
`,
    );
    assert.ok(problemsOf(noArt28).some((p) => /must cite pipl-2021 art-28/.test(p)));
    const flagOnly = TEXT.replace(
      `  - code: gender
    labelZh: 性别
    labelEn: Gender
    group: demographic
    piplClass: null
    gbt35273Sensitive: false`,
      `  - code: gender
    labelZh: 性别
    labelEn: Gender
    group: demographic
    piplClass: null
    gbt35273Sensitive: true`,
    );
    assert.ok(
      problemsOf(flagOnly).some((p) => /^\d+ categories\[\d+\]\.citations: .*annex-b/.test(p)),
    );
    const lost = TEXT.replace('  - code: vehicle_plate\n', '  - code: vehicle_registration\n');
    assert.ok(problemsOf(lost).some((p) => /category vehicle_plate is missing/.test(p)));
    const badClass = TEXT.replace('piplClass: whereabouts', 'piplClass: location');
    assert.ok(problemsOf(badClass).some((p) => /piplClass/.test(p)));
    const badCode = TEXT.replace('  - code: iris\n', '  - code: Iris\n');
    assert.ok(
      problemsOf(badCode).some((p) => /categories\[\d+\]\.code: must be a data category/.test(p)),
    );
  });
});
