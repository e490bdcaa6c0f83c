/**
 * What every regulatory catalog carries besides its data, like a library's header: a human
 * version, a changelog, and a content hash over the parsed data.
 *
 * - `version`: MAJOR.MINOR.PATCH. The first number is the year of the data release
 *   (2026.2.0 = second release of 2026), so readers see how recent the data is.
 * - `changelog`: newest first; its first entry names the current `version`.
 * - the hash ({@link canonicalJsonHash}) is over canonical JSON of the parsed data, so editing a
 *   YAML comment, re-indenting or re-ordering map keys does not change it, and any change to a
 *   value does.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const IsoDateSchema = z.iso.date({ message: 'must be a real calendar date written YYYY-MM-DD' });

/** A catalog data version: YEAR.RELEASE.FIX, e.g. 2026.2.0. */
export const CatalogVersionSchema = z
  .string()
  .regex(/^\d{4}\.\d+\.\d+$/, 'must be YEAR.RELEASE.FIX, e.g. 2026.2.0');

/** One changelog entry: which version, when, what changed and why (a law, a notice, a fix). */
export const ChangelogEntrySchema = z.strictObject({
  version: CatalogVersionSchema,
  date: IsoDateSchema,
  changes: text,
});
export type ChangelogEntry = z.infer<typeof ChangelogEntrySchema>;

/** The fields `version` and `changelog`, to spread into a catalog file's schema. */
export const CATALOG_METADATA_FIELDS = {
  version: CatalogVersionSchema,
  changelog: z.array(ChangelogEntrySchema).min(1, 'give at least one changelog entry'),
} as const;

/** `version` plus `changelog`, as a schema of its own. */
export const CatalogMetadataSchema = z.strictObject(CATALOG_METADATA_FIELDS);
export type CatalogMetadata = z.infer<typeof CatalogMetadataSchema>;

/**
 * Checks that the newest changelog entry is the current version and that entries run newest
 * first (versions and dates falling). Paths are relative to the object holding the metadata.
 */
export function metadataProblems(
  meta: CatalogMetadata,
): { readonly path: (string | number)[]; readonly message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const first = meta.changelog[0];
  if (first && first.version !== meta.version)
    problems.push({
      path: ['changelog', 0, 'version'],
      message: `the newest changelog entry must be the current version ${meta.version}`,
    });
  meta.changelog.forEach((entry, i) => {
    const newer = meta.changelog[i - 1];
    if (newer && (entry.date > newer.date || compareVersions(entry.version, newer.version) >= 0))
      problems.push({
        path: ['changelog', i],
        message: 'changelog entries must be newest first (older version and date below newer)',
      });
  });
  return problems;
}

/** Orders two YEAR.RELEASE.FIX versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * JSON with object keys sorted at every level and no whitespace: the same data always gives the
 * same text, however the YAML was written. Arrays keep their order (order is data).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of {@link canonicalJson} of `value`. */
export function canonicalJsonHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
