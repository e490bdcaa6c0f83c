/**
 * Objects created before objects had their own requirement sets keep the rows they had: the
 * migration writes the old default of the kinds whose default changed out as their own
 * selection, and leaves every other object on its kind's default.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { up } from './2026-12-08a-test-object-scope';

test('old network and security devices keep their network rows; servers keep the default', async () => {
  const db = new Kysely<any>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('baseline', 'text')
    .execute();
  await db.schema
    .createTable('test_objects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text')
    .addColumn('kind', 'text')
    .execute();
  const baseline = [
    { category: 'PES', controlPointId: '8.1.1.2' },
    { category: 'CNS', controlPointId: '8.1.2.1' },
    { category: 'CNS', controlPointId: '8.1.2.1' },
    { category: 'ABS', controlPointId: '8.1.3.1' },
    { category: 'CES', controlPointId: '8.1.4.1' },
    { category: 'SMC', controlPointId: '8.1.5.1' },
    { category: 'CNS', controlPointId: '8.2.2.1' },
  ];
  await db
    .insertInto('assessments')
    .values({ id: 'a', baseline: JSON.stringify(baseline) })
    .execute();
  await db
    .insertInto('test_objects')
    .values([
      { id: 'switch', assessment_id: 'a', kind: 'network_device' },
      { id: 'firewall', assessment_id: 'a', kind: 'security_device' },
      { id: 'platform', assessment_id: 'a', kind: 'management_platform' },
      { id: 'server', assessment_id: 'a', kind: 'server' },
    ])
    .execute();
  await up(db);
  const rows = await db.selectFrom('test_objects').selectAll().orderBy('id').execute();
  const points = Object.fromEntries(
    rows.map((r) => [r.id, r.control_points === null ? null : JSON.parse(r.control_points)]),
  );
  assert.deepEqual(points, {
    firewall: ['8.1.2.1', '8.2.2.1', '8.1.3.1', '8.1.4.1', '8.1.5.1'],
    platform: ['8.1.5.1', '8.1.4.1'],
    server: null,
    switch: ['8.1.2.1', '8.2.2.1', '8.1.3.1', '8.1.4.1'],
  });
  assert.ok(rows.every((r) => r.attributes === '{}'));
  await db.destroy();
});
