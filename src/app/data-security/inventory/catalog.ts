/**
 * The one place the inventory reads the classification catalog (src/catalogs/data-classification)
 * and the personal-information categories: the API, the file import and `dengbao data classify`
 * all classify through here, so the grade stored with a resource and the one shown agree.
 */
import { shippedPiCategoryCatalog } from '../../../catalogs/pi-categories';
import {
  findCatalogueEntry,
  prepareClassifier,
  type ResourceClassifier,
} from '../../../domain/data-security/classify';
import type { ClassificationCatalog } from '../../../domain/data-security/types';

/**
 * Stand-in until src/catalogs/data-classification (H1) lands: the GB/T 43697-2024 grading table
 * only, no sector catalogues. Table cells unverified (see /work/notes/kb-17.md): the table itself
 * was not seen.
 * TODO(issue 17): replace with `classificationCatalog()` from src/catalogs/data-classification.
 */
function classificationCatalog(): ClassificationCatalog {
  const rule = (
    object: ClassificationCatalog['gradeRules'][number]['object'],
    grades: readonly [string, string, string],
  ) =>
    (['especially_serious', 'serious', 'general'] as const).map((degree, i) => ({
      object,
      degree,
      grade: grades[i] as ClassificationCatalog['gradeRules'][number]['grade'],
    }));
  return {
    version: 'gbt43697-table-only',
    gradeRules: [
      ...rule('national_security', ['core', 'core', 'important']),
      ...rule('economic_operation', ['core', 'important', 'general']),
      ...rule('social_order', ['core', 'important', 'general']),
      ...rule('public_interest', ['core', 'important', 'general']),
      ...rule('organisation_rights', ['general', 'general', 'general']),
      ...rule('individual_rights', ['general', 'general', 'general']),
    ],
    sectors: [],
    catalogues: [],
  };
}

let classifier: { catalog: ClassificationCatalog; classify: ResourceClassifier } | undefined;

/** The shipped catalog (loaded once per process). */
export function inventoryCatalog(): ClassificationCatalog {
  return inventoryClassifier().catalog;
}

/** A classifier over the shipped catalogs, indexes built once per process. */
export function inventoryClassifier(): {
  catalog: ClassificationCatalog;
  classify: ResourceClassifier;
} {
  if (classifier) return classifier;
  const catalog = classificationCatalog();
  classifier = {
    catalog,
    classify: prepareClassifier(catalog, shippedPiCategoryCatalog().categories),
  };
  return classifier;
}

/** Whether `<catalogueId>/<entryId>` names an entry of the shipped catalog. */
export const catalogueEntryKnown = (ref: string): boolean =>
  findCatalogueEntry(inventoryCatalog(), ref) !== undefined;

/** Whether `key` is a sector of the shipped catalog. */
export const sectorKnown = (key: string): boolean =>
  inventoryCatalog().sectors.some((s) => s.key === key);
