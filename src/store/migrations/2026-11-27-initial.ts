import type { Kysely } from 'kysely';

/** Organisations, systems and their grading, review, filing and event records; obligation statuses. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)')
    .addColumn('credit_code', 'varchar(18)')
    .addColumn('region', 'varchar(100)')
    .addColumn('sector', 'varchar(100)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('systems')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('go_live_on', 'varchar(10)')
    .addColumn('is_cii', 'integer')
    .addColumn('cii_designated_on', 'varchar(10)')
    .addColumn('is_national_egov', 'integer')
    .addColumn('has_competent_authority', 'integer')
    .addColumn('competent_authority', 'varchar(200)')
    .addColumn('responsible_department', 'varchar(200)')
    .addColumn('host_system_id', 'varchar(36)', (c) =>
      c.references('systems.id').onDelete('set null'),
    )
    .addColumn('cii_security_organisation_on', 'varchar(10)')
    .addColumn('level', 'integer')
    .addColumn('graded_on', 'varchar(10)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('systems_org_name')
    .on('systems')
    .columns(['organisation_id', 'name'])
    .execute();

  const child = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('organisation_id', 'varchar(36)', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('system_id', 'varchar(36)', (c) =>
        c.notNull().references('systems.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull());

  await child('gradings')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('previous_level', 'integer')
    .addColumn('graded_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
  await child('reviews')
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('reviewed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('reviewer', 'varchar(200)', (c) => c.notNull())
    .addColumn('opinion', 'text')
    .addColumn('agreed_level', 'integer', (c) => c.notNull())
    .execute();
  await child('filings')
    .addColumn('filed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('bureau', 'varchar(200)', (c) => c.notNull())
    .addColumn('certificate_number', 'varchar(100)')
    .addColumn('level', 'integer', (c) => c.notNull())
    .execute();
  await child('system_events')
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('completed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('agency', 'varchar(200)')
    .addColumn('report_number', 'varchar(100)')
    .execute();
  for (const t of ['gradings', 'reviews', 'filings', 'system_events']) {
    await db.schema.createIndex(`${t}_system`).on(t).column('system_id').execute();
  }

  await db.schema
    .createTable('obligation_statuses')
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('obligation_key', 'varchar(300)', (c) => c.notNull())
    .addColumn('system_id', 'varchar(36)', (c) =>
      c.notNull().references('systems.id').onDelete('cascade'),
    )
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('obligation_statuses_pk', ['organisation_id', 'obligation_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'obligation_statuses',
    'system_events',
    'filings',
    'reviews',
    'gradings',
    'systems',
    'organisations',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
