import type { SecurityConfig } from '../security/config';
import type { FieldCipher } from '../security/field-crypto';
import type { Store } from '../store/database';
import type { Clock } from './clock';
import type { CitationLabeller } from './presenters';

/** What every use case needs: the store, the clock, the knowledge base's citation labels and the security policy. */
export interface AppContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly labelCitation: CitationLabeller;
  readonly security: SecurityConfig;
  /** SM4 encryption of sensitive fields (keys never in the database). */
  readonly cipher: FieldCipher;
}
