/**
 * Checks of an app check beyond its schema, all reported at once with their field paths: the
 * app type is one of the catalog's 39, each data category exists (src/catalogs/pi-categories).
 */
import { shippedAppNecessaryPi } from '../../../catalogs/app-necessary-pi';
import { piCategoriesByCode } from '../../../catalogs/pi-categories';
import { detail, type ErrorDetail } from '../../../errors';
import type { AppCheckInput } from '../../../shared/data-security-schemas';

export function appCheckProblems(input: AppCheckInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const types = shippedAppNecessaryPi().types;
  if (input.appType && !types.some((t) => t.id === input.appType))
    problems.push(
      detail('appType', 'app_check.unknown_app_type', {
        given: input.appType,
        ids: types.map((t) => t.id).join(', '),
      }),
    );
  const categories = piCategoriesByCode();
  input.collected.forEach((c, i) => {
    if (c.piCategory && !categories.has(c.piCategory))
      problems.push(
        detail(`collected[${i}].piCategory`, 'app_check.unknown_category', { given: c.piCategory }),
      );
  });
  return problems;
}
