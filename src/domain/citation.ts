/**
 * A pointer into the knowledge base (src/catalogs/knowledge-base): an instrument and,
 * where one applies, a provision (article, clause, Q&A number).
 */
export interface Citation {
  readonly instrumentId: string;
  readonly provisionId?: string;
  /** When the cited text is one version of an amended law: the days that version was in force. */
  readonly inForceFrom?: string;
  readonly inForceTo?: string;
}

/** CSL 2016 text until the amendment took effect on 2026-01-01. */
export const CSL_2016_IN_FORCE = { inForceFrom: '2017-06-01', inForceTo: '2025-12-31' } as const;
/** CSL as amended by the NPCSC decision of 2025-10-28. */
export const CSL_2025_IN_FORCE = { inForceFrom: '2026-01-01' } as const;

/** The citations whose cited text is in force on `asOf` (ISO dates compare as strings). */
export function citationsInForce(citations: readonly Citation[], asOf: string): Citation[] {
  return citations.filter(
    (c) => (!c.inForceFrom || c.inForceFrom <= asOf) && (!c.inForceTo || asOf <= c.inForceTo),
  );
}

/** How sure we are of a fact a rule relies on (confirmed, derived or unverified against the public source). */
export type Provenance = 'confirmed' | 'derived' | 'unverified';
