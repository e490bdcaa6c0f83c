/**
 * The penalty provisions a duty risks, resolved from the penalties catalog
 * (src/catalogs/penalties, issue 16 part 7). Until that catalog is wired in here, an id comes
 * back with `resolved: false`, so clients show the id rather than a guessed text.
 */
export interface PenaltyEntry {
  readonly id: string;
  /** Whether the catalog knew the id (false: only the id is known). */
  readonly resolved: boolean;
  readonly titleZh: string | null;
  readonly titleEn: string | null;
}

export function penaltyEntries(ids: readonly string[]): PenaltyEntry[] {
  return ids.map((id) => ({ id, resolved: false, titleZh: null, titleEn: null }));
}
