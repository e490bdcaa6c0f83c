/**
 * Does a keyring decrypt a database's encrypted fields? Checked on a sample of every encrypted
 * column before a restore puts the database in place, so a key file that does not belong to the
 * data is refused instead of showing up later as "altered" values and 500s.
 */
import { createInterface } from 'node:readline';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Kysely } from 'kysely';
import { FieldCryptoError, isFieldToken, type FieldCipher } from '../../security/field-crypto';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from '../../store/reencrypt';
import type { Database } from '../../store/schema';

/** Values tried per encrypted column. */
export const SAMPLE_PER_COLUMN = 20;

export interface EncryptedSample {
  readonly table: string;
  readonly column: string;
  /** Primary key values, in the order of the column's keyColumns. */
  readonly rowId: readonly string[];
  readonly token: string;
}

export interface KeyCheck {
  /** Values decrypted. */
  readonly decrypted: number;
  /** The first value that did not decrypt, with why (never the value itself). */
  readonly failure: { sample: EncryptedSample; reason: string; message: string } | null;
}

/** Tries each sample; stops at the first failure. */
export function checkSamples(cipher: FieldCipher, samples: Iterable<EncryptedSample>): KeyCheck {
  let decrypted = 0;
  for (const s of samples) {
    try {
      cipher.decrypt(s.token, { table: s.table, column: s.column, rowId: [...s.rowId] });
      decrypted += 1;
    } catch (error) {
      if (!(error instanceof FieldCryptoError)) throw error;
      const reason = (error as { reason?: string }).reason ?? 'integrity';
      return { decrypted, failure: { sample: s, reason, message: error.message } };
    }
  }
  return { decrypted, failure: null };
}

/** Up to `per` encrypted values of each encrypted column, read through Kysely. */
export async function sampleFromDb(
  db: Kysely<Database>,
  per = SAMPLE_PER_COLUMN,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
): Promise<EncryptedSample[]> {
  const samples: EncryptedSample[] = [];
  for (const c of columns) {
    const rows = (await (db as unknown as Kysely<any>)
      .selectFrom(c.table)
      .select([...c.keyColumns, `${c.column} as __value`])
      .where(c.column, 'is not', null)
      .limit(per * 4)
      .execute()) as Record<string, unknown>[];
    let n = 0;
    for (const row of rows) {
      const value = row.__value;
      if (typeof value !== 'string' || !isFieldToken(value)) continue;
      samples.push({
        table: c.table,
        column: c.column,
        rowId: c.keyColumns.map((k) => String(row[k])),
        token: value,
      });
      if (++n >= per) break;
    }
  }
  return samples;
}

/** Undoes COPY text escaping (\\, \t, \n, \r, \N for null). */
function copyValue(text: string): string | null {
  if (text === '\\N') return null;
  return text.replace(/\\(.)/g, (_, ch: string) =>
    ch === 't' ? '\t' : ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch,
  );
}

/**
 * Up to `per` encrypted values of each encrypted column from the COPY text that
 * `pg_restore --data-only -f -` prints for a dump (so a dump's key can be checked before it is
 * restored). Stops the process once every column has enough.
 */
export async function sampleFromCopyText(
  child: ChildProcessWithoutNullStreams,
  per = SAMPLE_PER_COLUMN,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
): Promise<EncryptedSample[]> {
  const samples: EncryptedSample[] = [];
  const counts = new Map<string, number>();
  let current: {
    table: string;
    picks: { column: string; index: number; keys: number[] }[];
  } | null = null;
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  const done = () => columns.every((c) => (counts.get(`${c.table}.${c.column}`) ?? 0) >= per);
  for await (const line of lines) {
    if (current) {
      if (line === '\\.') {
        current = null;
        continue;
      }
      const values = line.split('\t').map(copyValue);
      for (const p of current.picks) {
        const key = `${current.table}.${p.column}`;
        const value = values[p.index];
        if ((counts.get(key) ?? 0) >= per || typeof value !== 'string' || !isFieldToken(value))
          continue;
        samples.push({
          table: current.table,
          column: p.column,
          rowId: p.keys.map((i) => values[i] ?? ''),
          token: value,
        });
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      if (done()) break;
      continue;
    }
    const m = /^COPY (?:"?[^". ]+"?\.)?"?([a-z_0-9]+)"? \(([^)]*)\) FROM stdin;$/.exec(line);
    if (!m) continue;
    const table = m[1] as string;
    const names = (m[2] as string).split(',').map((n) => n.trim().replace(/^"|"$/g, ''));
    const picks = columns
      .filter((c) => c.table === table)
      .map((c) => ({
        column: c.column,
        index: names.indexOf(c.column),
        keys: c.keyColumns.map((k) => names.indexOf(k)),
      }))
      .filter((p) => p.index >= 0 && p.keys.every((i) => i >= 0));
    current = { table, picks };
  }
  lines.close();
  child.kill();
  return samples;
}
