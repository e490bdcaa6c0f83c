import { citationLabeller, loadShippedKnowledgeBase } from '../app/citation-labels';
import { systemClock } from '../app/clock';
import type { AppContext } from '../app/context';
import { openStore, storeOptionsFromEnv, type Store } from '../store/database';

let labeller: AppContext['labelCitation'] | undefined;

/** The knowledge base labels, loaded once per CLI run. */
export function cliContext(): Pick<AppContext, 'labelCitation' | 'clock'> {
  labeller ??= citationLabeller(loadShippedKnowledgeBase());
  return { labelCitation: labeller, clock: systemClock };
}

/** Opens the configured store (DATABASE_URL or DENGBAO_DATA_DIR), runs `fn`, and closes it. */
export async function withStore<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const store: Store = await openStore(storeOptionsFromEnv());
  try {
    return await fn({ ...cliContext(), store });
  } finally {
    await store.close();
  }
}
