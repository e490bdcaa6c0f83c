import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import type { Clock } from '../src/app/clock';
import type { AppContext } from '../src/app/context';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { openStore, type Store, type StoreDialect } from '../src/store/database';

/** PostgreSQL used by the tests: DENGBAO_TEST_DATABASE_URL or the local `test` database. */
export const TEST_PG_URL =
  process.env.DENGBAO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: Promise<boolean> | undefined;

/** Whether PostgreSQL answers; under CI=true an unreachable database is an error, never a skip. */
export function postgresAvailable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.CI === 'true') {
        throw new Error(
          `CI=true but PostgreSQL at ${TEST_PG_URL} is unreachable: ${String(error)}`,
          { cause: error },
        );
      }
      console.warn(
        `# PostgreSQL at ${TEST_PG_URL} unreachable; PostgreSQL tests skipped (set CI=true to make this fail)`,
      );
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgReachable;
}

export const TEST_DIALECTS: readonly StoreDialect[] = ['sqlite', 'postgres'];

/**
 * A fresh, migrated store: in-memory SQLite, or a new PostgreSQL schema dropped on close.
 * Returns null only when PostgreSQL is unreachable outside CI.
 */
export async function openTestStore(dialect: StoreDialect): Promise<Store | null> {
  if (dialect === 'sqlite') return openStore({ kind: 'sqlite', file: ':memory:' });
  if (!(await postgresAvailable())) return null;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ kind: 'postgres', url: TEST_PG_URL, schema });
  return {
    ...store,
    close: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}

/** A clock fixed at a Beijing-time date (09:00). */
export function fixedClock(isoDate: string): Clock {
  return { now: () => new Date(`${isoDate}T01:00:00Z`) };
}

const labelCitation = citationLabeller(loadShippedKnowledgeBase());

/** A fixed test key (never a real one). */
export const TEST_CIPHER = createFieldCipher(
  parseKeyList('test1:00112233445566778899aabbccddeeff', 'test'),
);

export function testContext(store: Store, today = '2026-03-02'): AppContext {
  return {
    store,
    clock: fixedClock(today),
    labelCitation,
    security: DEFAULT_SECURITY_CONFIG,
    cipher: TEST_CIPHER,
    catalog: shippedMlpsCatalog(),
  };
}
