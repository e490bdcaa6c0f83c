import { loadKeyring, type LoadedKeyring } from '../../security/keyring';
import { sqliteEncryptedData, storeOptionsFromEnv } from '../../store/database';
import { ENCRYPTED_COLUMNS } from '../../store/reencrypt';

/**
 * The keyring for the configured store. With the embedded SQLite store the default key file is
 * created on first start, but never where the database already holds encrypted data (a new key
 * could not decrypt it): then loading fails naming the key file and what to do. With
 * DATABASE_URL the keys must be configured.
 */
export function loadStoreKeyring(
  env: NodeJS.ProcessEnv = process.env,
  { create = true }: { create?: boolean } = {},
): LoadedKeyring {
  const options = storeOptionsFromEnv(env);
  if (options.kind !== 'sqlite') return loadKeyring({ env });
  return loadKeyring({
    env,
    createIfMissing: create,
    existingData: () => sqliteEncryptedData(options.file, ENCRYPTED_COLUMNS),
  });
}
