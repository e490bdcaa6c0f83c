import type { Store } from '../store/database';

/**
 * The organisation's revision: a number the database bumps (by trigger) on every change to the
 * organisation's systems or filings, whichever server process makes it. 0 before the first.
 */
export async function organisationRevision(store: Store, organisationId: string): Promise<number> {
  const row = await store.db
    .selectFrom('organisation_revisions')
    .select('revision')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/**
 * Answers computed from an organisation's systems and filings, kept per process while the
 * organisation's revision is unchanged. Every request still reads the revision (one indexed
 * row), so a change made through another worker or another server is seen at once; nothing
 * here has to be told about changes. Least recently used entries go first.
 */
export class RevisionCache<V> {
  private readonly entries = new Map<string, { revision: number; value: V }>();

  constructor(private readonly maxEntries = 1000) {}

  async get(
    store: Store,
    organisationId: string,
    key: string,
    compute: () => Promise<V>,
  ): Promise<V> {
    // Read before computing: a change landing meanwhile leaves the entry at the older revision.
    const revision = await organisationRevision(store, organisationId);
    const id = `${organisationId}|${key}`;
    const hit = this.entries.get(id);
    if (hit && hit.revision === revision) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.value;
    }
    const value = await compute();
    this.entries.delete(id);
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, { revision, value });
    return value;
  }
}
