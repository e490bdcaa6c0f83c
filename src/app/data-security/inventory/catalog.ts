/**
 * The one place the inventory reads the classification catalog (src/catalogs/data-classification)
 * and the personal-information categories: the API, the file import and `dengbao data classify`
 * all classify through here, so the grade stored with a resource and the one shown agree.
 */
import { shippedPiCategoryCatalog } from '../../../catalogs/pi-categories';
import { classificationCatalog } from '../../../catalogs/data-classification';
import {
  findCatalogueEntry,
  prepareClassifier,
  type ResourceClassifier,
} from '../../../domain/data-security/classify';
import type { ClassificationCatalog } from '../../../domain/data-security/types';

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
