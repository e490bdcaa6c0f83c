import type { Command } from 'commander';
import { openStoreFromEnv } from '../../app/bootstrap';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('bring the database schema to the latest version (also done at every start)')
    .action(async () => {
      const store = await openStoreFromEnv();
      process.stdout.write(`database is up to date (${store.dialect}: ${store.location})\n`);
      await store.close();
    });
}
