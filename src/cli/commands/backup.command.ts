import type { Command } from 'commander';
import { systemClock } from '../../app/clock';
import { createBackup } from '../../app/backup/backup';
import { restoreBackup } from '../../app/backup/restore';

const out = (line = '') => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `dengbao backup [--out <file>] [--no-keys]` and `dengbao restore <archive> [--force]`. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'write one archive (.tar.gz, mode 0600) with a consistent copy of the database (SQLite: online backup incl. the WAL; ' +
        'PostgreSQL: pg_dump -Fc), the encryption keys and manifest.json (SM3 digests, schema version, audit heads); ' +
        'the audit heads are also appended to the anchor file',
    )
    .option(
      '--out <file>',
      'archive to write (default ./dengbao-backup-<UTC time>.tar.gz); must not exist',
    )
    .option(
      '--no-keys',
      'leave the encryption keys out (keep them elsewhere; restore then needs them configured)',
    )
    .action(async (opts: { out?: string; keys: boolean }) => {
      const result = await createBackup({
        env: process.env,
        ...(opts.out !== undefined && { out: opts.out }),
        withoutKeys: !opts.keys,
        now: () => systemClock.now(),
      });
      const m = result.manifest;
      out(
        `backup written: ${result.archive} (${mb(result.bytes)}, ${(result.ms / 1000).toFixed(1)} s)`,
      );
      for (const f of m.files) out(`  ${f.name}  ${f.size} bytes  SM3 ${f.sm3}`);
      out(
        `  ${m.dialect}, schema ${m.schemaVersion ?? '?'}; ${m.auditHeads.length} audit chain(s) anchored in ${result.anchorFile}`,
      );
      if (m.keys)
        note(
          `the archive holds the encryption keys (${m.keys.source}${m.keys.fromEnvironment ? ', written as keys-from-env.json' : ''}): keep it as safe as the keys themselves`,
        );
      else
        note(
          'no keys in the archive (--no-keys): keep the key file or DENGBAO_ENCRYPTION_KEYS safely elsewhere',
        );
    });

  program
    .command('restore <archive>')
    .description(
      'restore a `dengbao backup` archive: checks every SM3 digest, that the keys decrypt the data and that every audit chain ' +
        'verifies before anything is replaced (SQLite; stop the server first), then verifies the audit log in place against the anchor file',
    )
    .option(
      '--force',
      'replace an existing database and key file (kept beside as *.pre-restore-<time>)',
    )
    .action(async (archive: string, opts: { force?: boolean }) => {
      const result = await restoreBackup({
        env: process.env,
        archive,
        force: opts.force === true,
        now: () => systemClock.now(),
        log: (line) => note(line),
      });
      const m = result.manifest;
      out(
        `restored the ${m.dialect} backup of ${m.createdAt} (${(result.ms / 1000).toFixed(1)} s)`,
      );
      out(
        result.keyCheck.decrypted
          ? `keys: ${result.keySource} decrypt ${result.keyCheck.decrypted} sampled value(s)`
          : `keys: ${result.keySource} (no encrypted values to check them against)`,
      );
      if (result.keyFile) out(`key file written: ${result.keyFile} (mode 0600)`);
      for (const f of result.keptAside) out(`kept the replaced file as ${f}`);
      for (const r of result.reports) out(r.message);
      out(`restore anchors appended to ${result.anchorFile}`);
    });
}
