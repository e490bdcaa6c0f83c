/**
 * Classification of an inventory file without a database (`dengbao data classify`, the
 * workbook's computed columns): each resource graded with the shipped catalogs, and the file's
 * own problems (codes twice, unknown categories, catalogue entries or sectors) — systems and
 * processing activities are not checked, there is no organisation to check them against.
 */
import type { ErrorDetail } from '../../../errors';
import type { Classification } from '../../../domain/data-security/types';
import type { DataInventoryFile } from '../../../shared/data-security-schemas';
import { inventoryClassifier } from './catalog';
import { resourceFacts } from './model';
import { fileProblems } from './validate';

/** The classification of each resource of the file, in file order. */
export function classifyInventoryFile(file: DataInventoryFile): Classification[] {
  const { classify } = inventoryClassifier();
  return file.resources.map((r) => {
    const { systems: _systems, ...rest } = r;
    return classify(resourceFacts(r.code, { ...rest, systemIds: [] }));
  });
}

/** The file's problems that need no organisation (see the module comment). */
export function standaloneFileProblems(file: DataInventoryFile): ErrorDetail[] {
  return fileProblems(file, { systemKnown: () => true, activityCodes: null }, 0, new Set());
}
