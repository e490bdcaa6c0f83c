import { z } from 'zod';
import { ENTRY_NAME } from './archive';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'dengbao-backup';
export const MANIFEST_VERSION = 1;
/** The manifest is small; anything bigger is not one. */
export const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;

/** The SQLite database inside an archive. */
export const SQLITE_ENTRY = 'dengbao.sqlite';
/** pg_dump's custom-format dump inside an archive. */
export const PG_DUMP_ENTRY = 'dengbao.pgdump';
/** The key file that was in use (same format as keys.json). */
export const KEY_FILE_ENTRY = 'keys.json';
/** Keys that came from DENGBAO_ENCRYPTION_KEYS, written in key file format. */
export const ENV_KEYS_ENTRY = 'keys-from-env.json';

const Sm3 = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    version: z.literal(MANIFEST_VERSION),
    createdAt: z.string().datetime(),
    dengbaoVersion: z.string(),
    dialect: z.enum(['sqlite', 'postgres']),
    /** The last migration applied to the backed-up database. */
    schemaVersion: z.string().nullable(),
    database: z
      .object({
        file: z.string().regex(ENTRY_NAME),
        /** PostgreSQL: the schema dumped (null: the whole database). */
        pgSchema: z.string().nullable().optional(),
      })
      .strict(),
    keys: z
      .object({
        file: z.enum([KEY_FILE_ENTRY, ENV_KEYS_ENTRY]),
        /** Where the keys came from when backed up (no key material). */
        source: z.string(),
        fromEnvironment: z.boolean(),
        current: z.string(),
        ids: z.array(z.string()),
      })
      .strict()
      .nullable(),
    /** The head of every audit chain in the backup ('' = platform). */
    auditHeads: z.array(
      z
        .object({
          organisationId: z.string(),
          chain: z.string(),
          seq: z.number().int().min(0),
          hash: Sm3,
        })
        .strict(),
    ),
    files: z
      .array(
        z
          .object({
            name: z.string().regex(ENTRY_NAME),
            size: z.number().int().min(0),
            sm3: Sm3,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Manifest = z.infer<typeof ManifestSchema>;
