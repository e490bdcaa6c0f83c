/**
 * Field-encryption key maintenance over the store (`dengbao keys …`): which keys the stored
 * values use, and re-encryption with the current key.
 */
import { createFieldCipher } from '../../security/field-crypto';
import type { Keyring } from '../../security/keyring';
import {
  reencryptAll,
  scanKeyUsage,
  type KeyUsage,
  type ReencryptResult,
} from '../../store/reencrypt';
import { openStoreFromEnv } from '../bootstrap';
import type { AppContext } from '../context';

export type { KeyUsage, ReencryptResult };

/** Refuses to touch anything when the database holds values under keys the keyring lacks. */
export async function assertAllKeysPresent(
  ctx: Pick<AppContext, 'store'>,
  keyring: Keyring,
  source: string,
): Promise<void> {
  const usage = await scanKeyUsage(ctx.store.db);
  const missing = new Set<string>();
  for (const u of usage)
    for (const id of Object.keys(u.byKeyId)) if (!keyring.has(id)) missing.add(id);
  if (missing.size)
    throw new Error(
      `the database has values encrypted with key(s) ${[...missing].map((id) => `'${id}'`).join(', ')} that ${source} does not have; add them back first (nothing was changed)`,
    );
}

/** Re-encrypts every encrypted column with the keyring's current key. */
export function reencryptCommand(
  ctx: Pick<AppContext, 'store'>,
  keyring: Keyring,
  options: { readonly batchSize?: number },
): Promise<ReencryptResult> {
  return reencryptAll(ctx.store.db, createFieldCipher(keyring), options);
}

/**
 * Which key ids the stored values use, read from the configured store opened on its own (no
 * keyring is loaded, so no key file is ever created by asking).
 */
export async function keyUsageFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<KeyUsage[]> {
  const store = await openStoreFromEnv(env);
  return scanKeyUsage(store.db).finally(() => store.close());
}
