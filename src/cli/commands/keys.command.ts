import type { Command } from 'commander';
import { loadStoreKeyring } from '../../app/backup/keyring-guard';
import {
  KEYS_ENV,
  KEY_ID_PATTERN,
  addKeyToFile,
  generateKey,
  loadKeyring,
  nextKeyId,
  type Keyring,
  type LoadedKeyring,
} from '../../security/keyring';
import { storeDescription } from '../../app/bootstrap';
import {
  assertAllKeysPresent,
  keyUsageFromEnv,
  reencryptCommand,
  type ReencryptResult,
} from '../../app/keys/maintenance';
import { withStore } from '../context';
import { UsageError, formatTable } from '../io';

const out = (line = '') => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);

function parseBatchSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new UsageError(`--batch-size must be a whole number from 1 to 100000 (got ${value})`);
  return n;
}

/** Loads the configured keyring (never creates a key file) and prints its warnings. */
function loadConfigured(): LoadedKeyring {
  // A missing key file beside encrypted data is named as such (restore it), not "no keys".
  const loaded = loadStoreKeyring(process.env, { create: false });
  for (const w of loaded.warnings) note(`warning: ${w}`);
  return loaded;
}

function printResult(result: ReencryptResult): void {
  out(
    formatTable(
      [
        'column',
        'scanned',
        'rotated',
        'bound (v1)',
        'plaintext encrypted',
        'already current',
        'skipped',
        'failed',
      ],
      result.columns.map((c) => [
        `${c.table}.${c.column}`,
        String(c.scanned),
        String(c.rotated),
        String(c.bound),
        String(c.encryptedPlaintext),
        String(c.current),
        String(c.skipped),
        String(c.failed),
      ]),
    ),
  );
  const skipped = result.columns.reduce((n, c) => n + c.skipped, 0);
  if (skipped)
    note(
      `${skipped} value(s) changed while re-encrypting and were left alone; run again to finish`,
    );
  const failed = result.columns.filter((c) => c.failed > 0);
  if (failed.length) {
    for (const c of failed) {
      note(`cannot decrypt ${c.failed} value(s) in ${c.table}.${c.column} (left unchanged):`);
      for (const f of c.failures) note(`  - ${JSON.stringify(f.key)}: ${f.error}`);
      if (c.failures.length < c.failed) note(`  - … and ${c.failed - c.failures.length} more`);
    }
    throw new Error(
      `${failed.reduce((n, c) => n + c.failed, 0)} value(s) could not be decrypted; keep every old key until this is resolved`,
    );
  }
}

async function reencrypt(keyring: Keyring, batchSize: number | undefined): Promise<void> {
  await withStore(async (ctx) => {
    const result = await reencryptCommand(ctx, keyring, {
      ...(batchSize !== undefined && { batchSize }),
    });
    const store = storeDescription(ctx);
    out(`re-encrypted with key '${result.currentKeyId}' (${store.dialect}: ${store.location})`);
    printResult(result);
  });
}

export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description(
      `SM4 field-encryption keys: ${KEYS_ENV}, else DENGBAO_KEY_FILE, else <DENGBAO_DATA_DIR>/keys.json`,
    );

  keys
    .command('generate')
    .description(`print a new random key as "id:hex" for ${KEYS_ENV} (nothing is stored)`)
    .option('--id <id>', 'key id (default: the next kN after the configured keys)')
    .action((opts: { id?: string }) => {
      let existing: readonly string[] = [];
      let file: string | null = null;
      try {
        ({
          keyring: { ids: existing },
          file,
        } = loadKeyring({ env: process.env }));
      } catch {
        // No usable keys configured yet: start at k1.
      }
      const id = opts.id ?? nextKeyId(existing);
      if (!KEY_ID_PATTERN.test(id))
        throw new UsageError(`--id ${JSON.stringify(id)}: use 1-32 characters A-Z a-z 0-9 _ -`);
      if (existing.includes(id)) throw new UsageError(`key id '${id}' is already configured`);
      out(`${id}:${generateKey()}`);
      note(
        file === null
          ? `# append it to ${KEYS_ENV} (comma-separated; the last key is current), keep the old keys, restart, then run \`dengbao keys rotate\` to re-encrypt`
          : `# keys currently come from ${file}; \`dengbao keys rotate\` adds a key there itself. Use this line only to switch to ${KEYS_ENV} (copy the file's keys too)`,
      );
    });

  keys
    .command('rotate')
    .description(
      'add a new current key to the key file and re-encrypt all encrypted columns with it ' +
        `(with ${KEYS_ENV}: only re-encrypt with its current key). ` +
        'Running servers must be restarted to read values under the new key; for no downtime use ' +
        '--no-reencrypt, restart, then `dengbao keys reencrypt`',
    )
    .option('--batch-size <n>', 'rows per transaction (default 500)')
    .option('--no-reencrypt', 'only add the new key')
    .action(async (opts: { batchSize?: string; reencrypt: boolean }) => {
      const batchSize = parseBatchSize(opts.batchSize);
      const loaded = loadConfigured();
      let keyring = loaded.keyring;
      await withStore((ctx) => assertAllKeysPresent(ctx, keyring, loaded.source));
      if (loaded.file === null) {
        out(
          `keys come from ${KEYS_ENV}: not adding a key; re-encrypting with its current key '${keyring.currentId}'`,
        );
        out(
          `(to rotate: \`dengbao keys generate\`, append the line to ${KEYS_ENV}, restart, and run this again)`,
        );
        if (!opts.reencrypt) return;
      } else {
        const added = addKeyToFile(loaded.file);
        keyring = added.keyring;
        out(`added key '${added.id}' to ${loaded.file}; it is now the current key`);
        note(
          'back up the key file now: it is not in the database, and without it the data cannot be decrypted',
        );
        if (!opts.reencrypt) {
          out(
            'not re-encrypting (--no-reencrypt): restart servers, then run `dengbao keys reencrypt`',
          );
          return;
        }
      }
      await reencrypt(keyring, batchSize);
      if (loaded.file !== null)
        note(
          `restart running dengbao servers: until they load key '${keyring.currentId}' they cannot read the re-encrypted values`,
        );
    });

  keys
    .command('reencrypt')
    .description('re-encrypt all encrypted columns with the current key (no key is added)')
    .option('--batch-size <n>', 'rows per transaction (default 500)')
    .action(async (opts: { batchSize?: string }) => {
      const batchSize = parseBatchSize(opts.batchSize);
      const loaded = loadConfigured();
      await withStore((ctx) => assertAllKeysPresent(ctx, loaded.keyring, loaded.source));
      await reencrypt(loaded.keyring, batchSize);
    });

  keys
    .command('status')
    .description(
      'show where the keys come from and which key ids the stored values use (no key material)',
    )
    .action(async () => {
      let loaded: LoadedKeyring | null = null;
      try {
        loaded = loadConfigured();
        out(`keys: ${loaded.source}`);
        out(`current key: ${loaded.keyring.currentId}; all keys: ${loaded.keyring.ids.join(', ')}`);
      } catch (error) {
        out(`keys: not usable (${error instanceof Error ? error.message : String(error)})`);
      }
      // Not withStore: its context loads the keyring with createIfMissing, and status must never
      // create a key file (that would hide a missing one).
      const usage = await keyUsageFromEnv();
      const rows: string[][] = [];
      for (const u of usage) {
        const ids = Object.entries(u.byKeyId).sort(([a], [b]) => a.localeCompare(b));
        for (const [id, n] of ids) {
          const state = !loaded
            ? ''
            : !loaded.keyring.has(id)
              ? 'MISSING from keyring'
              : id === loaded.keyring.currentId
                ? 'current'
                : 'old (rotate to retire)';
          rows.push([`${u.table}.${u.column}`, id, String(n), state]);
        }
        if (u.unbound)
          rows.push([
            `${u.table}.${u.column}`,
            '(unbound, v1)',
            String(u.unbound),
            'not bound to its row: `dengbao keys reencrypt` (or a server start) binds them',
          ]);
        if (u.plaintext)
          rows.push([
            `${u.table}.${u.column}`,
            '(plaintext)',
            String(u.plaintext),
            'not encrypted',
          ]);
        if (!ids.length && !u.plaintext) rows.push([`${u.table}.${u.column}`, '-', '0', '']);
      }
      out(formatTable(['column', 'key', 'values', 'state'], rows));
    });
}
