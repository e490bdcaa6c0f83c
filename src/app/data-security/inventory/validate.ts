/**
 * The inventory's checks beyond the wire schema, each with its field path: systems of the
 * organisation, personal-information categories of the classifier, a catalogue entry and a
 * sector of the classification catalog, processing activities of the privacy register,
 * destinations of a resource that leaves China, a declaration date with its grade, duplicates.
 * One set of checks for the API, the file import and the CLI.
 */
import type { ErrorDetail } from '../../../errors';
import {
  DATASEC_LIMITS,
  type DataInventoryFile,
  type DataResourceInput,
} from '../../../shared/data-security-schemas';
import { categoryCodesHint, categoryKnown } from '../../privacy/categories';
import { catalogueEntryKnown, inventoryCatalog, sectorKnown } from './catalog';

/** What a resource may refer to outside itself. */
export interface ResourceReferences {
  /** Whether a system reference (id on the API, name in a file) is the organisation's. */
  readonly systemKnown: (ref: string) => boolean;
  /** Codes of the privacy register's activities (null: not checked, e.g. the CLI's classify). */
  readonly activityCodes: ReadonlySet<string> | null;
}

const twice = (items: readonly string[], at: (i: number) => string, out: ErrorDetail[]) => {
  const first = new Map<string, number>();
  items.forEach((key, i) => {
    const seen = first.get(key);
    if (seen !== undefined)
      out.push({ path: at(i), message: `listed twice: "${key}" is also at ${at(seen)}` });
    else first.set(key, i);
  });
};

/**
 * Problems of one resource (`systemRefs` are ids on the API, names in a file) with paths below
 * `base` (`''` for a request body, `resources[3]` in a file).
 */
export function resourceProblems(
  r: Omit<DataResourceInput, 'systemIds'>,
  systemRefs: readonly string[],
  systemField: 'systemIds' | 'systems',
  refs: ResourceReferences,
  base = '',
): ErrorDetail[] {
  const p = (rest: string) => (base ? `${base}.${rest}` : rest);
  const out: ErrorDetail[] = [];
  twice(systemRefs, (i) => p(`${systemField}[${i}]`), out);
  systemRefs.forEach((ref, i) => {
    if (!refs.systemKnown(ref))
      out.push({
        path: p(`${systemField}[${i}]`),
        message:
          systemField === 'systems'
            ? `"${ref}" is not a system (grading object) of this organisation`
            : `${ref} is not a system of this organisation`,
      });
  });
  twice(r.piCategories, (i) => p(`piCategories[${i}]`), out);
  r.piCategories.forEach((code, i) => {
    if (!categoryKnown(code))
      out.push({
        path: p(`piCategories[${i}]`),
        message: `"${code}" is not a data category of the classifier; use one of ${categoryCodesHint()}`,
      });
  });
  if (r.individuals > 0 && r.piCategories.length === 0)
    out.push({
      path: p('piCategories'),
      message:
        'name the personal-information categories of a resource that holds personal information',
    });
  if (r.catalogueEntry && !catalogueEntryKnown(r.catalogueEntry))
    out.push({
      path: p('catalogueEntry'),
      message: `"${r.catalogueEntry}" is not an entry of the classification catalog (catalog ${inventoryCatalog().version}); write <catalogueId>/<entryId> as GET /api/catalog/data-classification lists them`,
    });
  if (r.sector && inventoryCatalog().sectors.length > 0 && !sectorKnown(r.sector))
    out.push({
      path: p('sector'),
      message: `"${r.sector}" is not a sector of the classification catalog; use one of ${inventoryCatalog()
        .sectors.map((s) => s.key)
        .join(', ')}`,
    });
  twice(r.privacyActivityCodes, (i) => p(`privacyActivityCodes[${i}]`), out);
  if (refs.activityCodes)
    r.privacyActivityCodes.forEach((code, i) => {
      if (!refs.activityCodes!.has(code))
        out.push({
          path: p(`privacyActivityCodes[${i}]`),
          message: `"${code}" is not an activity of this organisation's personal-information register`,
        });
    });
  if (r.crossBorder && r.crossBorderDestinations.length === 0)
    out.push({
      path: p('crossBorderDestinations'),
      message: 'name the destinations of a resource that leaves China',
    });
  if (!r.crossBorder && r.crossBorderDestinations.length > 0)
    out.push({
      path: p('crossBorderDestinations'),
      message: 'destinations are given only for a resource that leaves China (crossBorder: true)',
    });
  twice(r.crossBorderDestinations, (i) => p(`crossBorderDestinations[${i}]`), out);
  twice(
    r.impacts.map((i) => i.object),
    (i) => p(`impacts[${i}].object`),
    out,
  );
  if (r.declaredOn && !r.declaredGrade)
    out.push({
      path: p('declaredGrade'),
      message: 'give the grade that was declared or notified on declaredOn',
    });
  return out;
}

/** Problems of an inventory file: duplicate codes, size, and each resource's. */
export function fileProblems(
  file: DataInventoryFile,
  refs: ResourceReferences,
  stored: number,
  storedCodes: ReadonlySet<string>,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  twice(
    file.resources.map((r) => r.code),
    (i) => `resources[${i}].code`,
    out,
  );
  const added = file.resources.filter((r) => !storedCodes.has(r.code)).length;
  if (stored + added > DATASEC_LIMITS.resourcesPerOrganisation)
    out.push({
      path: 'resources',
      message: `the inventory would hold ${stored + added} resources; at most ${DATASEC_LIMITS.resourcesPerOrganisation} are allowed`,
    });
  file.resources.forEach((r, i) => {
    const { systems, ...rest } = r;
    out.push(...resourceProblems({ ...rest }, systems, 'systems', refs, `resources[${i}]`));
  });
  return out;
}
