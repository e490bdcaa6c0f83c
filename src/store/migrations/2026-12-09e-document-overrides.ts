import type { Kysely } from 'kysely';

/**
 * Templates a user can adjust (issue 15 part 7): an organisation's own wording of the documents'
 * blocks (声明, cover lines, agency details) and its logo for the covers.
 *
 * `document_overrides` holds one row per block and language (`block_key` is
 * `<document>.<block>.<lang>`, e.g. `assessment.statement.zh`). A reset keeps the row with an
 * empty text, so a block's version (the highest of its languages') only goes up. Document wording
 * is printed on every copy handed out: not secret, stored in plain text.
 *
 * `organisation_logos` holds at most one picture per organisation (PNG or JPEG, checked by its
 * bytes, at most 512 KB), as base64 text so that SQLite and PostgreSQL store it alike, with its
 * SM3 digest and pixel size read from the header.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_overrides')
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('block_key', 'varchar(120)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_overrides_pk', ['organisation_id', 'block_key'])
    .execute();

  await db.schema
    .createTable('organisation_logos')
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.primaryKey().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('media_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('sm3', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisation_logos').execute();
  await db.schema.dropTable('document_overrides').execute();
}
