import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedMlpsCatalog } from '../../catalogs/mlps-catalog';
import { baselineFor, extensionsForSystemTypes } from './baseline';

const catalog = shippedMlpsCatalog();

describe('baselineFor', () => {
  it('level 3 with no extension is the 211 general items in 71 control points', () => {
    const baseline = baselineFor(catalog, 3, []);
    assert.equal(baseline.counts.items, 211);
    assert.equal(baseline.counts.controlPoints, 71);
    assert.deepEqual(baseline.counts.byKind, { technical: 96, management: 115 });
    assert.deepEqual(baseline.extensions, ['general']);
    assert.ok(baseline.items.every((i) => i.requirement.extension === 'general'));
    // Items come in the standard's order: the first is site selection 8.1.1.1 a).
    assert.equal(baseline.items[0]?.requirement.id, '8.1.1.1-a');
    assert.equal(baseline.items[0]?.clause, '8.1.1.1');
  });

  it('adds the cloud extension: 211 + 46 at level 3', () => {
    const baseline = baselineFor(catalog, 3, ['cloud']);
    assert.equal(baseline.counts.items, 257);
    assert.deepEqual(baseline.counts.byExtension, { general: 211, cloud: 46 });
  });

  it('a tenant answers the tenant and shared cloud items; a provider the provider and shared ones', () => {
    const all = baselineFor(catalog, 3, ['cloud']).counts.byExtension.cloud ?? 0;
    const tenant = baselineFor(catalog, 3, ['cloud'], { cloudRole: 'tenant' });
    const provider = baselineFor(catalog, 3, ['cloud'], { cloudRole: 'provider' });
    const tenantCloud = tenant.items.filter((i) => i.requirement.extension === 'cloud');
    const providerCloud = provider.items.filter((i) => i.requirement.extension === 'cloud');
    assert.ok(tenantCloud.every((i) => i.requirement.responsibility !== 'provider'));
    assert.ok(providerCloud.every((i) => i.requirement.responsibility !== 'tenant'));
    const shared = tenantCloud.filter((i) => i.requirement.responsibility === 'both').length;
    assert.equal(tenantCloud.length + providerCloud.length - shared, all);
    assert.ok(
      tenantCloud.some((i) => i.requirement.id === '8.2.6.1-a'),
      'tenant chooses the provider',
    );
    assert.ok(
      !tenantCloud.some((i) => i.requirement.id === '8.2.1.1-a'),
      'infrastructure in China is the provider’s',
    );
  });

  it('uses each level’s own clause and item letter', () => {
    const l2 = baselineFor(catalog, 2, []);
    const l3 = baselineFor(catalog, 3, []);
    const auth2 = l2.items.find((i) => i.requirement.id === '8.1.4.1-a');
    const auth3 = l3.items.find((i) => i.requirement.id === '8.1.4.1-a');
    assert.equal(auth2?.clause, '7.1.4.1');
    assert.equal(auth3?.clause, '8.1.4.1');
    assert.equal(auth3?.entry.testId, 'L3-CES1-01');
    // Two-factor authentication (8.1.4.1 d) starts at level 3.
    assert.ok(!l2.items.some((i) => i.requirement.id === '8.1.4.1-d'));
    assert.ok(l3.items.some((i) => i.requirement.id === '8.1.4.1-d'));
  });

  it('grows with the level and always includes general requirements', () => {
    const counts = ([1, 2, 3, 4] as const).map((l) => baselineFor(catalog, l, []).counts.items);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => a - b),
    );
    assert.equal(counts[1], 135);
    assert.equal(counts[3], 228);
    for (const level of [1, 2, 3, 4] as const) {
      const b = baselineFor(catalog, level, ['iot']);
      assert.ok((b.counts.byExtension.general ?? 0) > 0);
    }
  });

  it('names the parts the catalog cannot fully source instead of hiding them', () => {
    assert.deepEqual(baselineFor(catalog, 3, ['cloud']).gaps, []);
    const l1cloud = baselineFor(catalog, 1, ['cloud']).gaps;
    assert.deepEqual(
      l1cloud.map((g) => `${g.extension}:${g.status}`),
      ['general:unverified', 'cloud:incomplete'],
    );
    const bigData = baselineFor(catalog, 3, ['big_data']).gaps;
    assert.deepEqual(
      bigData.map((g) => `${g.extension}:${g.status}`),
      ['big_data:unverified'],
    );
    assert.deepEqual(
      baselineFor(catalog, 2, ['big_data']).gaps.map((g) => g.status),
      ['missing'],
    );
  });

  it('level 5 is assessed against the level-4 requirements, and says so', () => {
    const l5 = baselineFor(catalog, 5, ['ics']);
    const l4 = baselineFor(catalog, 4, ['ics']);
    assert.equal(l5.requirementsLevel, 4);
    assert.equal(l5.counts.items, l4.counts.items);
    assert.match(l5.note?.zh ?? '', /1846/);
    assert.match(l5.note?.en ?? '', /level 4/);
    assert.equal(l4.note, undefined);
  });
});

describe('extensionsForSystemTypes', () => {
  it('maps grading-object types to extensions and the cloud side', () => {
    assert.deepEqual(extensionsForSystemTypes(['ordinary_system']), { extensions: [] });
    assert.deepEqual(extensionsForSystemTypes(['cloud_tenant_system', 'mobile_internet_system']), {
      extensions: ['cloud', 'mobile'],
      cloudRole: 'tenant',
    });
    assert.deepEqual(extensionsForSystemTypes(['cloud_platform']), {
      extensions: ['cloud'],
      cloudRole: 'provider',
    });
    assert.deepEqual(extensionsForSystemTypes(['cloud_platform', 'cloud_tenant_system']), {
      extensions: ['cloud'],
    });
    assert.deepEqual(
      extensionsForSystemTypes(['big_data_platform', 'industrial_control', 'iot']).extensions,
      ['iot', 'ics', 'big_data'],
    );
  });
});
