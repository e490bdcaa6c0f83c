/**
 * The one place the register reads the data-category catalog (src/catalogs/pi-categories) and
 * the sensitive-information classifier (src/domain/privacy/sensitive.ts): validation, the facts
 * builder and the classification query all go through here.
 */
import { piCategoriesByCode, shippedPiCategoryCatalog } from '../../catalogs/pi-categories';
import {
  classifyActivity,
  type ClassifiableActivity,
  type SensitiveClassification,
} from '../../domain/privacy/sensitive';

/** Whether `code` is a data category of the catalog. */
export function categoryKnown(code: string): boolean {
  return piCategoriesByCode().has(code);
}

/** A short hint naming some codes, for error messages. */
export function categoryCodesHint(): string {
  const codes = [...piCategoriesByCode().keys()];
  return `${codes.slice(0, 6).join(', ')} … (${codes.length} codes in src/catalogs/pi-categories/categories.yaml)`;
}

/** The classifier's answer for an activity's categories and data subjects. */
export function classify(activity: ClassifiableActivity): SensitiveClassification {
  return classifyActivity(shippedPiCategoryCatalog().categories, activity);
}
