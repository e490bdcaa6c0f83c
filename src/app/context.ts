import type { MlpsCatalog } from '../catalogs/mlps-catalog.model';
import type { SecurityConfig } from '../security/config';
import type { FieldCipher } from '../security/field-crypto';
import type { Store } from '../store/database';
import type { Clock } from './clock';
import type { CitationLabeller } from './presenters';

/** What every use case needs: the store, the clock, the knowledge base's citation labels, the security policy and the catalog. */
export interface AppContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly labelCitation: CitationLabeller;
  readonly security: SecurityConfig;
  /** SM4 encryption of sensitive fields (keys never in the database). */
  readonly cipher: FieldCipher;
  /** The validated GB/T 22239-2019 catalog (requirements, high-risk guide, triggers, crosswalks). */
  readonly catalog: MlpsCatalog;
  /** Audit anchors outside the database (DENGBAO_AUDIT_ANCHOR_FILE); checked by audit verify. */
  readonly auditAnchorFile?: string | null;
}
