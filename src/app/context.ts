import type { Store } from '../store/database';
import type { Clock } from './clock';
import type { CitationLabeller } from './presenters';

/** What every use case needs: the store, the clock and the knowledge base's citation labels. */
export interface AppContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly labelCitation: CitationLabeller;
}
