import type { Kysely } from 'kysely';

/**
 * Attachments on the records of a system (issue 15 part 2): scans of the 专家评审意见, the
 * 主管部门核准, the 备案证明 and the 测评报告 on their review, filing or assessment-event record, and
 * the system's own 网络拓扑图 (`record_kind` 'system', `record_id` = the system id). Stored like
 * assessment evidence: the content SM4 field-encrypted (`content_enc`), its SM3 digest in clear.
 * Records are removed only with their system, and the system's deletion removes its attachments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('system_id', 'varchar(36)', (c) =>
      c.notNull().references('systems.id').onDelete('cascade'),
    )
    .addColumn('record_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(40)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sm3', 'varchar(64)', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)')
    .execute();
  await db.schema
    .createIndex('record_attachments_system')
    .on('record_attachments')
    .columns(['organisation_id', 'system_id', 'record_kind', 'record_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_attachments').execute();
}
