/**
 * The penalty provisions a duty risks, resolved from the penalties catalog
 * (src/catalogs/penalties): each id with its titles, whether it is in force on the as-of date,
 * and the catalog entry (tiers, fines, authority). An id the catalog does not know comes back
 * with `resolved: false`, so clients show the id rather than a guessed text.
 */
import { penaltiesById, penaltyInForce } from '../../catalogs/penalties';
import type { PenaltyEntryRecord } from '../../catalogs/penalties.schema';

export interface PenaltyEntry {
  readonly id: string;
  /** Whether the catalog knew the id (false: only the id is known). */
  readonly resolved: boolean;
  readonly titleZh: string | null;
  readonly titleEn: string | null;
  /** In force on the as-of date (null when unresolved). */
  readonly inForce: boolean | null;
  /** The catalog entry: tiers, fines and the authority. */
  readonly entry: PenaltyEntryRecord | null;
}

export function penaltyEntries(ids: readonly string[], asOf: string): PenaltyEntry[] {
  const byId = penaltiesById();
  return ids.map((id) => {
    const entry = byId.get(id);
    return entry
      ? {
          id,
          resolved: true,
          titleZh: entry.titleZh,
          titleEn: entry.titleEn,
          inForce: penaltyInForce(entry, asOf),
          entry,
        }
      : { id, resolved: false, titleZh: null, titleEn: null, inForce: null, entry: null };
  });
}
