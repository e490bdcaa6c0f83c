/**
 * The one place the register reads the data-category catalog (src/catalogs/pi-categories) and
 * the sensitive-information classifier (src/domain/privacy/sensitive.ts): validation, the facts
 * builder and the classification query all go through here.
 */
import { PI_CATEGORY_FALLBACK } from './category-fallback';

/** Whether `code` is a data category of the catalog. */
export function categoryKnown(code: string): boolean {
  return PI_CATEGORY_FALLBACK.has(code);
}

/** A short hint naming some codes, for error messages. */
export function categoryCodesHint(): string {
  const codes = [...PI_CATEGORY_FALLBACK.keys()];
  return `${codes.slice(0, 6).join(', ')} … (${codes.length} codes, see GET /api/catalog/pi-categories)`;
}

/** Whether a data category is sensitive personal information (PIPL Art. 28). */
export function categorySensitive(code: string): boolean {
  return PI_CATEGORY_FALLBACK.get(code)?.sensitive ?? false;
}

/** The sensitive categories among `codes`. */
export function sensitiveOf(codes: readonly string[]): string[] {
  return codes.filter(categorySensitive);
}
