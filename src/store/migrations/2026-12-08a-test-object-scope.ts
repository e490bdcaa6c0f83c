import type { Kysely } from 'kysely';

/**
 * Test objects as assessors define them: attributes (IP addresses, OS and version, model, vendor,
 * location, role, importance) and an own requirement set by control point. Network and security
 * devices, management platforms and cloud platforms used to carry 安全通信网络 / 安全区域边界 /
 * 安全管理中心 rows by default; their defaults are now 安全计算环境 only (whole-network objects
 * carry the rest), so objects that already exist keep their old set, written out as their own
 * control points, and no recorded result loses its row.
 */
const OLD_CATEGORIES: Record<string, readonly string[]> = {
  network_device: ['CNS', 'ABS', 'CES'],
  security_device: ['CNS', 'ABS', 'CES', 'SMC'],
  management_platform: ['SMC', 'CES'],
  cloud_platform: ['CNS', 'ABS', 'CES', 'SMC'],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('test_objects')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('test_objects').addColumn('control_points', 'text').execute();

  const objects = await db
    .selectFrom('test_objects')
    .innerJoin('assessments', 'assessments.id', 'test_objects.assessment_id')
    .select([
      'test_objects.id as id',
      'test_objects.kind as kind',
      'assessments.baseline as baseline',
    ])
    .where('test_objects.kind', 'in', Object.keys(OLD_CATEGORIES))
    .execute();
  const points = new Map<string, Map<string, string[]>>();
  for (const o of objects as { id: string; kind: string; baseline: string }[]) {
    let byCategory = points.get(o.baseline);
    if (byCategory === undefined) {
      byCategory = new Map();
      for (const item of JSON.parse(o.baseline) as { category: string; controlPointId: string }[]) {
        const list = byCategory.get(item.category) ?? [];
        if (!list.includes(item.controlPointId)) list.push(item.controlPointId);
        byCategory.set(item.category, list);
      }
      points.set(o.baseline, byCategory);
    }
    const selected = (OLD_CATEGORIES[o.kind] ?? []).flatMap((c) => byCategory?.get(c) ?? []);
    await db
      .updateTable('test_objects')
      .set({ control_points: JSON.stringify(selected) })
      .where('id', '=', o.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('test_objects').dropColumn('control_points').execute();
  await db.schema.alterTable('test_objects').dropColumn('attributes').execute();
}
