import { citationLabeller, loadShippedKnowledgeBase } from '../app/citation-labels';
import { shippedMlpsCatalog } from '../catalogs/mlps-catalog';
import { systemClock } from '../app/clock';
import { securityConfigFromEnv } from '../security/config';
import { createFieldCipher, type FieldCipher } from '../security/field-crypto';
import { loadStoreKeyring } from '../app/backup/keyring-guard';
import type { AppContext } from '../app/context';
import { openStoreFromEnv, type Store } from '../app/bootstrap';

let labeller: AppContext['labelCitation'] | undefined;
let cipher: FieldCipher | undefined;

/** The knowledge base labels, loaded once per CLI run. */
export function cliContext(): Omit<AppContext, 'store'> {
  labeller ??= citationLabeller(loadShippedKnowledgeBase());
  return {
    labelCitation: labeller,
    clock: systemClock,
    security: securityConfigFromEnv(process.env),
    cipher: cliCipher(),
    catalog: shippedMlpsCatalog(),
  };
}

/** The field cipher from the configured keyring (creating the default key file on first use). */
export function cliCipher(): FieldCipher {
  if (!cipher) {
    // With DATABASE_URL the keys must come from the same source as the server's: never invent one
    // here; nor beside a SQLite file that already holds encrypted data.
    const loaded = loadStoreKeyring(process.env);
    if (loaded.created)
      process.stderr.write(
        `note: created the encryption key file ${loaded.file ?? loaded.source}; back it up — it is not in the database\n`,
      );
    for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`);
    cipher = createFieldCipher(loaded.keyring);
  }
  return cipher;
}

/** Opens the configured store (DATABASE_URL or DENGBAO_DATA_DIR), runs `fn`, and closes it. */
export async function withStore<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  // Keys first: a missing key file must stop the command before the database is opened.
  const context = cliContext();
  const store: Store = await openStoreFromEnv();
  for (const w of store.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
  try {
    return await fn({ ...context, store });
  } finally {
    await store.close();
  }
}
