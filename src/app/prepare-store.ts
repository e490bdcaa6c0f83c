import { openStore, storeOptionsFromEnv } from '../store/database';
import { loadStoreKeyring } from './backup/keyring-guard';
import { fieldCipherAtStart } from './field-binding';

/**
 * What must happen once before several server processes start on one store: the key file
 * created (embedded mode), the schema migrated and old encrypted values bound to their rows.
 * Workers then find nothing left to do, instead of racing each other to do it.
 */
export async function prepareStoreForWorkers(env: NodeJS.ProcessEnv): Promise<void> {
  const keys = loadStoreKeyring(env);
  if (keys.created)
    console.warn(
      `dengbao: created the encryption key file ${keys.file ?? keys.source}; back it up — it is not in the database`,
    );
  const store = await openStore(storeOptionsFromEnv(env));
  try {
    await fieldCipherAtStart(store, keys.keyring);
  } finally {
    await store.close();
  }
}
