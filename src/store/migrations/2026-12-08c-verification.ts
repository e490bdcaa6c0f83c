import type { Kysely } from 'kysely';

/**
 * Verification tests of a level assessment (漏洞扫描 and 渗透测试): each imported file (its name,
 * format, SM3 digest, scanner, scan date, counts, who imported it) and its findings, each on a
 * test object or unassigned (the object's deletion leaves it unassigned). A finding's description
 * and solution describe weaknesses and are stored SM4 field-encrypted (`_enc`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organisations.id').onDelete('cascade');
  const assessment = (c: any) => c.notNull().references('assessments.id').onDelete('cascade');

  await db.schema
    .createTable('verification_imports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', assessment)
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('format', 'varchar(20)', (c) => c.notNull())
    .addColumn('sm3', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('scanner', 'varchar(200)')
    .addColumn('scanner_version', 'varchar(100)')
    .addColumn('scan_date', 'varchar(10)')
    .addColumn('host_count', 'integer', (c) => c.notNull())
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    // JSON: findings by severity {critical, high, medium, low, info}.
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('imported_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('verification_imports_assessment')
    .on('verification_imports')
    .columns(['assessment_id', 'imported_at'])
    .execute();

  await db.schema
    .createTable('verification_findings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('import_id', 'varchar(36)', (c) =>
      c.notNull().references('verification_imports.id').onDelete('cascade'),
    )
    .addColumn('assessment_id', 'varchar(36)', assessment)
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('object_id', 'varchar(36)', (c) =>
      c.references('test_objects.id').onDelete('set null'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('host', 'varchar(64)')
    .addColumn('hostname', 'varchar(255)')
    .addColumn('port', 'integer')
    .addColumn('protocol', 'varchar(20)')
    .addColumn('service', 'varchar(60)')
    .addColumn('name', 'varchar(500)', (c) => c.notNull())
    // JSON array of CVE ids.
    .addColumn('cves', 'text', (c) => c.notNull())
    // Tenths of a CVSS base score (98 = 9.8): exact on both dialects.
    .addColumn('cvss_tenths', 'integer')
    .addColumn('cvss_version', 'varchar(10)')
    .addColumn('severity', 'varchar(10)', (c) => c.notNull())
    // 1 / 0 / null (not said).
    .addColumn('exploitable', 'integer')
    .addColumn('qod', 'integer')
    .addColumn('plugin_id', 'varchar(100)')
    .addColumn('description_enc', 'text')
    .addColumn('solution_enc', 'text')
    .execute();
  await db.schema
    .createIndex('verification_findings_assessment')
    .on('verification_findings')
    .columns(['assessment_id', 'object_id'])
    .execute();
  await db.schema
    .createIndex('verification_findings_import')
    .on('verification_findings')
    .columns(['import_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('verification_findings').execute();
  await db.schema.dropTable('verification_imports').execute();
}
