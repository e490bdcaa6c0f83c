import type { Kysely } from 'kysely';

/**
 * CII model: core businesses (with their business chain and information categories as JSON),
 * organisation-wide assets and typed dependencies, information flows (hops as JSON) and the
 * recorded boundary determinations (a snapshot each, so history survives asset edits).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organisations.id').onDelete('cascade');
  const business = (c: any) => c.notNull().references('cii_core_businesses.id').onDelete('cascade');
  const asset = (c: any) => c.notNull().references('cii_assets.id').onDelete('cascade');

  await db.schema
    .createTable('cii_core_businesses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('sector', 'varchar(40)', (c) => c.notNull())
    .addColumn('designating_authority', 'varchar(200)')
    .addColumn('designation_notice', 'varchar(200)')
    .addColumn('designated_on', 'varchar(10)')
    .addColumn('description', 'text')
    .addColumn('chain_steps', 'text', (c) => c.notNull())
    .addColumn('info_categories', 'text', (c) => c.notNull())
    .addColumn('boundary_follow', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('cii_core_businesses_name', ['organisation_id', 'name'])
    .execute();

  await db.schema
    .createTable('cii_assets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('code', 'varchar(60)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('party', 'varchar(200)')
    .addColumn('system_id', 'varchar(36)', (c) => c.references('systems.id').onDelete('set null'))
    .addColumn('description', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('cii_assets_code', ['organisation_id', 'code'])
    .execute();

  await db.schema
    .createTable('cii_dependencies')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('from_asset_id', 'varchar(36)', asset)
    .addColumn('to_asset_id', 'varchar(36)', asset)
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('cii_dependencies_edge', ['from_asset_id', 'to_asset_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('cii_dependencies_org')
    .on('cii_dependencies')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('cii_flows')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('core_business_id', 'varchar(36)', business)
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('info_category', 'varchar(200)')
    .addColumn('description', 'text')
    .addColumn('hops', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('cii_flows_name', ['core_business_id', 'name'])
    .execute();

  await db.schema
    .createTable('cii_determinations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', org)
    .addColumn('core_business_id', 'varchar(36)', business)
    // 1, 2, 3… per core business: the order of determinations even within one clock tick.
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('determined_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('determined_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('rules_id', 'varchar(100)', (c) => c.notNull())
    // JSON snapshots (CiiDeterminationView parts).
    .addColumn('inside', 'text', (c) => c.notNull())
    .addColumn('boundary_points', 'text', (c) => c.notNull())
    .addColumn('added', 'text', (c) => c.notNull())
    .addColumn('removed', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cii_determinations_business')
    .on('cii_determinations')
    .columns(['core_business_id', 'sequence'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'cii_determinations',
    'cii_flows',
    'cii_dependencies',
    'cii_assets',
    'cii_core_businesses',
  ])
    await db.schema.dropTable(t).execute();
}
